"""Provides `PartyTable`, the live party table: keyed rows that redraw only what changed.

The table never rebuilds itself. `update_lines` takes the whole current set of
lines in display order (the board sorts them: `board/present.py`); a new key
mounts a row, a gone key removes its row, a row whose figures did not change
is not touched, and rows are moved only when the order changed. A change to
one party therefore repaints one terminal line (a `DataTable` repaints every
visible row on any change). With a `limit` (a short terminal) it shows that
many rows, keeping pinned ones (No Overall Control), and names the others
under them ("+ 3 more: Residents, Liberal, Respect").
"""

from __future__ import annotations

from collections.abc import Sequence

from textual.app import ComposeResult

from widgets._keyed_rows import FittedTable, KeyedRows, MoreLine
from widgets._party_row import PartyHeader, PartyRow
from widgets.views import COUNCIL_COLUMNS, LEGISLATURE_COLUMNS, Column, PartyLine

__all__ = [
    "COUNCIL_COLUMNS",
    "LEGISLATURE_COLUMNS",
    "Column",
    "PartyLine",
    "PartyRow",
    "PartyTable",
]


class PartyTable(FittedTable[PartyLine, PartyRow]):
    """The party table: a header line and one row widget per party, keyed by party code.

    It takes no focus (a board on air has nothing to click) and never sorts by
    itself: the board gives the lines in the order the producer chose, and
    names the column they are sorted by (marked ▼ in the header).
    """

    DEFAULT_CSS = """
    PartyTable {
        height: auto;
        max-width: 80;
        layout: vertical;
    }
    """

    def __init__(
        self,
        columns: Sequence[Column] = COUNCIL_COLUMNS,
        *,
        flash_seconds: float = 4.0,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        """A table with `columns`; `flash_seconds` is how long a changed figure stays highlighted
        (0: never)."""
        super().__init__(name=name, id=id, classes=classes)
        self._columns = tuple(columns)
        self._flash_seconds = flash_seconds
        self._keyed: KeyedRows[PartyLine, PartyRow] = KeyedRows(self, _line_of)
        self._filled = False
        self._pending: tuple[list[PartyLine], str | None] | None = None
        self._header = PartyHeader(self._columns)
        self._more = MoreLine()

    @property
    def columns(self) -> tuple[Column, ...]:
        """The figure columns shown after the party name."""
        return self._columns

    def show_columns(self, columns: Sequence[Column]) -> None:
        """Show `columns` from now on (a feed without seat changes: no +/-); other columns make
        the header and the rows afresh (the next `update_lines` fills them, without flashing)."""
        columns = tuple(columns)
        if columns == self._columns:
            return
        self._columns = columns
        header, self._header = self._header, PartyHeader(columns)
        if header.parent is None:  # not composed yet: compose yields the new header
            return
        with self.app.batch_update():
            self.mount(self._header, before=header)
            header.remove()
            for row in self._keyed.rows.values():
                row.remove()
            self._keyed.rows, self._keyed.of = {}, None
            self._filled = False

    @property
    def rows(self) -> list[PartyRow]:
        """The row widgets in display order."""
        return [child for child in self.children if isinstance(child, PartyRow)]

    @property
    def sorted_field(self) -> str:
        """The `PartyLine` field the header marks as sorted ("name": ▲Party; "": none)."""
        return self._header.sorted_field

    def compose(self) -> ComposeResult:
        """The header line, and rows for lines given before the table was mounted.

        Composing those rows (rather than mounting them afterwards) keeps the
        first paint to one frame.
        """
        yield self._header
        pending, self._pending = self._pending, None
        if pending is not None:
            lines, self._keyed.of = pending
            self._keyed.rows = {
                line.key: PartyRow(line, self._columns, flash_seconds=self._flash_seconds)
                for line in lines
            }
            self._filled = True
            yield from self._keyed.rows.values()
        yield self._more

    def update_lines(
        self,
        lines: Sequence[PartyLine],
        *,
        sorted_field: str = "",
        contest: str | None = None,
    ) -> None:
        """Show exactly `lines`, in this order (keyed by `key`; a repeated key: the last wins).

        Only rows whose figures changed are repainted, and rows move only when the
        order changed; the first fill does not flash. `sorted_field` is the field
        the lines are sorted by, for the header's mark. May be called before the
        table is mounted (say, in the app's `compose`): the rows are composed.
        The lines of another `contest` (its id) are another set altogether: the rows
        are replaced, like a first fill, and nothing flashes.
        """
        fields = {column.field for column in self._columns} | {"name"}
        self._header.sorted_field = sorted_field if sorted_field in fields else ""
        ordered = list({line.key: line for line in lines}.values())
        if self._header.parent is None:  # not composed yet: compose shows them
            self._pending = ordered, contest
            return
        with self.app.batch_update():
            if contest != self._keyed.of:
                self._filled = False
            flash = self._filled and self._flash_seconds > 0

            def make(line: PartyLine) -> PartyRow:
                return PartyRow(line, self._columns, flash_seconds=self._flash_seconds, flash=flash)

            self._keyed.sync(ordered, make, _set_line, of=contest)
            self._keyed.order(ordered, after=self._header)
            self.fit()
        self._filled = True


def _line_of(row: PartyRow) -> PartyLine:
    return row.line


def _set_line(row: PartyRow, line: PartyLine) -> None:
    row.line = line  # a reactive: an equal line does nothing
