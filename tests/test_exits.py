"""Tests of how the board leaves: writes to a terminal that went away, signals, the watchdog."""

from __future__ import annotations

import io
import os
import pty
import signal
import sys
import threading
from pathlib import Path

import pytest

from board.driver import TerminalFile
from board.exits import CODES, ExitGuard
from board.terminal import hung_up, terminal_fd
from tests.waiting import wait_for


def _hung_up_terminal() -> io.TextIOWrapper:
    """A terminal (pty slave) whose other side has been closed, as after an SSH drop."""
    master, slave = pty.openpty()
    os.close(master)
    return open(slave, "w", encoding="utf-8")


def test_writes_to_a_terminal_that_hung_up_are_swallowed_and_noticed() -> None:
    with _hung_up_terminal() as terminal:
        safe = TerminalFile(terminal)
        for _ in range(3):
            safe.write("\x1b[?1049l" * 2000)  # more than any buffer: the write reaches the tty
            safe.flush()
        assert safe.gone
        assert not safe.isatty()


def test_other_write_errors_are_not_swallowed() -> None:
    class Full(io.StringIO):
        def write(self, text: str) -> int:
            raise OSError(28, "No space left on device")

    safe = TerminalFile(Full())
    with pytest.raises(OSError, match="No space"):
        safe.write("x")
    assert not safe.gone


def test_textual_writer_thread_never_blocks_on_a_terminal_that_went_away() -> None:
    from textual.drivers._writer_thread import MAX_QUEUED_WRITES, WriterThread

    with _hung_up_terminal() as terminal:
        writer = WriterThread(TerminalFile(terminal))  # type: ignore[arg-type]
        writer.start()
        done = threading.Event()

        def write_a_lot() -> None:
            for _ in range(MAX_QUEUED_WRITES * 10):  # past the queue: blocks if the thread died
                writer.write("\x1b[2J" * 1000)
            writer.stop()
            done.set()

        threading.Thread(target=write_a_lot, daemon=True).start()
        wait_for(done.is_set, "every write and the writer's stop to return")


class _App:
    """Stands in for the board: records the exit it was asked for; may be 'not running'."""

    def __init__(self, running: bool = True) -> None:
        self.running = running
        self.asked: list[int] = []

    def request_exit(self, code: int) -> bool:
        if self.running:
            self.asked.append(code)
        return self.running


@pytest.mark.parametrize("signum", list(CODES))
def test_a_signal_asks_the_running_app_to_leave_with_its_code(signum: int) -> None:
    app = _App()
    hard: list[int] = []
    with ExitGuard(app.request_exit, deadline=30, hard_exit=hard.append):
        os.kill(os.getpid(), signum)
        wait_for(lambda: app.asked, "the app to be asked to leave")
    assert app.asked == [128 + signum]
    assert hard == []


def test_a_signal_before_the_app_runs_leaves_at_once() -> None:
    with pytest.raises(SystemExit) as leaving, ExitGuard(_App(running=False).request_exit):
        os.kill(os.getpid(), signal.SIGTERM)
        wait_for(lambda: False, "the signal handler to raise", timeout=5)
    assert leaving.value.code == 143


def test_an_app_that_does_not_leave_in_time_is_ended_by_the_watchdog() -> None:
    app = _App()
    hard: list[int] = []
    with ExitGuard(app.request_exit, deadline=0.2, hard_exit=hard.append):
        os.kill(os.getpid(), signal.SIGTERM)
        wait_for(lambda: hard, "the watchdog to end the process")
    assert hard == [143]


def test_a_terminal_gone_without_sighup_is_noticed_by_the_watchdog() -> None:
    master, slave = pty.openpty()
    app = _App()
    hard: list[int] = []
    try:
        with ExitGuard(app.request_exit, terminal_fd=slave, deadline=30, hard_exit=hard.append):
            assert app.asked == []
            os.close(master)  # the other side went away; no signal is sent
            wait_for(lambda: app.asked, "the hang-up to be noticed")
    finally:
        os.close(slave)
    assert app.asked == [129]


def test_a_terminal_that_hung_up_is_told_from_a_file_a_pipe_and_a_live_terminal(
    tmp_path: Path,
) -> None:
    with _hung_up_terminal() as gone:
        assert not os.isatty(gone.fileno())
        assert hung_up(gone.fileno())
    master, live = pty.openpty()
    read_end, write_end = os.pipe()
    with open(tmp_path / "log", "w") as file:
        try:
            assert [hung_up(fd) for fd in (live, read_end, write_end, file.fileno())] == [False] * 4
        finally:
            for fd in (master, live, read_end, write_end):
                os.close(fd)


def test_a_terminal_that_hung_up_before_start_up_is_still_the_one_watched(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Closed during start-up with SIGHUP ignored (nohup): the board must still watch the
    terminal it would draw on (and leave with 129), not run on as if it had none."""
    with _hung_up_terminal() as gone, open(os.devnull, "w") as null:
        monkeypatch.setattr(sys, "__stderr__", gone)
        monkeypatch.setattr(sys, "__stdout__", null)
        assert terminal_fd() == gone.fileno()
        app = _App(running=False)  # still starting: no app to ask, so the watchdog ends it
        hard: list[int] = []
        with ExitGuard(app.request_exit, terminal_fd=terminal_fd(), hard_exit=hard.append):
            wait_for(lambda: hard, "the watchdog to end the process")
        assert hard == [129]
