"""End to end: what the terminal can do to the board — resize storms, signals, hang-ups, no stdin.

The real board watches a JSON file in a pseudo-terminal. A resize storm must
leave it whole; SIGHUP and SIGTERM must end it with the documented code
(128 + signal number, `board/app.py`) and the terminal handed back (alternate
screen left, cursor shown); with standard input at end-of-file it must not
spin the CPU.
"""

from __future__ import annotations

import json
import signal
import time
from collections.abc import Callable
from pathlib import Path

import psutil
import pytest

from bench.terminal import PtyProgram, board_command
from sample_feeds.factory import document
from tests.e2e.conftest import restored, watch

pytestmark = pytest.mark.e2e

WHOLE = ("1005", "-28", "Labour", "No Overall Control", "LIVE", "Quit")
"""What a whole board at 120×40 shows."""

STORM = [(20, 5), (80, 24), (40, 10), (200, 60), (59, 19), (120, 40), (21, 6), (100, 30)]
"""Sizes a storm cycles through (20×5 the smallest)."""

CPU_LIMIT = 0.20
"""Most of one core the board may use while it has nothing to do."""


def cpu_share(pid: int, seconds: float) -> float:
    """The share of one core the process used over `seconds` (0.0 if it exits meanwhile)."""
    process = psutil.Process(pid)
    try:
        before = process.cpu_times()
        start = time.monotonic()
        time.sleep(seconds)  # the measurement window itself, not a wait for a condition
        after = process.cpu_times()
    except psutil.NoSuchProcess:
        return 0.0
    used = (after.user + after.system) - (before.user + before.system)
    return used / (time.monotonic() - start)


@pytest.fixture
def feed(tmp_path: Path) -> str:
    path = tmp_path / "feed.json"
    path.write_text(json.dumps(document()))
    return str(path)


def whole(screen: str) -> bool:
    return all(part in screen for part in WHOLE)


def whole_without_keys(screen: str) -> bool:
    """A whole display-only board: the figures, and no key footer (there is no keyboard)."""
    return all(part in screen for part in WHOLE if part != "Quit") and "Quit" not in screen


def test_resize_storm_leaves_the_board_whole(
    feed: str, record_property: Callable[[str, object], None]
) -> None:
    with watch(feed) as board:
        board.wait_for_text(whole)
        board.resize(20, 5)
        board.wait_for_text("too small")
        resizes = 1
        for _ in range(8):
            for width, height in STORM:
                board.resize(width, height)
                resizes += 1
        assert board.alive
        board.resize(120, 40)
        record_property("resizes", resizes + 1)
        text = board.wait_for_text(whole, timeout=8)
        assert "too small" not in text
        assert board.alive
        board.send("q")
        assert board.wait_exit() == 0
        assert restored(bytes(board.raw))


@pytest.mark.parametrize(
    "signum", [signal.SIGHUP, signal.SIGTERM, signal.SIGINT], ids=["SIGHUP", "SIGTERM", "SIGINT"]
)
def test_signal_exits_cleanly_and_restores_the_terminal(feed: str, signum: int) -> None:
    with watch(feed) as board:
        board.wait_for_text(whole)
        board.signal(signum)
        assert board.wait_exit(timeout=10) == 128 + signum
        raw = bytes(board.raw)
        assert restored(raw), f"terminal not restored; output ends {raw[-120:]!r}"
        assert b"Traceback" not in raw


def cpu_until_exit(board: PtyProgram, limit: float) -> tuple[float, float]:
    """(share of one core, seconds) the process used from now until it exits or `limit` passes."""
    process = psutil.Process(board.process.pid)
    start = time.monotonic()
    first = last = process.cpu_times()
    end = start
    while board.alive and time.monotonic() - start < limit:
        try:
            last, end = process.cpu_times(), time.monotonic()
        except psutil.NoSuchProcess:
            break
        time.sleep(0.05)  # the sampling period of the measurement, not a wait
    used = (last.user + last.system) - (first.user + first.system)
    return used / max(end - start, 1e-6), end - start


