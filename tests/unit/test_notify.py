"""Chat payloads (handbook.notify) and the "newly released" comparison: pure functions."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json

import pytest

from handbook.core.owners import Owner
from handbook.freshness.model import PageFreshness
from handbook.notify.digest import digest_message, owner_pages
from handbook.notify.payload import SECTION_LIMIT, link, mrkdwn, sections
from handbook.notify.post import PostError, check_url
from handbook.notify.release_notes import release_message, release_url
from handbook.releases.history import newly_released
from handbook.releases.model import Change, Release, Settings, customer_view, load_settings
from tests.release_fixtures import dataset

HOSTILE = "<!channel> <https://evil|click>"
TODAY = dt.date(2026, 11, 21)
OWNER = Owner("product-ops", "Product Operations", "team", "", "#product-ops", "@ops")


def _page(
    src_uri: str, title: str, status: str, owner: str = "product-ops", **extra
) -> PageFreshness:
    return PageFreshness(
        src_uri=src_uri,
        title=title,
        section=src_uri.split("/")[0],
        owner_id=owner,
        owner_name="Product Operations",
        owner_contact="#product-ops",
        review_handle="@ops",
        last_reviewed=dt.date(2026, 3, 1),
        review_every=None,
        review_by=extra.pop("review_by", dt.date(2026, 9, 1)),
        status=status,
        **extra,
    )


def _release(version: str, status: str, day: int = 1, title: str = "Boards", **extra) -> Release:
    return Release(
        version=version,
        date=dt.date(2026, 10, day),
        status=status,
        title=title,
        summary=extra.pop("summary", "What it means for a customer."),
        last_updated=dt.date(2026, 10, day),
        changes=extra.pop("changes", ()),
        file=f"data/releases/{version}.yml",
    )


@pytest.fixture(scope="module")
def settings(tmp_path_factory) -> Settings:
    found = load_settings(dataset(tmp_path_factory.mktemp("settings"), {}))
    assert found is not None
    return found


def _texts(payload: dict) -> str:
    """Every mrkdwn text a payload holds, and its fallback, joined."""
    found = [payload["text"]]
    for block in payload["blocks"]:
        text = block.get("text") or {}
        if text.get("type") == "mrkdwn":
            found.append(text["text"])
        found += [e["text"] for e in block.get("elements", [])]
    return "\n".join(found)


# ---------------------------------------------------------------------------------------------
# Escaping
# ---------------------------------------------------------------------------------------------


def test_data_text_cannot_become_a_mention_or_a_link():
    assert mrkdwn(HOSTILE) == "&lt;!channel&gt; &lt;https://evil|click&gt;"
    assert mrkdwn("R&D") == "R&amp;D"
    # Control: text without Slack's control characters passes unchanged.
    assert mrkdwn("Bug triage: who, when *and* how") == "Bug triage: who, when *and* how"


def test_engine_links_stay_links_and_cannot_be_broken_out_of():
    assert link("https://h.example.com/a/", "Page") == "<https://h.example.com/a/|Page>"
    assert link("https://h.example.com/a/", HOSTILE) == (
        "<https://h.example.com/a/|&lt;!channel&gt; &lt;https://evil|click&gt;>"
    )
    # A URL cannot close the link or add a label of its own.
    assert link("https://h.example.com/a>b|c d/", "x") == "<https://h.example.com/a%3Eb%7Cc%20d/|x>"
    assert link("", HOSTILE) == mrkdwn(HOSTILE)  # no URL: text only


def test_a_hostile_page_title_reaches_the_digest_as_text():
    pages = [
        _page("guidelines/evil.md", HOSTILE, "stale"),
        _page("guidelines/ok.md", "Bug triage", "due"),
    ]
    made = digest_message(OWNER, pages, TODAY, "https://h.example.com/", "about/freshness/")
    assert made is not None
    text = _texts(made.payload)
    assert "<!channel>" not in text and "<https://evil" not in text
    assert (
        "<https://h.example.com/guidelines/evil/|&lt;!channel&gt; &lt;https://evil|click&gt;>"
        in text
    )
    # Control: the ordinary title and the engine's own links are there as they are.
    assert "<https://h.example.com/guidelines/ok/|Bug triage>" in text
    assert "<https://h.example.com/about/freshness/|Freshness dashboard>" in text
    # Slack turns no plain word into a mention or a channel link in any text object.
    verbatim = [b["text"]["verbatim"] for b in made.payload["blocks"] if b["type"] == "section"]
    assert verbatim and all(verbatim)


def test_a_hostile_release_reaches_its_message_as_text(settings):
    change = Change("added", "boards", "both", f"Click {HOSTILE}")
    release = _release(
        "1.3.0", "released", title=HOSTILE, summary=f"Now {HOSTILE}", changes=(change,)
    )
    made = release_message(release, settings, "https://h.example.com/releases/1.3.0/")
    text = _texts(made.payload)
    assert "<!channel>" not in text and "<https://evil" not in text
    assert text.count("&lt;!channel&gt;") == 3  # fallback, summary, change
    # Control: the header is plain_text, which Slack never reads as markup: it keeps the title.
    assert made.payload["blocks"][0]["text"] == {
        "type": "plain_text",
        "text": f"Widget 1.3.0: {HOSTILE}",
        "emoji": False,
    }
    assert "<https://h.example.com/releases/1.3.0/|Release notes>" in text


# ---------------------------------------------------------------------------------------------
# What the messages hold
# ---------------------------------------------------------------------------------------------


def test_digest_lists_the_owners_pages_to_review_with_what_to_run():
    pages = [
        _page("guidelines/due.md", "Due page", "due", review_by=dt.date(2026, 11, 30)),
        _page("guidelines/stale.md", "Stale page", "stale"),
        _page("guidelines/fresh.md", "Fresh page", "fresh"),
        _page("guidelines/theirs.md", "Their page", "stale", owner="design"),
        _page(
            "tools/jira.md",
            "Jira",
            "stale",
            source="data/tools.yml",
            source_line=12,
            review_key="last_updated",
            review_by=dt.date(2026, 10, 1),
        ),
    ]
    mine = owner_pages(pages, "product-ops")
    # Most overdue first; fresh pages and other owners' pages are left out.
    assert [p.title for p in mine] == ["Stale page", "Jira", "Due page"]
    made = digest_message(OWNER, mine, TODAY, "https://h.example.com/", "about/freshness/")
    assert made is not None and made.key == "digest product-ops 2026-11-21"
    text = _texts(made.payload)
    assert (
        "*Product Operations* (#product-ops): 3 handbook pages need your review (2026-11-21)."
        in text
    )
    assert (
        "• *Stale*: <https://h.example.com/guidelines/stale/|Stale page>, review by 2026-09-01: "
        "`handbook review docs/guidelines/stale.md`"
    ) in text
    assert "update `last_updated` at `data/tools.yml:12`" in text
    assert (
        made.payload["text"]
        == "Handbook pages to review for Product Operations: 2 stale, 1 due for review"
    )
    assert "Fresh page" not in text and "Their page" not in text
    # Without a site address the titles are text, not links to nowhere.
    plain = _texts(digest_message(OWNER, mine, TODAY, "", "about/freshness/").payload)
    assert "• *Stale*: Stale page, review by" in plain and "<http" not in plain
    # Nothing to review: no message.
    assert digest_message(OWNER, [], TODAY) is None


def test_release_message_lists_changes_by_type_and_marks_internal_ones(settings):
    changes = (
        Change("fixed", "api", "internal", "The boards endpoint is faster."),
        Change("added", "boards", "both", "A capacity bar."),
    )
    release = _release("1.3.0", "released", day=14, changes=changes)
    made = release_message(release, settings, release_url(release, "https://h.example.com/"))
    assert made.key == "release 1.3.0"
    text = _texts(made.payload)
    assert text.index("*Added*\n• Planning boards: A capacity bar.") < text.index("*Fixed*")
    assert "• Public API: The boards endpoint is faster. _(internal)_" in text
    assert "released 14 October 2026" in text
    # The customer view leaves the internal change out entirely.
    [customer] = customer_view([release], settings)
    assert "boards endpoint" not in _texts(release_message(customer, settings).payload)
    assert release_url(release, "") == ""


def test_sections_keep_to_slacks_limits_and_count_what_is_left_out():
    lines = [f"{i:03d} " + "x" * 900 for i in range(200)]
    blocks = sections(lines, room=10)
    assert len(blocks) == 10
    assert all(len(b["text"]["text"]) <= SECTION_LIMIT for b in blocks)
    shown = sum(b["text"]["text"].count("xxx\n") + 1 for b in blocks[:-1])
    assert blocks[-1]["text"]["text"] == f"… and {200 - shown} more"
    # Control: a few short lines make one section, nothing left out.
    [one] = sections(["a", "b"])
    assert one["text"]["text"] == "a\nb"
    assert len(json.dumps(sections(["y" * 10_000]))) < SECTION_LIMIT + 200  # one line is clipped


# ---------------------------------------------------------------------------------------------
# Newly released, and the webhook address
# ---------------------------------------------------------------------------------------------


def test_newly_released_means_released_now_and_not_before():
    before = [_release("1.2.0", "released", 1), _release("1.3.0", "planned", 8)]
    now = [
        _release("1.2.0", "released", 1),  # released in both: already announced
        _release("1.3.0", "released", 8),  # planned before, released now
        _release("1.4.0", "planned", 15),  # planned: never announced
        _release("1.3.1", "released", 9),  # a new file, released at once
    ]
    assert [r.version for r in newly_released(before, now)] == ["1.3.0", "1.3.1"]  # oldest first
    # Control: the same data on both sides announces nothing; nothing before announces all.
    assert newly_released(now, now) == []
    assert [r.version for r in newly_released([], now)] == ["1.2.0", "1.3.0", "1.3.1"]
    # A release taken back to planned is not announced again.
    back = [dataclasses.replace(now[1], status="planned")]
    assert newly_released(now, back) == []


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "ftp://h.example.com/x",
        "javascript:alert(1)",
        "hooks.slack.com/x",
        "https://",
    ],
)
def test_only_http_webhook_urls_are_accepted(url):
    with pytest.raises(PostError, match="must be an https:// \\(or http://\\) address"):
        check_url(url)


def test_https_and_http_webhook_urls_are_accepted():
    assert (
        check_url(" https://hooks.slack.com/services/T/B/x ")
        == "https://hooks.slack.com/services/T/B/x"
    )
    assert check_url("http://127.0.0.1:9/hook") == "http://127.0.0.1:9/hook"
