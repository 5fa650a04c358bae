"""Property tests: every widget renders arbitrary (sanitised) feed text literally, never failing.

For any string, once cleaned by `feeds.text.clean_text` as the parser does,
the party table's name, a declaration's area, a ticker item and the status
bar's title render without raising; the rendered cells hold no control
character; and markup in the text shows as typed (never styled, never an
action).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, datetime

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from textual.geometry import Region
from textual.widget import Widget

from feeds.text import clean_text
from tests.boardkit import WidgetApp
from tests.hostile import HOSTILE
from widgets.declarations import DeclarationLine, DeclarationList
from widgets.party_table import PartyLine, PartyTable
from widgets.status_bar import Chip, StatusBar, StatusView
from widgets.ticker import Ticker, TickerItem

CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069]")
MARKUP = "[]/@=$\\#:;bilk ."
"""Characters markup is made of: texts drawn from them try to be markup."""

texts = st.one_of(
    st.text(max_size=60),
    st.text(alphabet=MARKUP, max_size=40),
    st.sampled_from(sorted(HOSTILE.values())),
    st.builds("".join, st.lists(st.sampled_from(sorted(HOSTILE.values())), max_size=3)),
).map(lambda text: clean_text(text, 80))

PROPS = settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


async def rendered(
    widget: Widget,
    size: tuple[int, int] = (120, 6),
    setup: Callable[[], object] | None = None,
) -> str:
    """The text of every cell `widget` renders, line by line, in a running app.

    `setup` runs once the widget is mounted (for widgets that take data only then).
    """
    app = WidgetApp(widget)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        if setup is not None:
            setup()
            await pilot.pause()
        lines = []
        for node in [widget, *widget.walk_children(Widget)]:
            region = Region(0, 0, node.size.width, node.size.height)
            lines += ["".join(s.text for s in strip) for strip in node.render_lines(region)]
        return "\n".join(lines)


def check(text: str, screen: str, room: int) -> None:
    """No control character on screen; markup shown as typed (its first `room` cells)."""
    assert not CONTROL.search(screen.replace("\n", "")), repr(screen)
    if text.isascii() and text.strip():
        assert text[:room].rstrip() in screen, (text, screen)


@PROPS
@given(name=texts)
async def test_party_table_shows_any_name_literally(name: str) -> None:
    table = PartyTable()
    table.update_lines([PartyLine(key="P", name=name, councils=1, seats=2)])
    check(name, await rendered(table), 20)


@PROPS
@given(area=texts)
async def test_declaration_list_shows_any_area_literally(area: str) -> None:
    declarations = DeclarationList()
    moment = datetime(2016, 5, 6, 3, 12, tzinfo=UTC)
    declarations.show([DeclarationLine("k", moment, area, "LAB lose to NOC", True)])
    check(area, await rendered(declarations), 20)


@PROPS
@given(text=texts, speaker=texts, role=texts, outlet=texts)
async def test_ticker_item_renders_any_quote_literally(
    text: str, speaker: str, role: str, outlet: str
) -> None:
    item = TickerItem.quote("q", text, speaker or "x", role, outlet)
    plain = item.content.plain
    assert not CONTROL.search(plain)
    for part in (text, role, outlet):
        assert part in plain
    ticker = Ticker()
    ticker.add_items([item, TickerItem.news("n", text)])
    screen = await rendered(ticker)
    assert not CONTROL.search(screen)


@PROPS
@given(title=texts)
async def test_status_bar_shows_any_title_literally(title: str) -> None:
    bar = StatusBar()

    def set_title() -> None:
        bar.view = StatusView(title=title, chips=(Chip("● LIVE", "live"),), times=("times",))

    check(title, await rendered(bar, setup=set_title), 40)
