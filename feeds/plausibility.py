"""Provides `plausibility_warnings`: figures a valid feed can carry but no real election has.

A feed may be valid and still wrong in ways a producer must hear about before
going on air: counts beyond any real electorate or chamber (a spreadsheet cell
pasted into the wrong column, digits typed twice), and shares on the wrong
scale (0–1 fractions, as elex's `votepct`, where this format says percent).
These are warnings, shown by `check` and carried in the board's status; the
document is accepted and shown as sent.

The rules and their sources:

- Seats in a councils contest: at most `COUNCIL_SEATS_MAX`. England had
  16,930 councillors in 2022 (LGA, National census of local authority
  councillors 2022); with Scotland, Wales and Northern Ireland the UK has about
  20,000. No party holds, gains or loses more.
- Seats in a legislature: at most `CHAMBER_SEATS_MAX`. The largest chamber on
  earth, China's National People's Congress, may not exceed 3,000 deputies
  (Electoral Law of the NPC, art. 15; npc.gov.cn).
- Votes: at most `VOTES_MAX`. The largest electorate, India's in 2024, was
  968 million (Election Commission of India); no party or candidate has more.
- A gain larger than what is held ("+40 seats" with 30 seats): before the
  election the party would have held fewer than none.
- Shares (percent, 0–100): two or more that add up to no more than 1.05 are
  fractions of 1; shares that are a hundredth of what the votes give are
  fractions too; a share more than `SHARE_TOLERANCE` points from what its
  votes give (scaled, by the median ratio, for parties not listed) disagrees with the votes; shares
  that add up to more than 100.5 cannot all be right.

The board does not rescale shares it believes are fractions: a guess can be
wrong both ways (a fringe candidate really on 0.6 %), and a figure changed
silently on air is worse than a warning the desk can act on. Adapters read
each source field at its documented scale (AP's fractions are converted
there), so only a hand-made or mis-mapped feed reaches this rule.
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence

from feeds.contests import (
    Contest,
    CouncilsContest,
    LegislatureContest,
    MayorContest,
    RaceContest,
)

__all__ = [
    "CHAMBER_SEATS_MAX",
    "COUNCIL_SEATS_MAX",
    "SHARE_TOLERANCE",
    "VOTES_MAX",
    "plausibility_warnings",
]

COUNCIL_SEATS_MAX = 20_000
"""About every principal-council councillor in the UK (LGA census 2022: 16,930 in England)."""
CHAMBER_SEATS_MAX = 3_000
"""The legal ceiling of the largest chamber, China's National People's Congress."""
VOTES_MAX = 1_000_000_000
"""Above the largest electorate on earth (India 2024: 968 million electors, ECI)."""
SHARE_TOLERANCE = 1.0
"""Percentage points a share may stray from what its votes give (rounding, late counts)."""

RATIO_FLOOR = 2.0
"""Percent of the listed votes a party needs for its share ÷ votes ratio to set the scale
(below it, a share rounded to "0.00" or "0.1" says little about the ratio)."""


def plausibility_warnings(contest: Contest) -> list[str]:
    """What in `contest` no real election has, in plain words; empty when all is plausible."""
    if isinstance(contest, CouncilsContest):
        found = _counts("seats", [(p.code, p.seats, p.seats_change) for p in contest.parties])
        found += _counts(
            "councils", [(p.code, p.councils, p.councils_change) for p in contest.parties]
        )
        return found + _beyond("seats", COUNCIL_SEATS_MAX, "councillors in the UK", contest)
    if isinstance(contest, LegislatureContest):
        found = _counts("seats", [(p.code, p.seats, p.seats_change or 0) for p in contest.parties])
        found += _beyond("seats", CHAMBER_SEATS_MAX, "seats in the largest chamber", contest)
        if contest.total > CHAMBER_SEATS_MAX:
            found.append(
                f"a chamber of {contest.total:,} seats: the largest has at most "
                f"{CHAMBER_SEATS_MAX:,}"
            )
        rows = [(p.code, p.votes, p.share) for p in contest.parties]
        return found + _votes(rows) + _shares(rows)
    if isinstance(contest, MayorContest):
        rows = [(c.name, c.votes, c.share) for c in contest.candidates]
        final = [  # the final round's shares are of the votes of those still in it
            (c.name, c.votes, c.share)
            for c in contest.candidates
            if not (contest.round == 2 and c.eliminated and not c.elected)
        ]
        return _votes(rows) + _shares(final)
    if isinstance(contest, RaceContest):
        rows = [(c.name, c.votes, c.share) for c in contest.candidates]
        return _votes(rows) + _shares(rows)
    return []


def _counts(what: str, rows: Sequence[tuple[str, int, int]]) -> list[str]:
    """Gains larger than what is held."""
    return [
        f"{code} gained {change:,} {what} but holds {held:,}"
        for code, held, change in rows
        if change > held
    ]


def _beyond(
    what: str, limit: int, meaning: str, contest: CouncilsContest | LegislatureContest
) -> list[str]:
    found = []
    for party in contest.parties:
        for value, label in (
            (party.seats, what),
            (abs(party.seats_change or 0), f"{what} changed"),
        ):
            if value > limit:
                found.append(
                    f"{party.code} has {value:,} {label}: more than the {limit:,} {meaning}"
                )
                break
    return found


def _votes(rows: Sequence[tuple[str, int | None, float | None]]) -> list[str]:
    return [
        f"{name} has {votes:,} votes: more than the largest electorate on earth "
        f"(under {VOTES_MAX:,})"
        for name, votes, _ in rows
        if votes is not None and votes > VOTES_MAX
    ]


def _shares(rows: Sequence[tuple[str, int | None, float | None]]) -> list[str]:
    """Shares on the wrong scale, or at odds with the votes (`rows`: those counted in the round)."""
    shares = [share for _, _, share in rows if share is not None]
    if not shares:
        return []
    total = sum(shares)
    if total > 100.5:
        return [f"shares add up to {total:.1f}%, more than 100"]
    listed = sum(votes for _, votes, _ in rows if votes)
    paired = [(name, votes, share) for name, votes, share in rows if share is not None and votes]
    implied = {name: 100.0 * votes / listed for name, votes, _ in paired}
    # The scale comes from the parties big enough for rounding not to swamp the ratio: a
    # national table lists a hundred parties at "0.00%" whose ratios would all read 0.
    every = [(name, share) for name, _, share in paired]
    large = [(name, share) for name, share in every if implied[name] >= RATIO_FLOOR]
    ratios = [share / implied[name] for name, share in (large if len(large) >= 2 else every)]
    scale = statistics.median(ratios) if ratios else None
    if (len(shares) >= 2 and 0 < total <= 1.05 and max(shares) <= 1) or (
        scale is not None and 0 < scale < 0.05
    ):
        return [
            f"shares add up to {total:.2f}: they look like fractions of 1 (0–1); this "
            "format's shares are percent (0–100), so the board shows them as 100 times too small"
        ]
    if scale is None or len(ratios) < 2:
        return []
    scale = min(scale, 1.0)  # shares of a larger total (parties not listed) are smaller
    for name, votes, share in paired:
        expected = scale * implied[name]
        if abs(share - expected) > SHARE_TOLERANCE:
            return [
                f"share of {name} ({share:.1f}%) disagrees with its votes "
                f"({votes:,} of the {listed:,} listed give {implied[name]:.1f}%)"
            ]
    return []
