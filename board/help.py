"""Provides `HelpScreen`: the keys (`KEYS`) and the status words; escape, q or ? dismisses it.

The text is made from the board's own tables (`board/keys.py`,
`board/look.py`), never from feed text; it is built as `Content`, so nothing in
it is read as markup.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from board.keys import KEYS, plain
from board.look import STATUS_WORDS

__all__ = ["HelpScreen", "help_text"]


def help_text() -> Content:
    """The help: every key and what it does, then what each status word means."""
    width = max(len(key.shown) for key in KEYS) + 2
    words = max(len(word) for word, _ in STATUS_WORDS) + 2
    lines = [Content.styled("results-board — keys", "bold"), Content("")]
    lines += [
        Content.assemble((f"  {key.shown:<{width}}", "bold"), plain(key.what)) for key in KEYS
    ]
    lines += [Content(""), Content.styled("Status words", "bold")]
    lines += [
        Content.assemble(f"  {word:<{words}}", plain(meaning)) for word, meaning in STATUS_WORDS
    ]
    lines += [Content(""), Content.styled("escape, q or ? to close", "dim")]
    return Content("\n").join(lines)


class HelpScreen(ModalScreen[None]):
    """The keys and what the status words mean; scrolls on a small terminal."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark", "dismiss", "Close"),
    ]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help"):
            yield Static(help_text())
