"""Provides `HelpScreen`: the keys, over the board, dismissed with any of escape, q or ?."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

__all__ = ["HELP_TEXT", "HelpScreen"]

HELP_TEXT = """\
[b]results-board — keys[/b]

  [b]q[/b]        quit
  [b]p[/b]        pause / resume the ticker
  [b]f[/b]        freeze the display for on-air (polling continues);
           press again to apply the newest figures
  [b]r[/b]        poll now
  [b]s[/b]        cycle the table's sort: councils, seats, seat change, name
  [b]+ / -[/b]    poll less / more often (1 s to 60 s)
  [b]1–9, tab[/b] choose a contest
  [b]c[/b]        save an SVG screenshot (the path is shown)
  [b]ctrl+p[/b]   command palette: themes and more
  [b]?[/b]        this help

[b]Status words[/b]
  LIVE, DEMO, REPLAY  figures are current
  ERROR   the last poll failed (the reason is shown); last good figures stay
  STALE   no good poll for three intervals; last good figures, marked
  FROZEN  the display is held; updates are counted and wait for [b]f[/b]
  PAUSED  the ticker is paused

[dim]escape, q or ? to close[/dim]"""
"""The help text (our own markup; no feed text)."""


class HelpScreen(ModalScreen[None]):
    """The keys and what the status words mean."""

    BINDINGS = [  # noqa: RUF012 - Textual's API
        Binding("escape,q,question_mark", "dismiss", "Close"),
    ]

    def compose(self) -> ComposeResult:
        with Vertical(id="help"):
            yield Static(HELP_TEXT)
