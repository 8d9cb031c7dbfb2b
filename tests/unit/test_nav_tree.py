"""The nav's shape as a plain tree (handbook.core.nav): slotting generated pages into their
folder's section, pruning, splitting long sections, and mkdocs.yml's nav in and out."""

from __future__ import annotations

import yaml

from handbook.core import nav

CONFIG = yaml.safe_load(
    """
- Home: index.md
- Tool stack:
    - tools/index.md
    - tools/radar.md
    - Guides:
        - tools/guides/index.md
- Elsewhere: https://example.com/
"""
)


def test_mkdocs_yml_nav_round_trips():
    assert nav.to_config(nav.from_config(CONFIG)) == CONFIG


def made(*uris: str) -> list[nav.NavNode]:
    return [nav.NavNode(page=uri) for uri in uris]


def test_a_generated_page_joins_the_section_of_its_folder_or_the_nearest_above():
    nodes = nav.from_config(CONFIG)
    jira, deep, guide, lost = made("tools/jira.md", "tools/a/b/c.md", "tools/guides/x.md", "z/y.md")
    homeless = nav.slot(
        nodes, [(jira, ("All tools", "A & B")), (deep, ()), (guide, ()), (lost, ())]
    )
    tools = nodes[1].children
    [group] = [child for child in tools if child.title == "All tools"]
    # Subsections are made once, their titles escaped (the theme prints them as HTML).
    assert [child.title for child in group.children] == ["A &amp; B"]
    assert group.children[0].children == [jira]
    assert tools[-1] is deep and guide in tools[2].children
    assert homeless == [lost]
    # Negative control: a page in the same group again reuses the group.
    again = made("tools/slack.md")[0]
    nav.slot(nodes, [(again, ("All tools", "A & B"))])
    assert group.children[0].children == [jira, again]


def test_prune_drops_pages_and_the_sections_they_empty_but_keeps_links():
    nodes = nav.prune(nav.from_config(CONFIG), lambda node: node.page.startswith("tools/"))
    assert nav.to_config(nodes) == [{"Home": "index.md"}, {"Elsewhere": "https://example.com/"}]
    # Negative control: dropping nothing keeps everything.
    assert nav.to_config(nav.prune(nav.from_config(CONFIG), lambda node: False)) == CONFIG


def test_a_long_section_is_split_into_parts_its_index_first():
    section = nav.NavNode(
        "Tools", children=made("tools/index.md", *(f"tools/t{i}.md" for i in range(7)))
    )
    nav.split_long_sections([section], 3)
    titles = [child.title for child in section.children]
    assert section.children[0].page == "tools/index.md"
    assert titles[1:] == ["Pages 1\u20133", "Pages 4\u20136", "Pages 7\u20137"]
    assert [p.page for p in nav.pages_of([section])][1:] == [f"tools/t{i}.md" for i in range(7)]
    # Negative control: a section within the limit stays as it is.
    short = nav.NavNode("Short", children=made("a.md", "b.md"))
    nav.split_long_sections([short], 3)
    assert [c.page for c in short.children] == ["a.md", "b.md"]
