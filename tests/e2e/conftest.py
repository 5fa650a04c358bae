"""Provides what the hostile-night e2e tests share: starting the real board, and its checks.

Every test here runs the real `results-board` command in a pseudo-terminal.
Figures a report needs (recovery time, strings tried, memory) are recorded
with pytest's `record_property`, so `python -m bench.reliability` reads them
from the JUnit XML of a run.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from bench.terminal import PtyProgram, board_command

__all__ = ["INTERVAL", "SIZE", "restored", "watch"]

INTERVAL = 1.0
"""The poll interval every watched board runs at (the CLI's minimum)."""

SIZE = (120, 40)
"""The terminal the board runs in."""

ALT_SCREEN_ON = b"\x1b[?1049h"
ALT_SCREEN_OFF = b"\x1b[?1049l"
CURSOR_HIDE = b"\x1b[?25l"
CURSOR_SHOW = b"\x1b[?25h"


def watch(source: str, *, size: tuple[int, int] = SIZE, stdin_devnull: bool = False) -> PtyProgram:
    """`results-board watch SOURCE --interval 1 --deadline 2` in a fresh pseudo-terminal.

    The short deadline keeps the hanging and trickling servers' steps short.
    """
    command = [
        *board_command(),
        *("watch", source, "--interval", f"{INTERVAL:g}", "--deadline", "2"),
    ]
    return PtyProgram(command, size=size, stdin_devnull=stdin_devnull)


def restored(raw: bytes) -> bool:
    """True when the terminal was handed back: alternate screen left and cursor shown last."""
    return raw.rfind(ALT_SCREEN_OFF) > raw.rfind(ALT_SCREEN_ON) >= 0 and raw.rfind(
        CURSOR_SHOW
    ) > raw.rfind(CURSOR_HIDE)


@pytest.fixture
def feed_file(tmp_path: Path) -> Iterator[Path]:
    """A path for a JSON feed file the test writes (the board watches it)."""
    yield tmp_path / "feed.json"
