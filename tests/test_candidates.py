"""Pilot tests of the candidates table: order, rounds, elected and eliminated, redraws, safety."""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Iterator

import pytest
from textual.content import Content
from textual.visual import VisualType

from sample_feeds.data_2016 import FINAL_ROUND as FINAL_VOTES
from sample_feeds.data_2016 import LONDON
from tests.boardkit import WidgetApp
from widgets.candidates import (
    CandidateHeader,
    CandidateLine,
    CandidateRow,
    CandidateTable,
    candidate_widths,
    share_bar,
)

FIRST_TOTAL = sum(votes for *_, votes, _ in LONDON)
ROUND_ONE = tuple(
    CandidateLine(name, name, party, colour, votes, round(100 * votes / FIRST_TOTAL, 1))
    for name, party, colour, votes, _ in LONDON
)
"""London mayor 2016, first round: `data_2016.LONDON`, Khan first."""


def _final(line: CandidateLine, *, elected: bool = False) -> CandidateLine:
    votes, share = FINAL_VOTES[line.name]
    return dataclasses.replace(line, votes=votes, share=share, elected=elected)


FINAL_ROUND = (
    _final(ROUND_ONE[1]),
    _final(ROUND_ONE[0], elected=True),
    *(dataclasses.replace(line, eliminated=True) for line in ROUND_ONE[2:]),
)
"""The final round, Goldsmith first: Khan elected, the other ten eliminated."""


def plain(widget: CandidateRow | CandidateHeader) -> str:
    rendered = widget.render()
    assert isinstance(rendered, Content)
    return rendered.plain


def names(table: CandidateTable) -> list[str]:
    return [row.key for row in table.rows]


@pytest.fixture
def renders(monkeypatch: pytest.MonkeyPatch) -> Iterator[Counter[str]]:
    """Counts `CandidateRow.render` calls by candidate, and the header's as "header"."""
    counts: Counter[str] = Counter()
    row_render, header_render = CandidateRow.render, CandidateHeader.render

    def counting_row(self: CandidateRow) -> VisualType:
        counts[self.key] += 1
        return row_render(self)

    def counting_header(self: CandidateHeader) -> VisualType:
        counts["header"] += 1
        return header_render(self)

    monkeypatch.setattr(CandidateRow, "render", counting_row)
    monkeypatch.setattr(CandidateHeader, "render", counting_header)
    yield counts


@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
async def test_final_round_marks_the_winner_and_mutes_the_eliminated(size: tuple[int, int]) -> None:
    app = WidgetApp(CandidateTable())
    async with app.run_test(size=size) as pilot:
        app.widget.update_candidates(FINAL_ROUND, round=2, turnout=45.3)
        await pilot.pause()
        assert names(app.widget)[:3] == ["Sadiq Khan", "Zac Goldsmith", "Sian Berry"]
        header = plain(app.widget.query_one(CandidateHeader)).splitlines()[0]
        # The eliminated rows' votes are the first round's: the header says so at any width.
        round_words = "Final round — after second preferences" if size[0] > 100 else "Final round"
        assert header == f"{round_words} · turnout 45.3% · eliminated: 1st-round votes"
        khan, goldsmith, berry = (plain(row) for row in app.widget.rows[:3])
        assert "1,310,143" in khan and "56.8%" in khan and khan.rstrip().endswith("✔ ELECTED")
        assert "994,614" in goldsmith and "43.2%" in goldsmith
        assert "ELECTED" not in goldsmith and "eliminated" not in goldsmith
        assert "150,673" in berry and berry.rstrip().endswith("eliminated")
        rows = app.widget.rows
        assert rows[0].has_class("-elected")
        assert [row.has_class("-eliminated") for row in rows] == [False] * 2 + [True] * 10


@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
async def test_round_one_lists_twelve_candidates_by_votes_one_line_each(
    size: tuple[int, int],
) -> None:
    scrambled = [ROUND_ONE[i] for i in (5, 11, 0, 7, 2, 9, 1, 4, 10, 3, 8, 6)]
    app = WidgetApp(CandidateTable())
    async with app.run_test(size=size) as pilot:
        app.widget.update_candidates(scrambled, round=1, turnout=None)
        await pilot.pause()
        assert names(app.widget) == [name for name, *_ in LONDON]
        header = plain(app.widget.query_one(CandidateHeader))
        assert header.splitlines()[0] == "Round 1 — first preferences"
        assert "turnout" not in header
        assert "1,148,716" in plain(app.widget.rows[0])
        assert "4,941" in plain(app.widget.rows[-1])
        texts = [plain(row) for row in app.widget.rows]
        assert not any("ELECTED" in text or "eliminated" in text for text in texts)
        # Fourteen lines (two of header), all on screen, at 80×24 too.
        assert app.widget.size.height == 14
        assert all(row.size.height == 1 for row in app.widget.rows)
        assert app.widget.rows[-1].region.bottom <= size[1]


