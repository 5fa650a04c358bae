"""Provides the demo: the bundled 2016 night as a replay, paced to play in about three minutes.

Pacing is a board concept (how long a rehearsal should take), so it lives
here and not in `feeds`, which knows recordings but not the bundled night.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from feeds.recording import peek, read_recording
from feeds.source import FeedSource

__all__ = ["DEMO_LENGTH", "DEMO_MAX_GAP", "demo_pace", "open_demo"]

DEMO_LENGTH = 180.0
"""Seconds the demo takes to play the bundled night at its default pace."""
DEMO_MAX_GAP = 5.0
"""The longest a quiet stretch of the night lasts in the demo, in seconds (at least)."""


def open_demo(speed: float | None = None) -> FeedSource:
    """The bundled 2016 night as a replay: at `speed`, or in about `DEMO_LENGTH` seconds."""
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
    times = [peek(document).published_at for document in documents]
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
