"""Provides `Adapter`, the one interface that turns a source's raw documents into whole `Feed`s.

A transport (`FeedSource`) fetches bytes; an adapter reads them. The two meet
in `FeedSource.poll()`, which hands each fetch's `RawDocument`s to the
adapter and commits both sides only once the result is accepted:

    fetch() ──RawDocuments──▶ Adapter.read() ──Reading──▶ accepted? ──▶ Adapter.accept()
                                                                      └─▶ FeedSource.commit()

An adapter may keep state between polls (PA's files by area and revision,
AP's races merged from incremental responses). `read()` must leave that state
untouched and return the next state inside the `Reading`; `accept()` makes it
current. So a reading that is refused after `read()` (an older `sequence`,
say) changes nothing, and the same documents are read again next time.

Two kinds of failure:

- `read()` raises a `FeedError` when the poll as a whole failed (a JSON
  document that breaks the format): nothing is committed and the documents
  are fetched again next poll.
- `read()` returns `problems` for faults that stand beside good figures (one
  malformed file in a folder of hundreds): the documents are committed (not
  re-read until they change), the last good figures of what they would have
  changed stay, and the problem is named on the board until it is fixed.
  A `Note` among them is not a fault but a standing remark on how the feed is
  read (a PA folder with no `.timestamp`, so every poll lists it): the board
  shows it as a note, and `check` says it as a warning and still passes.

This module also holds the adapters of the project's own formats:
`JsonAdapter` (`results-board/1.x`) and `CsvAdapter` (a national table kept in
a spreadsheet). PA's and AP's live beside their parsers.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import ClassVar

from feeds.errors import FeedDecodeError, FeedInvalid, FeedSchemaError, WrongFormat
from feeds.models import Feed
from feeds.parse import parse_feed, utf8_document

__all__ = [
    "Adapter", "CsvAdapter", "JsonAdapter", "Note", "RawDocument", "Reading", "faults",
    "parse_json",
]  # fmt: skip


class Note(str):
    """A standing problem that is a remark on how the feed is read, not a fault in its figures
    (PA: "no .timestamp in results: scanning every file each poll"). It travels among a
    `Reading`'s `problems` (so it stands, and goes, like them); `check` prints it as a warning
    and passes, and the board shows it in a note's tone."""

    __slots__ = ()


def faults(problems: Sequence[str]) -> list[str]:
    """The `problems` that are faults: every one but the `Note`s."""
    return [problem for problem in problems if not isinstance(problem, Note)]


@dataclass(frozen=True)
class RawDocument:
    """One fetched document: where it came from, its bytes, and the source's memory of it."""

    name: str
    """A file name, or the URL's path: safe to show (no secrets), unique within one fetch."""
    body: bytes
    """The bytes as fetched (decompressed)."""
    stamp: object = None
    """Opaque to everything but the source that made it (validators, mtime and size, a next
    link); handed back to `FeedSource.commit` once the document is accepted."""
    modified: datetime | None = None
    """When the document was last changed, where the transport knows (a file's mtime)."""


@dataclass(frozen=True)
class Reading:
    """What an adapter made of one fetch; nothing of it is current until accepted."""

    feed: Feed | None
    """The new whole feed, or None when nothing visible changed."""
    problems: tuple[str, ...] = ()
    """Standing faults to name on the board beside good figures ("Local_Dudley_3.xml:
    malformed XML at line 4"); empty when there are none."""
    warnings: tuple[str, ...] = ()
    """Notes about the reading that are not faults (e.g. times that are receipt times)."""
    state: object = None
    """The adapter's next state, made current by `Adapter.accept`."""
    document: bytes | None = None
    """`feed` as sent, when the input was `results-board/1.x` JSON: recorded and relayed
    byte for byte (unknown fields kept). None when the feed was mapped from another format."""


