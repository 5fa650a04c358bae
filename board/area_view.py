"""Provides a contest's areas as the finder lists them, and one area's result as the board shows it.

`area_items(contest)` is every area of a contest — declared (newest first)
and still to declare (A–Z) — from its declarations and, in format 1.1, its
`areas`. `area_view(contest, name)` is one area's result (`AreaView`): for a
council its new composition and changes by party, the seats up and the
control before and after; for a constituency or a mayoralty its candidates,
votes, shares, majority and turnout; for an area still to declare, or a rush
(the winner only), what there is and what is to follow. Nothing here imports
Textual: the screen and tests share it.
"""

from __future__ import annotations

from dataclasses import replace

from board.finder import fold
from board.present import shares
from feeds.areas import AreaResult, Declaration, latest_first
from feeds.contests import Contest, CouncilsContest, LegislatureContest
from widgets.desk_views import AreaKind, AreaRow, AreaView, FinderItem

__all__ = ["DECLARED", "TO_DECLARE", "area_items", "area_view", "when"]

DECLARED = "Declared"
"""The finder's section of declared areas (newest first)."""
TO_DECLARE = "Still to declare"
"""The finder's section of areas not yet declared (A–Z)."""


def when(declaration: Declaration) -> str:
    """ "03:12" in the declaration's own offset; "received 03:12" where the publisher gave no
    time and the board's receipt stands in for it."""
    clock = f"{declaration.declared_at:%H:%M}"
    return clock if declaration.time_basis == "source" else f"received {clock}"


def _words(declaration: Declaration) -> str:
    """ "LAB lose to NOC", or "LAB win · rush" for a winner sent before the figures."""
    if declaration.rush:
        return f"{declaration.control} win · rush"
    return declaration.wording


def area_items(contest: Contest) -> list[FinderItem]:
    """Every area of `contest`: declared newest first, then still to declare A–Z."""
    declared = latest_first(contest.declarations)
    names = {declaration.area for declaration in declared}
    items = [
        FinderItem(
            key=declaration.area,
            name=declaration.area,
            detail=f"{when(declaration)} · {_words(declaration)}",
            section=DECLARED,
            highlight=declaration.changed_hands and not declaration.rush,
        )
        for declaration in declared
    ]
    waiting = sorted({area for area in contest.areas if area not in names}, key=fold)
    items += [FinderItem(area, area, "to declare", TO_DECLARE) for area in waiting]
    return items


def _colours(contest: Contest) -> dict[str, tuple[str, str | None]]:
    """Party code → (name, colour) from the contest's own party table, where it has one."""
    if isinstance(contest, CouncilsContest | LegislatureContest):
        return {party.code: (party.name, party.colour) for party in contest.parties}
    return {}


def area_view(contest: Contest, name: str) -> AreaView | None:
    """The result of area `name` in `contest` (None: the contest has no such area)."""
    declaration = next((d for d in contest.declarations if d.area == name), None)
    if declaration is None:
        if name not in contest.areas:
            return None
        return AreaView(name, contest.title, TO_DECLARE, note="No result yet.")
    headline = f"{_words(declaration)} · declared {when(declaration)}"
    if declaration.time_basis != "source":
        headline = f"{_words(declaration)} · {when(declaration)}"
    control = (
        f"Control {declaration.previous_control} → {declaration.control}"
        if declaration.changed_hands
        else f"Control {declaration.control}, unchanged"
    )
    result = declaration.result
    note = declaration.note or ""
    if declaration.rush:
        note = "The winner only, sent before the figures: the figures are to follow."
    elif result is None:
        note = note or "The feed gives no figures for this area."
    view = AreaView(
        name=name,
        contest=contest.title,
        headline=headline,
        changed_hands=declaration.changed_hands,
        facts=(control, *_facts(result)),
        note=note,
    )
    if result is None or declaration.rush:
        return view
    if result.composition:
        rows = _composition(result, _colours(contest))
        return _with(view, "composition", rows)
    if result.candidates:
        return _with(view, "candidates", _candidates(result, _colours(contest)))
    return view


def _with(view: AreaView, kind: AreaKind, rows: list[AreaRow]) -> AreaView:
    return replace(view, kind=kind, rows=tuple(rows))


def _facts(result: AreaResult | None) -> list[str]:
    """Seats up (and how much of the council), majority, turnout, electorate, votes."""
    if result is None:
        return []
    facts = []
    if result.seats_up is not None:
        of = f" of {result.seats}" if result.seats is not None else ""
        part = f" ({result.proportion})" if result.proportion else ""
        facts.append(f"Seats up {result.seats_up}{of}{part}")
    elif result.proportion:
        facts.append(f"Seats up: {result.proportion}")
    if result.majority is not None:
        facts.append(f"Majority {result.majority:,}")
    if result.turnout is not None:
        facts.append(f"Turnout {result.turnout:.1f}%")
    if result.electorate is not None:
        facts.append(f"Electorate {result.electorate:,}")
    if result.votes is not None:
        facts.append(f"Votes {result.votes:,}")
    return facts


def _composition(result: AreaResult, parties: dict[str, tuple[str, str | None]]) -> list[AreaRow]:
    """The new council by party: most seats first (ties by code)."""
    rows = []
    for party in sorted(result.composition, key=lambda p: (-p.seats, p.code)):
        name, colour = parties.get(party.code, (party.code, None))
        rows.append(
            AreaRow(
                key=party.code,
                name=party.name or name,
                colour=colour,
                figure=party.seats,
                change=party.seats_change,
            )
        )
    return rows


def _candidates(result: AreaResult, parties: dict[str, tuple[str, str | None]]) -> list[AreaRow]:
    """The candidates, most votes first; a share the feed leaves out is worked out."""
    ordered = sorted(result.candidates, key=lambda c: (-c.votes, fold(c.name)))
    rows = []
    for candidate, share in zip(ordered, shares(ordered), strict=True):
        rows.append(
            AreaRow(
                key=candidate.name,
                name=candidate.name,
                party=candidate.party,
                colour=candidate.colour or parties.get(candidate.party, ("", None))[1],
                figure=candidate.votes,
                share=share,
                share_change=candidate.share_change,
                elected=candidate.elected,
            )
        )
    return rows
