"""Tests for `Backoff` and the failure counting of `FeedSource` that drives it."""

from __future__ import annotations

import pytest

from feeds.errors import FeedError, FeedHTTPError, FeedUnreachable
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
    delays = [backoff.delay(2.0, failures) for failures in range(1, 9)]
    assert delays == [2.0, 4.0, 8.0, 16.0, 32.0, 60.0, 60.0, 60.0]


def test_full_jitter_spans_the_interval_to_the_ceiling() -> None:
    rng = _Rng(0.0)
    backoff = Backoff(rng=rng)
    assert backoff.delay(2.0, 4) == 2.0  # never faster than a healthy poll
    assert rng.calls == [(2.0, 16.0)]


def test_floor_holds_for_long_and_short_intervals() -> None:
    assert Backoff(floor=1.0, rng=_Rng(0.0)).delay(0.5, 3) == 0.5  # below the floor: the interval
    assert Backoff(floor=1.0, rng=_Rng(0.0)).delay(2.0, 3) == 2.0


def test_custom_cap() -> None:
    assert Backoff(cap=10.0, rng=_Rng(1.0)).delay(4.0, 5) == 10.0


def test_huge_failure_count_does_not_overflow() -> None:
    assert Backoff(rng=_Rng(1.0)).delay(1.0, 5000) == 60.0


def test_retry_after_is_a_lower_bound() -> None:
    backoff = Backoff(rng=_Rng(0.0))
    assert backoff.delay(2.0, 1, retry_after=30.0) == 30.0
    assert Backoff(rng=_Rng(1.0)).delay(2.0, 6, retry_after=3.0) == 60.0  # jitter above it stands


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
    assert 3.0 <= low <= delay <= high <= 60.0
