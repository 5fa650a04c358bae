"""Provides `Nginx`: the real nginx running `deploy/nginx/` in a folder of its own, on 127.0.0.1.

The configuration is rendered by `deploy/nginx/render.py` exactly as a desk
would (environment in, files out), with its own pid file, logs and temporary
paths under the folder; nothing of the system's nginx is touched. As root
(CI) the worker runs as root, since `render.py` says so. `access()` parses the
access log: one `Hit` per request, with the board's User-Agent and nginx's
connection number (to count connections per board). It lives in `bench/`
(the gallery benchmark uses it) and the e2e test imports it from here.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RENDER = ROOT / "deploy" / "nginx" / "render.py"

_LINE = re.compile(
    r'"(?P<method>\S+) (?P<target>\S+) [^"]*" (?P<status>\d+) (?P<bytes>\d+) '
    r'"(?P<agent>[^"]*)" cache=(?P<cache>\S+) conn=(?P<conn>\d+)/(?P<nreq>\d+)'
)


def nginx_binary() -> str | None:
    """The nginx binary, if installed (Debian puts it in /usr/sbin, not always on PATH)."""
    return shutil.which("nginx", path=f"{os.environ.get('PATH', '')}:/usr/sbin")


def _wait_for(condition: Callable[[], object], what: str, timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout:g} s waiting for {what}")
        time.sleep(0.02)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass(frozen=True)
class Hit:
    """One line of the access log."""

    method: str
    target: str
    status: int
    agent: str
    cache: str
    connection: int


class Nginx:
    """nginx in `folder`, caching `upstream_feed` for `cache_seconds`; a context manager."""

    def __init__(
        self,
        folder: Path,
        upstream_feed: str,
        *,
        cache_seconds: int = 1,
        token: str | None = None,
        header: str | None = None,
    ) -> None:
        binary = nginx_binary()
        if binary is None:
            raise FileNotFoundError("nginx is not installed (apt-get install nginx)")
        self.binary = binary
        self.folder = folder
        self.port = free_port()
        env = {
            **os.environ,
            "RB_UPSTREAM_FEED": upstream_feed,
            "RB_LISTEN": f"127.0.0.1:{self.port}",
            "RB_CACHE_SECONDS": str(cache_seconds),
        }
        env.pop("RB_UPSTREAM_TOKEN", None)
        if token:
            env["RB_UPSTREAM_TOKEN"] = token
        if header:
            env["RB_UPSTREAM_HEADER"] = header
        rendered = subprocess.run(
            [sys.executable, str(RENDER), str(folder)], env=env, capture_output=True, text=True
        )
        assert rendered.returncode == 0, rendered.stderr
        self.render_output = rendered.stdout + rendered.stderr
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/feed.json"

    def _args(self) -> list[str]:
        return [self.binary, "-p", str(self.folder), "-c", str(self.folder / "nginx.conf")]

    def start(self) -> Nginx:
        checked = subprocess.run([*self._args(), "-t"], capture_output=True, text=True)
        assert checked.returncode == 0, checked.stderr
        self.process = subprocess.Popen(self._args(), stderr=subprocess.PIPE)

        def listening() -> bool:
            assert self.process is not None and self.process.poll() is None, self.error_log()
            with socket.socket() as sock:
                return sock.connect_ex(("127.0.0.1", self.port)) == 0

        _wait_for(listening, "nginx to listen")
        return self

    def stop(self) -> None:
        if self.process is None:
            return
        self.process.terminate()  # fast shutdown of master and worker
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=10)
        self.process = None

    def error_log(self) -> str:
        with contextlib.suppress(OSError):
            return (self.folder / "error.log").read_text()
        return ""

    def access(self) -> list[Hit]:
        """Every request logged so far."""
        hits = []
        with contextlib.suppress(OSError):
            for line in (self.folder / "access.log").read_text().splitlines():
                match = _LINE.search(line)
                if match:
                    hits.append(
                        Hit(
                            match["method"],
                            match["target"],
                            int(match["status"]),
                            match["agent"],
                            match["cache"],
                            int(match["conn"]),
                        )
                    )
        return hits

    def __enter__(self) -> Nginx:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
