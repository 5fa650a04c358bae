"""Provides the words a race is shown with, on the board and in `snapshot` alike.

Called and leading must never look alike: a race the publisher called says
CALLED with ✔ and the winner; a race not called says "leading" with how much
of the count is in beside it (expected vote where the publisher estimates it,
else precincts). A runoff says RUNOFF with the candidates going through.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from feeds.contests import Contest
from feeds.race import RaceCandidate, RaceContest
from widgets.views import DeclarationLine, RaceCandidateLine, RaceLine, RaceViewData

__all__ = [
    "CALLED",
    "LEADING",
    "RACES_ID",
    "LineCache",
    "RaceNight",
    "RaceRow",
    "call_lines",
    "candidate_label",
    "display_items",
    "overview_lines",
    "progress",
    "race_row",
    "race_status",
    "race_view_data",
]

RACES_ID = "races"
"""The id of the one tab that holds every race of the night."""

CALLED = "✔ CALLED"
"""The mark of a called race (never used for a leader)."""
LEADING = "leading"
"""The word for a candidate ahead in a race not called (never used for a call)."""


def candidate_label(candidate: RaceCandidate) -> str:
    """ "Jane Roe (Dem)", with "(i)" after an incumbent's name."""
    name = candidate.name + (" (i)" if candidate.incumbent else "")
    return f"{name} ({candidate.party})" if candidate.party else name


def progress(contest: RaceContest) -> str:
    """How much is in: "62% of expected vote", "250 of 523 precincts (48%)", or "no count yet"."""
    reporting = contest.reporting
    if reporting.expected_vote is not None:
        return f"{reporting.expected_vote:.0f}% of expected vote"
    percent = reporting.precincts_percent
    if percent is not None:
        return (
            f"{reporting.precincts:,} of {reporting.precincts_total:,} precincts ({percent:.0f}%)"
        )
    return "no count yet"


def race_status(contest: RaceContest) -> str:
    """The race in one phrase: called, runoff, leading (with progress), tied, or no votes."""
    winners = [c for c in contest.candidates if c.winner]
    if winners:
        return f"{CALLED}: " + ", ".join(candidate_label(c) for c in winners)
    runoff = [c for c in contest.candidates if c.runoff]
    if runoff:
        return "RUNOFF: " + " vs ".join(candidate_label(c) for c in runoff)
    if contest.total_votes == 0:
        return f"no votes yet · {progress(contest)}"
    leader = contest.leader
    if leader is None:
        return f"tied · {progress(contest)}"
    margin = contest.margin
    lead = f" by {margin:.1f} pts" if margin is not None else ""
    return f"{candidate_label(leader)} {LEADING}{lead} · {progress(contest)}"


@dataclass(frozen=True)
class RaceRow:
    """One race in the overview: what a producer scans for."""

    key: str
    """The contest id."""
    office: str
    state: str
    district: str
    leader: str
    """The winner when called, else the leader ("" before votes or on a tie)."""
    margin: float | None
    """Points between first and second, 0–100."""
    reported: float
    """0–100: expected vote where given, else precincts."""
    called: bool
    runoff: bool
    status: str
    """`race_status`."""


def race_row(contest: RaceContest) -> RaceRow:
    """The overview's row for a race."""
    winners = [c for c in contest.candidates if c.winner]
    top = winners[0] if winners else contest.leader
    return RaceRow(
        key=contest.id,
        office=contest.office,
        state=contest.state or "US",
        district=contest.district or "",
        leader="" if top is None else candidate_label(top),
        margin=contest.margin,
        reported=contest.percent_reported,
        called=bool(winners),
        runoff=any(c.runoff for c in contest.candidates),
        status=race_status(contest),
    )


