"""Provides `build_feed`: every PA message in force → one whole `Feed` of format 1.1.

Rules, with their sources (election.pressassociation.com, issue 9):

- Local state of parties → a `councils` contest: councils controlled and their
  change (`totalCouncils`, `changeInControl`), seats won and net change; the
  No Overall Control row → `no_overall_control`; region "All" is the whole
  election (`councils`), any other region its own contest (`councils-<region>`),
  whose declarations are its `CouncilsIncluded`.
- FPTP state of parties → a `legislature` per election: seats, seat change =
  gains − losses, votes, share and change; `total` is
  `totalNumberOfConstituencies` and the majority is derived from it: more
  than half of the seats (total // 2 + 1).
- Before any state of parties arrives, each table is tallied from the
  results so far (and says so in a warning): wins, gains and losses;
  top-up list seats are added to their legislature's parties.
- A result replaces the rush of the same area; FPTP messages of a mayoral
  election (`Election type="M"`) are each a `mayor` contest.
- Recounts, PA's forecast and notes go to the ticker (`feeds.pa.declare`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Generic, TypeVar, cast

from feeds.areas import Declaration
from feeds.contests import (
    Contest,
    CouncilsContest,
    LegislatureContest,
    LegislatureParty,
    MayorContest,
    NoOverallControl,
    PartyRow,
)
from feeds.fields import NOC
from feeds.models import FORMAT, Feed, Update
from feeds.pa import messages as m
from feeds.pa.declare import candidates, code, declaration, slug, update
from feeds.parties import lookup_party

__all__ = ["InForce", "build_feed", "check_message", "contests_of"]

MAX_UPDATES = 30
"""Ticker items kept, the newest."""


T = TypeVar("T", bound=m.Message)


@dataclass(frozen=True)
class InForce(Generic[T]):
    """A message in force (the highest good revision of its file) and when it arrived."""

    message: T
    received: datetime


def _latest(items: Iterable[InForce[T]], key: Callable[[T], Any]) -> dict[Any, InForce[T]]:
    """The highest revision (then the latest arrival) per identity."""
    found: dict[Any, InForce[T]] = {}
    for item in items:
        ident = key(item.message)
        best = found.get(ident)
        rank = (item.message.revision, item.received)
        if best is None or rank > (best.message.revision, best.received):
            found[ident] = item
    return found


def contests_of(items: list[InForce[Any]]) -> tuple[list[Contest], list[Update], list[str]]:
    """The contests, ticker items and warnings the messages in force make."""
    by_type: dict[type, list[InForce[Any]]] = {}
    for item in items:
        by_type.setdefault(type(item.message), []).append(item)

    def of(kind: type[T]) -> list[InForce[T]]:
        return cast(list[InForce[T]], by_type.get(kind, []))

    contests: list[Contest] = []
    warnings: list[str] = []
    locals_ = _latest(of(m.LocalResult), lambda x: (x.election, x.council))
    decls = {k[1]: declaration(v.message, v.received) for k, v in locals_.items()}
    sops = _latest(of(m.LocalStateOfParties), lambda x: (x.election, x.region))
    regions = sorted(sops.values(), key=lambda s: (s.message.region != "All", s.message.region))
    for item in regions:
        contests.append(_councils(item.message, decls))
    if locals_ and not any(s.message.region == "All" for s in sops.values()):
        contests.insert(0, _tally_councils([v.message for v in locals_.values()], decls))
        warnings.append("no local state of parties yet: the table is tallied from the results")
    # A result replaces the rush of its area, whatever their revisions.
    seats: dict[Any, InForce[m.FptpRush | m.FptpResult]] = {
        **_latest(of(m.FptpRush), _area),
        **_latest(of(m.FptpResult), _area),
    }
    lists: dict[Any, InForce[m.TopUpRush | m.TopUpResult]] = {
        **_latest(of(m.TopUpRush), _area),
        **_latest(of(m.TopUpResult), _area),
    }
    mayors = {k: v for k, v in seats.items() if v.message.election_type.upper() == "M"}
    chambers = _latest(of(m.FptpStateOfParties), lambda x: x.election)
    elections = sorted(
        {k[0] for k in seats if k not in mayors} | {k[0] for k in lists} | set(chambers)
    )
    for election in elections:
        areas: list[InForce[Any]] = [v for k, v in seats.items() if k[0] == election]
        areas += [v for k, v in lists.items() if k[0] == election]
        areas = [v for v in areas if v.message.election_type.upper() != "M"]
        sop = chambers.get(election)
        contests.append(_legislature(election, sop.message if sop else None, areas))
        if sop is None:
            warnings.append(f"{election}: no state of parties yet: seats tallied from results")
    contests += [_mayor(item) for _, item in sorted(mayors.items())]
    latest_sops = {id(v) for v in chambers.values()}
    updates = [
        u
        for item in items
        if not isinstance(item.message, m.FptpStateOfParties) or id(item) in latest_sops
        for u in update(item.message, item.received)
    ]
    updates.sort(key=lambda u: u.published_at)
    return contests, updates[-MAX_UPDATES:], warnings


def _area(message: m.FptpResult | m.FptpRush | m.TopUpResult | m.TopUpRush) -> tuple[str, str]:
    return message.election, message.area


def _colour(name: str, abbreviation: str) -> str | None:
    """The party's usual colour, where `feeds.parties` knows it (PA sends none)."""
    known = lookup_party(name) or lookup_party(abbreviation)
    return known.colour if known else None


