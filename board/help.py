"""Provides `HelpScreen`: the keys (`KEYS`) and the status words; escape, q or ? dismisses it.

The text is made from the board's own tables (`board/keys.py`,
`board/look.py`), never from feed text; it is built as `Content`, so nothing in
it is read as markup. On a terminal too short for all of it, the tables scroll
between a heading and a last line that always show: the way out, and — while
more lies below or above — how to scroll to it.
"""

from __future__ import annotations

from typing import ClassVar

from rich.cells import cell_len
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Grid, Vertical, VerticalScroll
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


CLOSE = "escape, q or ? to close"
"""The help's last line: the way out."""

MORE_BELOW = ("↓ more below (↓, page down)", "↓ more below", "↓ more")
MORE_ABOVE = ("↑ more above (↑, page up)", "↑ more above", "↑ more")
"""Which way more of the help lies, longest first: the last line says the longest that fits."""


def close_line(*, below: bool, above: bool, width: int) -> str:
    """The help's last line at `width` cells: which way more lies (if it does), the way out."""
    words = CLOSE
    for form in range(len(MORE_BELOW)):
        ways = [way[form] for way, more in ((MORE_BELOW, below), (MORE_ABOVE, above)) if more]
        words = " · ".join([*ways, CLOSE])
        if cell_len(words) <= width:
            break
    return words


class HelpScreen(ModalScreen[None]):
    """The keys and what the status words mean; scrolls on a small terminal."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark", "dismiss", "Close"),
    ]

    def compose(self) -> ComposeResult:
        with Vertical(id="help"):
            yield Static(Content.styled("results-board — keys", "bold"), id="help-title")
            with VerticalScroll(id="help-body"):
                yield _table([(key.shown, key.what) for key in KEYS], "help-keys")
                yield Static(Content.styled("Status words", "bold"), classes="help-heading")
                yield _table(list(STATUS_WORDS), "help-words")
            yield Static(Content.styled(CLOSE, "dim"), id="help-close")

    def on_mount(self) -> None:
        body = self.query_one("#help-body", VerticalScroll)
        body.focus()
        self.watch(body, "scroll_y", self._say_more, init=False)
        self.call_after_refresh(self._say_more)

    def on_resize(self) -> None:
        self.call_after_refresh(self._say_more)

    def _say_more(self) -> None:
        """The last line: the way out, and which way more of the help lies."""
        body = self.query_one("#help-body", VerticalScroll)
        close = self.query_one("#help-close", Static)
        words = close_line(
            below=body.scroll_y < body.max_scroll_y,
            above=body.scroll_y > 0,
            width=close.size.width or self.app.size.width,
        )
        if str(close.render()) != words:
            close.update(Content.styled(words, "dim"))
