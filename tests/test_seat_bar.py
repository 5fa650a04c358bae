"""Pilot tests of the seat bar: exact proportions, the majority marker, codes, partial counts."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

import pytest
from textual.content import Content
from textual.style import Style
from textual.visual import VisualType

from tests.boardkit import WidgetApp
from widgets.seat_bar import SeatBar, SeatShare, apportion, bar_cells, majority_column

# Scottish Parliament 2016 (uk2016_facts.json: SCOT_BBC, SCOT_EP): 129 seats, 65 for a majority.
SCOTLAND = (
    SeatShare("SNP", "SNP", "#fdf38e", 63),
    SeatShare("CON", "CON", "#0087dc", 31),
    SeatShare("LAB", "LAB", "#dc241f", 24),
    SeatShare("GRN", "GRN", "#6ab023", 6),
    SeatShare("LD", "LD", "#fdbb30", 5),
)
# Largest remainder, worked by hand: at 80 cells the quotas are 39.07, 19.22, 14.88, 3.72,
# 3.10 (floors add to 78; LAB and GRN have the largest remainders); at 120: 58.60, 28.84,
# 22.33, 5.58, 4.65 (floors 117; CON, LD, SNP); at 47: 22.95, 11.29, 8.74, 2.19, 1.82.
EXPECTED_CELLS = {
    129: [63, 31, 24, 6, 5],
    120: [59, 29, 22, 5, 5],
    100: [49, 24, 18, 5, 4],
    80: [39, 19, 15, 4, 3],
    47: [23, 11, 9, 2, 2],
}


def lines(bar: SeatBar) -> list[Content]:
    """The bar's three rendered lines."""
    rendered = bar.render()
    assert isinstance(rendered, Content)
    return rendered.split("\n")


def cell_owners(line: Content) -> list[str]:
    """For each cell of the bar line, the colour it is drawn in (or the style class)."""
    owners = ["?"] * len(line.plain)
    for span in line.spans:
        style = span.style
        if isinstance(style, Style):
            colour = style.background or style.foreground
            owner = colour.hex.lower() if colour is not None else "?"
        else:
            owner = str(style)
        for index in range(span.start, span.end):
            owners[index] = owner
    return owners


def runs(owners: list[str]) -> list[tuple[str, int]]:
    """Run-length encoding of the cell owners."""
    found: list[tuple[str, int]] = []
    for owner in owners:
        if found and found[-1][0] == owner:
            found[-1] = (owner, found[-1][1] + 1)
        else:
            found.append((owner, 1))
    return found


@pytest.mark.parametrize("width", sorted(EXPECTED_CELLS))
def test_apportion_is_exact_largest_remainder(width: int) -> None:
    cells = apportion([share.seats for share in SCOTLAND], width)
    assert cells == EXPECTED_CELLS[width]
    assert sum(cells) == width


def test_apportion_and_cells_edge_cases() -> None:
    assert apportion([], 10) == []
    assert apportion([0, 0], 10) == [0, 0]
    assert apportion([3, 0, 1], 0) == [0, 0, 0]
    assert apportion([1, 1, 1], 4) == [2, 1, 1]  # a tie goes to the earlier (larger) party
    assert bar_cells([60], 129, 120) == ([56], 64)  # 60 × 120 / 129 = 55.8 → 56 cells
    assert bar_cells([130], 129, 10) == ([10], 0)  # more seats than the total: no crash
    assert bar_cells([], 0, 10) == ([], 10)
    assert majority_column(65, 129, 129) == 64
    assert majority_column(0, 129, 80) is None
    assert majority_column(65, 0, 80) is None
    assert majority_column(130, 129, 80) is None


@pytest.mark.parametrize(("width", "height"), [(120, 40), (80, 24)])
async def test_scotland_blocks_are_proportional_with_codes_and_figures(
    width: int, height: int
) -> None:
    app = WidgetApp(SeatBar(129, 65))
    async with app.run_test(size=(width, height)) as pilot:
        app.widget.update_shares(SCOTLAND)
        await pilot.pause()
        marker, bar, figures = lines(app.widget)
        assert len(bar.plain) == width
        blocks = runs(cell_owners(bar))
        assert blocks == [
            (share.colour, cells)
            for share, cells in zip(SCOTLAND, EXPECTED_CELLS[width], strict=True)
        ]
        for code in ("SNP", "CON", "LAB"):
            assert code in bar.plain
        assert figures.plain.split() == ["63", "31", "24", "6", "5"]
        assert "to declare" not in figures.plain


