"""Provides `PartyTable`, the live party table: keyed rows that redraw only what changed.

The table never rebuilds itself. `update_lines` takes the whole current set of
lines; a new key mounts a row, a gone key removes its row, a row whose figures
did not change is not touched, and rows are moved only when the order changed.
A change to one party therefore repaints one terminal line (a `DataTable`
repaints every visible row on any change).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Literal

from textual.app import ComposeResult
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget

from widgets._keyed_rows import KeyedRows
from widgets._party_row import (
    BALANCE_COLUMNS,
    COUNCIL_COLUMNS,
    LEGISLATURE_COLUMNS,
    Column,
    PartyHeader,
    PartyLine,
    PartyRow,
)

__all__ = [
    "BALANCE_COLUMNS",
    "COUNCIL_COLUMNS",
    "LEGISLATURE_COLUMNS",
    "SORT_KEYS",
    "Column",
    "PartyLine",
    "PartyRow",
    "PartyTable",
    "SortKey",
    "sort_lines",
]

SortKey = Literal["councils", "seats", "seats_change", "share", "name"]
"""What the table can be sorted by; all but "name" sort descending."""

SORT_KEYS: tuple[SortKey, ...] = ("councils", "seats", "seats_change", "name")
"""The councils view's sorts, in the order `cycle_sort` visits them."""


def _descending(value: float | None) -> tuple[bool, float]:
    """A sort key putting larger values first and missing values last."""
    return (value is None, -(value or 0))


_SORTS: dict[SortKey, Callable[[PartyLine], tuple[object, ...]]] = {
    "councils": lambda p: (_descending(p.councils), _descending(p.seats), p.name.casefold()),
    "seats": lambda p: (_descending(p.seats), _descending(p.councils), p.name.casefold()),
    "seats_change": lambda p: (
        _descending(p.seats_change),
        _descending(p.seats),
        p.name.casefold(),
    ),
    "share": lambda p: (_descending(p.share), _descending(p.seats), p.name.casefold()),
    "name": lambda p: (p.name.casefold(), p.key),
}


def sort_lines(lines: Sequence[PartyLine], sort_key: SortKey) -> list[PartyLine]:
    """`lines` in display order: by `sort_key`, ties by name, pinned lines (NOC) last."""
    order = _SORTS[sort_key]
    return sorted(lines, key=lambda line: (line.pinned_last, order(line), line.key))


class PartyTable(Widget):
    """The party table: a header line and one row widget per party, keyed by party code.

    It takes no focus (a board on air has nothing to click); the app binds a key
    (`s`) to `cycle_sort`.
    """

    DEFAULT_CSS = """
    PartyTable {
        height: auto;
        max-width: 80;
        layout: vertical;
    }
    """

    sort_key: reactive[SortKey] = reactive[SortKey]("councils", init=False)
    """What the rows are ordered by; "No Overall Control" stays last whatever it is."""

    class SortChanged(Message):
        """Posted when the table's sort key changes."""

        def __init__(self, table: PartyTable, sort_key: SortKey) -> None:
            super().__init__()
            self.table = table
            """The table that was re-sorted."""
            self.sort_key: SortKey = sort_key
            """The new sort key."""

        @property
        def control(self) -> PartyTable:
            """Alias for `table`."""
            return self.table

    def __init__(
        self,
        columns: Sequence[Column] = COUNCIL_COLUMNS,
        *,
        sort_keys: Sequence[SortKey] = SORT_KEYS,
        flash_seconds: float = 4.0,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        """A table with `columns`, sortable by `sort_keys` (the first is the default).

        `flash_seconds` is how long a changed figure stays highlighted (0: never).
        """
        super().__init__(name=name, id=id, classes=classes)
        if not sort_keys:
            raise ValueError("a party table needs at least one sort key")
        self._columns = tuple(columns)
        self._sort_keys: tuple[SortKey, ...] = tuple(sort_keys)
        self._flash_seconds = flash_seconds
        self._keyed: KeyedRows[PartyLine, PartyRow] = KeyedRows(self, _line_of)
        self._filled = False
        self._pending: list[PartyLine] | None = None
        self._header = PartyHeader(self._columns)
        self.set_reactive(PartyTable.sort_key, self._sort_keys[0])
        self._header.sorted_field = self._sorted_field(self._sort_keys[0])

    @property
    def columns(self) -> tuple[Column, ...]:
        """The figure columns shown after the party name."""
        return self._columns

    @property
    def rows(self) -> list[PartyRow]:
        """The row widgets in display order."""
        return [child for child in self.children if isinstance(child, PartyRow)]

    def validate_sort_key(self, sort_key: SortKey) -> SortKey:
        """Refuse a sort this table was not given."""
        if sort_key not in self._sort_keys:
            raise ValueError(f"sort key {sort_key!r} is not one of {self._sort_keys}")
        return sort_key

    def watch_sort_key(self, sort_key: SortKey) -> None:
        """Reorder the rows, mark the header, and tell the app."""
        self._header.sorted_field = self._sorted_field(sort_key)
        with self.app.batch_update():
            self._reorder()
        self.post_message(self.SortChanged(self, sort_key))

    def compose(self) -> ComposeResult:
        """The header line, and rows for lines given before the table was mounted.

        Composing those rows (rather than mounting them afterwards) keeps the
        first paint to one frame.
        """
        yield self._header
        pending, self._pending = self._pending, None
        if pending is not None:
            self._keyed.rows = {
                line.key: PartyRow(line, self._columns, flash_seconds=self._flash_seconds)
                for line in {line.key: line for line in pending}.values()
            }
            self._filled = True
            rows = self._keyed.rows
            yield from (rows[line.key] for line in sort_lines(self._keyed.lines(), self.sort_key))

    def cycle_sort(self) -> SortKey:
        """Switch to the next sort key (wrapping round) and return it."""
        index = self._sort_keys.index(self.sort_key)
        self.sort_key = self._sort_keys[(index + 1) % len(self._sort_keys)]
        return self.sort_key

    def update_lines(self, lines: Sequence[PartyLine], *, fresh: bool = False) -> None:
        """Show exactly `lines` (the whole current set, keyed by `key`; a repeated key: last wins).

        Only rows whose figures changed are repainted; the first fill does not flash. May be
        called before the table is mounted (say, in the app's `compose`): the rows are composed.
        With `fresh` the lines are another set altogether (the table now shows another
        contest): the rows are replaced, like a first fill, and nothing flashes.
        """
        if self._header.parent is None:  # not composed yet: compose shows them
            self._pending = list(lines)
            return
        with self.app.batch_update():
            if fresh:
                self._keyed.clear()
                self._filled = False
            flash = self._filled and self._flash_seconds > 0

            def make(line: PartyLine) -> PartyRow:
                return PartyRow(line, self._columns, flash_seconds=self._flash_seconds, flash=flash)

            self._keyed.sync(lines, make, _set_line)
            self._reorder()
        self._filled = True

    def _reorder(self) -> None:
        """Move rows into display order, touching nothing if the order is already right."""
        self._keyed.order(sort_lines(self._keyed.lines(), self.sort_key), after=self._header)

    def _sorted_field(self, sort_key: SortKey) -> str:
        if sort_key == "name":
            return "name"
        fields = [column.field for column in self._columns]
        return sort_key if sort_key in fields else ""


def _line_of(row: PartyRow) -> PartyLine:
    return row.line


def _set_line(row: PartyRow, line: PartyLine) -> None:
    row.line = line  # a reactive: an equal line does nothing
