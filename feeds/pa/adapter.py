"""Provides `PaAdapter`: PA's files, each by area and revision, read into one whole `Feed`.

State (changed only in `accept`): for each file key (election, type and area,
as the name says) the revision in force, the last good message of it, and
the standing problem of its newest revision. The rules:

- A higher revision supersedes a lower one of the same key (it may carry
  identical data); a lower revision arriving after a higher one is ignored
  and named for `LATE_NOTICE` (issue 9).
- A file that is malformed, cut off, unsafe (an entity bomb, an external
  entity), too large, or of an unknown message type is a *standing problem*
  naming the file: the last good revision of its area stays on the board, and
  the problem stands until the file is rewritten or superseded. One bad file
  never fails the poll.
- `.timestamp` documents come from the folder and FTP transports: an empty
  one means the folder has none (named until it appears).
- Test data: PA's TEST account (`test=True`), `Local_Test_`/`Test_` file
  names, or an election named "… Test" (PA's test rota) sets `Feed.test`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from pydantic import ValidationError

from feeds.adapter import Adapter, RawDocument, Reading
from feeds.errors import FeedSchemaError, Problem
from feeds.models import Feed
from feeds.pa import messages as m
from feeds.pa.mapping import InForce, build_feed, check_message
from feeds.pa.names import PaFileName, parse_name
from feeds.pa.parse import UnknownMessage, read_message
from feeds.pa.xml import PaXmlError, parse_xml
from feeds.text import clean_text

__all__ = ["LATE_NOTICE", "MAX_FILE_BYTES", "PaAdapter", "PaState"]

MAX_FILE_BYTES = 20 * 1024 * 1024
"""The largest PA file read (20 MB; PA's messages are a few KB, a general election's
state of parties about 60 KB). A bigger one is a standing problem, not read."""
LATE_NOTICE = timedelta(minutes=5)
"""How long a late, lower revision is named after it arrived."""
HEAVY_FILES = 50
"""Files held beyond which a reading runs in a worker thread (a few ms of mapping)."""
_TEST = re.compile(r"\btest\b", re.IGNORECASE)


@dataclass(frozen=True)
class PaFile:
    """What the board holds of one file key."""

    name: str
    """The file of the revision in force (the newest seen)."""
    revision: int
    item: InForce[Any] | None
    """The last good message of this key and when it arrived (None: none yet, or not shown)."""
    problem: str | None = None
    """Why the newest revision could not be used, if it could not."""
    test: bool = False
    since: datetime | None = None
    """When the problem was found (the newest is named first)."""


@dataclass(frozen=True)
class PaState:
    """Everything `PaAdapter` keeps between polls; replaced whole on `accept`."""

    files: dict[str, PaFile] = field(default_factory=dict)
    late: tuple[tuple[str, datetime], ...] = ()
    notes: dict[str, tuple[str, datetime]] = field(default_factory=dict)
    sequence: int = 0
    shown: Feed | None = None


class PaAdapter(Adapter):
    """PA election XML: a file, a folder or an FTP account's files, by area and revision."""

    format = "pa"

    def __init__(self, *, test: bool = False, max_bytes: int = MAX_FILE_BYTES) -> None:
        self.test = test
        """The source is PA's TEST account: every feed is marked test data."""
        self.max_bytes = max_bytes
        """Files larger than this are named, not read."""
        self.state = PaState()
        """The state in force (replaced by `accept`)."""

    @property
    def heavy(self) -> bool:
        """More than `HEAVY_FILES` files held: each change re-maps them all, off the loop."""
        return len(self.state.files) > HEAVY_FILES

    def read(self, documents: Sequence[RawDocument], now: datetime) -> Reading:
        """Fold `documents` into a copy of the state and map it; never raises for one bad file.

        Raises:
            FeedSchemaError: the messages in force make figures the format refuses
                together (each was checked alone when it arrived).
        """
        files, notes = dict(self.state.files), dict(self.state.notes)
        late = [(text, until) for text, until in self.state.late if until > now]
        named = [(self._name(d.name), d) for d in documents if not d.name.endswith(".timestamp")]
        for document in documents:
            if document.name.endswith(".timestamp"):
                self._timestamp(document, notes, now)
        for name, document in sorted(named, key=lambda x: (x[0].key, x[0].revision)):
            self._fold(name, document, now, files, late)
        items = [f.item for f in files.values() if f.item is not None]
        test = self.test or any(f.test for f in files.values() if f.item is not None)
        shown = self.state.shown
        try:
            feed, warnings = build_feed(items, sequence=self.state.sequence + 1, now=now, test=test)
        except ValidationError as error:
            raise FeedSchemaError([Problem("", clean_text(str(error), 300))]) from None
        same = feed is None or (shown is not None and _visible(feed) == _visible(shown))
        state = PaState(files, tuple(late), notes, self.state.sequence + (not same), feed or shown)
        found = [(f.since or now, f"{f.name}: {f.problem}") for f in files.values() if f.problem]
        found += [(until - LATE_NOTICE, text) for text, until in late]
        found += [(since, text) for text, since in notes.values()]
        found.sort(key=lambda item: item[0], reverse=True)  # the newest first: the status shows it
        problems = [text for _, text in found]
        return Reading(None if same else feed, tuple(problems), tuple(warnings), state)

    def accept(self, reading: Reading) -> None:
        """Make the reading's state current."""
        if isinstance(reading.state, PaState):
            self.state = reading.state

    @staticmethod
    def _name(path: str) -> PaFileName:
        name = clean_text(path.rsplit("/", 1)[-1], 120)
        return parse_name(name) or PaFileName(name, name.casefold(), "", 0, False)

    @staticmethod
    def _timestamp(
        document: RawDocument, notes: dict[str, tuple[str, datetime]], now: datetime
    ) -> None:
        folder = document.name.rsplit("/", 1)[0] if "/" in document.name else "the folder"
        if document.body.strip():
            notes.pop(document.name, None)
        elif document.name not in notes:
            text = f"no .timestamp in {clean_text(folder, 60)}: scanning every file each poll"
            notes[document.name] = (text, now)

    def _fold(
        self,
        name: PaFileName,
        document: RawDocument,
        now: datetime,
        files: dict[str, PaFile],
        late: list[tuple[str, datetime]],
    ) -> None:
        held = files.get(name.key)
        if held is not None and name.revision < held.revision:
            text = f"{name.name}: revision {name.revision} came after {held.revision}; ignored"
            late.append((text, now + LATE_NOTICE))
            return
        keep = held.item if held is not None else None
        received = document.modified or now
        try:
            message = self._message(document.body)
        except (PaXmlError, UnknownMessage, ValueError) as error:
            problem = clean_text(str(error).splitlines()[0] if str(error) else "unreadable", 160)
            files[name.key] = PaFile(name.name, name.revision, keep, problem, name.test, now)
            return
        test = name.test or bool(message and _TEST.search(message.election))
        item = InForce(message, received) if message is not None else keep
        if held is not None and held.item is not None and held.name == name.name and message:
            item = InForce(message, held.item.received)  # the same file rewritten: same arrival
        files[name.key] = PaFile(name.name, name.revision, item, None, test)

    def _message(self, body: bytes) -> m.Message | None:
        if len(body) > self.max_bytes:
            raise ValueError(f"larger than {self.max_bytes:,} bytes; not read")
        message = read_message(parse_xml(body))
        if message is not None:
            try:
                check_message(message)
            except ValidationError as error:
                first = error.errors()[0]
                where = ".".join(str(p) for p in first["loc"])
                raise ValueError(f"figures refused: {where}: {first['msg']}") from None
        return message


def _visible(feed: Feed) -> tuple[object, ...]:
    """What the board shows of `feed`: all but its sequence and time of publication."""
    return (feed.title, feed.test, feed.contests, feed.updates)
