"""Provides `MomentList`: the night's key moments, newest first, each with its time.

"03:12 ● ▶ English councils  Dudley · LAB lose to NOC": the time (or "by
10:30" where the feed does not say), ● for a change not yet acknowledged,
▶ for a change of control, the contest where the night has several (its
column narrows on a narrow terminal), and what happened — one line each,
cut with "…" at the edge, the marks first so they are never cut. It draws
`MomentLine`s and decides nothing; the text is untrusted and drawn as
`Content`.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual.content import Content
from textual.reactive import reactive
from textual.widget import Widget

from widgets._cells import one_line
from widgets.desk_views import MomentLine

__all__ = ["MomentLine", "MomentList"]

CONTEST_CELLS = 22
"""The most cells given to the contest's name where the night has several."""


class MomentList(Widget):
    """The key moments, one a line; as tall as they are (put it in a scrolling container)."""

    DEFAULT_CSS = """
    MomentList { height: auto; }
    """

    lines: reactive[tuple[MomentLine, ...]] = reactive((), layout=True)
    """Newest first."""

    EMPTY = "No key moments yet: the first declaration will be the first."

    def show(self, lines: Sequence[MomentLine]) -> None:
        """Show these moments (newest first); repaints only if they differ."""
        self.lines = tuple(lines)

    def render(self) -> Content:
        if not self.lines:
            return Content.styled(self.EMPTY, "italic $text-muted")
        time_width = max(len(line.time) for line in self.lines)
        return Content("\n").join(self._row(line, time_width) for line in self.lines)

    def _row(self, line: MomentLine, time_width: int) -> Content:
        width = self.size.width or 80
        when = Content.styled(line.time.rjust(time_width), "$text-muted")
        new = Content.styled("● ", "bold $warning") if line.unacknowledged else Content("  ")
        change = line.kind in ("change", "called")  # news the desk alerts on
        marker = Content.styled("▶ ", "bold $warning") if change else Content("  ")
        parts: list[Content | str] = [when, " ", new, marker]
        if line.contest:
            cells = min(CONTEST_CELLS, max(8, width // 5))
            contest = Content.styled(one_line(line.contest), "$text-muted")
            parts += [contest.truncate(cells, ellipsis=True, pad=True), " "]
        style = "bold" if change or line.kind in ("majority", "elected", "complete") else ""
        parts.append(Content.styled(one_line(line.words), style))
        return Content.assemble(*parts).truncate(width, ellipsis=True)

    @property
    def text(self) -> str:
        """The moments as plain text."""
        return self.render().plain
