"""Provides `watch_plain`: the board as plain text, printed again whenever the figures change.

For terminals that cannot draw the board (`TERM=dumb`: an editor's shell, a
log, a serial console) and for `--plain`: the same polling, state and text as
`results-board snapshot`, printed once per change with the time, and one line
per change of fault. Each new alert (a change of control, a race called, a
call retracted, a runoff: `board/alerts.py`, under the desk's `--alerts`
options) is one line after the figures, once, oldest first: "21:04:10 ALERT
✔ CALLED 21:04 AZ President · Ada Quill (Dem)". No escape sequence is ever
written.
"""

from __future__ import annotations

import asyncio
import sys
from datetime import datetime

from board.alerts import Alert, AlertRule, new_alerts
from board.plain import render_snapshot
from board.status import refusal
from feeds.models import Feed
from feeds.source import Changed, Failed, FeedSource

__all__ = ["watch_plain"]


def watch_plain(
    source: FeedSource,
    *,
    interval: float,
    label: str = "",
    width: int = 80,
    rule: AlertRule | None = None,
) -> int:
    """Poll `source` until it is finished or interrupted; print each new feed. Returns 0.

    `label` heads every printing ("DEMO · sample data", "REPLAY"): sample or
    recorded figures must never pass for live ones, in plain text either.
    `rule`: which news is said as an alert line (default: all; the first feed
    is the night so far, never an alert).

    Raises:
        KeyboardInterrupt: Ctrl+C (the command line turns it into exit code 130).
    """
    return asyncio.run(_watch(source, interval, label, width, rule or AlertRule()))


def alert_line(alert: Alert, now: str) -> str:
    """One alert as plain mode prints it: "21:04:10 ALERT ✔ CALLED 21:04 AZ President · …"
    (`now`: when it arrived), with its contest where it has one."""
    contest = f" — {alert.contest}" if alert.contest else ""
    return f"{now} ALERT {alert.text}{contest}"


async def _watch(
    source: FeedSource, interval: float, label: str, width: int, rule: AlertRule
) -> int:
    last_error: str | None = None
    before: Feed | None = None
    try:
        while True:
            outcome = await source.poll()
            now = f"{datetime.now().astimezone():%H:%M:%S}"
            if isinstance(outcome, Changed):
                last_error = None
                feed = outcome.snapshot.feed
                head = f"── {now} · sequence {feed.sequence}" + (f" · {label} " if label else " ")
                print(head + "─" * max(0, width - len(head)))
                sys.stdout.write(render_snapshot(feed, width=width))
                for problem in outcome.problems:
                    print(f"problem: {problem}")
                for alert in reversed(new_alerts(before, feed)):
                    if rule.alerts(alert):
                        print(alert_line(alert, now))
                before = feed
            elif isinstance(outcome, Failed) and str(outcome.error) != last_error:
                last_error = str(outcome.error)
                reason = refusal(outcome.error)
                words = outcome.error.summary + (f": {reason}" if reason else "")
                print(f"{now} poll failed: {words} — the last figures stand")
            sys.stdout.flush()
            if source.finished:
                return 0
            await asyncio.sleep(source.next_delay(interval))
    finally:
        await source.aclose()
