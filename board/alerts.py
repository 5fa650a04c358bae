"""Provides the desk's alerts: which news alerts (`AlertRule`), and each `Alert`.

Two kinds of news alert, in any contest of the feed:

- a **change of control**: a declaration whose winner is not who held the
  area before ("CON gain from LAB", "LAB lose to NOC") — a rush (the winner
  alone, sent before the figures) included, since that is when the news breaks;
- a **race call** (kind `race`, AP's `winner: "X"`): "✔ CALLED 21:04 AZ
  President · Ada Quill (Dem)"; a **runoff** (AP's `winner: "R"`); and a call
  **retracted** (a race called in the last document and no longer called for
  that candidate: AP withdraws calls), told even under `--alerts gains`, since
  a producer may have said the call on air.

`new_alerts(before, after)` finds what `after` has that `before` did not (a new
declaration or call, a corrected one with another winner, a retraction); the
first snapshot the board sees is its baseline: the night so far, not news.

Which changes alert is the producer's choice on the command line:

| option | alerts on |
|---|---|
| `--alerts all` (default) | every change of control, call, runoff and retraction |
| `--alerts gains` | a party taking control, a race called, a call retracted |
| `--alerts none` | nothing (key moments still list every change) |
| `--alert-party CODE` | news that party wins or loses (repeat, or `LAB,CON`) |
| `--alert-area NAME` | only these areas (repeat; accents and case do not matter) |

`gains` leaves out a loss to no overall control and a runoff (nobody took
the race). A race's party is its called candidates' (a call, a retraction)
or the runoff's; its area is its state ("AZ"), its title ("AZ President")
or its place ("NY District 3").

Parties and areas together alert on a change that matches either. Nothing
here imports Textual.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from board.finder import fold
from board.race_views import candidate_label
from feeds.areas import Declaration
from feeds.contests import NOC
from feeds.models import Feed
from feeds.race import RaceCandidate, RaceContest

__all__ = [
    "ALERT_CHOICES",
    "Alert",
    "AlertKind",
    "AlertRule",
    "Changes",
    "alerts_of",
    "counted",
    "new_alerts",
    "new_changes",
    "race_calls",
]

Changes = Literal["all", "gains", "none"]
"""Which news alerts at all."""

ALERT_CHOICES: tuple[Changes, ...] = ("all", "gains", "none")

AlertKind = Literal["change", "called", "retracted", "runoff"]
"""A change of control, a race called, a call retracted, a race going to a runoff."""

_MARKS: dict[AlertKind, str] = {
    "change": "",
    "called": "✔ CALLED ",
    "retracted": "✖ CALL RETRACTED ",
    "runoff": "RUNOFF ",
}
"""What opens an alert's words, by kind: the words say it without colour."""

_NOUNS: dict[AlertKind, tuple[str, str]] = {
    "change": ("control change", "control changes"),
    "called": ("call", "calls"),
    "retracted": ("call retracted", "calls retracted"),
    "runoff": ("runoff", "runoffs"),
}


@dataclass(frozen=True)
class AlertRule:
    """Which news alerts (see the module's table)."""

    changes: Changes = "all"
    """Everything, only gains (a party takes control, a race called), or nothing."""
    parties: frozenset[str] = frozenset()
    """Party codes (folded): only news one of them wins or loses. Empty: any party."""
    areas: frozenset[str] = frozenset()
    """Area names (folded): only these areas (a race: its state, title or place). Empty: any."""

    @classmethod
    def of(
        cls, changes: Changes = "all", parties: Iterable[str] = (), areas: Iterable[str] = ()
    ) -> AlertRule:
        """A rule from the command line's words (codes may be comma-separated)."""
        codes = {fold(code) for text in parties for code in text.split(",") if code.strip()}
        return cls(changes, frozenset(codes), frozenset(fold(area) for area in areas))

    def alerts(self, alert: Alert) -> bool:
        """Whether this news alerts."""
        if self.changes == "none":
            return False
        if self.changes == "gains" and not alert.gain:
            return False
        if not (self.parties or self.areas):
            return True
        sides = {fold(party) for party in alert.parties}
        places = {fold(place) for place in (alert.area, *alert.places)}
        return bool(sides & self.parties) or bool(places & self.areas)

    @property
    def words(self) -> str:
        """What alerts, in a few words: "every change of control", "gains involving LAB"."""
        if self.changes == "none":
            return "no alerts"
        what = "every change of control" if self.changes == "all" else "every gain of control"
        limits = []
        if self.parties:
            limits.append("involving " + ", ".join(sorted(p.upper() for p in self.parties)))
        if self.areas:
            limits.append(f"in {len(self.areas)} chosen areas")
        return what + (" " + " or ".join(limits) if limits else "")


