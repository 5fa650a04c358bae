"""Provides what the command-line tests share: `run` (the CLI's `main` in-process, its exit
code and captured output) and `assert_one_line_error` (a usage or feed error is one line)."""

from __future__ import annotations

import pytest

from board.cli import main

__all__ = ["assert_one_line_error", "run"]


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """`results-board ARGV…` in this process: (exit code, standard output, standard error)."""
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def assert_one_line_error(err: str) -> None:
    """`err` is one line, `results-board: error: …`, with no traceback."""
    assert err.startswith("results-board: error: "), err
    assert err.count("\n") == 1, err
    assert "Traceback" not in err
