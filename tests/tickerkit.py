"""Provides what the ticker tests share: `TickerApp` (a `CountingTicker` on a hand-moved clock,
`p` pausing it), and reading it: `line`, `step` (move the clock, read the line), `pages`,
`run_paged`, `news`."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.cells import cell_len
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.geometry import Region

from tests.boardkit import MonotonicClock
from widgets.ticker import Ticker, TickerItem

__all__ = ["WIDTH", "CountingTicker", "TickerApp", "line", "news", "pages", "run_paged", "step"]

WIDTH = 120


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
        self.clock = MonotonicClock()
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
    """News items keyed `keys`, each reading "item KEY"."""
    return [TickerItem.news(key, f"item {key}") for key in keys]


def pages(app: TickerApp, count: int, page_seconds: float = 6.0) -> list[str]:
    """The items shown on the next `count` pages (paging mode), by text."""
    shown = [line(app.ticker).strip()]
    for _ in range(count - 1):
        shown.append(step(app, page_seconds).strip())
    return shown


async def run_paged(
    batches: Sequence[list[TickerItem]], count: int, **options: object
) -> list[str]:
    """Add `batches` in turn to a paging ticker; the next `count` pages, by text."""
    app = TickerApp(animations=False, **options)
    async with app.run_test(size=(WIDTH, 5)) as pilot:
        for batch in batches:
            app.ticker.add_items(batch)
        await pilot.pause()
        return pages(app, count)