@dataclass(frozen=True)
class Alert:
    """One piece of news to announce: a change of control, or a race called, retracted or sent
    to a runoff."""

    contest_id: str
    contest: str
    """The contest's title (untrusted text); "" for a race (its title is `area`)."""
    area: str
    """The area, or the race's title ("AZ President") (untrusted text)."""
    wording: str
    """ "CON gain from LAB", "LAB lose to NOC"; for a race, its candidates: "Ada Quill (Dem)",
    "Ann Roe (Dem) vs Bo Yi (GOP)" (a runoff)."""
    declared_at: datetime
    """When: the declaration's time, the call's, or (a retraction) the race's last update."""
    rush: bool = False
    """Announced by a rush: the winner only, figures to follow."""
    kind: AlertKind = "change"
    parties: tuple[str, ...] = ()
    """The parties it concerns (`--alert-party`): who won and who lost control, the called
    candidates', the runoff's."""
    places: tuple[str, ...] = ()
    """More names `--alert-area` knows it by: a race's state and place."""
    gain: bool = True
    """Alerts under `--alerts gains`: a party taking control, a call, a retraction."""

    @property
    def key(self) -> tuple[str, str, str]:
        """What makes it the same news: the contest, the area and the wording (with its kind)."""
        wording = self.wording if self.kind == "change" else f"{self.kind}: {self.wording}"
        return (self.contest_id, self.area, wording)

    @property
    def mark(self) -> str:
        """What opens the words of a race's news: "✔ CALLED ", "RUNOFF " ("" for a change)."""
        return _MARKS[self.kind]

    @property
    def text(self) -> str:
        """ "03:12 Dudley · LAB lose to NOC", "✔ CALLED 21:04 AZ President · Ada Quill (Dem)"."""
        rush = " (rush)" if self.rush else ""
        return f"{self.mark}{self.declared_at:%H:%M} {self.area} · {self.wording}{rush}"


def counted(alerts: Iterable[Alert]) -> str:
    """ "1 control change", "2 calls", "3 alerts" (news of several kinds)."""
    found = list(alerts)
    kinds = {alert.kind for alert in found}
    if len(kinds) != 1:
        return f"{len(found)} {'alert' if len(found) == 1 else 'alerts'}"
    one, many = _NOUNS[kinds.pop()]
    return f"{len(found)} {one if len(found) == 1 else many}"


def changes_of(feed: Feed) -> Iterator[tuple[Alert, Declaration]]:
    """Every change of control in `feed`, as an alert and its declaration."""
    for contest in feed.contests:
        for declaration in contest.declarations:
            if declaration.changed_hands:
                gain = declaration.control != NOC
                alert = Alert(
                    contest.id,
                    contest.title,
                    declaration.area,
                    declaration.wording,
                    declaration.declared_at,
                    declaration.rush,
                    parties=(declaration.control, declaration.previous_control),
                    gain=gain,
                )
                yield alert, declaration


def _race_alert(
    race: RaceContest, kind: AlertKind, people: list[RaceCandidate], at: datetime
) -> Alert:
    joined = " vs " if kind == "runoff" else ", "
    place = " ".join(filter(None, (race.state, race.district)))
    return Alert(
        race.id,
        "",
        race.title,
        joined.join(candidate_label(c) for c in people),
        at,
        kind=kind,
        parties=tuple(c.party for c in people if c.party),
        places=tuple(dict.fromkeys(filter(None, (race.state, place)))),
        gain=kind != "runoff",
    )


def race_calls(race: RaceContest, published: datetime) -> Iterator[Alert]:
    """The race's call and runoff as alerts (none while uncalled); timed by the call, else the
    race's last update, else `published`."""
    at = race.called_at or race.updated_at or published
    winners = [c for c in race.candidates if c.winner]
    if winners:
        yield _race_alert(race, "called", winners, at)
    runoff = [c for c in race.candidates if c.runoff]
    if runoff:
        yield _race_alert(race, "runoff", runoff, at)


def calls_of(feed: Feed) -> Iterator[Alert]:
    """Every race called (or sent to a runoff) in `feed`, as an alert."""
    for race in feed.contests:
        if isinstance(race, RaceContest):
            yield from race_calls(race, feed.published_at)


def alerts_of(feed: Feed) -> Iterator[Alert]:
    """Every alert `feed` stands for on its own: its changes of control and its calls."""
    yield from (alert for alert, _ in changes_of(feed))
    yield from calls_of(feed)


def _retractions(before: Feed, after: Feed) -> Iterator[Alert]:
    """Calls `before` had that `after` no longer has for the same candidate (a race that
    disappeared is not retracted: its last figures stay)."""
    now = {race.id: race for race in after.contests if isinstance(race, RaceContest)}
    for race in before.contests:
        later = now.get(race.id)
        if not isinstance(race, RaceContest) or later is None:
            continue
        still = {c.name for c in later.candidates if c.winner}
        gone = [c for c in race.candidates if c.winner and c.name not in still]
        if gone:
            yield _race_alert(later, "retracted", gone, later.updated_at or after.published_at)


def new_alerts(before: Feed | None, after: Feed) -> list[Alert]:
    """The news in `after` that `before` did not have, newest first: changes of control and
    calls `before` did not have, and calls it had that `after` retracted.

    None before (the board's first snapshot) is the baseline: nothing is new.
    """
    if before is None:
        return []
    known = {alert.key for alert in alerts_of(before)}
    found = [alert for alert in alerts_of(after) if alert.key not in known]
    found.extend(_retractions(before, after))
    return sorted(found, key=lambda alert: alert.declared_at, reverse=True)


def new_changes(before: Feed | None, after: Feed) -> list[tuple[Alert, Declaration]]:
    """The changes of control in `after` that `before` did not have, newest first.

    None before (the board's first snapshot) is the baseline: nothing is new.
    """
    if before is None:
        return []
    known = {alert.key for alert, _ in changes_of(before)}
    found = [(alert, d) for alert, d in changes_of(after) if alert.key not in known]
    return sorted(found, key=lambda pair: pair[0].declared_at, reverse=True)
