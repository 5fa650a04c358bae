"""Provides what many tests share: a scripted source, clocks moved by hand, screen reading.

`ScriptedSource` is a real `FeedSource` whose `fetch()` waits for the test to
hand it bytes (or a `FeedError`), so each poll's outcome goes through the same
parsing and sequence rules as in production, and the test decides when.
Feed documents come from `sample_feeds.factory`.
"""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from textual.app import App, ComposeResult
from textual.pilot import Pilot
from textual.widget import Widget

from feeds import FeedError, FeedSource, RawDocument
from sample_feeds.factory import encode
from tests.waiting import async_wait_for

if TYPE_CHECKING:
    from board.app import ResultsBoard


class ManualClock:
    """A clock the test moves by hand."""

    def __init__(self, start: datetime | None = None) -> None:
        self.now = start or datetime(2026, 11, 27, 21, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


class MonotonicClock:
    """A monotonic clock (float seconds) the test moves by hand: `advance`, or set `now`."""

    def __init__(self, now: float = 1000.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


class ScriptedSource(FeedSource):
    """A source whose every fetch waits for the test to push bytes, None, or an error."""

    def __init__(self) -> None:
        super().__init__()
        self.queue: asyncio.Queue[bytes | FeedError | None] = asyncio.Queue()
        self.fetches = 0
        self.closed = False
        self.done = False

    @property
    def description(self) -> str:
        return "scripted test source"

    @property
    def finished(self) -> bool:
        return self.done

    def push(self, item: bytes | dict[str, Any] | FeedError | None) -> None:
        self.queue.put_nowait(encode(item) if isinstance(item, dict) else item)

    async def fetch(self) -> list[RawDocument] | None:
        item = await self.queue.get()
        self.fetches += 1
        if isinstance(item, FeedError):
            raise item
        return None if item is None else [RawDocument("scripted", item)]

    async def aclose(self) -> None:
        self.closed = True


W = TypeVar("W", bound=Widget)


class WidgetApp(App[None], Generic[W]):
    """One widget on an otherwise empty screen, for the widget's own Pilot tests."""

    def __init__(self, widget: W) -> None:
        super().__init__()
        self.widget = widget

    def compose(self) -> ComposeResult:
        yield self.widget


def screen_text(app: App[Any]) -> str:
    """Everything on screen as plain text (via the SVG export's text)."""
    from rich.console import Console

    console = Console(width=app.size.width, record=True, file=open("/dev/null", "w"))  # noqa: SIM115
    console.print(app.screen._compositor.render_update(full=True))  # type: ignore[attr-defined]
    return console.export_text()


async def screen_after(pilot: Pilot[Any], *keys: str) -> str:
    """Press `keys`, let the app settle, and read the screen."""
    await pilot.press(*keys)
    await pilot.pause()
    return screen_text(pilot.app)


async def polled_until_shown(app: ResultsBoard, sequence: int) -> None:
    """Wait until the board shows the document of `sequence` or a later one, polling at once
    rather than every interval: for tests that push several documents and care about what is
    shown, not about when polls come (each pushed document is one poll)."""

    def on_screen() -> bool:
        if app.state.shown is not None and app.state.shown.feed.sequence >= sequence:
            return True
        app.poller.wake()
        return False

    await async_wait_for(on_screen, f"sequence {sequence} on screen")


async def shown_sequence(app: ResultsBoard, sequence: int) -> None:
    """Wait until the board shows the document of `sequence`."""
    await async_wait_for(
        lambda: app.state.shown is not None and app.state.shown.feed.sequence == sequence,
        f"sequence {sequence} on screen",
    )
