"""Provides `open_source`, the one place a command-line SOURCE becomes a `FeedSource`.

A SOURCE is an `http://` or `https://` URL (polled over HTTP), a path ending
in `.jsonl` (a recording, replayed), or any other existing file (JSON or CSV,
re-read when it changes). The implementations live in `feeds.sources.http`,
`feeds.sources.file` and `feeds.sources.replay`; they are imported only when
needed, so a command that never opens a URL never imports httpx's machinery.
"""

from __future__ import annotations

import itertools
import json
import re
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

if TYPE_CHECKING:
    import httpx

    from feeds.source import FeedSource, Snapshot

__all__ = [
    "DEMO_LENGTH",
    "DEMO_MAX_GAP",
    "demo_pace",
    "is_recording",
    "is_url",
    "open_demo",
    "open_source",
    "poll_once",
]

DEMO_LENGTH = 180.0
"""Seconds the demo takes to play the bundled night at its default pace."""
DEMO_MAX_GAP = 5.0
"""The longest a quiet stretch of the night lasts in the demo, in seconds (at least)."""

_URL = re.compile(r"^([A-Za-z][A-Za-z0-9+.\-]*)://")


def is_url(spec: str) -> bool:
    """True when `spec` is written as a URL (`scheme://…`), whatever the scheme."""
    return _URL.match(spec) is not None


def is_recording(spec: str) -> bool:
    """True when `spec` names a recording: a path ending in `.jsonl`."""
    return not is_url(spec) and spec.lower().endswith(".jsonl")


def open_source(
    spec: str,
    *,
    total: int | None = None,
    speed: float = 1.0,
    token: str | None = None,
    client: httpx.AsyncClient | None = None,
    deadline: float = 10.0,
    client_id: str | None = None,
    start_jitter: float = 0.0,
) -> FeedSource:
    """Return the source `spec` names, ready to poll.

    `total` is the number of councils for a CSV file; `speed` the real-time
    factor for a recording; `token` the bearer token, `client` a shared
    `httpx.AsyncClient` and `deadline` the most seconds one poll may take, for
    a URL; `client_id` names the board in its User-Agent and `start_jitter`
    is the most seconds the first poll of a URL waits (spreading a room of
    boards started together). Arguments that do not apply are ignored.

    Raises:
        ValueError: a URL whose scheme is not http or https, or without a host;
            a CSV file without `total`.
        FileNotFoundError: a path that does not exist.
        IsADirectoryError: a path that is a directory.
    """
    match = _URL.match(spec)
    if match:
        scheme = match.group(1).lower()
        if scheme not in ("http", "https"):
            raise ValueError(f"only http and https URLs are supported, not {scheme}://")
        if not urlsplit(spec).hostname:
            raise ValueError(f"the URL has no host: {spec}")
        from feeds.sources.http import HttpSource

        timeout = min(5.0, deadline * 0.75)  # a silent server is named as such before the deadline
        return HttpSource(
            spec,
            client=client,
            token=token,
            deadline=deadline,
            connect_timeout=timeout,
            read_timeout=timeout,
            client_id=client_id,
            start_jitter=start_jitter,
        )
    path = Path(spec).expanduser()
    if not path.exists():
        hint = " (a URL must start with http:// or https://)" if ":" in spec else ""
        raise FileNotFoundError(f"no such file: {spec}{hint}")
    if path.is_dir():
        raise IsADirectoryError(f"a directory, not a feed file: {spec}")
    if is_recording(spec):
        from feeds.sources.replay import ReplaySource

        return ReplaySource(path, speed=speed)
    from feeds.sources.file import FileSource

    return FileSource(path, total=total)


async def poll_once(spec: str, *, total: int | None = None, token: str | None = None) -> Snapshot:
    """Open `spec`, poll it once and close it: its current document, for `check` and `snapshot`.

    A recording gives its last document (the final state of the night).

    Raises:
        FeedUnavailable: the document could not be had (unreachable, HTTP error, timeout…).
        FeedInvalid: it came but breaks the format's rules.
        ValueError, OSError: as `open_source`.
    """
    from feeds.errors import FeedError, FeedInvalid
    from feeds.source import Changed, Failed, Snapshot

    if is_recording(spec):
        from feeds.parse import parse_feed
        from feeds.recording import read_recording

        if not Path(spec).is_file():
            raise FileNotFoundError(f"no such file: {spec}")
        documents = read_recording(spec)
        if not documents:
            raise FeedInvalid("empty recording", "it has no documents")
        feed = parse_feed(documents[-1])
        now = datetime.now().astimezone()
        return Snapshot(feed, now, documents[-1], tuple(feed.warnings(now)))
    source = open_source(spec, total=total, token=token)
    try:
        outcome = await source.poll()
    finally:
        await source.aclose()
    if isinstance(outcome, Failed):
        raise outcome.error
    if isinstance(outcome, Changed):
        return outcome.snapshot
    raise FeedError("no document", "the source answered that nothing changed")


def open_demo(speed: float | None = None) -> FeedSource:
    """The bundled 2016 night as a replay: at `speed`, or in about `DEMO_LENGTH` seconds."""
    from feeds.recording import read_recording
    from feeds.sources.replay import ReplaySource
    from sample_feeds import default_recording

    documents = read_recording(default_recording())
    pace = demo_pace(documents) if speed is None else (speed, None)
    return ReplaySource(documents, speed=pace[0], max_gap=pace[1])


def demo_pace(
    documents: Sequence[bytes], length: float = DEMO_LENGTH, max_gap: float = DEMO_MAX_GAP
) -> tuple[float, float | None]:
    """The (speed, max_gap) that plays `documents` in about `length` seconds.

    Gaps between `published_at` times are divided by the speed, and none plays
    longer than the cap (in seconds of playing time), so a quiet stretch of the
    night — the hours between the overnight and the daytime counts — does not
    stall the demo while the busy hours play at a watchable pace. The cap is
    `max_gap`, raised to three average steps for a recording with few
    documents so that it can still fill `length`. Without such a stretch the
    speed is simply the night's span ÷ `length`.

    The returned `max_gap` is in seconds of feed time, as `ReplaySource` and
    `Schedule` take it (they shorten a gap before dividing it by the speed).
    """
    times = [_published_at(document) for document in documents]
    known = [t for t in times if t is not None]
    gaps = [max(0.0, (b - a).total_seconds()) for a, b in itertools.pairwise(known)]
    span = sum(gaps)
    if span <= 0:
        return 1.0, None
    cap = max(max_gap, 3 * length / len(gaps))

    def played(speed: float) -> float:
        return sum(min(gap / speed, cap) for gap in gaps)

    slow, fast = span / length / 1e6, span / length  # played(fast) ≤ length < played(slow)
    for _ in range(100):
        middle = (slow * fast) ** 0.5
        slow, fast = (middle, fast) if played(middle) > length else (slow, middle)
    return fast, cap * fast


def _published_at(document: bytes) -> datetime | None:
    try:
        return datetime.fromisoformat(json.loads(document)["published_at"])
    except (ValueError, TypeError, KeyError):
        return None
