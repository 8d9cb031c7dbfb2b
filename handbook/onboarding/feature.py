"""The onboarding feature: role playbooks with checklists, and the people each role meets."""

from __future__ import annotations

from handbook.core.registry import Feature
from handbook.onboarding import macros
from handbook.onboarding.checks import check_onboarding_roles

FEATURE = Feature(
    name="onboarding",
    summary="Role checklists and people to meet from data/roles.yml.",
    required_data=("roles.yml",),
    cross_checks=(check_onboarding_roles,),
    macros=macros.register,
    section="onboarding",
)
