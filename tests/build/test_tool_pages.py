"""Fixture sites built for real with --strict: tool pages, views, mentions and escaping."""

from __future__ import annotations

import json
import re

import pytest

from handbook.pages.readers import THEME_KEY
from tests.helpers import build, make_project, nav_items, page
from tests.tool_data import tool, tools_yaml

EVIL = "<script>alert(1)</script>"

TOOLS = tools_yaml(
    tool(
        "jira",
        name="Jira",
        capabilities=["issue-tracking"],
        integrates_with=["slack"],
        owner="engineering",
        cost_per_year=1000,
        renewal="2026-12-01",
    ),
    tool("slack", name="Slack", capabilities=["chat"], used_by=["designer"], cost_per_year=500),
    tool(
        "linear",
        name="Linear",
        status="trial",
        capabilities=["issue-tracking"],
        history=[
            {"date": "2026-05-01", "ring": "assess", "note": "Asked by mobile"},
            {"date": "2026-08-01", "ring": "trial", "note": "Pilot"},
        ],
    ),
    tool(
        "evil",
        name=EVIL,
        purpose=EVIL,
        notes=EVIL,
        capabilities=["chat"],
        category="analytics",
        integrates_with=["jira"],
    ),
    tool("posthog", name="PostHog", status="assess", capabilities=["analytics"]),
)

NAV = """
nav:
  - index.md
  - guide.md
  - other.md
  - listed.md
  - Onboarding:
      - onboarding/index.md
  - Tool stack:
      - tools/index.md
      - tools/radar.md
      - tools/integrations.md
      - tools/overlaps.md
      - tools/renewals.md
      - tools/spend.md
"""

DUMP_USES = """
import json
from pathlib import Path

from handbook.mkdocs.adapter import get_handbook


def on_page_context(context, page, config, nav):
    config.setdefault("_metas", {})[page.file.src_uri] = {k: str(v) for k, v in page.meta.items()}
    return context


def on_post_build(config):
    uses = {
        page: sorted({u.label for u in items})
        for page, items in get_handbook(config).data_uses.items()
    }
    out = Path(config.config_file_path).parent
    out.joinpath("uses.json").write_text(json.dumps(uses))
    out.joinpath("metas.json").write_text(json.dumps(config["_metas"]))
"""


def macro_page(title: str, body: str) -> str:
    return page(f"# {title}\n\n{body}\n", render_macros="true")


DOCS = {
    "index.md": page("# Home\n"),
    "guide.md": page(
        "# Bug guide\n\nFile bugs in Jira and tell people in [chat](tools/slack.md).\n"
    ),
    "other.md": page("# Other\n\nJiras and Slacking are not tool names.\n"),
    "listed.md": macro_page(
        "Listed",
        "## Named\n\n{{ tool_list({'jira': 'The *triage* board <b>x</b>', 'evil': ''}) }}\n\n"
        "## Plain\n\n{{ tool_list(['linear']) }}",
    ),
    "onboarding/index.md": macro_page(
        "Engineer",
        "## Tools\n\n{{ tools_for_role('engineer') }}\n\n"
        "## People\n\n{{ people_to_meet('engineer') }}",
    ),
    "tools/index.md": macro_page("Tools", "{{ tool_catalogue() }}\n\n{{ tool_card('evil') }}"),
    "tools/radar.md": macro_page("Radar", "{{ tool_radar() }}"),
    "tools/integrations.md": macro_page("Integrations", "{{ integration_map() }}"),
    "tools/overlaps.md": macro_page("Overlaps", "{{ tool_overlaps() }}"),
    "tools/renewals.md": macro_page("Renewals", "{{ tool_renewals(30) }}"),
    "tools/spend.md": macro_page(
        "Spend", "{{ tool_spend('category') }}\n\n{{ tool_spend('owner') }}"
    ),
}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("tools-site")
    project = make_project(
        tmp, DOCS, data={"tools.yml": TOOLS}, nav=NAV, extra={"hooks/dump_uses.py": DUMP_USES}
    )
    config = project / "mkdocs.yml"
    text = config.read_text()
    config.write_text(
        text.replace(
            "  - hooks/tool_pages.py\n", "  - hooks/tool_pages.py\n  - hooks/dump_uses.py\n"
        )
    )
    result = build(project)
    assert result.ok, result.log
    result.project = project  # type: ignore[attr-defined]
    return result


def article(result, url: str) -> str:
    html = result.html(url)
    return html[html.index("<article") : html.index("</article>")]


def figures(html: str) -> list[str]:
    """The tool-stack pictures of a page: each <figure class="tool-chart ..."> element."""
    return re.findall(r'<figure class="tool-chart.*?</figure>', html, re.S)


