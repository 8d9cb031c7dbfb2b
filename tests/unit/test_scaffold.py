"""The text of a page made from a template, and where it goes in an explicit nav."""

import datetime as dt

import yaml

from handbook.pages.frontmatter import parse_page
from handbook.pages.nav_hint import find_spot
from handbook.templates.model import load_templates
from handbook.templates.scaffold import new_page_text
from tests.helpers import FIXTURE

TODAY = dt.date(2026, 11, 21)


def prd():
    return {t.id: t for t in load_templates(FIXTURE)[0]}["prd"]


def test_new_page_has_page_front_matter_and_the_template_body():
    template = prd()
    text = new_page_text(template, "Bulk invoice export", "design", TODAY)
    page, problems = parse_page(text, "docs/x.md")
    assert problems == []
    assert page.meta == {
        "title": "Bulk invoice export",
        "owner": "design",
        "last_reviewed": TODAY,
        "review_every": template.review_every,
        "template": f"prd@{template.version}",
    }
    assert page.body.startswith("\n# Bulk invoice export\n")
    # The rest of the body is the template's, unchanged.
    template_rest = template.body.split("\n", 2)[2]
    assert page.body.endswith(template_rest)


def test_template_only_fields_are_dropped_but_other_fields_kept():
    template = prd()
    template.meta["tags"] = ["planning"]
    text = new_page_text(template, "X", "design", TODAY)
    meta = parse_page(text, "docs/x.md")[0].meta
    assert meta["tags"] == ["planning"]
    for field in ("id", "description", "category", "version", "use_when"):
        assert field not in meta


def test_titles_that_need_quoting_stay_valid_yaml():
    text = new_page_text(prd(), 'Export: "all" #1 & more', "design", TODAY)
    front = text.split("---\n")[1]
    assert yaml.safe_load(front)["title"] == 'Export: "all" #1 & more'


NAV_YML = """\
site_name: x
site_url: !ENV [X, "https://x/"]
nav:
  - Home: index.md
  - Guidelines:
      - guidelines/index.md
      - Triage: guidelines/triage.md
      - Deep:
          - guidelines/deep/index.md
          - guidelines/deep/a.md
  - Templates:
    - templates/index.md
# trailing comment
"""


def test_nav_spot_is_the_end_of_the_section_for_the_folder():
    spot = find_spot(NAV_YML, "guidelines/new.md")
    assert spot.section == "Guidelines"
    assert spot.after_line == 10  # after the nested Deep section ends
    assert spot.line == "      - guidelines/new.md"


def test_nav_spot_uses_the_nearest_section_above_and_its_indentation():
    assert find_spot(NAV_YML, "guidelines/deep/more/b.md").section == "Deep"
    spot = find_spot(NAV_YML, "templates/x.md")
    assert (spot.section, spot.after_line, spot.line) == ("Templates", 12, "    - templates/x.md")


def test_nav_spot_falls_back_to_the_top_level():
    spot = find_spot(NAV_YML, "misc/page.md")
    assert (spot.section, spot.line) == ("", "  - misc/page.md")


def test_no_spot_without_an_explicit_nav():
    assert find_spot("site_name: x\ntheme:\n  name: material\n", "a.md") is None
