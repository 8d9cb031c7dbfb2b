""" "Report a problem" on every page: where a reader's report goes, and the prefilled link.

Pure: plain values in, plain values out. The route is, first match wins:
  form    extra.handbook.report.form in mkdocs.yml: a URL; {title}, {url} and {owner} in it
          are replaced by the page's, URL-encoded
  email   extra.handbook.report.email: a mailto: link with subject and body filled in
  chat    extra.handbook.report.chat: a channel name, linked when chat_url is set
  issue   repo_url on GitHub or GitLab: a new issue with title, body and labels filled in
  owner   the page owner's contact from data/owners.yml (an e-mail address or a channel)
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote, urlsplit

from jinja2 import Environment

from handbook.core.issues import mailto_url, new_issue_url
from handbook.core.jinja_env import environment

SETTING = "extra.handbook.report"
DEFAULT_LABELS = ("handbook-feedback",)
_KEYS = ("labels", "form", "email", "chat", "chat_url")


@dataclass(frozen=True)
class ReportSettings:
    labels: tuple[str, ...] = DEFAULT_LABELS
    form: str = ""
    email: str = ""
    chat: str = ""
    chat_url: str = ""


def read_report_settings(raw: Any) -> ReportSettings:
    """The settings under extra.handbook.report (None: the defaults); ValueError names the key."""
    if raw is None:
        return ReportSettings()
    if not isinstance(raw, dict):
        raise ValueError(f"{SETTING}: expected a mapping of {', '.join(_KEYS)}")
    unknown = sorted(str(key) for key in raw if key not in _KEYS)
    if unknown:
        raise ValueError(f"{SETTING}: unknown key(s) {', '.join(unknown)}; use {', '.join(_KEYS)}")
    labels = raw.get("labels", list(DEFAULT_LABELS))
    if isinstance(labels, str):
        labels = [labels]
    if not isinstance(labels, list) or not all(isinstance(x, str) and x.strip() for x in labels):
        raise ValueError(f"{SETTING}.labels: expected a list of label names")
    values = {}
    for key in ("form", "email", "chat", "chat_url"):
        value = raw.get(key) or ""
        if not isinstance(value, str):
            raise ValueError(f"{SETTING}.{key}: expected text")
        values[key] = value.strip()
    for key in ("form", "chat_url"):
        if values[key] and urlsplit(values[key]).scheme not in ("https", "http"):
            raise ValueError(f"{SETTING}.{key}: expected an https:// address")
    if values["email"] and ("@" not in values["email"] or " " in values["email"]):
        raise ValueError(f"{SETTING}.email: expected an e-mail address")
    return ReportSettings(labels=tuple(x.strip() for x in labels), **values)


@dataclass(frozen=True)
class ReportPage:
    """What a report says about the page. Text, not HTML (unescape theme titles first)."""

    title: str
    url: str  # absolute when the site has a site_url, else the site path
    path: str = ""  # the repository file to fix, e.g. docs/guidelines/x.md or data/tools.yml
    owner_name: str = ""
    review_handle: str = ""
    owner_contact: str = ""


@dataclass(frozen=True)
class ReportLink:
    kind: str  # form, email, chat, issue, owner-email, owner-chat
    href: str  # "" when there is nothing to open (a chat channel without chat_url)
    target: str  # what the reader reaches: a repository name, an address, a channel


def _text_environment() -> Environment:
    # Made once, as the release formats' is: compiling the template for every page was 10% of
    # a build, and the loader still reloads a template whose file changed.
    env = environment()
    env.autoescape = False  # an issue or e-mail body is plain text, not HTML
    return env


_TEXT_ENV = _text_environment()


def report_body(page: ReportPage) -> str:
    return _TEXT_ENV.get_template("report_issue.md").render(page=page).strip() + "\n"


def report_title(page: ReportPage) -> str:
    return f"Handbook: problem on “{page.title}”"


def _is_email(contact: str) -> bool:
    return "@" in contact and not contact.startswith("@") and " " not in contact


def report_link(
    settings: ReportSettings, repo_url: str | None, repo_name: str, page: ReportPage
) -> ReportLink | None:
    """Where this page's "Report a problem" goes; None when there is nowhere to send it."""
    title, body = report_title(page), report_body(page)
    if settings.form:
        values = {"title": page.title, "url": page.url, "owner": page.owner_name}
        href = settings.form
        for key, value in values.items():
            href = href.replace("{" + key + "}", quote(value, safe=""))
        return ReportLink("form", href, urlsplit(settings.form).hostname or "")
    if settings.email:
        return ReportLink("email", mailto_url(settings.email, title, body), settings.email)
    if settings.chat:
        return ReportLink("chat", settings.chat_url, settings.chat)
    issue = new_issue_url(repo_url, title, body, settings.labels)
    if issue:
        return ReportLink("issue", issue, repo_name or repo_url or "")
    contact = page.owner_contact.strip()
    if _is_email(contact):
        return ReportLink("owner-email", mailto_url(contact, title, body), contact)
    if contact:
        return ReportLink("owner-chat", "", contact)
    return None


def plain(value: Any) -> str:
    """Theme text (HTML-escaped by the theme hook) back to plain text."""
    return html.unescape(str(value or ""))
