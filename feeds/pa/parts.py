"""Provides `make_part`: one PA message → what it adds to the night, mapped and validated once.

A `Part` is built when its file is read and kept with the file: a result's
`Declaration`, a state of parties' validated table rows, a mayoralty's whole
`MayorContest`, a nominations file's area and parties, ticker items. Building
it validates every figure (pydantic), so a file whose figures the format
refuses is a standing problem on arrival and never fails the whole poll; and
nothing is validated again when the night is assembled (`feeds.pa.night`).

Which contest a part feeds (`ContestKey`), with the rules of issue 9 and
election.pressassociation.com:

- local results, local nominations and the local state of parties of region
  "All" → `ALL`, the `councils` contest; other regions → their own
  (`("councils", region)`);
- FPTP results, rushes and nominations of an election, its top-up (list)
  results, rushes and nominations, and its state of parties →
  `("legislature", election)`; a mayoral election's (`Election type="M"`)
  results, rushes and nominations → `("mayor", election, area)`;
- recounts feed only the ticker.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from feeds.areas import Declaration
from feeds.contests import LegislatureParty, MayorContest, NoOverallControl, PartyRow, Projection
from feeds.fields import NOC, distinct
from feeds.models import Update
from feeds.pa import messages as m
from feeds.pa.declare import candidates, code, declaration, slug, update
from feeds.pa.forecast import forecast
from feeds.parties import lookup_party

__all__ = [
    "ALL",
    "ChamberTable",
    "ContestKey",
    "CouncilsTable",
    "Part",
    "Table",
    "colour",
    "make_part",
    "unique",
]

ContestKey = tuple[str, ...]
"""Which contest a part feeds: ("councils", region), ("legislature", election) or
("mayor", election, area)."""
ALL: ContestKey = ("councils", "All")
"""The councils contest of the whole local election (PA's region "All")."""

Tally = tuple[tuple[str, str, int], ...]
"""What a declaration adds to a table tallied from results: (column, party code, amount)."""


@dataclass(frozen=True)
class CouncilsTable:
    """A local state of parties, validated: the rows and totals of a councils table."""

    total: int
    """Councils electing (at least 1, at least `reported`)."""
    reported: int
    rows: tuple[PartyRow, ...]
    """Party rows, codes unique, never NOC (at least one)."""
    noc: NoOverallControl
    councils: tuple[str, ...]
    """The councils whose results the figures include (`CouncilsIncluded`), each once."""
    region: str


@dataclass(frozen=True)
class ChamberTable:
    """An FPTP state of parties, validated: the rows and totals of a legislature."""

    total: int
    """Constituencies electing (at least 1, at least `reported`)."""
    reported: int
    rows: tuple[LegislatureParty, ...]
    """Party rows, codes unique (at least one)."""
    projection: Projection | None = None
    """PA's forecast (`feeds.pa.forecast`), None when the message has none."""


Table = CouncilsTable | ChamberTable
"""A state of parties."""
_NEVER = (0, 0, datetime.min.replace(tzinfo=UTC))


@dataclass(frozen=True)
class Part:
    """What one file's message adds to the night (see the module docstring)."""

    contest: ContestKey | None
    """The contest it feeds; None for the ticker alone (a recount)."""
    election: str
    area: str = ""
    """The area it declares or nominates, as a key within its contest ("" for a table)."""
    name: str = ""
    """The area's name as shown."""
    rank: tuple[int, int, datetime] = _NEVER
    """(1 for a result, 0 for a rush; revision; arrival): of two parts for one area, the higher
    is in force — "a result replaces the rush of its area, whatever their revisions"."""
    declaration: Declaration | None = None
    tally: Tally = ()
    table: Table | None = None
    updates: tuple[Update, ...] = ()
    nominated: tuple[tuple[str, str], ...] | None = None
    """Nominations: the parties standing as (feed code, name) (None: not a nominations message)."""
    system: str = ""
    """Nominations: "local", "fptp" or "top-up"."""
    mayor: MayorContest | None = None
    """A mayoralty's contest as this message makes it (its id is set when shown)."""


def colour(name: str, abbreviation: str) -> str | None:
    """The party's usual colour, where `feeds.parties` knows it (PA sends none)."""
    known = lookup_party(name) or lookup_party(abbreviation)
    return known.colour if known else None


def unique(codes: list[str]) -> list[str]:
    """Party codes made unique within a table: a second "Ind" becomes "Ind 2"."""
    found: list[str] = []
    for item in codes:
        found.append(distinct(item, found, lambda code, n: f"{code[:13]} {n}"))
    return found


def _rank(final: bool, message: m.Message, received: datetime) -> tuple[int, int, datetime]:
    return (int(final), message.revision, received)


def make_part(message: m.Message, received: datetime) -> Part:
    """What `message` adds to the night, given when its file arrived.

    Raises:
        pydantic.ValidationError: figures the feed format refuses.
    """
    if isinstance(message, m.Nominations):
        return _nominations(message, received)
    if isinstance(message, m.LocalStateOfParties):
        return _local_table(message, received)
    if isinstance(message, m.FptpStateOfParties):
        return _chamber_table(message, received)
    if isinstance(message, m.Recount):
        return Part(None, message.election, updates=tuple(update(message, received)))
    decl = declaration(message, received)
    assert decl is not None  # every other message declares an area
    if isinstance(message, m.LocalResult):
        tally = _tally(decl, councils=True)
        tally += tuple(("seats", code(p.code), p.seats) for p in message.elected)
        tally += tuple(("change", code(p.code), p.seats) for p in message.changes)
        return Part(ALL, message.election, message.council, message.council,
                    _rank(True, message, received), decl, tally)  # fmt: skip
    final = isinstance(message, m.FptpResult | m.TopUpResult)
    rank = _rank(final, message, received)
    if isinstance(message, m.FptpResult | m.FptpRush) and message.election_type.upper() == "M":
        mayor = _mayor(message, decl)
        key = ("mayor", message.election, message.area)
        return Part(key, message.election, message.area, message.area, rank, decl, mayor=mayor)
    contest = ("legislature", message.election)
    if isinstance(message, m.TopUpResult | m.TopUpRush):  # a list region: its members
        seats = decl.result.composition if decl.result else ()
        tally = tuple(("won", p.code, p.seats) for p in seats)
        return Part(contest, message.election, f"list:{message.area}", message.area, rank,
                    decl, tally)  # fmt: skip
    return Part(contest, message.election, message.area, message.area, rank, decl,
                _tally(decl, councils=False))  # fmt: skip


def _tally(decl: Declaration, *, councils: bool) -> Tally:
    column = "councils" if councils else "won"
    found: Tally = ((column, decl.control, 1),)
    if decl.changed_hands:
        moved = "moved" if councils else "change"
        found += ((moved, decl.control, 1), (moved, decl.previous_control, -1))
    return found


def _nominations(message: m.Nominations, received: datetime) -> Part:
    standing: dict[str, tuple[str, str]] = {}
    for abbreviation, name in message.parties:
        standing.setdefault(code(abbreviation), (code(abbreviation), name or abbreviation))
    parties = tuple(standing.values())
    rank = _rank(True, message, received)
    if message.system == "local":
        return Part(ALL, message.election, message.area, message.area, rank,
                    nominated=parties, system="local")  # fmt: skip
    if message.election_type.upper() == "M":
        people = candidates(message.candidates)
        mayor = None
        if people:
            mayor = MayorContest(kind="mayor", id=f"mayor-{slug(message.area)}"[:64],
                                 title=f"{message.area} mayor", candidates=people)  # fmt: skip
        key = ("mayor", message.election, message.area)
        return Part(key, message.election, message.area, message.area, rank,
                    nominated=parties, system=message.system, mayor=mayor)  # fmt: skip
    area = f"list:{message.area}" if message.system == "top-up" else message.area
    return Part(("legislature", message.election), message.election, area, message.area, rank,
                nominated=parties, system=message.system)  # fmt: skip


def _local_table(sop: m.LocalStateOfParties, received: datetime) -> Part:
    rows = [p for p in sop.parties if code(p.code) != NOC]
    parties = tuple(
        PartyRow(code=c, name=p.name or p.code, colour=colour(p.name, p.code),
                 councils=p.councils, councils_change=p.councils_change, seats=p.seats,
                 seats_change=p.seats_change)
        for c, p in zip(unique([code(p.code) for p in rows]), rows, strict=True)
    ) or (PartyRow(code="Other", name="Other"),)  # fmt: skip
    noc = sop.noc
    table = CouncilsTable(
        total=max(sop.total, sop.reported, 1),
        reported=sop.reported,
        rows=parties,
        noc=NoOverallControl(councils=noc.councils, councils_change=noc.councils_change)
        if noc
        else NoOverallControl(),
        councils=tuple(dict.fromkeys(sop.councils)),
        region=sop.region,
    )
    key = ALL if sop.region == "All" else ("councils", sop.region)
    return Part(key, sop.election, rank=_rank(True, sop, received), table=table)


def _chamber_table(sop: m.FptpStateOfParties, received: datetime) -> Part:
    codes = unique([code(p.code) for p in sop.parties])
    parties = tuple(
        LegislatureParty(code=c, name=p.name or p.code, colour=colour(p.name, p.code),
                         seats=p.seats, seats_change=p.gains - p.losses, votes=p.votes,
                         share=p.share, share_change=p.share_change)
        for c, p in zip(codes, sop.parties, strict=True)
    ) or (LegislatureParty(code="Other", name="Other"),)  # fmt: skip
    total = max(sop.total, 1)
    table = ChamberTable(total=total, reported=min(sop.reported, total), rows=parties,
                         projection=forecast(sop, codes))  # fmt: skip
    return Part(("legislature", sop.election), sop.election, rank=_rank(True, sop, received),
                table=table, updates=tuple(update(sop, received)))  # fmt: skip


def _mayor(message: m.FptpResult | m.FptpRush, decl: Declaration) -> MayorContest:
    people = candidates(message.candidates) or candidates(
        (m.Candidate(message.winning or "Winner", message.winning or "Other", "", 0, None, None,
                     True),)
    )  # fmt: skip
    return MayorContest(
        kind="mayor",
        id=f"mayor-{slug(message.area)}"[:64],
        title=f"{message.area} mayor",
        candidates=people,
        turnout=message.turnout if isinstance(message, m.FptpResult) else None,
        declarations=(decl,),
    )
