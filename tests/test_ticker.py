"""Tests for the ticker widget: formatting, scrolling, pausing, paging, order, output cost."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import ClassVar

from rich.cells import cell_len
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.geometry import Region

from tests.waiting import async_wait_for
from widgets.ticker import MARKER, SEPARATOR, Ticker, TickerItem

WIDTH = 120


class FakeClock:
    """A clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


class CountingTicker(Ticker):
    """A ticker that records the `layout` argument of every refresh."""

    def __init__(self, **kwargs: object) -> None:
        self.refreshes: list[bool] = []
        super().__init__(**kwargs)  # type: ignore[arg-type]

    def refresh(
        self,
        *regions: Region,
        repaint: bool = True,
        layout: bool = False,
        recompose: bool = False,
    ) -> CountingTicker:
        self.refreshes.append(layout)
        super().refresh(*regions, repaint=repaint, layout=layout, recompose=recompose)
        return self


class TickerApp(App[None]):
    """The ticker under some text, as on the board; `p` pauses it."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("p", "pause_ticker", "Pause ticker")]

    def __init__(self, *, animations: bool = True, **ticker_options: object) -> None:
        super().__init__()
        self.animation_level = "full" if animations else "none"  # whatever the environment says
        self.clock = FakeClock()
        self.ticker = CountingTicker(clock=self.clock, **ticker_options)

    def compose(self) -> ComposeResult:
        yield self.ticker

    def action_pause_ticker(self) -> None:
        self.ticker.action_toggle_pause()


def line(ticker: Ticker) -> str:
    """The text of the ticker's one line as drawn."""
    text = ticker.render_line(0).text
    assert cell_len(text) == ticker.size.width
    return text


def step(app: TickerApp, seconds: float) -> str:
    """Move the clock on, let the ticker catch up, and return its line."""
    app.clock.now += seconds
    app.ticker.advance()
    return line(app.ticker)


def news(*keys: str) -> list[TickerItem]:
    return [TickerItem.news(key, f"item {key}") for key in keys]


def pages(app: TickerApp, count: int, page_seconds: float = 6.0) -> list[str]:
    """The items shown on the next `count` pages (paging mode), by text."""
    shown = [line(app.ticker).strip()]
    for _ in range(count - 1):
        shown.append(step(app, page_seconds).strip())
    return shown


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


# --- order -----------------------------------------------------------------------------------


async def run_paged(
    batches: Sequence[list[TickerItem]], count: int, **options: object
) -> list[str]:
    app = TickerApp(animations=False, **options)
    async with app.run_test(size=(WIDTH, 5)) as pilot:
        for batch in batches:
            app.ticker.add_items(batch)
        await pilot.pause()
        return pages(app, count)


async def test_new_items_are_shown_before_repeats() -> None:
    app = TickerApp(animations=False)
    async with app.run_test(size=(WIDTH, 5)) as pilot:
        app.ticker.add_items(news("a", "b"))
        await pilot.pause()
        assert pages(app, 3) == ["item a", "item b", "item a"]
        app.ticker.add_items(news("c"))
        assert step(app, 6).strip() == "item c"
        assert pages(app, 4)[1:] == ["item b", "item a", "item c"]


async def test_every_item_is_shown_once_before_any_repeats() -> None:
    shown = await run_paged([news("a", "b"), news("c"), news("d", "e")], 10)
    assert sorted(shown[:5]) == ["item a", "item b", "item c", "item d", "item e"]
    assert shown[5:] == shown[:5]
    assert shown[:3] == ["item a", "item d", "item e"]  # a went up at once; then the newest


async def test_history_is_bounded() -> None:
    shown = await run_paged([news("e", "d", "c", "b", "a")], 6, max_items=3)
    assert shown == ["item e", "item d", "item c"] * 2


async def test_duplicate_keys_are_ignored() -> None:
    again = [TickerItem.news("a", "changed text"), TickerItem.news("b", "item b")]
    shown = await run_paged([news("a"), again, again], 4)
    assert shown == ["item a", "item b"] * 2


async def test_new_items_scroll_in_before_repeats() -> None:
    app = TickerApp()
    async with app.run_test(size=(WIDTH, 5)):
        app.ticker.add_items(news("a", "b"))  # "a" goes on the tape at once, "b" waits
        step(app, 1 / 8)
        app.ticker.add_items(news("c"))  # newer than "b": goes ahead of it
        seen = step(app, 119 / 8)  # the window now starts where "a" started
        assert re.findall(r"item (\w)", seen)[:6] == ["a", "c", "b", "a", "c", "b"]


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


# --- ages: the board keeps exactly the items young enough, fading the old --------------------


def test_an_item_carries_its_time() -> None:
    assert TickerItem.news("n", "Ukip gains", time="10:07").content.plain == "10:07 Ukip gains"
    quote = TickerItem.quote("q", "hung on", "Jeremy Corbyn", time="08:50", faded=True)
    assert quote.content.plain == "08:50 “hung on” — Jeremy Corbyn" and quote.faded


async def test_keep_items_fades_drops_and_says_when_nothing_is_recent() -> None:
    app = TickerApp(animations=False)
    async with app.run_test(size=(WIDTH, 5)) as pilot:
        fresh, old = TickerItem.news("a", "fresh item"), TickerItem.news("b", "old item")
        app.ticker.keep_items([fresh, old])
        await pilot.pause()
        assert pages(app, 2) == ["fresh item", "old item"]
        faded = TickerItem.news("b", "old item", faded=True)
        app.ticker.keep_items([fresh, faded])
        await pilot.pause()
        strip = app.ticker.render_line(0)
        wanted = app.ticker.get_visual_style("ticker--faded").rich_style.color
        colours = {s.style.color for s in strip if s.text.strip() and s.style}
        assert strip.text.strip() == "old item" and colours == {wanted}  # redrawn faded at once
        app.ticker.keep_items([fresh])  # the old one leaves
        await pilot.pause()
        assert set(pages(app, 3)) == {"fresh item"}
        app.ticker.keep_items([], "no recent updates")
        await pilot.pause()
        assert line(app.ticker).strip() == "no recent updates" and not app.ticker.running


async def test_a_ticker_whose_items_were_all_too_old_from_the_start_says_so() -> None:
    app = TickerApp()
    async with app.run_test(size=(WIDTH, 5)) as pilot:
        await pilot.pause()
        assert line(app.ticker).strip() == "no updates yet"
        app.ticker.keep_items([], "no recent updates")  # nothing changes in the playlist
        await pilot.pause()
        from tests.boardkit import screen_text

        assert "no recent updates" in screen_text(app)  # on screen, not only in render_line
