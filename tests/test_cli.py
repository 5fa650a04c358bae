"""Tests the `results-board` command line: help, exit codes, one-line errors, check, snapshot
and schema (the commands that run a board: `test_cli_board.py`)."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from feeds.server import FeedServer
from sample_feeds.factory import councils, document, encode
from tests.clikit import assert_one_line_error, run

ROOT = Path(__file__).resolve().parent.parent


def broken(doc: dict[str, Any]) -> dict[str, Any]:
    doc["contests"][0]["parties"][3]["seats"] = -1
    return doc


@pytest.fixture
def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
    return port


@pytest.fixture
def served() -> Iterator[FeedServer]:
    with FeedServer([encode(document())], manual=True) as server:
        yield server


# --- help, version, usage errors ------------------------------------------------------


def test_python_m_board_help_in_a_subprocess() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "board", "--help"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0
    for command in ("demo", "watch", "replay", "check", "schema", "record", "serve-feed"):
        assert command in done.stdout
    assert "snapshot" in done.stdout


@pytest.mark.parametrize("command", ["demo", "watch", "replay"])
def test_board_commands_help_lists_the_keys(
    capsys: pytest.CaptureFixture[str], command: str
) -> None:
    code, out, _ = run(capsys, command, "--help")
    assert code == 0
    for key in ("q ", "freeze", "poll now", "ctrl+p", "SVG", "+ / -", "?"):
        assert key in out


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--version")
    assert code == 0
    assert out.startswith("results-board ")


@pytest.mark.parametrize(
    "argv",
    [
        ["bogus"],
        ["watch"],
        ["watch", "x.json", "--interval", "0.5"],
        ["watch", "x.json", "--interval", "soon"],
        ["watch", "x.json", "--total", "0"],
        ["demo", "--speed", "0"],
        ["demo", "--speed", "nan"],
        ["serve-feed", "--port", "70000"],
        ["check", "a", "b"],
        ["--nope"],
    ],
)
def test_invalid_options_give_one_line_and_exit_2(
    capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    code, out, err = run(capsys, *argv)
    assert code == 2
    assert out == ""
    assert_one_line_error(err)


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (["check", "missing.json"], "no such file: missing.json"),
        (["snapshot", "missing.json"], "no such file"),
        (["check", "missing.jsonl"], "no such file"),
        (["watch", "missing.csv"], "no such file"),
        (["replay", "missing.jsonl"], "no such file"),
        (["check", "ftp://example.com/feed.json"], "only http and https"),
        (["watch", "file:///etc/passwd"], "only http and https"),
        (["check", "http://"], "no host"),
        (["check", "localhost:8080/feed.json"], "http://"),
        (["replay", "feed.json"], "not a recording"),
        (["record", "http://127.0.0.1:1/feed.json", "out.txt"], ".jsonl"),
        (["serve-feed", "missing.jsonl"], "no such file"),
    ],
)
def test_bad_sources_give_one_line_and_exit_2(
    capsys: pytest.CaptureFixture[str],
    boards: list[dict[str, Any]],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    argv: list[str],
    words: str,
) -> None:
    monkeypatch.chdir(tmp_path)
    code, _, err = run(capsys, *argv)
    assert code == 2
    assert_one_line_error(err)
    assert words in err
    assert boards == []


def test_a_directory_is_not_a_feed(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(capsys, "check", str(tmp_path))
    assert code == 2
    assert_one_line_error(err)


# --- check --------------------------------------------------------------------------


def test_check_valid_file(capsys: pytest.CaptureFixture[str], feed_file: Path) -> None:
    code, out, _ = run(capsys, "check", str(feed_file))
    assert code == 0
    assert out.splitlines()[-1].startswith("valid: ")
    assert "sequence 1" in out


def test_check_prints_warnings_and_stays_valid(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "odd.json"
    path.write_bytes(encode(document(councils(reported=90))))
    code, out, _ = run(capsys, "check", str(path))
    assert code == 0
    assert "warning: contests[0] (england): councils of parties and NOC add up" in out


def test_check_invalid_file_names_each_path(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    doc = broken(document())
    doc["contests"][0]["reported"] = 200
    path = tmp_path / "bad.json"
    path.write_bytes(encode(doc))
    code, out, _ = run(capsys, "check", str(path))
    assert code == 1
    lines = out.splitlines()
    assert "error: contests[0].parties[3].seats: must be ≥ 0" in lines
    assert "error: contests[0].reported: must be ≤ total (124)" in lines
    assert lines[-1] == f"invalid: {path}"


@pytest.mark.parametrize(
    ("body", "words"),
    [
        (b"<html>503</html>", "HTML"),
        (b"{not json", "not a JSON feed"),
        (b"", "empty"),
        (encode(document(format="results-board/2")), "unsupported feed format"),
    ],
)
def test_check_undecodable_or_unsupported(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, body: bytes, words: str
) -> None:
    path = tmp_path / "feed.json"
    path.write_bytes(body)
    code, out, _ = run(capsys, "check", str(path))
    assert code == 1
    assert words in out


def test_check_recording_reports_line_numbers(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "night.jsonl"
    lines = [
        encode(document(sequence=1)),
        encode(broken(document(sequence=2))),
        b"",
        encode(document(sequence=3)),
        encode(document(sequence=2)),
    ]
    path.write_bytes(b"\n".join(lines) + b"\n")
    code, out, _ = run(capsys, "check", str(path))
    assert code == 1
    assert "line 2: error: contests[0].parties[3].seats: must be ≥ 0" in out
    assert "line 5: error: sequence 2 is older than 3" in out
    assert "line 1: error" not in out and "line 4: error" not in out
    assert out.splitlines()[-1].startswith("invalid: 2 of 4 document(s)")


def test_check_good_and_empty_recordings(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    good = tmp_path / "good.jsonl"
    good.write_bytes(b"\n".join(encode(document(sequence=n)) for n in range(3)) + b"\n")
    assert run(capsys, "check", str(good))[0] == 0
    empty = tmp_path / "empty.jsonl"
    empty.write_bytes(b"\n")
    assert run(capsys, "check", str(empty))[0] == 1


def test_check_url(capsys: pytest.CaptureFixture[str], served: FeedServer) -> None:
    code, out, _ = run(capsys, "check", served.url)
    assert code == 0
    assert out.splitlines()[-1].startswith(f"valid: {served.url}")


def test_check_unreachable_url_exits_2(
    capsys: pytest.CaptureFixture[str], closed_port: int
) -> None:
    code, out, err = run(capsys, "check", f"http://127.0.0.1:{closed_port}/feed.json")
    assert code == 2
    assert out == ""
    assert_one_line_error(err)


# --- snapshot and schema --------------------------------------------------------------


def test_snapshot_file(capsys: pytest.CaptureFixture[str], feed_file: Path) -> None:
    code, out, err = run(
        capsys, "snapshot", str(feed_file), "--declarations", "1", "--moments", "0"
    )
    assert code == 0
    assert "96 of 124 councils reported (77%)" in out
    assert out.splitlines()[-1] == "03:12  Dudley · LAB lose to NOC"
    assert err.splitlines() == [  # the seed's own table: its seat changes do not add up to 0
        "warning: contests[0] (england): seat changes add up to +3, not 0"
        ": the seats up changed (new boundaries), or parties are missing"
    ]


def test_snapshot_url_and_recording(
    capsys: pytest.CaptureFixture[str], served: FeedServer, tmp_path: Path
) -> None:
    code, out, _ = run(capsys, "snapshot", served.url)
    assert (code, out.splitlines()[0]) == (0, "Election 2016 results live")
    recording = tmp_path / "night.jsonl"
    first, last = document(councils(reported=1)), document(councils(reported=96), sequence=2)
    recording.write_bytes(encode(first) + b"\n" + encode(last) + b"\n")
    code, out, _ = run(capsys, "snapshot", str(recording))
    assert code == 0
    assert "96 of 124" in out  # the recording's last document


def test_snapshot_invalid_and_unreachable(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, closed_port: int
) -> None:
    path = tmp_path / "bad.json"
    path.write_bytes(encode(broken(document())))
    code, out, err = run(capsys, "snapshot", str(path))
    assert (code, out) == (1, "")
    assert "contests[0].parties[3].seats: must be ≥ 0" in err
    code, out, err = run(capsys, "snapshot", f"http://127.0.0.1:{closed_port}/feed.json")
    assert (code, out) == (2, "")
    assert_one_line_error(err)


def test_schema_is_the_feed_json_schema(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "schema")
    assert code == 0
    schema = json.loads(out)
    assert schema["title"] == "Feed"
    assert set(schema["required"]) >= {"format", "sequence", "published_at", "title", "contests"}
    assert out.startswith("{\n  ")


def test_light_commands_do_not_import_textual(tmp_path: Path) -> None:
    path = tmp_path / "feed.json"
    path.write_bytes(encode(document()))
    code = (
        "import sys; from board.cli import main; "
        f"main(['check', {str(path)!r}]); main(['schema']); main(['snapshot', {str(path)!r}]); "
        "sys.exit(1 if 'textual' in sys.modules else 0)"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, timeout=60)
    assert done.returncode == 0, done.stderr
