"""Provides `PaFolderSource`: a local folder of PA files, as a desk's FTP mirror lays it out.

A mirror keeps PA's folders (`results/`, `nominations/`) or puts every file in
one folder. Given the account's top folder, the board reads both; given any
other folder, it reads that folder.
Mirrors write a file under a temporary name and rename it, or write it in
place: hidden and non-`.xml` names are never read, and a file read while being
written is read again once its size or time changes (`MirrorSource`).
"""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Any

from feeds.errors import FeedUnreachable
from feeds.pa.mirror import FOLDERS, TIMESTAMP, Listing, MirrorSource

__all__ = ["PaFolderSource"]


class PaFolderSource(MirrorSource):
    """A folder of PA XML files (see the module docstring)."""

    def __init__(self, path: Path | str, **options: Any) -> None:
        self.root = Path(path)
        """The folder given."""
        super().__init__(**options)

    @property
    def description(self) -> str:
        """The folder given."""
        return str(self.root)

    def _folders(self) -> tuple[str, ...]:
        # A mirror may make `results/` after we start: looked for on every poll (one stat each).
        found = tuple(f for f in FOLDERS if (self.root / f).is_dir())
        return found or ("",)

    def _read_timestamp(self, folder: str) -> bytes | None:
        try:
            return (self.root / folder / TIMESTAMP).read_bytes()[:256]
        except FileNotFoundError:
            return None
        except OSError as error:
            raise self._unreachable(error) from None

    def _list(self, folder: str, known: Listing | None) -> Listing:
        found: Listing = {}
        settled = time.time() - self.settle
        try:
            with os.scandir(self.root / folder) as entries:
                for entry in entries:
                    name = entry.name
                    if name.startswith(".") or not name.lower().endswith(".xml"):
                        continue
                    pair = known.get(name) if known is not None else None
                    if pair is not None and pair[1] < settled:
                        found[name] = pair  # read whole, and settled: no stat needed
                        continue
                    try:
                        stat = entry.stat()
                    except FileNotFoundError:  # renamed away while listing
                        continue
                    if entry.is_file():
                        found[name] = (stat.st_size, stat.st_mtime)
        except OSError as error:
            raise self._unreachable(error) from None
        return found

    def _read(self, path: str) -> bytes | None:
        try:
            with (self.root / path).open("rb") as handle:
                return handle.read(self.max_bytes + 1)
        except FileNotFoundError:
            return None  # renamed or removed since the listing
        except OSError as error:
            raise self._unreachable(error) from None

    def _unreachable(self, error: OSError) -> FeedUnreachable:
        summary = (
            "folder not found" if isinstance(error, FileNotFoundError) else "folder unreadable"
        )
        return FeedUnreachable(summary, f"{self.root}: {error.strerror or error}")
