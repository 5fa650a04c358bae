"""Provides `plan_layout`: the form of every panel at a terminal size — whole, compact, or
hidden on purpose — so that no panel is ever squeezed out or cut by the terminal.

Left to itself, Textual gives the first panels their whole height and cuts or
squeezes out the last ones (issue 11: at 60×20 the counter was cut to one row
of glyphs and the declarations vanished). Instead, from the terminal's size,
the rows its fixed bars take (status, alert banner, tabs, ticker, footer) and
what the contest on screen needs (`Needs`), the board plans each panel's form
(`Plan`). Every panel starts in its smallest whole form, then grows, most
important first, while everything still fits:

| step | panel | smallest form | grows to |
|---|---|---|---|
| 1 | table (parties, candidates) | header, 3 rows, "+ n more: …" | every row |
| 2 | declarations | one line after "Latest" | a titled list |
| 3 | counter | one line "96 of 124 councils · 77% ━━━╸━━" | big digits over bar and words |
| 4 | notes | one line "⚠ … (+1 more)" | a line each, then wrapped whole |
| 5 | projection | one line, after its source | heading over its figures |
| 6 | blank lines between panels | none | one |
| 7 | table | a row per line | a blank line above each row ("airy") |
| 8 | net-gains chart | hidden (the table's +/- column has its figures) | beside the counter |

Rows left over go to the declarations, which list as many as fit. The chart
is shown only on wide terminals (`WIDE` columns and more), where the figures
stand beside the counter and declarations and each column is planned apart.
A night of races scrolls by itself: its overview grows like a table (without
"+ n more") and takes exactly the rows the counter and the calls leave. The
status bar, tabs, ticker and footer are always whole (the tabs shorten their
labels, the footer drops its least needed keys:
`widgets/contest_tabs.py`, `widgets/key_footer.py`); below `MIN_SIZE` the board
says "terminal too small" instead (`board/app.py`).

Pure (no Textual): `tests/test_layout.py`. The app pushes the plan down
(`board/display.py` → `ContestView.apply_plan`); `tests/test_sizes.py` walks the
sizes and reads every panel back from the screen.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Literal

__all__ = [
    "BESIDE",
    "GROWTH",
    "MIN_SIZE",
    "MIN_TABLE_ROWS",
    "TALL",
    "WIDE",
    "Measure",
    "Needs",
    "Plan",
    "figures_width",
    "plan_layout",
    "rows_taken",
    "wrapped_lines",
]

MIN_SIZE = (60, 20)
"""Below this (columns, rows) the board shows "terminal too small" instead of the board."""

WIDE = 100
"""From this many columns the figures stand beside the counter and declarations."""

TALL = 30
"""From this many rows the contest tabs underline the active one (a row of their own)."""

BESIDE = 74
"""Narrow terminals from this many columns put the big counter beside the declarations,
which keep 40 columns; narrower ones stack them."""

MIN_TABLE_ROWS = 3
"""Rows of a table shown before any other panel grows beyond its smallest form."""

MIN_SCROLL_ROWS = 5
"""Rows kept for a view that scrolls by itself (a night's races)."""

COUNTER_ROWS = 5
"""The big counter: three rows of digits, its bar, its words."""

COUNTER_WIDTH = 32
"""The big counter beside the declarations on a narrow terminal (30 columns and a gap)."""

DECLARATION_LINES = 2
"""The fewest declarations a titled list shows (else it is one line after "Latest")."""

FIGURES_MAX_WIDTH = 96
SIDE_MIN_WIDTH = 32
NOTES_MAX_WIDTH = 80
MARK_WIDTH = 2
"""Columns a stale or failing mark takes from a panel (a bar and a space)."""

CounterForm = Literal["big", "line"]
DeclarationsForm = Literal["list", "line"]
NotesForm = Literal["wrap", "lines", "one", "off"]
ProjectionForm = Literal["full", "line", "off"]

GROWTH: tuple[dict[str, object], ...] = (
    {"declarations": "list"},
    {"counter": "big"},
    {"notes": "lines"},
    {"projection": "full"},
    {"notes": "wrap"},
    {"gaps": True},
    {"side_gaps": True},
    {"airy": True},
    {"gains": True},
)
"""How the panels grow beyond their smallest whole forms, in order (the table's rows first)."""

Measure = Callable[[str, int], int]
"""Lines a text takes wrapped at a width."""


def wrapped_lines(text: str, width: int) -> int:
    """Lines `text` takes when wrapped at `width` columns, at word boundaries."""
    return max(1, len(textwrap.wrap(text, max(1, width), break_on_hyphens=False)))


@dataclass(frozen=True)
class Needs:
    """What the contest on screen needs, in rows, at its fullest."""

    head: int = 0
    """Rows above the table that are always whole (a seat bar: 3; an unsupported kind's note)."""
    header: int = 1
    """Rows of the table's header (a mayor's: the round and the column titles, 2)."""
    rows: int = 0
    """The table's rows (parties, candidates; a night's races: its overview's lines)."""
    airy: bool = False
    """The table can put a blank line above each row (a party table)."""
    scrolls: bool = False
    """The view scrolls by itself (a night's races): it takes the rows the others leave."""
    notes: tuple[str, ...] = ()
    """The notes under the figures, each as shown ("⚠ …")."""
    projection: bool = False
    """A projection is shown under the figures."""
    gains: int = 0
    """Rows of the net-gains chart (its title and bars; 0: no chart)."""
    counter: bool = True
    """A counter is shown."""


@dataclass(frozen=True)
class Plan:
    """The form of every panel of the contest view (the fullest by default)."""

    wide: bool = False
    """Figures beside the counter and declarations (else one column)."""
    counter: CounterForm = "big"
    beside: bool = True
    """On a narrow terminal, the big counter stands beside the declarations (else above)."""
    declarations: DeclarationsForm = "list"
    notes: NotesForm = "wrap"
    projection: ProjectionForm = "full"
    limit: int | None = None
    """Rows of the table shown (None: all; fewer: "+ n more: …" under them)."""
    gaps: bool = True
    """Blank lines between the figures' panels."""
    side_gaps: bool = True
    """Blank lines between the side's panels (and above them, on a narrow terminal)."""
    airy: bool = False
    gains: bool = False
    figures: int = 0
    """Rows the figures may take (a view that scrolls takes exactly these)."""


def figures_width(width: int) -> int:
    """Columns of the figures' column at a terminal `width` (its panels' width, roughly)."""
    inner = width - 2  # the contest view's padding
    if width < WIDE:
        return inner
    side = max(SIDE_MIN_WIDTH, (inner - 2) * 2 // 5)
    return min(FIGURES_MAX_WIDTH, inner - 2 - side)


def plan_layout(
    width: int, height: int, chrome: int, needs: Needs, measure: Measure = wrapped_lines
) -> Plan:
    """The plan for a `width`×`height` terminal whose fixed bars take `chrome` rows.

    `measure` counts the lines a note wraps to (the app's counts as Textual does).
    """
    rows = max(0, height - chrome)
    room = _Room(width, rows, needs, measure)
    plan = Plan(
        wide=width >= WIDE,
        counter="line",
        beside=width >= BESIDE,
        declarations="line",
        notes="one",
        projection="line",
        limit=min(needs.rows, MIN_SCROLL_ROWS if needs.scrolls else MIN_TABLE_ROWS),
        gaps=False,
        side_gaps=False,
    )
    # A terminal too short even for that (a tall status bar on few rows): fewer rows of the
    # table, then no projection, then no notes — each said or counted where it shows.
    while not room.fits(plan) and (plan.limit or 0) > 1:
        plan = replace(plan, limit=(plan.limit or 1) - 1)
    for extreme in ({"projection": "off"}, {"notes": "off"}):
        if not room.fits(plan):
            plan = replace(plan, **extreme)  # type: ignore[arg-type]
    plan = room.grow_table(plan)
    for step in GROWTH:
        plan = room.grow(plan, step)
    return replace(plan, figures=room.figures_room(plan))


def rows_taken(width: int, needs: Needs, plan: Plan, measure: Measure = wrapped_lines) -> int:
    """Rows the contest view takes at `width` with `plan` for `needs`: on a wide terminal the
    taller of its two columns, else the figures over the side (a view that scrolls: the rows
    the plan gave it)."""
    room = _Room(width, 0, needs, measure)
    figures = plan.figures if needs.scrolls else room.figures(plan)
    side = room.side(plan)
    return max(figures, side) if plan.wide else figures + side


@dataclass(frozen=True)
class _Room:
    """The rows each form costs, and whether a plan fits."""

    width: int
    rows: int
    needs: Needs
    measure: Measure

    def fits(self, plan: Plan) -> bool:
        if plan.wide:
            return self.figures(plan) <= self.rows and self.side(plan) <= self.rows
        return self.figures(plan) + self.side(plan) <= self.rows

    def grow(self, plan: Plan, step: dict[str, object]) -> Plan:
        """`plan` with `step` taken, if it is possible and fits."""
        if not self._applies(plan, step):
            return plan
        grown = replace(plan, **step)  # type: ignore[arg-type]
        return grown if self.fits(grown) else plan

    def _applies(self, plan: Plan, step: dict[str, object]) -> bool:
        needs = self.needs
        if "notes" in step:
            return plan.notes != "off" and len(needs.notes) > 0
        if "projection" in step:
            return plan.projection != "off" and needs.projection
        if "airy" in step:
            return needs.airy and plan.limit is None
        if "gains" in step:
            return plan.wide and needs.gains > 0
        if "counter" in step:
            return needs.counter
        return True

    def grow_table(self, plan: Plan) -> Plan:
        """As many of the table's rows as fit (all of them: no limit)."""
        needs = self.needs
        for limit in range(needs.rows, (plan.limit or 0), -1):
            grown = replace(plan, limit=None if limit == needs.rows else limit)
            if self.fits(grown):
                return grown
        return replace(plan, limit=None) if (plan.limit or 0) >= needs.rows else plan

    # -- what each panel costs, in rows ------------------------------------------------------

    def figures(self, plan: Plan) -> int:
        needs = self.needs
        gap = int(plan.gaps)
        head = needs.head + (gap if needs.head else 0)
        shown = needs.rows if plan.limit is None else min(plan.limit, needs.rows)
        if needs.scrolls:  # no "+ n more": it scrolls
            view = head + needs.header + shown
        else:
            pitch = 2 if plan.airy else 1
            view = head + (needs.header + shown) * pitch + (shown < needs.rows)
        return view + self._notes(plan, gap) + self._projection(plan, gap)

    def _notes(self, plan: Plan, gap: int) -> int:
        notes = self.needs.notes
        if not notes or plan.notes == "off":
            return 0
        if plan.notes == "one":
            return gap + 1
        if plan.notes == "lines":
            return gap + len(notes)
        width = min(NOTES_MAX_WIDTH, figures_width(self.width) - MARK_WIDTH)
        return gap + sum(self.measure(note, width) for note in notes)

    def _projection(self, plan: Plan, gap: int) -> int:
        if not self.needs.projection or plan.projection == "off":
            return 0
        return gap + (2 if plan.projection == "full" else 1)

    def side(self, plan: Plan) -> int:
        needs = self.needs
        gap = int(plan.side_gaps)
        declarations = 1 if plan.declarations == "line" else 1 + gap + DECLARATION_LINES
        if plan.wide:
            counter = 0
            if needs.counter:
                counter = 1 if plan.counter == "line" else COUNTER_ROWS + gap
            gains = needs.gains + gap if plan.gains else 0
            return counter + gains + declarations
        if not needs.counter:
            return gap + declarations
        if plan.counter == "line":
            return gap + 1 + declarations
        if plan.beside:
            return gap + max(COUNTER_ROWS, declarations)
        return gap + COUNTER_ROWS + gap + declarations

    def figures_room(self, plan: Plan) -> int:
        """Rows the figures may take: all but what the side needs, on a narrow terminal (a
        view that scrolls: no more than it has lines, leaving the rest to the side)."""
        room = self.rows if plan.wide else max(0, self.rows - self.side(plan))
        if self.needs.scrolls and not plan.wide:
            return min(room, self.figures(replace(plan, limit=None)))
        return room
