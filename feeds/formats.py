"""Provides the registry of feed formats (`--format`) and `sniff`, which names a format by content.

Each format has a name (given to `--format`), a label a producer recognises,
and an opener that builds its `FeedSource` for a SOURCE; openers are imported
only when their format is used. `sniff` looks at the first bytes of a body
(or a folder's file names) and names the format it recognises, so that a PA
or AP file given without `--format` is refused with the fix in one line:
"this looks like PA election XML (FirstPastThePostStateOfParties): use --format pa".
"""

from __future__ import annotations

import importlib
import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from feeds.source import FeedSource

__all__ = [
    "FEED_IS", "FORMATS", "Format", "Sniffed", "by_name", "foreign_json", "sniff", "sniff_names",
]  # fmt: skip


@dataclass(frozen=True)
class Format:
    """One format the board reads."""

    name: str
    """What `--format` takes."""
    label: str
    """What a producer calls it ("PA election XML")."""
    opener: str | None = None
    """`module:function` building the format's `FeedSource` from a SOURCE and options, for
    formats with transports of their own (folders, FTP, incremental APIs); None for formats
    read through the ordinary URL, file and recording sources."""
    interval: float = 5.0
    """Seconds between polls when `--interval` is not given (AP: 10, within its guidance)."""

    def open(self, spec: str, **options: Any) -> FeedSource:
        """The source for `spec` (see `feeds.sources.open_source` for the options).

        Raises:
            ValueError: this format has no opener of its own.
        """
        if self.opener is None:
            raise ValueError(f"{self.name} is read through the ordinary sources")
        module, _, function = self.opener.partition(":")
        try:
            open_: Callable[..., FeedSource] = getattr(importlib.import_module(module), function)
        except (ImportError, AttributeError):
            raise ValueError(f"--format {self.name} is not available in this build") from None
        return open_(spec, **options)


FORMATS: dict[str, Format] = {
    "results-board": Format("results-board", "results-board JSON"),
    "csv": Format("csv", "a CSV table"),
    "pa": Format("pa", "PA election XML", "feeds.pa.sources:open_pa"),
    "ap": Format("ap", "AP Elections API JSON", "feeds.ap.sources:open_ap", interval=10.0),
}
"""Every format by name, the default (`results-board`) first."""


def by_name(name: str) -> Format:
    """The format called `name`.

    Raises:
        ValueError: no such format (the message lists the known ones).
    """
    try:
        return FORMATS[name]
    except KeyError:
        known = ", ".join(FORMATS)
        raise ValueError(f"unknown format {name!r} (known: {known})") from None


@dataclass(frozen=True)
class Sniffed:
    """A format recognised by content."""

    format: Format
    """The format."""
    kind: str
    """What in it was recognised: a PA message type, "races", "trend table"."""

    @property
    def hint(self) -> str:
        """The fix in one line: "this looks like PA election XML (LocalStateOfParties): use
        --format pa"."""
        return f"this looks like {self.format.label} ({self.kind}): use --format {self.format.name}"


_PA_ROOT = re.compile(
    rb"<\s*((?:FirstPastThePost|TopUp|Local|Mayoral|Referendum|European|Recount)[A-Za-z]*)\b"
)
"""The root element of a PA election message (their names start with the voting system)."""
_PA_FILE = re.compile(r"^[A-Za-z0-9-]+_[A-Za-z]+_.+_\d+\.xml$", re.IGNORECASE)
"""`{Election}_{type}_{area}_{revision}.xml`, as PA names its files."""
_AP_KEYS = re.compile(rb'"(races|nextrequest|trendtable|electionDate|isTruncated|apiVersion)"\s*:')


def sniff(body: bytes) -> Sniffed | None:
    """The known format `body` looks like, judged by its first 4 KB; None when none fits.

    Never raises and never parses the document: a hint, not a verdict.
    """
    head = body[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head[:1] == b"<":
        found = _PA_ROOT.search(head)
        if found is not None and b"<html" not in head[:512].lower():
            return Sniffed(FORMATS["pa"], found.group(1).decode("ascii"))
        return None
    if head[:1] in (b"{", b"["):
        found = _AP_KEYS.search(head)
        if found is not None and b'"format"' not in head[:256]:
            key = found.group(1).decode("ascii")
            return Sniffed(FORMATS["ap"], "trend table" if key == "trendtable" else "races")
    return None


def sniff_names(names: Iterable[str]) -> Sniffed | None:
    """The known format a folder's file names look like (PA's `{Election}_{type}_…_N.xml`)."""
    count = sum(1 for name in names if _PA_FILE.match(name))
    if count:
        return Sniffed(FORMATS["pa"], f"{count} file(s) named as PA names them")
    return None


_JSON_KINDS = {list: "a JSON array", str: "a JSON string", bool: "JSON true or false",
               int: "a JSON number", float: "a JSON number", type(None): "JSON null"}  # fmt: skip
FEED_IS = (
    'a results-board feed is one JSON object {"format": "results-board/1", "sequence": …} '
    "(docs/feed-format.md); other formats: --format csv|pa|ap"
)
"""What a results-board feed is, and the other formats, in one line."""


def foreign_json(body: bytes) -> str | None:
    """For JSON that is not a results-board feed at all (an array, a bare value, an object
    with no `"format"`, as other publishers' JSON is), one line saying what it is, what a feed
    is, and the other formats: "a JSON array; a results-board feed is one JSON object …".
    None for anything else (not JSON, or an object that declares a `"format"`: a feed whose
    problems are its own). Parses `body`: call it only once the document was refused.
    """
    try:
        value = json.loads(body)
    except (ValueError, RecursionError):
        return None
    if isinstance(value, dict):
        return None if "format" in value else f'a JSON object with no "format"; {FEED_IS}'
    return f"{_JSON_KINDS.get(type(value), 'JSON')}; {FEED_IS}"