class Adapter(ABC):
    """Reads a source's raw documents into whole `Feed`s of format `results-board/1.x`.

    Subclasses implement `read()`; stateful ones also `accept()`. Public
    attribute `format` names the format (`--format` on the command line).
    """

    format: ClassVar[str]
    """The name given to `--format` ("results-board", "csv", "pa", "ap")."""
    awaited: ClassVar[str] = "the first figures from"
    """What the board waits for while a source answers but has sent nothing to show, before
    the source's description: "waiting for the first figures from https://…"."""

    @property
    def heavy(self) -> bool:
        """True when reading costs more than the bytes suggest (a stateful adapter holding a
        whole night re-maps it on each change): `FeedSource.poll` then reads in a worker thread,
        so the board's event loop never waits for it."""
        return False

    @abstractmethod
    def read(self, documents: Sequence[RawDocument], now: datetime) -> Reading:
        """Read `documents` (one fetch's worth, never empty) at our clock's `now`.

        Must not change the adapter's state; return the next state in the reading.

        Raises:
            FeedError: the poll as a whole failed (nothing will be committed).
        """

    def accept(self, reading: Reading) -> None:  # noqa: B027 - stateless adapters keep nothing
        """Make `reading` current (its `state`); called once the poll's result is accepted."""


def parse_json(body: bytes) -> Feed:
    """`parse_feed`, naming the `--format` to use when `body` is another known format.

    Raises:
        WrongFormat: PA XML, AP JSON or another format `feeds.formats.sniff` knows.
        FeedDecodeError: "not a results-board feed": JSON of another shape (an array, an
            object with no "format"), with what a feed is and the other formats in one line.
        FeedInvalid: as `parse_feed`.
    """
    try:
        return parse_feed(body)
    except FeedInvalid as error:
        from feeds.formats import foreign_json, sniff

        sniffed = sniff(body)
        if sniffed is not None:
            raise WrongFormat(sniffed.hint, sniffed.format.name) from None
        foreign = foreign_json(body) if isinstance(error, FeedSchemaError) else None
        if foreign is not None:
            raise FeedDecodeError("not a results-board feed", foreign) from None
        raise


class JsonAdapter(Adapter):
    """The project's own format: each fetch is one whole JSON document (`parse_feed`)."""

    format = "results-board"

    def read(self, documents: Sequence[RawDocument], now: datetime) -> Reading:
        """The last document, validated whole.

        Raises:
            FeedInvalid: as `parse_feed` (with a hint when it is another known format).
        """
        body = utf8_document(documents[-1].body)  # published as UTF-8 without a BOM
        return Reading(parse_json(body), document=body)


class CsvAdapter(Adapter):
    """A national councils table exported from a spreadsheet as CSV (`parse_csv`).

    CSV has no sequence or time of its own: `sequence` grows with each
    accepted change of content, and `published_at` is the file's modification
    time (else our clock). JSON content is read as JSON, so a desk may switch
    the file it saves without restarting the board.
    """

    format = "csv"

    def __init__(self, total: int, *, title: str = "Council results") -> None:
        if total < 1:
            raise ValueError(f"a CSV table needs the number of councils (total), not {total}")
        self.total = total
        """Councils electing (the table does not say)."""
        self.title = title
        """The night's title (the table does not say)."""
        self._sequence = 0

    def read(self, documents: Sequence[RawDocument], now: datetime) -> Reading:
        """The last document as a one-contest feed.

        Raises:
            FeedDecodeError, FeedSchemaError: a table that cannot be read.
        """
        from feeds.csvfeed import parse_csv

        document = documents[-1]
        body = utf8_document(document.body)
        if body.lstrip()[:1] in (b"{", b"["):
            return Reading(parse_json(body), document=body)
        sequence = self._sequence + 1
        feed = parse_csv(
            document.body,
            total=self.total,
            sequence=sequence,
            published_at=document.modified or now,
            title=self.title,
        )
        return Reading(feed, state=sequence)

    def accept(self, reading: Reading) -> None:
        """Count the accepted change."""
        if isinstance(reading.state, int):
            self._sequence = reading.state
