"""Provides `MomentList`: the night's key moments, newest first, each with its time.

"03:12  English councils  Dudley · LAB lose to NOC ●": the time (or "by
10:30" where the feed does not say), the contest where the night has
several, and what happened; a change of control marked ▶, one not yet
acknowledged marked ● NEW. It draws `MomentLine`s and decides nothing; the
text is untrusted and drawn as `Content`.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual.content import Content
from textual.reactive import reactive
from textual.widget import Widget

from widgets._cells import one_line
from widgets.views import MomentLine

__all__ = ["MomentLine", "MomentList"]

CONTEST_CELLS = 22
"""Cells given to the contest's name where the night has several."""


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
        when = Content.styled(line.time.rjust(time_width), "$text-muted")
        change = line.kind == "change"
        marker = Content.styled("▶ ", "bold $warning") if change else Content("  ")
        parts: list[Content | str] = [when, " ", marker]
        if line.contest:
            contest = Content.styled(one_line(line.contest), "$text-muted")
            parts += [contest.truncate(CONTEST_CELLS, ellipsis=True, pad=True), " "]
        style = "bold" if change or line.kind in ("majority", "elected", "complete") else ""
        parts.append(Content.styled(one_line(line.words), style))
        if line.unacknowledged:
            parts.append(Content.styled(" ● NEW", "bold $warning"))
        return Content.assemble(*parts)

    @property
    def text(self) -> str:
        """The moments as plain text."""
        return self.render().plain
