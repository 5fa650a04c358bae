"""Provides `FeedDocs`: the feed documents the benchmark serves.

The night's final document comes from the bundled 2016 recording (package
data of `sample_feeds`, installed with the board); the runs publish one-party
changes to it, and the memory run replays a long synthetic night built on it.
"""

from __future__ import annotations

import copy
import json
from typing import Any

from feeds.recording import read_recording
from sample_feeds import default_recording
from sample_feeds.factory import SEED, encode, with_party

__all__ = ["FeedDocs"]


class FeedDocs:
    """The documents of a run: the night's final document and one-party changes to it.

    `FINAL_FIGURE` (Labour's seats in the final English table) must be on
    screen when the board is fully drawn.
    """

    FINAL_FIGURE = str(SEED[0][5])
    """Labour's seats in the final English table (1005): unique on screen."""
    UPDATE_BASE = 7001
    """The first of the Labour seat figures the updates publish (unique on screen)."""

    source = "bundled 2016 recording"
    """Where the documents come from, for the report."""

    def __init__(self) -> None:
        night = read_recording(default_recording())
        self.night: list[bytes] = night
        """The recording's documents, in order."""
        self.final: dict[str, Any] = json.loads(night[-1])
        """The last document of the night."""

    def with_updates(self, count: int) -> list[bytes]:
        """The final document, then `count` documents each changing one party's seats."""
        docs = [encode(self.final)]
        doc = self.final
        for i in range(count):
            doc = with_party(doc, "LAB", seats=self.UPDATE_BASE + i)
            docs.append(encode(doc))
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
            contest: dict[str, Any] = doc["contests"][0]
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
            docs.append(encode(doc))
        return docs
