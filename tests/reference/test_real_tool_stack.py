"""The tool stack in the real handbook: every tool has a page, pictures make no off-host request."""

import datetime as dt
import re

from handbook.core.context import load_handbook
from handbook.tools.model import load_tools
from tests.helpers import ROOT, off_host_requests

SECTION = ("", "radar/", "integrations/", "overlaps/", "renewals/", "spend/")


def test_every_tool_in_the_data_has_a_page_linked_from_the_catalogue(real_site):
    stack = load_tools(load_handbook(ROOT, dt.date.today()).dataset)
    assert len(stack.tools) >= 25
    catalogue = real_site.html("tools/")
    for tool in stack.tools:
        assert (real_site.site / "tools" / tool.id / "index.html").is_file(), tool.id
        assert f'href="{tool.id}/"' in catalogue, tool.id


def test_radar_draws_every_tool_that_is_not_retired(real_site):
    stack = load_tools(load_handbook(ROOT, dt.date.today()).dataset)
    drawn = re.findall(r'<circle class="radar-blip', real_site.html("tools/radar/"))
    assert len(drawn) == sum(1 for t in stack.tools if not t.retired)


def test_tool_section_pages_and_pictures_load_nothing_from_another_host(real_site):
    for url in SECTION:
        assert off_host_requests(real_site.html(f"tools/{url}")) == [], url
    for url in ("radar/", "integrations/", "spend/"):
        assert '<figure class="tool-chart' in real_site.html(f"tools/{url}")


def test_off_host_check_catches_a_cdn_script_and_image(real_site):
    html = real_site.html("tools/radar/").replace(
        "</article>",
        '<img src="https://cdn.example.net/radar.png"><script src="//unpkg.com/x.js"></script>'
        "</article>",
    )
    assert off_host_requests(html) == ["https://cdn.example.net/radar.png", "//unpkg.com/x.js"]
