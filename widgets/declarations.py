"""Provides `DeclarationList`: the latest results, newest first, with a change of control marked.

"03:12  Dudley · LAB lose to NOC". Lines are built with `Content` from
untrusted area names, so markup in a name shows as typed. The list repaints
only when the shown declarations change, not on every poll.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from textual.content import Content
from textual.reactive import reactive
from textual.widget import Widget

__all__ = ["DeclarationLine", "DeclarationList"]


@dataclass(frozen=True)
class DeclarationLine:
    """One declaration as shown: when, where, and what happened."""

    key: str
    """Unique within the list (the area)."""
    time: datetime
    """When it was declared."""
    area: str
    """The council or constituency (untrusted text)."""
    wording: str
    """"LAB hold", "CON gain from LAB", "LAB lose to NOC" (made from party codes)."""
    changed_hands: bool
    """Control changed: highlighted."""


class DeclarationList(Widget):
    """The latest declarations, newest first, as many as fit."""

    DEFAULT_CSS = """
    DeclarationList { height: 1fr; min-height: 1; }
    """

    MAX_LINES = 60
    """Lines kept for display; the feed may carry many more."""

    lines: reactive[tuple[DeclarationLine, ...]] = reactive(())
    """Newest first."""

    def render(self) -> Content:
        if not self.lines:
            return Content.styled("No declarations yet", "italic $text-muted")
        rows = [self._row(line) for line in self.lines[: max(1, self.size.height)]]
        return Content("\n").join(rows)

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

    def show(self, lines: Sequence[DeclarationLine]) -> None:
        """Show these declarations (newest first); repaints only if they differ."""
        new = tuple(lines[: self.MAX_LINES])
        if new != self.lines:
            self.lines = new
