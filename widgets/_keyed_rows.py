"""Provides the keyed-rows update shared by the party and candidate tables.

A table keeps one row widget per key. An update removes the rows whose key
left, hands each remaining row its new line (the row repaints only if the
line differs), mounts rows for new keys, and moves rows only when the display
order really changed — so one party's new figures redraw one line.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Generic, Protocol, TypeVar

from textual.widget import Widget

__all__ = ["KeyedRows"]


class _Line(Protocol):
    @property
    def key(self) -> str: ...


LineT = TypeVar("LineT", bound=_Line)


RowT = TypeVar("RowT", bound=Widget)


class KeyedRows(Generic[LineT, RowT]):
    """The rows of one table, by key, kept in step with the latest lines."""

    def __init__(self, table: Widget, line_of: Callable[[RowT], LineT]) -> None:
        self._table = table
        self._line_of = line_of
        self.rows: dict[str, RowT] = {}
        """The row widget of each key."""

    def lines(self) -> list[LineT]:
        """The lines the rows show."""
        return [self._line_of(row) for row in self.rows.values()]

    def clear(self) -> None:
        """Remove every row."""
        if self.rows:
            self._table.remove_children(list(self.rows.values()))
            self.rows.clear()

    def sync(
        self,
        lines: Iterable[LineT],
        make: Callable[[LineT], RowT],
        update: Callable[[RowT, LineT], None],
    ) -> None:
        """Make the rows show exactly `lines` (a repeated key: the last wins)."""
        latest = {line.key: line for line in lines}
        gone = [row for key, row in self.rows.items() if key not in latest]
        for key in [key for key in self.rows if key not in latest]:
            del self.rows[key]
        if gone:
            self._table.remove_children(gone)
        new_rows: list[RowT] = []
        for key, line in latest.items():
            existing = self.rows.get(key)
            if existing is not None:
                update(existing, line)
            else:
                self.rows[key] = row = make(line)
                new_rows.append(row)
        if new_rows:
            self._table.mount_all(new_rows)

    def order(self, wanted_lines: Sequence[LineT], after: Widget) -> None:
        """Move rows into the order of `wanted_lines`, after `after`, touching nothing in place."""
        current = self._shown()
        wanted = [self.rows[line.key] for line in wanted_lines]
        if current == wanted:
            return
        previous = after
        for index, row in enumerate(wanted):
            if index >= len(current) or current[index] is not row:
                self._table.move_child(row, after=previous)
                current = self._shown()
            previous = row

    def _shown(self) -> list[Widget]:
        rows = set(map(id, self.rows.values()))
        return [child for child in self._table.children if id(child) in rows]
