"""Shared start of the page commands: load valid data, then read every page's freshness."""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from pathlib import Path

from handbook.cli.check import resolve_root
from handbook.core.context import Handbook, load_handbook
from handbook.core.problems import Problem, errors
from handbook.core.site_settings import SiteSettings, read_site_settings
from handbook.core.urls import page_url
from handbook.freshness.generated import generated_pages
from handbook.freshness.model import PageFreshness, load_policy, scan


def _exit_on(bad: list[Problem]) -> None:
    if bad:
        for problem in bad:
            print(f"{problem}  [error]", file=sys.stderr)
        raise SystemExit(2)


def load_checked(args: argparse.Namespace) -> tuple[Path, Handbook]:
    """The handbook with valid data; exits with status 2 after printing each problem."""
    root = resolve_root(args)
    try:
        handbook = load_handbook(root, args.today)
    except ValueError as exc:
        print(f"handbook: {exc}", file=sys.stderr)
        raise SystemExit(2) from None
    _exit_on(errors(handbook.problems))
    return root, handbook


def load_pages(args: argparse.Namespace) -> tuple[Path, Handbook, list[PageFreshness]]:
    """Exits with status 2 after printing each problem when data or front matter is broken."""
    root, handbook = load_checked(args)
    pages, found = scan(root, handbook.owners, load_policy(handbook.dataset), handbook.today)
    _exit_on(errors(found))
    return root, handbook, pages


def listed_pages(
    args: argparse.Namespace, owners: list[str] | None
) -> tuple[Path, Handbook, SiteSettings, list[PageFreshness]]:
    """Every page the freshness dashboard lists, generated ones included, with URLs as the
    build makes them; only `owners`' pages when given. Exits with status 2 on an unknown
    owner id."""
    root, handbook, pages = load_pages(args)
    pages = sorted(
        [*pages, *generated_pages(handbook, load_policy(handbook.dataset))],
        key=lambda p: p.src_uri,
    )
    unknown = [o for o in owners or [] if o not in handbook.owners]
    if unknown:
        print(f"handbook: unknown owner id(s): {', '.join(unknown)}", file=sys.stderr)
        raise SystemExit(2)
    if owners:
        pages = [p for p in pages if p.owner_id in owners]
    settings = read_site_settings(root)
    # URLs as the build makes them, with or without use_directory_urls.
    pages = [replace(p, site_path=page_url(p.src_uri, settings.use_directory_urls)) for p in pages]
    return root, handbook, settings, pages
