"""Provides `ResultsBoard`, the Textual app, and `create_app`/`run_board`, its one factory.

The app owns one polling worker (exclusive, never exits on error) that turns
every outcome of `FeedSource.poll()` into board state: a new snapshot is
shown, an unchanged poll refreshes the timing, a failure leaves the last good
figures on screen and names the fault. The CLI, the tests and the snapshot
tests all build the board through `create_app`.
"""

from __future__ import annotations

import asyncio
import functools
import os
import sys
import time
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path
from typing import TextIO

from textual import events, work
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.driver import Driver
from textual.drivers.linux_driver import LinuxDriver
from textual.timer import Timer
from textual.widgets import Footer, Static, Tab, Tabs

from board.contest_view import ContestView
from board.help import HelpScreen
from board.state import FeedState, FeedStatus, Mode
from board.views import (
    ticker_items,
)
from feeds import Changed, Contest, Failed, Feed, FeedSource, PollOutcome, Snapshot
from widgets.status_bar import StatusBar
from widgets.ticker import Ticker

__all__ = ["MIN_SIZE", "ResultsBoard", "create_app", "run_board"]

MIN_SIZE = (60, 20)
"""Below this the board shows "terminal too small" instead of a garbled layout."""

TICKER_CELLS_PER_SECOND = 8.0
"""A readable pace; moved two cells a frame (4 frames/s) to halve the bytes on the wire."""

POLL_LOG_ENV = "RESULTS_BOARD_POLL_LOG"
"""Environment variable naming a file to log poll times to (for the benchmark)."""

RESIZE_SETTLE = 0.25
"""Seconds without a resize after which the screen is laid out anew."""

INTERVAL_STEPS = (1.0, 2.0, 3.0, 5.0, 10.0, 15.0, 30.0, 60.0)
"""The poll intervals `+` and `-` step through."""


