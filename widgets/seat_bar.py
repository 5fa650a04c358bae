"""Provides `SeatBar`: a parliament's seats as one horizontal bar, with the majority marked.

Three lines: "▼ 65 for majority" above the bar at the majority's column; the
bar, one block per party (largest first) proportional to its seats, with the
party code printed inside when it fits; the seat figures under the blocks.
Seats not yet declared are a muted track at the end. Block widths use
largest-remainder rounding, so they always add up to the cells the declared
seats take. The codes and figures make the bar read without colour; under
`NO_COLOR` the blocks also alternate █ and ▓ so neighbours stay apart.
"""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction
from typing import ClassVar

from textual.color import Color
from textual.content import Content
from textual.reactive import reactive
from textual.style import Style
from textual.visual import VisualType
from textual.widget import Widget

from widgets._cells import is_hex_colour
from widgets._figures import fit_count
from widgets.views import SeatShare

__all__ = ["SeatBar", "SeatShare", "apportion", "bar_cells", "majority_column"]


SOLID = "█"
"""The fill of a party's block."""
SHADED = "▓"
"""The fill of every other block under `NO_COLOR`, so neighbouring blocks stay apart."""
TRACK = "░"
"""The fill of the seats still to declare."""
MARKER = "▼"
"""Points down at the majority's column."""


def apportion(weights: Sequence[int], cells: int) -> list[int]:
    """Share `cells` among `weights` by largest remainder; ties go to the earlier weight.

    The result always adds up to `cells` (when any weight is positive).
    """
    weights = [max(0, weight) for weight in weights]
    whole = sum(weights)
    if whole == 0 or cells <= 0:
        return [0] * len(weights)
    quotas = [Fraction(weight * cells, whole) for weight in weights]
    shares = [int(quota) for quota in quotas]
    order = sorted(range(len(weights)), key=lambda i: (shares[i] - quotas[i], i))
    for index in order[: cells - sum(shares)]:
        shares[index] += 1
    return shares


def bar_cells(seats: Sequence[int], total: int, width: int) -> tuple[list[int], int]:
    """Each party's cells and the undeclared track's cells for a bar `width` cells wide.

    The declared seats take `width × declared / total` cells (rounded half up),
    shared by largest remainder; the track takes the rest. A `total` smaller
    than the seats declared is taken as the seats declared.
    """
    declared = sum(max(0, n) for n in seats)
    whole = max(total, declared)
    if whole <= 0 or width <= 0:
        return [0] * len(seats), max(0, width)
    used = (2 * declared * width + whole) // (2 * whole)
    return apportion(seats, used), width - used


