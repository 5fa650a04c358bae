"""Provides the feed sources: HTTP polling, a local file, and replay of a recording."""
