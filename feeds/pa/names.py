"""Provides `PaFileName`: what a PA file's name says — its message kind, area key, revision, test.

PA names its files `{Election}_{type}_{area}_{revision}.xml` (FPTP and PR top-up
XML page: `{Election name}_nominations_{Constituency name}_{Revision}.xml`; the
referendum page: `EU_result_Swindon_1.xml`, `EU_recount_Boston_2.xml`). Election
and area names may themselves hold underscores (`Test_Snap_General_Election_
result_Aberavon_1.xml`), and state-of-parties files carry no area
(`Test_General_Election_SOP_650.xml`), so the name is not split by position:
the revision is the trailing number, the kind is the first known type word,
and the *key* — what a higher revision supersedes — is the whole name without
its revision. "A higher revision supersedes a lower one for the same area and
type" (issue 9; nominations: "a new message with a higher revision number").

Test data: "local election test files will always start with a `Local_Test_`
prefix, whilst live data files simply have a `Local_` prefix" (Local councils
XML page). PA's general-election test rota names its files `Test_…`
(observed: `Test_General_Election_SOP_650.xml`), so a leading `Test_` marks
test data too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["KINDS", "PaFileName", "parse_name"]

KINDS = {
    "result": "result",
    "results": "result",
    "rush": "rush",
    "recount": "recount",
    "sop": "state of parties",
    "nominations": "nominations",
    "nomination": "nominations",
}
"""Type words of PA file names (any case) and the kind each names."""

_REVISION = re.compile(r"^(?P<stem>.+?)_(?P<revision>\d+)$")


@dataclass(frozen=True)
class PaFileName:
    """One PA file name, read."""

    name: str
    """The file's own name (no folder)."""
    key: str
    """The name without its revision, case-folded: files with the same key supersede each
    other by revision (same election, type and area)."""
    kind: str
    """"result", "rush", "recount", "state of parties", "nominations", or "" when the name
    holds no known type word (the message inside still says what it is)."""
    revision: int
    """The trailing number; 0 when the name has none (`Local_nominations_Adur.xml`)."""
    test: bool
    """PA test data by name (`Local_Test_…`, `Test_…`)."""


def parse_name(path: str) -> PaFileName | None:
    """The PA reading of the file at `path` (a name, or `folder/name`); None unless `*.xml`.

    Hidden files (`.timestamp`, a mirror's `.name.xml.part`) are not PA files.
    """
    name = path.rsplit("/", 1)[-1]
    if name.startswith(".") or not name.lower().endswith(".xml"):
        return None
    stem = name[:-4]
    match = _REVISION.match(stem)
    revision = int(match.group("revision")) if match else 0
    base = match.group("stem") if match else stem
    words = base.split("_")
    kind = next((KINDS[w.lower()] for w in words if w.lower() in KINDS), "")
    test = words[0].lower() == "test" or (len(words) > 1 and words[1].lower() == "test")
    return PaFileName(name, base.casefold(), kind, revision, test)
