"""Provides what the board needs to know of its terminal before it starts: which fd it draws on,
and a silent stdin when standard input is not a terminal.

- `terminal_fd()`: the descriptor Textual draws on, for `ExitGuard` to watch for
  a hang-up without SIGHUP (`board/exits.py`, which also handles the signals) —
  also when the terminal hung up before the board got this far (`hung_up`).
- `quiet_stdin_if_not_a_terminal()`: with standard input closed or not a
  terminal (a wall screen started by a service, `< /dev/null`), Textual's
  input thread would spin at end-of-file; it gets a pipe that never delivers
  instead, and the board runs display-only.

- `no_echo(fd)`: a display-only board still draws on a terminal whose keyboard
  nobody reads; without this, keys typed at it would echo onto the board.

Nothing here imports Textual; `board/app.py` wires these in.
"""

from __future__ import annotations

import contextlib
import errno
import os
import sys
import termios
from collections.abc import Iterator

__all__ = ["hung_up", "no_echo", "quiet_stdin_if_not_a_terminal", "terminal_fd"]


def terminal_fd() -> int | None:
    """The file descriptor Textual draws on (standard error, else output), if a terminal —
    or a terminal that has already hung up, so that the board leaves with 129 rather than
    running on headless (closed during start-up with SIGHUP ignored, as under `nohup`)."""
    for stream in (sys.__stderr__, sys.__stdout__):
        try:
            if stream is not None and (os.isatty(stream.fileno()) or hung_up(stream.fileno())):
                return stream.fileno()
        except (OSError, ValueError):
            continue
    return None


def hung_up(fd: int) -> bool:
    """Whether `fd` is a terminal that hung up (its far side closed: a closed window, a dropped
    SSH link). Such a descriptor is no longer a tty (`os.isatty` is False) but, unlike a file or
    a pipe (ENOTTY), its terminal calls fail with EIO (Linux's hung-up tty operations)."""
    try:
        termios.tcgetattr(fd)
    except termios.error as error:
        return bool(error.args) and error.args[0] == errno.EIO
    except OSError as error:
        return error.errno == errno.EIO
    return False


def quiet_stdin_if_not_a_terminal() -> int | None:
    """Replace a non-terminal stdin with a silent pipe; return the pipe's write end to keep
    (close it after the board ends), or None when stdin is a terminal.

    Under textual-serve (`serve-web`) standard input is not a terminal either, but it is
    the web driver's channel for keys, browser resizes and "quit": it is kept (None).
    Replaced, keys and resizes went unheard and a closed tab left its board running,
    blocked writing to a full pipe.
    """
    if "web_driver" in os.environ.get("TEXTUAL_DRIVER", ""):  # set by textual-serve
        return None
    try:
        if os.isatty(0):
            return None
    except OSError:
        pass
    read_end, write_end = os.pipe()
    os.dup2(read_end, 0)
    os.close(read_end)
    return write_end


@contextlib.contextmanager
def no_echo(fd: int | None) -> Iterator[None]:
    """Turn off echo and line editing on the terminal `fd` for the block, then restore them
    and drop whatever was typed meanwhile (so it does not spill into the shell afterwards).
    Does nothing when `fd` is None or not a terminal."""
    try:
        before = termios.tcgetattr(fd) if fd is not None else None
    except (termios.error, OSError):
        before = None
    if fd is None or before is None:
        yield
        return
    quiet = list(before)
    quiet[3] &= ~(termios.ECHO | termios.ICANON)  # lflags
    with contextlib.suppress(termios.error, OSError):
        termios.tcsetattr(fd, termios.TCSANOW, quiet)
    try:
        yield
    finally:
        with contextlib.suppress(termios.error, OSError):
            termios.tcflush(fd, termios.TCIFLUSH)
            termios.tcsetattr(fd, termios.TCSANOW, before)
