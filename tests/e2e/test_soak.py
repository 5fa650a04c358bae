"""Soak: a synthetic night of 5,000 snapshots through the real board app, at high speed.

The board is built with `create_app`, as the CLI builds it, and runs headless
(`run_test`) polling a source that hands out a new document on every poll:
councils declare, figures move, a new ticker item every time. Resident memory
after the whole night must stay within 10 MB of what it was after the first
100 snapshots, and the ticker's and the declarations' history stay bounded.
"""

from __future__ import annotations

import gc
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import psutil

from board.app import create_app
from feeds import FeedSource, RawDocument
from sample_feeds.factory import document, encode
from tests.waiting import async_wait_for
from widgets.declarations import DeclarationList
from widgets.ticker import KEY_MEMORY, Ticker

SNAPSHOTS = 5_000
WARM_UP = 100
NIGHT_BOUND = 400.0
"""Seconds the whole night may take before the test gives up: 60-100 s on an idle 2-core
machine, several times that when the machine is shared — slower must not mean red."""
MAX_GROWTH = 10 * 1024 * 1024
"""Bytes resident memory may grow between the warm-up and the end of the night."""

COUNCILS = 124

NIGHT_START = datetime(2016, 5, 6, 1, 0, tzinfo=UTC)
"""The first snapshot's publication time; each later one is a second on."""


def night_doc(index: int) -> dict[str, Any]:
    """Snapshot `index` of the night: more declared, figures moving, the newest 20 updates."""
    doc = document(sequence=index + 1)
    contest = doc["contests"][0]
    declared = min(COUNCILS, 1 + index * COUNCILS // SNAPSHOTS)
    contest["reported"] = declared
    contest["no_overall_control"] = {"councils": 0, "councils_change": 0}
    for party in contest["parties"]:
        party["councils"] = 0
    contest["parties"][0]["seats"] = 1000 + index % 97
    contest["parties"][1]["seats_change"] = index % 13 - 6
    contest["declarations"] = [
        {
            "area": f"Council {number}",
            "declared_at": f"2016-05-06T{number // 60:02d}:{number % 60:02d}:00+01:00",
            "control": "LAB" if number % 3 else "CON",
            "previous_control": "LAB",
        }
        for number in range(declared)
    ]
    # One update a second, the document published with the newest: the ticker ages items by
    # the feed's clock, so updates hours older than the document would all have left it.
    doc["published_at"] = _night_time(index)
    doc["updates"] = [
        {
            "id": f"u-{n}",
            "published_at": _night_time(n),
            "kind": "update" if n % 2 else "quote",
            "text": f"Update number {n}: turnout steady in ward {n % 40}",
            "speaker": None if n % 2 else f"Agent {n % 17}",
        }
        for n in range(max(0, index - 19), index + 1)
    ]
    return doc


def _night_time(second: int) -> str:
    """The night's clock `second` s after `NIGHT_START`, as the feed writes it."""
    return (NIGHT_START + timedelta(seconds=second)).isoformat().replace("+00:00", "Z")


class SyntheticNight(FeedSource):
    """A new document on every poll, until the night is over."""

    def __init__(self, count: int) -> None:
        super().__init__()
        self.count = count
        self.served = 0

    @property
    def description(self) -> str:
        return "synthetic night"

    @property
    def finished(self) -> bool:
        return self.served >= self.count

    async def fetch(self) -> list[RawDocument] | None:
        if self.finished:
            return None
        body = encode(night_doc(self.served))
        self.served += 1
        return [RawDocument("synthetic", body)]


def resident() -> int:
    gc.collect()
    return int(psutil.Process().memory_info().rss)


async def test_a_night_of_5000_snapshots_keeps_memory_and_history_bounded(
    record_property: Callable[[str, object], None],
) -> None:
    source = SyntheticNight(SNAPSHOTS)
    app = create_app(source, interval=0.001)
    async with app.run_test(size=(120, 40)) as pilot:
        await async_wait_for(lambda: source.served >= WARM_UP, "warm-up snapshots", 30)
        await pilot.pause()
        warm = resident()
        await async_wait_for(lambda: source.finished, f"{SNAPSHOTS} snapshots", NIGHT_BOUND)
        await async_wait_for(
            lambda: app.state.feed.sequence == SNAPSHOTS, "the last snapshot shown", 10
        )
        await pilot.pause()
        end = resident()
        ticker = app.query_one(Ticker)
        declarations = app.query_one(DeclarationList)
        playlist = ticker._playlist
        assert 0 < len(playlist) <= 40, f"ticker holds {len(playlist)} items"  # bounded, not empty
        assert len(playlist._keys) <= KEY_MEMORY
        assert len(declarations.lines) <= DeclarationList.MAX_LINES
        assert app.state.feed.error is None, app.state.feed.error
    growth = end - warm
    record_property("soak_snapshots", SNAPSHOTS)
    record_property("soak_rss_warm_mb", round(warm / 2**20, 1))
    record_property("soak_rss_end_mb", round(end / 2**20, 1))
    record_property("soak_growth_mb", round(growth / 2**20, 2))
    record_property("soak_ticker_items", len(playlist))
    record_property("soak_declaration_lines", len(declarations.lines))
    assert growth <= MAX_GROWTH, f"resident memory grew {growth / 2**20:.1f} MB"
