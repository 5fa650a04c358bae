"""Provides the board's watch on its terminal: signals, a terminal that hangs up, and stdin.

- `handle_signals(loop, exit)`: SIGHUP (an SSH disconnect) and SIGTERM end the
  board cleanly with 128 + the signal's number (129, 143), the terminal restored.
- `TerminalWatch`: a terminal that hangs up without a SIGHUP (under `nohup`, or
  not our controlling terminal) is noticed within `TERMINAL_CHECK` seconds, and
  the board leaves with 129 at once.
- `quiet_stdin_if_not_a_terminal()`: with standard input closed or not a
  terminal (a wall screen started by a service, `< /dev/null`), Textual's
  input thread would spin at end-of-file; it gets a pipe that never delivers
  instead, and the board runs display-only.

Nothing here imports Textual; `board/app.py` wires these in.
"""

from __future__ import annotations

import asyncio
import functools
import os
import signal
import sys
from collections.abc import Callable

__all__ = [
    "TERMINAL_CHECK",
    "TerminalWatch",
    "handle_signals",
    "quiet_stdin_if_not_a_terminal",
    "terminal_fd",
]

TERMINAL_CHECK = 2.0
"""Seconds between checks that the terminal is still there."""

HANG_UP = 128 + signal.SIGHUP
"""The exit code of a board whose terminal went away: 129, as for SIGHUP."""


def handle_signals(loop: asyncio.AbstractEventLoop, exit: Callable[[int], object]) -> None:
    """Make SIGHUP and SIGTERM call `exit(128 + signal number)` on the event loop."""
    for signum in (signal.SIGHUP, signal.SIGTERM):
        loop.add_signal_handler(signum, functools.partial(exit, 128 + signum))


class TerminalWatch:
    """Notices a terminal that has gone away; call `check` every `TERMINAL_CHECK` seconds."""

    def __init__(self, fd: int, leave: Callable[[int], object] = os._exit) -> None:
        self.fd = fd
        """The file descriptor the board draws on."""
        self._leave = leave

    def check(self) -> None:
        """Leave at once (129) if the terminal hung up.

        Textual's output thread dies on the first failed write and a normal exit
        then blocks forever writing the restore sequences, so there is nothing
        to restore and no clean way out but `os._exit`.
        """
        if not os.isatty(self.fd):
            self._leave(HANG_UP)


def terminal_fd() -> int | None:
    """The file descriptor Textual draws on (standard error, else output), if a terminal."""
    for stream in (sys.__stderr__, sys.__stdout__):
        try:
            if stream is not None and os.isatty(stream.fileno()):
                return stream.fileno()
        except (OSError, ValueError):
            continue
    return None


def quiet_stdin_if_not_a_terminal() -> int | None:
    """Replace a non-terminal stdin with a silent pipe; return the pipe's write end to keep
    (close it after the board ends), or None when stdin is a terminal."""
    try:
        if os.isatty(0):
            return None
    except OSError:
        pass
    read_end, write_end = os.pipe()
    os.dup2(read_end, 0)
    os.close(read_end)
    return write_end
