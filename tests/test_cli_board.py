"""Tests the `results-board` commands that run a board (demo, watch, replay, wall, record) with a
stand-in for the Textual app, the demo's pace, and which source a SOURCE opens."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import board.demo
import feeds.sources
from board.cli import TOKEN_ENV
from board.demo import DEMO_LENGTH, demo_pace
from feeds.source import Changed, FeedSource, Snapshot
from sample_feeds.factory import document, encode
from tests.clikit import assert_one_line_error, run

# --- board commands (with a stand-in board) ---------------------------------------------


def test_no_command_plays_the_demo(
    capsys: pytest.CaptureFixture[str],
    boards: list[dict[str, Any]],
    monkeypatch: pytest.MonkeyPatch,
    feed_file: Path,
) -> None:
    speeds: list[float | None] = []

    def open_demo(speed: float | None = None) -> FeedSource:
        speeds.append(speed)
        return feeds.sources.open_source(str(feed_file))

    monkeypatch.setattr(board.demo, "open_demo", open_demo)
    assert run(capsys, "demo", "--speed", "30")[0] == 0
    assert run(capsys)[0] == 0
    assert speeds == [30.0, None]
    assert [(call["mode"], call["interval"]) for call in boards] == [("demo", 1.0)] * 2


def test_watch_and_replay_call_the_board(
    capsys: pytest.CaptureFixture[str],
    boards: list[dict[str, Any]],
    feed_file: Path,
    tmp_path: Path,
) -> None:
    recording = tmp_path / "night.jsonl"
    recording.write_bytes(encode(document()) + b"\n")
    assert run(capsys, "watch", str(feed_file))[0] == 0
    assert run(capsys, "watch", str(feed_file), "--interval", "2.5")[0] == 0
    assert run(capsys, "watch", str(recording))[0] == 0
    assert run(capsys, "replay", str(recording), "--speed", "60")[0] == 0
    assert [(call["mode"], call["interval"]) for call in boards] == [
        ("live", 5.0),
        ("live", 2.5),
        ("replay", 5.0),
        ("replay", 1.0),
    ]
    assert all(isinstance(call["source"], FeedSource) for call in boards)


def test_wall_and_no_wall_reach_the_board_and_exclude_each_other(
    capsys: pytest.CaptureFixture[str], boards: list[dict[str, Any]], feed_file: Path
) -> None:
    assert run(capsys, "watch", str(feed_file), "--wall")[0] == 0
    assert run(capsys, "demo", "--no-wall")[0] == 0
    assert run(capsys, "watch", str(feed_file))[0] == 0
    assert [call["wall"] for call in boards] == [True, False, None]  # None: by the size
    code, _, err = run(capsys, "demo", "--wall", "--no-wall")
    assert code == 2 and "not allowed with argument --wall" in err


def test_watch_passes_the_token_and_never_prints_it(
    capsys: pytest.CaptureFixture[str],
    boards: list[dict[str, Any]],
    monkeypatch: pytest.MonkeyPatch,
    feed_file: Path,
) -> None:
    seen: list[Any] = []

    def open_source(spec: str, **options: Any) -> FeedSource:
        seen.append(options.get("token"))
        return real(str(feed_file))

    real = feeds.sources.open_source
    monkeypatch.setattr(feeds.sources, "open_source", open_source)
    monkeypatch.setenv(TOKEN_ENV, "s3cret-token")
    code, out, err = run(capsys, "watch", "https://example.invalid/feed.json")
    assert (code, seen) == (0, ["s3cret-token"])
    assert "s3cret" not in out + err


def test_record_prints_a_line_per_document_and_stops_on_ctrl_c(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    feed_file: Path,
    tmp_path: Path,
) -> None:
    import feeds.recording

    async def record(source: FeedSource, out: Path, **options: Any) -> int:
        from feeds.parse import parse_feed

        for sequence in (1, 2):
            raw = encode(document(sequence=sequence))
            options["on_outcome"](Changed(Snapshot(parse_feed(raw), _now(), raw)))
        raise KeyboardInterrupt

    monkeypatch.setattr(feeds.recording, "record", record)
    code, out, _ = run(capsys, "record", str(feed_file), str(tmp_path / "night.jsonl"))
    assert code == 0
    assert [line for line in out.splitlines() if "wrote sequence" in line][1].endswith(
        f"wrote sequence 2 ({len(encode(document(sequence=2))):,} bytes)"
    )
    assert "stopped: 2 document(s) written" in out


def _now() -> Any:
    from datetime import datetime

    return datetime.now().astimezone()


# --- demo pace ------------------------------------------------------------------------


def _night(minutes: list[int]) -> list[bytes]:
    from datetime import datetime, timedelta, timezone

    start = datetime(2016, 5, 5, 22, tzinfo=timezone(timedelta(hours=1)))
    return [
        encode(document(published_at=(start + timedelta(minutes=m)).isoformat(), sequence=n))
        for n, m in enumerate(minutes)
    ]


def test_demo_pace_without_a_quiet_stretch_is_span_over_length() -> None:
    speed, _ = demo_pace(_night(list(range(0, 120, 2))))
    assert speed == pytest.approx(118 * 60 / DEMO_LENGTH, rel=1e-6)


def test_demo_pace_cuts_a_quiet_stretch_and_still_fills_the_length() -> None:
    from feeds.sources.replay import Schedule

    minutes = list(range(60)) + [m + 360 for m in range(60)]  # five quiet hours
    documents = _night(minutes)
    speed, max_gap = demo_pace(documents)
    assert max_gap is not None
    schedule = Schedule(documents, speed, max_gap)  # as ReplaySource plays it
    assert schedule.duration == pytest.approx(DEMO_LENGTH, rel=1e-3)
    quiet = schedule.offsets[60] - schedule.offsets[59]
    assert quiet < 300 * 60 / speed  # the quiet stretch really is cut
    assert speed < (minutes[-1] * 60) / DEMO_LENGTH  # so the busy hours play slower


def test_demo_pace_of_a_single_document() -> None:
    assert demo_pace(_night([0])) == (1.0, None)


# --- the source factory ------------------------------------------------------------------


def test_open_source_picks_the_implementation(feed_file: Path, tmp_path: Path) -> None:
    from feeds.sources.file import FileSource
    from feeds.sources.http import HttpSource
    from feeds.sources.replay import ReplaySource

    recording = tmp_path / "night.jsonl"
    recording.write_bytes(encode(document()) + b"\n")
    assert isinstance(feeds.sources.open_source("https://example.invalid/f.json"), HttpSource)
    assert isinstance(feeds.sources.open_source(str(recording), speed=60), ReplaySource)
    assert isinstance(feeds.sources.open_source(str(feed_file)), FileSource)


def test_a_csv_without_total_is_a_usage_error(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    table = tmp_path / "table.csv"
    table.write_text("Party,Councils,Councils +/-,Seats,Seats +/-\nLabour,49,-1,1005,-28\n")
    code, _, err = run(capsys, "check", str(table))
    assert code == 2
    assert_one_line_error(err)
