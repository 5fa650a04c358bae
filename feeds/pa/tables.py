"""Provides `build`: a contest's `Group` → its contest, from parts validated on arrival.

Contests are put together with `model_construct`, without validating again
what `feeds.pa.parts` validated (thousands of declarations on a general
election night). So the rules the contest models enforce are kept here, by
construction, for any input (`tests/test_pa_night.py` feeds inputs that would
break each one and validates the result):

- `total` ≥ 1 and 0 ≤ `reported` ≤ `total` (a state of parties' own figures
  are clamped by `feeds.pa.parts`; a tally reports what it counted);
- `majority` ≥ 1 (more than half of `total`);
- at least one party row; codes unique (`parts.unique`, or the keys of a
  tally); no "NOC" row in a councils table (it is `no_overall_control`);
- declaration areas unique (`Group.shown` is keyed by area and names clash-free);
- ids and titles within the format's patterns and lengths (`clean_text`, `slug`);
  contest ids unique in the feed (`Night` suffixes a clash), ticker ids too (`ticker`).

Rules of the mapping (issue 9, election.pressassociation.com): before any
state of parties arrives, a table is tallied from the results in force and
says so; with nominations, a tally's `total` counts the areas electing
(councils, or constituencies for a chamber) and every party standing has a row.
"""

from __future__ import annotations

from collections import Counter

from feeds.contests import (
    Contest,
    CouncilsContest,
    LegislatureContest,
    LegislatureParty,
    NoOverallControl,
    PartyRow,
)
from feeds.fields import NOC, distinct
from feeds.models import Update
from feeds.pa.declare import slug
from feeds.pa.night import Group
from feeds.pa.parts import ALL, ChamberTable, ContestKey, CouncilsTable, colour
from feeds.text import clean_text

__all__ = ["MAX_UPDATES", "build", "ticker"]

MAX_UPDATES = 30
"""Ticker items kept, the newest."""


def build(group: Group, everywhere: Group | None) -> tuple[Contest | None, str]:
    """The contest `group` makes (None when it makes none yet), and its standing warning.

    `everywhere` is the whole local election's group: a region's councils table
    shows the declarations of the councils it includes.
    """
    kind = group.key[0]
    if kind == "mayor":
        return _mayor(group), ""
    if kind == "legislature":
        return _legislature(group)
    return _councils(group, everywhere)


def _areas(group: Group) -> tuple[str, ...]:
    return tuple(group.areas) if group.nominations else ()


def _columns(tally: Counter[tuple[str, str]], *names: str) -> list[Counter[str]]:
    found = [Counter[str]() for _ in names]
    for (column, party), amount in tally.items():
        if amount and column in names:
            found[names.index(column)][party] += amount
    return found


def _codes(first: Counter[str], *others: Counter[str], standing: Counter[str]) -> list[str]:
    """Party codes of a tallied table: by seats won, then the others, then parties standing."""
    codes = dict.fromkeys(sorted(first, key=lambda c: -first[c]))
    for other in others:
        codes.update(dict.fromkeys(other))
    codes.update(dict.fromkeys(sorted(standing, key=lambda c: -standing[c])))
    return list(codes)


def _councils(group: Group, everywhere: Group | None) -> tuple[Contest | None, str]:
    part = group.table()
    table = part.table if part and isinstance(part.table, CouncilsTable) else None
    if group.key != ALL:  # a region: its state of parties, the councils it includes
        if table is None:
            return None, ""
        shown = everywhere.shown if everywhere else {}
        decls = tuple(shown[c] for c in table.councils if c in shown)
        ident, title = f"councils-{slug(table.region)}"[:64], f"Councils: {table.region}"
    else:
        decls = tuple(group.shown.values())
        ident, title = "councils", "Councils"
    warning = ""
    if table is not None:
        total, reported = table.total, table.reported
        rows, noc = table.rows, table.noc
    else:
        columns = _columns(group.tally, "councils", "moved", "seats", "change")
        councils, moved, seats, change = columns
        codes = [c for c in _codes(seats, councils, moved, change, standing=group.standing)
                 if c != NOC]  # fmt: skip
        rows = tuple(
            PartyRow.model_construct(code=c, name=group.names.get(c, c),
                                     colour=colour(group.names.get(c, ""), c), councils=councils[c],
                                     councils_change=moved[c], seats=seats[c],
                                     seats_change=change[c])
            for c in codes
        ) or (PartyRow(code="Other", name="Other"),)  # fmt: skip
        noc = NoOverallControl.model_construct(councils=councils[NOC], councils_change=moved[NOC])
        reported = len(decls)
        total = max(len(_areas(group)), reported, 1)
        if decls:
            warning = "no local state of parties yet: the table is tallied from the results"
    return CouncilsContest.model_construct(
        kind="councils", id=ident, title=clean_text(title, 120), total=total, reported=reported,
        parties=rows, no_overall_control=noc, declarations=decls, areas=_areas(group),
    ), warning  # fmt: skip


def _legislature(group: Group) -> tuple[Contest, str]:
    part = group.table()
    election = group.key[1]
    decls = tuple(group.shown.values())
    warning = ""
    projection = None
    if part is not None and isinstance(part.table, ChamberTable):
        total, reported = part.table.total, part.table.reported
        rows, projection = part.table.rows, part.table.projection
    else:
        won, change = _columns(group.tally, "won", "change")
        rows = tuple(
            LegislatureParty.model_construct(code=c, name=group.names.get(c, c),
                                             colour=colour(group.names.get(c, ""), c),
                                             seats=won[c], seats_change=change[c])
            for c in _codes(won, change, standing=group.standing)
        ) or (LegislatureParty(code="Other", name="Other"),)  # fmt: skip
        reported = sum(won.values())
        total = max(reported, group.constituencies, 1)
        if decls:
            warning = f"{election}: no state of parties yet: seats tallied from results"
    return LegislatureContest.model_construct(
        kind="legislature", id=slug(election), title=clean_text(election, 120) or "Election",
        total=total, reported=reported, majority=total // 2 + 1, parties=rows,
        declarations=decls, areas=_areas(group), projection=projection,
    ), warning  # fmt: skip


def _mayor(group: Group) -> Contest | None:
    declared = [p for p in group.best.values() if p.mayor is not None]
    nominated = [p for p in group.nominations.values() if p.mayor is not None]
    part = max(declared or nominated, key=lambda p: p.rank, default=None)
    if part is None or part.mayor is None:
        return None
    return part.mayor.model_copy(update={"areas": _areas(group)})


def ticker(items: dict[str, tuple[Update, ...]], groups: dict[ContestKey, Group]) -> tuple[
    Update, ...]:  # fmt: skip
    """The newest `MAX_UPDATES` ticker items, oldest first, ids unique: recounts, and the
    forecast and note of each chamber's state of parties in force."""
    found = [u for updates in items.values() for u in updates]
    for key, group in groups.items():
        part = group.table() if key[0] == "legislature" else None
        found += part.updates if part else ()
    found.sort(key=lambda u: u.published_at)
    kept: list[Update] = []
    seen: set[str] = set()
    for item in found[-MAX_UPDATES:]:
        ident = distinct(item.id, seen, lambda base, n: f"{base[:120]}-{n}")
        seen.add(ident)
        kept.append(item if ident == item.id else item.model_copy(update={"id": ident}))
    return tuple(kept)
