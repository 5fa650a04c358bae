"""Pilot tests of the party table: order, sorting, redrawing only what changed, flash, safety."""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import AsyncIterator, Iterator, Sequence
from contextlib import asynccontextmanager

import pytest
from textual.app import App, ComposeResult
from textual.content import Content
from textual.pilot import Pilot
from textual.visual import VisualType

from sample_feeds import factory
from tests.waiting import async_wait_for
from widgets import COUNCIL_COLUMNS, LEGISLATURE_COLUMNS, PartyLine, PartyTable
from widgets._party_row import PartyRow
from widgets.party_table import SORT_KEYS

SEED = (
    *(PartyLine(*row) for row in factory.SEED),
    PartyLine("NOC", "No Overall Control", None, *factory.SEED_NOC, None, None, pinned_last=True),
)
SEED_ORDER = ["LAB", "CON", "LD", "IND", "UKIP", "GRN", "RES", "LIB", "RESP", "NOC"]
LONG_FLASH = 600.0
"""A flash that cannot end during a test, so it never causes a repaint of its own."""


class TableApp(App[None]):
    """A bare app holding one party table."""

    def __init__(self, table: PartyTable) -> None:
        super().__init__()
        self.table = table
        self.sorts: list[str] = []

    def compose(self) -> ComposeResult:
        yield self.table

    def on_party_table_sort_changed(self, message: PartyTable.SortChanged) -> None:
        self.sorts.append(message.sort_key)


def shuffled(lines: Sequence[PartyLine]) -> list[PartyLine]:
    """The lines in a fixed scrambled order, so sorting has work to do."""
    return [lines[i] for i in (9, 3, 7, 1, 5, 0, 8, 2, 6, 4)]


def keys(table: PartyTable) -> list[str]:
    return [row.key for row in table.rows]


@asynccontextmanager
async def seeded_table(flash_seconds: float | None) -> AsyncIterator[tuple[TableApp, Pilot[None]]]:
    """A table app at 120×40 showing the seed, settled."""
    app = TableApp(
        PartyTable(**({} if flash_seconds is None else {"flash_seconds": flash_seconds}))
    )
    async with app.run_test(size=(120, 40)) as pilot:
        app.table.update_lines(SEED)
        await pilot.pause()
        yield app, pilot


async def drawn_once(app: TableApp, pilot: Pilot[None], renders: Counter[str]) -> Counter[str]:
    """Fill the table with the seed and wait until every row has drawn once; those counts."""
    app.table.update_lines(SEED)
    await async_wait_for(lambda: len(renders) == len(SEED), "every row drawn once")
    await pilot.pause()
    return renders.copy()


def replace(key: str, **changes: object) -> list[PartyLine]:
    """The seed with one party's figures changed."""
    return [dataclasses.replace(p, **changes) if p.key == key else p for p in SEED]  # type: ignore[arg-type]


@pytest.fixture
def renders(monkeypatch: pytest.MonkeyPatch) -> Iterator[Counter[str]]:
    """Counts `PartyRow.render` calls by party key."""
    counts: Counter[str] = Counter()
    original = PartyRow.render

    def counting(self: PartyRow) -> VisualType:
        counts[self.key] += 1
        return original(self)

    monkeypatch.setattr(PartyRow, "render", counting)
    yield counts


def plain(row: PartyRow) -> str:
    rendered = row.render()
    assert isinstance(rendered, Content)
    return rendered.plain


async def test_seed_comes_out_in_the_seed_order() -> None:
    app = TableApp(PartyTable())
    async with app.run_test(size=(120, 40)) as pilot:
        app.table.update_lines(shuffled(SEED))
        await pilot.pause()
        assert keys(app.table) == SEED_ORDER
        labour = plain(app.table.rows[0])
        assert "Labour" in labour and "49" in labour and "1005" in labour and "▼ -28" in labour
        noc = plain(app.table.rows[-1])
        assert "No Overall Control" in noc and "▲ +1" in noc and "—" in noc


