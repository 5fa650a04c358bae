"""Pilot tests of the producer's desk on the board: the finder, an area's result, alerts across
contests and freezes, the bell, key moments and the ticker's ages — keyboard only."""

from __future__ import annotations

from functools import partial

from board.app import ResultsBoard
from board.desk_screens import AreaScreen, FinderScreen, MomentsScreen
from sample_feeds.factory import declaration
from tests.boardkit import (
    board_showing,
    live_board,
    screen_text,
    shown_sequence,
)
from tests.deskkit import night, seat, with_declaration
from tests.waiting import async_wait_for
from widgets.alert_banner import AlertBanner
from widgets.area_result import AreaResult
from widgets.finder import Finder
from widgets.moments import MomentList
from widgets.status_bar import Timing
from widgets.ticker import Ticker

GAIN = seat("Caer Wen", "02:00", "PC", "LAB")


def preview(app: ResultsBoard) -> str:
    view = app.screen.query_one("#preview", AreaResult).view
    return "" if view is None else view.name


async def test_slash_and_two_letters_show_dudleys_result_and_enter_opens_it() -> None:
    async with board_showing(night(), still=True) as (app, source, _, pilot):
        await pilot.press("slash", "d", "u")  # three keys: the result shows beside the list
        assert isinstance(app.screen, FinderScreen)
        await async_wait_for(lambda: preview(app) == "Dudley", "Dudley's result in the preview")
        await pilot.press("enter")
        assert isinstance(app.screen, AreaScreen) and app.screen.area == "Dudley"
        await pilot.pause()
        text = screen_text(app)
        for words in ("LAB lose to NOC · declared 03:12", "Control LAB → NOC", "Seats up 24 of 72"):
            assert words in text, words
        assert "Conservative" in text and "▲ +4" in text
        await pilot.press("escape")
        assert not isinstance(app.screen, AreaScreen)


async def test_the_list_of_every_area_its_scopes_and_tab_stays_in_the_finder() -> None:
    async with board_showing(night(), size=(80, 24), still=True) as (app, source, _, pilot):
        await pilot.press("slash")
        finder = app.screen.query_one(Finder)
        assert [i.name for i in finder.found] == [
            "Dudley", "Birmingham", "St Albans", "Stoke-on-Trent", "Walsall",
        ]  # fmt: skip
        await pilot.press("tab")  # only the declared
        assert finder.scope == "Declared" and [i.name for i in finder.found] == [
            "Dudley",
            "Birmingham",
        ]
        await pilot.press("tab")
        assert finder.scope == "Still to declare" and len(finder.found) == 3
        assert app.state.selected is not None and app.state.selected.id == "england"  # no tab
        await pilot.press("tab", "s", "t")
        assert [i.name for i in finder.found][:2] == ["St Albans", "Stoke-on-Trent"]
        await pilot.press("down", "enter")
        assert isinstance(app.screen, AreaScreen) and app.screen.area == "Stoke-on-Trent"
        await pilot.pause()
        assert "Still to declare" in screen_text(app)


async def test_an_open_area_shows_its_result_the_moment_it_declares() -> None:
    async with board_showing(night(), still=True) as (app, source, _, pilot):
        await pilot.press("slash", "w", "a", "l", "enter")
        assert isinstance(app.screen, AreaScreen) and app.screen.area == "Walsall"
        walsall = declaration("Walsall", "05:05", "NOC", "NOC", note="A hung council again.")
        source.push(with_declaration(night(), 0, walsall))
        await shown_sequence(app, 2)
        result = app.screen.query_one(AreaResult)
        await async_wait_for(
            lambda: result.view is not None and "declared 05:05" in result.view.headline,
            "Walsall's result on its open page",
        )


async def test_a_gain_on_another_contest_raises_the_banner_until_acknowledged() -> None:
    async with board_showing(night(), size=(80, 24), still=True) as (app, source, _, pilot):
        banner = app.query_one(AlertBanner)
        assert not banner.display
        source.push(with_declaration(night(), 1, GAIN))
        await shown_sequence(app, 2)
        await pilot.pause()
        assert banner.display and "Caer Wen · PC gain from LAB — Invented Assembly" in banner.text
        assert "⚑ 02:00 Caer Wen · PC gain from LAB" in screen_text(app)
        assert app.state.selected is not None and app.state.selected.id == "england"
        await pilot.press("a")
        await pilot.pause()
        assert not banner.display and "Caer Wen" not in screen_text(app)


