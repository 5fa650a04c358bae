"""Provides recordings: feed documents kept one per line (JSON lines), and `record` to make one.

A recording is how a night is kept and rehearsed: `results-board record`
polls a source and appends each new document as one compact line of UTF-8
JSON, flushed and synced per line so that a crash loses nothing already
written. `ReplaySource` and `serve-feed` play it back.
"""

from __future__ import annotations

import asyncio
import codecs
import contextlib
import json
import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Self

from feeds.errors import FeedDecodeError
from feeds.parse import utf8_document
from feeds.source import Changed, FeedSource, PollOutcome

__all__ = ["Header", "Recorder", "compact", "peek", "read_recording", "record"]


@dataclass(frozen=True)
class Header:
    """What a recording's players need of a document without validating it whole."""

    sequence: int | None
    """Its `sequence`, or None when missing or not an integer."""
    published_at: datetime | None
    """Its `published_at` as an aware time, or None when missing or without an offset."""


def peek(document: bytes) -> Header:
    """The `sequence` and `published_at` of a JSON document, leniently (None where unusable).

    The one place the replay, the demo's pacing and `serve-feed` read a
    document's header; the document itself is validated when it is polled.
    """
    try:
        value = json.loads(document)
    except (ValueError, RecursionError):
        return Header(None, None)
    if not isinstance(value, dict):
        return Header(None, None)
    sequence = value.get("sequence")
    if not isinstance(sequence, int) or isinstance(sequence, bool):
        sequence = None
    text = value.get("published_at")
    when = None
    if isinstance(text, str):
        with contextlib.suppress(ValueError):
            when = datetime.fromisoformat(text)
        if when is not None and when.utcoffset() is None:
            when = None
    return Header(sequence, when)


def read_recording(path: Path | str) -> list[bytes]:
    """Each non-empty line of the recording at `path`, as UTF-8 bytes (not validated here).

    A file saved as UTF-16 or UTF-32 (with a byte-order mark) is read as such,
    and a UTF-8 byte-order mark is dropped wherever a line starts with one
    (files joined with `cat`), so each line is what `parse_feed` expects.

    Raises:
        OSError: the file cannot be read.
        ValueError: its byte-order mark says UTF-16 or UTF-32, and it is not.
    """
    try:
        data = utf8_document(Path(path).read_bytes(), "recording")
    except FeedDecodeError as error:
        raise ValueError(str(error)) from None
    lines = (line.strip().removeprefix(codecs.BOM_UTF8).strip() for line in data.split(b"\n"))
    return [line for line in lines if line]


class Recorder:
    """Appends documents to a recording, one compact line each, synced to disk per line."""

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        """The recording written to."""
        self.count = 0
        """Documents appended by this recorder."""
        self._file = self.path.open("ab")
        if self._file.tell() > 0 and not self._ends_with_newline():
            self._file.write(b"\n")  # a line cut short by an earlier crash stays on its own

    def _ends_with_newline(self) -> bool:
        with self.path.open("rb") as handle:
            handle.seek(-1, os.SEEK_END)
            return handle.read(1) == b"\n"

    def append(self, raw: bytes) -> None:
        """Write the JSON document `raw` as one line (unknown fields kept) and sync it.

        Raises:
            ValueError: `raw` is not a JSON document.
        """
        line = compact(raw)
        self._file.write(line + b"\n")
        self._file.flush()
        os.fsync(self._file.fileno())
        self.count += 1

    def close(self) -> None:
        """Close the file."""
        self._file.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def compact(raw: bytes) -> bytes:
    """`raw` (JSON) re-serialised on one line as UTF-8, keeping every field.

    U+2028/U+2029 and lone surrogates are written as `\\u` escapes, so the
    line is valid UTF-8 and no line-splitting tool breaks it.

    Raises:
        ValueError: `raw` is not a JSON document.
    """
    try:
        value = json.loads(raw)
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as error:
        raise ValueError(f"not a JSON document: {error}") from None
    text = json.dumps(value, separators=(",", ":"), ensure_ascii=False)
    text = text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return text.encode("utf-8", errors="backslashreplace")


async def record(
    source: FeedSource,
    out: Path | str,
    *,
    interval: float,
    stop: asyncio.Event | None = None,
    limit: int | None = None,
    on_outcome: Callable[[PollOutcome], None] | None = None,
) -> int:
    """Poll `source` and append each new document to the recording `out`; return how many.

    Stops when `stop` is set (also during the wait between polls), after
    `limit` documents, or when the source is finished (a replay at its end).
    """
    with Recorder(out) as recorder:
        while not (stop is not None and stop.is_set()):
            outcome = await source.poll()
            if on_outcome is not None:
                on_outcome(outcome)
            if isinstance(outcome, Changed):
                recorder.append(outcome.snapshot.document)
            if (limit is not None and recorder.count >= limit) or source.finished:
                break
            delay = source.next_delay(interval)
            if stop is None:
                await asyncio.sleep(delay)
                continue
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), delay)
        return recorder.count