def test_stdin_at_end_of_file_does_not_spin(
    feed: str, record_property: Callable[[str, object], None]
) -> None:
    with watch(feed, stdin_devnull=True) as board:
        board.wait_for_text(whole_without_keys)  # start-up (imports, first paint) is not idling
        share, seconds = cpu_until_exit(board, 5.0)
        record_property("cpu_share_stdin_eof", round(share, 3))
        record_property("seconds_to_exit_stdin_eof", round(seconds, 2))
        # Display-only: it keeps showing the board (a wall screen fed by a service), idle.
        assert board.alive, "a board without a keyboard should keep showing the figures"
        assert share < 0.2, f"{share:.0%} of a core over {seconds:.1f} s with stdin at EOF"
        board.signal(signal.SIGTERM)
        assert board.wait_exit(timeout=10) == 128 + signal.SIGTERM
        assert restored(bytes(board.raw))


def test_keys_typed_at_a_display_only_board_neither_show_nor_echo(feed: str) -> None:
    with watch(feed, stdin_devnull=True) as board:
        board.wait_for_text(whole_without_keys)
        typed = time.monotonic()
        board.send("zqxwv hello\r")  # someone types at the wall screen's keyboard
        board.wait_quiet(0.5, 5, since=typed)  # the next repaint has come and gone
        text = board.wait_for_text(whole_without_keys)
        assert "zqxwv" not in text and "hello" not in text
        assert b"zqxwv" not in board.raw, "the terminal echoed the keys onto the board"
        assert board.alive
        board.signal(signal.SIGTERM)
        assert board.wait_exit(timeout=10) == 128 + signal.SIGTERM


def test_ssh_disconnect_hang_up_then_sighup_exits(feed: str) -> None:
    board = watch(feed)
    try:
        board.wait_for_text(whole)
        board.hang_up()
        board.signal(signal.SIGHUP)  # the kernel's SIGHUP to the terminal's session
        assert board.wait_exit(timeout=10) in (0, 128 + signal.SIGHUP)
    finally:
        board.close()


def test_terminal_gone_without_sighup_exits(
    feed: str, record_property: Callable[[str, object], None]
) -> None:
    board = watch(feed)
    try:
        board.wait_for_text(whole)
        board.hang_up()  # no SIGHUP: a board whose pty is not its controlling terminal, or nohup
        # A watchdog checks the terminal twice a second and leaves as for SIGHUP.
        start = time.monotonic()
        assert board.wait_exit(timeout=10) == 128 + signal.SIGHUP
        record_property("seconds_to_leave_hung_up", round(time.monotonic() - start, 2))
    finally:
        board.close()


DROP_AT = (0.1, 0.2, 0.5, 0.8, 1.1, 1.4, 2.0)
"""Seconds after start at which the terminal is closed: through imports, first paint, the
first polls (the field fault hung 7 times in 9 at about 1 s)."""

IGNORING_SIGHUP = ["sh", "-c", 'trap "" HUP; exec "$@"', "sh"]
"""Runs the rest with SIGHUP ignored, as `nohup` or a shell's `trap "" HUP` does: a hang-up then
sends no signal the board hears (the field fault: closed in its first 0.7 s, it ran on headless)."""


@pytest.mark.parametrize("sighup", ["delivered", "ignored"])
@pytest.mark.parametrize("seconds", DROP_AT)
def test_terminal_closed_at_any_moment_ends_the_board_with_129(
    seconds: float, sighup: str, record_property: Callable[[str, object], None]
) -> None:
    wrapper = IGNORING_SIGHUP if sighup == "ignored" else []
    board = PtyProgram([*wrapper, *board_command(), "demo"], controlling=True)
    try:
        time.sleep(seconds)  # the moment of the drop is this test's input, not a wait
        board.hang_up()  # the kernel sends SIGHUP and SIGCONT to the terminal's session
        start = time.monotonic()
        code = board.wait_exit(timeout=10)
        # Before the board has its handlers (Python's first ~0.5 s) SIGHUP's default action
        # ends it; a shell reports that as 129 too. Ignored, the board must see the hang-up.
        allowed = {128 + signal.SIGHUP} | ({-signal.SIGHUP} if sighup == "delivered" else set())
        assert code in allowed
        record_property(
            f"seconds_to_leave_drop_at_{seconds:g}_sighup_{sighup}",
            round(time.monotonic() - start, 2),
        )
    finally:
        board.close()