def linked_tools(html: str) -> set[str]:
    """Ids of the tool pages `html` links to, from a page beside them in tools/."""
    return set(re.findall(r'href="\.\./([\w-]+)/"', html))


def test_site_builds_strict_without_warnings(site):
    assert site.warnings() == []


def test_every_tool_gets_a_generated_page_in_the_tool_stack_nav(site):
    for tool_id in ("jira", "slack", "linear", "evil", "posthog"):
        assert (site.site / "tools" / tool_id / "index.html").is_file()
    assert not (site.project / "docs" / "tools" / "jira.md").exists()
    # On a tool page, the nav opens All tools > its category, listing that category's tools.
    all_tools = nav_items(site.html("tools/jira/")).find("Tool stack").find("All tools")
    assert not all_tools.pruned
    category = all_tools.find("Delivery")
    assert [item.title for item in category.children] == ["Jira", "Linear", "PostHog", "Slack"]
    assert [item.href for item in category.children] == [
        "./", "../linear/", "../posthog/", "../slack/"
    ]  # fmt: skip
    # Other categories stay collapsed, so a page carries the links of one category only.
    others = [c for c in all_tools.children if c is not category]
    assert others and all(c.pruned and c.children == [] for c in others)
    # Elsewhere in the tab, All tools is one collapsed link.
    elsewhere = nav_items(site.html("tools/")).find("Tool stack").find("All tools")
    assert elsewhere.pruned and elsewhere.children == []


def test_tool_page_has_card_integrations_both_ways_overlaps_history_owner(site):
    jira = article(site, "tools/jira/")
    assert "Engineering" in jira  # owner name from owners.yml
    assert 'href="https://it.example.com/access/jira"' in jira
    integrations = jira[jira.index('id="integrations"') : jira.index('id="overlapping-tools"')]
    sends, receives = integrations.split("Tools that integrate with")
    assert 'href="../slack/"' in sends and 'href="../evil/"' not in sends
    assert 'href="../evil/"' in receives
    overlapping = jira[jira.index('id="overlapping-tools"') : jira.index('id="ring-history"')]
    assert 'href="../linear/"' in overlapping and 'href="../slack/"' not in overlapping
    linear = article(site, "tools/linear/")
    history = linear[linear.index('id="ring-history"') : linear.index('id="owner"')]
    assert history.index("2026-05-01") < history.index("2026-08-01")
    assert "Asked by mobile" in history


def test_tool_page_front_matter_is_parsed_with_escaped_title(site):
    metas = json.loads((site.project / "metas.json").read_text())
    # The theme hook adds what the theme prints for readers under its own key, on every page.
    jira = metas["tools/jira.md"]
    assert THEME_KEY in jira
    assert {k: v for k, v in jira.items() if k != THEME_KEY} == {
        "title": "Jira",
        "owner": "engineering",
        "last_reviewed": "2026-11-01",
    }
    assert metas["tools/evil.md"]["title"] == "&lt;script&gt;alert(1)&lt;/script&gt;"


def test_catalogue_links_every_tool_grouped_by_category(site):
    catalogue = article(site, "tools/")
    delivery = catalogue[
        catalogue.index('id="delivery"') : catalogue.index('id="product-analytics"')
    ]
    for tool_id in ("jira", "slack", "linear"):
        assert f'href="{tool_id}/"' in delivery
    assert 'href="evil/"' not in delivery
    assert 'href="evil/"' in catalogue[catalogue.index('id="product-analytics"') :]


def test_mentions_list_the_pages_that_name_or_link_the_tool(site):
    def mentions(tool_id):
        html = article(site, f"tools/{tool_id}/")
        return html[html.index('id="mentioned-in"') :]

    assert 'href="../../guide/"' in mentions("jira")  # named
    assert 'href="../../guide/"' in mentions("slack")  # linked
    assert "other/" not in mentions("jira")  # "Jiras" is not a mention
    assert "No handbook page mentions PostHog yet." in mentions("posthog")


def test_script_tool_name_is_text_in_every_output_file(site):
    # freshness.json is a data feed: its fields are plain text, as written (checked below).
    files = [
        p
        for p in site.site.rglob("*")
        if p.is_file() and p.suffix in {".html", ".json", ".xml"} and p.name != "freshness.json"
    ]
    assert len(files) > 10
    for path in files:
        assert "<script>alert" not in path.read_text(encoding="utf-8"), path
    feed = json.loads((site.site / "freshness.json").read_text(encoding="utf-8"))
    assert "<script>alert(1)</script>" in [r["title"] for r in feed]
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in article(site, "tools/evil/")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in article(site, "tools/")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in site.html("tools/evil/").split("<title>")[1]


