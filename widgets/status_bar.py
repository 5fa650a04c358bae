"""Provides `StatusBar`: the night's title, the feed's state in words, and how current it is.

Two parts so that the once-a-second "n s ago" redraws one line, not the bar:
the headline (title, DEMO badge, state chips) changes only when the state
does; the timing line (last poll, last change, published, error) is the only
thing a clock tick repaints.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from textual.app import ComposeResult
from textual.content import Content
from textual.message import Message
from textual.reactive import reactive
from textual.timer import Timer
from textual.widget import Widget

from board.state import FeedState, FeedStatus, ago, clock_time

__all__ = ["StatusBar"]

_CHIP_STYLE = {
    FeedState.CONNECTING: "bold reverse $text-muted",
    FeedState.LIVE: "bold reverse $success",
    FeedState.DEMO: "bold reverse $accent",
    FeedState.REPLAY: "bold reverse $accent",
    FeedState.STALE: "bold reverse $warning",
    FeedState.ERROR: "bold reverse $error",
}
_CHIP_GLYPH = {
    FeedState.CONNECTING: "◌",
    FeedState.LIVE: "●",
    FeedState.DEMO: "▶",
    FeedState.REPLAY: "▶",
    FeedState.STALE: "◷",
    FeedState.ERROR: "✖",
}


class Headline(Widget):
    """Title on the left; DEMO badge and state chips on the right."""

    DEFAULT_CSS = """
    Headline { height: 1; }
    """

    title: reactive[str] = reactive("")
    """The night's title (untrusted feed text, shown literally)."""
    state: reactive[FeedState] = reactive(FeedState.CONNECTING)
    """The feed's state word."""
    demo: reactive[bool] = reactive(False)
    """Show the unmistakable DEMO · sample data badge."""
    frozen_waiting: reactive[int | None] = reactive[int | None](None)
    """None when not frozen; otherwise updates waiting behind the freeze."""
    ticker_paused: reactive[bool] = reactive(False)
    """The ticker is paused."""

    def render(self) -> Content:
        right: list[str | tuple[str, str]] = []
        if self.frozen_waiting is not None:
            waiting = self.frozen_waiting
            noun = "update" if waiting == 1 else "updates"
            right += [(f" ❄ FROZEN · {waiting} {noun} waiting ", "bold reverse $warning"), " "]
        if self.ticker_paused:
            right += [(" ❚❚ PAUSED ", "bold reverse $secondary"), " "]
        if self.demo:
            right += [(" DEMO · sample data ", "bold reverse $accent"), " "]
        state = self.state
        if not (self.demo and state is FeedState.DEMO):
            right.append((f" {_CHIP_GLYPH[state]} {state.value} ", _CHIP_STYLE[state]))
        elif right and right[-1] == " ":
            right.pop()
        chips = Content.assemble(*right)
        room = max(0, self.size.width - chips.cell_length - 1)
        title = Content.styled(self.title, "bold").truncate(room, ellipsis=True, pad=True)
        return Content.assemble(title, " ", chips)


