"""Provides `RaceOverview`: hundreds of races, one line each, grouped by office, sortable.

A line-API widget: only the lines on screen are drawn, and a new set of lines
repaints only the lines whose figures changed (a 20-race update on a 500-race
night redraws the changed lines that are visible, nothing else). Each race
shows its place, the winner or leader, the margin, how much is in, and its
state: "✔ CALLED" (reversed, bold) for a call, "leading" for a leader — the
words tell them apart before any colour does.

| key | what it does |
|---|---|
| ↑ ↓, PgUp PgDn, Home End | move the cursor |
| enter | open the race under the cursor (posts `RaceOverview.Opened`) |
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import ClassVar, Literal

from textual.binding import Binding, BindingType
from textual.content import Content
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.style import Style

from widgets.views import RaceLine

__all__ = [
    "RACE_SORTS",
    "RaceLine",
    "RaceOverview",
    "RaceSort",
    "column_widths",
    "group_rows",
    "middle_cut",
]

RaceSort = Literal["office", "margin", "reporting", "called"]
"""Orders of the races within each office: by place; closest first; least counted first;
uncalled first."""
RACE_SORTS: dict[str, RaceSort] = {
    sort: sort for sort in ("office", "margin", "reporting", "called")
}
"""Each order by its name (the board's state names the sort; `sort` takes it)."""

_NEWLINES = str.maketrans({"\n": " ", "\r": " ", "\t": " "})


@dataclass(frozen=True)
class _Row:
    """A line of the overview: a group's heading or a race."""

    heading: str | None = None
    race: RaceLine | None = None


def group_rows(lines: Iterable[RaceLine], sort: RaceSort) -> list[_Row]:
    """The overview's lines: each office's heading ("U.S. Senate · 3 of 35 called") then its
    races in the `sort` order."""
    groups: dict[str, list[RaceLine]] = {}
    for line in sorted(lines, key=lambda line: line.order):
        groups.setdefault(line.group, []).append(line)
    rows: list[_Row] = []
    for group, races in groups.items():
        called = sum(race.called for race in races)
        rows.append(_Row(heading=f"{group} · {called} of {len(races)} called"))
        rows.extend(_Row(race=race) for race in _sorted(races, sort))
    return rows


def _sorted(races: list[RaceLine], sort: RaceSort) -> list[RaceLine]:
    if sort == "margin":
        return sorted(races, key=lambda r: (r.called, r.margin is None, r.margin or 0.0))
    if sort == "reporting":
        return sorted(races, key=lambda r: (r.reported, r.place))
    if sort == "called":
        return sorted(races, key=lambda r: (r.called or r.runoff, r.place))
    return races  # the feed's order: by place


PLACE = 11
"""The place column's least width ("NY Dist 12" and a gap)."""
MARGIN = 6
IN = 14
STATUS = 9
LEADER_MIN = 8


def middle_cut(text: str, width: int) -> str:
    """`text` in at most `width` characters, cut in the middle with "…" where too long: races
    named alike differ at the end as often as at the start ("CO Recall…rict 1", "CO
    Recall…rict 5"), so both ends are kept."""
    if len(text) <= width:
        return text
    if width <= 1:
        return "…"[:width]
    tail = (width - 1) // 2
    return text[: width - 1 - tail] + "…" + (text[-tail:] if tail else "")


def column_widths(width: int, places: int, leaders: int) -> tuple[int, int]:
    """The place and leader columns' widths on a line `width` cells wide, for places and
    leaders at most `places` and `leaders` cells long.

    The two share what the fixed columns (margin, in, status) leave. The leader is given
    its longest name, but no more than half of that room, and never less than `LEADER_MIN`;
    the place takes the rest up to its longest (never less than `PLACE`), so that measures
    named alike ("CO Recall Williams Dist 1", "… Dist 5") are told apart where there is room;
    what remains goes to the leader.
    """
    room = max(0, width - 2 - MARGIN - IN - STATUS - 3)
    leader = max(LEADER_MIN, min(leaders + 1, room // 2))
    place = max(PLACE, min(places + 1, room - leader))
    return place, max(LEADER_MIN, room - place)


class RaceOverview(ScrollView, can_focus=True):
    """Every race of the night on one line each, grouped by office."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up", "cursor(-1)", "Up", show=False),
        Binding("down", "cursor(1)", "Down", show=False),
        Binding("pageup", "page(-1)", "Page up", show=False),
        Binding("pagedown", "page(1)", "Page down", show=False),
        Binding("home", "ends(-1)", "First", show=False),
        Binding("end", "ends(1)", "Last", show=False),
        Binding("enter", "open", "Open race"),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "race-overview--heading",
        "race-overview--called",
        "race-overview--leading",
        "race-overview--muted",
        "race-overview--cursor",
    }
    """
    | Class | Description |
    | :- | :- |
    | `race-overview--heading` | An office's heading. |
    | `race-overview--called` | The "✔ CALLED" and "RUNOFF" marks. |
    | `race-overview--leading` | The word "leading" and how much is in beside it. |
    | `race-overview--muted` | Column titles, missing figures. |
    | `race-overview--cursor` | The line under the cursor. |
    """

    DEFAULT_CSS = """
    RaceOverview {
        height: 1fr;
        & > .race-overview--heading { text-style: bold; color: $accent; }
        & > .race-overview--called { color: $success; text-style: bold reverse; }
        & > .race-overview--leading { color: $warning; text-style: italic; }
        & > .race-overview--muted { color: $text-muted; }
        & > .race-overview--cursor { background: $boost; text-style: bold; }
    }
    RaceOverview:focus > .race-overview--cursor { background: $accent 30%; }
    """

    cursor: reactive[int] = reactive(0, init=False)
    """The line under the cursor (0 is the column titles; headings are skipped)."""

    class Opened(Message):
        """The producer asked to open a race."""

        def __init__(self, key: str) -> None:
            super().__init__()
            self.key = key
            """The race's key."""

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._lines: dict[str, RaceLine] = {}
        self._rows: list[_Row] = []
        self._longest = (0, 0)  # the longest place and leader, in cells
        self.sort: RaceSort = "office"
        """The order of the races within each office."""

    @property
    def rows(self) -> list[_Row]:
        """The lines below the column titles, in display order."""
        return self._rows

    @property
    def selected(self) -> RaceLine | None:
        """The race under the cursor."""
        index = self.cursor - 1
        return self._rows[index].race if 0 <= index < len(self._rows) else None

    def update_lines(self, lines: Sequence[RaceLine]) -> None:
        """Show exactly `lines`; only lines whose figures changed are redrawn."""
        latest = {line.key: line for line in lines}
        rows = group_rows(latest.values(), self.sort)
        longest = (
            max((len(line.place) for line in latest.values()), default=0),
            max((len(line.leader) for line in latest.values()), default=0),
        )
        if longest != self._longest:  # other column widths: every line is drawn again
            self._longest = longest
            self.refresh()
        if [self._shape(r) for r in rows] != [self._shape(r) for r in self._rows]:
            key = self.selected.key if self.selected else None
            self._lines, self._rows = latest, rows
            self.virtual_size = Size(self.size.width, len(rows) + 1)
            self.refresh()
            if key is None or not self.jump_to(key):
                self.cursor = 0
                self.action_cursor(1)  # the first race, past its heading
            return
        changed = [y for y, row in enumerate(rows, 1) if row != self._rows[y - 1]]
        self._lines, self._rows = latest, rows
        for y in changed:
            self.refresh_line(y)

    @staticmethod
    def _shape(row: _Row) -> str:
        return row.race.key if row.race is not None else f"#{row.heading and row.heading[:20]}"

    def jump_to(self, key: str) -> bool:
        """Put the cursor on the race `key` and scroll it into view; False if it is not here."""
        for y, row in enumerate(self._rows, 1):
            if row.race is not None and row.race.key == key:
                self.cursor = y
                return True
        return False

    def watch_cursor(self, old: int, new: int) -> None:
        """Redraw the two lines and keep the cursor in view, below the titles."""
        self.refresh_line(old)
        self.refresh_line(new)
        top = self.scroll_offset.y
        height = max(2, self.scrollable_content_region.height)
        if new < top + 1:
            self.scroll_to(y=max(0, new - 1), animate=False)
        elif new > top + height - 1:
            self.scroll_to(y=new - height + 1, animate=False)

    def action_cursor(self, step: int) -> None:
        """Move to the next race up or down (headings are skipped)."""
        y = self.cursor + step
        while 1 <= y <= len(self._rows) and self._rows[y - 1].race is None:
            y += step
        if 1 <= y <= len(self._rows):
            self.cursor = y

    def action_page(self, step: int) -> None:
        """A screenful up or down."""
        height = max(1, self.scrollable_content_region.height - 1)
        self.cursor = max(1, min(len(self._rows), self.cursor + step * height))
        if self.selected is None:
            self.action_cursor(1 if step > 0 else -1)

    def action_ends(self, step: int) -> None:
        """The first or last race."""
        self.cursor = 1 if step < 0 else len(self._rows)
        if self.selected is None:
            self.action_cursor(1 if step < 0 else -1)

    def action_open(self) -> None:
        """Open the race under the cursor."""
        if self.selected is not None:
            self.post_message(self.Opened(self.selected.key))

    def render_line(self, y: int) -> Strip:
        """Line `y` of the screen: the titles, a heading or a race."""
        width = self.scrollable_content_region.width or self.size.width
        index = 0 if y == 0 else y + self.scroll_offset.y  # the titles stay at the top
        if index == 0:
            content = self._titles(width)
        elif index - 1 < len(self._rows):
            row = self._rows[index - 1]
            if row.race is None:
                heading = Content(row.heading or "").stylize(self._style("heading"))
                content = heading
            else:
                content = self._race(row.race, width, index == self.cursor)
                if index == self.cursor:
                    content = content.stylize(self._style("cursor"))
        else:
            content = Content("")
        strip = Strip(content.truncate(width, pad=True).render_segments(self.visual_style), width)
        return strip.apply_style(self.rich_style)

    def _style(self, name: str) -> Style:
        return self.get_visual_style(f"race-overview--{name}")

    def _widths(self, width: int) -> tuple[int, int]:
        return column_widths(width, *self._longest)

    def _titles(self, width: int) -> Content:
        place, leader = self._widths(width)
        text = (
            "  "
            + "Race".ljust(place)
            # The title never runs into "Margin": shorter where the column is narrow.
            + ("Winner or leader" if leader > 16 else "Leader").ljust(leader)
            + "Margin".rjust(MARGIN)
            + "  "
            + "In".ljust(IN)
            + " "
            + "Status"
        )
        return Content(text).stylize(self._style("muted"))

    def _race(self, race: RaceLine, width: int, cursor: bool = False) -> Content:
        place_width, leader_width = self._widths(width)
        muted = self._style("muted")
        place = Content(middle_cut(race.place.translate(_NEWLINES), place_width - 1))
        leader = Content(race.leader.translate(_NEWLINES) or "—")
        leader = leader.truncate(leader_width - 1, ellipsis=True, pad=True)
        margin = "—" if race.margin is None else f"+{race.margin:.1f}"
        reported = f"{race.reported:.0f}% {race.basis}".strip() if race.basis else "—"
        parts: list[Content | str | tuple[str, Style | str]] = [
            "▸ " if cursor else "  ",  # the cursor reads without colour too
            place.pad_right(place_width - place.cell_length),
            leader,
            " ",
            (margin.rjust(MARGIN), muted if race.margin is None else ""),
            "  ",
        ]
        if race.called or race.runoff:
            parts += [(reported.ljust(IN), muted), " "]
            parts.append(("✔ CALLED" if race.called else "RUNOFF", self._style("called")))
        elif race.leader:
            parts += [(reported.ljust(IN), self._style("leading")), " "]
            parts.append(("leading", self._style("leading")))
        else:
            parts += [(reported.ljust(IN), muted), " ", ("no votes", muted)]
        return Content.assemble(*parts)
