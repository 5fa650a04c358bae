"""Provides `ServeWeb`: the real `results-board serve-web` command, started for a test.

It relays `feed_url` and serves boards on 127.0.0.1 (port 0); `url` is read
from the line it prints. `boards()` lists the viewers' board processes (those
forked by its zygote, or started to run `watch`), to check that none outlives
its viewer.
"""

from __future__ import annotations

import signal
import subprocess
import sys
import threading
from pathlib import Path

import psutil

from tests.waiting import wait_for

ROOT = Path(__file__).resolve().parent.parent


class ServeWeb:
    """`results-board serve-web --port 0 [options] -- FEED --interval 1`; a context manager."""

    def __init__(self, feed_url: str, *options: str) -> None:
        command = [sys.executable, "-m", "board", "serve-web", "--port", "0", *options]
        self.process = subprocess.Popen(
            [*command, "--", feed_url, "--interval", "1"],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            start_new_session=True,
        )
        self.lines: list[str] = []
        threading.Thread(target=self._read, daemon=True).start()
        wait_for(lambda: self.url or self.process.poll() is not None, "serve-web to listen", 30)
        assert self.process.poll() is None, "".join(self.lines)

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.append(line)

    @property
    def url(self) -> str:
        for line in list(self.lines):
            if line.startswith("serving the board at "):
                return line.split()[4]
        return ""

    def boards(self) -> list[psutil.Process]:
        """The viewers' board processes running now."""
        try:
            children = psutil.Process(self.process.pid).children(recursive=True)
        except psutil.NoSuchProcess:
            return []
        found = []
        for child in children:
            try:
                forked = "board.webspawn" in (child.parent() or child).cmdline()  # by the zygote
                if ("watch" in child.cmdline() or forked) and child.status() != "zombie":
                    found.append(child)
            except psutil.NoSuchProcess:
                continue
        return found

    def stop(self) -> int:
        """Ctrl-C, as a desk would; the exit code."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)
        return self.process.returncode

    def __enter__(self) -> ServeWeb:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()
