"""Provides `ResultsBoard`, the Textual app, and `create_app`/`run_board`, its one factory.

The app holds one `BoardState` (`board/state.py`) and replaces it on every
event, through its pure transitions: a poll's outcome (from the `Poller`'s
one exclusive worker, `board/polling.py`), a key (`board/keys.py`), a click
on a tab, and the one clock, which ticks once a second so that "n s ago",
STALE and the retry countdown stay true. After each change `Display.push`
(`board/display.py`) hands the widgets their views. The terminal watch
(signals and hang-ups: `board/exits.py`, `board/driver.py`'s `SafeExits`; stdin:
`board/terminal.py`); screenshots in `board/screenshots.py`. The CLI, the tests and
the snapshot tests all build the board through `create_app`.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path
from typing import ClassVar, TypedDict, Unpack

from textual import events, work
from textual.app import ComposeResult, SystemCommand
from textual.binding import BindingType
from textual.screen import Screen

from board.alerts import AlertRule
from board.commands import bindings, palette_commands
from board.contest_view import ContestView
from board.desk import DEFAULT_TICKER_MAX_AGE, Desk
from board.desk_actions import DeskActions
from board.display import Display
from board.driver import SafeExits
from board.help import HelpScreen
from board.keys import footer_ranks
from board.layout import MIN_SIZE, TALL, WIDE
from board.look import theme_variables
from board.polling import Poller
from board.present import SORT_WORDS
from board.race_views import RaceNight
from board.screenshots import save_svg
from board.sizing import SizeWatch
from board.state import BoardState, Mode
from board.terminal import hung_up, no_echo, quiet_stdin_if_not_a_terminal, terminal_fd
from feeds import FeedSource, PollOutcome
from widgets.alert_banner import AlertBanner
from widgets.contest_tabs import ContestTabs
from widgets.key_footer import KeyFooter
from widgets.race_overview import RaceOverview
from widgets.status_bar import StatusBar
from widgets.ticker import Ticker
from widgets.wall import Wall

__all__ = ["MIN_SIZE", "BoardOptions", "ResultsBoard", "create_app", "run_board"]

TICKER_CELLS_PER_SECOND = 8.0
"""A readable pace; moved two cells a frame (4 frames/s) to halve the bytes on the wire."""


class ResultsBoard(DeskActions, SafeExits):
    """A live election-results board; its keys are `board.keys.KEYS` (the desk's: `DeskActions`)."""

    CSS_PATH = ["board.tcss", "wall.tcss"]  # noqa: RUF012 - Textual's API
    TITLE = "results-board"
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (WIDE, "-wide")]  # noqa: RUF012 - Textual's API
    VERTICAL_BREAKPOINTS = [(0, "-short"), (TALL, "-tall")]  # noqa: RUF012 - Textual's API
    BINDINGS: ClassVar[list[BindingType]] = bindings()

    def __init__(
        self,
        source: FeedSource,
        *,
        mode: Mode = "live",
        interval: float = 5.0,
        clock: Callable[[], datetime] | None = None,
        screenshot_dir: Path | None = None,
        display_only: bool = False,
        wall: bool | None = None,
        bell: bool = False,
        alert_rule: AlertRule | None = None,
        ticker_max_age: timedelta | None = DEFAULT_TICKER_MAX_AGE,
    ) -> None:
        super().__init__()
        self.source = source
        """Where snapshots come from."""
        self.clock = clock or (lambda: datetime.now().astimezone())
        """The board's one clock: poll times, "n s ago", STALE."""
        self.state = replace(
            BoardState.start(
                mode=mode,
                source=source.description,
                interval=interval,
                wall=wall,
                awaited=source.adapter.awaited,
            ),
            desk=Desk(rule=alert_rule or AlertRule(), ticker_max_age=ticker_max_age),
        )
        """What the board shows and why; replaced whole by every transition."""
        self.poller = Poller(source, self.clock)
        """The polling loop, run by the app's one worker."""
        self._screenshot_dir = screenshot_dir
        self.display_only = display_only
        """No keyboard (standard input is not a terminal): no key footer is shown."""
        self._widgets = Display(self, bell=bell)
        self._sizes = SizeWatch(self, lambda w, h: self.set_state(self.state.resized(w, h)))

    def compose(self) -> ComposeResult:
        yield StatusBar(id="status")
        yield AlertBanner(id="alert")
        yield ContestTabs(id="contests")
        yield ContestView(id="main")
        yield Wall(id="wall")
        yield Ticker(cells_per_second=TICKER_CELLS_PER_SECOND, cells_per_frame=2, id="ticker")
        if not self.display_only:
            yield KeyFooter(footer_ranks())
        yield self._sizes.message()

    def get_theme_variable_defaults(self) -> dict[str, str]:
        """The states' colours (`$state-live`, …: `board/look.py`) beside Textual's variables."""
        return {**super().get_theme_variable_defaults(), **theme_variables()}

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        """Textual's commands (themes, quit, …) and the board's own (`board/commands.py`)."""
        yield from super().get_system_commands(screen)
        yield from palette_commands(self.state, self.run_action)

    def on_mount(self) -> None:
        self._sizes.mounted()
        self.call_after_refresh(self.tick)  # in case the screen was not composed yet
        self.set_interval(1.0, self.tick)
        self.remember_loop()
        self.poll_forever()

    # -- the state -----------------------------------------------------------------------------

    def set_state(self, state: BoardState) -> None:
        """Replace the board's state and show it."""
        races = any(isinstance(item, RaceNight) for item in state.items)
        changed = races != any(isinstance(item, RaceNight) for item in self.state.items)
        self.state = state
        self._widgets.push(state, self.clock())
        if changed:  # `/` comes (or goes) with a night of races
            self.refresh_bindings()

    def tick(self) -> None:
        """The one clock: once a second the words that depend on the time are recomputed."""
        self._widgets.push(self.state, self.clock())

    @work(exclusive=True, exit_on_error=False, group="poll", name="poll")
    async def poll_forever(self) -> None:
        """Poll the source until the app exits; every outcome becomes board state."""
        await self.poller.run(self.poll_done)

    def poll_done(self, outcome: PollOutcome, now: datetime) -> float:
        """Apply a poll's outcome; return the seconds until the next poll."""
        try:
            state = self.state.apply_outcome(outcome, now, finished=self.source.finished)
        except Exception as error:  # a display bug must not stop polling
            self.log.error("could not apply poll outcome", error)
            state = self.state.failed_to_show(now)
        delay = self.source.next_delay(state.feed.interval)
        try:
            self.set_state(state.scheduled(now + timedelta(seconds=delay)))
        except Exception as error:
            self.log.error("could not show poll outcome", error)
            self.state = state.failed_to_show(now)
        return delay

    # -- events --------------------------------------------------------------------------------

    def on_contest_tabs_chosen(self, event: ContestTabs.Chosen) -> None:
        self.set_state(self.state.select_id(event.key))

    def on_race_overview_opened(self, event: RaceOverview.Opened) -> None:
        self.set_state(self.state.open(event.key))
        self.refresh_bindings()

    def on_resize(self, event: events.Resize) -> None:
        self._sizes.resize(event.size.width, event.size.height)

    async def on_unmount(self) -> None:
        await self.source.aclose()

    # -- actions (the keys: board/keys.py) ------------------------------------------------------

    def action_toggle_ticker(self) -> None:
        """Pause or resume the ticker."""
        self.set_state(self.state.toggle_ticker())

    def action_toggle_freeze(self) -> None:
        """Freeze the display for on-air; unfreezing applies the newest snapshot."""
        self.set_state(self.state.toggle_freeze(self.clock()))

    def action_poll_now(self) -> None:
        """Poll at once instead of waiting for the interval."""
        self.poller.wake()

    def action_cycle_sort(self) -> None:
        """Sort the table on screen by the next of its sorts."""
        state = self.state.cycle_sort()
        contest = state.selected
        sort = None if contest is None else state.sort_for(contest.kind)
        self.set_state(state)
        if sort is not None:
            self.notify(f"Sorted by {SORT_WORDS[sort]}", timeout=2)
        elif contest is not None:
            self.notify("This contest has one order: most votes first", timeout=2)

    def action_interval(self, step: int) -> None:
        """Step the poll interval up (+1) or down (-1)."""
        self.set_state(self.state.step_interval(step))
        self.notify(f"Polling every {self.state.feed.interval:g} s", timeout=2)
        self.poller.wake()

    def action_select_contest(self, index: int) -> None:
        """Show the contest at `index` (0-based)."""
        self.set_state(self.state.select(index))

    def action_next_contest(self, step: int = 1) -> None:
        """Show the next (step 1) or previous (step -1) contest, wrapping round."""
        self.set_state(self.state.step_contest(step))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """esc (back to all races) only with a race open; the desk's rules (`DeskActions`)."""
        if action == "close_race":
            return self.state.open_race is not None
        return super().check_action(action, parameters)

    def action_close_race(self) -> None:
        """Back from one race to the races overview."""
        self.set_state(self.state.close_race())
        self.refresh_bindings()

    def action_save_screenshot(self) -> None:
        """Save an SVG of the screen and say where it went."""
        words, severity = save_svg(self, self._screenshot_dir)
        self.notify(words, severity=severity, markup=False, timeout=6)

    def action_toggle_wall(self) -> None:
        """Wall mode on or off (the leading figures in big digits, `board/wall.py`)."""
        self.set_state(self.state.toggle_wall())

    def action_help(self) -> None:
        """Show the keys."""
        self.push_screen(HelpScreen())


