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


# Dark mode changes colours only: its run checks the colour rules, which keeps it quick.
COLOUR_RULES = ["color-contrast", "link-in-text-block"]


def severe_violations(tab, rules: list[str] | None = None) -> list[str]:
    tab.add_script_tag(path=str(axe_script()))
    options = {"resultTypes": ["violations"], **({"runOnly": rules} if rules else {})}
    result = tab.evaluate("async (options) => await axe.run(document, options)", options)
    return [
        f"{v['id']} ({v['impact']}): {node['target']} {node['failureSummary'].splitlines()[1]}"
        for v in result["violations"]
        if v["impact"] in SEVERE
        for node in v["nodes"]
    ]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_serious_violation_on_any_page_type(chromium, base_url, scheme):
    context = chromium.new_context(viewport={"width": 1280, "height": 900}, color_scheme=scheme)
    tab = context.new_page()
    found = {}
    try:
        for name, path in PAGE_TYPES.items():
            tab.goto(base_url + path)
            tab.wait_for_load_state("load")
            problems = severe_violations(tab, COLOUR_RULES if scheme == "dark" else None)
            if problems:
                found[name] = problems
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
