"""Links that open a new, prefilled issue in the handbook's repository (GitHub or GitLab).

Pure: plain values in, a URL out. Used by "Report a problem" on every page and by the
onboarding playbooks' "Open as an issue" link.
"""

from __future__ import annotations

from urllib.parse import quote, urlencode, urlsplit

# Browsers and hosts cut or refuse longer URLs (GitHub answers 414 past about 8 KB); a body
# that would make the link longer is shortened by the caller's `fallback_body`.
MAX_URL = 7000


def issue_host(repo_url: str | None) -> str:
    """ "github", "gitlab" or "" (no repository, or a host whose new-issue form is unknown)."""
    if not repo_url:
        return ""
    host = (urlsplit(repo_url).hostname or "").lower()
    if host == "github.com" or host.startswith("github."):
        return "github"
    if host == "gitlab.com" or host.startswith("gitlab."):
        return "gitlab"
    return ""


def _encode(params: list[tuple[str, str]]) -> str:
    return urlencode(params, quote_via=quote)


def new_issue_url(
    repo_url: str | None,
    title: str,
    body: str,
    labels: tuple[str, ...] | list[str] = (),
    fallback_body: str = "",
) -> str:
    """The new-issue form of `repo_url`, prefilled; "" when the host is not GitHub or GitLab.

    When the whole body would make the link too long, `fallback_body` (e.g. a link to the
    page that holds the full text) is sent instead.
    """
    host = issue_host(repo_url)
    if not host or repo_url is None:
        return ""
    base = repo_url.rstrip("/")
    if base.endswith(".git"):
        base = base[: -len(".git")]

    def url(text: str) -> str:
        if host == "github":
            params = [("title", title), ("body", text)]
            if labels:
                params.append(("labels", ",".join(labels)))
            return f"{base}/issues/new?{_encode(params)}"
        # GitLab has no label parameter for guests: the /label quick action in the description.
        if labels:
            text += "\n\n/label " + " ".join(f'~"{label}"' for label in labels)
        params = [("issue[title]", title), ("issue[description]", text)]
        return f"{base}/-/issues/new?{_encode(params)}"

    full = url(body)
    if len(full) <= MAX_URL or not fallback_body:
        return full
    return url(fallback_body)


def mailto_url(address: str, subject: str, body: str) -> str:
    return f"mailto:{quote(address, safe='@')}?{_encode([('subject', subject), ('body', body)])}"