@pytest.mark.parametrize(("width", "column"), [(120, 60), (80, 40)])
async def test_majority_marker_sits_at_the_majority_seat(width: int, column: int) -> None:
    app = WidgetApp(SeatBar(129, 65))
    async with app.run_test(size=(width, 24)) as pilot:
        app.widget.update_shares(SCOTLAND)
        await pilot.pause()
        marker = lines(app.widget)[0].plain
        assert marker.index("▼") == column  # (2 × 65 − 1) × width ÷ 258, worked by hand
        assert marker.strip() == "▼ 65 for majority"


async def test_majority_marker_near_the_right_edge_puts_the_words_before_it() -> None:
    app = WidgetApp(SeatBar(10, 10))
    async with app.run_test(size=(40, 10)) as pilot:
        await pilot.pause()
        marker = lines(app.widget)[0].plain
        assert marker.rstrip() == " " * 22 + "10 for majority ▼"  # ▼ at column 38


async def test_partial_declaration_leaves_a_muted_remainder() -> None:
    app = WidgetApp(SeatBar(129, 65))
    async with app.run_test(size=(120, 40)) as pilot:
        app.widget.update_shares([SeatShare("SNP", "SNP", "#fdf38e", 40), SCOTLAND[1]])
        await pilot.pause()
        _, bar, figures = lines(app.widget)
        blocks = runs(cell_owners(bar))
        # 71 of 129 declared take round(71 × 120 / 129) = 66 cells: 40:31 → 37 and 29.
        assert blocks == [("#fdf38e", 37), ("#0087dc", 29), (".seat-bar--track", 54)]
        assert bar.plain.endswith("░" * 54)
        assert "58 to declare" in figures.plain
        assert app.widget.text == "SNP 40, CON 31, 58 of 129 to declare, 65 for majority"


@pytest.mark.parametrize(
    ("total", "majority", "shares"),
    [
        (0, 0, ()),
        (0, 0, (SeatShare("SNP", "SNP", None, 0),)),
        (129, 65, tuple(SeatShare(s.key, s.label, s.colour, 0) for s in SCOTLAND)),
        (0, 65, (SeatShare("SNP", "SNP", "#fdf38e", 3),)),
    ],
)
async def test_zero_seats_or_zero_total_do_not_crash(
    total: int, majority: int, shares: tuple[SeatShare, ...]
) -> None:
    app = WidgetApp(SeatBar(total, majority))
    async with app.run_test(size=(80, 24)) as pilot:
        app.widget.update_shares(shares)
        await pilot.pause()
        marker, bar, figures = lines(app.widget)
        assert len(bar.plain) == 80
        if not any(share.seats for share in shares):
            assert bar.plain == "░" * 80
            if total == 0:
                assert "no seats declared yet" in figures.plain
                assert marker.plain == ""


@pytest.fixture
def renders(monkeypatch: pytest.MonkeyPatch) -> Iterator[Counter[str]]:
    """Counts `SeatBar.render` calls."""
    counts: Counter[str] = Counter()
    original = SeatBar.render

    def counting(self: SeatBar) -> VisualType:
        counts["bar"] += 1
        return original(self)

    monkeypatch.setattr(SeatBar, "render", counting)
    yield counts


async def test_renders_only_when_its_data_changes(renders: Counter[str]) -> None:
    app = WidgetApp(SeatBar(129, 65))
    async with app.run_test(size=(120, 40)) as pilot:
        app.widget.update_shares(SCOTLAND)
        await pilot.pause()
        before = renders["bar"]
        assert before >= 1
        app.widget.update_shares(list(SCOTLAND))  # equal data, a new list
        app.widget.total = 129
        app.widget.majority = 65
        await pilot.pause()
        await pilot.pause()
        assert renders["bar"] == before
        app.widget.update_shares((*SCOTLAND[:4], SeatShare("LD", "LD", "#fdbb30", 4)))
        await pilot.pause()
        assert renders["bar"] == before + 1


async def test_no_color_alternates_shading_and_keeps_codes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    app = WidgetApp(SeatBar(129, 65))
    async with app.run_test(size=(120, 40)) as pilot:
        app.widget.update_shares(SCOTLAND)
        await pilot.pause()
        assert app.no_color
        bar = lines(app.widget)[1].plain
        assert bar.startswith("█" * 28 + "SNP" + "█" * 28)  # 59 cells, code centred
        assert bar[59:88] == "▓" * 13 + "CON" + "▓" * 13  # the next block is shaded
        assert [code in bar for code in ("SNP", "CON", "LAB", "GRN", "LD")] == [True] * 5


async def test_labels_are_literal_text() -> None:
    app = WidgetApp(SeatBar(10, 6))
    async with app.run_test(size=(80, 24)) as pilot:
        app.widget.update_shares([SeatShare("X", "[/]", None, 5), SeatShare("Y", "[b]", None, 5)])
        await pilot.pause()
        bar = lines(app.widget)[1].plain
        assert "[/]" in bar and "[b]" in bar
        assert app.is_running
