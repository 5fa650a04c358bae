"""Provides `Desk`: the producer's desk inside the board state — alerts waiting, moments seen.

A frozen value kept in `BoardState.desk` and changed only by its pure
transitions, which `BoardState` calls (`board/state.py`):

- `received(before, after, frozen=…)`: a new snapshot arrived (shown, or held by
  a freeze). Its news that the rule alerts on (a change of control, a race
  called, a call retracted, a runoff: `board/alerts.py`) is added — to
  `waiting` (the banner's, newest first), or to `held` while the display is
  frozen, so the banner does not change on air; `raised` counts every alert
  ever (the bell rings when it grows). A waiting alert whose news the feed no
  longer has (a corrected result, a call retracted) is withdrawn. Moments whose
  time the feed does not give are stamped with the first publication that
  showed them (`seen`).
- `released(summary)`: the freeze ended: held alerts join the banner's, and
  the summary of what changed is kept in `said` for the board to say.
- `acknowledged()`: the producer acknowledged the alert on the banner (`a`):
  it goes and the next unacknowledged shows; `acknowledged_all()` (`A`):
  every alert on the banner goes. Alerts still held by a freeze stay.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta

from board.alerts import Alert, AlertRule, alerts_of, new_alerts
from board.moments import inexact_keys
from feeds.models import Feed
from widgets.desk_views import BannerView

__all__ = ["BANNER_HINT", "DEFAULT_TICKER_MAX_AGE", "SAID_FOR", "Desk"]

SAID_FOR = timedelta(seconds=8)
"""How long the status bar says what changed while frozen: long enough to read it on air,
short enough not to stand for news after the next declaration."""

DEFAULT_TICKER_MAX_AGE = timedelta(minutes=30)
"""Ticker items older than this fade; older than twice this they leave."""

BANNER_HINT = "a acknowledge · A all · m moments"
"""The keys the banner names."""

NAMED = 4
"""How many other unacknowledged areas the banner names before "…"."""


@dataclass(frozen=True)
class Desk:
    """Alerts waiting to be acknowledged, and what the board must remember of the night."""

    rule: AlertRule = field(default_factory=AlertRule)
    """Which changes of control alert."""
    ticker_max_age: timedelta | None = DEFAULT_TICKER_MAX_AGE
    """Ticker items older than this fade, older than twice this leave (None: never)."""
    waiting: tuple[Alert, ...] = ()
    """Unacknowledged alerts on the banner, newest first."""
    held: tuple[Alert, ...] = ()
    """Alerts that arrived while the display was frozen (counted in the FROZEN chip)."""
    raised: int = 0
    """Every alert raised so far: the bell rings when it grows."""
    seen: tuple[tuple[str, datetime], ...] = ()
    """Moments the feed gives no time for, and the publication that first showed each."""
    said: tuple[str, ...] = ()
    """What changed while frozen, said when the freeze ended, in one line's forms from the
    longest to the shortest (`board/summary.py`; (): nothing to say)."""
    said_at: datetime | None = None
    """When the freeze ended: the status bar says `said` for `SAID_FOR` from then."""

    def received(self, before: Feed | None, after: Feed, *, frozen: bool) -> Desk:
        """The desk after snapshot `after` arrived (`before`: the newest one before it)."""
        new = tuple(alert for alert in new_alerts(before, after) if self.rule.alerts(alert))
        current = {alert.key for alert in alerts_of(after)}

        def stands(alert: Alert) -> bool:  # a retraction is news of a change, not of a state
            return alert.kind == "retracted" or alert.key in current

        waiting = tuple(alert for alert in self.waiting if stands(alert))
        held = tuple(alert for alert in self.held if stands(alert))
        if frozen:
            held = _newest_first(new + held)
        else:
            waiting = _newest_first(new + waiting)
        known = dict(self.seen)
        seen = self.seen + tuple(
            (key, after.published_at) for key in inexact_keys(after) if key not in known
        )
        return replace(self, waiting=waiting, held=held, raised=self.raised + len(new), seen=seen)

    def released(self, summary: tuple[str, ...], now: datetime) -> Desk:
        """The freeze ended at `now`: held alerts go on the banner; `summary` is to be said."""
        waiting = _newest_first(self.held + self.waiting)
        return replace(self, waiting=waiting, held=(), said=summary, said_at=now)

    def saying(self, now: datetime) -> tuple[str, ...]:
        """The summary the status bar says at `now` (for `SAID_FOR` after unfreezing), or ()."""
        if self.said_at is None or not timedelta(0) <= now - self.said_at < SAID_FOR:
            return ()
        return self.said

    def acknowledged(self) -> Desk:
        """`a`: the alert on the banner acknowledged; the next unacknowledged takes its place
        (the banner counts one fewer)."""
        return replace(self, waiting=self.waiting[1:])

    def acknowledged_all(self) -> Desk:
        """`A`: every alert on the banner acknowledged (held ones stay until the freeze ends)."""
        return replace(self, waiting=())

    @property
    def banner(self) -> BannerView | None:
        """The banner: the newest alert waiting and the others, counted and named; None when
        nothing waits."""
        if not self.waiting:
            return None
        newest, others = self.waiting[0], self.waiting[1:]
        names = tuple(alert.area for alert in others[:NAMED])
        names += ("…",) if len(others) > NAMED else ()
        return BannerView(newest.text, newest.contest, len(self.waiting), names, BANNER_HINT)

    @property
    def unacknowledged(self) -> tuple[Alert, ...]:
        """Every alert not yet acknowledged: on the banner, then held, newest first."""
        return _newest_first(self.waiting + self.held)


def _newest_first(alerts: tuple[Alert, ...]) -> tuple[Alert, ...]:
    """Newest first, each change once."""
    unique = {alert.key: alert for alert in reversed(alerts)}
    return tuple(sorted(unique.values(), key=lambda alert: alert.declared_at, reverse=True))
