"""Tests for `Backoff` and the failure counting of `FeedSource` that drives it."""

from __future__ import annotations

import pytest

from feeds.errors import FeedError, FeedHTTPError, FeedUnreachable, SequenceRegression
from feeds.source import Backoff, Changed, Failed, FeedSource, RawDocument, Unchanged
from sample_feeds.factory import encode, small_document


class _Rng:
    """Records each range asked for and answers from a chosen point of it (0 = low, 1 = high)."""

    def __init__(self, at: float) -> None:
        self.at = at
        self.calls: list[tuple[float, float]] = []

    def __call__(self, low: float, high: float) -> float:
        self.calls.append((low, high))
        return low + (high - low) * self.at


def test_no_failures_is_the_normal_interval() -> None:
    rng = _Rng(1.0)
    assert Backoff(rng=rng).delay(5.0, 0) == 5.0
    assert Backoff(rng=rng).delay(5.0, 0, retry_after=120) == 5.0
    assert rng.calls == []


def test_one_failure_is_retried_on_the_normal_schedule() -> None:
    rng = _Rng(1.0)
    assert Backoff(rng=rng).delay(5.0, 1) == 5.0
    assert rng.calls == []  # no jitter for a single glitch


def test_ceiling_doubles_with_each_further_failure_up_to_the_cap() -> None:
    rng = _Rng(1.0)
    backoff = Backoff(rng=rng)
    delays = [backoff.delay(20.0, failures) for failures in range(1, 6)]
    assert delays == [20.0, 40.0, 60.0, 60.0, 60.0]


@pytest.mark.parametrize(
    ("interval", "bound"),
    [(1.0, 5.0), (2.0, 8.0), (3.0, 12.0), (5.0, 20.0), (10.0, 40.0), (15.0, 60.0), (30.0, 60.0)],
)
def test_back_off_is_bounded_relative_to_the_interval(interval: float, bound: float) -> None:
    """Never more than max(4 intervals, 5 s), nor the cap: a repaired feed is back soon."""
    backoff = Backoff(rng=_Rng(1.0))
    delays = [backoff.delay(interval, failures) for failures in range(1, 40)]
    assert max(delays) == bound
    assert delays == sorted(delays)  # grows to the bound and stays there


def test_two_second_interval_never_waits_fifteen_seconds() -> None:
    """Issue 11: `--interval 2` reached a 15 s wait after 40 s of failures."""
    backoff = Backoff(rng=_Rng(1.0))
    assert [backoff.delay(2.0, n) for n in range(1, 7)] == [2.0, 4.0, 8.0, 8.0, 8.0, 8.0]


def test_interval_longer_than_the_bounds_is_kept() -> None:
    assert Backoff(cap=10.0, rng=_Rng(1.0)).delay(90.0, 9) == 90.0  # never faster than healthy


def test_full_jitter_spans_the_interval_to_the_ceiling() -> None:
    rng = _Rng(0.0)
    backoff = Backoff(rng=rng)
    assert backoff.delay(2.0, 4) == 2.0  # never faster than a healthy poll
    assert rng.calls == [(2.0, 8.0)]


def test_floor_slows_a_failing_feed_polled_faster_than_the_floor() -> None:
    """From the second failure, a sub-floor interval is not kept up against a failing server."""
    assert Backoff(floor=1.0, rng=_Rng(0.0)).delay(0.25, 2) == 1.0
    assert Backoff(floor=1.0, rng=_Rng(0.0)).delay(0.25, 9) == 1.0
    assert Backoff(floor=3.0, rng=_Rng(0.0)).delay(2.0, 3) == 3.0


def test_floor_leaves_healthy_polls_and_single_glitches_alone() -> None:
    assert Backoff(floor=1.0, rng=_Rng(0.0)).delay(0.25, 0) == 0.25
    assert Backoff(floor=1.0, rng=_Rng(0.0)).delay(0.25, 1) == 0.25
    assert Backoff(floor=1.0, rng=_Rng(0.0)).delay(2.0, 3) == 2.0  # above the floor: no effect


def test_custom_cap() -> None:
    assert Backoff(cap=10.0, rng=_Rng(1.0)).delay(4.0, 5) == 10.0
    assert Backoff(intervals_cap=2.0, short_cap=1.0, rng=_Rng(1.0)).delay(4.0, 5) == 8.0
    assert Backoff(intervals_cap=2.0, short_cap=30.0, rng=_Rng(1.0)).delay(4.0, 5) == 30.0


