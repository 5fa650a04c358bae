"""Tests of the feed status rules: state words, staleness, error wording, "ago"."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

from board.state import FeedState, FeedStatus, ago, clock_time

T0 = datetime(2016, 5, 6, 10, 30, tzinfo=UTC)


def at(seconds: float) -> datetime:
    return T0 + timedelta(seconds=seconds)


def test_connecting_until_first_success() -> None:
    status = FeedStatus(mode="live", interval=5)
    assert status.state(T0) is FeedState.CONNECTING
    assert status.with_poll(T0, ok=True).state(at(1)) is FeedState.LIVE


def test_mode_words() -> None:
    for mode, word in (
        ("live", FeedState.LIVE),
        ("demo", FeedState.DEMO),
        ("replay", FeedState.REPLAY),
    ):
        status = FeedStatus(mode=mode, interval=5).with_poll(T0, ok=True)  # type: ignore[arg-type]
        assert status.state(at(0)) is word


def test_error_then_stale_after_three_missed_intervals() -> None:
    status = FeedStatus(interval=5).with_poll(T0, ok=True)
    failed = status.with_poll(at(5), ok=False, error="HTTP 503")
    assert failed.state(at(5)) is FeedState.ERROR
    assert failed.state(at(15)) is FeedState.ERROR
    assert failed.state(at(15.5)) is FeedState.STALE
    # A success clears both.
    assert failed.with_poll(at(16), ok=True).state(at(16)) is FeedState.LIVE


def test_silent_source_goes_stale_without_an_error() -> None:
    status = FeedStatus(interval=2).with_poll(T0, ok=True)
    assert status.state(at(6)) is FeedState.LIVE
    assert status.state(at(6.1)) is FeedState.STALE


def test_finished_replay_never_goes_stale() -> None:
    status = replace(FeedStatus(mode="demo", interval=1).with_poll(T0, ok=True), finished=True)
    assert status.state(at(3600)) is FeedState.DEMO


def test_error_only_before_any_success() -> None:
    status = FeedStatus(interval=5).with_poll(T0, ok=False, error="connection refused")
    assert status.state(at(100)) is FeedState.ERROR


def test_error_words_with_retry() -> None:
    status = FeedStatus(interval=5).with_poll(T0, ok=False, error="HTTP 503")
    assert status.error_words(T0) == "HTTP 503"
    status = replace(status, next_poll=at(8))
    assert status.error_words(T0) == "HTTP 503 — retrying in 8 s"
    assert status.error_words(at(9)) == "HTTP 503 — retrying"
    assert status.with_poll(at(9), ok=True).error_words(at(9)) is None


def test_clock_and_ago() -> None:
    assert clock_time(None) == "--:--:--"
    assert clock_time(at(61)) == "10:31:01"
    assert ago(None, T0) == "never"
    assert ago(T0, at(4)) == "4 s ago"
    assert ago(T0, at(600)) == "10 min ago"
    assert ago(T0, at(3 * 3600)) == "3 h ago"
    assert ago(at(5), T0) == "0 s ago"  # a clock step backwards never shows negative
