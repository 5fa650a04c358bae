"""Every supported size shows every panel whole or hides it on purpose (issue 11, item 15).

The board runs (Pilot) at each size from the minimum to a gallery wall's,
and every panel is read back from the screen: no panel is cut by its
container or the terminal (each one's region lies inside what is drawn of
it), the counter is whole (three rows of digits over its bar and words, or
its one line), every tab is on the row (its number, at least) or there is a
"‹"/"›" mark, every footer key reads as a whole word and `? Help` stays, the
table shows its rows or says how many more there are, and help's last line
shows at 80×24. Below the minimum the screen says "terminal too small" and
nothing else. The plans themselves are tested pure in `tests/test_layout.py`.
"""

from __future__ import annotations

import re
from typing import Any

from textual.app import App
from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import Tab

from feeds.ap import ApAdapter
from sample_feeds.factory import councils, document, legislature, mayor, party, projection
from tests.apnight import encode as encode_ap
from tests.apnight import national
from tests.boardkit import board_showing, polled_until_shown, screen_text, scripted_board
from tests.waiting import async_wait_for
from widgets.contest_tabs import ContestTabs
from widgets.key_footer import KeyFooter
from widgets.reporting_counter import ReportingCounter

SIZES = [(60, 20), (80, 24), (100, 30), (120, 40), (160, 50), (200, 60)]
"""The supported sizes the issue names, from the minimum up."""

PANELS = (
    "#status, #contests, #views, #notes, #projection, #counter, #gains, #declarations-box, "
    "#ticker, KeyFooter, PartyRow, CandidateRow, MoreLine, #seat-bar"
)
"""Everything that must be whole wherever it shows."""

EXTRA_PARTIES = 6
"""Invented parties beside the nine of 2016 and No Overall Control: a table too long for a
short terminal."""
ROWS = 10 + EXTRA_PARTIES

LONG_NAME = "The Extraordinarily Long Named Independent Alliance for Everyone Party"


def night(contests: int = 4) -> dict[str, Any]:
    """The four kinds of 2016 (councils with a note, Scotland, Wales, London) and a projection;
    with more `contests`, regional assemblies with long titles beside them."""
    scotland = legislature(id="scotland", title="Scottish Parliament", total=129, majority=65)
    found = [councils(projection=projection()), scotland, legislature(), mayor()]
    found += [
        legislature(id=f"region-{n}", title=f"Regional Assembly of the North East {n}")
        for n in range(contests - len(found))
    ]
    found[0]["parties"][0]["name"] = LONG_NAME
    found[0]["parties"] += [party(f"P{n}", f"Invented Party {n}") for n in range(EXTRA_PARTIES)]
    return document(*found)


def drawn_whole(app: App[Any], widget: Widget) -> bool:
    """The widget's region lies wholly inside what the screen draws of it (not cut)."""
    geometry = app.screen.find_widget(widget)
    return geometry.clip.intersection(geometry.region) == geometry.region


def shown(app: App[Any], selector: str) -> list[Widget]:
    """The widgets matching `selector` that are on screen (displayed, in the screen's map)."""
    found = []
    for widget in app.screen.query(selector):
        if not widget.display or not all(a.display for a in widget.ancestors if a is not app):
            continue
        if widget in app.screen._compositor.visible_widgets:  # type: ignore[attr-defined]
            found.append(widget)
    return found


def whole_on_screen(app: App[Any], widget: Widget) -> bool:
    """The widget is drawn whole, inside the terminal."""
    region = app.screen.find_widget(widget).region
    return drawn_whole(app, widget) and app.screen.region.contains_region(region)


def cut_panels(app: App[Any]) -> list[str]:
    """The panels on screen that are cut: by their container, or by the terminal."""
    return [
        f"{widget!r} at {app.screen.find_widget(widget).region}"
        for widget in shown(app, PANELS)
        if not whole_on_screen(app, widget)
    ]


def footer_words(app: App[Any]) -> list[str]:
    """The footer's keys, as shown, that the footer's last screen line does not hold whole."""
    last = screen_text(app).splitlines()[-1]
    return [key for key in app.query_one(KeyFooter).shown_keys if key not in last]


async def settled(pilot: Pilot[Any]) -> None:
    await pilot.pause()
    await pilot.wait_for_scheduled_animations()
    await pilot.pause()


async def test_every_panel_is_whole_at_every_supported_size() -> None:
    """From the minimum up (the board starts at the minimum, then the terminal grows)."""
    async with board_showing(night(), size=SIZES[0], wall=False, still=True) as (app, *_, pilot):
        for size in SIZES:
            await pilot.resize_terminal(*size)
            for contest in "1234":  # councils, a legislature (Scotland, Wales), the mayoralty
                await pilot.press(contest)
                await settled(pilot)
                text = screen_text(app)
                assert cut_panels(app) == [], f"contest {contest} at {size}:\n{text}"
                assert footer_words(app) == [], f"at {size}"
                assert "? Help" in text.splitlines()[-1]
                counter = app.query_one(ReportingCounter)
                assert counter.region.height == (1 if counter.compact else 5)
                assert counter.view.words.split(" · ")[0] in text  # "96 of 124 councils"
                tabs = app.query_one(ContestTabs)
                numbers = [str(tab.label).split()[0] for tab in tabs.query(Tab)]
                assert numbers == ["1", "2", "3", "4"]  # four contests: every tab on the row
            await pilot.press("1")
            await settled(pilot)
            text = screen_text(app)
            rows = shown(app, "#view-table PartyRow")
            assert len(rows) >= 3, f"at {size}"
            assert size != SIZES[0] or len(rows) < ROWS  # at the minimum the table is cut
            if len(rows) < ROWS:
                assert f"+ {ROWS - len(rows)} more:" in text, f"at {size}:\n{text}"
            assert "No Overall Control" in text  # pinned: kept whatever is left out


