"""The layout planner (`board/layout.py`), pure: properties that hold at every size and need.

No plan is copied from the screen here: each test states what must hold of
any plan (it fits; the table keeps its rows before anything else grows;
nothing is left smaller than the room allows; more rows never shrink the
table) and lets Hypothesis look for a size and a contest that break it. The
screen itself is read back in `tests/test_sizes.py`.
"""

from __future__ import annotations

from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from board.layout import (
    GROWTH,
    MIN_SIZE,
    MIN_TABLE_ROWS,
    WIDE,
    Needs,
    Plan,
    plan_layout,
    rows_taken,
)

CHROME = st.integers(min_value=4, max_value=8)
"""Rows the fixed bars take: status (2) and its lines (0–2), banner, tabs (0–2), ticker, footer."""

SIZES = st.tuples(
    st.integers(min_value=MIN_SIZE[0], max_value=220),
    st.integers(min_value=MIN_SIZE[1], max_value=70),
)

NOTE = st.text(alphabet="abcdefghij ", min_size=1, max_size=160).map(lambda text: "⚠ " + text)


@st.composite
def needs(draw: st.DrawFn) -> Needs:
    """What a contest on screen may need: a councils table, a legislature (a seat bar over the
    table), a mayoralty (two header rows), or a night of races (a view that scrolls)."""
    kind = draw(st.sampled_from(["table", "legislature", "mayor", "races"]))
    rows = draw(st.integers(min_value=0, max_value=40))
    notes = tuple(draw(st.lists(NOTE, max_size=3)))
    if kind == "races":
        return Needs(header=0, rows=rows, scrolls=True)
    return Needs(
        head=3 if kind == "legislature" else 0,
        header=2 if kind == "mayor" else 1,
        rows=rows,
        airy=kind != "mayor",
        notes=notes,
        projection=draw(st.booleans()),
        gains=draw(st.integers(min_value=0, max_value=12)) if kind != "mayor" else 0,
    )


def shown_rows(plan: Plan, need: Needs) -> int:
    return need.rows if plan.limit is None else plan.limit


@settings(max_examples=300, deadline=None)
@given(SIZES, CHROME, needs())
def test_the_planned_rows_never_exceed_the_terminals(
    size: tuple[int, int], chrome: int, need: Needs
) -> None:
    width, height = size
    plan = plan_layout(width, height, chrome, need)
    assert rows_taken(width, need, plan) <= height - chrome


@settings(max_examples=300, deadline=None)
@given(SIZES, CHROME, needs())
def test_the_table_shows_at_least_its_minimum_or_every_row(
    size: tuple[int, int], chrome: int, need: Needs
) -> None:
    width, height = size
    plan = plan_layout(width, height, chrome, need)
    assert shown_rows(plan, need) >= min(MIN_TABLE_ROWS, need.rows)
    assert plan.limit is None or plan.limit < need.rows  # a limit always leaves rows out


@settings(max_examples=300, deadline=None)
@given(SIZES, CHROME, needs())
def test_nothing_is_left_smaller_than_the_room_allows(
    size: tuple[int, int], chrome: int, need: Needs
) -> None:
    """The plan is full: one more table row, or any panel grown one step, would not fit."""
    width, height = size
    rows = height - chrome
    plan = plan_layout(width, height, chrome, need)
    if plan.limit is not None and not need.scrolls:  # a view that scrolls is never cut
        more = plan.limit + 1
        bigger = replace(plan, limit=None if more >= need.rows else more)
        assert rows_taken(width, need, bigger) > rows
    for step in GROWTH:
        grown = replace(plan, **step)  # type: ignore[arg-type]
        if not _grows(plan, step) or not _applies(grown, need):
            continue
        assert rows_taken(width, need, grown) > rows, f"{step} would have fit"


ORDER = {"off": 0, "one": 1, "line": 1, "lines": 2, "list": 2, "big": 2, "full": 3, "wrap": 3}
"""The forms from smallest to fullest (a step that is not larger is no growth)."""


def _grows(plan: Plan, step: dict[str, object]) -> bool:
    for field, value in step.items():
        now = getattr(plan, field)
        if isinstance(value, bool):
            return value and not now
        return ORDER[str(value)] > ORDER[str(now)]
    return False


def _applies(plan: Plan, need: Needs) -> bool:
    """Whether a grown plan means anything for `need` (no chart without seats, no air on a
    cut table, no notes' form without notes)."""
    if plan.gains and (not plan.wide or need.gains == 0):
        return False
    if plan.airy and (not need.airy or plan.limit is not None):
        return False
    if plan.notes != "one" and not need.notes:
        return False
    return plan.projection == "line" or need.projection


@settings(max_examples=200, deadline=None)
@given(SIZES, CHROME, needs(), st.integers(min_value=1, max_value=30))
def test_more_rows_never_shrink_the_table(
    size: tuple[int, int], chrome: int, need: Needs, more: int
) -> None:
    width, height = size
    plan = plan_layout(width, height, chrome, need)
    taller = plan_layout(width, height + more, chrome, need)
    assert shown_rows(taller, need) >= shown_rows(plan, need)


@settings(max_examples=50, deadline=None)
@given(st.integers(min_value=MIN_SIZE[1], max_value=70), CHROME, needs())
def test_the_figures_stand_beside_the_counter_from_the_wide_width(
    height: int, chrome: int, need: Needs
) -> None:
    for width in range(MIN_SIZE[0], 221):
        assert plan_layout(width, height, chrome, need).wide == (width >= WIDE)


def test_a_roomy_terminal_shows_every_panel_at_its_fullest() -> None:
    need = Needs(rows=10, airy=True, notes=("⚠ one note",), projection=True, gains=8)
    plan = plan_layout(200, 60, 6, need)
    assert plan == Plan(
        wide=True, airy=True, gains=True, figures=plan.figures, notes="wrap", limit=None
    )


def test_a_night_of_races_scrolls_in_the_rows_the_counter_and_calls_leave() -> None:
    need = Needs(header=0, rows=200, scrolls=True)
    narrow = plan_layout(80, 24, 6, need)
    assert narrow.figures + rows_taken(80, need, replace(narrow, figures=0)) == 24 - 6
    assert plan_layout(120, 40, 7, need).figures == 40 - 7  # beside the counter: every row


@settings(max_examples=300, deadline=None)
@given(
    st.integers(min_value=MIN_SIZE[0], max_value=220),
    st.integers(min_value=8, max_value=14),
    st.integers(min_value=8, max_value=12),
    needs(),
)
def test_a_tall_status_bar_cuts_the_table_then_drops_projection_and_notes_rather_than_overflow(
    width: int, chrome: int, left: int, need: Needs
) -> None:
    """Status lines, a banner and two-row tabs can leave 8 rows: the table gives way to one
    row (the rest counted under it), then the projection, then the notes — never the rows."""
    plan = plan_layout(width, chrome + left, chrome, need)
    assert rows_taken(width, need, plan) <= left
    assert shown_rows(plan, need) >= min(1, need.rows)