class Timing(Widget):
    """Last poll, last change and published times, and the reason for any error."""

    DEFAULT_CSS = """
    Timing { height: auto; color: $text-muted; }
    Timing .-error { color: $error; }
    """

    status: reactive[FeedStatus] = reactive(FeedStatus, repaint=False)
    """What to report."""
    now: reactive[datetime | None] = reactive[datetime | None](None, repaint=False)
    """The clock, advanced once a second by the bar."""

    _shown: Content = Content("")

    def watch_status(self) -> None:
        self._update()

    def watch_now(self) -> None:
        self._update()

    def on_resize(self) -> None:
        self._update()

    def _update(self) -> None:
        """Repaint only when the words change (polls and ticks come several times a second;
        each repaint is a line on the wire), and relayout only when the line count does."""
        content = self._content()
        if content != self._shown:
            lines_changed = content.plain.count("\n") != self._shown.plain.count("\n")
            self._shown = content
            self.refresh(layout=lines_changed)

    def render(self) -> Content:
        return self._shown

    def _content(self) -> Content:
        status, now = self.status, self.now
        if now is None:
            return Content("")
        width = self.size.width
        times = self._times(status, now, ("Last poll ", "Last change ", "Published "), " · every ")
        if times.cell_length > width:
            times = self._times(status, now, ("Poll ", "Change ", "Feed "), " · every ")
        if times.cell_length > width:
            times = self._times(status, now, ("Poll ", "Change ", "Feed "), " · ")
        lines = [times]
        error = status.error_words(now)
        if error is not None:
            lines.append(Content.assemble(("⚠ ", "bold $error"), (error, "bold $error")))
        elif status.problems:
            more = f" (+{len(status.problems) - 1} more)" if len(status.problems) > 1 else ""
            problem = Content(status.problems[0] + more).truncate(max(10, width - 2), ellipsis=True)
            lines.append(Content.assemble(("⚠ ", "bold $warning"), problem))
        elif status.finished:
            lines.append(Content.styled("Replay ended — holding the final figures", "bold"))
        return Content("\n").join(lines)

    @staticmethod
    def _times(
        status: FeedStatus, now: datetime, labels: tuple[str, str, str], every: str
    ) -> Content:
        poll, change, published = labels
        return Content.assemble(
            poll,
            clock_time(status.last_poll),
            f" ({ago(status.last_poll, now)}) · {change}",
            clock_time(status.last_change),
            f" ({ago(status.last_change, now)}) · {published}",
            clock_time(status.published_at),
            f"{every}{status.interval:g} s",
        )


class StatusBar(Widget):
    """The top of the board: headline and timing, ticked once a second."""

    DEFAULT_CSS = """
    StatusBar { height: auto; }
    """

    status: reactive[FeedStatus] = reactive(
        FeedStatus, repaint=False
    )  # the bar draws nothing itself: a repaint would redraw both lines every tick
    """The feed's status; set by the board after every poll."""
    title: reactive[str] = reactive("", repaint=False)
    """The night's title from the feed."""

    class StateChanged(Message):
        """Posted when the feed's state word changes (e.g. LIVE to STALE)."""

        def __init__(self, state: FeedState) -> None:
            super().__init__()
            self.state = state
            """The new state."""

    def __init__(
        self,
        *,
        clock: Callable[[], datetime] | None = None,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self._clock = clock or (lambda: datetime.now().astimezone())
        self._state: FeedState | None = None
        self._ticker: Timer | None = None

    def compose(self) -> ComposeResult:
        yield Headline()
        yield Timing()

    def on_mount(self) -> None:
        self.tick()
        self._ticker = self.set_interval(1.0, self.tick)

    def watch_status(self) -> None:
        self.tick()
        # The clock ticks one second after the last poll, not at its own phase: a poll and a
        # tick half a second apart would repaint the timing line twice a second.
        if self._ticker is not None:
            self._ticker.reset()

    def watch_title(self, title: str) -> None:
        if self.is_mounted:
            self.query_one(Headline).title = title

    def tick(self) -> None:
        """Advance the clock: recompute the state and the "ago" times."""
        if not self.is_mounted:
            return
        now = self._clock()
        status = self.status
        headline = self.query_one(Headline)
        headline.title = self.title
        headline.state = state = status.state(now)
        headline.demo = status.mode == "demo"
        headline.frozen_waiting = status.waiting if status.frozen else None
        timing = self.query_one(Timing)
        timing.status = status
        timing.now = now
        if state is not self._state:
            self._state = state
            for feed_state in FeedState:
                self.set_class(state is feed_state, f"-{feed_state.value.lower()}")
            self.post_message(self.StateChanged(state))

    def set_ticker_paused(self, paused: bool) -> None:
        """Show or hide the PAUSED chip."""
        self.query_one(Headline).ticker_paused = paused
