"""The product-ops handbook: data loading, validation and the logic behind the site's pages.

Modules here are pure (no MkDocs import) except `macros` and `mkdocs_adapter`, which adapt the
pure logic to mkdocs-macros and MkDocs hooks.
"""

# Semantic versioning; CHANGELOG.md says what a handbook must change on each upgrade.
__version__ = "0.3.0"
