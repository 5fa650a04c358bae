"""Tests of what the board does where the locale or the terminal cannot show it."""

from __future__ import annotations

import io
import os
import subprocess
from pathlib import Path

import pytest

from bench.terminal import ROOT, PtyProgram, board_command
from board.environment import ERRORS, encoding_problem, terminal_problem

RECORDING = str(ROOT / "sample_feeds" / "election-2016.jsonl")


@pytest.mark.parametrize(
    ("term", "says"),
    [
        ("dumb", "TERM=dumb"),
        ("", "TERM is not set"),
        ("   ", "TERM is not set"),
        ("no-such-terminal-xyz", "no terminfo entry"),
    ],
)
def test_terminals_that_cannot_draw_are_named(term: str, says: str) -> None:
    problem = terminal_problem({"TERM": term})
    assert problem is not None and says in problem


def test_an_unset_term_is_named() -> None:
    assert terminal_problem({}) is not None


@pytest.mark.parametrize(
    "term", ["xterm-256color", "xterm", "screen-256color", "tmux-256color", "linux", "vt100"]
)
def test_terminals_that_draw_pass(term: str) -> None:
    assert terminal_problem({"TERM": term}) is None


@pytest.mark.parametrize("encoding", ["latin-1", "ascii", "cp1252", "iso8859-15"])
def test_an_output_that_is_not_utf8_is_named_with_the_fix(encoding: str) -> None:
    stream = io.TextIOWrapper(io.BytesIO(), encoding=encoding)
    problem = encoding_problem(stream)
    assert problem is not None and "UTF-8" in problem and "--plain" in problem
    assert encoding_problem(io.TextIOWrapper(io.BytesIO(), encoding="utf-8")) is None


def test_typographic_characters_become_lookalikes_and_the_rest_question_marks() -> None:
    text = "LAB ▲ +5 — Ynys Môn · “hung on” … 你好"
    latin = 'LAB + +5 - Ynys Môn · "hung on" ... ??'  # "·" and "ô" are Latin-1's own
    assert text.encode("latin-1", errors=ERRORS) == latin.encode("latin-1")
    assert text.encode("ascii", errors=ERRORS) == b'LAB + +5 - Ynys M?n | "hung on" ... ??'


def _run(*args: str, encoding: str = "latin-1", **env: str) -> subprocess.CompletedProcess[bytes]:
    environ = {**os.environ, "PYTHONIOENCODING": encoding, **env}
    environ.pop("PYTHONUTF8", None)
    return subprocess.run(
        [*board_command(), *args],
        capture_output=True,
        env=environ,
        cwd=ROOT,
        timeout=60,
        stdin=subprocess.DEVNULL,
    )


@pytest.mark.parametrize("encoding", ["latin-1", "ascii"])
@pytest.mark.parametrize(
    ("args", "code"),
    [
        (("snapshot", RECORDING), 0),
        (("check", RECORDING), 0),
        (("schema",), 0),
        (("--help",), 0),
        (("watch", "--help"), 0),
        (("check", "/no/such/feed.json"), 2),
        (("watch", "ftp://example.invalid/x"), 2),
    ],
)
def test_every_text_command_writes_in_any_locale(
    args: tuple[str, ...], code: int, encoding: str
) -> None:
    done = _run(*args, encoding=encoding)
    assert done.returncode == code, done.stderr
    for output in (done.stdout, done.stderr):
        assert b"Traceback" not in output
        output.decode(encoding)  # every byte is the locale's own


def test_the_board_in_a_locale_that_is_not_utf8_says_what_it_needs_in_one_line() -> None:
    done = _run("demo")
    assert done.returncode == 2
    lines = done.stderr.decode("latin-1").splitlines()
    assert len(lines) == 1 and "UTF-8" in lines[0] and "LANG=" in lines[0]
    assert b"\x1b" not in done.stdout + done.stderr


def test_a_dumb_terminal_gets_plain_snapshots_and_no_escape_sequence(tmp_path: Path) -> None:
    command = [*board_command(), "demo", "--speed", "100000"]
    with PtyProgram(command, env={"TERM": "dumb"}) as board:
        board.wait_for_text("No Overall Control")
        board.wait_for_text("DEMO · sample data")
        assert board.wait_exit(timeout=30) == 0  # the replay ends; plain mode ends with it
        raw = board.raw
    assert b"\x1b" not in raw
    assert b"cannot draw the board" in raw and b"96 of 124" in raw