async def test_cycle_sort_visits_each_key_posts_a_message_and_keeps_noc_last() -> None:
    app = TableApp(PartyTable())
    async with app.run_test(size=(120, 40)) as pilot:
        app.table.update_lines(shuffled(SEED))
        seen = []
        for _ in SORT_KEYS:
            seen.append(app.table.cycle_sort())
            await pilot.pause()
            assert keys(app.table)[-1] == "NOC", app.table.sort_key
            if app.table.sort_key == "seats":
                assert keys(app.table)[:4] == ["LAB", "CON", "LD", "IND"]
            if app.table.sort_key == "seats_change":
                assert keys(app.table)[:3] == ["UKIP", "LD", "CON"]
            if app.table.sort_key == "name":
                assert keys(app.table)[:3] == ["CON", "GRN", "IND"]
        assert seen == ["seats", "seats_change", "name", "councils"]
        await async_wait_for(lambda: len(app.sorts) == 4, "four SortChanged messages")
        assert app.sorts == seen
        assert keys(app.table) == SEED_ORDER


async def test_one_party_changing_re_renders_only_its_row(renders: Counter[str]) -> None:
    app = TableApp(PartyTable(flash_seconds=LONG_FLASH))
    async with app.run_test(size=(120, 40)) as pilot:
        before = await drawn_once(app, pilot, renders)
        app.table.update_lines(replace("CON", seats=550, seats_change=8))
        await async_wait_for(lambda: renders["CON"] > before["CON"], "the Conservative row redrawn")
        await pilot.pause()
        assert {k: n - before[k] for k, n in renders.items() if n != before[k]}.keys() == {"CON"}
        assert "550" in plain(app.table.rows[1])


async def test_an_unchanged_update_re_renders_nothing(renders: Counter[str]) -> None:
    app = TableApp(PartyTable(flash_seconds=LONG_FLASH))
    async with app.run_test(size=(120, 40)) as pilot:
        before = await drawn_once(app, pilot, renders)
        app.table.update_lines(list(SEED))  # equal lines, new list
        app.table.update_lines(replace("RESP", seats_change=-6))  # a marker: proves a frame ran
        await async_wait_for(lambda: renders["RESP"] > before["RESP"], "the marker row redrawn")
        await pilot.pause()
        assert all(renders[k] == before[k] for k in SEED_ORDER if k != "RESP")


async def test_rows_are_added_and_removed_by_key() -> None:
    async with seeded_table(flash_seconds=LONG_FLASH) as (app, pilot):
        labour_row = app.table.rows[0]
        snp = PartyLine("SNP", "Scottish National Party", "#fdf38e", 3, 3, 300, 10)
        app.table.update_lines([p for p in SEED if p.key != "UKIP"] + [snp])
        await pilot.pause()
        after = ["LAB", "CON", "SNP", "LD", "IND", "GRN", "RES", "LIB", "RESP", "NOC"]
        assert keys(app.table) == after
        assert app.table.rows[0] is labour_row, "kept rows are the same widgets"
        assert app.table.rows[2].has_class("-flash"), "a party that appears mid-count flashes"
        assert len(app.table.query(PartyRow)) == len(SEED)


async def test_rows_reorder_when_the_order_changes() -> None:
    async with seeded_table(flash_seconds=LONG_FLASH) as (app, pilot):
        con_row = app.table.rows[1]
        app.table.update_lines(replace("CON", councils=50, councils_change=24))
        await pilot.pause()
        assert keys(app.table)[:2] == ["CON", "LAB"]
        assert app.table.rows[0] is con_row
        assert con_row.region.y < app.table.rows[1].region.y, "moved on screen too"


async def test_flash_marks_changed_figures_then_ends_and_not_on_first_fill() -> None:
    async with seeded_table(flash_seconds=0.2) as (app, pilot):
        assert not any(row.has_class("-flash") for row in app.table.rows)
        app.table.update_lines(replace("LD", seats=220, seats_change=28))
        ld = app.table.rows[2]
        assert ld.has_class("-flash") and ld.flashing == {"seats", "seats_change"}
        assert not app.table.rows[0].has_class("-flash")
        await pilot.pause()
        strip = ld.render_lines(ld.region.reset_offset)[0]
        reversed_text = [seg.text for seg in strip if seg.style and seg.style.reverse]
        assert "220" in "".join(reversed_text), "the changed figure shows without colour"
        await async_wait_for(lambda: not ld.has_class("-flash"), "the flash to end")
        assert ld.flashing == frozenset()


