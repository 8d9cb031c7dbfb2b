"""Macros for onboarding playbooks: the page's own checklist, ready to paste into an issue,
and the people a role meets in its first weeks.

Adapter only: the parsing lives in handbook.onboarding.model, the data in data/roles.yml and
data/owners.yml.
"""

from __future__ import annotations

import posixpath
from urllib.parse import urlsplit

from markupsafe import Markup

from handbook.core import urls
from handbook.core.context import DataUse, Handbook
from handbook.core.issues import new_issue_url
from handbook.core.roles import owners_to_meet, role_of
from handbook.onboarding.model import checklist_sections, fenced, issue_body, place_words
from handbook.tools.render import render

ISSUE_LABELS = ("onboarding",)


def link_resolver(site_url: str, src_uri: str, directory_urls: bool = True):
    """Absolute URLs for a page's link targets, so a pasted checklist's links still lead
    somewhere; "" (text only) without a site_url or for a target outside the docs."""

    def page_address(uri: str) -> str:
        return urls.absolute_url(site_url, urls.page_url(uri, directory_urls))

    def resolve(target: str) -> str:
        if urlsplit(target).scheme in ("https", "http", "mailto"):
            return target
        if not site_url:
            return ""
        path, _, anchor = target.partition("#")
        suffix = f"#{anchor}" if anchor else ""
        if not path:
            return page_address(src_uri) + suffix
        joined = posixpath.normpath(posixpath.join(posixpath.dirname(src_uri), path))
        if joined.startswith("..") or not joined.endswith(".md"):
            return ""
        return page_address(joined) + suffix

    return resolve


def register(env, handbook: Handbook) -> None:
    @env.macro
    def onboarding_checklist() -> str:
        """The task lists under this page's four checklist headings, as one fenced markdown
        block that reads right once pasted into an issue, and a link that opens it as a new
        issue; a missing or empty heading fails the build.

        Example: {{ onboarding_checklist() }}
        """
        page = getattr(env, "page", None)
        title = str(page.title if page is not None and page.title else "onboarding")
        conf = env.conf
        site_url = conf.get("site_url") or ""
        src_uri = page.file.src_uri if page is not None else "index.md"
        directory_urls = conf.get("use_directory_urls", True)
        resolve = link_resolver(site_url, src_uri, directory_urls)
        try:
            sections = checklist_sections(env.markdown, resolve)
        except ValueError as exc:
            raise ValueError(f"onboarding_checklist: {exc}") from None
        misplaced = place_words(sections)
        if misplaced:
            raise ValueError(
                "onboarding_checklist: once pasted into an issue there is no page around the "
                "checklist; reword these tasks without 'below', 'above' or 'this page': "
                + "; ".join(misplaced)
            )
        page_url = resolve("#")  # the playbook itself, "" without a site_url
        body = issue_body(title, sections, page_url)
        short = issue_body(title, [], page_url) + (
            "\nThe whole checklist is too long for a link: copy it from the playbook's last "
            "block and paste it here.\n"
        )
        issue = new_issue_url(
            conf.get("repo_url"), f"Onboarding: {title}", body, ISSUE_LABELS, fallback_body=short
        )
        return str(render("onboarding_checklist.md", block=Markup(fenced(body)), issue=issue))

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
