"""Provides `load`: an AP response parsed in another process when it is large.

A national response is ~20 MB of JSON. `json.loads` holds the GIL for the
whole parse (≈0.3–0.5 s here), so a worker thread does not spare the event
loop: the board would freeze for as long. Parsed in a child process, the
loop stays free and only the small result (the races' statewide totals)
comes back. Children come from a fork server that has the parser imported
(a fork costs milliseconds), and each child serves one document then exits,
so the parse's memory (≈150 MB of Python objects for 20 MB of JSON) goes
back to the system instead of staying in the board.

Measured by `python -m bench.ap_bench`.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import threading
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from feeds.ap.parse import ApResponse, parse_response

__all__ = ["OFFLOAD_BYTES", "load", "warm_up"]

OFFLOAD_BYTES = 1_000_000
"""Documents at least this large are parsed in a child process (smaller: ≈25 ms or less)."""

_lock = threading.Lock()
_context: multiprocessing.context.ForkServerContext | None = None
_unavailable = False
"""Set once a child could not be had: later documents are parsed here without trying again."""


def _forkserver() -> multiprocessing.context.ForkServerContext:
    global _context
    with _lock:
        if _context is None:
            context = multiprocessing.get_context("forkserver")
            context.set_forkserver_preload(["feeds.ap.parse"])
            _context = context
        return _context


def warm_up() -> None:
    """Start the fork server in the background (it takes a fraction of a second, once)."""

    def start() -> None:
        from multiprocessing import forkserver

        _forkserver()
        with contextlib.suppress(OSError, ValueError, RuntimeError):  # `load` parses here then
            forkserver.ensure_running()

    threading.Thread(target=start, name="ap-forkserver", daemon=True).start()


def load(body: bytes) -> ApResponse:
    """`parse_response(body)`, in a child process when `body` is large.

    Falls back to this process when no child can be had (a sandbox without
    `fork`, say): slower for the loop, never wrong.

    Raises:
        FeedDecodeError: as `parse_response`.
    """
    global _unavailable
    if len(body) < OFFLOAD_BYTES or _unavailable:
        return parse_response(body)
    try:
        with ProcessPoolExecutor(
            max_workers=1, mp_context=_forkserver(), max_tasks_per_child=1
        ) as pool:
            return pool.submit(parse_response, body).result()
    except (BrokenProcessPool, OSError, RuntimeError, ValueError):
        # No fork server here (a sandbox; standard streams without file descriptors, as under
        # a test harness): parse in this process, and do not try again.
        _unavailable = True
        return parse_response(body)
