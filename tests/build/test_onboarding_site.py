"""Onboarding playbooks built for real: data tables, the paste-ready checklist, and failures."""

from __future__ import annotations

import re

import pytest

from tests.build.test_abbreviations import CODE, abbr_in_code
from tests.helpers import build, make_project, page
from tests.reference.test_onboarding_content import ROLES

NAV = """
nav:
  - index.md
  - onboarding/designer.md
"""
PLAYBOOK = """
# Designer onboarding

## Week 1

- [ ] Request an editor seat in Figma and read the PRD of your squad's epic.
- [ ] Join `#design`.

## By day 30

- [ ] Take one story to "Ready for dev" with the
  [definition of done](#people-to-meet) in mind.

## By day 60

- [ ] Run a usability test with five participants.

## By day 90

- [ ] Lead the design of one epic.

## People to meet

{{ people_to_meet('designer') }}

## Tools to request access to

{{ tools_for_role('designer') }}

## Copy the checklist into an issue

{{ onboarding_checklist() }}
"""


def text_of(html: str) -> str:
    return re.sub(r"<[^>]+>", "", html).replace("&quot;", '"').replace("&#39;", "'")


def playbook_site(tmp_path, body: str = PLAYBOOK):
    docs = {
        "index.md": page("# Home\n"),
        "onboarding/designer.md": page(body, render_macros="true", title="Designer onboarding"),
    }
    return build(make_project(tmp_path, docs, nav=NAV))


def test_playbook_renders_people_tools_and_the_paste_ready_block(tmp_path):
    result = playbook_site(tmp_path)
    assert result.ok, result.log
    assert result.warnings() == []
    html = result.html("onboarding/designer/")
    assert "<td>Product Design</td>" in html  # from data/owners.yml meet_in_onboarding
    assert 'href="../../tools/chat/"' in html  # from data/tools.yml used_by
    assert "Request access" in html
    blocks = [text_of(b) for b in CODE.findall(html) if "By day 90" in b]
    assert len(blocks) == 1
    block = blocks[0]
    assert block.startswith("Onboarding checklist from the handbook playbook: Designer onboarding")
    assert "## Week 1\n\n- [ ] Request an editor seat in Figma and read the PRD" in block
    # The wrapped task arrives whole, with its link flattened to text.
    assert '- [ ] Take one story to "Ready for dev" with the definition of done in mind.' in block
    assert block.count("- [ ] ") == html.count('class="task-list-item"') == 5
    assert abbr_in_code(html) == []
    assert '<abbr title="Product requirements document">PRD</abbr>' in html


def test_playbook_missing_a_checklist_fails_and_names_it(tmp_path):
    result = playbook_site(tmp_path, PLAYBOOK.replace("## By day 60", "## Around day 60"))
    assert not result.ok
    assert "onboarding/designer.md" in result.log
    assert "## By day 60" in result.log
    assert not (result.site / "onboarding" / "designer" / "index.html").exists()


def test_playbook_with_an_unknown_role_fails_and_lists_the_roles(tmp_path):
    result = playbook_site(
        tmp_path, PLAYBOOK.replace("tools_for_role('designer')", "tools_for_role('ux-lead')")
    )
    assert not result.ok
    assert "'ux-lead' is not in data/roles.yml" in result.log
    assert "product-manager" in result.log


@pytest.mark.parametrize("role", ROLES)
def test_real_playbook_block_matches_its_task_lists(real_site, role):
    html = real_site.html(f"onboarding/{role}/")
    blocks = [text_of(b) for b in CODE.findall(html) if "## By day 90" in b]
    assert len(blocks) == 1, role
    block = blocks[0]
    for heading in ("## Week 1", "## By day 30", "## By day 60", "## By day 90"):
        assert heading in block
    assert block.count("- [ ] ") == html.count('class="task-list-item"') >= 12
    assert "](" not in block  # no relative link left to break in an issue
    assert "Request access" in html and "<th>Who</th>" in html


def test_no_abbreviation_inside_code_anywhere_on_the_real_site(real_site):
    pages = list(real_site.site.rglob("*.html"))
    assert len(pages) > 30
    expanded = 0
    for path in pages:
        html = path.read_text(encoding="utf-8")
        expanded += html.count("<abbr ")
        assert abbr_in_code(html) == [], path
    assert expanded > 100


def test_the_code_scan_catches_an_abbreviation_in_code():
    # Negative control for the scan above.
    html = '<pre><code>Score with <abbr title="x">RICE</abbr></code></pre>'
    assert abbr_in_code(html) != []


def test_real_glossary_terms_have_unique_anchors(real_site):
    html = real_site.html("about/glossary/")
    ids = re.findall(r'<dt id="([^"]+)"', html)
    assert len(ids) >= 40
    assert len(ids) == len(set(ids))
