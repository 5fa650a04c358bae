"""Provides the only way tests wait: bounded polling of a condition.

A loaded machine makes a test slower, never red: each wait polls its
condition until it holds or the bound passes, then fails with what it waited
for. No test sleeps a fixed time to "let things settle".
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable

DEFAULT_TIMEOUT = 10.0


def wait_for(
    condition: Callable[[], object],
    what: str,
    timeout: float = DEFAULT_TIMEOUT,
    poll: float = 0.02,
) -> None:
    """Block until `condition()` is truthy, or fail naming `what` after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout:g} s waiting for {what}")
        time.sleep(poll)


async def async_wait_for(
    condition: Callable[[], object | Awaitable[object]],
    what: str,
    timeout: float = DEFAULT_TIMEOUT,
    poll: float = 0.02,
) -> None:
    """Like `wait_for`, yielding to the event loop between checks."""
    deadline = time.monotonic() + timeout
    while True:
        result = condition()
        if isinstance(result, Awaitable):
            result = await result
        if result:
            return
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout:g} s waiting for {what}")
        await asyncio.sleep(poll)
