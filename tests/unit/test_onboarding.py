"""The playbook checklist parser and the paste-ready block built from it."""

import pytest

from handbook.onboarding.model import (
    CHECKLIST_HEADINGS,
    checklist_sections,
    fenced,
    issue_body,
    place_words,
)

PLAYBOOK = """
# Engineer onboarding

Intro with a task-looking line that is not under a checklist heading:

- [ ] not a checklist item

## Week 1

- [ ] Clone the repository
- [x] Request [access](#tools) to GitHub
    - [ ] Nested: ask for the admin role

```markdown
- [ ] an example inside a code block
## By day 30
```

## By day 30 { #day-30 }

- [ ] Ship three stories

### Detail under day 30

- [ ] Still part of day 30? No: a level-3 heading ends the section

## By day 60

* [ ] Starred item counts too

## By day 90

- [ ] Lead a design

## People to meet

- [ ] not a checklist item either
"""


def test_sections_in_order_with_tasks_unticked_and_links_flattened():
    sections = checklist_sections(PLAYBOOK)
    assert [s.heading for s in sections] == list(CHECKLIST_HEADINGS)
    assert sections[0].tasks == (
        "- [ ] Clone the repository",
        "- [ ] Request access to GitHub",
        "    - [ ] Nested: ask for the admin role",
    )
    assert sections[1].tasks == ("- [ ] Ship three stories",)
    assert sections[2].tasks == ("- [ ] Starred item counts too",)
    assert sections[3].tasks == ("- [ ] Lead a design",)


def test_lines_outside_the_four_sections_and_inside_code_are_ignored():
    every_task = [t for s in checklist_sections(PLAYBOOK) for t in s.tasks]
    assert not any("not a checklist item" in t for t in every_task)
    assert not any("example inside a code block" in t for t in every_task)
    assert not any("level-3" in t for t in every_task)


def test_missing_heading_is_named():
    without = PLAYBOOK.replace("## By day 60\n", "## Around day 60\n")
    with pytest.raises(ValueError, match="## By day 60"):
        checklist_sections(without)


def test_heading_without_tasks_is_named():
    without = PLAYBOOK.replace("- [ ] Lead a design\n", "Lead a design, in prose.\n")
    with pytest.raises(ValueError, match="no task list items .* By day 90"):
        checklist_sections(without)


def test_a_heading_only_inside_a_code_block_does_not_count():
    text = "```\n## Week 1\n- [ ] a\n```\n" + PLAYBOOK.split("## Week 1", 1)[1]
    with pytest.raises(ValueError, match="## Week 1"):
        checklist_sections(text)


def test_issue_body_has_each_heading_then_its_tasks():
    body = issue_body("Engineer onboarding", checklist_sections(PLAYBOOK))
    assert body.startswith("Onboarding checklist from the handbook playbook: Engineer onboarding")
    positions = [body.index(f"## {h}\n") for h in CHECKLIST_HEADINGS]
    assert positions == sorted(positions)
    assert "## By day 30\n\n- [ ] Ship three stories" in body


def test_fence_outgrows_backticks_inside():
    assert fenced("plain") == "```markdown\nplain\n```\n"
    block = fenced("- [ ] run ```make test``` twice")
    assert block.startswith("````markdown\n") and block.endswith("\n````\n")


def test_a_wrapped_task_stays_whole():
    text = PLAYBOOK.replace(
        "- [ ] Ship three stories\n",
        "- [ ] Ship three stories, each meeting the\n"
        "  [definition of done](#dod).\n\nProse after.\n",
    )
    day_30 = checklist_sections(text)[1]
    assert day_30.tasks == ("- [ ] Ship three stories, each meeting the definition of done.",)


def test_links_are_made_absolute_when_a_resolver_knows_the_site():
    from handbook.onboarding.macros import link_resolver

    resolve = link_resolver("https://hb.example.com/sub/", "onboarding/engineer.md")
    assert resolve("#tools") == "https://hb.example.com/sub/onboarding/engineer/#tools"
    assert resolve("../guidelines/x.md#y") == "https://hb.example.com/sub/guidelines/x/#y"
    assert resolve("index.md") == "https://hb.example.com/sub/onboarding/"
    assert resolve("https://other.example.com/a") == "https://other.example.com/a"
    assert resolve("../../outside.md") == ""  # outside the docs: text only
    assert link_resolver("", "onboarding/engineer.md")("#tools") == ""
    tasks = checklist_sections(PLAYBOOK, resolve)[0].tasks
    assert (
        tasks[1]
        == "- [ ] Request [access](https://hb.example.com/sub/onboarding/engineer/#tools) to GitHub"
    )


def test_tasks_that_point_at_the_page_around_them_are_found():
    text = PLAYBOOK.replace(
        "- [ ] Clone the repository", "- [ ] Paste the checklist from the end of this page"
    )
    text = text.replace(
        "- [ ] Ship three stories", "- [ ] Request the tools in [the list below](#tools)"
    )
    found = place_words(checklist_sections(text))
    assert found == [
        "- [ ] Paste the checklist from the end of this page",
        "- [ ] Request the tools in the list below",
    ]
    # Negative control: the playbook as written reads right on its own.
    assert place_words(checklist_sections(PLAYBOOK)) == []


def test_issue_body_links_the_playbook_when_its_address_is_known():
    body = issue_body("Engineer onboarding", checklist_sections(PLAYBOOK), "https://hb/e/")
    assert body.startswith(
        "Onboarding checklist from the handbook playbook: [Engineer onboarding](https://hb/e/)"
    )
