"""Tests for replay: `Schedule` (when each document is due) and `ReplaySource`."""

from __future__ import annotations

import itertools
import math
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from feeds.errors import FeedDecodeError
from feeds.recording import peek
from feeds.source import Changed, Failed, PollOutcome, Unchanged
from feeds.sources.replay import ReplaySource, Schedule
from sample_feeds.factory import encode, small_document
from tests.boardkit import MonotonicClock

START = datetime(2016, 5, 6, 0, 0, tzinfo=UTC)


def _doc(seconds: float, sequence: int = 0) -> bytes:
    when = START + timedelta(seconds=seconds)
    return encode(small_document(sequence=sequence, published_at=when.isoformat()))


def _night(*seconds: float) -> list[bytes]:
    return [_doc(s, sequence=i) for i, s in enumerate(seconds)]


def _sequence(outcome: PollOutcome) -> int:
    assert isinstance(outcome, Changed), outcome
    return outcome.snapshot.feed.sequence


def test_peek_reads_published_at_leniently() -> None:
    assert peek(_doc(90)).published_at == START + timedelta(seconds=90)
    assert peek(b'{"published_at": "2016-05-06T01:00:00+01:00"}').published_at == START
    assert peek(b'{"published_at": "2016-05-06T01:00:00Z"}').published_at is not None
    for bad in (b"not json", b"[]", b"{}", b'{"published_at": 5}', b'{"published_at": "soon"}'):
        assert peek(bad).published_at is None
    assert peek(b'{"published_at": "2016-05-06T01:00:00"}').published_at is None  # no offset


def test_peek_reads_the_sequence_only_when_an_integer() -> None:
    assert peek(b'{"sequence": 7}').sequence == 7
    for bad in (b'{"sequence": "7"}', b'{"sequence": true}', b'{"sequence": 1.5}', b"[1]", b"x"):
        assert peek(bad).sequence is None


def test_offsets_are_gaps_divided_by_speed() -> None:
    documents = _night(0, 60, 180)
    assert Schedule(documents).offsets == [0.0, 60.0, 180.0]
    schedule = Schedule(documents, speed=60)
    assert schedule.offsets == [0.0, 1.0, 3.0]
    assert schedule.duration == 3.0
    assert len(schedule) == 3


def test_max_gap_shortens_long_gaps_before_the_speed() -> None:
    schedule = Schedule(_night(0, 3600, 3660), speed=2, max_gap=120)
    assert schedule.offsets == [0.0, 60.0, 90.0]


def test_document_without_a_time_takes_the_previous_one() -> None:
    documents = [b"garbage", _doc(0), b'{"published_at": null}', _doc(30), b"{}", _doc(90)]
    assert Schedule(documents).offsets == [0.0, 0.0, 0.0, 30.0, 30.0, 90.0]


def test_out_of_order_times_never_go_back() -> None:
    assert Schedule(_night(0, 120, 60, 180)).offsets == [0.0, 120.0, 120.0, 180.0]


def test_index_at() -> None:
    schedule = Schedule(_night(0, 10, 10, 30))
    assert [schedule.index_at(t) for t in (-5, 0, 9.99, 10, 29, 30, 1e9)] == [0, 0, 0, 2, 2, 3, 3]


@pytest.mark.parametrize(
    ("documents", "speed", "max_gap"),
    [
        ([], 1.0, None),
        ([b"{}"], 0.0, None),
        ([b"{}"], -1.0, None),
        ([b"{}"], math.nan, None),
        ([b"{}"], 1.0, -1.0),
    ],
)
def test_bad_schedules_are_refused(
    documents: list[bytes], speed: float, max_gap: float | None
) -> None:
    with pytest.raises(ValueError):
        Schedule(documents, speed, max_gap)


