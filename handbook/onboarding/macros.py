"""Macro for onboarding playbooks: the page's own checklist, ready to paste into an issue.

Adapter only: the parsing lives in handbook.onboarding.model.
"""

from __future__ import annotations

from handbook.core.context import Handbook
from handbook.onboarding.model import checklist_sections, fenced, issue_body


def register(env, _handbook: Handbook) -> None:
    @env.macro
    def onboarding_checklist() -> str:
        """The week 1 / 30 / 60 / 90 task lists of this page, as one fenced markdown block."""
        page = getattr(env, "page", None)
        title = page.title if page is not None and page.title else "onboarding"
        try:
            sections = checklist_sections(env.markdown)
        except ValueError as exc:
            raise ValueError(f"onboarding_checklist: {exc}") from None
        return fenced(issue_body(str(title), sections))