async def test_a_acknowledges_the_banners_alert_and_shift_a_all_of_them() -> None:
    """Newcomer report #11: one `a` cleared six alerts. `a` takes the one on the banner (the
    next shows, one fewer counted), on the board and in the key moments; `A` takes them all."""
    one = with_declaration(night(), 1, GAIN)
    two = with_declaration(one, 0, declaration("Walsall", "04:00", "CON", "LAB"))
    three = with_declaration(two, 1, seat("Ynys Fach", "05:00", "CON", "PC"))
    four = with_declaration(three, 0, declaration("Stoke-on-Trent", "05:30", "NOC", "LAB"))
    async with board_showing(night(), size=(120, 40), still=True) as (app, source, _, pilot):
        banner = app.query_one(AlertBanner)
        for doc in (one, two, three, four):
            source.push(doc)
            await shown_sequence(app, doc["sequence"])
        await pilot.pause()
        assert "Stoke-on-Trent" in banner.text and "4 unacknowledged" in banner.text
        await pilot.press("a")
        await pilot.pause()
        assert "Ynys Fach" in banner.text and "3 unacknowledged" in banner.text
        await pilot.press("m")
        await pilot.press("a")  # in the key moments too: one at a time
        await pilot.pause()
        assert isinstance(app.screen, MomentsScreen)
        title = str(app.screen.query_one("#moments-title").render())
        assert "2 unacknowledged" in title
        await pilot.press("escape")
        await pilot.pause()
        assert (
            banner.text.startswith("⚑ 04:00 Walsall")
            and "2 unacknowledged: Caer Wen" in banner.text
        )
        await pilot.press("A")
        await pilot.pause()
        assert not banner.display and app.state.desk.unacknowledged == ()


async def test_a_change_during_a_freeze_is_counted_then_shown_with_the_summary() -> None:
    async with board_showing(night(), still=True) as (app, source, clock, pilot):
        await pilot.press("f")
        source.push(with_declaration(night(), 1, GAIN))
        await async_wait_for(lambda: app.state.waiting == 1, "one update waiting")
        app.tick()
        await pilot.pause()
        assert not app.query_one(AlertBanner).display  # the display holds, on air
        assert "⚑ 1 control change" in screen_text(app)
        await pilot.press("f")
        await pilot.pause()
        assert app.query_one(AlertBanner).display
        said = "While frozen: Invented Assembly: 1 seat declared · 1 control change"
        assert said in app.query_one(Timing).text.splitlines()  # one line, in the status bar
        assert not app._notifications  # no toast over the declarations
        clock.advance(8)
        app.tick()
        await pilot.pause()
        assert "While frozen" not in screen_text(app)  # for a few seconds only


async def test_the_bell_rings_for_each_alert_only_with_bell() -> None:
    for bell, expected in ((True, 1), (False, 0)):
        app, source, _ = live_board(still=True, bell=bell)
        rung: list[None] = []
        app.bell = partial(rung.append, None)  # type: ignore[method-assign]
        async with app.run_test(size=(80, 24)) as pilot:
            source.push(night())
            await shown_sequence(app, 1)
            assert rung == []  # the first snapshot is the baseline
            source.push(with_declaration(night(), 1, GAIN))
            await shown_sequence(app, 2)
            await pilot.pause()
            assert len(rung) == expected


async def test_the_key_moments_and_acknowledging_from_them() -> None:
    async with board_showing(night(), still=True) as (app, source, _, pilot):
        source.push(with_declaration(night(), 1, GAIN))
        await shown_sequence(app, 2)
        await pilot.press("m")
        assert isinstance(app.screen, MomentsScreen)
        await pilot.pause()
        moments = app.screen.query_one(MomentList).text
        assert "Caer Wen · PC gain from LAB (" not in moments
        assert "02:00 ● ▶ Invented Assembly" in moments
        assert "Dudley · LAB lose to NOC" in moments and "First declaration: Birmingham" in moments
        await pilot.press("a")
        await pilot.pause()
        assert "●" not in app.screen.query_one(MomentList).text
        await pilot.press("escape")
        assert not app.query_one(AlertBanner).display


