"""Tests for recordings: reading, the per-line synced `Recorder`, and `record`."""

from __future__ import annotations

import asyncio
import json
import os
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from feeds import recording
from feeds.adapter import CsvAdapter
from feeds.parse import parse_feed
from feeds.recording import Recorder, read_recording, record
from feeds.source import Changed, Failed, PollOutcome
from feeds.sources.file import FileSource
from feeds.sources.replay import ReplaySource
from sample_feeds.factory import encode, small_document
from tests.boardkit import MonotonicClock
from tests.waiting import async_wait_for

START = datetime(2016, 5, 6, 0, 0, tzinfo=UTC)


def _night(count: int) -> list[bytes]:
    """`count` documents a minute apart, sequences 0, 1, …"""
    return [
        encode(small_document(sequence=i, published_at=(START + timedelta(minutes=i)).isoformat()))
        for i in range(count)
    ]


def test_read_recording_skips_blank_lines(tmp_path: Path) -> None:
    path = tmp_path / "night.jsonl"
    path.write_bytes(b'{"a":1}\r\n\n  \n{"b":"\xc3\xa9"}\nnot json\n')
    assert read_recording(path) == [b'{"a":1}', b'{"b":"\xc3\xa9"}', b"not json"]


def test_read_recording_missing_file_raises(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        read_recording(tmp_path / "none.jsonl")


def test_recorder_writes_one_compact_line_per_document(tmp_path: Path) -> None:
    path = tmp_path / "night.jsonl"
    doc = small_document(unknown_field={"kept": True}, title="Élection — 選挙")
    pretty = json.dumps(doc, indent=2, ensure_ascii=True).encode()
    with Recorder(path) as recorder:
        recorder.append(pretty)
        recorder.append(encode(small_document(sequence=8)))
        assert recorder.count == 2
    lines = path.read_bytes().split(b"\n")
    assert lines[-1] == b""
    assert len(lines) == 3
    assert lines[0] == json.dumps(doc, separators=(",", ":"), ensure_ascii=False).encode()
    assert "Élection — 選挙".encode() in lines[0]
    assert json.loads(lines[0])["unknown_field"] == {"kept": True}
    assert read_recording(path) == lines[:2]
    assert [parse_feed(line).sequence for line in read_recording(path)] == [7, 8]


class _FakeOs:
    """Stands in for `os` inside feeds.recording, recording each fsync."""

    SEEK_END = os.SEEK_END

    def __init__(self, synced: list[int]) -> None:
        self.synced = synced

    def fsync(self, fd: int) -> None:
        self.synced.append(fd)
        os.fsync(fd)


def test_recorder_syncs_every_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    synced: list[int] = []
    monkeypatch.setattr(recording, "os", _FakeOs(synced))
    with Recorder(tmp_path / "night.jsonl") as recorder:
        recorder.append(b"{}")
        recorder.append(b"[]")
    assert len(synced) == 2


def test_recorder_appends_to_an_existing_recording(tmp_path: Path) -> None:
    path = tmp_path / "night.jsonl"
    with Recorder(path) as recorder:
        recorder.append(b'{"n": 1}')
    with Recorder(path) as recorder:
        recorder.append(b'{"n": 2}')
        assert recorder.count == 1
    assert read_recording(path) == [b'{"n":1}', b'{"n":2}']


def test_recorder_starts_a_new_line_after_a_crash_mid_line(tmp_path: Path) -> None:
    path = tmp_path / "night.jsonl"
    path.write_bytes(b'{"n":1}\n{"n":2, "cut')
    with Recorder(path) as recorder:
        recorder.append(b'{"n": 3}')
    assert read_recording(path) == [b'{"n":1}', b'{"n":2, "cut', b'{"n":3}']


def test_recorder_refuses_what_is_not_json(tmp_path: Path) -> None:
    path = tmp_path / "night.jsonl"
    with Recorder(path) as recorder, pytest.raises(ValueError, match="not a JSON document"):
        recorder.append(b"<html>")
    assert path.read_bytes() == b""


def test_line_separators_and_lone_surrogates_stay_escaped(tmp_path: Path) -> None:
    path = tmp_path / "night.jsonl"
    doc = small_document()
    doc["updates"][0]["text"] = "one\u2028two \ud83d"
    with Recorder(path) as recorder:
        recorder.append(json.dumps(doc).encode())
    body = path.read_bytes()
    body.decode("utf-8")  # valid UTF-8
    assert body.count(b"\n") == 1
    assert b"\\u2028" in body and b"\\ud83d" in body
    [line] = read_recording(path)
    assert parse_feed(line).updates[0].text == "one two"


async def test_record_writes_each_new_document_until_the_replay_ends(tmp_path: Path) -> None:
    documents = _night(3)
    clock = MonotonicClock(0.0)
    source = ReplaySource(documents, clock=clock)
    outcomes: list[PollOutcome] = []

    def seen(outcome: PollOutcome) -> None:
        outcomes.append(outcome)
        clock.advance(30)  # two polls per document

    out = tmp_path / "copy.jsonl"
    written = await asyncio.wait_for(record(source, out, interval=0, on_outcome=seen), 10)
    assert written == 3
    assert [parse_feed(line).sequence for line in read_recording(out)] == [0, 1, 2]
    assert sum(isinstance(o, Changed) for o in outcomes) == 3
    assert len(outcomes) == 5


async def test_record_stops_at_the_limit(tmp_path: Path) -> None:
    clock = MonotonicClock(0.0)
    source = ReplaySource(_night(5), clock=clock)
    out = tmp_path / "copy.jsonl"
    coroutine = record(source, out, interval=0, limit=2, on_outcome=lambda _: clock.advance(60))
    assert await asyncio.wait_for(coroutine, 10) == 2
    assert len(read_recording(out)) == 2


async def test_record_stops_promptly_when_asked_during_the_wait(tmp_path: Path) -> None:
    feed = tmp_path / "feed.json"
    feed.write_bytes(encode(small_document()))
    stop = asyncio.Event()
    outcomes: list[PollOutcome] = []
    task = asyncio.create_task(
        record(
            FileSource(feed),
            tmp_path / "out.jsonl",
            interval=3600,
            stop=stop,
            on_outcome=outcomes.append,
        )
    )
    await async_wait_for(lambda: outcomes, "the first poll")
    stop.set()
    assert await asyncio.wait_for(task, 10) == 1


async def test_record_counts_failures_but_writes_nothing(tmp_path: Path) -> None:
    outcomes: list[PollOutcome] = []
    source = FileSource(tmp_path / "missing.json")
    out = tmp_path / "out.jsonl"
    stop = asyncio.Event()

    def seen(outcome: PollOutcome) -> None:
        outcomes.append(outcome)
        if len(outcomes) == 2:
            stop.set()

    source.backoff.rng = lambda low, high: 0.0
    assert (
        await asyncio.wait_for(record(source, out, interval=0, stop=stop, on_outcome=seen), 10) == 0
    )
    assert all(isinstance(o, Failed) for o in outcomes)
    assert read_recording(out) == []


async def test_record_of_a_csv_table_writes_feed_json(tmp_path: Path) -> None:
    table = tmp_path / "table.csv"
    table.write_text("Party,Councils,Seats\nLabour,3,40\nNo Overall Control,1,\n")
    outcomes: list[PollOutcome] = []
    out = tmp_path / "out.jsonl"
    source = FileSource(table, adapter=CsvAdapter(10))
    assert (
        await asyncio.wait_for(
            record(source, out, interval=0, limit=1, on_outcome=outcomes.append), 10
        )
        == 1
    )
    [line] = read_recording(out)
    [changed] = outcomes
    assert isinstance(changed, Changed)
    assert parse_feed(line) == changed.snapshot.feed
