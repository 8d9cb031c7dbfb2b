"""Nav entries of mkdocs.yml that name no page, refused by check and build at their line."""


def test_missing_nav_pages_names_the_line_and_skips_off_feature_folders():
    from handbook.pages.nav_hint import missing_nav_pages

    config = "site_name: x\nnav:\n  - Home: index.md\n  - Tools:\n      - tools/index.md\n"
    config += "  - Gone: gone.md\n  - Site: https://example.com/\ntheme: material\n"
    found = missing_nav_pages(config, lambda uri: uri == "index.md", lambda uri: False)
    assert [(p.file, p.line, p.message.split(" ")[0]) for p in found] == [
        ("mkdocs.yml", 5, "tools/index.md"),
        ("mkdocs.yml", 6, "gone.md"),
    ]
    # An off feature's folder is left out, not an error.
    off = missing_nav_pages(config, lambda uri: uri == "index.md", lambda u: u.startswith("tools/"))
    assert [p.line for p in off] == [6]
