"""Pilot tests of the party table: order, redrawing only what changed, flash, safety.

The table shows lines in the order it is given (the sorts are `board.present`'s:
`tests/test_present.py`).
"""

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
from widgets._party_row import PartyHeader, PartyRow

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

    def compose(self) -> ComposeResult:
        yield self.table


def by_key(lines: Sequence[PartyLine], order: Sequence[str]) -> list[PartyLine]:
    """`lines` in the order of `order`'s keys."""
    keyed = {line.key: line for line in lines}
    return [keyed[key] for key in order]


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


async def test_lines_come_out_in_the_order_given() -> None:
    app = TableApp(PartyTable())
    async with app.run_test(size=(120, 40)) as pilot:
        app.table.update_lines(SEED, sorted_field="councils")
        await pilot.pause()
        assert keys(app.table) == SEED_ORDER
        labour = plain(app.table.rows[0])
        assert "Labour" in labour and "49" in labour and "1005" in labour and "▼ -28" in labour
        noc = plain(app.table.rows[-1])
        assert "No Overall Control" in noc and "▲ +1" in noc and "—" in noc


async def test_a_new_order_moves_rows_and_marks_the_sorted_column() -> None:
    app = TableApp(PartyTable(flash_seconds=LONG_FLASH))
    async with app.run_test(size=(120, 40)) as pilot:
        app.table.update_lines(SEED, sorted_field="councils")
        rows = {row.key: row for row in app.table.rows}
        header = app.table.query_one(PartyHeader)
        assert "▼Councils" in header.render().plain  # type: ignore[union-attr]
        for field, order in (
            ("seats_change", ["UKIP", "LD", "CON", "RES", "LIB", "GRN", "RESP", "IND", "LAB"]),
            ("name", ["CON", "GRN", "IND", "LAB", "LIB", "LD", "RES", "RESP", "UKIP"]),
        ):
            app.table.update_lines(by_key(SEED, [*order, "NOC"]), sorted_field=field)
            await pilot.pause()
            assert keys(app.table) == [*order, "NOC"]
            assert all(rows[row.key] is row for row in app.table.rows), "rows moved, not rebuilt"
        assert "▲Party" in header.render().plain  # type: ignore[union-attr]
        app.table.update_lines(SEED, sorted_field="share")  # not a column: nothing marked
        assert "▼" not in header.render().plain and "▲" not in header.render().plain  # type: ignore[union-attr]


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
        after = ["LAB", "CON", "SNP", "LD", "IND", "GRN", "RES", "LIB", "RESP", "NOC"]
        app.table.update_lines(by_key([*SEED, snp], after))
        await pilot.pause()
        assert keys(app.table) == after
        assert app.table.rows[0] is labour_row, "kept rows are the same widgets"
        assert app.table.rows[2].has_class("-flash"), "a party that appears mid-count flashes"
        assert len(app.table.query(PartyRow)) == len(SEED)


async def test_rows_reorder_when_the_order_changes() -> None:
    async with seeded_table(flash_seconds=LONG_FLASH) as (app, pilot):
        con_row = app.table.rows[1]
        changed = replace("CON", councils=50, councils_change=24)
        app.table.update_lines(by_key(changed, ["CON", "LAB", *SEED_ORDER[2:]]))
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
        app.table.update_lines([*SEED[:-1], long, SEED[-1]])  # NOC last, as the board gives it
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
    table = PartyTable(LEGISLATURE_COLUMNS)
    app = TableApp(table)
    async with app.run_test(size=(120, 40)) as pilot:
        table.update_lines(scotland, sorted_field="seats")
        await pilot.pause()
        assert keys(table) == ["SNP", "CON", "LAB"]
        assert "46.5%" in plain(table.rows[0]) and "—" in plain(table.rows[0])
        assert table.sorted_field == "seats"
        table.update_lines(by_key(scotland, ["SNP", "LAB", "CON"]), sorted_field="share")
        await pilot.pause()
        assert keys(table) == ["SNP", "LAB", "CON"]
        assert table.sorted_field == "share"
        assert table.columns == LEGISLATURE_COLUMNS != COUNCIL_COLUMNS


async def test_no_color_keeps_glyphs(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    async with seeded_table(flash_seconds=None) as (app, pilot):
        assert app.no_color
        screen = app.export_screenshot()
        assert "▼" in screen and "▲" in screen


async def test_lines_given_before_mounting_are_composed() -> None:
    table = PartyTable()
    table.update_lines(SEED)
    app = TableApp(table)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert keys(table) == SEED_ORDER
        assert not any(row.has_class("-flash") for row in table.rows)
        table.update_lines(replace("LAB", seats=1010))
        assert table.rows[0].has_class("-flash") and len(table.rows) == len(SEED)