def test_radar_is_inline_svg_with_a_blip_per_drawn_tool_and_a_text_alternative(site):
    html = article(site, "tools/radar/")
    [svg] = figures(html)
    assert 'role="img"' in svg and "<title id=" in svg and "<desc id=" in svg
    assert len(re.findall(r'<circle class="radar-ring', svg)) == 4
    blips = re.findall(r'<circle class="radar-blip radar-blip--(\w+)"', svg)
    assert sorted(blips) == ["adopt", "adopt", "adopt", "assess", "trial"]
    # Every blip is named in the picture; a name from data is text, never markup.
    names = re.findall(r'<text class="radar-label"[^>]*>([^<]*)</text>', svg)
    assert sorted(names) == sorted(
        ["Jira", "Slack", "Linear", "PostHog", "&lt;script&gt;alert(1)&lt;/script&gt;"]
    )
    table = html[html.index("</figure>") :]
    assert "<table>" in table
    assert linked_tools(table) == {"jira", "slack", "linear", "evil", "posthog"}


def test_integration_map_draws_a_line_per_integration(site):
    html = article(site, "tools/integrations/")
    [svg] = figures(html)
    assert len(re.findall(r'<line class="integration-edge"', svg)) == 2  # jira-slack, evil-jira
    assert len(re.findall(r'<circle class="integration-node', svg)) == 3
    assert "<desc id=" in svg and "<table>" in html
    assert linked_tools(html[html.index("</figure>") :]) == {"jira", "slack", "evil"}


@pytest.mark.parametrize("url", ["tools/radar/", "tools/integrations/"])
def test_tool_pictures_hold_no_links(site, url):
    # Material's instant navigation sets a.href on every link of a new page, and SVG's is
    # read-only: one <a> in a picture leaves the old page on screen. The tables link instead.
    pictures = re.findall(r"<svg\b.*?</svg>", site.html(url), re.S)
    assert any('role="img"' in svg for svg in pictures)
    assert [svg for svg in pictures if re.search(r"<a[\s>]", svg)] == []


def test_spend_charts_have_a_bar_per_group_and_a_table(site):
    html = article(site, "tools/spend/")
    assert len(figures(html)) == 2
    widths = re.findall(r'<rect class="spend-bar"[^>]* width="([\d.]+)"', html)
    assert len(widths) == 3  # category: delivery; owner: engineering, product-ops
    assert float(widths[1]) > float(widths[2]) > 0  # engineering 1000 > product-ops 500
    assert "1,500" in html  # total in the table
    assert 'id="spend-category-1-title"' in html and 'id="spend-owner-1-title"' in html


def test_overlaps_and_renewals(site):
    overlaps = article(site, "tools/overlaps/")
    rows = re.findall(r"<tr>.*?</tr>", overlaps, re.S)[1:]
    assert len(rows) == 2  # chat (evil, slack) and issue-tracking (jira, linear)
    assert any('href="../jira/"' in r and 'href="../linear/"' in r for r in rows)
    assert not any("posthog" in r for r in rows)  # assess: not a candidate
    renewals = article(site, "tools/renewals/")
    assert 'href="../jira/"' in renewals and "10 days" in renewals and "1,000" in renewals


def test_renewals_name_the_build_date_they_count_from(site):
    # "10 days" is only true on the day of the build: the table says which day that was.
    renewals = article(site, "tools/renewals/")
    assert "Days left (as of 21 November 2026)" in renewals
    assert "<td>1 December 2026</td>" in renewals
    # Negative control: the bare relative column header is gone.
    assert "<th>In</th>" not in renewals and ">In<" not in renewals


def test_empty_renewal_window_gives_its_dates(tmp_path):
    tools = tools_yaml(tool("jira", name="Jira", renewal="2027-06-01"))
    docs = {
        "index.md": page("# Home\n"),
        "tools/index.md": macro_page(
            "Tools", "{{ tool_renewals(30) }}\n\n{{ tool_renewals(60, after=30) }}"
        ),
    }
    nav = "nav:\n  - index.md\n  - Tools:\n      - tools/index.md\n"
    result = build(make_project(tmp_path, docs, data={"tools.yml": tools}, nav=nav))
    assert result.ok, result.log
    html = result.html("tools/")
    assert "No renewal falls between 21 November 2026 and 21 December 2026" in html
    assert "after 21 December 2026 and by 20 January 2027" in html
    assert "days from now" not in html and "in the next" not in html


def test_onboarding_macros_list_role_tools_and_people(site):
    html = article(site, "onboarding/")
    tools = html[html.index('id="tools"') : html.index('id="people"')]
    assert 'href="../tools/jira/"' in tools and 'href="../tools/linear/"' in tools
    assert "posthog" not in tools  # assess: nobody requests access yet
    assert "slack/" not in tools  # used by designers only
    people = html[html.index('id="people"') :]
    assert "Dana Ops" in people and "dana@example.com" in people
    assert "Product Design" not in people  # meets designers only