HOSTILE = [
    "[@click=app.quit]x[/]",
    "[bold]",
    "[/]",
    "x [/b]",
    "[link=http://x]y[/link]",
    "$success [$error]z[/]",
    "W" * 10_000,
    "自由民主党 🗳️ Plaid Cymru – Ωmega",
]


async def test_hostile_names_show_literally() -> None:
    lines = [
        PartyLine(f"P{i}", name, "not a colour", i, -i, i, i) for i, name in enumerate(HOSTILE)
    ]
    app = TableApp(PartyTable())
    async with app.run_test(size=(120, 40)) as pilot:
        app.table.update_lines(lines)
        await pilot.pause()
        screen = app.export_screenshot()
        for row in app.table.rows:
            text = plain(row)
            name = row.line.name
            assert name in text or text[2:].startswith(name[:10]), (name, text)
            assert len(text) <= row.size.width
            rendered = row.render()
            assert isinstance(rendered, Content)
            assert not any("link" in str(s.style) or "@" in str(s.style) for s in rendered.spans)
        assert "[@click=app.quit]x[/]" in screen.replace("&#160;", " ")
        assert app.is_running


@pytest.mark.parametrize("size", [(80, 24), (200, 60)])
async def test_fits_without_wrapping(size: tuple[int, int]) -> None:
    long = PartyLine("LONG", "The Official Monster Raving Loony Party of Great Britain", None, 0)
    app = TableApp(PartyTable())
    async with app.run_test(size=size) as pilot:
        app.table.update_lines([*SEED, long])
        await pilot.pause()
        table = app.table
        assert table.size.width <= min(size[0], 80)
        for row in table.rows:
            assert row.size.height == 1 and row.size.width == table.size.width
            strip = row.render_lines(row.region.reset_offset)[0]
            assert strip.cell_length == row.size.width
        long_text = plain(table.rows[-2])
        assert long_text.startswith("▌ The Official") and "…" in long_text
        assert plain(table.rows[0]).rstrip().endswith("▼ -28")


async def test_legislature_columns() -> None:
    scotland = [
        PartyLine(
            "SNP", "Scottish National Party", "#fdf38e", seats=63, seats_change=-6, share=46.5
        ),
        PartyLine("CON", "Conservative", "#0087dc", seats=31, seats_change=16, share=22.0),
        PartyLine("LAB", "Labour", "#dc241f", seats=24, seats_change=-13, share=22.6),
    ]
    table = PartyTable(LEGISLATURE_COLUMNS, sort_keys=("seats", "share", "name"))
    app = TableApp(table)
    async with app.run_test(size=(120, 40)) as pilot:
        table.update_lines(scotland)
        await pilot.pause()
        assert keys(table) == ["SNP", "CON", "LAB"]
        assert "46.5%" in plain(table.rows[0]) and "—" in plain(table.rows[0])
        assert table.cycle_sort() == "share"
        await pilot.pause()
        assert keys(table) == ["SNP", "LAB", "CON"]
        assert table.columns == LEGISLATURE_COLUMNS != COUNCIL_COLUMNS


async def test_no_color_keeps_glyphs(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    async with seeded_table(flash_seconds=None) as (app, pilot):
        assert app.no_color
        screen = app.export_screenshot()
        assert "▼" in screen and "▲" in screen


async def test_lines_given_before_mounting_are_composed() -> None:
    table = PartyTable()
    table.update_lines(shuffled(SEED))
    app = TableApp(table)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert keys(table) == SEED_ORDER
        assert not any(row.has_class("-flash") for row in table.rows)
        table.update_lines(replace("LAB", seats=1010))
        assert table.rows[0].has_class("-flash") and len(table.rows) == len(SEED)
