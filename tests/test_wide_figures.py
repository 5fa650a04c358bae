"""Tests that no figure runs into its neighbour or loses digits, however wide (issue 11, kind 9).

`wide-numbers.json` (nine- and ten-digit seats and votes) showed `▼ -1123456789`
(a change and a count merged), `▲ +` (digits lost at the edge) and `✔ ELECTE`.
The rule, in `widgets._figures`: exact when it fits, else abbreviated with a
unit (k, M, bn, tn; three significant figures, then two, then one), else "#"s.
"""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st
from textual.app import App, ComposeResult
from textual.content import Content

from widgets import COUNCIL_COLUMNS, LEGISLATURE_COLUMNS, PartyLine
from widgets._figures import UNITS, abbreviate, fit_count
from widgets._party_row import Column, PartyRow, column_widths, format_cell
from widgets.candidates import CandidateLine, CandidateRow
from widgets.seat_bar import SeatBar, SeatShare


@pytest.mark.parametrize(
    ("value", "digits", "text"),
    [
        (1_234_567_890, 3, "1.23bn"),
        (123_456_789, 3, "123M"),
        (994_614, 3, "995k"),
        (999_999, 3, "1.00M"),  # rounding carries into the next unit
        (999_499, 3, "999k"),
        (12_345, 3, "12.3k"),
        (12_345, 2, "12k"),
        (1_250, 2, "1.3k"),  # half up
        (-1_234_567, 3, "-1.23M"),
        (999, 3, "999"),
        (0, 3, "0"),
        (4_200_000_000_000, 2, "4.2tn"),
    ],
)
def test_abbreviation_rule(value: int, digits: int, text: str) -> None:
    assert abbreviate(value, digits) == text


_SUFFIX = {suffix: unit for unit, suffix in UNITS}
_ABBREVIATED = re.compile(r"^([+-]?)(\d+(?:\.(\d+))?)(tn|bn|M|k)$")


def _meaning(text: str) -> tuple[Decimal, Decimal] | None:
    """The value an abbreviated figure stands for and half its last digit's worth."""
    match = _ABBREVIATED.match(text)
    if match is None:
        return None
    unit = _SUFFIX[match[4]]
    places = len(match[3] or "")
    value = Decimal(match[2]) * unit * (-1 if match[1] == "-" else 1)
    return value, Decimal(unit) / (10**places) / 2


@given(st.integers(min_value=-(10**16), max_value=10**16), st.integers(1, 16), st.booleans())
def test_a_fitted_count_fits_and_says_its_value(value: int, width: int, sign: bool) -> None:
    text = fit_count(value, width, sign=sign)
    assert len(text) <= width
    if set(text) == {"#"}:
        return  # refused by rule: shown as not shown
    if text.lstrip("+").lstrip("-").isdigit():
        assert int(text) == value  # exact: every digit and the sign
        return
    meaning = _meaning(text)
    assert meaning is not None, text
    stands_for, half = meaning
    assert abs(stands_for - value) <= half, (value, text)  # rounded, never another number


KINDS = ["count", "change", "percent", "percent_change"]


@given(
    st.sampled_from(KINDS),
    st.one_of(st.integers(-(10**13), 10**13), st.floats(-1e6, 1e6, allow_nan=False)),
    st.integers(5, 14),
)
def test_any_cell_fits_its_column(kind: str, value: float, width: int) -> None:
    if kind in ("count", "change"):
        value = int(value)
    text, _ = format_cell(kind, value, width)  # type: ignore[arg-type]
    assert len(text) <= width
    assert "#" in text or any(ch.isdigit() for ch in text)


WIDE = (
    PartyLine("LAB", "Labour", None, 3, -1, 123_456_789, -6),
    PartyLine("CON", "Conservative", None, 1, 0, 1_234_567_890, 2),
    PartyLine("LD", "Liberal Democrat", None, 0, 0, 30, 1),
    PartyLine("X", "Wide", None, 99_999_999, -99_999_999, 9_999_999_999_999, -9_999_999_999),
    PartyLine("NOC", "No Overall Control", None, 2, 1, None, None, pinned_last=True),
)


