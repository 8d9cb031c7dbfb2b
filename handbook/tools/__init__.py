"""The tool stack: data/tools.yml as tool pages, radar, integrations, spend and renewals."""
