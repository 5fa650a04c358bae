"""Tests for the order the ticker's items come round in (new before repeats, each once, bounded,
keys once) and their ages (the board keeps exactly the young enough ones, fading the old)."""

from __future__ import annotations

import re

from tests.tickerkit import WIDTH, TickerApp, line, news, pages, run_paged, step
from widgets.ticker import TickerItem

# --- order -----------------------------------------------------------------------------------


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