async def test_old_ticker_items_fade_and_leave() -> None:
    doc = night()
    doc["published_at"] = "2016-05-06T10:30:00+01:00"
    doc["updates"] = [
        {"id": "later", "published_at": "2016-05-06T09:00:00+01:00", "kind": "update",
         "text": "Results will not be revealed until later today"},
        {"id": "faded", "published_at": "2016-05-06T09:45:00+01:00", "kind": "update",
         "text": "Faded line"},
        {"id": "fresh", "published_at": "2016-05-06T10:20:00+01:00", "kind": "update",
         "text": "Fresh line"},
    ]  # fmt: skip
    app, source, _ = live_board(still=True)
    app.state = app.state.__class__.start(mode="replay", source="x", interval=0.01)
    async with app.run_test(size=(120, 40)) as pilot:
        source.push(doc)
        await shown_sequence(app, 1)
        await pilot.pause()
        playlist = app.query_one(Ticker)._playlist
        assert playlist.get("later") is None
        faded, fresh = playlist.get("faded"), playlist.get("fresh")
        assert faded is not None and faded.faded and faded.content.plain == "09:45 Faded line"
        assert fresh is not None and not fresh.faded


async def test_a_live_feed_of_another_night_ages_its_ticker_by_its_own_clock() -> None:
    """Newcomer report #4: a 2016 rehearsal served live (serve-feed) showed an empty ticker,
    aged by today's date; and a ticker whose items had all aged out said "no updates yet"."""
    doc = night()  # the board's clock is 2026; the document's, 6 May 2016
    doc["updates"] = []

    def at(sequence: int, published: str, *times: str) -> dict[str, object]:
        return doc | {
            "sequence": sequence,
            "published_at": f"2016-05-06T{published}:00+01:00",
            "updates": [
                {"id": f"u{t}", "published_at": f"2016-05-06T{t}:00+01:00", "kind": "update",
                 "text": f"Update of {t}"}
                for t in times
            ],
        }  # fmt: skip

    app, source, _ = live_board(still=True)  # live: the mode serve-feed is watched in
    async with app.run_test(size=(120, 40)):
        ticker = app.query_one(Ticker)
        source.push(doc)
        await shown_sequence(app, 1)
        await async_wait_for(lambda: "no updates yet" in screen_text(app), "no updates yet")
        source.push(at(2, "11:30", "09:00"))  # two and a half hours old by the feed's clock
        await shown_sequence(app, 2)
        await async_wait_for(lambda: "no recent updates" in screen_text(app), "all aged out")
        source.push(at(3, "09:34", "09:10", "09:25"))
        await shown_sequence(app, 3)
        await async_wait_for(
            lambda: (
                {key for key in ("u09:10", "u09:25") if ticker._playlist.get(key)}
                == {"u09:10", "u09:25"}
            ),
            "both items on the ticker",
        )
        assert not any(ticker._playlist.get(key).faded for key in ("u09:10", "u09:25"))  # type: ignore[union-attr]


async def test_slash_on_a_night_of_races_finds_races_by_title_or_candidate() -> None:
    """One `/`: on a night of races the finder's items are the races, by office."""
    from tests.test_ap_board import night_showing

    async with night_showing() as (app, pilot):
        await pilot.press("2", "slash")
        assert isinstance(app.screen, FinderScreen) and app.screen.found.noun == "races"
        finder = app.screen.query_one(Finder)
        assert finder.scope == "All" and "U.S. Senate" in app.screen._index.scopes()
        await pilot.press("q", "u", "i", "l", "l")  # a candidate's name, in no race's title
        assert [item.name for item in finder.found] == [
            "AZ President",
            "NV President",
            "WY President",
        ]
        await pilot.press("down")
        await async_wait_for(lambda: preview(app) == "NV President", "the race beside the list")
        result = app.screen.query_one("#preview", AreaResult).view
        assert result is not None and result.headline.startswith("Ada Quill (Dem) leading")
        await pilot.press("enter")
        await async_wait_for(lambda: app.state.open_race is not None, "the race opened")
        assert app.state.selected is not None and app.state.selected.id == "races"
        assert not isinstance(app.screen, FinderScreen)


