"""Provides the party table's one-line row and header widgets (its line and columns: `views`).

Each row is its own small widget so that a change to one party repaints one
terminal line, not the table (Textual redraws whole dirty regions). Feed text
is only ever placed in `Content` as plain text, so markup in a party name shows
literally.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual.content import Content
from textual.reactive import reactive
from textual.style import Style
from textual.timer import Timer
from textual.visual import VisualType
from textual.widget import Widget

from widgets._cells import colour_style, one_line
from widgets._figures import fit_count, fit_text
from widgets.views import (
    COUNCIL_COLUMNS,
    FIGURES,
    LEGISLATURE_COLUMNS,
    Column,
    ColumnKind,
    PartyLine,
)

__all__ = [
    "COUNCIL_COLUMNS",
    "LEGISLATURE_COLUMNS",
    "Column",
    "ColumnKind",
    "PartyHeader",
    "PartyLine",
    "PartyRow",
    "column_widths",
    "format_cell",
]

SWATCH = "▌ "
"""The party-colour swatch (and its gap) that opens every row."""
NAME_MIN = 6
"""The narrowest the name column gets before the row is cropped."""
NAME_COMFORT = 28
"""Name width beyond which extra room widens the figure columns instead."""
EXTRA_MAX = 4
"""The most extra cells a figure column gets on a wide table."""

CHANGED_STYLE = Style(reverse=True, bold=True)
"""How a just-changed figure shows: reversed, so it reads without colour too."""


def column_widths(columns: Sequence[Column], width: int) -> tuple[int, tuple[int, ...]]:
    """The name width and each column's width for a row `width` cells wide.

    The name column takes what the fixed-width figures leave; on a wide table
    the figures get a little more air (up to `EXTRA_MAX` each) rather than
    drifting far from the names.
    """
    fixed = len(SWATCH) + sum(column.width + 1 for column in columns)
    spare = max(0, width - fixed - NAME_COMFORT)
    extra = min(EXTRA_MAX, spare // len(columns)) if columns else 0
    widths = tuple(column.width + extra for column in columns)
    name_width = max(NAME_MIN, width - len(SWATCH) - sum(w + 1 for w in widths))
    return name_width, widths


def format_cell(kind: ColumnKind, value: float | None, width: int = 32) -> tuple[str, str]:
    """The text for one figure in at most `width` cells, and the component class that styles it.

    Changes are signed and carry ▲/▼ so they read without colour; `None` is "—".
    A figure too wide for its column is abbreviated with a unit, or filled with
    "#", by the rule of `widgets._figures`: it never runs into its neighbour
    or loses digits.
    """
    if value is None:
        return "—", "party-row--none"
    if kind == "count":
        return fit_count(int(value), width), "party-row--count"
    if kind == "percent":
        return fit_text([f"{value:.1f}%", f"{value:.0f}%"], width), "party-row--count"
    text = f"{value:+.1f}" if kind == "percent_change" else f"{int(value):+d}"
    if text.lstrip("+-") in {"0", "0.0"}:
        return text.lstrip("+-"), "party-row--none"
    arrow, style = ("▲", "party-row--gain") if text.startswith("+") else ("▼", "party-row--loss")
    if kind == "percent_change":
        figure = fit_text([text, f"{value:+.0f}"], width - 2)
    else:
        figure = fit_count(int(value), width - 2, sign=True)
    return f"{arrow} {figure}", style


class PartyHeader(Widget):
    """The table's heading line: column titles, with ▼/▲ on the column it is sorted by."""

    DEFAULT_CSS = """
    PartyHeader {
        height: 1;
        text-wrap: nowrap;
        text-style: bold;
        color: $text-muted;
    }
    """

    sorted_field: reactive[str] = reactive("", init=False)
    """The `PartyLine` field the table is sorted by ("name" sorts ascending)."""

    def __init__(self, columns: Sequence[Column]) -> None:
        super().__init__()
        self._columns = tuple(columns)

    def render(self) -> VisualType:
        """Column titles aligned with the rows' cells."""
        name_width, widths = column_widths(self._columns, self.size.width)
        name = "▲Party" if self.sorted_field == "name" else "Party"
        parts: list[str] = [" " * len(SWATCH), name.ljust(name_width)]
        for column, width in zip(self._columns, widths, strict=True):
            title = f"▼{column.header}" if column.field == self.sorted_field else column.header
            parts.append(" " + title.rjust(width))
        return Content("".join(parts)).truncate(self.size.width)


