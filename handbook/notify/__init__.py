"""Chat messages for people who do not read the feed: each owner's review digest and new
release notes, as Slack-compatible webhook payloads (`handbook notify`).

payload.py builds and escapes the JSON; digest.py and release_notes.py say what each message
holds; post.py sends one to a webhook. Everything but post.py is pure.
"""
