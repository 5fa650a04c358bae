"""Provides the board's look at a moment: its state in words, glyphs and colours, for the widgets.

`status_view(state, now)` words the status bar (chips, the last *good* poll,
the error, standing problems); `tab_lines(state)` labels the contest tabs;
`panel_mark(state, now)` says whether every panel must be marked stale or
failing. Nothing here imports Textual.

Each state has a look no other state shares, in every terminal:

| state | chip | colour (truecolor → 16 colours) |
|---|---|---|
| CONNECTING | `◌ CONNECTING` | grey → white |
| LIVE | `● LIVE` | green → bright green |
| DEMO | `▶ DEMO · sample data` | blue → bright blue |
| REPLAY | `↻ REPLAY` | teal → cyan |
| STALE | `◷ STALE` | amber → bright yellow |
| ERROR | `✖ ERROR` | red → bright red |
| FROZEN | `❄ FROZEN · n updates waiting` | ice → bright cyan |
| PAUSED | `❚❚ PAUSED` | slate → bright black |
| TEST | `▚ TEST DATA ▚` (also before the title) | magenta → bright magenta |

The glyph and the word carry the meaning without colour (`NO_COLOR`: chips
are reversed, in greys). The colours are theme variables (`$state-live`, …,
`STATE_COLOURS`), fixed across themes so that TEST data never looks like
anything else; `tests/test_looks.py` checks that no two share a colour in
truecolor or in 16 colours.
"""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from board.alerts import counted
from board.present import TEST_WORDS
from board.state import BoardState, FeedState, ago, clock_time
from board.status import feed_time
from feeds.adapter import Note
from widgets.views import Chip, StatusLine, StatusView, TabLine, Tone

__all__ = [
    "CHIP_WORDS",
    "STATE_COLOURS",
    "STATUS_WORDS",
    "chips",
    "panel_mark",
    "status_view",
    "tab_lines",
    "theme_variables",
]

STATE_COLOURS: dict[Tone, str] = {
    "connecting": "#808080",
    "live": "#4ebf71",
    "demo": "#3080f0",
    "replay": "#00b0b0",
    "stale": "#f0c000",
    "error": "#e05050",
    "frozen": "#80d0ff",
    "paused": "#6c6c6c",
    "test": "#e040e0",
}
"""Each state's colour. Chosen so that Rich's 16-colour downgrade (`TERM=xterm`,
`TEXTUAL_COLOR_SYSTEM=standard`) maps no two to the same colour."""

CHIP_WORDS: dict[FeedState, str] = {
    FeedState.CONNECTING: "◌ CONNECTING",
    FeedState.LIVE: "● LIVE",
    FeedState.DEMO: "▶ DEMO · sample data",
    FeedState.REPLAY: "↻ REPLAY",
    FeedState.STALE: "◷ STALE",
    FeedState.ERROR: "✖ ERROR",
}
"""The state chip's words, glyph first."""

STATE_TONES: dict[FeedState, Tone] = {
    FeedState.CONNECTING: "connecting",
    FeedState.LIVE: "live",
    FeedState.DEMO: "demo",
    FeedState.REPLAY: "replay",
    FeedState.STALE: "stale",
    FeedState.ERROR: "error",
}
"""The look of each state word."""

STATUS_WORDS: tuple[tuple[str, str], ...] = (
    ("`LIVE` / `DEMO` / `REPLAY`", "the last poll succeeded; figures are current"),
    (
        "`CONNECTING`",
        "nothing to show yet: no good poll, or the source answers but has sent no figures "
        '("waiting for PA\'s first files in /srv/pa-mirror")',
    ),
    (
        "`ERROR`",
        'the last poll failed; the reason and the retry are shown ("HTTP 503 — retrying in '
        '8 s"; a refused document adds its first problem: "invalid feed — retrying in 4 s · '
        'row 6, Councils: Total 21 is not the sum of the other rows (22)"); the last good '
        "figures stay, every panel marked with a heavy bar",
    ),
    (
        "`STALE`",
        "no good poll for three intervals; the last good figures stay, every panel dimmed "
        "and marked with a dashed bar",
    ),
    ("`FROZEN`", "the producer froze the display; updates are counted"),
    ("`PAUSED`", "the ticker is paused"),
    ("`TEST DATA`", "the feed is marked as test data: never to be taken for live results"),
)
"""What each status word means: the help screen and the README's "Status words" table."""

TEST_CHIP = Chip(f"▚ {TEST_WORDS} ▚", "test", "▚ TEST ▚")
"""Shown first on the right and before the title while the feed is marked as test data."""

DEMO_BADGE = Chip(CHIP_WORDS[FeedState.DEMO], "demo", "▶ DEMO")
"""The demo is always labelled as sample data, whatever its state."""

PANEL_MARKS: dict[FeedState, Literal["stale", "error"]] = {
    FeedState.STALE: "stale",
    FeedState.ERROR: "error",
}


def theme_variables() -> dict[str, str]:
    """The CSS variables of the states' colours (`$state-live`, …) for the app's theme."""
    return {f"state-{tone}": colour for tone, colour in STATE_COLOURS.items()}