@dataclass(frozen=True)
class RaceNight:
    """Every race of a feed, shown as one tab (a US night has hundreds)."""

    races: tuple[RaceContest, ...]
    id: str = RACES_ID
    kind: str = "races"
    """Its sorts are the overview's (`board.present.SORTS["races"]`)."""

    @property
    def title(self) -> str:
        """The tab's label: "Races (12 of 480 called)"."""
        called = sum(race.called for race in self.races)
        return f"Races ({called} of {len(self.races)} called)"

    def race(self, key: str) -> RaceContest | None:
        """The race with contest id `key`."""
        return next((race for race in self.races if race.id == key), None)


def display_items(contests: Sequence[Contest]) -> list[Contest | RaceNight]:
    """What the board's tabs show: every other contest as itself, every race in one `RaceNight`
    (placed where the first race was)."""
    races = tuple(c for c in contests if isinstance(c, RaceContest))
    items: list[Contest | RaceNight] = []
    for contest in contests:
        if not isinstance(contest, RaceContest):
            items.append(contest)
        elif contest is races[0]:
            items.append(RaceNight(races))
    return items


def _place(contest: RaceContest) -> str:
    if contest.measure:
        return " ".join(filter(None, (contest.state, contest.title.partition(": ")[2])))
    return " ".join(filter(None, (contest.state, contest.district))) or "US"


def _basis(contest: RaceContest) -> str:
    if contest.reporting.expected_vote is not None:
        return "exp. vote"
    return "precincts" if contest.reporting.precincts_percent is not None else ""


LineCache = dict[str, tuple[RaceContest, RaceLine]]
"""Each race's overview line beside the race object it was made from (see `overview_lines`)."""


def overview_lines(night: RaceNight, cache: LineCache) -> list[RaceLine]:
    """The overview's lines, grouped by office in the feed's order.

    `cache` keeps each race's line beside the race it was made from: a feed
    reuses the objects of races that did not change, so a 20-race update on a
    500-race night makes 20 new lines, not 500.
    """
    order: dict[str, int] = {}
    lines = []
    for contest in night.races:
        group = order.setdefault(contest.office, len(order))
        held = cache.get(contest.id)
        if held is not None and held[0] is contest and held[1].order == group:
            lines.append(held[1])
            continue
        row = race_row(contest)
        line = RaceLine(
            key=contest.id,
            group=contest.office,
            order=group,
            place=_place(contest),
            leader=row.leader,
            margin=row.margin,
            reported=row.reported,
            basis=_basis(contest),
            called=row.called,
            runoff=row.runoff,
        )
        cache[contest.id] = (contest, line)
        lines.append(line)
    return lines


def race_view_data(contest: RaceContest) -> RaceViewData:
    """What the race view shows of one race."""
    notes = []
    if contest.electoral_votes:
        notes.append(f"{contest.electoral_votes} electoral votes")
    if contest.called_at is not None:
        notes.append(f"called {contest.called_at:%H:%M}")
    called = contest.called
    return RaceViewData(
        title=contest.title,
        status=race_status(contest),
        called=any(c.winner for c in contest.candidates),
        progress=progress(contest) if called else "",  # a leader's status line says it
        candidates=tuple(
            RaceCandidateLine(
                name=c.name,
                party=c.party or "",
                colour=c.colour,
                votes=c.votes,
                share=contest.share_of(c),
                winner=c.winner,
                runoff=c.runoff,
                incumbent=c.incumbent,
            )
            for c in contest.ranked()
        ),
        note=" · ".join(notes),
    )


def call_lines(night: RaceNight) -> list[DeclarationLine]:
    """The calls, newest first, for the side panel ("23:04  NV President · Ada Quill (Dem)")."""
    calls = [(race.called_at, race) for race in night.races if race.called_at is not None]
    calls.sort(key=lambda pair: pair[0], reverse=True)
    return [
        DeclarationLine(
            key=race.id,
            time=when,
            area=race.title,
            wording=race_status(race).removeprefix(f"{CALLED}: "),
            changed_hands=False,
        )
        for when, race in calls
    ]
