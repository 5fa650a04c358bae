"""Provides `SafeLinuxDriver`: Textual's Linux driver, unable to hang on a terminal gone away.

Textual writes to the terminal from one writer thread fed by a 30-entry
queue. When the terminal hangs up, the first write fails (EIO), the thread
dies, and the next 30 writes fill the queue; the 31st — often one of the
restore sequences written on the way out — blocks the main thread forever.
A board whose terminal closed during start-up then stayed alive, orphaned,
deaf to SIGTERM (measured: 7 of 9 drops at about 1 s after start under tmux;
`tests/e2e/test_terminal.py`).

The fix is at that root: the driver writes through `TerminalFile`, which
swallows the errors of a terminal that is gone (and remembers it), so the
writer thread never dies and every later write returns at once. Shutdown then
completes normally, and the board leaves with 129 as for SIGHUP.
"""

from __future__ import annotations

import asyncio
import errno
import functools
from typing import IO, Any

from textual.app import App
from textual.driver import Driver
from textual.drivers.linux_driver import LinuxDriver

__all__ = ["SafeExits", "SafeLinuxDriver", "TerminalFile"]

_GONE = {errno.EIO, errno.EPIPE, errno.EBADF, errno.ENXIO, errno.ENODEV, errno.ECONNRESET}
"""What a write to a terminal that hung up (or a closed descriptor) fails with."""


class TerminalFile:
    """A text file for the terminal whose writes never fail once the terminal is gone.

    Errors other than "the terminal is gone" are raised as usual. `gone`
    tells the board that its terminal hung up (exit 129).
    """

    def __init__(self, file: IO[str]) -> None:
        self._file = file
        self.gone = False
        """True once a write or flush found the terminal gone."""

    def write(self, text: str) -> int:
        """Write `text`; a no-op once the terminal is gone."""
        if self.gone:
            return len(text)
        try:
            return self._file.write(text)
        except (OSError, ValueError) as error:
            self._lost(error)
            return len(text)

    def flush(self) -> None:
        """Flush; a no-op once the terminal is gone."""
        if self.gone:
            return
        try:
            self._file.flush()
        except (OSError, ValueError) as error:
            self._lost(error)

    def _lost(self, error: OSError | ValueError) -> None:
        if isinstance(error, OSError) and error.errno not in _GONE:
            raise error
        self.gone = True  # ValueError: the file was closed under us

    def fileno(self) -> int:
        """The terminal's file descriptor."""
        return self._file.fileno()

    def isatty(self) -> bool:
        """Whether the descriptor is (still) a terminal."""
        if self.gone:
            return False
        try:
            return self._file.isatty()
        except (OSError, ValueError):
            return False

    def __getattr__(self, name: str) -> Any:
        return getattr(self._file, name)


class SafeLinuxDriver(LinuxDriver):
    """`LinuxDriver` writing through a `TerminalFile`, so a hang-up can never block the exit."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        assert self._file is not None, "Textual draws on standard error"
        self.terminal = TerminalFile(self._file)
        """The terminal as written to; `terminal.gone` once it hung up."""
        self._file = self.terminal  # type: ignore[assignment]


class SafeExits(App[int]):
    """An app that runs on `SafeLinuxDriver` and can be asked to leave from any thread."""

    _loop_for_exit: asyncio.AbstractEventLoop | None = None

    def remember_loop(self) -> None:
        """Called once the app runs: `request_exit` hands the exit to this loop."""
        self._loop_for_exit = asyncio.get_running_loop()

    def request_exit(self, code: int) -> bool:
        """Ask the running app to leave with `code`, from any thread or a signal handler
        (`board/exits.py`). Returns False when the app is not running (nothing to ask)."""
        loop = self._loop_for_exit
        if loop is None or loop.is_closed():
            return False
        try:
            loop.call_soon_threadsafe(functools.partial(self.exit, return_code=code))
        except RuntimeError:
            return False
        return True

    def get_driver_class(self) -> type[Driver]:
        """Textual's driver; on Linux one that cannot hang on a terminal that went away."""
        driver_class = super().get_driver_class()
        return SafeLinuxDriver if driver_class is LinuxDriver else driver_class