def test_huge_failure_count_does_not_overflow() -> None:
    assert Backoff(rng=_Rng(1.0)).delay(1.0, 5000) == 5.0
    assert Backoff(rng=_Rng(1.0)).delay(20.0, 5000) == 60.0


def test_retry_after_is_a_lower_bound() -> None:
    backoff = Backoff(rng=_Rng(0.0))
    assert backoff.delay(2.0, 1, retry_after=30.0) == 30.0
    assert Backoff(rng=_Rng(1.0)).delay(2.0, 6, retry_after=3.0) == 8.0  # jitter above it stands
    assert Backoff(rng=_Rng(1.0)).delay(2.0, 6, retry_after=30.0) == 30.0  # above the bound too


def test_retry_after_is_capped() -> None:
    assert Backoff(rng=_Rng(0.0)).delay(2.0, 1, retry_after=86_400) == 300.0
    assert Backoff(retry_after_cap=90, rng=_Rng(0.0)).delay(2.0, 1, retry_after=86_400) == 90.0


def test_negative_retry_after_is_ignored() -> None:
    assert Backoff(rng=_Rng(0.0)).delay(2.0, 1, retry_after=-50) == 2.0


class _Scripted(FeedSource):
    """Fetch answers from a script: bytes, None (not modified) or an error to raise."""

    def __init__(self, script: list[bytes | FeedError | None], backoff: Backoff) -> None:
        super().__init__(backoff=backoff)
        self.script = script

    @property
    def description(self) -> str:
        return "scripted"

    async def fetch(self) -> list[RawDocument] | None:
        step = self.script.pop(0)
        if isinstance(step, FeedError):
            raise step
        return None if step is None else [RawDocument("scripted", step)]


async def test_source_backs_off_on_failures_and_resets_after_one_success() -> None:
    body = encode(small_document())
    script: list[bytes | FeedError | None] = [
        FeedUnreachable("connection refused"),
        FeedUnreachable("connection refused"),
        FeedHTTPError(503, retry_after=45.0),
        body,
        None,
    ]
    source = _Scripted(script, Backoff(rng=_Rng(1.0)))
    assert source.next_delay(5.0) == 5.0
    assert isinstance(await source.poll(), Failed)
    assert source.next_delay(5.0) == 5.0  # one glitch: the normal interval
    assert isinstance(await source.poll(), Failed)
    assert source.next_delay(5.0) == 10.0
    assert isinstance(await source.poll(), Failed)
    assert source.failures == 3
    assert source.next_delay(5.0) == 45.0  # Retry-After above the jittered 20
    assert isinstance(await source.poll(), Changed)
    assert source.failures == 0 and source.last_error is None
    assert source.next_delay(5.0) == 5.0
    assert isinstance(await source.poll(), Unchanged)
    assert source.next_delay(5.0) == 5.0


@pytest.mark.parametrize("failures", [1, 2, 10])
def test_jitter_draws_within_range(failures: int) -> None:
    rng = _Rng(0.5)
    delay = Backoff(rng=rng).delay(3.0, failures)
    low, high = rng.calls[0] if rng.calls else (3.0, 3.0)
    assert 3.0 <= low <= delay <= high <= 12.0


async def test_equal_sequence_is_unchanged_even_when_the_body_differs() -> None:
    """The documented rule: an equal `sequence` means no change (a republished copy)."""
    first = small_document(sequence=7)
    same_sequence = small_document(sequence=7, title="Republished with another title")
    script: list[bytes | FeedError | None] = [encode(first), encode(same_sequence)]
    source = _Scripted(script, Backoff(rng=_Rng(0.0)))
    assert isinstance(await source.poll(), Changed)
    outcome = await source.poll()
    assert isinstance(outcome, Unchanged), outcome  # neither Changed nor an "old copy" failure
    assert source.failures == 0


async def test_older_sequence_is_refused_and_newer_accepted() -> None:
    script: list[bytes | FeedError | None] = [
        encode(small_document(sequence=7)),
        encode(small_document(sequence=6)),
        encode(small_document(sequence=8)),
    ]
    source = _Scripted(script, Backoff(rng=_Rng(0.0)))
    assert isinstance(await source.poll(), Changed)
    refused = await source.poll()
    assert isinstance(refused, Failed) and isinstance(refused.error, SequenceRegression)
    accepted = await source.poll()
    assert isinstance(accepted, Changed) and accepted.snapshot.feed.sequence == 8
