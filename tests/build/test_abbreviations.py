"""Glossary abbreviations expand to <abbr> tooltips in text, never in code, from any directory."""

from __future__ import annotations

import re

from tests.helpers import build, make_project, page

NAV = """
nav:
  - index.md
  - template.md
"""
RICE = '<abbr title="Reach, Impact, Confidence, Effort">RICE</abbr>'
CODE = re.compile(r"<pre.*?</pre>|<code.*?</code>", re.S)

HOME = """
# Home

We rank the roadmap with RICE and publish a PRD for each epic.

Inline code stays as written: `RICE = reach * impact`.

```markdown
## Scoring

- [ ] Score each candidate with RICE
```
"""

# A page that renders macros and shows template source: Jinja text must stay literal.
TEMPLATE = """
# PRD skeleton

Copy this PRD skeleton:

{% raw %}
```markdown
# PRD: {{ feature_name }}
{% if beta %}Beta customers: {{ beta_accounts }}{% endif %}
Success metric (RICE reach): ${REACH}
```
{% endraw %}
"""


def docs() -> dict[str, str]:
    return {"index.md": page(HOME), "template.md": page(TEMPLATE, render_macros="true")}


def abbr_in_code(html: str) -> list[str]:
    return [block for block in CODE.findall(html) if "<abbr" in block]


def test_abbreviations_expand_in_text_only(tmp_path):
    result = build(make_project(tmp_path, docs(), nav=NAV))
    assert result.ok, result.log
    assert result.warnings() == []
    html = result.html("")
    assert f"with {RICE} and publish a " in html
    assert '<abbr title="Product requirements document">PRD</abbr>' in html
    assert "<code>RICE = reach * impact</code>" in html
    assert "Score each candidate with RICE" in html
    assert abbr_in_code(html) == []


def test_template_source_stays_verbatim_on_a_macro_page(tmp_path):
    result = build(make_project(tmp_path, docs(), nav=NAV))
    assert result.ok, result.log
    html = result.html("template/")
    block = CODE.search(html[html.index("<article") :]).group(0)
    text = re.sub(r"<[^>]+>", "", block)
    assert "# PRD: {{ feature_name }}" in text
    assert "{% if beta %}Beta customers: {{ beta_accounts }}{% endif %}" in text
    assert "${REACH}" in text
    assert abbr_in_code(html) == []
    # The definitions themselves never show up as text on the page.
    assert "*[RICE]" not in html and "Reach, Impact, Confidence, Effort</p>" not in html


def test_without_the_appended_file_nothing_expands(tmp_path):
    # Negative control: the same page without auto_append has no tooltip.
    project = make_project(tmp_path, docs(), nav=NAV)
    config = project / "mkdocs.yml"
    text = config.read_text()
    config.write_text(re.sub(r"      auto_append:\n(        - .*\n)+", "", text))
    result = build(project)
    assert result.ok, result.log
    assert "<abbr" not in result.html("")


def test_build_works_from_another_working_directory(tmp_path):
    project = make_project(tmp_path, docs(), nav=NAV)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    result = build(project, cwd=elsewhere)
    assert result.ok, result.log
    assert RICE in result.html("")


def test_a_working_directory_relative_base_path_would_fail(tmp_path):
    # Negative control: without `base_path: !relative $config_dir` snippets resolves paths
    # from the working directory, and the build elsewhere cannot find the file.
    project = make_project(tmp_path, docs(), nav=NAV)
    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text().replace("base_path: !relative $config_dir", "base_path: .")
    )
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    result = build(project, cwd=elsewhere)
    assert not result.ok
    assert "abbreviations.md" in result.log


def test_macro_include_dir_is_anchored_by_the_paths_hook(tmp_path):
    # Negative control for hooks/paths.py: without it mkdocs-macros looks for docs/.includes
    # under the working directory and stops the build.
    project = make_project(tmp_path, docs(), nav=NAV)
    config = project / "mkdocs.yml"
    config.write_text(config.read_text().replace("  - hooks/paths.py\n", ""))
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    result = build(project, cwd=elsewhere)
    assert not result.ok
    assert "Include directory 'docs/.includes' does not exist" in result.log
    assert build(project).ok  # from the project folder itself it still works


# ---------------------------------------------------------------------------------------------
# The glossary is read once per build (hooks/paths.py), not parsed on every page


def loaded_config(project):
    """mkdocs.yml as MkDocs reads it, after the paths hook's on_config."""
    from mkdocs.config import load_config

    from handbook.mkdocs.paths import on_config

    return on_config(load_config(str(project / "mkdocs.yml")))


def test_the_appended_glossary_becomes_the_abbr_extensions_setting(tmp_path):
    config = loaded_config(make_project(tmp_path, docs(), nav=NAV))
    glossary = config.mdx_configs["abbr"]["glossary"]
    assert glossary["RICE"] == "Reach, Impact, Confidence, Effort"
    assert glossary["PRD"] == "Product requirements document"
    assert config.mdx_configs["pymdownx.snippets"]["auto_append"] == []


def test_a_snippet_holding_more_than_abbreviations_stays_appended(tmp_path):
    # Negative control: text besides the definitions must still reach every page, so the file
    # stays with snippets; its abbreviations expand as before.
    project = make_project(tmp_path, docs(), nav=NAV)
    glossary = project / "docs" / ".includes" / "abbreviations.md"
    glossary.write_text(glossary.read_text() + "\nAsk in #product-ops.\n")
    config = loaded_config(project)
    assert "glossary" not in (config.mdx_configs.get("abbr") or {})
    assert config.mdx_configs["pymdownx.snippets"]["auto_append"] == [
        "docs/.includes/abbreviations.md"
    ]
    result = build(project)
    assert result.ok, result.log
    html = result.html("")
    assert f"with {RICE} and publish a " in html
    assert "Ask in #product-ops." in html


def test_pages_define_their_own_abbreviations_and_previews_have_none(tmp_path):
    home = HOME + "\nThe SLA is in the contract.\n\n*[SLA]: Service level agreement\n"
    project = make_project(tmp_path, {**docs(), "index.md": page(home)}, nav=NAV)
    result = build(project)
    assert result.ok, result.log
    html = result.html("")
    assert '<abbr title="Service level agreement">SLA</abbr>' in html
    assert f"with {RICE} and publish a " in html
    # A template's preview renders with the settings as written, so without the glossary,
    # as it did when the glossary was an appended snippet (which previews skip).
    template = result.html("templates/prd/")
    preview = template.split('class="template-preview"', 1)[1].split("</div>\n", 1)[0]
    assert "RICE score" in preview and "<abbr" not in preview
