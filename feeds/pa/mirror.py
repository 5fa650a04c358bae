"""Provides `MirrorSource`: the polling logic shared by a PA folder and a PA FTP account.

PA's advice (XML format page): "a 'timestamp' file will be created or updated
in each of the folders whenever a new XML file is deposited … By regularly
polling this file … a consumer can decide when to fully scan the folder for
new XML files … It would be prudent to still scan the folder for new files
periodically, but not as frequently as the polling of the timestamp file."

So each poll reads `.timestamp` alone; the folder is listed only when it
changed, when a file listed last time was still being written (modified
within `settle` seconds: a mirror writes partially, then completes), and every
`rescan_every` polls regardless. A listing gives each file's size and
modification time; only files whose pair changed since the last accepted read
are fetched, so an update costs the files that changed, not the folder. With
no `.timestamp` every poll lists the folder, and the adapter names that once.

Subclasses implement three blocking calls, run in a worker thread:
`_read_timestamp()`, `_list()`, `_read(name)`; and `description`.
"""

from __future__ import annotations

import asyncio
import time
from abc import abstractmethod
from collections.abc import Callable, Sequence
from datetime import UTC, datetime

from feeds.adapter import RawDocument
from feeds.pa.adapter import MAX_FILE_BYTES, PaAdapter
from feeds.pa.names import parse_name
from feeds.source import Backoff, FeedSource

__all__ = ["RESCAN_EVERY", "SETTLE", "Listing", "MirrorSource"]

RESCAN_EVERY = 12
"""Polls between full listings when `.timestamp` says nothing changed (a minute at 5 s)."""
SETTLE = 2.0
"""Seconds after its last change during which a file may still be being written."""

Listing = dict[str, tuple[int, float]]
"""File name → (size in bytes, modification time in epoch seconds)."""
TIMESTAMP = ".timestamp"
_UNSEEN = b"\0 not read yet"


class MirrorSource(FeedSource):
    """A folder of PA files polled by `.timestamp`, listed now and then, read by change."""

    def __init__(
        self,
        *,
        adapter: PaAdapter | None = None,
        backoff: Backoff | None = None,
        clock: Callable[[], datetime] | None = None,
        rescan_every: int = RESCAN_EVERY,
        settle: float = SETTLE,
        max_bytes: int = MAX_FILE_BYTES,
        prefix: str = "",
    ) -> None:
        super().__init__(adapter=adapter or PaAdapter(), backoff=backoff, clock=clock)
        self.rescan_every = rescan_every
        """Polls between full listings when nothing seems to change."""
        self.settle = settle
        """See `SETTLE`."""
        self.max_bytes = max_bytes
        """Files are read up to this many bytes (+1, so the adapter can tell one is too big)."""
        self.prefix = prefix
        """Put before document names ("results/"), so problems name the folder too."""
        self._files: dict[str, tuple[int, float]] = {}
        self._timestamp: bytes | None = _UNSEEN
        self._polls = 0
        self._unsettled = True
        self.listings = 0
        """Listings made so far (for the bench)."""

    @abstractmethod
    def _read_timestamp(self) -> bytes | None:
        """`.timestamp`'s bytes, or None when the folder has none. Blocking."""

    @abstractmethod
    def _list(self) -> Listing:
        """Every file in the folder with its size and modification time. Blocking."""

    @abstractmethod
    def _read(self, name: str) -> bytes | None:
        """The first `max_bytes + 1` bytes of file `name`; None if it went. Blocking."""

    async def fetch(self) -> Sequence[RawDocument] | None:
        """New and changed files (and `.timestamp` when it changed), or None: nothing new.

        Raises:
            FeedError: the folder or server could not be read.
        """
        return await asyncio.to_thread(self._fetch)

    def _fetch(self) -> list[RawDocument] | None:
        stamp = self._read_timestamp()
        self._polls += 1
        changed = stamp is None or stamp != self._timestamp
        if not (changed or self._unsettled or self._polls >= self.rescan_every):
            return None
        self._polls = 0
        listing = self._list()
        self.listings += 1
        now = time.time()
        self._unsettled = any(now - mtime < self.settle for _, mtime in listing.values())
        documents = []
        if stamp != self._timestamp:
            documents.append(RawDocument(self.prefix + TIMESTAMP, stamp or b"", ("ts", stamp)))
        for name, pair in sorted(listing.items()):
            if self._files.get(name) == pair or parse_name(name) is None:
                continue
            body = self._read(name)
            if body is None:
                continue
            modified = datetime.fromtimestamp(pair[1], UTC)
            documents.append(RawDocument(self.prefix + name, body, ("file", name, pair), modified))
        return documents or None

    def commit(self, documents: Sequence[RawDocument]) -> None:
        """Remember each accepted file's size and time, and the `.timestamp` read."""
        for document in documents:
            stamp = document.stamp
            if isinstance(stamp, tuple) and stamp[0] == "file":
                self._files[stamp[1]] = stamp[2]
            elif isinstance(stamp, tuple) and stamp[0] == "ts":
                self._timestamp = stamp[1]
