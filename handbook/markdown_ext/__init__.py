"""Python-Markdown extensions the engine ships, named in mkdocs.yml's `markdown_extensions` by
import path, so they run under any generator that runs Python-Markdown extensions.

Each module is self-contained (it imports Python-Markdown and the standard library only), so
`handbook export` can copy it beside an exported site that is built without the engine.
"""

# The import path mkdocs.yml names, after pymdownx.tasklist.
TASKLIST_LABELS = "handbook.markdown_ext.tasklist_labels"
