"""Provides the live results board for the terminal: the Textual app and the command line."""