def majority_column(majority: int, total: int, width: int) -> int | None:
    """The column (0-based) holding the middle of the `majority`-th seat, or None if it has none."""
    if majority <= 0 or total <= 0 or width <= 0 or majority > total:
        return None
    return min(width - 1, ((2 * majority - 1) * width) // (2 * total))


class SeatBar(Widget):
    """A chamber's seats as one bar: party blocks, the undeclared track and a majority marker."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "seat-bar--marker",
        "seat-bar--neutral",
        "seat-bar--track",
        "seat-bar--figure",
    }
    """
    | Class | Description |
    | :- | :- |
    | `seat-bar--marker` | The majority marker and its words. |
    | `seat-bar--neutral` | The block of a party without a colour. |
    | `seat-bar--track` | The seats still to declare, and their figure. |
    | `seat-bar--figure` | The seat figures under the blocks. |
    """

    DEFAULT_CSS = """
    SeatBar {
        height: 3;
        text-wrap: nowrap;
        & > .seat-bar--marker { color: $text; text-style: bold; }
        & > .seat-bar--neutral { color: $foreground-muted; }
        & > .seat-bar--track { color: $text-muted; }
        & > .seat-bar--figure { color: $text; text-style: bold; }
    }
    """

    total: reactive[int] = reactive(0, init=False)
    """Seats in the chamber (0: not known; the bar then spans the declared seats)."""
    majority: reactive[int] = reactive(0, init=False)
    """Seats needed for a majority (0: no marker)."""
    shares: reactive[tuple[SeatShare, ...]] = reactive((), init=False)
    """The parties' seats, in the order drawn (largest first)."""
    to_declare: reactive[int | None] = reactive[int | None](None, init=False)
    """Seats still to declare as the count says (total − reported); None: whatever the parties'
    seats leave. When the parties' seats fall short of the seats reported, the gap is named
    ("1 to declare · 939 not listed") rather than passed off as seats to come."""

    def __init__(
        self,
        total: int = 0,
        majority: int = 0,
        *,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        """A bar for a chamber of `total` seats needing `majority` for a majority."""
        super().__init__(name=name, id=id, classes=classes)
        self.set_reactive(SeatBar.total, total)
        self.set_reactive(SeatBar.majority, majority)

    def render(self) -> VisualType:
        """The marker line, the bar and the figures, each exactly the widget's width."""
        width = self.size.width
        if width <= 0:
            return Content("")
        shares = [share for share in self.shares if share.seats > 0]
        cells, track = bar_cells([share.seats for share in shares], self.total, width)
        declared = sum(share.seats for share in shares)
        whole = max(self.total, declared)
        return Content("\n").join(
            [
                self._marker_line(majority_column(self.majority, whole, width), width),
                self._bar_line(shares, cells, track),
                self._figures_line(shares, cells, track, whole - declared),
            ]
        )

    @property
    def text(self) -> str:
        """The bar in words, as a log or a screen reader would want it."""
        parts = [f"{share.label} {share.seats}" for share in self.shares]
        declared = sum(max(0, share.seats) for share in self.shares)
        if self.total > declared:
            to_declare, unlisted = self._undeclared(self.total - declared)
            parts.append(f"{to_declare} of {self.total} to declare")
            if unlisted:
                parts.append(f"{unlisted} not listed")
        if self.majority > 0:
            parts.append(f"{self.majority} for majority")
        return ", ".join(parts)

    def update_shares(self, shares: Sequence[SeatShare]) -> None:
        """Show these parties' seats, in this order; repaints only if something differs."""
        new = tuple(shares)
        if new != self.shares:
            self.shares = new

    def _marker_line(self, column: int | None, width: int) -> Content:
        if column is None:
            return Content("")
        words = f"{self.majority} for majority"
        if column + 2 + len(words) <= width:
            start, text = column, f"{MARKER} {words}"
        elif column - 1 - len(words) >= 0:
            start, text = column - 1 - len(words), f"{words} {MARKER}"
        else:
            start, text = column, MARKER
        return Content.assemble(" " * start, (text, ".seat-bar--marker"))

    def _bar_line(self, shares: Sequence[SeatShare], cells: Sequence[int], track: int) -> Content:
        textured = self.app.no_color
        parts: list[Content] = []
        touching = False  # the previous block ends with its code: this one must not start with one
        for index, (share, size) in enumerate(zip(shares, cells, strict=True)):
            if size <= 0:
                continue
            fill_style, label_styles = _block_styles(share.colour)
            fill = SHADED if textured and index % 2 else SOLID
            label = Content(share.label.strip())
            before = _label_offset(label.cell_length, size, touching)
            if before is None:
                parts.append(Content.styled(fill * size, fill_style))
                touching = False
                continue
            for style in label_styles:
                label = label.stylize(style)
            after = size - before - label.cell_length
            parts.append(
                Content.assemble((fill * before, fill_style), label, (fill * after, fill_style))
            )
            touching = after == 0
        if track > 0:
            parts.append(Content.styled(TRACK * track, ".seat-bar--track"))
        return Content("").join(parts)

    def _figures_line(
        self, shares: Sequence[SeatShare], cells: Sequence[int], track: int, undeclared: int
    ) -> Content:
        parts: list[Content] = []
        for share, size in zip(shares, cells, strict=True):
            figure = fit_count(share.seats, size - 1)
            parts.append(_centred("" if "#" in figure else figure, size, ".seat-bar--figure"))
        if track > 0:
            words = self._track_words(undeclared) if undeclared else "no seats declared yet"
            short = self._undeclared(undeclared)[0] if undeclared else 0
            figure = fit_count(short, track - 1) if undeclared else ""
            text = words if len(words) + 1 <= track else figure.replace("#", "")
            parts.append(_centred(text, track, ".seat-bar--track"))
        return Content("").join(parts)

    def _undeclared(self, undeclared: int) -> tuple[int, int]:
        """Of the `undeclared` seats the track shows: (to declare, reported but not listed)."""
        to_declare = undeclared if self.to_declare is None else max(0, self.to_declare)
        return to_declare, max(0, undeclared - to_declare)

    def _track_words(self, undeclared: int) -> str:
        """ "3 to declare", or with seats reported but missing from the table, "1 to declare ·
        2 not listed"."""
        to_declare, unlisted = self._undeclared(undeclared)
        words = f"{fit_count(to_declare, 8)} to declare"
        return f"{words} · {unlisted} not listed" if unlisted else words


def _block_styles(colour: str | None) -> tuple[Style | str, tuple[Style | str, ...]]:
    """The style of a block's fill, and the styles of the code printed on it (contrasting)."""
    if colour is None or not is_hex_colour(colour):
        return ".seat-bar--neutral", (".seat-bar--neutral", Style(reverse=True, bold=True))
    background = Color.parse(colour)
    label = Style(background=background, foreground=background.get_contrast_text(1.0), bold=True)
    return Style(foreground=background), (label,)


def _label_offset(length: int, size: int, touching: bool) -> int | None:
    """Where a code `length` cells long starts in a block `size` cells wide (None: it does not fit).

    Centred when there is room for fill on both sides; otherwise pushed right,
    or filling the block, but never touching the previous block's code.
    """
    if length <= 0 or length > size:
        return None
    if length + 2 <= size:
        return (size - length) // 2
    if length + 1 == size:
        return 1
    return None if touching else 0


def _centred(text: str, size: int, style: str) -> Content:
    """`text` centred in `size` cells, or blank if it does not fit with a cell to spare."""
    if size <= 0:
        return Content("")
    if len(text) + 1 > size:
        return Content(" " * size)
    before = max(1, (size - len(text)) // 2)
    return Content.assemble(" " * before, (text, style), " " * (size - before - len(text)))
