"""Provides small valid feed documents (as dicts and bytes) for the contract's unit tests."""

from __future__ import annotations

import json
from typing import Any

__all__ = ["as_bytes", "councils", "feed_doc", "party"]


def party(code: str, name: str, councils: int = 0, seats: int = 0, **extra: Any) -> dict[str, Any]:
    """One party row of a councils contest."""
    return {"code": code, "name": name, "councils": councils, "seats": seats, **extra}


def councils(**overrides: Any) -> dict[str, Any]:
    """A valid, consistent councils contest: 3 of 10 declared, seat changes summing to 0."""
    contest: dict[str, Any] = {
        "kind": "councils",
        "id": "england",
        "title": "English councils",
        "total": 10,
        "reported": 3,
        "parties": [
            party("LAB", "Labour", 2, 40, councils_change=-1, seats_change=-3, colour="#dc241f"),
            party("CON", "Conservative", 0, 30, seats_change=2),
            party("LD", "Liberal Democrat", 0, 10, seats_change=1),
            party("UKIP", "Ukip", 0, 5),
        ],
        "no_overall_control": {"councils": 1, "councils_change": 1},
        "declarations": [
            {
                "area": "Birmingham",
                "declared_at": "2016-05-06T02:10:00+01:00",
                "control": "LAB",
                "previous_control": "LAB",
            },
            {
                "area": "Dudley",
                "declared_at": "2016-05-06T03:40:00+01:00",
                "control": "NOC",
                "previous_control": "LAB",
                "note": "last seat lost by three votes",
            },
        ],
    }
    contest.update(overrides)
    return contest


def feed_doc(**overrides: Any) -> dict[str, Any]:
    """A valid document of format results-board/1 with one councils contest and two updates."""
    doc: dict[str, Any] = {
        "format": "results-board/1",
        "sequence": 7,
        "published_at": "2016-05-06T10:00:00+01:00",
        "title": "Election 2016 results live",
        "contests": [councils()],
        "updates": [
            {
                "id": "u1",
                "published_at": "2016-05-06T09:00:00+01:00",
                "kind": "quote",
                "text": "We hung on.",
                "speaker": "Jeremy Corbyn",
                "role": "Labour leader",
            },
            {
                "id": "u2",
                "published_at": "2016-05-06T09:30:00+01:00",
                "kind": "update",
                "text": "Ukip has had its most successful night.",
            },
        ],
    }
    doc.update(overrides)
    return doc


def as_bytes(doc: Any) -> bytes:
    """The document as UTF-8 JSON bytes."""
    return json.dumps(doc, ensure_ascii=False).encode()