class BoardOptions(TypedDict, total=False):
    """What `create_app` passes on to `ResultsBoard` besides the source."""

    mode: Mode
    interval: float
    clock: Callable[[], datetime] | None
    screenshot_dir: Path | None
    display_only: bool
    wall: bool | None
    bell: bool
    alert_rule: AlertRule | None
    ticker_max_age: timedelta | None


def create_app(source: FeedSource, **options: Unpack[BoardOptions]) -> ResultsBoard:
    """Build the board: the one factory used by the CLI, the tests and the snapshot tests."""
    return ResultsBoard(source, **options)


def run_board(source: FeedSource, **options: Unpack[BoardOptions]) -> int:
    """Run the board in this terminal until the producer quits; return the exit code.

    Signals and a terminal that goes away end it with their codes, in time
    (`board/exits.py`); with standard input closed or not a terminal it runs
    display-only (`board/terminal.py`). `wall`: `--wall` True, `--no-wall` False, else by size.
    """
    from board.exits import ExitGuard

    drawn_on = terminal_fd()
    quiet_input = quiet_stdin_if_not_a_terminal()
    app = create_app(source, **(options | {"display_only": quiet_input is not None}))
    with (
        ExitGuard(app.request_exit, terminal_fd=drawn_on) as guard,
        no_echo(drawn_on if quiet_input is not None else None),
    ):
        try:
            app.run()
        finally:
            if quiet_input is not None:
                os.close(quiet_input)
    if guard.code is not None:  # a signal or a hang-up asked first: its code, whatever the
        return guard.code  # app made of a terminal that was gone (a failed start-up is 1)
    if drawn_on is not None and hung_up(drawn_on):
        return 129  # the terminal went before anything noticed
    return app.return_code or 0