def unique(codes: Iterable[str]) -> list[str]:
    """Party codes made unique within a table: a second "Ind" becomes "Ind 2"."""
    seen: Counter[str] = Counter()
    found = []
    for item in codes:
        seen[item] += 1
        found.append(item if seen[item] == 1 else f"{item[:13]} {seen[item]}")
    return found


def check_message(message: m.Message) -> None:
    """Build what `message` alone makes, to refuse it on arrival rather than the whole feed.

    Raises:
        pydantic.ValidationError: figures the feed format refuses.
    """
    when = datetime(2000, 1, 1, tzinfo=UTC)
    if isinstance(message, m.LocalStateOfParties):
        _councils(message, {})
    elif isinstance(message, m.FptpStateOfParties):
        _legislature(message.election, message, [])
    elif isinstance(message, m.FptpResult | m.FptpRush) and message.election_type.upper() == "M":
        _mayor(InForce[m.FptpResult | m.FptpRush](message, when))
    else:
        declaration(message, when)
        update(message, when)


def _councils(sop: m.LocalStateOfParties, decls: dict[str, Declaration | None]) -> Contest:
    everywhere = sop.region == "All"
    mine = [d for name, d in decls.items() if d and (everywhere or name in sop.councils)]
    noc = sop.noc
    rows = [p for p in sop.parties if code(p.code) != NOC]
    codes = unique(code(p.code) for p in rows)
    return CouncilsContest(
        kind="councils",
        id="councils" if everywhere else f"councils-{slug(sop.region)}"[:64],
        title="Councils" if everywhere else f"Councils: {sop.region}",
        total=max(sop.total, sop.reported, 1),
        reported=sop.reported,
        parties=tuple(
            PartyRow(
                code=c,
                name=p.name or p.code,
                colour=_colour(p.name, p.code),
                councils=p.councils,
                councils_change=p.councils_change,
                seats=p.seats,
                seats_change=p.seats_change,
            )
            for c, p in zip(codes, rows, strict=True)
        )
        or (PartyRow(code="Other", name="Other"),),
        no_overall_control=NoOverallControl(
            councils=noc.councils, councils_change=noc.councils_change
        )
        if noc
        else NoOverallControl(),
        declarations=tuple(mine),
    )