@given(
    st.lists(st.integers(-10_000, 10_000), min_size=1, max_size=30),
    st.floats(0.01, 1000),
    st.none() | st.floats(0, 5000),
    st.floats(-10, 50_000),
)
def test_schedule_properties(
    seconds: list[int], speed: float, max_gap: float | None, elapsed: float
) -> None:
    schedule = Schedule(_night(*seconds), speed, max_gap)
    offsets = schedule.offsets
    assert offsets[0] == 0.0
    assert all(b >= a for a, b in itertools.pairwise(offsets))
    index = schedule.index_at(elapsed)
    assert 0 <= index < len(schedule)
    if elapsed >= 0:
        assert offsets[index] <= elapsed
        assert index == len(schedule) - 1 or offsets[index + 1] > elapsed
    if max_gap is not None:
        assert all(b - a <= max_gap / speed + 1e-6 for a, b in itertools.pairwise(offsets))


async def test_first_document_at_once_then_in_rhythm() -> None:
    clock = MonotonicClock()
    source = ReplaySource(_night(0, 60, 120), speed=2, clock=clock)
    assert source.position == -1 and source.count == 3 and not source.finished
    clock.now += 500  # time before the first fetch does not count
    assert _sequence(await source.poll()) == 0
    assert isinstance(await source.poll(), Unchanged)
    clock.now += 29.9
    assert isinstance(await source.poll(), Unchanged)
    clock.now += 0.1
    assert _sequence(await source.poll()) == 1
    assert source.position == 1
    clock.now += 30
    assert _sequence(await source.poll()) == 2
    assert source.finished
    clock.now += 1000
    assert isinstance(await source.poll(), Unchanged)


async def test_slow_poller_skips_to_the_latest_due() -> None:
    clock = MonotonicClock()
    source = ReplaySource(_night(0, 10, 20, 30, 40), clock=clock)
    assert _sequence(await source.poll()) == 0
    clock.now += 35
    assert _sequence(await source.poll()) == 3
    assert source.position == 3


async def test_fetch_returns_none_for_the_document_already_delivered() -> None:
    clock = MonotonicClock()
    documents = _night(0, 10)
    source = ReplaySource(documents, clock=clock)
    assert [d.body for d in await source.fetch() or []] == [documents[0]]
    assert await source.fetch() is None
    clock.now += 10
    assert [d.body for d in await source.fetch() or []] == [documents[1]]


async def test_invalid_document_in_a_recording_fails_its_poll_only() -> None:
    clock = MonotonicClock()
    source = ReplaySource(
        [_doc(0, 1), b'{"published_at": "2016-05-06T00:00:10+00:00"}', _doc(20, 2)], clock=clock
    )
    assert _sequence(await source.poll()) == 1
    clock.now += 10
    outcome = await source.poll()
    assert isinstance(outcome, Failed)
    clock.now += 10
    assert _sequence(await source.poll()) == 2


async def test_a_broken_line_fails_as_undecodable() -> None:
    # The broken line takes the time of the one before it, so it is the latest due at 0.
    clock = MonotonicClock()
    source = ReplaySource([_doc(0, 1), b"{cut", _doc(10, 2)], clock=clock)
    assert source.schedule.offsets == [0.0, 0.0, 10.0]
    outcome = await source.poll()
    assert isinstance(outcome, Failed) and isinstance(outcome.error, FeedDecodeError)
    clock.now += 10
    assert _sequence(await source.poll()) == 2


async def test_reads_a_recording_file(tmp_path: Path) -> None:
    path = tmp_path / "night.jsonl"
    path.write_bytes(b"\n".join(_night(0, 600, 1200)) + b"\n")
    source = ReplaySource(path, speed=60, clock=MonotonicClock())
    assert source.description == "replay of night.jsonl at 60×"
    assert source.schedule.offsets == [0.0, 10.0, 20.0]
    assert _sequence(await source.poll()) == 0


def test_description_of_documents_in_memory() -> None:
    assert ReplaySource(_night(0), speed=1.5).description == "replay of recording at 1.5×"


def test_empty_recording_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "empty.jsonl"
    path.write_bytes(b"\n\n")
    with pytest.raises(ValueError, match="at least one document"):
        ReplaySource(path)
