"""Provides `DeclarationList`: the latest results, newest first, with a change of control marked.

"03:12  Dudley · LAB lose to NOC". Lines are built with `Content` from
untrusted area names, so markup in a name shows as typed. The list repaints
only when the shown declarations change, not on every poll.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual.content import Content
from textual.reactive import reactive
from textual.widget import Widget

from widgets.views import DeclarationLine

__all__ = ["DeclarationLine", "DeclarationList"]


class DeclarationList(Widget):
    """The latest declarations, newest first, as many as fit."""

    DEFAULT_CSS = """
    DeclarationList { height: 1fr; min-height: 1; }
    """

    MAX_LINES = 60
    """Lines kept for display; the feed may carry many more."""

    EMPTY = "No declarations yet"
    """What an empty list says unless told otherwise."""

    lines: reactive[tuple[DeclarationLine, ...]] = reactive(())
    """Newest first."""
    empty: reactive[str] = reactive(EMPTY)
    """What the list says when it has no lines (the board says why: none yet, or none sent)."""

    def render(self) -> Content:
        width = self.size.width or 80
        if not self.lines:
            empty = Content.styled(self.empty, "italic $text-muted")
            if self.size.height <= 1:  # one line: never a wrapped half of the sentence
                empty = empty.truncate(width, ellipsis=True)
            return empty
        rows = [self._row(line) for line in self.lines[: max(1, self.size.height)]]
        # A line never wraps onto the next declaration's row: what does not fit ends in "…".
        return Content("\n").join(row.truncate(width, ellipsis=True) for row in rows)

    def _row(self, line: DeclarationLine) -> Content:
        when = Content.styled(line.time.strftime("%H:%M"), "$text-muted")
        if line.changed_hands:
            marker = Content.styled("▶ ", "bold $warning")
            wording = Content.styled(line.wording, "bold reverse $warning")
        else:
            marker = Content("  ")
            wording = Content(line.wording)
        width = self.size.width or 80
        area = Content.styled(line.area, "bold")
        room = width - when.cell_length - marker.cell_length - wording.cell_length - 4
        area = area.truncate(max(4, room), ellipsis=True)
        return Content.assemble(when, " ", marker, area, " · ", wording)

    def show(self, lines: Sequence[DeclarationLine], *, empty: str = EMPTY) -> None:
        """Show these declarations (newest first), or `empty` when there are none; repaints only
        if something differs."""
        new = tuple(lines[: self.MAX_LINES])
        if new != self.lines:
            self.lines = new
        self.empty = empty
