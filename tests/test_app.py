"""Pilot tests of the board: each key and each state, with a scripted source and a manual clock."""

from __future__ import annotations

from pathlib import Path

import pytest

from board.app import ResultsBoard, create_app
from board.contest_view import ContestView
from board.help import HelpScreen
from board.look import CHIP_WORDS
from board.state import FeedState
from feeds import FeedHTTPError, FeedUnreachable
from sample_feeds.factory import document, with_party
from tests.boardkit import (
    FAST,
    ScriptedSource,
    board_showing,
    live_board,
    polled_until_shown,
    screen_text,
    shown_sequence,
)
from tests.waiting import async_wait_for
from widgets.contest_tabs import ContestTabs
from widgets.declarations import DeclarationList
from widgets.party_table import PartyTable
from widgets.reporting_counter import ReportingCounter
from widgets.status_bar import Headline, Timing
from widgets.ticker import Ticker


def state_of(app: ResultsBoard) -> FeedState:
    """The state word the headline shows (the demo's badge stands for DEMO)."""
    text = app.query_one(Headline).text
    shown = [state for state, words in CHIP_WORDS.items() if words in text]
    assert shown, text
    return next((state for state in shown if state is not FeedState.DEMO), shown[0])


async def test_live_board_shows_the_seed_figures() -> None:
    app, source, clock = live_board()
    async with app.run_test(size=(120, 40)) as pilot:
        assert state_of(app) is FeedState.CONNECTING
        source.push(document())
        await shown_sequence(app, 1)
        await pilot.pause()
        counter = app.query_one("#counter", ReportingCounter)
        assert (counter.view.reported, counter.view.total) == (96, 124)
        assert counter.text == "96 of 124 councils reported"
        text = screen_text(app)
        for figure in ("Labour", "1005", "547", "No Overall Control", "Dudley", "LAB lose to NOC"):
            assert figure in text
        app.tick()
        assert state_of(app) is FeedState.LIVE


async def test_error_keeps_the_last_good_figures_and_names_the_fault() -> None:
    async with board_showing(document()) as (app, source, clock, pilot):
        source.push(FeedHTTPError(503, retry_after=8))
        await async_wait_for(lambda: app.state.feed.error == "HTTP 503", "the error recorded")
        app.tick()
        await pilot.pause()
        assert state_of(app) is FeedState.ERROR
        assert app.state.shown is not None and app.state.shown.feed.sequence == 1
        timing = app.query_one(Timing).render().plain
        assert "HTTP 503 — retrying" in timing
        assert "1005" in screen_text(app)


async def test_stale_after_three_missed_intervals_marks_the_figures() -> None:
    async with board_showing(document(), interval=FAST) as (app, source, clock, _):
        source.push(FeedUnreachable("connection refused"))
        await async_wait_for(lambda: app.state.feed.error is not None, "the failure recorded")
        clock.advance(1.0)  # far beyond 3 × interval
        app.tick()
        main = app.query_one("#main")
        await async_wait_for(lambda: main.has_class("-stale"), "the figures marked stale")
        assert state_of(app) is FeedState.STALE
        assert "1005" in screen_text(app)
        # Recovery: a good poll clears the marking.
        source.push(with_party(document(), "LAB", seats=1006))
        await shown_sequence(app, 2)
        app.tick()
        await async_wait_for(lambda: not main.has_class("-stale"), "the stale marking cleared")
        assert state_of(app) is FeedState.LIVE


async def test_freeze_holds_the_display_and_counts_waiting_updates() -> None:
    async with board_showing(document()) as (app, source, clock, pilot):
        await pilot.press("f")
        assert app.state.frozen
        source.push(with_party(document(), "LAB", seats=1010))
        await async_wait_for(lambda: app.state.waiting == 1, "one update waiting")
        app.tick()
        await pilot.pause()
        assert app.state.shown is not None and app.state.shown.feed.sequence == 1
        assert "FROZEN · 1 update waiting" in app.query_one(Headline).render().plain
        await pilot.press("f")
        assert not app.state.frozen
        assert app.state.shown.feed.sequence == 2
        await pilot.pause()
        assert "1010" in screen_text(app)


async def test_pause_key_pauses_the_ticker_and_says_so() -> None:
    async with board_showing(document()) as (app, source, clock, pilot):
        await pilot.press("p")
        assert app.query_one(Ticker).paused
        assert "PAUSED" in app.query_one(Headline).render().plain
        await pilot.press("p")
        assert not app.query_one(Ticker).paused


