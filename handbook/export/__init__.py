"""`handbook export`: the handbook as a plain site source, built without the engine.

What the MkDocs hooks and mkdocs-macros do at build time is done here once, by the engine's
pure code: generated pages written out, macros rendered in the page sandbox, freshness notices,
footers and nav badges in place, the nav with every generated page in it, and the feed,
changelog, freshness.json and template downloads as files. The result is a mkdocs.yml without
`hooks:` or the macros plugin, which stock MkDocs + Material and ProperDocs build strict.
Nothing here imports MkDocs (handbook.mkdocs is the only package that does).
"""
