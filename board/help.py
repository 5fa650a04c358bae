"""Provides `HelpScreen`: the keys (`KEYS`) and the status words; escape, q or ? dismisses it.

The text is made from the board's own tables (`board/keys.py`,
`board/look.py`), never from feed text; it is built as `Content`, so nothing in
it is read as markup.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Grid, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from board.keys import KEYS, plain
from board.look import STATUS_WORDS

__all__ = ["HelpScreen"]


def _table(rows: list[tuple[str, str]], id: str) -> Grid:
    """Two columns, the second wrapping with a hanging indent."""
    cells = []
    for left, right in rows:
        cells += [Static(Content.styled(plain(left), "bold")), Static(Content(plain(right)))]
    return Grid(*cells, id=id, classes="help-table")


class HelpScreen(ModalScreen[None]):
    """The keys and what the status words mean; scrolls on a small terminal."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark", "dismiss", "Close"),
    ]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help"):
            yield Static(Content.styled("results-board — keys", "bold"), classes="help-heading")
            yield _table([(key.shown, key.what) for key in KEYS], "help-keys")
            yield Static(Content.styled("Status words", "bold"), classes="help-heading")
            yield _table(list(STATUS_WORDS), "help-words")
            yield Static(Content.styled("escape, q or ? to close", "dim"))
