"""Provides the known UK parties: the names desks write for them, their codes and colours.

A CSV table names parties as people type them ("Lab", "Lib Dems", "Ukip",
"Green Party"); the feed needs a stable code per party (`LAB`, `LD`, …) and
a colour. `lookup_party` maps a written name to a `PartyInfo`; `make_code`
invents a code for a party this table does not know, unique within a table.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection
from dataclasses import dataclass

from feeds.fields import distinct

__all__ = ["PARTIES", "PartyInfo", "lookup_party", "make_code"]


@dataclass(frozen=True)
class PartyInfo:
    """A known party: its feed code, the name the board shows, and its colour."""

    code: str
    """The feed code, e.g. `LAB`; matches the `Code` pattern of the feed format."""
    name: str
    """The usual display name, e.g. "Liberal Democrat"."""
    colour: str
    """The party's colour as `#rrggbb`."""


PARTIES: tuple[tuple[PartyInfo, tuple[str, ...]], ...] = (
    (
        PartyInfo("LAB", "Labour", "#dc241f"),
        ("labour", "lab", "labour and co-operative", "labour co-op", "lab co-op"),
    ),
    (
        PartyInfo("CON", "Conservative", "#0087dc"),
        ("conservative", "conservatives", "con", "tory", "tories", "conservative and unionist"),
    ),
    (
        PartyInfo("LD", "Liberal Democrat", "#faa61a"),
        (
            "liberal democrat",
            "liberal democrats",
            "lib dem",
            "lib dems",
            "libdem",
            "libdems",
            "ld",
        ),
    ),
    (
        PartyInfo("UKIP", "UKIP", "#70147a"),
        ("ukip", "uk independence", "uk independence party"),
    ),
    (PartyInfo("GRN", "Green", "#6ab023"), ("green", "greens", "grn", "green party")),
    (PartyInfo("IND", "Independent", "#999999"), ("independent", "independents", "ind")),
    (
        PartyInfo("RES", "Residents", "#7c6b9c"),
        ("residents", "residents association", "residents associations", "res"),
    ),
    (PartyInfo("LIB", "Liberal", "#eb7a43"), ("liberal", "lib")),
    (PartyInfo("RESP", "Respect", "#46801c"), ("respect", "resp")),
    (PartyInfo("SNP", "SNP", "#fdf38e"), ("snp", "scottish national")),
    (PartyInfo("PC", "Plaid Cymru", "#005b54"), ("plaid cymru", "plaid", "pc")),
    (
        PartyInfo("OTH", "Others", "#b0b0b0"),
        ("others", "other", "other parties", "all others", "oth", "others combined"),
    ),
)
"""Each known party with the normalised names that mean it."""

_BY_NAME = {variant: info for info, variants in PARTIES for variant in variants}
_NOT_WORD = re.compile(r"[^a-z0-9\- ]+")
_AROUND_HYPHEN = re.compile(r"\s*-\s*")


def _normalise(name: str) -> str:
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().casefold()
    text = text.replace("&", " and ").replace("'", "").replace("’", "")
    text = _NOT_WORD.sub(" ", text)
    text = " ".join(text.split())
    text = _AROUND_HYPHEN.sub("-", text)
    if text.startswith("the "):
        text = text[4:]
    if text.endswith(" party") and text not in _BY_NAME:
        text = text[: -len(" party")]
    return text


def lookup_party(name: str) -> PartyInfo | None:
    """The known party `name` means (any case, "&" or "and", with or without "Party"), or None."""
    return _BY_NAME.get(_normalise(name))


def make_code(name: str, taken: Collection[str] = ()) -> str:
    """A code for an unknown party: the upper-case letters and digits of `name`, ≤ 12 characters.

    The code matches the feed's `Code` pattern and is not in `taken` (nor `NOC`,
    which is reserved): a clash gets a numeric suffix ("ABC", "ABC2", …).
    """
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    base = "".join(ch for ch in ascii_name.upper() if ch.isascii() and ch.isalnum())[:12]
    if not base:
        base = "PARTY"
    blocked = {code.upper() for code in taken} | {"NOC"}
    return distinct(base, blocked, lambda b, n: b[: 12 - len(str(n))] + str(n))
