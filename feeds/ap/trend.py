"""Provides `trend_contest`: an AP balance-of-power trend table as a `legislature` contest.

AP's trend reports ("Trend / h / US" for the House, "s" the Senate, "g"
governors) give, per party: `Won`, `Leading`, `Holdovers`, `Winning Trend`,
`Current`, `InsufficientVote`, and `NetChange` (`Winners`, `Leaders`) —
every number a string ("201", "+8"), each in its own one-key object. The
chamber's size is not in the table: it comes from the office (`CHAMBERS`).

Won and leading stay apart: `seats` is won plus holdovers (seats not up this
time), `leading` is seats not called where the party leads. (elex reads
`leading` from the `Won` key; this does not.)
"""

from __future__ import annotations

from typing import Any

from feeds.contests import LegislatureContest, LegislatureParty
from feeds.text import clean_text

__all__ = ["CHAMBERS", "TrendFault", "trend_contest"]

CHAMBERS: dict[str, tuple[str, str, int, int]] = {
    "H": ("bop-house", "U.S. House", 435, 218),
    "S": ("bop-senate", "U.S. Senate", 100, 51),
    "G": ("bop-governors", "Governors", 50, 26),
}
"""Office type code → (contest id, name, seats, needed for a majority). The Senate's 51
ignores the vice-president's casting vote; governors have no majority, 26 is half plus one."""


class TrendFault(ValueError):
    """A trend table that cannot be used; the message names the party and the field."""


def trend_contest(table: dict[str, Any]) -> LegislatureContest:
    """The table as a `legislature`: seats won (with holdovers), leading, net change.

    Raises:
        TrendFault: an unknown office, a party without a title, or a figure that is not a
            signed whole number.
    """
    code = str(table.get("OfficeTypeCode", "")).upper()
    if code not in CHAMBERS:
        office = clean_text(str(table.get("office", "?")), 40)
        raise TrendFault(f"trend table for {office!r} (office {code!r}): chamber size unknown")
    contest_id, name, total, majority = CHAMBERS[code]
    parties = table.get("party")
    if not isinstance(parties, list) or not parties:
        raise TrendFault(f"{name} trend table has no parties")
    rows = []
    for index, party in enumerate(parties):
        if not isinstance(party, dict) or not party.get("title"):
            raise TrendFault(f"{name} trend table: party {index + 1} has no title")
        title = clean_text(str(party["title"]), 16)
        trend = _flatten(party.get("trend"))
        net = _flatten((party.get("NetChange") or {}).get("trend"))
        where = f"{name} trend table, {title}"
        won = _figure(trend, "Won", where)
        rows.append(
            LegislatureParty(
                code=title,
                name=title,
                seats=won + _figure(trend, "Holdovers", where),
                leading=_figure(trend, "Leading", where),
                seats_change=_figure(net, "Winners", where, signed=True),
            )
        )
    seats = sum(row.seats for row in rows)
    if seats > total:
        raise TrendFault(f"{name} trend table: {seats} seats won, more than the {total} there are")
    return LegislatureContest(
        kind="legislature",
        id=contest_id,
        title=f"Balance of power: {name}",
        total=total,
        reported=seats,
        majority=majority,
        parties=tuple(rows),
    )


def _flatten(items: Any) -> dict[str, Any]:
    """AP's `[{"Won": "201"}, {"Leading": "0"}]` as one dict."""
    found: dict[str, Any] = {}
    if isinstance(items, list):
        for item in items:
            if isinstance(item, dict):
                found.update(item)
    return found


def _figure(values: dict[str, Any], key: str, where: str, signed: bool = False) -> int:
    """A figure written as a string ("201", "+8", "-8"); absent is 0."""
    value = values.get(key, "0")
    text = str(value).strip() if isinstance(value, str | int) else ""
    if isinstance(value, bool):
        text = ""
    body = text[1:] if text[:1] in "+-" and signed else text
    if not body.isdigit() or not body.isascii():
        shown = clean_text(repr(value), 20)
        raise TrendFault(f"{where}: {key} is {shown}, not a {'signed ' if signed else ''}number")
    return int(text)