class RowsApp(App[None]):
    def __init__(self, *widgets: PartyRow | CandidateRow | SeatBar) -> None:
        super().__init__()
        self.rows = widgets

    def compose(self) -> ComposeResult:
        yield from self.rows


def _plain(widget: PartyRow | CandidateRow | SeatBar) -> str:
    rendered = widget.render()
    assert isinstance(rendered, Content)
    return rendered.plain


def _cells(text: str, columns: tuple[Column, ...], width: int) -> list[str]:
    """The figure cells of a rendered row, cut at the column boundaries."""
    name_width, widths = column_widths(columns, width)
    start = 2 + name_width
    cells = []
    for cell_width in widths:
        cells.append(text[start : start + cell_width + 1])
        start += cell_width + 1
    return cells


@pytest.mark.parametrize("width", [60, 72, 80, 96, 120])
@pytest.mark.parametrize(
    "columns", [COUNCIL_COLUMNS, LEGISLATURE_COLUMNS], ids=["councils", "legislature"]
)
async def test_wide_figures_stay_in_their_own_columns(
    width: int, columns: tuple[Column, ...]
) -> None:
    rows = [PartyRow(line, columns, flash_seconds=0) for line in WIDE]
    app = RowsApp(*rows)
    async with app.run_test(size=(width, 12)) as pilot:
        await pilot.pause()
        for row in rows:
            text = _plain(row)
            assert len(text) <= width
            for cell, column in zip(_cells(text, columns, width), columns, strict=True):
                assert cell.startswith(" "), f"{column.field} merged with its neighbour: {text!r}"
                figure = cell.strip()
                value = getattr(row.line, column.field)
                if value is None:
                    assert figure == "—"
                    continue
                expected, _ = format_cell(column.kind, value, len(cell) - 1)
                assert figure == expected, text
            if row.line.key == "CON" and "seats" in [c.field for c in columns]:
                assert "▲ +2" in text  # the last column whole at the row's edge


@pytest.mark.parametrize("width", [40, 50, 80, 120])
async def test_a_ten_digit_vote_keeps_the_winner_elected_in_full(width: int) -> None:
    winner = CandidateLine("A", "Alex Marsh", "LAB", None, 1_234_567_890, 56.8, elected=True)
    out = CandidateLine("K", "Kim Ashdown", "GRN", None, 150_673, None, eliminated=True)
    rows = [CandidateRow(winner), CandidateRow(out)]
    app = RowsApp(*rows)
    async with app.run_test(size=(width, 4)) as pilot:
        await pilot.pause()
        text = _plain(rows[0])
        assert len(text) <= width
        assert " 1.23bn " in text or " 1,234,567,890 " in text
        assert text.rstrip().endswith("✔ ELECTED" if width >= 50 else "✔")
        assert _plain(rows[1]).rstrip().endswith("eliminated" if width >= 50 else "×")


@pytest.mark.parametrize("width", [16, 30, 60, 120])
async def test_seat_bar_figures_are_exact_abbreviated_or_left_out(width: int) -> None:
    seats = {"AAA": 1_234_567_890, "BB": 700_000_000, "C": 98}
    bar = SeatBar(total=2_000_000_000, majority=1_000_000_001)
    app = RowsApp(bar)
    async with app.run_test(size=(width, 4)) as pilot:
        bar.update_shares([SeatShare(k, k, None, v) for k, v in seats.items()])
        await pilot.pause()
        lines = _plain(bar).split("\n")
        assert all(len(line) <= width for line in lines)
        shown = [word for word in lines[2].split() if word not in ("to", "declare")]
        allowed = {*seats.values(), 2_000_000_000 - sum(seats.values())}
        for word in shown:
            meaning = _meaning(word)
            if meaning is None:
                assert int(word) in allowed, (word, lines)
            else:
                assert any(abs(meaning[0] - value) <= meaning[1] for value in allowed), word
        if width >= 30:
            assert shown[:2] in (["1234567890", "700000000"], ["1.23bn", "700M"]), lines
