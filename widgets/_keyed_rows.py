"""Provides the keyed-rows update shared by the party and candidate tables.

A table keeps one row widget per key. An update removes the rows whose key
left, hands each remaining row its new line (the row repaints only if the
line differs), mounts rows for new keys, and moves rows only when the display
order really changed — so one party's new figures redraw one line.

A table on a short terminal shows the rows that fit (`fit_lines`: the first
ones, keeping pinned rows such as No Overall Control) and hides the others on
purpose: `KeyedRows.show_only` hides their rows, and a `MoreLine` names them
("+ 3 more: Residents, Liberal, Respect").
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Generic, Protocol, TypeVar

from textual.content import Content
from textual.reactive import reactive
from textual.widget import Widget

from widgets._cells import one_line

__all__ = ["FittedTable", "KeyedRows", "MoreLine", "fit_lines"]

T = TypeVar("T")


def _pinned_last(line: object) -> bool:
    return bool(getattr(line, "pinned_last", False))


def fit_lines(
    lines: Sequence[T], room: int, pinned: Callable[[T], bool] = _pinned_last
) -> tuple[list[T], int]:
    """The lines shown in `room` rows, and how many were left out: the first ones in order,
    keeping `pinned` lines (by default those marked `pinned_last`, such as No Overall
    Control; they take their place at the end)."""
    if len(lines) <= room:
        return list(lines), 0
    kept_pinned = [line for line in lines if pinned(line)][: max(room, 0)]
    others = [line for line in lines if not pinned(line)][: max(room - len(kept_pinned), 0)]
    kept = {id(line) for line in (*others, *kept_pinned)}
    shown = [line for line in lines if id(line) in kept]
    return shown, len(lines) - len(shown)


class MoreLine(Widget):
    """The line under a table that names the rows left out: "+ 3 more: Residents, Liberal, …"."""

    DEFAULT_CSS = """
    MoreLine { height: 1; color: $text-muted; text-wrap: nowrap; text-overflow: ellipsis; }
    MoreLine.-none { display: none; }
    """

    def __init__(self) -> None:
        super().__init__(classes="-none")
        self._words = ""

    def say(self, names: Sequence[str]) -> None:
        """Name the rows left out (none: the line takes no room)."""
        words = f"+ {len(names)} more: " + ", ".join(one_line(n) for n in names) if names else ""
        if words != self._words:
            self._words = words
            self.set_class(not names, "-none")
            self.refresh()

    @property
    def text(self) -> str:
        """What the line says ("" when nothing is left out)."""
        return self._words

    def render(self) -> Content:
        return Content(self._words)


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
        self.of: object = None
        """What the rows show lines of (a contest's id; None: not said)."""

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
        *,
        of: object = None,
    ) -> None:
        """Make the rows show exactly `lines` (a repeated key: the last wins).

        `of` says what the lines are of (a contest's id): when it differs from the last
        sync's, every row is made afresh. A key means one party *within one contest*: "LAB"
        of the English councils and "LAB" of the Welsh Assembly are not one row updated,
        whose columns, notes and flashes would carry over from the other contest.
        """
        if of != self.of:
            self.clear()
            self.of = of
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

    def fit(
        self,
        limit: int | None,
        more: MoreLine,
        name: Callable[[LineT], str],
    ) -> None:
        """Show `limit` rows at most (None: all), keeping pinned ones (`fit_lines`), in display
        order; hide the others (still mounted) and name them on `more`, which is kept last."""
        lines = [self._line_of(row) for row in self._shown()]  # type: ignore[arg-type]
        shown, hidden = fit_lines(lines, len(lines) if limit is None else limit)
        keys = {line.key for line in shown}
        for key, row in self.rows.items():
            wanted = not hidden or key in keys
            if row.display != wanted:
                row.display = wanted
        more.say([name(line) for line in lines if hidden and line.key not in keys])
        children = self._table.children
        if children and children[-1] is not more:
            self._table.move_child(more, after=children[-1])

    def _shown(self) -> list[Widget]:
        rows = set(map(id, self.rows.values()))
        return [child for child in self._table.children if id(child) in rows]


class _NamedLine(_Line, Protocol):
    @property
    def name(self) -> str: ...


NamedT = TypeVar("NamedT", bound=_NamedLine)


class FittedTable(Widget, Generic[NamedT, RowT]):
    """A keyed table that shows `limit` rows at most and names the others under them: the
    party table and the candidate table. Subclasses make `_keyed` and yield `_more` last."""

    limit: reactive[int | None] = reactive[int | None](None, init=False)
    """Rows shown at most (None: all); the others are hidden on purpose and named under them."""

    _keyed: KeyedRows[NamedT, RowT]
    _more: MoreLine

    def on_mount(self) -> None:
        self.fit()

    def watch_limit(self) -> None:
        self.fit()

    @property
    def more(self) -> str:
        """What the line under the rows says of the rows left out ("" when none are)."""
        return self._more.text

    def fit(self) -> None:
        """Show the rows `limit` allows (pinned ones kept); name the others, last."""
        if self.is_mounted:
            self._keyed.fit(self.limit, self._more, lambda line: line.name)
