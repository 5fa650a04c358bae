"""Provides the night's key moments: first declarations, changes of control and milestones.

`moments(feed)` reads them from one document, so the board and `results-board
snapshot` tell the same story:

- each contest's **first declaration**;
- every **change of control** ("Dudley · LAB lose to NOC"), a rush included;
- a party **reaching the majority line** of a legislature: at the declaration
  that gave it its majority-th seat, counting the declarations in order;
- a mayor **elected**, and a contest's **count complete** (every council, seat
  or area reported);
- a race **called** or sent to a **runoff** (kind `race`: AP's calls), at the
  call's time, with its alert's key (a call AP retracts leaves the list: the
  feed no longer has it; the desk's alert says the retraction).

Each has its time: a declaration's own. Where the feed does not say when
(seats with no declarations list, a winner without area times), the moment
takes the publication that first showed it — "by 10:30" — the board
remembering the first it saw (`Desk.seen`, `board/desk.py`), `snapshot`
saying the document's own. Nothing here imports Textual.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime

from board.alerts import race_calls
from board.present import counter_of
from feeds.areas import Declaration, latest_first
from feeds.contests import Contest, LegislatureContest, MayorContest, RaceContest
from feeds.models import Feed
from widgets.desk_views import MomentKind, MomentLine

__all__ = ["Moment", "inexact_keys", "moment_lines", "moments"]

AlertKey = tuple[str, str, str]
"""A change of control as `board.alerts.Alert.key` names it: contest id, area, wording."""


@dataclass(frozen=True)
class Moment:
    """One key moment of the night."""

    at: datetime
    """When (in the feed's own offset)."""
    exact: bool
    """The feed said when; False: the publication that first showed it ("by 10:30")."""
    contest_id: str
    contest: str
    """The contest's title (untrusted text)."""
    kind: MomentKind
    words: str
    """ "Dudley · LAB lose to NOC", "SNP reach the majority line: 65 of 129 seats"."""
    key: str
    """Unique within the night: what the board remembers a moment without a time by."""
    alert_key: AlertKey | None = None
    """For a change of control: its alert's key (to mark it unacknowledged)."""

    def time(self, *, day: bool = False) -> str:
        """ "03:12", or "by 10:30" when not exact; with `day`, "Fri 03:12"."""
        clock = f"{self.at:%a %H:%M}" if day else f"{self.at:%H:%M}"
        return clock if self.exact else f"by {clock}"


class _Maker:
    """Makes one contest's moments; an untimed one is stamped `published`."""

    def __init__(self, contest: Contest, published: datetime) -> None:
        self.contest = contest
        self.published = published

    def __call__(
        self,
        at: datetime | None,
        kind: MomentKind,
        words: str,
        key: str,
        alert: AlertKey | None = None,
        *,
        received: bool = False,
    ) -> Moment:
        """A moment at `at` (None: when first shown); `received`: `at` is when the publisher's
        file arrived, not a time it gave ("by 16:49")."""
        contest = self.contest
        exact = at is not None and not received
        return Moment(
            at or self.published, exact, contest.id, contest.title, kind, words,
            f"{contest.id}/{key}", alert,
        )  # fmt: skip


def _of_contest(contest: Contest, published: datetime) -> Iterator[Moment]:
    """A contest's moments; the untimed ones at `published`."""
    ordered = list(reversed(latest_first(contest.declarations)))
    make = _Maker(contest, published)
    if isinstance(contest, RaceContest):
        for call in race_calls(contest, published):
            words = f"{call.mark}{call.wording}"
            key = f"{call.kind}/{call.wording}"
            yield make(contest.called_at, "called", words, key, call.key)
    for n, declaration in enumerate(ordered):
        words = f"{declaration.area} · {declaration.wording}" + (" (rush)" * declaration.rush)
        first = "First declaration: " if n == 0 else ""
        received = declaration.time_basis != "source"
        if declaration.changed_hands:
            alert = (contest.id, declaration.area, declaration.wording)
            key = f"change/{declaration.area}/{declaration.wording}"
            when = declaration.declared_at
            yield make(when, "change", first + words, key, alert, received=received)
        elif n == 0:
            yield make(declaration.declared_at, "first", first + words, "first", received=received)
    if isinstance(contest, LegislatureContest):
        yield from _majority(contest, ordered, make)
    if isinstance(contest, MayorContest):
        winner = next((c for c in contest.candidates if c.elected), None)
        if winner is not None:
            # The declaration of the winner's result times it; without one, when first shown.
            won = [d for d in ordered if d.control == winner.party and not d.rush]
            last = won[-1] if won else None
            yield make(
                None if last is None else last.declared_at,
                "elected",
                f"{winner.name} ({winner.party}) elected",
                "elected",
                received=last is not None and last.time_basis != "source",
            )
    counter = counter_of(contest)
    if counter is not None and counter.total and counter.reported >= counter.total:
        last = ordered[-1] if len(ordered) >= counter.total and ordered else None
        words = f"Count complete: {counter.total} of {counter.total} {counter.noun}"
        received = last is not None and last.time_basis != "source"
        at = None if last is None else last.declared_at
        yield make(at, "complete", words, "complete", received=received)


def _majority(
    contest: LegislatureContest, ordered: Sequence[Declaration], make: _Maker
) -> Iterator[Moment]:
    """A party reaching the majority line: at the declaration that gave it the seat, or (seats
    without declarations) when first shown."""
    line = f"{contest.majority} of {contest.total} seats needed"
    wins: Counter[str] = Counter()
    for declaration in ordered:
        wins[declaration.control] += 1
        if wins[declaration.control] == contest.majority:
            words = f"{declaration.control} reach the majority line ({line})"
            key = f"majority/{declaration.control}"
            received = declaration.time_basis != "source"
            yield make(declaration.declared_at, "majority", words, key, received=received)
    for party in contest.parties:
        if party.seats >= contest.majority and wins[party.code] < contest.majority:
            words = f"{party.code} reach the majority line: {party.seats} seats ({line})"
            yield make(None, "majority", words, f"majority/{party.code}")


def moments(feed: Feed, seen: Mapping[str, datetime] | None = None) -> list[Moment]:
    """The night's key moments, newest first (ties: in the feed's order).

    `seen` gives the time a moment the feed does not time was first shown (the
    board's memory); without it such a moment takes the feed's `published_at`.
    """
    seen = seen or {}
    found = []
    for contest in feed.contests:
        for moment in _of_contest(contest, feed.published_at):
            if not moment.exact and moment.key in seen:
                moment = replace(moment, at=seen[moment.key])
            found.append(moment)
    return sorted(found, key=lambda m: m.at, reverse=True)


def inexact_keys(feed: Feed) -> list[str]:
    """The keys of the moments `feed` gives no time for (the board stamps them when first seen)."""
    return [m.key for m in moments(feed) if not m.exact]


def moment_lines(
    found: Sequence[Moment], unacknowledged: Collection[AlertKey] = ()
) -> list[MomentLine]:
    """The moments as the timeline shows them; the contest named only where the night has
    several."""
    several = len({m.contest_id for m in found}) > 1
    days = len({m.at.date() for m in found}) > 1
    return [
        MomentLine(
            m.time(day=days),
            m.contest if several else "",
            m.words,
            m.kind,
            unacknowledged=m.alert_key is not None and m.alert_key in unacknowledged,
        )
        for m in found
    ]
