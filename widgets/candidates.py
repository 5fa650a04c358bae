"""Provides `CandidateTable`: a mayoral count's candidates, votes and share bars, by round.

Like the party table it never rebuilds itself: one row widget per candidate
(`widgets/_candidate_row.py`), keyed by `key`; `update_candidates` touches
only the rows whose figures changed and moves rows only when the order
changed (most votes first: `widgets.views.sort_candidates`). With a `limit`
(a short terminal) it shows that many and names the others under them.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual.app import ComposeResult

from widgets._candidate_row import (
    CandidateHeader,
    CandidateRow,
    Widths,
    candidate_widths,
    round_title,
    share_bar,
)
from widgets._keyed_rows import FittedTable, KeyedRows, MoreLine
from widgets.views import CandidateLine, sort_candidates

__all__ = [
    "CandidateHeader",
    "CandidateLine",
    "CandidateRow",
    "CandidateTable",
    "Widths",
    "candidate_widths",
    "round_title",
    "share_bar",
    "sort_candidates",
]


class CandidateTable(FittedTable[CandidateLine, CandidateRow]):
    """A mayoral count: the round, then one row per candidate, most votes first."""

    DEFAULT_CSS = """
    CandidateTable {
        height: auto;
        max-height: 100%;
        layout: vertical;
        overflow-y: auto;
    }
    """

    def __init__(
        self, *, name: str | None = None, id: str | None = None, classes: str | None = None
    ) -> None:
        """An empty table; `update_candidates` fills it."""
        super().__init__(name=name, id=id, classes=classes)
        self._header = CandidateHeader()
        self._keyed: KeyedRows[CandidateLine, CandidateRow] = KeyedRows(self, _line_of)
        self._pending: tuple[list[CandidateLine], str | None] | None = None
        self._more = MoreLine()

    def compose(self) -> ComposeResult:
        """The header, and rows for candidates given before the table was mounted."""
        yield self._header
        pending, self._pending = self._pending, None
        if pending is not None:
            lines, self._keyed.of = pending
            latest = {line.key: line for line in lines}
            self._keyed.rows = {key: CandidateRow(line) for key, line in latest.items()}
            yield from (self._keyed.rows[line.key] for line in sort_candidates(latest.values()))
        yield self._more

    @property
    def rows(self) -> list[CandidateRow]:
        """The row widgets in display order."""
        return [child for child in self.children if isinstance(child, CandidateRow)]

    @property
    def round(self) -> int:
        """The round shown."""
        return self._header.round

    @property
    def turnout(self) -> float | None:
        """The turnout shown, in percent."""
        return self._header.turnout

    def update_candidates(
        self,
        lines: Sequence[CandidateLine],
        *,
        round: int,
        turnout: float | None,
        contest: str | None = None,
    ) -> None:
        """Show exactly `lines` (the whole current set, keyed by `key`; a repeated key: last wins).

        Only rows whose figures changed repaint; the header repaints only if the
        round or turnout changed. The lines of another `contest` (its id) replace the rows
        rather than update them. May be called before the table is mounted.
        """
        self._header.round = round
        self._header.turnout = turnout
        self._header.eliminated = any(line.eliminated for line in lines)
        if self._header.parent is None:  # not composed yet: compose shows them
            self._pending = list(lines), contest
            return
        with self.app.batch_update():
            self._keyed.sync(lines, CandidateRow, _set_line, of=contest)
            wanted = sort_candidates(self._keyed.lines())
            self._keyed.order(wanted, after=self._header)
            self.fit()


def _line_of(row: CandidateRow) -> CandidateLine:
    return row.line


def _set_line(row: CandidateRow, line: CandidateLine) -> None:
    row.line = line  # a reactive: an equal line does nothing
