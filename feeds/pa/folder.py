"""Provides `PaFolderSource`: a local folder of PA files, as a desk's FTP mirror lays it out.

A mirror keeps PA's folders (`results/`, `nominations/`) or puts every file in
one folder. Given the account's top folder, the board reads `results/`
(nominations are not shown); given any other folder, it reads that folder.
Mirrors write a file under a temporary name and rename it, or write it in
place: hidden and non-`.xml` names are never read, and a file read while being
written is read again once its size or time changes (`MirrorSource`).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from feeds.errors import FeedUnreachable
from feeds.pa.mirror import TIMESTAMP, Listing, MirrorSource

__all__ = ["PaFolderSource", "results_folder"]


def results_folder(path: Path) -> tuple[Path, str]:
    """The folder to read under `path` and the prefix naming it: `results/` when present."""
    results = path / "results"
    return (results, "results/") if results.is_dir() else (path, "")


class PaFolderSource(MirrorSource):
    """A folder of PA XML files (see the module docstring)."""

    def __init__(self, path: Path | str, **options: Any) -> None:
        self.root = Path(path)
        """The folder given."""
        super().__init__(**options)

    @property
    def folder(self) -> Path:
        """The folder read: `results/` once it exists (a mirror may make it after we start)."""
        folder, self.prefix = results_folder(self.root)
        return folder

    @property
    def description(self) -> str:
        """The folder read."""
        return str(self.folder)

    def _read_timestamp(self) -> bytes | None:
        try:
            return (self.folder / TIMESTAMP).read_bytes()[:256]
        except FileNotFoundError:
            return None
        except OSError as error:
            raise self._unreachable(error) from None

    def _list(self) -> Listing:
        found: Listing = {}
        try:
            with os.scandir(self.folder) as entries:
                for entry in entries:
                    if entry.name.startswith(".") or not entry.name.lower().endswith(".xml"):
                        continue
                    try:
                        stat = entry.stat()
                    except FileNotFoundError:  # renamed away while listing
                        continue
                    if entry.is_file():
                        found[entry.name] = (stat.st_size, stat.st_mtime)
        except OSError as error:
            raise self._unreachable(error) from None
        return found

    def _read(self, name: str) -> bytes | None:
        try:
            with (self.folder / name).open("rb") as handle:
                return handle.read(self.max_bytes + 1)
        except FileNotFoundError:
            return None  # renamed or removed since the listing
        except OSError as error:
            raise self._unreachable(error) from None

    def _unreachable(self, error: OSError) -> FeedUnreachable:
        summary = (
            "folder not found" if isinstance(error, FileNotFoundError) else "folder unreadable"
        )
        return FeedUnreachable(summary, f"{self.folder}: {error.strerror or error}")
