"""Provides `BoardState`: everything the board is showing and why, as one frozen value.

The app holds one `BoardState` and replaces it on every event — a poll's
outcome, a key, a click, a clock tick — through the pure transitions below,
then pushes it down to the widgets (`board/screen.py`). Nothing here touches
Textual, so every rule is tested as a plain function with a fixed clock
(`tests/test_board_state.py`, `tests/test_state.py`):

- a poll's outcome (`apply_outcome`): a new snapshot is shown, or held while
  frozen; an unchanged poll refreshes the timing; a failure keeps the last
  good figures and names the fault;
- freeze (`freeze`, `unfreeze`): the display holds, updates are counted, and
  unfreezing shows the newest;
- the contest on screen (`select`, `select_id`, `step_contest`), with a "●"
  for contests whose figures changed while another was selected (`unseen`);
- the poll interval (`step_interval`), the ticker (`toggle_ticker`), the
  table's sort (`cycle_sort`);
- wall mode (`toggle_wall`, `resized`: the rule is `board/wall.py`'s);
- the state word at a moment (`state_word`, from `FeedStatus.state`);
- the producer's desk (`desk`, `board/desk.py`): alerts on a change of control
  (raised by every snapshot received, frozen or not; `acknowledge`), the
  summary said on unfreezing, and the moments the feed does not time.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime

from board.desk import Desk
from board.present import SORTS, SortKey
from board.race_views import RaceNight, display_items
from board.status import (
    STALE_AFTER_INTERVALS,
    FeedState,
    FeedStatus,
    Mode,
    ago,
    clock_time,
    refusal,
)
from board.summary import NOTHING, summary_forms
from board.wall import WallSwitch
from feeds.contests import Contest
from feeds.models import Feed
from feeds.source import Changed, Failed, PollOutcome, Snapshot

__all__ = [
    "INTERVAL_STEPS",
    "STALE_AFTER_INTERVALS",
    "BoardState",
    "FeedState",
    "FeedStatus",
    "Mode",
    "ago",
    "clock_time",
]

INTERVAL_STEPS = (1.0, 2.0, 3.0, 5.0, 10.0, 15.0, 30.0, 60.0)
"""The poll intervals `+` and `-` step through, in seconds."""


@dataclass(frozen=True)
class BoardState:
    """What the board shows, and why; each transition returns a new value."""

    feed: FeedStatus = field(default_factory=FeedStatus)
    """The poll history: timing, error, standing problems."""
    shown: Snapshot | None = None
    """The snapshot on screen (None before the first good poll)."""
    pending: Snapshot | None = None
    """The newest snapshot held back by a freeze."""
    frozen: bool = False
    """The producer froze the display for on-air; polling continues."""
    waiting: int = 0
    """Newer snapshots received while frozen."""
    contest_id: str | None = None
    """The contest the producer chose (None: the feed's first)."""
    unseen: frozenset[str] = frozenset()
    """Contests whose figures changed while another was on screen (marked "●")."""
    ticker_paused: bool = False
    """The producer paused the ticker."""
    sorts: tuple[tuple[str, SortKey], ...] = ()
    """The producer's sort for each contest kind that has one; unlisted kinds: their default."""
    desk: Desk = field(default_factory=Desk)
    """Alerts waiting, what unfreezing said, moments first seen (`board/desk.py`)."""
    wall: WallSwitch = field(default_factory=WallSwitch)
    """Wall mode: the producer's choice and the terminal's size (`board/wall.py`)."""
    race_id: str | None = None
    """The race opened from the races overview (None: the overview itself)."""

    @classmethod
    def start(
        cls,
        *,
        mode: Mode,
        source: str,
        interval: float,
        wall: bool | None = None,
        awaited: str = FeedStatus.awaited,
    ) -> BoardState:
        """The board before its first poll (`wall`: `--wall` True, `--no-wall` False;
        `awaited`: what the source's first figures are called, `Adapter.awaited`)."""
        status = FeedStatus(mode=mode, source=source, interval=interval, awaited=awaited)
        return cls(status, wall=WallSwitch(wall))

    # -- what is on screen -------------------------------------------------------------------

    @property
    def size(self) -> tuple[int, int]:
        """The terminal's size (columns, rows) as last told (`resized`; (0, 0) before)."""
        return self.wall.size

    @property
    def items(self) -> list[Contest | RaceNight]:
        """What the tabs show: each contest, and every race of the night as one tab."""
        return [] if self.shown is None else display_items(self.shown.feed.contests)

    @property
    def selected(self) -> Contest | RaceNight | None:
        """The contest (or the night's races) on screen, or None before the first snapshot."""
        items = self.items
        return next((i for i in items if i.id == self.contest_id), items[0] if items else None)

    @property
    def selected_index(self) -> int:
        """The selected tab's place (0 before the first snapshot)."""
        selected = self.selected
        return 0 if selected is None else [i.id for i in self.items].index(selected.id)

    @property
    def open_race(self) -> str | None:
        """The race opened from the overview, while the races are on screen and it exists."""
        selected = self.selected
        if not isinstance(selected, RaceNight) or self.race_id is None:
            return None
        return self.race_id if selected.race(self.race_id) is not None else None

    def sort_for(self, kind: str) -> SortKey | None:
        """The sort of a kind's table (None: the kind has no sortable table)."""
        if kind not in SORTS:
            return None
        return dict(self.sorts).get(kind, SORTS[kind][0])

    @property
    def nothing_yet(self) -> bool:
        """Polls succeed but nothing has come to show (an empty PA folder, a source whose
        first answers carry no figures): never LIVE over nothing."""
        return self.shown is None and self.pending is None

    def state_word(self, now: datetime) -> FeedState:
        """The feed's state word at `now` (LIVE, STALE, ERROR, …); CONNECTING until there are
        figures to show, whatever the polls say."""
        word = self.feed.state(now)
        if self.nothing_yet and word in (FeedState.LIVE, FeedState.DEMO, FeedState.REPLAY):
            return FeedState.CONNECTING
        return word

    # -- polls -------------------------------------------------------------------------------

    def apply_outcome(
        self, outcome: PollOutcome, now: datetime, *, finished: bool = False
    ) -> BoardState:
        """The board after a poll finished at `now` (`finished`: a replay at its end)."""
        if isinstance(outcome, Failed):
            return replace(
                self,
                feed=self.feed.with_poll(
                    now, ok=False, error=outcome.error.summary, reason=refusal(outcome.error)
                ),
            )
        newest = outcome.snapshot if isinstance(outcome, Changed) else self.pending or self.shown
        upstream = None if newest is None else newest.feed.upstream
        if upstream is not None and upstream.state == "failing":
            # The relay serves its last good figures: as stale as a failed poll's, failing
            # since the relay's time (one time on the line, not the relay's and the board's).
            error = f"relay's source failing: {upstream.error or 'no answer'}"
            since = None if upstream.since is None else upstream.since.astimezone(now.tzinfo)
            polled = self.feed.with_poll(now, ok=False, error=error, since=since)
        else:
            polled = self.feed.with_poll(now, ok=True)
        feed = replace(polled, finished=finished, problems=outcome.problems)
        state = replace(self, feed=feed)
        if not isinstance(outcome, Changed):
            return state
        before = self.pending or self.shown
        desk = self.desk.received(
            None if before is None else before.feed, outcome.snapshot.feed, frozen=self.frozen
        )
        state = replace(state, desk=desk)
        if self.frozen:
            return replace(state, pending=outcome.snapshot, waiting=self.waiting + 1)
        return state._show(outcome.snapshot, now)

    def failed_to_show(self, now: datetime) -> BoardState:
        """The board after a poll whose outcome could not be shown (a display bug)."""
        return replace(self, feed=self.feed.with_poll(now, ok=False, error="display error"))

    def scheduled(self, next_poll: datetime) -> BoardState:
        """The board with its next poll due at `next_poll`."""
        return replace(self, feed=replace(self.feed, next_poll=next_poll))

    def _show(self, snapshot: Snapshot, now: datetime) -> BoardState:
        """Put `snapshot` on screen: contests that changed off screen are marked unseen."""
        items = display_items(snapshot.feed.contests)
        ids = {item.id: item for item in items}
        selected = ids.get(self.contest_id or "", items[0])
        unseen = {contest_id for contest_id in self.unseen if contest_id in ids}
        if self.shown is not None:
            before = {item.id: item for item in self.items}
            unseen |= {item.id for item in items if item.id in before and before[item.id] != item}
        new = snapshot.feed
        old = None if self.shown is None else self.shown.feed
        # A republication with the same figures (a relay saying its source failed, a new
        # sequence or publication time alone) is not a change of what the board shows.
        changed = old is None or _shown_part(old) != _shown_part(new)
        feed = replace(
            self.feed,
            last_change=now if changed else self.feed.last_change,
            published_at=new.published_at,
            sequence=new.sequence,
            warnings=snapshot.warnings,
        )
        return replace(self, shown=snapshot, feed=feed, unseen=frozenset(unseen - {selected.id}))

    # -- the producer's keys -----------------------------------------------------------------

    def freeze(self) -> BoardState:
        """Hold the display; later snapshots wait (and are counted)."""
        return self if self.frozen else replace(self, frozen=True, waiting=0)

    def unfreeze(self, now: datetime) -> BoardState:
        """Release the display, showing the newest snapshot that waited."""
        if not self.frozen:
            return self
        summary: tuple[str, ...] = (NOTHING,)
        if self.pending is not None and self.shown is not None:
            summary = summary_forms(self.shown.feed, self.pending.feed)
        desk = self.desk.released(summary, now)
        state = replace(self, frozen=False, waiting=0, pending=None, desk=desk)
        return state if self.pending is None else state._show(self.pending, now)

    def acknowledge(self) -> BoardState:
        """`a`: the alert on the banner acknowledged (the next one shows)."""
        return replace(self, desk=self.desk.acknowledged())

    def acknowledge_all(self) -> BoardState:
        """`A`: every alert on the banner acknowledged."""
        return replace(self, desk=self.desk.acknowledged_all())

    def toggle_freeze(self, now: datetime) -> BoardState:
        """`f`: freeze, or unfreeze and show the newest."""
        return self.unfreeze(now) if self.frozen else self.freeze()

    def select(self, index: int) -> BoardState:
        """Show the tab at `index` (0-based); out of range changes nothing."""
        items = self.items
        if not 0 <= index < len(items):
            return self
        return self.select_id(items[index].id)

    def select_id(self, contest_id: str) -> BoardState:
        """Show the tab with this id (its "●" goes); an id not on screen changes nothing."""
        if all(item.id != contest_id for item in self.items):
            return self
        return replace(self, contest_id=contest_id, unseen=self.unseen - {contest_id})

    def step_contest(self, step: int) -> BoardState:
        """Show the next (`step` 1) or previous (-1) tab, wrapping round."""
        items = self.items
        if not items:
            return self
        return self.select((self.selected_index + step) % len(items))

    def open(self, race_id: str) -> BoardState:
        """Open one race of the night (its tab selected); a race not in the feed: nothing."""
        night = next((i for i in self.items if isinstance(i, RaceNight)), None)
        if night is None or night.race(race_id) is None:
            return self
        return replace(self.select_id(night.id), race_id=race_id)

    def close_race(self) -> BoardState:
        """Back from one race to the overview."""
        return replace(self, race_id=None)

    def step_interval(self, step: int) -> BoardState:
        """Poll less (`step` 1) or more (-1) often, along `INTERVAL_STEPS`."""
        current = self.feed.interval
        index = min(range(len(INTERVAL_STEPS)), key=lambda i: abs(INTERVAL_STEPS[i] - current))
        index = max(0, min(len(INTERVAL_STEPS) - 1, index + step))
        return replace(self, feed=replace(self.feed, interval=INTERVAL_STEPS[index]))

    def toggle_ticker(self) -> BoardState:
        """Pause or resume the ticker."""
        return replace(self, ticker_paused=not self.ticker_paused)

    def cycle_sort(self) -> BoardState:
        """The selected contest's table sorted by the next of its kind's sorts (wrapping round);
        unchanged when it has no sortable table."""
        contest = self.selected
        current = None if contest is None else self.sort_for(contest.kind)
        if contest is None or current is None:
            return self
        sorts = SORTS[contest.kind]
        chosen = sorts[(sorts.index(current) + 1) % len(sorts)]
        others = tuple((kind, sort) for kind, sort in self.sorts if kind != contest.kind)
        return replace(self, sorts=(*others, (contest.kind, chosen)))

    def toggle_wall(self) -> BoardState:
        """`w`: wall mode off if on, on if off (the producer's choice stands)."""
        return replace(self, wall=self.wall.toggled())

    def resized(self, width: int, height: int) -> BoardState:
        """The board on a terminal of `width`×`height` (wall mode may switch by itself)."""
        wall = self.wall.resized(width, height)
        return self if wall is self.wall else replace(self, wall=wall)


def _shown_part(feed: Feed) -> tuple[object, ...]:
    """What of a feed the board shows as figures and words: its "last change" is when this did."""
    return (feed.title, feed.test, feed.contests, feed.updates)
