"""Tests for the ticker widget: formatting, scrolling, pausing, paging, hostile and wide text
(the order items come round in and their ages: `test_ticker_items.py`)."""

from __future__ import annotations

from tests.tickerkit import WIDTH, TickerApp, line, news, pages, step
from tests.waiting import async_wait_for
from widgets.ticker import MARKER, SEPARATOR, TickerItem

# --- formatting ------------------------------------------------------------------------------


def test_quote_format() -> None:
    item = TickerItem.quote("q1", "hung on", "Jeremy Corbyn")
    assert item.content.plain == "“hung on” — Jeremy Corbyn"
    bold = [item.content.plain[s.start : s.end] for s in item.content.spans if s.style == "bold"]
    assert bold == ["Jeremy Corbyn"]


def test_quote_with_role_and_outlet() -> None:
    item = TickerItem.quote("q2", "…", "Pete Lowe", "Dudley Labour group leader", "BBC")
    assert item.content.plain == "“…” — Pete Lowe, Dudley Labour group leader (BBC)"
    assert TickerItem.quote("q3", "x", "A", outlet="BBC").content.plain == "“x” — A (BBC)"


def test_hostile_text_is_never_markup() -> None:
    hostile = "[@click=app.quit]click me[/] [bold]x[/bold] [/]"
    assert TickerItem.news("n", hostile).content.plain == hostile
    quote = TickerItem.quote("q", hostile, hostile, hostile, hostile)
    assert quote.content.plain.count(hostile) == 4
    assert [span.style for span in quote.content.spans] == ["bold"]


# --- scrolling -------------------------------------------------------------------------------


async def test_empty_ticker_is_quiet_and_runs_no_timer() -> None:
    app = TickerApp()
    async with app.run_test(size=(WIDTH, 5)) as pilot:
        await pilot.pause()
        assert line(app.ticker).strip() == "no updates yet"
        assert not app.ticker.running
        app.ticker.refreshes.clear()
        step(app, 60)
        await pilot.pause()
        assert app.ticker.refreshes == []


async def test_text_enters_from_the_right_and_moves_left() -> None:
    app = TickerApp()
    async with app.run_test(size=(WIDTH, 5)) as pilot:
        app.ticker.add_items([TickerItem.quote("q1", "hung on", "Jeremy Corbyn")])
        await pilot.pause()
        assert app.ticker.running
        assert line(app.ticker).strip() == ""
        first = step(app, 1 / 8)
        assert first.endswith("“") and first[:-1].strip() == ""
        previous = first
        for _ in range(200):  # one cell per 1/8 s, past the end of the item and round again
            current = step(app, 1 / 8)
            assert current[:-1] == previous[1:]
            previous = current
        assert "“hung on” — Jeremy Corbyn" + SEPARATOR in current


async def test_each_frame_refreshes_the_line_without_layout() -> None:
    app = TickerApp()
    async with app.run_test(size=(WIDTH, 5)) as pilot:
        app.ticker.add_items(news("a", "b"))
        await pilot.pause()
        app.ticker.refreshes.clear()
        for _ in range(50):
            step(app, 1 / 8)
        assert app.ticker.refreshes == [False] * 50
        step(app, 0.01)  # less than a cell: nothing to redraw
        assert len(app.ticker.refreshes) == 50


async def test_two_cells_per_frame_halves_the_frames() -> None:
    app = TickerApp(cells_per_frame=2)
    async with app.run_test(size=(WIDTH, 5)):
        app.ticker.add_items(news("a", "b"))
        previous = step(app, 10)
        app.ticker.refreshes.clear()
        for _ in range(20):
            assert step(app, 1 / 8) == previous  # half a frame: nothing moves
            current = step(app, 1 / 8)
            assert current[:-2] == previous[2:]
            previous = current
        assert app.ticker.refreshes == [False] * 20


async def test_timer_moves_the_text() -> None:
    app = TickerApp()
    app.ticker.add_items(news("a"))  # before the ticker is mounted
    async with app.run_test(size=(WIDTH, 5)):
        await async_wait_for(lambda: app.ticker.running, "the timer to start on mount")
        before = line(app.ticker)
        app.clock.now += 5  # the running timer notices, without the test calling advance()
        await async_wait_for(lambda: line(app.ticker) != before, "the timer to scroll the text")
        assert "item a" in line(app.ticker)


async def test_pause_stands_still_and_writes_nothing() -> None:
    app = TickerApp()
    async with app.run_test(size=(WIDTH, 5)) as pilot:
        app.ticker.add_items(news("a", "b"))
        moving = step(app, 10)
        await pilot.press("p")
        await async_wait_for(lambda: app.ticker.has_class("-paused"), "the -paused class")
        assert not app.ticker.running
        paused = line(app.ticker)
        assert paused.startswith(MARKER) and paused[len(MARKER) :] == moving[len(MARKER) :]
        await pilot.pause()
        app.ticker.refreshes.clear()
        assert step(app, 60) == paused
        await pilot.pause()
        assert app.ticker.refreshes == []
        await pilot.press("p")
        await async_wait_for(lambda: app.ticker.running, "the ticker to resume")
        assert step(app, 0) == moving  # resumes where it stood, not 60 s further on
        assert step(app, 1 / 8)[:-1] == moving[1:]


# --- paging (animations off) -----------------------------------------------------------------


async def test_paging_shows_whole_items_in_turn() -> None:
    app = TickerApp(animations=False, page_seconds=6.0)
    async with app.run_test(size=(WIDTH, 5)) as pilot:
        assert not app.ticker.scrolling
        app.ticker.add_items(news("a", "b", "c"))
        await pilot.pause()
        assert app.ticker.running and app.ticker.has_class("-paging")
        assert pages(app, 4) == ["item a", "item b", "item c", "item a"]
        app.ticker.refreshes.clear()
        assert step(app, 3).strip() == "item a"  # half a page: no change, no redraw
        assert app.ticker.refreshes == []


async def test_paging_cuts_long_items_with_an_ellipsis() -> None:
    app = TickerApp(animations=False)
    async with app.run_test(size=(WIDTH, 5)) as pilot:
        app.ticker.add_items([TickerItem.news("long", "word " * 2000)])
        await pilot.pause()
        text = line(app.ticker)
        assert text.startswith("word word") and text.endswith("…")


async def test_turning_animations_off_switches_to_paging() -> None:
    app = TickerApp()
    async with app.run_test(size=(WIDTH, 5)):
        app.ticker.add_items(news("a", "b"))
        step(app, 10)
        app.animation_level = "none"
        assert step(app, 0).strip() in {"item a", "item b"}
        assert app.ticker.has_class("-paging")


# --- hostile and wide text -------------------------------------------------------------------


async def test_hostile_and_wide_text_scrolls_literally() -> None:
    hostile = "[@click=app.quit]quit[/] [/] [bold]"
    items = [
        TickerItem.news("h", hostile),
        TickerItem.news("w", "選挙結果 🗳️😀 ǅ ﷽ e\u0301"),
        TickerItem.quote("l", "x" * 10_000, "名前"),
    ]
    app = TickerApp()
    async with app.run_test(size=(WIDTH, 5)) as pilot:
        app.ticker.add_items(items)
        seen = ""
        for _ in range(300):  # every step draws exactly WIDTH cells (checked in `line`)
            seen += step(app, 1 / 2)
        assert hostile in seen and "選挙結果" in seen
        await pilot.pause()
        assert app.is_running