async def test_the_unfreeze_summary_is_one_line_that_fits_and_covers_no_figures() -> None:
    """Newcomer report #8: a 7-line toast covered the declarations for 20 s. Now one line in the
    status bar, shortened by rule to the width, for a few seconds."""
    for size in ((80, 24), (120, 40), (200, 60)):
        later = night()
        for n, (winner, was) in enumerate((("PC", "LAB"), ("CON", "PC"), ("LAB", "LAB"))):
            later = with_declaration(later, 1, seat(f"Seat {n}", f"0{n + 1}:00", winner, was))
        for n, (control, was) in enumerate((("CON", "NOC"), ("NOC", "LAB"), ("LAB", "LAB"))):
            later = with_declaration(later, 0, declaration(f"Council {n}", "05:00", control, was))
        async with board_showing(night(), size=size, still=True, wall=False) as (
            app,
            source,
            clock,
            pilot,
        ):
            await pilot.press("f")
            source.push(later)
            await async_wait_for(lambda: app.state.waiting == 1, "one update waiting")
            await pilot.press("f")
            await pilot.pause()
            lines = [line for line in app.query_one(Timing).text.splitlines() if "frozen" in line]
            assert len(lines) == 1 and len(lines[0]) <= size[0], (size, lines)
            assert "3 councils" in lines[0] and "control changes" in lines[0]
            if size[0] >= 200:  # room for every contest, named
                assert "English councils:" in lines[0] and "Invented Assembly:" in lines[0]
            assert not app._notifications
            assert app.query_one("#declarations").region.area > 0
            assert "Council 2" in screen_text(app) or size[1] < 30  # the newest, in sight


async def test_the_finder_says_when_the_feed_lists_fewer_areas_than_there_are() -> None:
    """Newcomer report #16: "103 of 103 areas" beside a counter of 124 councils."""
    from textual.widgets import Static

    from sample_feeds.factory import councils, document, legislature

    listed_all = councils(areas=[f"Council {n}" for n in range(124)])
    declared = [
        declaration("Cardiff North", "01:00", "LAB", "LAB"),
        declaration("Ynys Môn", "02:00", "PC", "LAB"),
    ]
    seats = legislature(reported=2, declarations=declared)
    for contest, words in (
        (councils(), "2 of 2 areas listed · 124 councils in all"),
        (listed_all, "126 of 126 areas · "),  # as many listed as there are, or more: said as is
        (seats, "2 of 2 areas listed · 60 seats in all"),
    ):
        async with board_showing(document(contest), still=True) as (app, _, _, pilot):
            await pilot.press("slash")
            assert isinstance(app.screen, FinderScreen)
            await pilot.pause()
            count = str(app.screen.query_one("#finder-count", Static).render())
            assert count.startswith(words), count
            await pilot.press("B")  # typed: the listed count and the whole stay said
            await pilot.pause()
            count = str(app.screen.query_one("#finder-count", Static).render())
            assert ("in all" in count) is ("in all" in words), count


async def test_every_desk_screen_followed_before_it_is_composed_waits_for_its_mount() -> None:
    """`python -m tests.docshots` once crashed with NoMatches in MomentsScreen.refresh_from: the
    board refreshed a screen counted as mounted but not composed. Every desk screen, followed
    before compose (marked mounted as Textual marks a screen whose start failed), does nothing;
    once composed it follows; closed, it does nothing again."""
    from board.desk_screens import DeskScreen
    from board.findable import findable

    async with board_showing(night(), still=True) as (app, _, _, pilot):
        found = findable(app.state)
        assert found is not None
        makers = (
            MomentsScreen,
            lambda: AreaScreen("england", "Dudley"),
            lambda: FinderScreen(found, app.state),
        )
        for make in makers:
            early: DeskScreen = make()
            early._is_mounted = True  # counted as mounted, never composed
            early.follow(app.state)  # nothing, and no NoMatches
            screen: DeskScreen = make()
            await app.push_screen(screen)
            await pilot.pause()
            assert screen._composed
            screen.follow(app.state)  # composed: follows
            screen.dismiss()
            await pilot.pause()
            screen.follow(app.state)  # closed: nothing
            assert not screen._composed
