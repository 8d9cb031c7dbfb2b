""" "Report a problem" routes and prefilled new-issue links (handbook.core.report, issues)."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest

from handbook.core.issues import MAX_URL, issue_host, mailto_url, new_issue_url
from handbook.core.report import (
    ReportPage,
    ReportSettings,
    read_report_settings,
    report_body,
    report_link,
)

PAGE = ReportPage(
    title="Bug triage & <severity>",
    url="https://handbook.example.com/guidelines/bug-triage/",
    path="docs/guidelines/bug-triage.md",
    owner_name="Product Operations",
    review_handle="@example-co/product-ops",
    owner_contact="#product-ops",
)
REPO = "https://github.com/example-co/product-handbook"


def query(url: str) -> dict[str, list[str]]:
    return parse_qs(urlsplit(url).query)


def test_github_issue_is_prefilled_with_page_owner_and_label():
    link = report_link(ReportSettings(), REPO, "example-co/product-handbook", PAGE)
    assert link is not None and link.kind == "issue"
    assert link.href.startswith(REPO + "/issues/new?")
    q = query(link.href)
    assert q["title"] == ["Handbook: problem on “Bug triage & <severity>”"]
    assert q["labels"] == ["handbook-feedback"]
    body = q["body"][0]
    assert "Page: Bug triage & <severity>" in body  # plain text, not HTML-escaped
    assert f"Address: {PAGE.url}" in body
    assert "File: docs/guidelines/bug-triage.md" in body
    assert "Owner: Product Operations (@example-co/product-ops)" in body


def test_gitlab_issue_uses_its_own_fields_and_a_label_quick_action():
    url = new_issue_url("https://gitlab.com/acme/handbook.git", "T", "B", ["docs", "two words"])
    assert url.startswith("https://gitlab.com/acme/handbook/-/issues/new?")
    q = query(url)
    assert q["issue[title]"] == ["T"]
    assert q["issue[description]"] == ['B\n\n/label ~"docs" ~"two words"']


def test_unknown_host_has_no_issue_link():
    assert issue_host("https://git.example.com/acme/handbook") == ""
    assert issue_host(None) == ""
    assert new_issue_url("https://git.example.com/acme/handbook", "T", "B") == ""


def test_a_body_too_long_for_a_link_falls_back():
    url = new_issue_url(REPO, "T", "x" * MAX_URL, fallback_body="see the page")
    assert query(url)["body"] == ["see the page"]
    # Negative control: a short body is sent whole.
    assert query(new_issue_url(REPO, "T", "short", fallback_body="see"))["body"] == ["short"]


def test_configured_routes_win_over_the_repository_in_order():
    form = ReportSettings(form="https://forms.example.com/f?page={url}&t={title}", email="a@b.co")
    link = report_link(form, REPO, "", PAGE)
    assert link.kind == "form"
    q = query(link.href)
    assert q["page"] == [PAGE.url] and q["t"] == [PAGE.title]
    email = report_link(ReportSettings(email="docs@example.com"), REPO, "", PAGE)
    assert email.kind == "email" and email.href.startswith("mailto:docs@example.com?")
    assert "Owner: Product Operations" in query(email.href)["body"][0]
    chat = report_link(ReportSettings(chat="#handbook"), REPO, "", PAGE)
    assert (chat.kind, chat.href, chat.target) == ("chat", "", "#handbook")
    linked = report_link(
        ReportSettings(chat="#h", chat_url="https://chat.example.com/h"), "", "", PAGE
    )
    assert linked.href == "https://chat.example.com/h"


def test_without_a_repository_the_owner_is_the_route():
    channel = report_link(ReportSettings(), None, "", PAGE)
    assert (channel.kind, channel.target) == ("owner-chat", "#product-ops")
    person = PAGE.__class__(**{**PAGE.__dict__, "owner_contact": "maya@example.com"})
    mail = report_link(ReportSettings(), "", "", person)
    assert mail.kind == "owner-email" and mail.href.startswith("mailto:maya@example.com?")
    nobody = PAGE.__class__(**{**PAGE.__dict__, "owner_contact": ""})
    assert report_link(ReportSettings(), "", "", nobody) is None


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ("yes", "expected a mapping"),
        ({"issue": "x"}, "unknown key"),
        ({"labels": [""]}, "labels"),
        ({"form": "javascript:alert(1)"}, "form: expected an https"),
        ({"email": "not an address"}, "email"),
        ({"chat_url": "ftp://x"}, "chat_url"),
    ],
)
def test_wrong_settings_are_named(raw, message):
    with pytest.raises(ValueError, match=message):
        read_report_settings(raw)


def test_settings_read_labels_and_defaults():
    assert read_report_settings(None) == ReportSettings()
    assert read_report_settings({"labels": "docs"}).labels == ("docs",)


def test_body_reads_without_an_owner():
    body = report_body(ReportPage(title="Home", url="/"))
    assert "Owner" not in body and body.startswith("Page: Home\nAddress: /\n")


def test_mailto_keeps_the_address_readable():
    assert mailto_url("a.b@example.com", "S", "B").startswith("mailto:a.b@example.com?subject=S")