async def test_narrow_rows_drop_the_bar_then_shorten_the_status() -> None:
    assert candidate_widths(96) == (18, 40, 11)
    assert candidate_widths(72) == (18, 16, 11)
    assert candidate_widths(50) == (13, 0, 11)
    assert candidate_widths(44) == (16, 0, 2)
    app = WidgetApp(CandidateTable())
    async with app.run_test(size=(44, 24)) as pilot:
        app.widget.update_candidates(FINAL_ROUND, round=2, turnout=45.3)
        await pilot.pause()
        khan = plain(app.widget.rows[0])
        assert khan.rstrip().endswith("56.8% ✔") and "█" not in khan
        header = plain(app.widget.query_one(CandidateHeader)).splitlines()[0]
        assert header == "Final round · turnout 45.3%"
        assert plain(app.widget.rows[-1]).rstrip().endswith("×")
        assert "Caroline Pidgeon" in plain(app.widget.rows[3])


def test_share_bar_is_proportional_to_the_eighth() -> None:
    assert share_bar(50.0, 16) == "█" * 8 + " " * 8
    assert share_bar(56.8, 16) == "█" * 9 + "▏" + " " * 6  # 9.09 cells → 9 and 1/8
    assert share_bar(0.0, 10) == " " * 10
    assert share_bar(150.0, 4) == "████"


async def test_a_bar_that_has_not_reached_half_shows_the_half_line() -> None:
    app = WidgetApp(CandidateTable())
    async with app.run_test(size=(120, 40)) as pilot:
        app.widget.update_candidates(FINAL_ROUND, round=2, turnout=None)
        await pilot.pause()
        khan, goldsmith = (plain(row) for row in app.widget.rows[:2])
        assert "┆" not in khan and "┆" in goldsmith


async def test_only_changed_rows_re_render(renders: Counter[str]) -> None:
    app = WidgetApp(CandidateTable())
    async with app.run_test(size=(120, 40)) as pilot:
        app.widget.update_candidates(ROUND_ONE, round=1, turnout=45.3)
        await pilot.pause()
        first = Counter(renders)
        assert all(first[name] >= 1 for name, *_ in LONDON)
        app.widget.update_candidates(list(ROUND_ONE), round=1, turnout=45.3)  # nothing new
        await pilot.pause()
        assert renders == first
        berry = dataclasses.replace(ROUND_ONE[2], votes=150_700, share=5.9)
        app.widget.update_candidates((*ROUND_ONE[:2], berry, *ROUND_ONE[3:]), round=1, turnout=45.3)
        await pilot.pause()
        changed = {key for key in renders if renders[key] != first[key]}
        assert changed == {"Sian Berry"}
        assert "150,700" in plain(app.widget.rows[2])


async def test_rows_come_and_go_and_reorder() -> None:
    app = WidgetApp(CandidateTable())
    async with app.run_test(size=(120, 40)) as pilot:
        app.widget.update_candidates(ROUND_ONE[:3], round=1, turnout=None)
        await pilot.pause()
        overtaken = dataclasses.replace(ROUND_ONE[2], votes=2_000_000)
        app.widget.update_candidates([overtaken, ROUND_ONE[0], ROUND_ONE[3]], round=1, turnout=None)
        await pilot.pause()
        assert names(app.widget) == ["Sian Berry", "Sadiq Khan", "Caroline Pidgeon"]
        assert app.widget.round == 1 and app.widget.turnout is None


async def test_candidates_given_before_mounting_are_composed() -> None:
    table = CandidateTable()
    table.update_candidates(FINAL_ROUND, round=2, turnout=45.3)
    app = WidgetApp(table)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert names(table)[:2] == ["Sadiq Khan", "Zac Goldsmith"]
        assert len(table.rows) == 12
        assert table.round == 2 and table.turnout == 45.3


async def test_hostile_names_show_literally() -> None:
    hostile = (
        CandidateLine("a", "[@click=app.quit]Quit[/]", "X", None, 10, 50.0),
        CandidateLine("b", "[/] oops [b]", "[/]", "not a colour", 5, 25.0, elected=True),
    )
    app = WidgetApp(CandidateTable())
    async with app.run_test(size=(120, 40)) as pilot:
        app.widget.update_candidates(hostile, round=1, turnout=None)
        await pilot.pause()
        first, second = (plain(row) for row in app.widget.rows)
        assert "[@click=app.quit]Quit[/]" in first
        assert "[/] oops [b]" in second and " [/] " in second
        await pilot.click(CandidateRow)
        await pilot.pause()
        assert app.is_running