def test_tool_list_links_each_tool_with_its_use_here_owner_and_ring(site):
    html = article(site, "listed/")
    named = html[html.index('id="named"') : html.index('id="plain"')]
    rows = re.findall(r"<tr>.*?</tr>", named, re.S)[1:]
    assert [re.search(r'href="([^"]+)"', r).group(1) for r in rows] == [
        "../tools/jira/",
        "../tools/evil/",
    ]
    # The use given on the page is text: no emphasis, no HTML from the page's argument.
    assert "The &#42;triage&#42; board &lt;b&gt;x&lt;/b&gt;" in rows[0]
    assert "<em>triage</em>" not in rows[0] and "<b>x</b>" not in rows[0]
    assert "Engineering" in rows[0] and "adopt" in rows[0]
    # Without a use, the tool's purpose is shown, escaped.
    assert rows[1].count("&lt;script&gt;alert(1)&lt;/script&gt;") == 2
    plain = html[html.index('id="plain"') :]
    assert 'href="../tools/linear/"' in plain and "What linear is for." in plain
    assert "trial" in plain and 'href="../tools/jira/"' not in plain


def test_macros_record_the_data_each_page_shows(site):
    uses = json.loads((site.project / "uses.json").read_text())
    assert "tool Jira" in uses["onboarding/index.md"]
    assert "owner Dana Ops" in uses["onboarding/index.md"]
    assert "tool radar" in uses["tools/radar.md"]
    assert {"tool Jira", "tool Linear"} <= set(uses["listed.md"])
    assert "tool Slack" not in uses["listed.md"]
    assert "guide.md" not in uses


def test_past_renewal_does_not_fail_the_build_but_is_reported(tmp_path):
    tools = tools_yaml(tool("jira", name="Jira", renewal="2026-11-01"))
    docs = {
        "index.md": page("# Home\n"),
        "tools/index.md": macro_page("Tools", "{{ tool_renewals() }}"),
    }
    nav = "nav:\n  - index.md\n  - Tools:\n      - tools/index.md\n"
    result = build(make_project(tmp_path, docs, data={"tools.yml": tools}, nav=nav))
    assert result.ok, result.log
    assert "renewal date 2026-11-01 has passed" in result.log
    assert "Renewal dates that have passed" in result.html("tools/")
    assert "date has passed" in result.html("tools/jira/")


def test_unknown_owner_fails_the_build_with_file_and_line(tmp_path):
    tools = tools_yaml(tool("jira", owner="nobody"))
    nav = "nav:\n  - index.md\n"
    result = build(
        make_project(tmp_path, {"index.md": page("# Home\n")}, data={"tools.yml": tools}, nav=nav)
    )
    assert not result.ok
    assert (
        "data/tools.yml:7: tools[0].owner: owner 'nobody' is not in data/owners.yml" in result.log
    )
    assert not (result.site / "index.html").exists()


@pytest.mark.parametrize(
    ("call", "message"),
    [
        ("{{ tool_card('nope') }}", "tool_card: 'nope' is not a tool id in data/tools.yml"),
        ("{{ tools_for_role('wizard') }}", "tools_for_role: 'wizard' is not in data/roles.yml"),
        ("{{ tool_spend('colour') }}", "tool_spend: by must be 'category' or 'owner'"),
        (
            "{{ tool_list(['jira', 'nope']) }}",
            "tool_list on a.md: 'nope' not a tool id in data/tools.yml",
        ),
        ("{{ tool_list([]) }}", "tool_list on a.md: give at least one tool id"),
    ],
)
def test_macro_with_unknown_tool_role_or_option_fails_the_build(tmp_path, call, message):
    docs = {"index.md": page("# Home\n"), "a.md": macro_page("A", call)}
    nav = "nav:\n  - index.md\n  - a.md\n"
    result = build(make_project(tmp_path, docs, data={"tools.yml": TOOLS}, nav=nav))
    assert not result.ok
    assert message in result.log
    assert not (result.site / "a" / "index.html").exists()


def test_tool_list_with_known_ids_builds(tmp_path):
    """Negative control for the failures above: the same page with known ids builds."""
    docs = {"index.md": page("# Home\n"), "a.md": macro_page("A", "{{ tool_list(['jira']) }}")}
    nav = "nav:\n  - index.md\n  - a.md\n"
    result = build(make_project(tmp_path, docs, data={"tools.yml": TOOLS}, nav=nav))
    assert result.ok, result.log
    assert 'href="../tools/jira/"' in result.html("a/")
