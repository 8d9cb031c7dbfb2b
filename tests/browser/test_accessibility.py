"""axe-core in real Chromium over every kind of page, light and dark: no serious or critical
violation from our components or our palette."""

from __future__ import annotations

from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

# One page of each kind the handbook has, written and generated.
PAGE_TYPES = {
    "home": "",
    "guidelines index": "guidelines/",
    "guideline with task lists": "guidelines/bug-triage/",
    "onboarding playbook": "onboarding/product-manager/",
    "onboarding FAQ": "onboarding/faq/",
    "template gallery": "templates/",
    "template page": "templates/prd/",
    "tool stack": "tools/",
    "radar": "tools/radar/",
    "integration map": "tools/integrations/",
    "spend": "tools/spend/",
    "renewals": "tools/renewals/",
    "tool page": "tools/jira/",
    "releases": "releases/",
    "customer release notes": "releases/customers/",
    "enablement notes": "releases/enablement/",
    "freshness dashboard": "about/freshness/",
    "glossary": "about/glossary/",
    "tags": "tags/",
    "contribute": "about/contribute/",
}
SEVERE = ("serious", "critical")


def axe_script() -> Path:
    import axe_playwright_python

    return Path(axe_playwright_python.__file__).parent / "axe.min.js"


NO_TRANSITIONS = "*, *::before, *::after { transition: none !important; }"
SCHEME_QUERY = "() => document.body.getAttribute('data-md-color-scheme')"
# Dark mode changes colours only: its run checks the colour rules, which keeps it quick.
COLOUR_RULES = ["color-contrast", "link-in-text-block"]


def severe_violations(tab, rules: list[str] | None = None) -> list[str]:
    # Once per document: reading axe's 0.5 MB script again costs a quarter second a time.
    if not tab.evaluate("() => typeof axe !== 'undefined'"):
        tab.add_script_tag(path=str(axe_script()))
    options = {"resultTypes": ["violations"], **({"runOnly": rules} if rules else {})}
    result = tab.evaluate("async (options) => await axe.run(document, options)", options)
    return [
        f"{v['id']} ({v['impact']}): {node['target']} {node['failureSummary'].splitlines()[1]}"
        for v in result["violations"]
        if v["impact"] in SEVERE
        for node in v["nodes"]
    ]


def switch_scheme(tab, scheme: str) -> None:
    """Apply one of the site's palettes as Material's toggle does: the body's colour attributes
    from that palette's input (a click would leave the toggle's tooltip on screen)."""
    tab.evaluate(
        """(scheme) => {
            const input = document.querySelector(`input[data-md-color-scheme="${scheme}"]`);
            for (const key of ["scheme", "primary", "accent"])
                document.body.setAttribute(`data-md-color-${key}`, input.dataset[
                    "mdColor" + key[0].toUpperCase() + key.slice(1)]);
        }""",
        scheme,
    )
    assert tab.evaluate(SCHEME_QUERY) == scheme


def test_no_serious_violation_on_any_page_type(chromium, base_url):
    # Each page is loaded once: all rules in the light palette, then the colour rules in dark.
    context = chromium.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    found = {}
    try:
        for name, path in PAGE_TYPES.items():
            tab.goto(base_url + path)
            tab.wait_for_load_state("load")
            # Colours then change at once; axe would otherwise read them halfway through a fade.
            tab.add_style_tag(content=NO_TRANSITIONS)
            for scheme, rules in (("default", None), ("slate", COLOUR_RULES)):
                switch_scheme(tab, scheme)
                if problems := severe_violations(tab, rules):
                    found[f"{name} ({scheme})"] = problems
    finally:
        context.close()
    assert found == {}, "\n".join(f"{name}: {p}" for name, ps in found.items() for p in ps)


def test_axe_reports_what_it_should(page, base_url):
    # Negative control: the same run flags an unlabelled checkbox and pale text.
    page.goto(base_url)
    page.evaluate(
        """() => document.querySelector('article').insertAdjacentHTML('beforeend',
        '<p><input type="checkbox"></p><p style="color:#ddd;background:#fff">pale</p>')"""
    )
    problems = severe_violations(page)
    assert any(p.startswith("label (critical)") for p in problems), problems
    assert any(p.startswith("color-contrast (serious)") for p in problems), problems


def test_the_dark_palette_is_what_axe_sees(page, base_url):
    # Negative control for the palette switch: dark grey text passes on the light page and
    # fails once the dark palette is applied, so the dark run really checks dark colours.
    page.goto(base_url)
    page.add_style_tag(content=NO_TRANSITIONS)
    page.evaluate(
        """() => document.querySelector('article').insertAdjacentHTML('beforeend',
        '<p id="dim" style="color:#333">dim</p>')"""
    )
    switch_scheme(page, "default")
    assert not [p for p in severe_violations(page, COLOUR_RULES) if "#dim" in p]
    switch_scheme(page, "slate")
    assert [p for p in severe_violations(page, COLOUR_RULES) if "#dim" in p]
