"""Provides `FileSource`: a feed kept in a local file (JSON or CSV), re-read when it changes.

A desk may publish by saving a file on a shared disk. Each poll compares the
file's modification time and size with those of the last good read and reads
nothing when they are the same. A file caught half-written fails that poll
(as invalid) and is read again on the next, so it recovers by itself.
"""

from __future__ import annotations

import asyncio
import os
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Final

from feeds.csvfeed import parse_csv
from feeds.errors import FeedDecodeError, FeedTooLarge, FeedUnreachable
from feeds.models import Feed
from feeds.source import Backoff, Failed, FeedSource, PollOutcome

__all__ = ["MAX_FILE_BYTES", "FileSource"]

MAX_FILE_BYTES: Final = 20 * 1024 * 1024
"""The largest file read (20 MB); a bigger one fails the poll with `FeedTooLarge`."""

_Stamp = tuple[int, int]


class FileSource(FeedSource):
    """A local JSON feed, or a CSV national table (which needs `total`), polled for changes.

    JSON is chosen by content (a document starting with `{`); CSV by a `.csv`
    name, or by content when `total` is given. For CSV, which has no sequence
    or time of its own, `sequence` grows with each change of content and
    `published_at` is the file's modification time.
    """

    def __init__(
        self,
        path: Path | str,
        *,
        total: int | None = None,
        backoff: Backoff | None = None,
        clock: Callable[[], datetime] | None = None,
        max_bytes: int = MAX_FILE_BYTES,
    ) -> None:
        super().__init__(backoff=backoff, clock=clock)
        self.path = Path(path)
        """The file read."""
        if self.path.suffix.casefold() == ".csv" and total is None:
            raise ValueError(f"{self.path}: a CSV table needs the number of councils (total)")
        self.total = total
        """Councils electing, for a CSV table; None for JSON."""
        self.max_bytes = max_bytes
        """The size cap in bytes."""
        self._read_stamp: _Stamp | None = None
        self._good_stamp: _Stamp | None = None
        self._mtime: datetime = datetime.now(UTC)
        self._csv_sequence = 0

    @property
    def description(self) -> str:
        """The path."""
        return str(self.path)

    async def fetch(self) -> bytes | None:
        """The file's bytes, or None when its time and size match the last good read.

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
        self._read_stamp = stamp
        self._mtime = datetime.fromtimestamp(stat.st_mtime_ns / 1e9, UTC).astimezone()
        return body

    async def poll(self) -> PollOutcome:
        """Poll once; the file counts as read only when the poll succeeded."""
        self._read_stamp = None
        outcome = await super().poll()
        if self._read_stamp is not None and not isinstance(outcome, Failed):
            self._good_stamp = self._read_stamp
        return outcome

    def parse(self, body: bytes) -> Feed:
        """Validate JSON, or read a CSV table. Raises `FeedInvalid`."""
        if not self._is_csv(body):
            return super().parse(body)
        if self.total is None:
            raise FeedDecodeError("CSV needs a total", "give the number of councils (--total N)")
        self._csv_sequence += 1
        return parse_csv(
            body,
            total=self.total,
            sequence=self._csv_sequence,
            published_at=self._mtime,
        )

    def _is_csv(self, body: bytes) -> bool:
        if self.path.suffix.casefold() == ".csv":
            return True
        if self.path.suffix.casefold() == ".json" or self.total is None:
            return False
        return body.lstrip()[:1] not in (b"{", b"[", b"")

    def _stat(self) -> os.stat_result:
        try:
            stat = self.path.stat()
        except FileNotFoundError:
            raise FeedUnreachable("file not found", str(self.path)) from None
        except PermissionError:
            raise FeedUnreachable("file not readable", str(self.path)) from None
        except OSError as error:
            raise FeedUnreachable("file unreadable", error.strerror or str(error)) from None
        if not self.path.is_file():
            raise FeedUnreachable("not a file", str(self.path))
        return stat

    def _read(self) -> bytes:
        try:
            with self.path.open("rb") as handle:
                return handle.read(self.max_bytes + 1)
        except FileNotFoundError:
            raise FeedUnreachable("file not found", str(self.path)) from None
        except PermissionError:
            raise FeedUnreachable("file not readable", str(self.path)) from None
        except OSError as error:
            raise FeedUnreachable("file unreadable", error.strerror or str(error)) from None
