"""Provides `ExitGuard`: every way a board is told to go ends it, with the right code, in time.

| cause | exit code |
| :- | -: |
| SIGHUP (an SSH disconnect, a closed terminal window) | 129 |
| SIGINT (Ctrl+C from outside, `kill -INT`) | 130 |
| SIGTERM (a service manager) | 143 |
| the terminal hung up without a SIGHUP (`nohup`) | 129 |

A signal asks the running app to leave cleanly (restoring the terminal);
before the app runs it leaves at once. Either way a watchdog thread — which
runs whatever the event loop is doing — ends the process with the same code
if it is still alive `DEADLINE` seconds later, so no blocked write, no stuck
thread and no signal arriving mid start-up can leave an orphan behind (the
field fault: a board whose terminal closed about 1 s after start stayed alive,
deaf to SIGTERM). The handlers are installed with `signal.signal`, not the
event loop's, because the loop may be the thing that is stuck.
"""

from __future__ import annotations

import contextlib
import os
import signal
import threading
import time
from collections.abc import Callable
from types import FrameType
from typing import Self

__all__ = ["CODES", "DEADLINE", "ExitGuard"]

CODES = {signal.SIGHUP: 129, signal.SIGINT: 130, signal.SIGTERM: 143}
"""The exit code for each signal: 128 + its number."""

DEADLINE = 1.5
"""Seconds a clean exit may take once asked before the watchdog ends the process."""

TERMINAL_CHECK = 0.5
"""Seconds between the watchdog's checks that the terminal is still a terminal."""


class ExitGuard:
    """Installs the board's signal handlers and a watchdog for as long as the `with` block runs.

    `request_exit(code)` must ask the app to leave with `code`; it is called
    from a signal handler or from the watchdog thread, so it must be
    thread-safe, and it returns False when there is no running app to ask
    (the guard then leaves at once with `SystemExit`). `terminal_fd` is the
    descriptor the board draws on, watched for a hang-up without SIGHUP.
    """

    def __init__(
        self,
        request_exit: Callable[[int], bool],
        *,
        terminal_fd: int | None = None,
        deadline: float = DEADLINE,
        hard_exit: Callable[[int], None] = os._exit,
    ) -> None:
        self._request_exit = request_exit
        self._terminal_fd = terminal_fd
        self._deadline = deadline
        self._hard_exit = hard_exit
        self._previous: dict[int, object] = {}
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._due: float | None = None
        self._last_check = 0.0
        self.code: int | None = None
        """The exit code asked for, once a signal or a hang-up asked for one."""
        self._thread = threading.Thread(target=self._watch, name="exit-guard", daemon=True)

    def __enter__(self) -> Self:
        for signum in CODES:
            self._previous[signum] = signal.signal(signum, self._on_signal)
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join(timeout=1)
        for signum, previous in self._previous.items():
            with contextlib.suppress(TypeError, ValueError):
                signal.signal(signum, previous)  # type: ignore[arg-type]

    def leave(self, code: int, grace: float | None = None) -> None:
        """Ask for an exit with `code`, and end the process if it has not happened in time.

        Raises:
            SystemExit: there is no running app to ask (start-up, tear-down).
        """
        with self._lock:
            first = self.code is None
            if first:
                self.code = code
                self._due = time.monotonic() + (self._deadline if grace is None else grace)
        if first and not self._request_exit(code):
            raise SystemExit(code)

    def _on_signal(self, signum: int, frame: FrameType | None) -> None:
        # After a hang-up there is no terminal to restore: a short grace is enough.
        hang_up = signum == signal.SIGHUP
        self.leave(CODES[signal.Signals(signum)], grace=self._deadline / 2 if hang_up else None)

    def _watch(self) -> None:
        while not self._stop.wait(0.1):
            with self._lock:
                due, code = self._due, self.code
            if due is not None and code is not None and time.monotonic() >= due:
                self._hard_exit(code)
                return
            if due is None and self._terminal_fd is not None and self._hung_up():
                try:
                    self.leave(CODES[signal.SIGHUP], grace=self._deadline / 2)
                except SystemExit:  # no app to ask: nothing to restore, leave now
                    self._hard_exit(CODES[signal.SIGHUP])
                    return

    def _hung_up(self) -> bool:
        fd = self._terminal_fd
        assert fd is not None
        now = time.monotonic()
        if now - self._last_check < TERMINAL_CHECK:
            return False
        self._last_check = now
        try:
            return not os.isatty(fd)
        except OSError:
            return True
