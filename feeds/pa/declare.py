"""Provides the per-area half of the PA mapping: a message → a `Declaration` (or a ticker item).

Each declaration is built once, when its file is read (`feeds.pa.parts`), so
a new file costs one declaration, not a rebuild of every area (a general
election has 650). Rules and their sources:

- Local results (Local councils XML): `winningParty` controls now
  ("NOC" after "lose to NOC"), `sittingParty` before; `NewCouncil` is the
  council's composition, `Changes` each party's change, `ElectedCouncillors`
  the seats up; `proportion` says how much was elected. PA gives no time:
  the file's arrival stands in (`time_basis: "received"`).
- FPTP results: `winningParty`, `sittingParty`, candidates with `votes`,
  `percentageShare` and `elected="*"`; `majority`, `electorate`,
  `percentageTurnout` (PA's `turnout` is the votes cast); `declarationTime`.
- Rushes: the winner alone (`rush: true`), PA's `paStyleMessageText` as note.
- Top-up results: a region's list members by party, as the region's
  composition; `winningParty` as control (a list region has no sitting party).
- Recounts and forecasts become ticker items, timed by arrival.
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import datetime

from feeds.areas import AreaParty, AreaResult, Candidate, Declaration
from feeds.fields import NOC, distinct
from feeds.models import Update
from feeds.pa import messages as m
from feeds.text import clean_text

__all__ = ["candidates", "code", "declaration", "slug", "update"]

_NOT_CODE = re.compile(r"[^A-Za-z0-9_&+.'/\- ]+")


def code(abbreviation: str) -> str:
    """PA's abbreviation as a feed party code: as written ("Lab Co-op"), characters the format
    does not allow dropped, at most 16; "Other" when nothing is left."""
    cleaned = " ".join(_NOT_CODE.sub("", abbreviation).split())[:16].strip()
    cleaned = cleaned.lstrip("_&+.'/-")
    return cleaned or "Other"


def slug(name: str) -> str:
    """A contest or item id from a name: "Test General Election" → "test-general-election"."""
    text = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")[:60]
    return text or "x"


def declaration(message: m.Message, received: datetime) -> Declaration | None:
    """The declaration `message` makes, given when its file arrived; None for ticker messages.

    Raises:
        pydantic.ValidationError: figures the feed format refuses.
    """
    if isinstance(message, m.LocalResult):
        return _local(message, received)
    if isinstance(message, m.FptpResult):
        return _fptp(message, received)
    if isinstance(message, m.FptpRush):
        control = code(message.winning)
        return Declaration(
            area=message.area,
            declared_at=received,
            time_basis="received",
            control=control,
            previous_control=code(message.sitting) if message.sitting else control,
            rush=True,
            note=message.message or None,
        )
    if isinstance(message, m.TopUpResult | m.TopUpRush):
        return _top_up(message, received)
    return None


def _local(message: m.LocalResult, received: datetime) -> Declaration:
    changes = {code(p.code): p.seats for p in message.changes}
    composition = [
        AreaParty(code=code(p.code), seats=p.seats, seats_change=changes.pop(code(p.code), 0))
        for p in message.new_council
    ]
    composition += [  # a party that lost every seat appears only among the changes
        AreaParty(code=party, seats=0, seats_change=change) for party, change in changes.items()
    ]
    up = sum(p.seats for p in message.elected)
    control = NOC if message.gain_or_hold == "lose to noc" else code(message.winning or NOC)
    return Declaration(
        area=message.council,
        declared_at=received,
        time_basis="received",
        control=control,
        previous_control=code(message.sitting or control),
        result=AreaResult(
            composition=tuple(composition),
            seats=sum(p.seats for p in message.new_council) or None,
            seats_up=up or None,
            proportion=message.proportion or None,
        ),
    )


def candidates(items: tuple[m.Candidate, ...]) -> tuple[Candidate, ...]:
    """Feed candidates, names made unique (two "Ind" candidates may share a name)."""
    seen: set[str] = set()
    found = []
    for item in items:
        name = distinct(clean_text(item.name, 80), seen, lambda name, n: f"{name[:74]} ({n})")
        seen.add(name)
        found.append(
            Candidate(
                name=name,
                party=code(item.party),
                votes=item.votes,
                share=item.share,
                share_change=item.share_change,
                elected=item.elected,
            )
        )
    return tuple(found)


def _fptp(message: m.FptpResult, received: datetime) -> Declaration:
    elected = next((c for c in message.candidates if c.elected), None)
    control = code(message.winning or (elected.party if elected else "Other"))
    return Declaration(
        area=message.area,
        declared_at=message.declared_at or received,
        time_basis="source" if message.declared_at else "received",
        control=control,
        previous_control=code(message.sitting) if message.sitting else control,
        result=AreaResult(
            candidates=candidates(message.candidates),
            majority=message.majority,
            turnout=message.turnout,
            electorate=message.electorate,
            votes=message.votes,
        ),
    )


def _top_up(message: m.TopUpResult | m.TopUpRush, received: datetime) -> Declaration:
    seats = Counter(code(c.party) for c in message.elected)
    final = message if isinstance(message, m.TopUpResult) else None
    winning = final.winning if final else ""
    control = code(winning) if winning else (seats.most_common(1)[0][0] if seats else "Other")
    members = ", ".join(f"{c.name} ({code(c.party)})" for c in message.elected)
    when = final.declared_at if final else None
    return Declaration(
        area=message.area,
        declared_at=when or received,
        time_basis="source" if when else "received",
        control=control,
        previous_control=control,
        rush=final is None,
        note=f"{len(message.elected)} list seats: {members}" if members else None,
        result=AreaResult(
            composition=tuple(AreaParty(code=p, seats=n) for p, n in seats.items()),
            votes=final.votes if final else None,
            turnout=final.turnout if final else None,
            electorate=final.electorate if final else None,
        ),
    )


def update(message: m.Message, received: datetime) -> list[Update]:
    """The ticker items `message` brings: a recount, PA's forecast or note; else none."""
    if isinstance(message, m.Recount):
        nth = f" (recount {message.recount})" if message.recount > 1 else ""
        key = f"recount-{slug(message.election)}-{slug(message.area)}-{message.recount}"
        return [
            Update(
                id=key[:128],
                published_at=received,
                kind="update",
                text=f"Recount in {message.area}{nth} — {message.election}",
            )
        ]
    if not isinstance(message, m.FptpStateOfParties):
        return []
    found = []
    stem = f"{slug(message.election)}-{message.revision}"
    if message.forecast:
        seats = sorted(
            (p for p in message.parties if p.forecast_seats), key=lambda p: -(p.forecast_seats or 0)
        )
        detail = ", ".join(f"{code(p.code)} {p.forecast_seats}" for p in seats[:6])
        text = f"PA forecast for {message.election}: {message.forecast}"
        found.append(
            Update(
                id=f"forecast-{stem}"[:128],
                published_at=received,
                kind="update",
                text=f"{text} ({detail})" if detail else text,
            )
        )
    if message.note:
        found.append(
            Update(id=f"note-{stem}"[:128], published_at=received, kind="update", text=message.note)
        )
    return found
