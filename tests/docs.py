"""Provides builders of valid `results-board/1` documents for tests and benchmarks.

`make_feed()` returns a small, valid, self-consistent document (one councils
contest, two parties, no warnings); keyword overrides replace top-level
fields. `declarations` and `updates` grow it to any size for benchmarks.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from typing import Any

__all__ = ["BASE_TIME", "feed_bytes", "make_feed"]

BASE_TIME = datetime(2016, 5, 6, 1, 0, tzinfo=UTC)
"""`published_at` of sequence 0; each sequence is one minute later."""


def _at(minutes: int) -> str:
    return (BASE_TIME + timedelta(minutes=minutes)).isoformat()


def make_feed(
    sequence: int = 1, *, declarations: int = 0, updates: int = 0, **overrides: Any
) -> dict[str, Any]:
    """A valid document with `sequence`, `declarations` council lines and `updates` ticker items.

    The national table stays consistent (councils add up to `reported`, seat
    changes to 0), so the document parses with no warnings. Top-level keys in
    `overrides` replace the built ones (`title="…"`, `contests=[…]`).
    """
    reported = 3 + declarations
    contest = {
        "kind": "councils",
        "id": "england",
        "title": "English councils",
        "total": reported + 10,
        "reported": reported,
        "parties": [
            {
                "code": "LAB",
                "name": "Labour",
                "colour": "#dc241f",
                "councils": 2 + declarations // 2,
                "councils_change": -1,
                "seats": 100 + sequence,
                "seats_change": -3,
            },
            {
                "code": "CON",
                "name": "Conservative",
                "colour": "#0087dc",
                "councils": 1 + declarations - declarations // 2,
                "councils_change": 1,
                "seats": 80,
                "seats_change": 3,
            },
        ],
        "declarations": [
            {
                "area": f"Council {index:06d}",
                "declared_at": _at(index % 600),
                "control": ("LAB", "CON")[index % 2],
                "previous_control": ("LAB", "CON", "NOC")[index % 3],
                "note": f"Synthetic declaration number {index} for testing.",
            }
            for index in range(declarations)
        ],
    }
    items = [
        {
            "id": f"u{index}",
            "published_at": _at(index % 600),
            "kind": "quote" if index % 2 else "update",
            "text": f"Synthetic ticker line {index}: a sentence of ordinary length for the ticker.",
            **({"speaker": "A Speaker", "role": "MP", "outlet": "BBC"} if index % 2 else {}),
        }
        for index in range(updates)
    ]
    document: dict[str, Any] = {
        "format": "results-board/1",
        "sequence": sequence,
        "published_at": _at(sequence),
        "title": "Test night results",
        "contests": [contest],
        "updates": items,
    }
    document.update(overrides)
    return document


def feed_bytes(sequence: int = 1, **kwargs: Any) -> bytes:
    """`make_feed(sequence, **kwargs)` as compact UTF-8 JSON."""
    return json.dumps(make_feed(sequence, **kwargs), separators=(",", ":")).encode()
