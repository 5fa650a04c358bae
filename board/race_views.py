"""Provides the words a race is shown with, on the board and in `snapshot` alike.

Called and leading must never look alike: a race the publisher called says
CALLED with ✔ and the winner; a race not called says "leading" with how much
of the count is in beside it (expected vote where the publisher estimates it,
else precincts). A runoff says RUNOFF with the candidates going through.
"""

from __future__ import annotations

from dataclasses import dataclass

from feeds.race import RaceCandidate, RaceContest

__all__ = [
    "CALLED",
    "LEADING",
    "RaceRow",
    "candidate_label",
    "progress",
    "race_row",
    "race_status",
]

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
