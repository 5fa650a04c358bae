"""Provides `ApRecordingSource`: a file of AP responses played a line a poll (a rehearsal)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from feeds.adapter import RawDocument
from feeds.ap.adapter import ApAdapter
from feeds.ap.parse import UPDATE_MARK
from feeds.source import FeedSource

__all__ = ["ApRecordingSource"]


class ApRecordingSource(FeedSource):
    """A file of AP responses, one JSON document a line (full first, then updates), played one
    line a poll: a rehearsal of a night recorded from the API."""

    def __init__(self, path: Path, **options: Any) -> None:
        super().__init__(adapter=ApAdapter(), **options)
        self.path = path
        """The file of responses."""
        self._lines = [line for line in path.read_bytes().splitlines() if line.strip()]
        self._played = 0

    @property
    def description(self) -> str:
        """The path."""
        return str(self.path)

    @property
    def finished(self) -> bool:
        """True once every line was played."""
        return self._played >= len(self._lines)

    async def fetch(self) -> list[RawDocument] | None:
        """The next line, or None at the end."""
        if self.finished:
            return None
        name = f"{self.path.name} line {self._played + 1}"
        update = UPDATE_MARK if self._played else ""
        return [RawDocument(name + update, self._lines[self._played], self._played + 1)]

    def commit(self, documents: Sequence[RawDocument]) -> None:
        """Move on past the played line."""
        stamp = documents[-1].stamp
        if isinstance(stamp, int):
            self._played = stamp
