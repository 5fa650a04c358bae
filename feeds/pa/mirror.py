"""Provides `MirrorSource`: the polling logic shared by a PA folder and a PA FTP account.

PA's advice (XML format page): "a 'timestamp' file will be created or updated
in each of the folders whenever a new XML file is deposited … By regularly
polling this file … a consumer can decide when to fully scan the folder for
new XML files … It would be prudent to still scan the folder for new files
periodically, but not as frequently as the polling of the timestamp file."

So each poll reads each folder's `.timestamp` (`nominations/.timestamp` and
`results/.timestamp`: two small reads, in a folder or on FTP); a folder is
listed only when its `.timestamp` changed, when a file listed last time was
still being written (modified within `settle` seconds: a mirror writes
partially, then completes), and every `rescan_every` polls regardless. A
listing gives each file's size and modification time; only files whose pair
changed since the last accepted read are fetched, so an update costs the
files that changed, not the folder. With no `.timestamp` every poll lists the
folder, and the adapter names that once.

`nominations/` is watched as `results/` is: a desk often starts the board
before PA's nominations land (the afternoon before the count), and they must
show as they land, not a minute later on the next full rescan. An account (or
mirror) without `results/` and `nominations/` folders is read as one flat folder.

Subclasses implement four blocking calls, run in a worker thread:
`_folders()`, `_read_timestamp(folder)`, `_list(folder, full)`, `_read(path)`;
and `description`. A folder is "" (flat) or "results/", "nominations/".
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

__all__ = ["FOLDERS", "RESCAN_EVERY", "SETTLE", "Listing", "MirrorSource"]

RESCAN_EVERY = 12
"""Polls between full listings when `.timestamp` says nothing changed (a minute at 5 s)."""
SETTLE = 2.0
"""Seconds after its last change during which a file may still be being written."""

Listing = dict[str, tuple[int, float]]
"""File name → (size in bytes, modification time in epoch seconds)."""
_UNSEEN = b"\0 not read yet"
TIMESTAMP = ".timestamp"
FOLDERS = ("nominations/", "results/")
"""PA's folders in an account, in the order they are read (nominations before results)."""


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
        """Put before document names, so problems name the folder too (a flat folder: "")."""
        self._files: dict[str, Listing] = {}
        """Folder → each file read (and accepted) → its (size, time) then."""
        self._stamps: dict[str, bytes | None] = {}
        self._unsettled: dict[str, bool] = {}
        self._polls = 0
        self.listings = 0
        """Listings made so far (for the bench)."""

    @abstractmethod
    def _folders(self) -> tuple[str, ...]:
        """The folders to read: those of `FOLDERS` present, else ("",). Blocking."""

    @abstractmethod
    def _read_timestamp(self, folder: str) -> bytes | None:
        """`folder`'s `.timestamp` bytes, or None when it has none. Blocking."""

    @abstractmethod
    def _list(self, folder: str, known: Listing | None) -> Listing:
        """Every file in `folder` with its size and modification time. Blocking.

        `known`: the pairs of the files already read there; a transport may reuse the pair of
        one that had settled (unchanged for `settle` seconds) rather than ask again. None: ask
        for every file (a full rescan)."""

    @abstractmethod
    def _read(self, path: str) -> bytes | None:
        """The first `max_bytes + 1` bytes of file `path` (folder and name); None if it went.
        Blocking."""

    async def fetch(self) -> Sequence[RawDocument] | None:
        """New and changed files (and each `.timestamp` that changed), or None: nothing new.

        Raises:
            FeedError: the folder or server could not be read.
        """
        return await asyncio.to_thread(self._fetch)

    def _fetch(self) -> list[RawDocument] | None:
        self._polls += 1
        rescan = self._polls >= self.rescan_every
        if rescan:
            self._polls = 0
        documents: list[RawDocument] = []
        for folder in self._folders():
            documents += self._fetch_folder(folder, rescan)
        return documents or None

    def _fetch_folder(self, folder: str, rescan: bool) -> list[RawDocument]:
        stamp = self._read_timestamp(folder)
        held = self._stamps.get(folder, _UNSEEN)
        if not (stamp is None or stamp != held or self._unsettled.get(folder, True) or rescan):
            return []
        now = time.time()
        files = self._files.setdefault(folder, {})
        listing = self._list(folder, None if rescan or stamp is None else files)
        self.listings += 1
        self._unsettled[folder] = any(now - mtime < self.settle for _, mtime in listing.values())
        documents = []
        if stamp != held:
            name = self.prefix + folder + TIMESTAMP
            documents.append(RawDocument(name, stamp or b"", ("ts", folder, stamp)))
        for name, pair in sorted(listing.items()):
            if files.get(name) == pair or parse_name(name) is None:
                continue
            body = self._read(folder + name)
            if body is None:
                continue
            modified = datetime.fromtimestamp(pair[1], UTC)
            stamp_of = ("file", folder, name, pair)
            documents.append(RawDocument(self.prefix + folder + name, body, stamp_of, modified))
        return documents

    def commit(self, documents: Sequence[RawDocument]) -> None:
        """Remember each accepted file's size and time, and each `.timestamp` read."""
        for document in documents:
            stamp = document.stamp
            if isinstance(stamp, tuple) and stamp[0] == "file":
                self._files.setdefault(stamp[1], {})[stamp[2]] = stamp[3]
            elif isinstance(stamp, tuple) and stamp[0] == "ts":
                self._stamps[stamp[1]] = stamp[2]
