"""Provides the finder's matching: type a few letters, get the best-ranked items first.

Generic over what is found — the areas of a contest, the races of a night —
as `FinderItem`s (`widgets/views.py`). Names and queries are *folded* before
they are compared: accents and case go, punctuation becomes a space ("Ynys
Môn" ~ "ynys mon", "Stoke-on-Trent" ~ "stoke on trent", "St. Albans" ~
"st albans"). Then each item takes the best tier it reaches:

| tier | the query … | "st" finds |
|---|---|---|
| 0 | is the whole name | "St" |
| 1 | starts the name | "St Albans", "Stoke-on-Trent" |
| 2 | starts a word of it | "East Staffordshire" |
| 3 | its words each start a later word ("n tyn") | "North Tyneside" |
| 4 | is the initials of the name's first words ("nt") | "North Tyneside" |
| 5 | is inside it | "Bristol" |
| 6 | has its letters in order in it | "Southampton" ("sn") |

An item's other words (`FinderItem.also`: a race's candidates) find it too,
ranked with tier 5 at best, after every match by name. Ties go
alphabetically by folded name (so typing on narrows predictably:
"Dudley" before "Dudley North"), then in the order given. An empty query
lists every item in the order given (declared newest first, then still to
declare). Nothing here imports Textual; an index is built once per list of items
and each keystroke ranks it in well under a millisecond per hundred items
(`python -m bench.finder_bench`).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from widgets.desk_views import FinderItem

__all__ = ["SCOPES", "FinderIndex", "fold", "tier"]

_NOT_WORD = re.compile(r"[\W_]+")

ALSO_TIER = 5
"""The best tier of a match found only in an item's other words (`FinderItem.also`)."""

SCOPES: tuple[str, ...] = ("All",)
"""The finder's first scope: every item; the others are the items' own sections."""


def fold(text: str) -> str:
    """`text` as compared: no accents, case-folded, words separated by single spaces."""
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " ".join(_NOT_WORD.sub(" ", bare.casefold()).split())


def tier(query: str, name: str) -> int | None:
    """The tier (0 best … 6) at which folded `query` finds folded `name`, or None."""
    if not query:
        return 0
    if name == query:
        return 0
    if name.startswith(query):
        return 1
    if f" {query}" in f" {name}":
        return 2
    words = name.split()
    wanted = query.split()
    if len(wanted) > 1 and _words_in_order(wanted, words):
        return 3
    compact = query.replace(" ", "")
    if len(compact) > 1 and "".join(word[0] for word in words).startswith(compact):
        return 4
    if query in name:
        return 5
    if _in_order(compact, name):
        return 6
    return None


def _words_in_order(wanted: Sequence[str], words: Sequence[str]) -> bool:
    """Each wanted word starts a word of `words`, each after the last one matched."""
    position = 0
    for part in wanted:
        while position < len(words) and not words[position].startswith(part):
            position += 1
        if position == len(words):
            return False
        position += 1
    return True


def _in_order(letters: str, text: str) -> bool:
    """The letters appear in `text` in this order (not necessarily together)."""
    rest = iter(text)
    return all(letter in rest for letter in letters)


@dataclass(frozen=True)
class _Entry:
    item: FinderItem
    folded: str
    order: int
    also: str = ""


class FinderIndex:
    """Items prepared for matching: their folded names, computed once."""

    def __init__(self, items: Sequence[FinderItem]) -> None:
        self.items: tuple[FinderItem, ...] = tuple(items)
        """Every item, in the order given (the order of an empty query)."""
        self._entries = [
            _Entry(item, fold(item.name), n, fold(item.also)) for n, item in enumerate(self.items)
        ]
        self._last: tuple[str, str, list[_Entry]] = ("", "", self._entries)

    def __len__(self) -> int:
        return len(self.items)

    @property
    def sections(self) -> tuple[str, ...]:
        """The items' sections, in order of first appearance."""
        return tuple(dict.fromkeys(item.section for item in self.items if item.section))

    def scopes(self) -> tuple[str, ...]:
        """What `tab` cycles through: "All", then each section."""
        return (*SCOPES, *self.sections)

    def find(self, query: str, scope: str = "All") -> list[FinderItem]:
        """The items `query` finds, best first; an empty query gives every item in order.

        `scope` is "All" or one section's name (others find nothing).
        """
        wanted = fold(query)
        last_wanted, last_scope, last_matched = self._last
        # Typing on only narrows: whatever a longer query finds, its prefix found too (every
        # tier implies the letters in order), so only those need ranking again.
        narrowing = last_wanted and wanted.startswith(last_wanted) and scope == last_scope
        candidates = last_matched if narrowing else self._entries
        matched: list[_Entry] = []
        ranked: list[tuple[int, str, int, FinderItem]] = []
        for entry in candidates:
            if scope != "All" and entry.item.section != scope:
                continue
            found = tier(wanted, entry.folded)
            if found is None and entry.also:  # a race's candidates: after every name match
                by_also = tier(wanted, f"{entry.folded} {entry.also}")
                found = None if by_also is None else max(ALSO_TIER, by_also)
            if found is not None:
                matched.append(entry)
                ranked.append((found, entry.folded if wanted else "", entry.order, entry.item))
        self._last = (wanted, scope, matched)
        ranked.sort(key=lambda found: found[:3])
        return [found[3] for found in ranked]