def _tally_councils(results: list[m.LocalResult], decls: dict[str, Declaration | None]) -> Contest:
    councils, moved, seats, change = Counter[str](), Counter[str](), Counter[str](), Counter[str]()
    for result in results:
        decl = decls[result.council]
        if decl is None:
            continue
        councils[decl.control] += 1
        if decl.changed_hands:
            moved.update({decl.control: 1, decl.previous_control: -1})
        seats.update({code(p.code): p.seats for p in result.elected})
        change.update({code(p.code): p.seats for p in result.changes})
    names = sorted((set(councils) | set(seats) | set(change)) - {NOC}, key=lambda c: -seats[c])
    rows = tuple(
        PartyRow(code=c, name=c, councils=councils[c], councils_change=moved[c], seats=seats[c],
                 seats_change=change[c])
        for c in names
    ) or (PartyRow(code="Other", name="Other"),)  # fmt: skip
    return CouncilsContest(
        kind="councils",
        id="councils",
        title="Councils",
        total=len(results),
        reported=len(results),
        parties=rows,
        no_overall_control=NoOverallControl(councils=councils[NOC], councils_change=moved[NOC]),
        declarations=tuple(d for d in decls.values() if d),
    )


def _legislature(
    election: str, sop: m.FptpStateOfParties | None, areas: list[InForce[Any]]
) -> Contest:
    decls = tuple(d for v in areas if (d := declaration(v.message, v.received)))
    if sop is not None:
        parties = tuple(
            LegislatureParty(code=c, name=p.name or p.code, colour=_colour(p.name, p.code),
                             seats=p.seats,
                             seats_change=p.gains - p.losses, votes=p.votes, share=p.share,
                             share_change=p.share_change)
            for c, p in zip(unique(code(p.code) for p in sop.parties), sop.parties, strict=True)
        )  # fmt: skip
        total, reported = max(sop.total, 1), min(sop.reported, max(sop.total, 1))
    else:
        won, change = Counter[str](), Counter[str]()
        for decl in decls:
            if decl.result and decl.result.composition:  # a list region: its members
                won.update({p.code: p.seats for p in decl.result.composition})
                continue
            won[decl.control] += 1
            if decl.changed_hands:
                change.update({decl.control: 1, decl.previous_control: -1})
        parties = tuple(
            LegislatureParty(code=c, name=c, seats=won[c], seats_change=change[c])
            for c in sorted(set(won) | set(change), key=lambda c: -won[c])
        )
        total = reported = max(sum(won.values()), 1)
    return LegislatureContest(
        kind="legislature",
        id=slug(election),
        title=election,
        total=total,
        reported=reported,
        majority=total // 2 + 1,
        parties=parties or (LegislatureParty(code="Other", name="Other"),),
        declarations=decls,
    )


def _mayor(item: InForce[m.FptpResult | m.FptpRush]) -> Contest:
    message = item.message
    decl = declaration(message, item.received)
    people = candidates(message.candidates) or candidates(
        (
            m.Candidate(
                message.winning or "Winner", message.winning or "Other", "", 0, None, None, True
            ),
        )
    )
    return MayorContest(
        kind="mayor",
        id=f"mayor-{slug(message.area)}"[:64],
        title=f"{message.area} mayor",
        candidates=people,
        turnout=message.turnout if isinstance(message, m.FptpResult) else None,
        declarations=(decl,) if decl else (),
    )


def build_feed(
    items: list[InForce[Any]], *, sequence: int, now: datetime, test: bool
) -> tuple[Feed | None, list[str]]:
    """The whole feed the messages in force make (None when they make no contest), and warnings.

    `published_at` is `now` with `time_basis: "received"`: PA's state-of-parties
    and local messages carry no time of publication.

    Raises:
        pydantic.ValidationError: figures the feed format refuses.
    """
    contests, updates, warnings = contests_of(items)
    if not contests:
        return None, warnings
    names = sorted({item.message.election for item in items})
    title = " · ".join(names) if len(names) <= 3 else "PA election results"
    feed = Feed(
        format=FORMAT,
        sequence=sequence,
        published_at=now,
        title=title or "PA election results",
        contests=tuple(contests),
        updates=tuple(updates),
        test=test,
        time_basis="received",
    )
    return feed, warnings
