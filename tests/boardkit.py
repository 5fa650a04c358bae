"""Provides what the board's Pilot tests share: a scripted source, a manual clock, feed documents.

`ScriptedSource` is a real `FeedSource` whose `fetch()` waits for the test to
hand it bytes (or a `FeedError`), so each poll's outcome goes through the same
parsing and sequence rules as in production, and the test decides when.
"""

from __future__ import annotations

import asyncio
import copy
import json
from datetime import UTC, datetime, timedelta
from typing import Any

from feeds import FeedError, FeedSource, RawDocument

SEED_PARTIES = [
    ("LAB", "Labour", "#E4003B", 49, -1, 1005, -28),
    ("CON", "Conservative", "#0087DC", 26, 0, 547, 5),
    ("LD", "Liberal Democrat", "#FAA61A", 2, 0, 214, 22),
    ("IND", "Independent", "#AAAAAA", 0, 0, 53, -8),
    ("UKIP", "Ukip", "#6D3177", 0, 0, 29, 23),
    ("GRN", "Green Party", "#6AB023", 0, 0, 17, -4),
    ("RES", "Residents", "#888888", 0, 0, 4, 0),
    ("LIB", "Liberal", "#EB7A43", 0, 0, 3, -2),
    ("RESP", "Respect", "#46801C", 0, 0, 0, -5),
]


def seed_doc(sequence: int = 1, **overrides: Any) -> dict[str, Any]:
    """The live-blog's moment (96 of 124) as a `results-board/1` document."""
    doc: dict[str, Any] = {
        "format": "results-board/1",
        "sequence": sequence,
        "published_at": "2016-05-06T10:30:00+01:00",
        "title": "Election 2016 results live",
        "contests": [
            {
                "kind": "councils",
                "id": "england",
                "title": "English councils",
                "reported": 96,
                "total": 124,
                "parties": [
                    {
                        "code": code,
                        "name": name,
                        "colour": colour,
                        "councils": councils,
                        "councils_change": councils_change,
                        "seats": seats,
                        "seats_change": seats_change,
                    }
                    for (code, name, colour, councils, councils_change, seats, seats_change) in (
                        SEED_PARTIES
                    )
                ],
                "no_overall_control": {"councils": 19, "councils_change": 1},
                "declarations": [
                    {
                        "area": "Birmingham",
                        "declared_at": "2016-05-06T00:10:00+01:00",
                        "control": "LAB",
                        "previous_control": "LAB",
                    },
                    {
                        "area": "Dudley",
                        "declared_at": "2016-05-06T03:12:00+01:00",
                        "control": "NOC",
                        "previous_control": "LAB",
                    },
                ],
            }
        ],
        "updates": [
            {
                "id": "u-corbyn",
                "published_at": "2016-05-06T10:00:00+01:00",
                "kind": "quote",
                "text": "hung on",
                "speaker": "Jeremy Corbyn",
            }
        ],
    }
    doc.update(overrides)
    return doc


def with_party(doc: dict[str, Any], code: str, **values: Any) -> dict[str, Any]:
    """A copy of `doc` with one party's figures changed and the sequence bumped."""
    new = copy.deepcopy(doc)
    new["sequence"] += 1
    for party in new["contests"][0]["parties"]:
        if party["code"] == code:
            party.update(values)
    return new


def encode(doc: dict[str, Any]) -> bytes:
    return json.dumps(doc).encode()


class ManualClock:
    """A clock the test moves by hand."""

    def __init__(self, start: datetime | None = None) -> None:
        self.now = start or datetime(2026, 11, 27, 21, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


class ScriptedSource(FeedSource):
    """A source whose every fetch waits for the test to push bytes, None, or an error."""

    def __init__(self) -> None:
        super().__init__()
        self.queue: asyncio.Queue[bytes | FeedError | None] = asyncio.Queue()
        self.fetches = 0
        self.closed = False
        self.done = False

    @property
    def description(self) -> str:
        return "scripted test source"

    @property
    def finished(self) -> bool:
        return self.done

    def push(self, item: bytes | dict[str, Any] | FeedError | None) -> None:
        self.queue.put_nowait(encode(item) if isinstance(item, dict) else item)

    async def fetch(self) -> list[RawDocument] | None:
        item = await self.queue.get()
        self.fetches += 1
        if isinstance(item, FeedError):
            raise item
        return None if item is None else [RawDocument("scripted", item)]

    async def aclose(self) -> None:
        self.closed = True
