"""Provides `PaAdapter`: PA's files, each by area and revision, read into one whole `Feed`.

State (changed only in `accept`): for each file key (election, type and area,
as the name says) the revision in force, what its last good message adds to
the night (its `Part`, mapped and validated once, when the file was read),
and the standing problem of its newest revision; the `Night` those parts make,
kept up to date by change, so a new file costs its own area and contest, not
the whole night. The rules:

- A higher revision supersedes a lower one of the same key (it may carry
  identical data); a lower revision arriving after a higher one is ignored
  and named for `LATE_NOTICE` (issue 9).
- A file that is malformed, cut off, unsafe (an entity bomb, an external
  entity), too large, or of an unknown message type is a *standing problem*
  naming the file: the last good revision of its area stays on the board, and
  the problem stands until the file is rewritten or superseded. One bad file
  never fails the poll.
- `.timestamp` documents come from the folder and FTP transports: an empty
  one means the folder has none, a `Note` (polling cost, not a fault) named
  until one appears there — or until the transport reads folders below it
  instead (an empty folder that PA's `results/` and `nominations/` then fill).
- Test data: PA's TEST account (`test=True`), `Local_Test_`/`Test_` file
  names, or an election named "… Test" (PA's test rota) sets `Feed.test`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from pydantic import ValidationError

from feeds.adapter import Adapter, Note, RawDocument, Reading
from feeds.models import FORMAT, Feed
from feeds.pa.names import PaFileName, parse_name
from feeds.pa.night import Night
from feeds.pa.parse import UnknownMessage, read_message
from feeds.pa.parts import Part, make_part
from feeds.pa.xml import PaXmlError, parse_xml
from feeds.text import clean_text

__all__ = ["LATE_NOTICE", "MAX_FILE_BYTES", "PaAdapter", "PaState"]

MAX_FILE_BYTES = 20 * 1024 * 1024
"""The largest PA file read (20 MB; PA's messages are a few KB, a general election's
state of parties about 60 KB). A bigger one is a standing problem, not read."""
LATE_NOTICE = timedelta(minutes=5)
"""How long a late, lower revision is named after it arrived."""
_TEST = re.compile(r"\btest\b", re.IGNORECASE)


@dataclass(frozen=True)
class PaFile:
    """What the board holds of one file key."""

    name: str
    """The file of the revision in force (the newest seen)."""
    revision: int
    part: Part | None
    """What the last good message of this key adds to the night (None: none yet)."""
    received: datetime | None = None
    """When the file of `part` arrived (a file rewritten in place keeps its arrival)."""
    problem: str | None = None
    """Why the newest revision could not be used, if it could not."""
    test: bool = False


@dataclass(frozen=True)
class PaState:
    """Everything `PaAdapter` keeps between polls; replaced whole on `accept`."""

    files: dict[str, PaFile] = field(default_factory=dict)
    night: Night = field(default_factory=Night)
    problems: dict[str, tuple[datetime, str]] = field(default_factory=dict)
    """File key → when its standing problem was found, and the problem."""
    tests: frozenset[str] = frozenset()
    """Keys of files in force that are test data."""
    late: tuple[tuple[str, datetime], ...] = ()
    notes: dict[str, tuple[str, datetime]] = field(default_factory=dict)
    sequence: int = 0
    shown: Feed | None = None


class PaAdapter(Adapter):
    """PA election XML: a file, a folder or an FTP account's files, by area and revision."""

    format = "pa"
    awaited = "PA's first files in"

    def __init__(self, *, test: bool = False, max_bytes: int = MAX_FILE_BYTES) -> None:
        self.test = test
        """The source is PA's TEST account: every feed is marked test data."""
        self.max_bytes = max_bytes
        """Files larger than this are named, not read."""
        self.state = PaState()
        """The state in force (replaced by `accept`)."""

    @property
    def heavy(self) -> bool:
        """Always: parsing a burst of files (a first read of 1,400) must never hold the board's
        event loop; a worker thread costs a fraction of a millisecond."""
        return True

    def read(self, documents: Sequence[RawDocument], now: datetime) -> Reading:
        """Fold `documents` into a fork of the state: cost grows with them, not with the night.

        Never raises: one bad file is a standing problem, not a failed poll.
        """
        old = self.state
        files, problems, notes = dict(old.files), dict(old.problems), dict(old.notes)
        tests, night = set(old.tests), old.night.fork()
        late = [(text, until) for text, until in old.late if until > now]
        named = [(self._name(d.name), d) for d in documents if not d.name.endswith(".timestamp")]
        for document in documents:
            if document.name.endswith(".timestamp"):
                self._timestamp(document, notes, now)
        for name, document in sorted(named, key=lambda x: (x[0].key, x[0].revision)):
            held = files.get(name.key)
            if held is not None and name.revision < held.revision:
                text = f"{name.name}: revision {name.revision} came after {held.revision}; ignored"
                late.append((text, now + LATE_NOTICE))
                continue
            new = self._fold(name, document, held, now)
            files[name.key] = new
            if new.problem:
                problems[name.key] = (now, f"{new.name}: {new.problem}")
            else:
                problems.pop(name.key, None)
            (tests.add if new.test and new.part else tests.discard)(name.key)
            if held is None or new.part is not held.part:
                night.replace(name.key, held.part if held else None, new.part)
        night.assemble()
        feed = self._feed(night, old.sequence + 1, now, test=self.test or bool(tests))
        shown = old.shown
        same = feed is None or (shown is not None and _visible(feed) == _visible(shown))
        state = PaState(files, night, problems, frozenset(tests), tuple(late), notes,
                        old.sequence + (not same), feed or shown)  # fmt: skip
        found = list(problems.values())
        found += [(until - LATE_NOTICE, text) for text, until in late]
        found.sort(key=lambda item: item[0], reverse=True)  # the newest first: the status shows it
        noted = sorted(notes.values(), key=lambda item: item[1], reverse=True)
        found += [(since, Note(text)) for text, since in noted]  # faults before notes
        return Reading(None if same else feed, tuple(text for _, text in found),
                       tuple(night.warnings()), state)  # fmt: skip

    def accept(self, reading: Reading) -> None:
        """Make the reading's state current."""
        if isinstance(reading.state, PaState):
            self.state = reading.state

    @staticmethod
    def _feed(night: Night, sequence: int, now: datetime, *, test: bool) -> Feed | None:
        """The whole feed of `night` (None while it makes no contest), assembled without
        validating again: every part was validated on arrival (`feeds.pa.tables`).

        `published_at` is `now` with `time_basis: "received"`: PA's state-of-parties and
        local messages carry no time of publication.
        """
        if not night.contests:
            return None
        names = night.elections()
        title = " · ".join(sorted(names)) if len(names) <= 3 else ""
        return Feed.model_construct(
            format=FORMAT, sequence=sequence, published_at=now.astimezone(),
            title=clean_text(title, 120) or "PA election results", contests=night.contests,
            updates=night.updates, test=test, time_basis="received",
        )  # fmt: skip

    @staticmethod
    def _name(path: str) -> PaFileName:
        name = clean_text(path.rsplit("/", 1)[-1], 120)
        return parse_name(name) or PaFileName(name, name.casefold(), "", 0, False)

    @staticmethod
    def _timestamp(
        document: RawDocument, notes: dict[str, tuple[str, datetime]], now: datetime
    ) -> None:
        """Note a folder without `.timestamp` (an empty document) until one appears there.

        Read in a folder, a `.timestamp` also ends the notes of the folders above it: the
        transport reads either a flat folder or PA's `results/` and `nominations/` in it,
        never both, so a note of the flat folder no longer applies."""
        folder = document.name.removesuffix(".timestamp")
        above = [key for key in notes if folder.startswith(key.removesuffix(".timestamp"))]
        for key in above:
            if key != document.name or document.body.strip():
                notes.pop(key)
        if not document.body.strip() and document.name not in notes:
            where = clean_text(folder.rstrip("/"), 60) or "the folder"
            notes[document.name] = (f"no .timestamp in {where}: scanning every file each poll", now)

    def _fold(
        self, name: PaFileName, document: RawDocument, held: PaFile | None, now: datetime
    ) -> PaFile:
        """The file key's new holding: the message of `document` mapped into its part, or,
        when it cannot be used, the last good part kept beside the problem."""
        keep = held.part if held is not None else None
        kept = held.received if held is not None else None
        received = document.modified or now
        if held is not None and held.part is not None and held.name == name.name:
            received = held.received or received  # the same file rewritten: same arrival
        try:
            if len(document.body) > self.max_bytes:
                raise ValueError(f"larger than {self.max_bytes:,} bytes; not read")
            message = read_message(parse_xml(document.body))
            part = make_part(message, received)
        except ValidationError as error:
            first = error.errors()[0]
            where = ".".join(str(p) for p in first["loc"])
            problem = clean_text(f"figures refused: {where}: {first['msg']}", 160)
            return PaFile(name.name, name.revision, keep, kept, problem, name.test)
        except (PaXmlError, UnknownMessage, ValueError) as error:
            problem = clean_text(str(error).splitlines()[0] if str(error) else "unreadable", 160)
            return PaFile(name.name, name.revision, keep, kept, problem, name.test)
        test = name.test or bool(_TEST.search(message.election))
        return PaFile(name.name, name.revision, part, received, None, test)


def _visible(feed: Feed) -> tuple[object, ...]:
    """What the board shows of `feed`: all but its sequence and time of publication."""
    return (feed.title, feed.test, feed.contests, feed.updates)