async def test_many_contests_keep_every_tab_on_the_row_or_marked() -> None:
    async with board_showing(night(contests=12), size=(60, 20), wall=False, still=True) as (
        app,
        *_,
        pilot,
    ):
        tabs = app.query_one(ContestTabs)
        for size in [(60, 20), (120, 40)]:
            await pilot.resize_terminal(*size)
            for keys in [("1",), ("5",), ("9",), ("shift+tab", "shift+tab", "shift+tab")]:
                await pilot.press(*keys)  # the first, the middle, the last keyed, the 12th
                await settled(pilot)
                on_row = [tab for tab in tabs.query(Tab) if tab.display]
                assert [tab for tab in on_row if not whole_on_screen(app, tab)] == []
                labels = [str(tab.label) for tab in on_row]
                numbers = [label.strip("‹› ").split()[0] for label in labels]
                assert cut_panels(app) == []
                assert str(app.state.selected_index + 1) in numbers, f"{keys} at {size}: {labels}"
                everything = numbers == [str(n) for n in range(1, 13)]
                marked = labels[0].startswith("‹") or labels[-1].endswith("›")
                assert everything or marked, labels


async def test_a_night_of_races_fits_at_the_smallest_sizes() -> None:
    document = encode_ap(national(races=60, counties=4))
    for size in [(60, 20), (80, 24), (120, 40)]:
        app, source, _ = scripted_board(document, adapter=ApAdapter(), still=True)
        async with app.run_test(size=size) as pilot:
            await polled_until_shown(app, 1)
            await pilot.press("2")
            await settled(pilot)
            text = screen_text(app)
            assert cut_panels(app) == [], text
            assert footer_words(app) == []
            assert "of 60 races called" in text
            lines = text.splitlines()
            titles = next(line for line in lines if "Race" in line and "Margin" in line)
            first = next(line for line in lines if "▸" in line)  # the race under the cursor
            margin = re.search(r"[+-]\d+\.\d", first)
            assert margin is not None and titles.index("Margin") + 6 == margin.end(), text


async def test_help_shows_its_last_line_at_80_by_24_and_the_minimum() -> None:
    async with board_showing(night(), size=(80, 24), wall=False, still=True) as (app, *_, pilot):
        for size in [(80, 24), (60, 20)]:
            await pilot.resize_terminal(*size)
            await pilot.press("question_mark")
            await settled(pilot)
            lines = screen_text(app).splitlines()
            close = next(line for line in lines if "to close" in line)
            assert "escape, q or ? to close" in close
            assert "more below" in close  # the tables scroll: it says which way
            assert lines.index(close) == len(lines) - 2  # over the help's bottom border
            await pilot.press("end")
            await settled(pilot)
            assert "more above" in screen_text(app)
            await pilot.press("escape")


async def test_below_the_minimum_only_terminal_too_small_shows() -> None:
    async with board_showing(night(), size=(80, 24), wall=False, still=True) as (app, *_, pilot):
        for modal in ["", "question_mark"]:  # the board, and the help over it
            for width, height in [(59, 20), (60, 19), (20, 5)]:
                if modal:
                    await pilot.resize_terminal(80, 24)
                    await pilot.press(modal)
                await pilot.resize_terminal(width, height)
                await settled(pilot)
                words = [line.strip() for line in screen_text(app).splitlines() if line.strip()]
                expected = f"terminal too small — need 60×20 (now {width}×{height})"
                if width >= len(expected):
                    assert words == [expected]
                else:  # wrapped onto lines of its own, and nothing else
                    assert " ".join(words) == expected
                if modal:
                    await pilot.resize_terminal(80, 24)
                    await pilot.press("escape")


async def test_the_wall_shows_its_rows_whole_or_says_how_many_more() -> None:
    async with board_showing(night(), size=(160, 50), wall=True, still=True) as (app, *_, pilot):
        for size in [(80, 24), (160, 50), (200, 60)]:
            await pilot.resize_terminal(*size)
            await settled(pilot)
            await async_wait_for(lambda: app.screen.has_class("-wall"), "the wall")
            text = screen_text(app)
            rows = shown(app, "WallRow")
            assert all(drawn_whole(app, row) for row in rows)
            if len(rows) < ROWS:
                assert f"+ {ROWS - len(rows)} more parties" in text, text
            assert footer_words(app) == []
