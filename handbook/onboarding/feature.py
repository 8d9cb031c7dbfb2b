"""The onboarding feature: role playbooks with checklists, and the people each role meets."""

from __future__ import annotations

from handbook.core.context import Handbook
from handbook.core.registry import DocsPage, Feature
from handbook.onboarding import macros
from handbook.onboarding.checks import check_onboarding_roles
from handbook.pages.macro_args import ArgumentCheck, on_first, role_ids


def _argument_checks(handbook: Handbook) -> dict[str, ArgumentCheck]:
    return {"people_to_meet": on_first(role_ids(handbook))}


FEATURE = Feature(
    name="onboarding",
    summary="Role checklists and people to meet from data/roles.yml.",
    required_data=("roles.yml",),
    cross_checks=(check_onboarding_roles,),
    macros=macros.register,
    argument_checks=_argument_checks,
    section="onboarding",
    docs_pages=(
        DocsPage("onboarding/index.md", "The section's index, linking each role's playbook."),
        DocsPage(
            "onboarding/<role>.md",
            "One playbook per role in data/roles.yml: the four checklist headings, each with a "
            'task list, then `{{ onboarding_checklist() }}` and `{{ people_to_meet("<role>") }}`; '
            '`{{ tools_for_role("<role>") }}` inside `{% if features.tools %}`.',
        ),
    ),
)