async def test_demo_badge() -> None:
    async with board_showing(document(), mode="demo") as (app, source, clock, pilot):
        app.tick()
        await pilot.pause()
        assert state_of(app) is FeedState.DEMO
        assert "DEMO · sample data" in app.query_one(Headline).render().plain


async def test_poll_now_key_polls_at_once() -> None:
    async with board_showing(document(), interval=3600) as (app, source, clock, pilot):
        source.push(with_party(document(), "CON", seats=600))
        await pilot.press("r")
        await shown_sequence(app, 2)


async def test_sort_key_cycles_the_table() -> None:
    async with board_showing(document()) as (app, source, clock, pilot):
        table = app.query_one("#view-table", PartyTable)
        assert table.sorted_field == "councils"
        await pilot.press("s")
        assert table.sorted_field == "seats"


async def test_interval_keys_step_the_poll_interval() -> None:
    app, source, clock = live_board(interval=5)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("plus")
        assert app.state.feed.interval == 10
        await pilot.press("minus", "minus", "minus", "minus", "minus", "minus")
        assert app.state.feed.interval == 1  # never below one second


async def test_help_opens_and_closes() -> None:
    app, source, clock = live_board()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)


async def test_screenshot_key_saves_an_svg(tmp_path: Path) -> None:
    source = ScriptedSource()
    app = create_app(source, interval=FAST, screenshot_dir=tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        source.push(document())
        await shown_sequence(app, 1)
        await pilot.press("c")
        await async_wait_for(lambda: list(tmp_path.glob("*.svg")), "an SVG in the directory")
        assert "Labour" in next(tmp_path.glob("*.svg")).read_text()


async def test_too_small_says_so_and_recovers() -> None:
    async with board_showing(document(), size=(40, 10)) as (app, source, clock, pilot):
        await pilot.pause()
        assert "terminal too small — need 60×20" in screen_text(app)
        await pilot.resize_terminal(120, 40)
        await pilot.pause()
        text = screen_text(app)
        assert "too small" not in text
        assert "1005" in text


@pytest.mark.parametrize(
    "hostile",
    ["[@click=app.quit]x[/]", "[/] oops", "[bold]loud[/bold]", "[link=http://evil]x[/link]"],
)
async def test_feed_text_is_shown_literally(hostile: str) -> None:
    app, source, clock = live_board()
    doc = document(title=f"Night {hostile}")
    doc["contests"][0]["parties"][0]["name"] = f"Labour {hostile}"
    doc["contests"][0]["declarations"][1]["area"] = f"Dudley {hostile}"
    doc["updates"][0]["text"] = f"hung on {hostile}"
    async with app.run_test(size=(160, 40)) as pilot:
        source.push(doc)
        await shown_sequence(app, 1)
        await pilot.pause()
        assert app.is_running
        text = screen_text(app)
        assert f"Labour {hostile}"[:20] in text
        assert f"Dudley {hostile}"[:20] in text


async def test_contest_tabs_and_number_keys() -> None:
    app, source, clock = live_board()
    doc = document()
    doc["contests"].append(
        {
            "kind": "legislature",
            "id": "wales",
            "title": "Welsh Assembly",
            "reported": 60,
            "total": 60,
            "majority": 31,
            "parties": [{"code": "LAB", "name": "Labour", "seats": 29, "seats_change": -1}],
        }
    )
    doc["contests"].append({"kind": "hologram", "id": "mars", "title": "Mars"})
    async with app.run_test(size=(120, 40)) as pilot:
        source.push(doc)
        await shown_sequence(app, 1)
        await pilot.press("2")
        await pilot.pause()
        assert app.state.contest_id == "wales"
        assert app.query_one("#counter", ReportingCounter).text == "60 of 60 seats reported"
        await pilot.press("3")
        await pilot.pause()
        assert "not supported by this" in screen_text(app)
        await pilot.press("1")
        await pilot.pause()
        assert "1005" in screen_text(app)


async def test_declarations_newest_first() -> None:
    async with board_showing(document()) as (app, source, clock, pilot):
        await pilot.pause()
        lines = app.query_one(DeclarationList).lines
        assert [line.area for line in lines] == ["Dudley", "Birmingham"]
        assert lines[0].wording == "LAB lose to NOC" and lines[0].changed_hands
        assert lines[1].wording == "LAB hold"


async def test_quit_closes_the_source() -> None:
    app, source, clock = live_board()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("q")
    assert source.closed


async def test_contests_that_appear_later_get_tabs_and_polling_goes_on() -> None:
    app, source, clock = live_board()
    first = document(sequence=1)
    second = document(sequence=2)
    second["contests"].append(
        {
            "kind": "legislature",
            "id": "scotland",
            "title": "Scottish Parliament",
            "reported": 10,
            "total": 129,
            "majority": 65,
            "parties": [{"code": "SNP", "name": "SNP", "seats": 10, "seats_change": 0}],
        }
    )
    third = document(sequence=3, contests=second["contests"], title="Later")
    async with app.run_test(size=(120, 40)) as pilot:
        for doc in (first, second, third):
            source.push(doc)
            await shown_sequence(app, doc["sequence"])
        await pilot.pause()
        tabs = [str(tab.label) for tab in app.query("Tab")]
        assert tabs == ["1  English councils", "2  Scottish Parliament"]
        assert [w.name for w in app.workers if w.is_running] == ["poll"]


async def test_tabs_follow_the_feeds_order_when_a_contest_appears_between_or_moves() -> None:
    """A contest that appears later in the middle of the list gets its tab in its place, and
    a feed that reorders its contests reorders the tabs: a tab's number is always its place
    (seen with AP, whose balance of power arrived after the races: "1 … 3 … 2 …")."""
    from sample_feeds import factory

    app, source, clock = live_board()
    england, wales, london = document()["contests"][0], factory.legislature(), factory.mayor()
    steps = [[england, london], [england, wales, london], [london, england, wales]]
    async with app.run_test(size=(160, 40)) as pilot:
        for sequence, contests in enumerate(steps, 1):
            source.push(document(sequence=sequence, contests=contests))
            await shown_sequence(app, sequence)
            await pilot.pause()
            tabs = [str(tab.label).split("  ", 1) for tab in app.query("Tab")]
            assert [number for number, _ in tabs] == [str(n) for n in range(1, len(tabs) + 1)]
            assert [title for _, title in tabs] == [c["title"] for c in contests]


async def test_test_data_is_marked_in_the_title_and_the_status_bar() -> None:
    from board.look import STATE_COLOURS

    async with board_showing(document(test=True)) as (app, source, clock, pilot):
        await pilot.pause()
        headline = app.query_one(Headline).text
        assert headline.startswith("TEST DATA Election 2016 results live")
        assert "▚ TEST DATA ▚" in headline and "● LIVE" in headline
        bar = app.query_one("#status")
        assert bar.has_class("-test")
        test_colour = STATE_COLOURS["test"].lower()
        assert bar.styles.background.hex.lower() != app.query_one("#contests").styles.background.hex
        assert test_colour in app.export_screenshot().lower()
        source.push(document(sequence=2))  # the feed is no longer marked: neither is the board
        await shown_sequence(app, 2)
        await pilot.pause()
        assert "TEST" not in app.query_one(Headline).text and not bar.has_class("-test")


async def test_every_panel_is_marked_while_stale() -> None:
    async with board_showing(document()) as (app, source, clock, pilot):
        clock.advance(60)
        app.tick()
        await pilot.pause()
        main = app.query_one("#main")
        assert main.has_class("-stale") and not main.has_class("-error")
        for panel in ("#figures", "#counter", "#declarations-box"):
            assert app.query_one(panel).styles.border_left[0] == "dashed", panel
        timing = app.query_one(Timing).text
        # The feed's time carries its date: the document is of 6 May 2016, the clock of 2026.
        assert timing.startswith("Now 21:01 · Feed 2016-05-06 10:30 · Good poll 60 s ago")


async def test_help_open_does_not_stop_the_board_showing_polls() -> None:
    app, source, clock = live_board()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("question_mark")
        source.push(document())
        await shown_sequence(app, 1)
        await pilot.press("escape")
        await pilot.pause()
        assert app.state.feed.error is None
        assert "1005" in screen_text(app)


@pytest.mark.parametrize("gone", [Ticker, ContestView, ContestTabs])
async def test_a_tick_while_the_board_is_taken_down_does_nothing(gone: type) -> None:
    """Textual removes the widgets one by one at exit, and the clock or a poll can land between:
    the board must not raise then (it turned a clean exit into a traceback)."""
    async with board_showing(document()) as (app, source, _, pilot):
        await app.query_one(gone).remove()
        app.tick()  # raised NoMatches
        source.push(with_party(document(), "LAB", seats=1006))
        await polled_until_shown(app, 2)  # a poll lands on the half-removed board
        app.tick()
    # leaving run_test re-raises whatever a handler raised