class ResultsBoard(App[int]):
    """A live election-results board.

    | Key | Action |
    | :- | :- |
    | q | Quit |
    | p | Pause or resume the ticker |
    | f | Freeze the display for on-air (polling continues); again to apply the newest |
    | r | Poll now |
    | s | Cycle the table's sort |
    | + / - | Longer / shorter poll interval |
    | 1–9, tab, shift+tab | Choose a contest |
    | c | Save an SVG screenshot |
    | ? | Help |
    """

    CSS_PATH = "board.tcss"
    TITLE = "results-board"
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-wide")]  # noqa: RUF012 - Textual's API
    VERTICAL_BREAKPOINTS = [(0, "-short"), (30, "-tall")]  # noqa: RUF012 - Textual's API
    BINDINGS = [  # noqa: RUF012 - Textual's API
        Binding("q", "quit", "Quit"),
        Binding("p", "toggle_ticker", "Ticker"),
        Binding("f", "toggle_freeze", "Freeze"),
        Binding("r", "poll_now", "Poll now"),
        Binding("s", "cycle_sort", "Sort"),
        Binding("plus", "interval(1)", "Interval", key_display="+/-"),
        Binding("minus", "interval(-1)", "Interval", show=False),
        Binding("c", "save_screenshot", "Screenshot"),
        Binding("question_mark", "help", "Help", key_display="?"),
        *(Binding(str(n), f"select_contest({n - 1})", show=False) for n in range(1, 10)),
        Binding("tab", "next_contest(1)", "Contest", show=False, priority=True),
        Binding("shift+tab", "next_contest(-1)", "Contest", show=False, priority=True),
    ]

    def __init__(
        self,
        source: FeedSource,
        *,
        mode: Mode = "live",
        interval: float = 5.0,
        clock: Callable[[], datetime] | None = None,
        screenshot_dir: Path | None = None,
    ) -> None:
        super().__init__()
        self.source = source
        """Where snapshots come from."""
        self._clock = clock or (lambda: datetime.now().astimezone())
        self._screenshot_dir = screenshot_dir
        self._wake = asyncio.Event()
        self.status = FeedStatus(mode=mode, source=source.description, interval=interval)
        """What the status bar reports; replaced whole after every poll."""
        self.shown: Snapshot | None = None
        """The snapshot on screen."""
        self.pending: Snapshot | None = None
        """The newest snapshot held back by a freeze."""
        self.contest_id: str | None = None
        """The selected contest's id (None: the first)."""
        self._seen: dict[str, Contest] = {}
        self._unseen: set[str] = set()
        self._auto_activated: str | None = None
        self._settle: Timer | None = None
        self._loop_for_exit: asyncio.AbstractEventLoop | None = None

    # -- composition -------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield StatusBar(clock=self._clock, id="status")
        yield Tabs(id="contests")
        yield ContestView(id="main")
        yield Ticker(cells_per_second=TICKER_CELLS_PER_SECOND, cells_per_frame=2, id="ticker")
        yield Footer()
        yield Static("", id="too-small", markup=False)

    def on_mount(self) -> None:
        self._push_status(self.status)
        self._check_size(self.size.width, self.size.height)
        self._loop_for_exit = asyncio.get_running_loop()
        self.poll_forever()

    # -- polling -------------------------------------------------------------------------------

    @work(exclusive=True, exit_on_error=False, group="poll", name="poll")
    async def poll_forever(self) -> None:
        """Poll the source until the app exits; every outcome becomes board state.

        With `RESULTS_BOARD_POLL_LOG=path` set, each poll appends "scheduled,started"
        monotonic seconds to that file: how late polling runs (on a slow link, say).
        """
        log = _open_poll_log()
        scheduled = time.monotonic()
        while True:
            if log is not None:
                log.write(f"{scheduled:.6f},{time.monotonic():.6f}\n")
            outcome = await self.source.poll()
            now = self._clock()
            try:
                status = self.apply_outcome(outcome, now)
            except Exception as error:  # a display bug must not stop polling
                self.log.error("could not show poll outcome", error)
                status = self.status.with_poll(now, ok=False, error="display error")
            delay = self.source.next_delay(status.interval)
            # One status per poll: the bar recomputes once, with the retry time already known.
            self._push_status(replace(status, next_poll=now + timedelta(seconds=delay)))
            scheduled = time.monotonic() + delay
            self._wake.clear()
            try:
                async with asyncio.timeout(delay):
                    await self._wake.wait()
            except TimeoutError:
                pass

    def apply_outcome(self, outcome: PollOutcome, now: datetime) -> FeedStatus:
        """Show a new snapshot (unless frozen); return the status this poll leaves behind."""
        status = self.status
        if isinstance(outcome, Failed):
            return status.with_poll(now, ok=False, error=outcome.error.summary)
        status = status.with_poll(now, ok=True)
        status = replace(status, finished=self.source.finished, problems=outcome.problems)
        if isinstance(outcome, Changed):
            if status.frozen:
                self.pending = outcome.snapshot
                status = replace(status, waiting=status.waiting + 1)
            else:
                self.show_snapshot(outcome.snapshot)
                status = self._status_for(status, outcome.snapshot, now)
        return status

    def _status_for(self, status: FeedStatus, snapshot: Snapshot, now: datetime) -> FeedStatus:
        feed = snapshot.feed
        return replace(
            status,
            last_change=now,
            published_at=feed.published_at,
            sequence=feed.sequence,
            warnings=snapshot.warnings,
        )

    def show_snapshot(self, snapshot: Snapshot) -> None:
        """Put a snapshot on screen; only what changed is redrawn."""
        self.shown = snapshot
        feed = snapshot.feed
        with self.batch_update():
            self.query_one(StatusBar).title = feed.title
            self._sync_tabs(feed)
            self._show_contest(feed)
            self.query_one(Ticker).add_items(ticker_items(feed.updates))

    def _selected(self, feed: Feed) -> int:
        ids = [contest.id for contest in feed.contests]
        return ids.index(self.contest_id) if self.contest_id in ids else 0

    def _show_contest(self, feed: Feed) -> None:
        contest = feed.contests[self._selected(feed)]
        self._unseen.discard(contest.id)
        self.query_one(ContestView).show(contest)

    def _sync_tabs(self, feed: Feed) -> None:
        """Keep one tab per contest, changing only what differs (tabs are removed lazily).

        A contest whose figures changed while another was selected gets a "●"
        on its tab until it is selected.
        """
        selected_id = feed.contests[self._selected(feed)].id
        for contest in feed.contests:
            previous = self._seen.get(contest.id)
            if previous is not None and previous != contest and contest.id != selected_id:
                self._unseen.add(contest.id)
            self._seen[contest.id] = contest
        tabs = self.query_one(Tabs)
        wanted = {
            f"contest-{c.id}": f"{n}  {c.title}" + (" ●" if c.id in self._unseen else "")
            for n, c in enumerate(feed.contests, 1)
        }
        for tab in list(tabs.query(Tab)):
            if tab.id not in wanted:
                tabs.remove_tab(tab)
        have = {tab.id: tab for tab in tabs.query(Tab)}
        empty = tabs.tab_count == 0
        for tab_id, label in wanted.items():
            if tab_id not in have:
                if empty:
                    self._auto_activated, empty = tab_id, False
                tabs.add_tab(Tab(Content(label), id=tab_id))
            elif have[tab_id].label.plain != label:
                have[tab_id].label = Content(label)
        tabs.display = len(wanted) > 1
        selected = f"contest-{selected_id}"
        if tabs.active != selected and selected in have:
            with tabs.prevent(Tabs.TabActivated):  # our own change: no echo to act on later
                tabs.active = selected

    def on_tabs_tab_activated(self, event: Tabs.TabActivated) -> None:
        if event.tab is None or event.tab.id is None or self.shown is None:
            return
        if event.tab.id == self._auto_activated:
            # Tabs activates its first tab by itself once mounted; the producer's choice stands.
            self._auto_activated = None
            self._sync_tabs(self.shown.feed)
            return
        if event.tab.id != self.query_one(Tabs).active:
            return  # overtaken by a later change
        contest_id = event.tab.id.removeprefix("contest-")
        if contest_id != self.contest_id:
            self.contest_id = contest_id
            self._show_contest(self.shown.feed)
            self._sync_tabs(self.shown.feed)

    # -- status ------------------------------------------------------------------------------

    def _push_status(self, status: FeedStatus) -> None:
        self.status = status
        for bar in self.query(StatusBar):  # none before compose
            bar.status = status

    def on_status_bar_state_changed(self, event: StatusBar.StateChanged) -> None:
        stale = event.state in (FeedState.STALE, FeedState.ERROR)
        self.query_one("#main").set_class(stale and self.shown is not None, "-stale")

    def on_resize(self, event: events.Resize) -> None:
        self._check_size(event.size.width, event.size.height)
        # After a storm of resizes Textual could leave the contest view blank until the next
        # one (found by the e2e resize storm): once the size settles, lay the screen out anew.
        if self._settle is not None:
            self._settle.stop()
        self._settle = self.set_timer(RESIZE_SETTLE, self._after_resize)

    def _after_resize(self) -> None:
        self._settle = None
        if not self.screen_stack:  # the app is shutting down
            return
        self._check_size(self.size.width, self.size.height)
        self.screen.refresh(layout=True, repaint=True)

    def _check_size(self, width: int, height: int) -> None:
        min_width, min_height = MIN_SIZE
        too_small = width < min_width or height < min_height
        self.screen.set_class(too_small, "-too-small")
        if too_small:
            message = f"terminal too small — need {min_width}×{min_height} (now {width}×{height})"
            self.query_one("#too-small", Static).update(message)

    # -- actions -----------------------------------------------------------------------------

    def request_exit(self, code: int) -> bool:
        """Ask the running app to leave with `code`, from any thread or a signal handler.

        Returns False when the app is not running (nothing to ask).
        """
        loop = self._loop_for_exit
        if loop is None or loop.is_closed():
            return False
        try:
            loop.call_soon_threadsafe(functools.partial(self.exit, return_code=code))
        except RuntimeError:
            return False
        return True

    def action_toggle_ticker(self) -> None:
        """Pause or resume the ticker."""
        ticker = self.query_one(Ticker)
        ticker.paused = not ticker.paused
        self.query_one(StatusBar).set_ticker_paused(ticker.paused)

    def action_toggle_freeze(self) -> None:
        """Freeze the display for on-air; unfreezing applies the newest snapshot."""
        status = self.status
        if not status.frozen:
            self._push_status(replace(status, frozen=True, waiting=0))
            return
        pending, self.pending = self.pending, None
        status = replace(status, frozen=False, waiting=0)
        if pending is not None:
            self.show_snapshot(pending)
            status = self._status_for(status, pending, self._clock())
        self._push_status(status)

    def action_poll_now(self) -> None:
        """Poll at once instead of waiting for the interval."""
        self._wake.set()

    def action_cycle_sort(self) -> None:
        """Cycle the visible table's sort."""
        key = self.query_one(ContestView).cycle_sort()
        if key is not None:
            self.notify(f"Sorted by {key.replace('_', ' ')}", timeout=2)

    def action_interval(self, step: int) -> None:
        """Step the poll interval up (+1) or down (-1)."""
        current = self.status.interval
        index = min(range(len(INTERVAL_STEPS)), key=lambda i: abs(INTERVAL_STEPS[i] - current))
        index = max(0, min(len(INTERVAL_STEPS) - 1, index + step))
        self._push_status(replace(self.status, interval=INTERVAL_STEPS[index]))
        self.notify(f"Polling every {INTERVAL_STEPS[index]:g} s", timeout=2)
        self._wake.set()

    def action_select_contest(self, index: int) -> None:
        """Show the contest at `index` (0-based)."""
        if self.shown is not None and index < len(self.shown.feed.contests):
            self.contest_id = self.shown.feed.contests[index].id
            self._show_contest(self.shown.feed)
            self._sync_tabs(self.shown.feed)

    def action_next_contest(self, step: int = 1) -> None:
        """Show the next (step 1) or previous (step -1) contest, wrapping round."""
        if self.shown is not None:
            contests = self.shown.feed.contests
            self.action_select_contest((self._selected(self.shown.feed) + step) % len(contests))

    def action_save_screenshot(self) -> None:
        """Save an SVG of the screen and say where it went."""
        if self.is_web:  # serve-web: the viewer's browser downloads it; the server's disk is shared
            self.deliver_screenshot()
            return
        directory = self._screenshot_dir or Path.cwd()
        try:
            path = self.save_screenshot(path=str(directory))
        except OSError as error:
            self.notify(f"Screenshot failed: {error.strerror}", severity="error", markup=False)
        else:
            self.notify(f"Screenshot saved to {path}", markup=False, timeout=6)

    def action_help(self) -> None:
        """Show the keys."""
        self.push_screen(HelpScreen())

    async def on_unmount(self) -> None:
        await self.source.aclose()

    def get_driver_class(self) -> type[Driver]:
        """Textual's driver; on Linux one that cannot hang on a terminal that went away."""
        driver_class = super().get_driver_class()
        if driver_class is LinuxDriver:
            from board.driver import SafeLinuxDriver

            return SafeLinuxDriver
        return driver_class


