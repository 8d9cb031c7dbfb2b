"""`handbook notify`: post each owner's review digest, or the releases released since a git
revision, to a chat webhook (Slack-compatible JSON)."""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path
from typing import NoReturn, TextIO

from handbook.cli.check import add_root_args
from handbook.cli.page_data import listed_pages, load_checked
from handbook.core.site_settings import read_site_settings
from handbook.core.urls import page_url
from handbook.freshness.render import DASHBOARD_URI
from handbook.notify.digest import digest_message, owner_pages
from handbook.notify.payload import Message
from handbook.notify.post import PostError, check_url, post
from handbook.notify.release_notes import release_message, release_url
from handbook.releases.history import NO_REVISION, HistoryError, newly_released, releases_at
from handbook.releases.macros import releases_of, stored_settings
from handbook.releases.model import customer_view, default_settings

ENV = "CHAT_WEBHOOK_URL"
# Slack takes about one message a second on a webhook; a pause keeps a burst from being refused.
PAUSE = 1.0
# Which options go with which kind of message.
ONLY_FOR = {"owner": "digest", "since": "releases", "customers": "releases"}


def add_parser(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "notify",
        help="post review digests or new release notes to a chat webhook (Slack-compatible)",
        description="Post to a chat webhook that takes Slack's JSON: `digest` sends each owner "
        "a message listing their pages that are due, stale or never reviewed; `releases` "
        "sends one message per release that is released now but was not at --since. Posts "
        f"nothing, and says so, when ${ENV} is empty and --webhook-url is not given.",
        epilog="Example: handbook notify releases --since HEAD~1 --dry-run",
    )
    add_root_args(parser)
    parser.add_argument(
        "kind",
        choices=("digest", "releases"),
        help="digest: a message per owner with pages to review; releases: a message per "
        "release released since --since",
    )
    parser.add_argument(
        "--owner", action="append", metavar="ID", help="digest: only this owner id (repeat)"
    )
    parser.add_argument(
        "--since",
        metavar="REV",
        help="releases: the git revision to compare with, such as the commit before a push",
    )
    parser.add_argument(
        "--customers",
        action="store_true",
        help="releases: customer-facing changes only, as the customer changelog shows them",
    )
    parser.add_argument(
        "--record",
        type=Path,
        metavar="FILE",
        help="skip the messages FILE lists and add each one posted to it, so a re-run does "
        "not post twice",
    )
    parser.add_argument("--webhook-url", metavar="URL", help=f"where to post (default: ${ENV})")
    parser.add_argument(
        "--dry-run", action="store_true", help="print each message's JSON, one a line; post none"
    )
    parser.set_defaults(func=run)


def _fail(message: str) -> NoReturn:
    print(f"handbook notify: {message}", file=sys.stderr)
    raise SystemExit(2)


def _note(message: str) -> None:
    print(f"handbook notify: {message}", file=sys.stderr)


def _digests(args: argparse.Namespace) -> list[Message]:
    _root, handbook, settings, pages = listed_pages(args, args.owner)
    dashboard = page_url(DASHBOARD_URI, settings.use_directory_urls)
    found = []
    for owner_id in dict.fromkeys(args.owner or handbook.owners):  # each owner once
        mine = owner_pages(pages, owner_id)
        owner = handbook.owners[owner_id]
        made = digest_message(owner, mine, handbook.today, settings.site_url, dashboard)
        if made is None:
            _note(f"{owner_id}: nothing to review")
        else:
            found.append(made)
    return found


def _releases(args: argparse.Namespace) -> list[Message]:
    root, handbook = load_checked(args)
    if not handbook.features.on("releases"):
        _note("the releases feature is off in data/features.yml: nothing to post")
        return []
    if NO_REVISION.fullmatch(args.since):
        # GitHub's "before" of a push that created the branch: everything would look new.
        _note(
            f"--since {args.since} names no commit (a new branch): nothing to compare with, "
            "so nothing is posted; run again with --since REV, the last revision announced"
        )
        return []
    try:
        before, notes = releases_at(root, args.since)
    except HistoryError as exc:
        _fail(str(exc))
    for note in notes:
        _note(note)
    settings = stored_settings(handbook) or default_settings("")
    new = newly_released(before, releases_of(handbook))
    if args.customers:
        # Oldest first again; a release with nothing for customers is left out.
        new = list(reversed(customer_view(new, settings)))
    if not new:
        _note(f"no release was released since {args.since}")
    site = read_site_settings(root)
    return [
        release_message(r, settings, release_url(r, site.site_url, site.use_directory_urls))
        for r in new
    ]


def _read_record(path: Path | None) -> set[str]:
    if path is None or not path.exists():
        return set()
    try:
        return {line.strip() for line in path.read_text(encoding="utf-8").splitlines()}
    except (OSError, UnicodeDecodeError) as exc:
        _fail(f"cannot read {path}: {exc}")


def _post_all(url: str, messages: list[Message], record: TextIO | None) -> int:
    """Post in order; the first failure stops the rest (no retries, no storm of errors)."""
    for i, item in enumerate(messages):
        if i:
            time.sleep(PAUSE)
        try:
            post(url, item.payload)
        except PostError as exc:
            left = len(messages) - i - 1
            _note(f"{item.key}: not posted: {exc}" + (f"; {left} more not tried" if left else ""))
            return 1
        print(f"posted: {item.key}")
        if record is not None:
            record.write(item.key + "\n")
            record.flush()
    return 0


def run(args: argparse.Namespace) -> int:
    for option, kind in ONLY_FOR.items():
        if getattr(args, option) and args.kind != kind:
            _fail(f"--{option} goes with `handbook notify {kind}`, not {args.kind}")
    if args.kind == "releases" and not args.since:
        _fail("`handbook notify releases` needs --since REV, the revision to compare with")
    url = (args.webhook_url or os.environ.get(ENV, "")).strip()
    if url and not args.dry_run:
        try:
            check_url(url)
        except PostError as exc:
            _fail(str(exc))
    messages = _digests(args) if args.kind == "digest" else _releases(args)
    posted = _read_record(args.record)
    for item in messages:
        if item.key in posted:
            _note(f"{item.key}: already posted (listed in {args.record})")
    messages = [m for m in messages if m.key not in posted]
    if args.dry_run:
        for item in messages:
            print(json.dumps(item.payload, ensure_ascii=False))
        return 0
    if not messages:
        return 0
    if not url:
        _note(f"{ENV} is empty and no --webhook-url was given: {len(messages)} not posted")
        return 0
    if args.record is None:
        return _post_all(url, messages, None)
    try:
        record = args.record.open("a", encoding="utf-8")
    except OSError as exc:
        _fail(f"cannot write {args.record}: {exc}")
    with record:
        return _post_all(url, messages, record)
