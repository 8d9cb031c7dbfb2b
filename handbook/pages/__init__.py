"""Pages: front matter, the checks every page passes, drafts, content rules and the sandbox
that renders a page's macros."""
