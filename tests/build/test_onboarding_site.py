"""Onboarding playbooks built for real: data tables, the paste-ready checklist, and failures."""

from __future__ import annotations

import re

from tests.build.test_abbreviations import CODE, abbr_in_code
from tests.helpers import build, make_project, page

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
    address = "https://handbook.example.com/onboarding/designer/"
    assert block.startswith(
        f"Onboarding checklist from the handbook playbook: [Designer onboarding]({address})"
    )
    assert "## Week 1\n\n- [ ] Request an editor seat in Figma and read the PRD" in block
    # The wrapped task arrives whole, its link made absolute so it still leads somewhere.
    assert (
        '- [ ] Take one story to "Ready for dev" with the '
        f"[definition of done]({address}#people-to-meet) in mind." in block
    )
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


def issue_link(html: str) -> tuple[str, dict[str, list[str]]]:
    from html import unescape
    from urllib.parse import parse_qs, urlsplit

    found = re.search(r'class="[^"]*handbook-checklist-issue" href="([^"]+)"', html)
    assert found, "no 'Open this checklist as an issue' link"
    url = urlsplit(unescape(found.group(1)))
    return f"{url.scheme}://{url.netloc}{url.path}", parse_qs(url.query)


def test_open_as_an_issue_carries_the_same_checklist_as_the_block(tmp_path):
    result = playbook_site(tmp_path)
    assert result.ok, result.log
    html = result.html("onboarding/designer/")
    where, query = issue_link(html)
    assert where == "https://github.com/example-co/fixture-handbook/issues/new"
    assert query["title"] == ["Onboarding: Designer onboarding"]
    assert query["labels"] == ["onboarding"]
    block = next(text_of(b) for b in CODE.findall(html) if "By day 90" in b)
    assert query["body"] == [block]


def test_without_a_site_url_links_become_text_and_the_block_still_reads(tmp_path):
    docs = {
        "index.md": page("# Home\n"),
        "onboarding/designer.md": page(PLAYBOOK, render_macros="true", title="Designer onboarding"),
    }
    project = make_project(tmp_path, docs, nav=NAV)
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(re.sub(r"(?m)^site_url: .*$", "", text), encoding="utf-8")
    result = build(project)
    assert result.ok, result.log
    block = next(
        text_of(b) for b in CODE.findall(result.html("onboarding/designer/")) if "By day 90" in b
    )
    assert block.startswith("Onboarding checklist from the handbook playbook: Designer onboarding")
    assert "](" not in block
    assert "with the definition of done in mind." in block


def test_a_task_that_points_at_the_page_around_it_fails_and_names_it(tmp_path):
    # Pasted into an issue, "the list below" points at nothing.
    result = playbook_site(
        tmp_path,
        PLAYBOOK.replace("- [ ] Join `#design`.", "- [ ] Request the tools in the list below."),
    )
    assert not result.ok
    assert "onboarding/designer.md" in result.log
    assert "Request the tools in the list below" in result.log
    assert "'below'" in result.log
