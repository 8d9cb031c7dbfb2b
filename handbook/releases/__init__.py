"""Releases: data/releases/*.yml as release pages, customer changelog, feed and macros."""
