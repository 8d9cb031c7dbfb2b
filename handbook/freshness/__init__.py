"""Freshness: is each page still true? Review dates, notices, the dashboard and reminders."""
