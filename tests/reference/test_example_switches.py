"""The example handbook (`handbook init --example`) with any one feature switched off: one
line in data/features.yml, and nothing else, gives a green check and strict build with no
page, nav entry, link or feed of that feature; the shared pages (home, about) need no edit."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from tests.helpers import build, handbook_cli, mkdocs_env

# Four strict builds of the whole example handbook: `make test` runs them, `make test-fast`
# (no whole-handbook build) does not.
pytestmark = pytest.mark.slow


@pytest.mark.parametrize("feature", ["releases", "tools", "templates", "onboarding"])
def test_example_with_one_feature_off(tmp_path, feature):
    today = dt.date.today().isoformat()
    project = tmp_path / "example"
    made = handbook_cli("init", str(project), "--example", "--today", today)
    assert made.returncode == 0, made.stderr
    switches = project / "data" / "features.yml"
    text = switches.read_text(encoding="utf-8")
    switches.write_text(re.sub(rf"^{feature}: true", f"{feature}: false", text, flags=re.M))
    assert f"{feature}: false" in switches.read_text(encoding="utf-8")
    checked = handbook_cli("check", "--root", str(project), "--today", today)
    assert checked.returncode == 0, checked.stderr
    result = build(project, env=mkdocs_env(today=today))
    assert result.ok, result.log
    assert not (result.site / feature).exists()
    for page in ("", "about/"):
        html = result.html(page)
        assert not re.search(rf'href="(\.\./)*{feature}/', html), page
    if feature == "releases":
        assert not (result.site / "releases" / "feed.xml").exists()
