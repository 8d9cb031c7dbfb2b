"""`handbook notify` run for real: against a recording webhook on 127.0.0.1, and, for releases,
against two commits of a git repository made in the test."""

from __future__ import annotations

import json
import subprocess

import pytest

from tests.freshness_fixture import make_freshness_project
from tests.helpers import handbook_cli
from tests.release_fixtures import release_history
from tests.webhook import webhook

TODAY = "2026-11-21"


def notify(*args: str, root) -> subprocess.CompletedProcess:
    return handbook_cli("notify", *args, "--root", str(root), "--today", TODAY)


def payloads(stdout: str) -> list[dict]:
    """The JSON lines `--dry-run` prints."""
    return [json.loads(line) for line in stdout.splitlines()]


@pytest.fixture(autouse=True)
def _no_webhook_in_environment(monkeypatch):
    monkeypatch.delenv("CHAT_WEBHOOK_URL", raising=False)


# ---------------------------------------------------------------------------------------------
# Review digests
# ---------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    # product-ops: one stale and one due page; design: one never reviewed; quality: none.
    return make_freshness_project(tmp_path_factory.mktemp("notify"))


def test_a_digest_is_posted_as_json_to_the_webhook(project):
    with webhook() as hook:
        result = notify("digest", "--owner", "product-ops", "--webhook-url", hook.url, root=project)
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"posted: digest product-ops {TODAY}\n"
    [request] = hook.received
    assert request.method == "POST" and request.path == "/services/T0/B0/secret"
    assert request.headers["content-type"] == "application/json; charset=utf-8"
    body = request.json()
    assert (
        body["text"] == "Handbook pages to review for Product Operations: 1 stale, 1 due for review"
    )
    text = json.dumps(body["blocks"], ensure_ascii=False)
    assert "<https://handbook.example.com/guidelines/stale/|Stale page>" in text
    assert "`handbook review docs/guidelines/stale.md`" in text
    assert "<https://handbook.example.com/guidelines/due/|Due page>" in text
    # Control: fresh pages, and other owners' pages, are not in it.
    assert "Unreviewed page" not in text and "guidelines/index" not in text


def test_the_webhook_comes_from_the_environment_and_owners_with_nothing_to_review_get_none(
    project, monkeypatch
):
    with webhook() as hook:
        monkeypatch.setenv("CHAT_WEBHOOK_URL", hook.url)
        mine = notify("digest", "--owner", "design", root=project)
        none = notify("digest", "--owner", "quality", root=project)
    assert mine.returncode == 0 and none.returncode == 0, mine.stderr + none.stderr
    [request] = hook.received  # design's; nothing for quality
    assert "Unreviewed page" in request.body.decode() and "never reviewed" in request.body.decode()
    assert "quality: nothing to review" in none.stderr


def test_without_a_webhook_nothing_is_sent_and_the_command_says_so(project):
    with webhook() as hook:
        result = notify("digest", "--owner", "product-ops", root=project)
    assert result.returncode == 0, result.stderr
    assert "CHAT_WEBHOOK_URL is empty and no --webhook-url was given: 1 not posted" in result.stderr
    assert hook.received == [] and result.stdout == ""


def test_a_webhook_that_fails_fails_the_command_naming_the_status(project):
    with webhook() as hook:
        hook.status, hook.answer = 500, b"internal_error"
        result = notify("digest", "--webhook-url", hook.url, root=project)
    assert result.returncode == 1
    assert "not posted: the webhook at 127.0.0.1 answered HTTP 500" in result.stderr
    assert "internal_error" in result.stderr and "1 more not tried" in result.stderr
    assert "/services/" not in result.stderr  # the secret part of the URL is never printed
    assert len(hook.received) == 1  # no retries, and the next owner is not tried


def test_a_redirect_is_not_followed(project):
    with webhook() as hook:
        hook.status, hook.extra_headers = 302, {"Location": "/elsewhere"}
        result = notify("digest", "--owner", "design", "--webhook-url", hook.url, root=project)
    assert result.returncode == 1 and "answered HTTP 302" in result.stderr
    assert [r.path for r in hook.received] == ["/services/T0/B0/secret"]


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://127.0.0.1/hook"])
def test_a_webhook_url_that_is_not_http_is_refused(project, url):
    result = notify("digest", "--webhook-url", url, root=project)
    assert result.returncode == 2 and result.stdout == ""
    assert "the webhook URL must be an https:// (or http://) address" in result.stderr