class PartyRow(Widget):
    """One party's line: colour swatch, name, and its figures; changed figures flash."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "party-row--count",
        "party-row--gain",
        "party-row--loss",
        "party-row--none",
    }
    """
    | Class | Description |
    | :- | :- |
    | `party-row--count` | A count or share. |
    | `party-row--gain` | A positive change (also shows ▲). |
    | `party-row--loss` | A negative change (also shows ▼). |
    | `party-row--none` | No change, no figure ("—"), or no party colour. |
    """

    DEFAULT_CSS = """
    PartyRow {
        height: 1;
        text-wrap: nowrap;
        &.-flash { background: $boost; }
        & > .party-row--count { text-style: bold; }
        & > .party-row--gain { color: $success; text-style: bold; }
        & > .party-row--loss { color: $error; text-style: bold; }
        & > .party-row--none { color: $text-muted; }
    }
    """

    line: reactive[PartyLine] = reactive(PartyLine(key="", name=""), init=False)
    """The figures shown; setting an equal line does nothing at all."""

    flashing: reactive[frozenset[str]] = reactive(frozenset[str](), init=False)
    """The fields highlighted because they just changed (empty when not flashing)."""

    def __init__(
        self,
        line: PartyLine,
        columns: Sequence[Column],
        *,
        flash_seconds: float = 4.0,
        flash: bool = False,
    ) -> None:
        """A row showing `line`; with `flash`, it starts flashing (a party that just appeared)."""
        super().__init__()
        self._columns = tuple(columns)
        self._flash_seconds = flash_seconds
        self._flash_timer: Timer | None = None
        self.set_reactive(PartyRow.line, line)
        self.set_class(line.pinned_last, "-pinned")
        if flash:
            self.set_reactive(PartyRow.flashing, frozenset(FIGURES))
            self.add_class("-flash")

    @property
    def key(self) -> str:
        """The party code this row shows."""
        return self.line.key

    def on_mount(self) -> None:
        """Start the flash timer of a row that was mounted flashing."""
        if self.flashing:
            self._start_flash_timer()

    def watch_line(self, old: PartyLine, new: PartyLine) -> None:
        """Flash the figures that changed."""
        self.set_class(new.pinned_last, "-pinned")
        changed = frozenset(f for f in FIGURES if getattr(old, f) != getattr(new, f))
        if changed and self._flash_seconds > 0:
            self.flashing = self.flashing | changed
            self._start_flash_timer()

    def watch_flashing(self, flashing: frozenset[str]) -> None:
        """Show the flash as a CSS class, so themes and `:nocolor` rules can style it."""
        self.set_class(bool(flashing), "-flash")

    def _start_flash_timer(self) -> None:
        if self._flash_timer is not None:
            self._flash_timer.stop()
        self._flash_timer = self.set_timer(self._flash_seconds, self._end_flash)

    def _end_flash(self) -> None:
        self._flash_timer = None
        self.flashing = frozenset()

    def render(self) -> VisualType:
        """Swatch, name (ellipsised, never wrapped), then each figure right-aligned."""
        line = self.line
        name_width, widths = column_widths(self._columns, self.size.width)
        name = Content(one_line(line.name)).truncate(name_width, ellipsis=True, pad=True)
        parts: list[str | Content | tuple[str, str | Style]] = [
            (SWATCH[0], colour_style(line.colour, ".party-row--none")),
            SWATCH[1:],
            name,
        ]
        offset = len(SWATCH) + len(name.plain)
        changed: list[tuple[int, int]] = []
        for column, width in zip(self._columns, widths, strict=True):
            value = getattr(line, column.field, None)
            text, style = format_cell(column.kind, value if _is_number(value) else None, width)
            pad = width - len(text) + 1
            parts += [" " * pad, (text, f".{style}")]
            offset += pad
            if column.field in self.flashing:
                changed.append((offset, offset + len(text)))
            offset += len(text)
        content = Content.assemble(*parts)
        for start, end in changed:
            content = content.stylize(CHANGED_STYLE, start, end)
        return content.truncate(self.size.width)


def _is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)
