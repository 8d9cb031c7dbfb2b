"""The engine's core: YAML loading with limits, schemas, problems, dates and durations,
text escaping, URLs, project paths, the typed build context and the feature registry."""
