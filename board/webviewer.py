"""Provides `ViewerService`: one browser viewer's board process for serve-web, sure to end.

textual-serve's own service starts a shell command and, when the tab goes,
sends "quit" and waits for the output to end: a board that does not hear it
(or is blocked writing to a full pipe) stays forever. This one starts the
board without a shell, in a session of its own (or forks it from the zygote,
`board.webspawn`), keeps draining its output after the tab has gone, and ends
it for sure: "quit" and end of input, then SIGTERM to its process group after
`QUIT_GRACE`, then SIGKILL after `TERM_GRACE`. A viewer's board never inherits
the feed's secrets: only the relay reads the upstream.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import sys
from collections.abc import Sequence
from importlib.metadata import version
from typing import Any

from textual_serve.app_service import AppService

from board.webspawn import spawn

__all__ = ["QUIT_GRACE", "SECRETS", "TERM_GRACE", "ViewerService", "viewer_environment"]

QUIT_GRACE = 2.0
"""Seconds a viewer's board has to leave after "quit" and end of input before SIGTERM."""

TERM_GRACE = 2.0
"""Seconds after SIGTERM before SIGKILL."""

SECRETS = ("RESULTS_BOARD_TOKEN", "RESULTS_BOARD_FTP_PASSWORD", "RESULTS_BOARD_AP_KEY")
"""Environment variables a viewer's board never inherits: only the relay reads the upstream."""


def viewer_environment(extra: dict[str, str]) -> dict[str, str]:
    """A viewer's board's environment: ours without secrets, what textual-serve sets, `extra`."""
    environment = {k: v for k, v in os.environ.items() if k not in SECRETS}
    environment |= {
        "TEXTUAL_DRIVER": "textual.drivers.web_driver:WebDriver",
        "TEXTUAL_FPS": "60",
        "TEXTUAL_COLOR_SYSTEM": "truecolor",
        "TERM_PROGRAM": "textual",
        "TERM_PROGRAM_VERSION": version("textual-serve"),
    }
    return environment | extra


class ViewerService(AppService):
    """One viewer's board process, sure to end when its tab does.

    `argv` are the board's arguments (`watch URL …`); the board is forked by the
    zygote at `zygote` when there is one, else started as `command` + `argv`.
    """

    def __init__(
        self,
        argv: Sequence[str],
        environment: dict[str, str],
        zygote: str | None = None,
        command: Sequence[str] = (sys.executable, "-m", "board"),
        **kwargs: Any,
    ) -> None:
        super().__init__(" ".join(argv), **kwargs)
        self._argv = list(argv)
        self._command = list(command)
        self._environment = environment
        self._zygote = zygote
        self.closed = False
        """True once the browser side is gone: output is drained and dropped."""
        self._ending: asyncio.Task[None] | None = None

    async def _open_app_process(self, width: int = 80, height: int = 24) -> Any:
        size = {"COLUMNS": str(width), "ROWS": str(height)}
        if self._zygote is not None:
            with contextlib.suppress(OSError):  # no zygote: start the board the slow way
                forked = await spawn(self._zygote, self._argv, size)
                # A ForkedBoard has what textual-serve uses of a Process (stdout, stderr, stdin).
                self._process = forked  # type: ignore[assignment]
                self._stdin = forked.stdin
                return forked
        self._process = process = await asyncio.create_subprocess_exec(
            *self._command,
            *self._argv,
            stdin=asyncio.subprocess.PIPE,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
            env=viewer_environment(self._environment | size),
            start_new_session=True,  # a process group of its own: SIGTERM reaches all of it
        )
        self._stdin = process.stdin
        return process

    @property
    def pid(self) -> int | None:
        """The board process's id, once started."""
        return None if self._process is None else self._process.pid

    async def on_data(self, payload: bytes) -> None:
        if self.closed:
            return
        try:
            await super().on_data(payload)
        except (ConnectionError, RuntimeError):  # the tab went: keep draining, send nothing
            self.closed = True

    async def stop(self) -> None:
        """End the board: quit, end of input, SIGTERM, SIGKILL, each after a grace period.

        A closing tab and a stopping server may both ask: they share one ending.
        """
        if self._ending is None:
            self._ending = asyncio.create_task(self._end())
        await asyncio.shield(self._ending)

    async def _end(self) -> None:
        self.closed = True
        process = self._process
        if process is None:
            return
        if process.returncode is None:
            with contextlib.suppress(Exception):  # a board that reads nothing: its pipe may be full
                await asyncio.wait_for(self.send_meta({"type": "quit"}), QUIT_GRACE)
            if self._stdin is not None:
                with contextlib.suppress(Exception):
                    self._stdin.close()
        for next_signal, grace in ((signal.SIGTERM, QUIT_GRACE), (signal.SIGKILL, TERM_GRACE)):
            try:
                await asyncio.wait_for(process.wait(), grace)
                break
            except TimeoutError:
                with contextlib.suppress(ProcessLookupError, PermissionError):
                    os.killpg(process.pid, next_signal)
        else:
            await process.wait()
        if self._task is not None:
            with contextlib.suppress(Exception):
                await asyncio.wait_for(self._task, TERM_GRACE)
            self._task = None