def create_app(
    source: FeedSource,
    *,
    mode: Mode = "live",
    interval: float = 5.0,
    clock: Callable[[], datetime] | None = None,
    screenshot_dir: Path | None = None,
) -> ResultsBoard:
    """Build the board: the one factory used by the CLI, the tests and the snapshot tests."""
    return ResultsBoard(
        source, mode=mode, interval=interval, clock=clock, screenshot_dir=screenshot_dir
    )


def run_board(source: FeedSource, *, mode: Mode, interval: float) -> int:
    """Run the board in this terminal until the producer quits; return the exit code.

    With standard input closed or not a terminal (a wall display started by a
    service, `< /dev/null`), the board runs display-only: Textual's input
    thread would spin at end-of-file, so it is given a pipe that never
    delivers instead. SIGTERM and SIGHUP still end it cleanly.

    Under textual-serve (`serve-web`) standard input is not a terminal either,
    but it is the web driver's channel for keys, browser resizes and "quit":
    it is kept. Replaced, keys and resizes went unheard and a closed tab left
    its board running, blocked writing to a full pipe.
    """
    from board.exits import ExitGuard

    app = create_app(source, mode=mode, interval=interval)
    with ExitGuard(app.request_exit, terminal_fd=_terminal_fd()) as guard:
        quiet_input = None if _web_driver() else _quiet_stdin_if_not_a_terminal()
        try:
            app.run()
        finally:
            if quiet_input is not None:
                os.close(quiet_input)
    return app.return_code or guard.code or 0


def _open_poll_log() -> TextIO | None:
    """The poll log named by `RESULTS_BOARD_POLL_LOG`, line-buffered, or None."""
    path = os.environ.get(POLL_LOG_ENV)
    if not path:
        return None
    try:
        return open(path, "a", buffering=1, encoding="ascii")
    except OSError:
        return None


def _terminal_fd() -> int | None:
    """The file descriptor Textual draws on (standard error, else output), if a terminal."""
    for stream in (sys.__stderr__, sys.__stdout__):
        try:
            if stream is not None and os.isatty(stream.fileno()):
                return stream.fileno()
        except (OSError, ValueError):
            continue
    return None


def _web_driver() -> bool:
    """True when Textual will run on its web driver (textual-serve sets `TEXTUAL_DRIVER`)."""
    return "web_driver" in os.environ.get("TEXTUAL_DRIVER", "")


def _quiet_stdin_if_not_a_terminal() -> int | None:
    """Replace a non-terminal stdin with a silent pipe; return the pipe's write end to keep."""
    try:
        if os.isatty(0):
            return None
    except OSError:
        pass
    read_end, write_end = os.pipe()
    os.dup2(read_end, 0)
    os.close(read_end)
    return write_end
