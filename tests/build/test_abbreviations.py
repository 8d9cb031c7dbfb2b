"""Glossary abbreviations expand to <abbr> tooltips in text, never in code, from any directory."""

from __future__ import annotations

import re

from tests.helpers import build, make_project, page

NAV = """
nav:
  - index.md
  - template.md
"""
RICE = '<abbr title="Reach, Impact, Confidence, Effort">RICE</abbr>'
CODE = re.compile(r"<pre.*?</pre>|<code.*?</code>", re.S)

HOME = """
# Home

We rank the roadmap with RICE and publish a PRD for each epic.

Inline code stays as written: `RICE = reach * impact`.

```markdown
## Scoring

- [ ] Score each candidate with RICE
```
"""

# A page that renders macros and shows template source: Jinja text must stay literal.
TEMPLATE = """
# PRD skeleton

Copy this PRD skeleton:

{% raw %}
```markdown
# PRD: {{ feature_name }}
{% if beta %}Beta customers: {{ beta_accounts }}{% endif %}
Success metric (RICE reach): ${REACH}
```
{% endraw %}
"""


def docs() -> dict[str, str]:
    return {"index.md": page(HOME), "template.md": page(TEMPLATE, render_macros="true")}


def abbr_in_code(html: str) -> list[str]:
    return [block for block in CODE.findall(html) if "<abbr" in block]


def test_abbreviations_expand_in_text_only(tmp_path):
    result = build(make_project(tmp_path, docs(), nav=NAV))
    assert result.ok, result.log
    assert result.warnings() == []
    html = result.html("")
    assert f"with {RICE} and publish a " in html
    assert '<abbr title="Product requirements document">PRD</abbr>' in html
    assert "<code>RICE = reach * impact</code>" in html
    assert "Score each candidate with RICE" in html
    assert abbr_in_code(html) == []


def test_template_source_stays_verbatim_on_a_macro_page(tmp_path):
    result = build(make_project(tmp_path, docs(), nav=NAV))
    assert result.ok, result.log
    html = result.html("template/")
    block = CODE.search(html[html.index("<article") :]).group(0)
    text = re.sub(r"<[^>]+>", "", block)
    assert "# PRD: {{ feature_name }}" in text
    assert "{% if beta %}Beta customers: {{ beta_accounts }}{% endif %}" in text
    assert "${REACH}" in text
    assert abbr_in_code(html) == []
    # The definitions themselves never show up as text on the page.
    assert "*[RICE]" not in html and "Reach, Impact, Confidence, Effort</p>" not in html


def test_without_the_appended_file_nothing_expands(tmp_path):
    # Negative control: the same page without auto_append has no tooltip.
    project = make_project(tmp_path, docs(), nav=NAV)
    config = project / "mkdocs.yml"
    text = config.read_text()
    config.write_text(re.sub(r"      auto_append:\n(        - .*\n)+", "", text))
    result = build(project)
    assert result.ok, result.log
    assert "<abbr" not in result.html("")


def test_build_works_from_another_working_directory(tmp_path):
    project = make_project(tmp_path, docs(), nav=NAV)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    result = build(project, cwd=elsewhere)
    assert result.ok, result.log
    assert RICE in result.html("")


def test_a_working_directory_relative_base_path_would_fail(tmp_path):
    # Negative control: without `base_path: !relative $config_dir` snippets resolves paths
    # from the working directory, and the build elsewhere cannot find the file.
    project = make_project(tmp_path, docs(), nav=NAV)
    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text().replace("base_path: !relative $config_dir", "base_path: .")
    )
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    result = build(project, cwd=elsewhere)
    assert not result.ok
    assert "abbreviations.md" in result.log


def test_macro_include_dir_is_anchored_by_the_paths_hook(tmp_path):
    # Negative control for hooks/paths.py: without it mkdocs-macros looks for docs/.includes
    # under the working directory and stops the build.
    project = make_project(tmp_path, docs(), nav=NAV)
    config = project / "mkdocs.yml"
    config.write_text(config.read_text().replace("  - hooks/paths.py\n", ""))
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    result = build(project, cwd=elsewhere)
    assert not result.ok
    assert "Include directory 'docs/.includes' does not exist" in result.log
    assert build(project).ok  # from the project folder itself it still works
