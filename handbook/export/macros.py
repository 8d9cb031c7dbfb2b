"""Render a `render_macros: true` page as mkdocs-macros would, without mkdocs-macros.

The same macros (handbook.pages.macro_env), in the same sandbox (handbook.pages.sandbox), with
the same budget per page and the same variables: the page (a plain copy), its front matter,
mkdocs.yml's `extra` and its keys, `handbook_today` and `features`. What mkdocs-macros adds
beyond that (config, environment, git, its debug macros) is withheld in a build, so nothing
here has it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jinja2 import (
    DebugUndefined,
    Environment,
    FileSystemLoader,
    StrictUndefined,
    TemplateSyntaxError,
    Undefined,
)

from handbook.core.context import Handbook
from handbook.core.registry import MacroRecorder
from handbook.export import config as cfg
from handbook.export.context import Site
from handbook.export.pages import SourcePage
from handbook.export.titles import fallback_title, markdown_title
from handbook.pages import macro_env
from handbook.pages.sandbox import BudgetExceeded, page_view, sandbox, start_page

# mkdocs-macros' on_undefined settings.
_UNDEFINED: dict[str, type[Undefined]] = {
    "keep": DebugUndefined,
    "silent": Undefined,
    "strict": StrictUndefined,
    "lax": Undefined,
}


class MacroError(ValueError):
    """A page's macros failed; the message names the file (and line)."""


@dataclass(frozen=True)
class PageFile:
    src_uri: str
    src_path: str


@dataclass(frozen=True)
class MacroPage:
    """What the handbook's macros read of the page being rendered (`env.page`)."""

    title: str
    url: str
    file: PageFile
    meta: dict[str, Any] = field(default_factory=dict)


class MacroHost(MacroRecorder):
    """mkdocs-macros' env, as far as the handbook's macros use it."""

    def __init__(self, conf: dict[str, Any]) -> None:
        super().__init__()
        self.conf = conf
        self.page: MacroPage | None = None
        self.markdown = ""


@dataclass(frozen=True)
class MacroSettings:
    """The macros plugin's options in mkdocs.yml that change how a page renders."""

    include_dir: Path
    undefined: str = "keep"
    render_by_default: bool = True
    jinja: dict[str, str] = field(default_factory=dict)  # j2_* options, e.g. variable_start

    @staticmethod
    def read(options: dict, root: Path, docs: Path) -> MacroSettings:
        include = options.get("include_dir")
        return MacroSettings(
            include_dir=(root / include) if include else docs,
            undefined=str(options.get("on_undefined", "keep")),
            render_by_default=options.get("render_by_default", True) is not False,
            jinja={k[3:]: v for k, v in options.items() if k.startswith("j2_") and v},
        )


class PageMacros:
    """Renders the pages of one export: macros registered once, a fresh budget per page."""

    def __init__(
        self, handbook: Handbook, settings: MacroSettings, conf: dict, extra: dict
    ) -> None:
        self.settings = settings
        self.host = MacroHost(conf)
        self.host.variables["extra"] = dict(extra)
        self.host.variables.update(extra)
        macro_env.register(self.host, handbook)
        env = Environment(
            loader=FileSystemLoader(settings.include_dir),
            undefined=_UNDEFINED.get(settings.undefined, DebugUndefined),
            **settings.jinja,  # type: ignore[arg-type]
        )
        env.globals.update(self.host.macros)
        env.filters.update(self.host.filters)
        sandbox(env)
        self.env = env

    def renders(self, meta: dict[str, Any]) -> bool:
        """Whether mkdocs-macros would render a page with this front matter."""
        wanted = meta.get("render_macros")
        if wanted is False:
            return False
        return wanted is True or self.settings.render_by_default

    def has_jinja(self, text: str) -> bool:
        starts = (self.env.variable_start_string, self.env.block_start_string)
        return any(start in text for start in (*starts, self.env.comment_start_string))

    def render(self, markdown: str, page: MacroPage, file: str, body_line: int) -> str:
        """`markdown` rendered for `page`; MacroError names `file` and the line."""
        self.host.page = page
        self.host.markdown = markdown
        start_page(self.env, file, body_line)
        view = page_view(page.title, page.url, page.file.src_uri, page.meta)
        variables = {**self.host.variables, "page": view, **view.meta}
        try:
            return self.env.from_string(markdown).render(**variables)
        except BudgetExceeded as exc:
            raise MacroError(str(exc)) from None
        except TemplateSyntaxError as exc:
            line = body_line + (exc.lineno or 1) - 1
            raise MacroError(f"{file}:{line}: macros: {exc.message}") from None
        except Exception as exc:  # noqa: BLE001 - any macro error stops the export, named
            line = body_line + _template_line(exc) - 1
            raise MacroError(f"{file}:{line}: macros: {exc}") from None


def _template_line(exc: BaseException) -> int:
    """The page line a render error happened on: Jinja rewrites its traceback so that the
    template's frames carry the template's own line numbers."""
    line = 1
    trace = exc.__traceback__
    while trace is not None:
        if trace.tb_frame.f_code.co_filename == "<template>":
            line = trace.tb_lineno
        trace = trace.tb_next
    return line


def render_pages(site: Site, pages: list[SourcePage]) -> None:
    """Render the macros of each written page that opts in, as mkdocs-macros would."""
    options = cfg.plugin_options(site.config, "macros")
    if options is None:
        return
    settings = MacroSettings.read(cfg.resolve(options, site.root, site.docs), site.root, site.docs)
    conf = {
        "site_url": site.site_url,
        "use_directory_urls": site.directory_urls,
        "repo_url": site.repo_url or None,
        "site_name": site.site_name,
    }
    extra = site.config.get("extra") if isinstance(site.config.get("extra"), dict) else {}
    macros = PageMacros(site.handbook, settings, conf, cfg.resolve(extra, site.root, site.docs))
    for page in pages:
        if page.generated or not macros.renders(page.meta):
            continue
        name = f"{site.docs_prefix}/{page.src_uri}"
        # The title MkDocs gives a page before it renders it.
        title = page.nav_title or page.meta.get("title") or markdown_title(page.body)
        view = MacroPage(
            str(title or fallback_title(page.src_uri)),
            site.url(page.src_uri),
            PageFile(page.src_uri, page.src_uri),
            page.meta,
        )
        page.body = macros.render(page.body, view, name, page.body_line)
        title = page.meta.get("title")
        if page.nav_title is None and isinstance(title, str) and macros.has_jinja(title):
            # mkdocs-macros renders a title holding `{{` too.
            page.meta["title"] = macros.render(title, view, name, 1)
