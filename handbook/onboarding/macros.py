"""Macros for onboarding playbooks: the page's own checklist, ready to paste into an issue,
and the people a role meets in its first weeks.

Adapter only: the parsing lives in handbook.onboarding.model, the data in data/roles.yml and
data/owners.yml.
"""

from __future__ import annotations

from handbook.core.context import DataUse, Handbook
from handbook.core.roles import owners_to_meet, role_of
from handbook.onboarding.model import checklist_sections, fenced, issue_body
from handbook.tools.render import render


def register(env, handbook: Handbook) -> None:
    @env.macro
    def onboarding_checklist() -> str:
        """The task lists under this page's four checklist headings, as one fenced markdown
        block a new joiner pastes into an issue; a missing heading or an empty one fails the
        build.

        Example: {{ onboarding_checklist() }}
        """
        page = getattr(env, "page", None)
        title = page.title if page is not None and page.title else "onboarding"
        try:
            sections = checklist_sections(env.markdown)
        except ValueError as exc:
            raise ValueError(f"onboarding_checklist: {exc}") from None
        return fenced(issue_body(str(title), sections))

    @env.macro
    def people_to_meet(role: str) -> str:
        """The owners a new joiner meets in their first weeks: name, what they do, contact.

        Arguments:
            role: a role id from data/roles.yml, matched against each owner's
                `meet_in_onboarding`.
        Example: {{ people_to_meet("engineer") }}
        """
        found = role_of(handbook, role, "people_to_meet")
        owners = handbook.owners
        people = [owners[i] for i in owners_to_meet(handbook.dataset, role) if i in owners]
        page = getattr(env, "page", None)
        for person in people:
            handbook.record_use(
                page.file.src_uri if page is not None else None,
                DataUse(f"owner {person.name}", "data/owners.yml", None),
            )
        return str(render("people_to_meet.md", people=people, role=found))