def is_test(state: BoardState) -> bool:
    """The figures on screen (or held by a freeze) are marked as test data."""
    return any(s is not None and s.feed.test for s in (state.shown, state.pending))


def chips(state: BoardState, now: datetime) -> tuple[Chip, ...]:
    """The chips on the right of the status bar, most urgent first."""
    found: list[Chip] = []
    if is_test(state):
        found.append(TEST_CHIP)
    if state.frozen:
        noun = "update" if state.waiting == 1 else "updates"
        words = f"❄ FROZEN · {state.waiting} {noun} waiting"
        short = f"❄ FROZEN · {state.waiting} waiting"
        if held := state.desk.held:  # news that came in while frozen
            words += f" · ⚑ {counted(held)}"
            short += f" · ⚑ {len(held)}"
        found.append(Chip(words, "frozen", short))
    if state.ticker_paused:
        found.append(Chip("❚❚ PAUSED", "paused"))
    word = state.state_word(now)
    if state.feed.mode == "demo":
        found.append(DEMO_BADGE)
    if not (state.feed.mode == "demo" and word is FeedState.DEMO):
        found.append(Chip(CHIP_WORDS[word], STATE_TONES[word], CHIP_WORDS[word].split(" · ")[0]))
    return tuple(found)


def _times(state: BoardState, now: datetime) -> tuple[str, ...]:
    """The times line, longest first: the clock of the night (local time and the feed's own, to
    the minute: a clock in seconds would repaint the line between polls, doubling its bytes),
    then the last good poll, the last change and the interval. The shortest forms keep the
    feed's time and the last good poll's age alone, and fit the narrowest board (60 columns,
    58 inside the bar) with the longest of each: "Feed received 2016-05-05 22:45 · Good poll
    119 min ago" is 54 characters."""
    feed = state.feed
    good, change = feed.last_success, feed.last_change
    received = state.shown is not None and state.shown.feed.time_basis == "received"
    now_words = f"Now {clock_time(now)[:5]}"
    feed_words = f"Feed {feed_time(feed.published_at, now, received=received)}"
    clock = f"{now_words} · {feed_words}"
    good_words = f"Good poll {ago(good, now)}"
    return (
        f"{clock} · Last good poll {clock_time(good)} ({ago(good, now)})"
        f" · Last change {clock_time(change)} ({ago(change, now)}) · every {feed.interval:g} s",
        f"{clock} · {good_words} · Change {ago(change, now)} · every {feed.interval:g} s",
        f"{clock} · {good_words} · {feed.interval:g} s",
        f"{clock} · {good_words}",
        f"{feed_words} · {good_words}",
    )


def _lines(state: BoardState, now: datetime) -> tuple[StatusLine, ...]:
    """The error (with its retry), the source's standing problems, and a finished replay."""
    feed = state.feed
    found: list[StatusLine] = []
    error = feed.error_words(now)
    if error is None and feed.last_success is not None and state.nothing_yet:
        found.append(StatusLine(feed.waiting_words(), "note"))
    if error is not None:
        since = feed.failing_since
        if since is not None and feed.last_poll is not None and since != feed.last_poll:
            error = f"{error} · failing since {clock_time(since)}"
        if feed.reason:  # last: a narrow line cuts the reason, not the retry
            error = f"{error} · {feed.reason}"
        found.append(StatusLine(error, "error"))
    if feed.problems:
        more = len(feed.problems) - 1
        first = feed.problems[0]  # faults come before notes (a folder without .timestamp)
        tone: Literal["problem", "note"] = "note" if isinstance(first, Note) else "problem"
        found.append(StatusLine(first + (f" (+{more} more)" if more else ""), tone))
    said = state.desk.saying(now)
    if said:  # what changed while frozen: one line, for a few seconds, over no figures
        found.append(StatusLine(said[0], "note", shorter=said[1:]))
    if feed.finished and error is None:
        found.append(StatusLine("Replay ended — holding the final figures", "note"))
    return tuple(found)


def status_view(state: BoardState, now: datetime) -> StatusView:
    """Everything the status bar shows at `now`."""
    test = is_test(state)
    shown = state.shown
    return StatusView(
        title="" if shown is None else shown.feed.title,
        title_chip=Chip(TEST_WORDS, "test") if test else None,
        band="test" if test else None,
        chips=chips(state, now),
        times=_times(state, now),
        lines=_lines(state, now),
    )


def panel_mark(state: BoardState, now: datetime) -> Literal["stale", "error"] | None:
    """How every panel of figures must be marked: "stale" or "error" (last good figures, not
    current), or None while they are current (or nothing is shown yet)."""
    if state.shown is None:
        return None
    return PANEL_MARKS.get(state.state_word(now))


def tab_lines(state: BoardState) -> list[TabLine]:
    """One tab per contest: "2  Scottish Parliament", with "●" if it changed unseen (the
    tabs shorten the titles to fit: `ContestTabs`)."""
    if state.shown is None:
        return []
    return [
        TabLine(
            contest.id,
            str(n),
            contest.title,
            "●" if contest.id in state.unseen else "",
        )
        for n, contest in enumerate(state.items, 1)
    ]