def test_dry_run_prints_the_payloads_and_posts_nothing(project):
    with webhook() as hook:
        result = notify("digest", "--dry-run", "--webhook-url", hook.url, root=project)
    assert result.returncode == 0, result.stderr
    headers = [p["blocks"][0]["text"]["text"] for p in payloads(result.stdout)]
    assert headers == [
        "Handbook pages to review: Product Operations",
        "Handbook pages to review: Product Design",
    ]
    assert hook.received == []


def test_a_record_keeps_a_rerun_from_posting_twice(project, tmp_path):
    record = tmp_path / "posted.txt"
    args = ("digest", "--owner", "design", "--record", str(record))
    with webhook() as hook:
        first = notify(*args, "--webhook-url", hook.url, root=project)
        again = notify(*args, "--webhook-url", hook.url, root=project)
    assert first.returncode == again.returncode == 0, first.stderr + again.stderr
    assert len(hook.received) == 1
    assert record.read_text() == f"digest design {TODAY}\n"
    assert f"digest design {TODAY}: already posted (listed in {record})" in again.stderr


def test_options_of_the_other_kind_are_refused(project):
    wrong = notify("digest", "--since", "HEAD", root=project)
    assert wrong.returncode == 2 and "--since goes with `handbook notify releases`" in wrong.stderr
    missing = notify("releases", root=project)
    assert missing.returncode == 2 and "needs --since REV" in missing.stderr


# ---------------------------------------------------------------------------------------------
# Newly released releases, between two commits
# ---------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def history(tmp_path_factory):
    return release_history(tmp_path_factory.mktemp("history"))


def _versions(result: subprocess.CompletedProcess) -> list[str]:
    assert result.returncode == 0, result.stderr
    return [p["blocks"][0]["text"]["text"].split(":")[0] for p in payloads(result.stdout)]


def test_only_releases_released_since_the_revision_are_announced(history):
    root, commits = history
    result = notify("releases", "--since", commits["planned"], "--dry-run", root=root)
    # 1.2.0 was released already and 1.4.0 is planned: neither is announced.
    assert _versions(result) == ["Widget 1.3.0"]
    assert "broken.yml at " in result.stderr and "counts as not released" in result.stderr
    assert "odd.yml at " in result.stderr and "is not a valid release" in result.stderr
    # Control: from before there was any release data, both released ones are new, oldest first.
    earlier = notify("releases", "--since", commits["empty"], "--dry-run", root=root)
    assert _versions(earlier) == ["Widget 1.2.0", "Widget 1.3.0"]
    # And nothing is new since the last commit.
    now = notify("releases", "--since", "HEAD", "--dry-run", root=root)
    assert _versions(now) == [] and "no release was released since HEAD" in now.stderr


def test_a_new_release_is_posted_with_its_link_and_its_title_as_text(history):
    root, commits = history
    with webhook() as hook:
        result = notify(
            "releases", "--since", commits["planned"], "--webhook-url", hook.url, root=root
        )
    assert result.returncode == 0, result.stderr
    assert result.stdout == "posted: release 1.3.0\n"
    [request] = hook.received
    body = request.json()
    assert body["text"] == "Widget 1.3.0 released: Capacity &lt;!channel&gt;"
    text = json.dumps(body["blocks"], ensure_ascii=False)
    assert "<https://handbook.example.com/releases/1.3.0/|Release notes>" in text
    assert "Faster endpoint. _(internal)_" in text
    # With --customers the internal change is left out (control: it was there above).
    customers = notify(
        "releases", "--since", commits["planned"], "--customers", "--dry-run", root=root
    )
    assert "Faster endpoint" not in customers.stdout and "A capacity bar." in customers.stdout


def test_a_new_branch_or_an_unknown_revision_posts_nothing(history):
    root, _ = history
    with webhook() as hook:
        zero = notify("releases", "--since", "0" * 40, "--webhook-url", hook.url, root=root)
        unknown = notify(
            "releases", "--since", "1234567deadbeef", "--webhook-url", hook.url, root=root
        )
    assert zero.returncode == 0 and "names no commit (a new branch)" in zero.stderr
    assert unknown.returncode == 2
    assert "1234567deadbeef is not a commit in this clone: fetch it" in unknown.stderr
    assert hook.received == []
