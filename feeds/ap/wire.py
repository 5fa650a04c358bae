"""Provides `decode`: AP's JSON read fast into structs holding only the fields the board uses.

A national response is ~20 MB, mostly county units. Decoding it into dicts
creates millions of objects (≈0.4 s of CPU here); msgspec decodes it into
typed structs that keep only the named fields (≈0.15 s) and skips the rest
unread. Every field is typed `Any`, so the values arrive as sent and
`feeds.ap.parse` still names a string where a number belongs. A document the
structs cannot take (a race that is not an object, say) is decoded again as
plain JSON, so that one bad race is named and the others still read.
"""

from __future__ import annotations

from typing import Any

import msgspec

from feeds.errors import FeedDecodeError

__all__ = ["decode", "field", "is_object"]


class _Candidate(msgspec.Struct):
    candidateID: Any = None
    polID: Any = None
    first: Any = None
    last: Any = None
    party: Any = None
    voteCount: Any = None
    winner: Any = None
    incumbent: Any = None
    electWon: Any = None


class _Unit(msgspec.Struct):
    level: Any = None
    reportingunitLevel: Any = None
    statePostal: Any = None
    lastUpdated: Any = None
    precinctsReporting: Any = None
    precinctsTotal: Any = None
    precinctsReportingPct: Any = None
    electTotal: Any = None
    eevp: Any = None
    candidates: list[_Candidate] = []


class _Race(msgspec.Struct):
    raceID: Any = None
    statePostal: Any = None
    officeID: Any = None
    officeName: Any = None
    seatName: Any = None
    description: Any = None
    numWinners: Any = None
    uncontested: Any = None
    test: Any = None
    resultsType: Any = None
    eevp: Any = None
    reportingUnits: list[_Unit] = []


class _Response(msgspec.Struct):
    electionDate: Any = msgspec.UNSET
    timestamp: Any = None
    races: list[_Race] | msgspec.UnsetType = msgspec.UNSET
    nextrequest: Any = msgspec.UNSET
    isTruncated: Any = None
    resultsType: Any = None
    trendtable: Any = None


_DECODER = msgspec.json.Decoder(_Response)


def decode(body: bytes) -> Any:
    """The document as a struct (or, if the structs cannot take it, as plain JSON values).

    Raises:
        FeedDecodeError: not JSON.
    """
    try:
        return _DECODER.decode(body)
    except msgspec.ValidationError:
        pass
    except msgspec.DecodeError as error:
        raise FeedDecodeError("AP response is not JSON", str(error)[:200]) from None
    try:
        return msgspec.json.decode(body)
    except msgspec.DecodeError as error:
        raise FeedDecodeError("AP response is not JSON", str(error)[:200]) from None


def is_object(value: Any) -> bool:
    """A JSON object, decoded as a dict or as one of the structs."""
    return isinstance(value, dict | msgspec.Struct)


def field(value: Any, key: str) -> Any:
    """`key` of a JSON object (dict or struct); None when absent or unset."""
    found = value.get(key) if isinstance(value, dict) else getattr(value, key, None)
    return None if found is msgspec.UNSET else found


def has(value: Any, key: str) -> bool:
    """True when the object carries `key` (a struct: when the document set it)."""
    if isinstance(value, dict):
        return key in value
    return getattr(value, key, msgspec.UNSET) is not msgspec.UNSET
