"""Provides `FeedDocs`: the feed documents the benchmark serves.

The night's final document comes from the bundled 2016 recording when
`sample_feeds` is installed, else from a synthetic night ending at the same
figures; the runs publish one-party changes to it, and the memory run replays
a long synthetic night.
"""

from __future__ import annotations

import copy
import json
from typing import Any

__all__ = ["FeedDocs"]


class FeedDocs:
    """The documents of a run: the night's final document and one-party changes to it.

    `final` comes from the bundled 2016 recording when `sample_feeds` is
    installed, else from a synthetic night; `FINAL_FIGURE` must be on screen
    when the board is fully drawn.
    """

    FINAL_FIGURE = "1005"
    UPDATE_BASE = 7001
    """The first of the Labour seat figures the updates publish (unique on screen)."""

    def __init__(self) -> None:
        self.source, night = _night()
        self.night: list[bytes] = night
        """The recording's documents, in order."""
        self.final: dict[str, Any] = json.loads(night[-1])
        """The last document of the night."""

    def with_updates(self, count: int) -> list[bytes]:
        """The final document, then `count` documents each changing one party's seats."""
        docs = [_encode(self.final)]
        doc = self.final
        for i in range(count):
            doc = copy.deepcopy(doc)
            doc["sequence"] = int(doc["sequence"]) + 1
            party = _first_contest(doc)["parties"][0]
            party["seats"] = self.UPDATE_BASE + i
            docs.append(_encode(doc))
        return docs

    def update_figure(self, i: int) -> str:
        """The figure on screen once update `i` (0-based) is shown."""
        return str(self.UPDATE_BASE + i)

    def long_night(self, count: int) -> list[bytes]:
        """`count` snapshots one feed-second apart: figures move (Labour's seats are 10000 + i),
        and each adds a ticker update."""
        base = self.final
        docs = []
        for i in range(count):
            doc = copy.deepcopy(base)
            doc["sequence"] = i + 1
            hours, rest = divmod(i, 3600)
            day, hour = 6 + hours // 24, hours % 24
            doc["published_at"] = f"2016-05-{day:02d}T{hour:02d}:{rest // 60:02d}:{rest % 60:02d}Z"
            contest = _first_contest(doc)
            contest["parties"][0]["seats"] = 10_000 + i  # unique on screen: shows progress
            for party in contest["parties"][1:]:
                party["councils"] = (i + len(party["code"])) % 40
            news = {
                "id": f"bench-{i}",
                "published_at": doc["published_at"],
                "kind": "update",
                "text": f"Snapshot {i}: figures moved again in the long benchmark night",
            }
            doc["updates"] = [*list(doc.get("updates", []))[-5:], news]
            docs.append(_encode(doc))
        return docs


def _first_contest(doc: dict[str, Any]) -> dict[str, Any]:
    contest: dict[str, Any] = doc["contests"][0]
    return contest


def _encode(doc: dict[str, Any]) -> bytes:
    return json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode()


def _night() -> tuple[str, list[bytes]]:
    """The 2016 recording's documents if `sample_feeds` is installed, else a synthetic night."""
    try:
        from feeds.recording import read_recording
        from sample_feeds import default_recording  # type: ignore[import-not-found, unused-ignore]

        return "bundled 2016 recording", read_recording(default_recording())
    except (ImportError, OSError):
        return "synthetic 2016-like night (sample_feeds not installed)", _synthetic_night()


_PARTIES = [
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
_QUOTES = [
    ("We have hung on", "Jeremy Corbyn"),
    ("A good night for us in the south", "Tim Farron"),
    ("The result in Dudley shows the mood", "Paul Nuttall"),
    ("Turnout was lower than we hoped", "Returning officer"),
]


def _synthetic_night(steps: int = 24) -> list[bytes]:
    """A night in `steps` documents, ending at the live-blog's figures (96 of 124)."""
    docs = []
    for step in range(1, steps + 1):
        share = step / steps
        minute = step * 20
        parties = [
            {
                "code": code,
                "name": name,
                "colour": colour,
                "councils": round(councils * share),
                "councils_change": round(councils_change * share),
                "seats": round(seats * share),
                "seats_change": round(seats_change * share),
            }
            for code, name, colour, councils, councils_change, seats, seats_change in _PARTIES
        ]
        updates = [
            {
                "id": f"q{n}",
                "published_at": f"2016-05-06T{n:02d}:00:00+01:00",
                "kind": "quote",
                "text": text,
                "speaker": speaker,
            }
            for n, (text, speaker) in enumerate(_QUOTES[: 1 + step * len(_QUOTES) // steps])
        ]
        doc = {
            "format": "results-board/1",
            "sequence": step,
            "published_at": f"2016-05-06T{minute // 60:02d}:{minute % 60:02d}:00+01:00",
            "title": "Election 2016 results live",
            "contests": [
                {
                    "kind": "councils",
                    "id": "england",
                    "title": "English councils",
                    "reported": round(96 * share),
                    "total": 124,
                    "parties": parties,
                    "no_overall_control": {"councils": round(19 * share), "councils_change": 1},
                    "declarations": [
                        {
                            "area": "Birmingham",
                            "declared_at": "2016-05-06T00:10:00+01:00",
                            "control": "LAB",
                            "previous_control": "LAB",
                        }
                    ],
                }
            ],
            "updates": updates,
        }
        docs.append(_encode(doc))
    return docs
