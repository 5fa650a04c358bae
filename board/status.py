"""Provides `FeedStatus`: the feed's poll history as data, and its state word at a moment.

Each poll is recorded here (inside `BoardState`, `board/state.py`); the words
for it are in `board/look.py`. Nothing here touches Textual, so the rules
("STALE after three missed intervals", "a failed poll is not a good poll")
are tested as plain functions with a fixed clock.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Literal

from feeds.errors import FeedError, FeedInvalid
from feeds.text import clean_text

__all__ = [
    "REASON_CHARS", "STALE_AFTER_INTERVALS", "FeedState", "FeedStatus", "Mode", "ago",
    "clock_time", "feed_time", "refusal",
]  # fmt: skip

Mode = Literal["live", "demo", "replay"]

STALE_AFTER_INTERVALS = 3
"""Data is STALE once this many poll intervals pass without a successful poll."""


class FeedState(StrEnum):
    """The word the status bar shows for the feed."""

    CONNECTING = "CONNECTING"
    LIVE = "LIVE"
    DEMO = "DEMO"
    REPLAY = "REPLAY"
    STALE = "STALE"
    ERROR = "ERROR"


@dataclass(frozen=True)
class FeedStatus:
    """Everything the status bar says about the feed; one value replaces the last."""

    mode: Mode = "live"
    """How the board is fed: a live source, the bundled demo, or a recording."""
    source: str = ""
    """Where the feed comes from, safe to show."""
    awaited: str = "the first figures from"
    """What a good poll with nothing to show waits for, before `source` (`Adapter.awaited`)."""
    interval: float = 5.0
    """Seconds between polls when all is well."""
    last_poll: datetime | None = None
    """When the last poll finished, whatever its outcome."""
    last_success: datetime | None = None
    """When a poll last succeeded (a 304 counts): the last *good* poll, the one the board
    shows; a failed poll is not one."""
    failing_since: datetime | None = None
    """When the current run of failed polls began; None after a success."""
    last_change: datetime | None = None
    """When the figures on screen last changed."""
    published_at: datetime | None = None
    """The shown document's own `published_at`."""
    sequence: int | None = None
    """The shown document's `sequence`."""
    error: str | None = None
    """Plain words for the last poll's failure; None after a success."""
    reason: str | None = None
    """Why the last poll's document was refused, sanitised ("row 6, Councils: Total 21 is not
    the sum of the other rows (22)"): shown after the error, cut to the width. None after a
    success and for failures whose words say it all ("HTTP 503")."""
    next_poll: datetime | None = None
    """When the next poll is due."""
    warnings: tuple[str, ...] = ()
    """Inconsistencies in the shown document (accepted, but worth a look)."""
    problems: tuple[str, ...] = ()
    """Standing faults beside good figures (a malformed file in a PA folder), from the source."""
    finished: bool = False
    """A replay reached its last document and holds it."""

    def state(self, now: datetime) -> FeedState:
        """The feed's state word at `now`."""
        reference = self.last_success
        if reference is not None:
            limit = timedelta(seconds=self.interval * STALE_AFTER_INTERVALS)
            if now - reference > limit and not self.finished:
                return FeedState.STALE
        if self.error is not None:
            return FeedState.ERROR
        if reference is None:
            return FeedState.CONNECTING
        return {"live": FeedState.LIVE, "demo": FeedState.DEMO, "replay": FeedState.REPLAY}[
            self.mode
        ]

    def with_poll(
        self,
        now: datetime,
        *,
        ok: bool,
        error: str | None = None,
        reason: str | None = None,
        since: datetime | None = None,
    ) -> FeedStatus:
        """This status after a poll finished at `now`; `since`: when the failure began, where
        another clock knows better (a relay's own source failing: the relay's time)."""
        if ok:
            return replace(
                self, last_poll=now, last_success=now, error=None, reason=None, failing_since=None
            )
        since = since or self.failing_since or now
        return replace(
            self, last_poll=now, error=error or "feed error", reason=reason, failing_since=since
        )

    def waiting_words(self) -> str:
        """What the board waits for while its polls succeed with nothing to show: "waiting for
        PA's first files in /srv/pa-mirror"."""
        return f"waiting for {self.awaited} {self.source}".rstrip()

    def error_words(self, now: datetime) -> str | None:
        """The failure and the retry, e.g. "HTTP 503 — retrying in 8 s"."""
        if self.error is None:
            return None
        if self.next_poll is None:
            return self.error
        seconds = max(0, round((self.next_poll - now).total_seconds()))
        return f"{self.error} — retrying in {seconds} s" if seconds else f"{self.error} — retrying"


def clock_time(moment: datetime | None) -> str:
    """HH:MM:SS in the moment's own offset, or "--:--:--"."""
    return moment.strftime("%H:%M:%S") if moment is not None else "--:--:--"


def feed_time(moment: datetime | None, now: datetime, *, received: bool = False) -> str:
    """The feed's time as the status bar says it: "19:20" today (in `now`'s time zone, the
    board's), "2016-08-31 19:20" on another day — a document of years ago must not read as
    minutes old; with `received` (the feed's `time_basis`: the publisher gave no time, the
    ingest stamped it) "received 19:17". The time is in the moment's own offset."""
    if moment is None:
        return "--:--"
    words = f"{moment:%H:%M}"
    if moment.astimezone(now.tzinfo).date() != now.date():
        words = f"{moment:%Y-%m-%d} {words}"
    return f"received {words}" if received else words


def ago(moment: datetime | None, now: datetime) -> str:
    """ "4 s ago", "3 min ago", "2 h ago"; "never" for None."""
    if moment is None:
        return "never"
    seconds = max(0, int((now - moment).total_seconds()))
    if seconds < 120:
        return f"{seconds} s ago"
    if seconds < 2 * 3600:
        return f"{seconds // 60} min ago"
    return f"{seconds // 3600} h ago"


REASON_CHARS = 300
"""The most characters of a refused document's reason kept (the status line cuts to width)."""


def refusal(error: FeedError) -> str | None:
    """Why a document was refused, sanitised, for the status line after the error's summary:
    the first problem of an invalid feed (JSON, CSV, PA or AP: `FeedInvalid.detail`, which
    may quote the feed); None when the summary says it all (HTTP 503, a timeout)."""
    if not isinstance(error, FeedInvalid) or not error.detail:
        return None
    return clean_text(error.detail, REASON_CHARS) or None
