"""Provides `SizeWatch`: the app's answer to the terminal's size — the board, or "too small".

Below `MIN_SIZE` (`board/layout.py`) no plan keeps every panel whole, so the
board shows one line instead: "terminal too small — need 60×20 (now 59×20)",
alone, over every screen (the class `-too-small` is the app's, so a modal
screen — help, finder, moments — hides too: `board/board.tcss`). Every size
is also handed to the board's state (`BoardState.resized`), from which the
layout is planned. After a storm of resizes Textual could leave the contest
view blank until the next one (found by the e2e resize storm): once the size
has settled for `RESIZE_SETTLE` s, the screen is laid out anew.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.app import App
from textual.timer import Timer
from textual.widgets import Static

from board.layout import MIN_SIZE

__all__ = ["RESIZE_SETTLE", "SizeWatch", "too_small_words"]

RESIZE_SETTLE = 0.25
"""Seconds without a resize after which the screen is laid out anew."""

TOO_SMALL_ID = "too-small"


def too_small_words(width: int, height: int) -> str | None:
    """What the board says at `width`×`height` instead of itself (None: it fits)."""
    min_width, min_height = MIN_SIZE
    if width >= min_width and height >= min_height:
        return None
    return f"terminal too small — need {min_width}×{min_height} (now {width}×{height})"


class SizeWatch:
    """Follows the terminal's size for `app`: the "too small" message, the state, the settle."""

    def __init__(self, app: App[Any], resized: Callable[[int, int], None]) -> None:
        """`resized(width, height)` tells the board's state the new size."""
        self._app = app
        self._resized = resized
        self._settle: Timer | None = None

    @staticmethod
    def message() -> Static:
        """The "too small" line, composed once beside the board (hidden while it fits)."""
        return Static("", id=TOO_SMALL_ID, markup=False)

    def mounted(self) -> None:
        """The app is mounted: take its size as it is."""
        size = self._app.size
        self._check(size.width, size.height)
        self._resized(size.width, size.height)

    def resize(self, width: int, height: int) -> None:
        """The terminal is now `width`×`height`."""
        self._check(width, height)
        self._resized(width, height)
        if self._settle is not None:
            self._settle.stop()
        self._settle = self._app.set_timer(RESIZE_SETTLE, self._after_resize)

    def _after_resize(self) -> None:
        self._settle = None
        app = self._app
        if not app.screen_stack:  # the app is shutting down
            return
        self._check(app.size.width, app.size.height)
        app.screen.refresh(layout=True, repaint=True)

    def _check(self, width: int, height: int) -> None:
        words = too_small_words(width, height)
        self._app.set_class(words is not None, "-too-small")  # the app's: every screen
        if words is not None:
            self._app.query_one(f"#{TOO_SMALL_ID}", Static).update(words)
