"""The product-ops handbook engine: data loading, validation and the logic behind the site.

Read by feature: core/ (loading, problems, text, URLs, the typed context and the feature
registry), one package per feature, cli/ (one module per command) and mkdocs/, the only code
that imports MkDocs or mkdocs-macros.
"""

# Semantic versioning; CHANGELOG.md says what a handbook must change on each upgrade.
__version__ = "0.3.0"
# The name on the package index (the command stays `handbook`).
DISTRIBUTION = "product-ops-handbook"
