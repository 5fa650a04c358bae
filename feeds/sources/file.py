"""Provides `FileSource`: a feed kept in a local file (JSON, CSV…), re-read when it changes.

A desk may publish by saving a file on a shared disk. Each poll compares the
file's modification time and size with those of the last good read and reads
nothing when they are the same. A file caught half-written fails that poll
(as invalid) and is read again on the next, so it recovers by itself.
"""

from __future__ import annotations

import asyncio
import os
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Final

from feeds.adapter import Adapter, RawDocument
from feeds.errors import FeedTooLarge, FeedUnreachable
from feeds.source import Backoff, FeedSource

__all__ = ["MAX_FILE_BYTES", "FileSource"]

MAX_FILE_BYTES: Final = 20 * 1024 * 1024
"""The largest file read (20 MB); a bigger one fails the poll with `FeedTooLarge`."""

_Stamp = tuple[int, int]


class FileSource(FeedSource):
    """A local feed file, read again whenever its modification time or size changes.

    What the bytes are is the adapter's business: the JSON format by default,
    `CsvAdapter` for a spreadsheet's table (see `feeds.sources.open_source`).
    """

    def __init__(
        self,
        path: Path | str,
        *,
        adapter: Adapter | None = None,
        backoff: Backoff | None = None,
        clock: Callable[[], datetime] | None = None,
        max_bytes: int = MAX_FILE_BYTES,
    ) -> None:
        super().__init__(adapter=adapter, backoff=backoff, clock=clock)
        self.path = Path(path)
        """The file read."""
        self.max_bytes = max_bytes
        """The size cap in bytes."""
        self._good_stamp: _Stamp | None = None

    @property
    def description(self) -> str:
        """The path."""
        return str(self.path)

    async def fetch(self) -> list[RawDocument] | None:
        """The file, or None when its time and size match the last good read.

        Raises:
            FeedUnreachable: the file is missing, not a file, or cannot be read.
            FeedTooLarge: the file is bigger than `max_bytes`.
        """
        stat = self._stat()
        stamp = (stat.st_mtime_ns, stat.st_size)
        if stamp == self._good_stamp:
            return None
        if stat.st_size > self.max_bytes:
            raise FeedTooLarge(self.max_bytes)
        body = await asyncio.to_thread(self._read)
        if len(body) > self.max_bytes:
            raise FeedTooLarge(self.max_bytes)
        modified = datetime.fromtimestamp(stat.st_mtime_ns / 1e9, UTC).astimezone()
        return [RawDocument(self.path.name, body, stamp, modified)]

    def commit(self, documents: Sequence[RawDocument]) -> None:
        """The file counts as read only once its content was accepted."""
        stamp = documents[-1].stamp
        if isinstance(stamp, tuple):
            self._good_stamp = stamp

    def _stat(self) -> os.stat_result:
        try:
            stat = self.path.stat()
        except OSError as error:
            raise self._unreachable(error) from None
        if not self.path.is_file():
            raise FeedUnreachable("not a file", str(self.path))
        return stat

    def _read(self) -> bytes:
        try:
            with self.path.open("rb") as handle:
                return handle.read(self.max_bytes + 1)
        except OSError as error:
            raise self._unreachable(error) from None

    def _unreachable(self, error: OSError) -> FeedUnreachable:
        if isinstance(error, FileNotFoundError):
            return FeedUnreachable("file not found", str(self.path))
        if isinstance(error, PermissionError):
            return FeedUnreachable("file not readable", str(self.path))
        return FeedUnreachable("file unreadable", error.strerror or str(error))
