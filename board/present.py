"""Provides the presentation: a contest as rows, counter words, sort orders and notes — one truth.

Both the screen (`board/screen.py`) and `results-board snapshot`
(`board/plain.py`) show a contest through these functions, so the two never
disagree on an order, a share or a word. Nothing here imports Textual: the
rows are the widgets' own view types (`widgets.views`), plain frozen data.
The party table's part (sorts, lines, columns, the seat bar) is
`board.present_parties`, re-exported here.

Where two panels could seem to contradict each other (a chamber fully
declared beside an empty declarations list; seats that do not add up to the
seats reported; an eliminated candidate's first-round votes under "Final
round"), the words here either agree or say why (`notes`, `declarations_empty`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from board.present_parties import (
    SORT_WORDS,
    SORTS,
    SortKey,
    is_balance,
    party_columns,
    party_lines,
    seat_shares,
    sort_lines,
)
from feeds.areas import latest_first
from feeds.contests import (
    Candidate,
    Contest,
    CouncilsContest,
    LegislatureContest,
    MayorContest,
)
from feeds.plausibility import plausibility_warnings
from widgets.views import CandidateLine, CounterView, DeclarationLine, sort_candidates

__all__ = [
    "SORTS",
    "SORT_WORDS",
    "TEST_WORDS",
    "Counter",
    "SortKey",
    "candidate_lines",
    "counter_of",
    "declaration_lines",
    "declarations_empty",
    "is_balance",
    "notes",
    "party_columns",
    "party_lines",
    "seat_shares",
    "shares",
    "sort_lines",
]

TEST_WORDS = "TEST DATA"
"""What the board and `snapshot` say first of a feed marked `test` (never to pass for live)."""


def shares(
    candidates: Sequence[Candidate], counted: Callable[[Candidate], bool] = lambda _: True
) -> list[float | None]:
    """Each candidate's share of the vote, 0–100: the feed's own, or, where it leaves one out,
    worked out from the votes of the candidates `counted` (None for one not counted)."""
    whole = sum(candidate.votes for candidate in candidates if counted(candidate))
    return [
        candidate.share
        if candidate.share is not None or not whole or not counted(candidate)
        else 100.0 * candidate.votes / whole
        for candidate in candidates
    ]


def candidate_lines(contest: MayorContest) -> list[CandidateLine]:
    """The candidates, most votes first, keyed by name.

    A share the feed leaves out is worked out from the votes of the candidates
    still in the count (all of them in round 1; in the final round an
    eliminated candidate's votes are from round 1, so their share stays unknown).
    """

    def in_count(candidate: Candidate) -> bool:
        return contest.round == 1 or not candidate.eliminated

    lines = []
    for candidate, share in zip(
        contest.candidates, shares(contest.candidates, in_count), strict=True
    ):
        lines.append(
            CandidateLine(
                key=candidate.name,
                name=candidate.name,
                party=candidate.party,
                colour=candidate.colour,
                votes=candidate.votes,
                share=share,
                elected=candidate.elected,
                eliminated=candidate.eliminated,
            )
        )
    return sort_candidates(lines)


@dataclass(frozen=True)
class Counter:
    """How much of a contest has declared, and every way the board words it."""

    reported: int
    """Declared so far."""
    total: int
    """Declaring in all (0: the feed does not say)."""
    noun: str
    """What is counted: "councils", "seats", "areas"."""

    @property
    def percent(self) -> int:
        """Share declared, 0–100, rounded down (never over 100, even if `reported` is)."""
        return 100 * min(self.reported, self.total) // self.total if self.total else 0

    @property
    def text(self) -> str:
        """One phrase: "96 of 124 councils reported"."""
        if not self.total:
            return f"{self.reported} {self.noun} reported"
        return f"{self.reported} of {self.total} {self.noun} reported"

    @property
    def words(self) -> str:
        """Short enough for 30 columns: "96 of 124 councils · 77%"."""
        if not self.total:
            return self.text
        return f"{self.reported} of {self.total} {self.noun} · {self.percent}%"

    @property
    def line(self) -> str:
        """For plain text: "96 of 124 councils reported (77%)"."""
        return f"{self.text} ({self.percent}%)" if self.total else self.text

    @property
    def view(self) -> CounterView:
        """What the reporting counter widget takes."""
        return CounterView(self.reported, self.total, self.words, self.text)


def counter_of(contest: Contest) -> Counter | None:
    """What a contest reports, or None when it does not count (a mayoral feed without areas,
    a kind this version does not know)."""
    if isinstance(contest, CouncilsContest):
        return Counter(contest.reported, contest.total, "councils")
    if isinstance(contest, LegislatureContest):
        return Counter(contest.reported, contest.total, contest.unit)
    if isinstance(contest, MayorContest) and contest.total:
        return Counter(contest.reported or 0, contest.total, "areas")
    return None


def declaration_lines(contest: Contest) -> list[DeclarationLine]:
    """Declarations newest first, with derived wording ("LAB lose to NOC")."""
    return [
        DeclarationLine(
            key=declaration.area,
            time=declaration.declared_at,
            area=declaration.area,
            wording=declaration.wording,
            changed_hands=declaration.changed_hands,
        )
        for declaration in latest_first(contest.declarations)
    ]


def declarations_empty(contest: Contest) -> str:
    """What the declarations panel says when the contest has none: "No declarations yet"
    before anything is reported; once the counter shows results, that the feed sends none."""
    counter = counter_of(contest)
    if counter is None or counter.reported == 0:
        return "No declarations yet"
    if isinstance(contest, LegislatureContest) and contest.unit != "seats":
        # An electoral college: its votes come from the races' calls, listed with the races.
        return f"{counter.reported} {counter.noun} called: the calls are listed with the races"
    return "The feed lists no declarations for this contest"


def notes(contest: Contest) -> list[str]:
    """What to say beside a contest's figures where two panels could seem to contradict each
    other: the feed's own inconsistencies (`Contest.warnings`), worded to be read on air. (A
    final round's eliminated candidates are explained where the round is named:
    `widgets.views.ELIMINATED_NOTE`.) Implausible figures — shares sent as 0–1 fractions,
    counts no real election has (`feeds.plausibility`) — are said here too."""
    return [*contest.warnings(), *plausibility_warnings(contest)]
