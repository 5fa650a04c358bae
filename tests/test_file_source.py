"""Tests for `FileSource`: JSON and CSV files, re-read only when they change, and every failure."""

from __future__ import annotations

import os
from datetime import UTC, datetime
from pathlib import Path

import pytest

from feeds.contests import CouncilsContest
from feeds.errors import (
    FeedDecodeError,
    FeedError,
    FeedTooLarge,
    FeedUnreachable,
    SequenceRegression,
)
from feeds.parse import parse_feed
from feeds.source import Changed, Failed, PollOutcome, Unchanged
from feeds.sources import open_source
from feeds.sources.file import FileSource
from sample_feeds.factory import encode, small_document

CSV = (
    "Party,Councils,Councils +/-,Seats,Seats +/-\nLabour,49,-1,1005,-28\nConservative,26,0,547,5\n"
)


class _CountingSource(FileSource):
    """Counts how often the file's content is actually read."""

    reads = 0

    def _read(self) -> bytes:
        self.reads += 1
        return super()._read()


_stamp = [1_700_000_000_000_000_000]


def _write(path: Path, body: bytes | str) -> None:
    """Write `body` and give the file a new, later modification time (coarse clocks)."""
    path.write_bytes(body.encode() if isinstance(body, str) else body)
    _stamp[0] += 1_000_000_000
    os.utime(path, ns=(_stamp[0], _stamp[0]))


def _changed(outcome: PollOutcome) -> Changed:
    assert isinstance(outcome, Changed), outcome
    return outcome


async def _accepted(path: Path, body: bytes) -> FileSource:
    """A source on `path` that has read and accepted `body` there."""
    _write(path, body)
    source = FileSource(path)
    _changed(await source.poll())
    return source


def _failed(outcome: PollOutcome, kind: type[FeedError]) -> FeedError:
    assert isinstance(outcome, Failed), outcome
    assert isinstance(outcome.error, kind), outcome.error
    return outcome.error


async def test_json_file_is_read_again_only_when_it_changes(tmp_path: Path) -> None:
    path = tmp_path / "feed.json"
    _write(path, encode(small_document(sequence=1)))
    source = _CountingSource(path)
    assert source.description == str(path)
    assert _changed(await source.poll()).snapshot.feed.sequence == 1
    assert isinstance(await source.poll(), Unchanged)
    assert isinstance(await source.poll(), Unchanged)
    assert source.reads == 1
    _write(path, encode(small_document(sequence=2)))
    assert _changed(await source.poll()).snapshot.feed.sequence == 2
    assert source.reads == 2


async def test_touched_file_with_same_content_is_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "feed.json"
    source = await _accepted(path, encode(small_document()))
    _write(path, encode(small_document()))
    assert isinstance(await source.poll(), Unchanged)


async def test_missing_file_fails_then_recovers(tmp_path: Path) -> None:
    path = tmp_path / "later.json"
    source = FileSource(path)
    error = _failed(await source.poll(), FeedUnreachable)
    assert error.summary == "file not found"
    assert source.failures == 1
    _write(path, encode(small_document()))
    _changed(await source.poll())
    assert source.failures == 0


async def test_deleted_file_fails(tmp_path: Path) -> None:
    path = tmp_path / "feed.json"
    source = await _accepted(path, encode(small_document()))
    path.unlink()
    _failed(await source.poll(), FeedUnreachable)


async def test_directory_is_not_a_file(tmp_path: Path) -> None:
    error = _failed(await FileSource(tmp_path).poll(), FeedUnreachable)
    assert error.summary == "not a file"


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any file")
async def test_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "secret.json"
    _write(path, encode(small_document()))
    path.chmod(0)
    try:
        error = _failed(await FileSource(path).poll(), FeedUnreachable)
    finally:
        path.chmod(0o600)
    assert error.summary == "file not readable"


async def test_file_caught_mid_write_fails_that_poll_and_recovers(tmp_path: Path) -> None:
    path = tmp_path / "feed.json"
    whole = encode(small_document(sequence=4))
    _write(path, whole[: len(whole) // 2])
    source = _CountingSource(path)
    _failed(await source.poll(), FeedDecodeError)
    # Not yet rewritten: read again and still refused, never "unchanged".
    _failed(await source.poll(), FeedDecodeError)
    assert source.reads == 2
    _write(path, whole)
    assert _changed(await source.poll()).snapshot.feed.sequence == 4


async def test_file_over_the_cap_is_refused_without_reading(tmp_path: Path) -> None:
    path = tmp_path / "big.json"
    _write(path, encode(small_document()))
    source = _CountingSource(path, max_bytes=100)
    error = _failed(await source.poll(), FeedTooLarge)
    assert source.reads == 0
    assert isinstance(error, FeedTooLarge) and error.limit == 100


async def test_older_sequence_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "feed.json"
    source = await _accepted(path, encode(small_document(sequence=9)))
    _write(path, encode(small_document(sequence=8, title="old copy")))
    _failed(await source.poll(), SequenceRegression)


def test_csv_path_needs_a_total(tmp_path: Path) -> None:
    _write(tmp_path / "table.CSV", CSV)
    with pytest.raises(ValueError, match="total"):
        open_source(str(tmp_path / "table.CSV"))


async def test_csv_sequence_grows_per_change_and_time_is_the_mtime(tmp_path: Path) -> None:
    path = tmp_path / "table.csv"
    _write(path, CSV)
    source = open_source(str(path), total=124)
    first = _changed(await source.poll()).snapshot.feed
    assert first.sequence == 1
    assert first.published_at == datetime.fromtimestamp(_stamp[0] / 1e9, UTC)
    contest = first.contests[0]
    assert isinstance(contest, CouncilsContest)
    assert (contest.reported, contest.total) == (75, 124)
    assert isinstance(await source.poll(), Unchanged)
    _write(path, CSV)  # saved again, same content
    assert isinstance(await source.poll(), Unchanged)
    _write(path, CSV.replace("1005", "1006"))
    second = _changed(await source.poll()).snapshot.feed
    assert second.sequence == 2
    assert second.published_at > first.published_at


async def test_csv_sniffed_by_content_when_total_given(tmp_path: Path) -> None:
    path = tmp_path / "table.txt"
    _write(path, CSV)
    snapshot = _changed(await open_source(str(path), total=100).poll()).snapshot
    assert snapshot.raw is None  # read from CSV: the document is the feed serialised
    assert parse_feed(snapshot.document) == snapshot.feed
    # Without a total, the same file is read as JSON and refused as such.
    _failed(await FileSource(path).poll(), FeedDecodeError)


async def test_json_in_a_file_with_total_is_still_json(tmp_path: Path) -> None:
    path = tmp_path / "feed"
    _write(path, encode(small_document(sequence=5)))
    assert _changed(await open_source(str(path), total=10).poll()).snapshot.feed.sequence == 5


async def test_bad_csv_fails_with_its_row(tmp_path: Path) -> None:
    path = tmp_path / "table.csv"
    _write(path, CSV.replace("547", "lots"))
    error = _failed(await open_source(str(path), total=124).poll(), FeedError)
    assert "row 3, Seats: not a number" in str(error)
