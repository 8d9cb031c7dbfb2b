"""Templates: templates/*.md as the gallery, one page per template, downloads and
`handbook new`."""
