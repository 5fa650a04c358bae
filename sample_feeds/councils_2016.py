"""Provides the per-council details both 2016 nights share: proportion, whole council, areas.

The JSON recording (`build_2016`) and the PA folder (`pa_2016`) take every
council's figures from here, so the two nights agree to the seat. What is
sourced: the councils named in `uk2016_facts.json` (`WIKI_LE2016_LISTS`,
`CBP7596`; 103 of the 124 — 21 are not named there, so `AREAS` is
incomplete) and which of them elected all their seats (`metropolitan_all_out`,
`unitary_all_out`). Synthetic: every other council elects a third, and each
council's seats not up this time (two for each one up) are invented, split
like the seats won and then adjusted so the party in control holds a majority
and a council under no overall control has none.
"""

from __future__ import annotations

from collections import Counter

__all__ = ["ALL_OUT", "AREAS", "council_result", "proportion", "whole_council"]

ALL_OUT = ("Knowsley", "Rotherham", "Sheffield", "Bristol", "Peterborough", "Warrington")
"""Councils electing all their seats in 2016 (facts: metropolitan_all_out, unitary_all_out)."""

AREAS = (
    "Adur", "Amber Valley", "Barnsley", "Basildon", "Basingstoke and Deane", "Birmingham",
    "Blackburn with Darwen", "Bolton", "Bradford", "Brentwood", "Bristol", "Broxbourne",
    "Burnley", "Bury", "Calderdale", "Cambridge", "Cannock Chase", "Carlisle", "Castle Point",
    "Cheltenham", "Cherwell", "Chorley", "Colchester", "Coventry", "Crawley", "Derby", "Dudley",
    "Elmbridge", "Epping Forest", "Exeter", "Gateshead", "Halton", "Harlow", "Hart",
    "Hartlepool", "Hastings", "Havant", "Hyndburn", "Ipswich", "Kingston upon Hull",
    "Kirklees", "Knowsley", "Leeds", "Lincoln", "Liverpool", "Maidstone", "Manchester",
    "Milton Keynes", "Newcastle upon Tyne", "North East Lincolnshire", "North Tyneside",
    "Norwich", "Nuneaton and Bedworth", "Oldham", "Oxford", "Pendle", "Peterborough",
    "Plymouth", "Portsmouth", "Preston", "Reading", "Redditch", "Reigate and Banstead",
    "Rochdale", "Rochford", "Rossendale", "Rotherham", "Rugby", "Runnymede", "Rushmoor",
    "Salford", "Sandwell", "Sefton", "Sheffield", "Slough", "Solihull", "South Tyneside",
    "Southampton", "Southend-on-Sea", "St Albans", "St Helens", "Stevenage", "Stockport",
    "Sunderland", "Swindon", "Tameside", "Tamworth", "Thurrock", "Trafford", "Wakefield",
    "Walsall", "Warrington", "Watford", "Welwyn Hatfield", "West Lancashire", "Wigan",
    "Winchester", "Wirral", "Woking", "Wokingham", "Wolverhampton", "Worcester", "Worthing",
)  # fmt: skip
"""The 103 councils electing in 2016 that the facts file names (of 124)."""


def proportion(council: str) -> str:
    """ "all" for the all-out councils (sourced); "third" for every other (synthetic)."""
    return "all" if council in ALL_OUT else "third"


def whole_council(control: str, won: Counter[str], up: int, council: str) -> Counter[str]:
    """The council after the election by party (synthetic beyond the seats won; see above)."""
    if proportion(council) == "all":
        return Counter({p: n for p, n in won.items() if n})
    total = 3 * up
    rest = total - up
    parties = sorted(won, key=lambda p: (-won[p], p))
    seats = Counter({p: won[p] + won[p] * rest // up for p in parties})
    for p in parties[: total - sum(seats.values())]:  # the remainder, largest first
        seats[p] += 1
    half = total // 2
    if control != "NOC":
        while seats[control] <= half:
            donor = max(
                (p for p in seats if p != control and seats[p] > won[p]), key=lambda p: seats[p]
            )
            seats[donor] -= 1
            seats[control] += 1
    else:
        while (top := max(seats, key=lambda p: (seats[p], p))) and seats[top] > half:
            other = min((p for p in seats if p != top), key=lambda p: (seats[p], p), default="IND")
            seats[top] -= 1
            seats[other] += 1
    return +seats


def council_result(
    council: str, control: str, won: Counter[str], change: Counter[str]
) -> dict[str, object]:
    """The council's `result` (format 1.1) as both nights give it: the new council by party
    (most seats first, then parties that lost every seat), seats, seats up and proportion."""
    up = sum(won.values())
    whole = whole_council(control, won, up, council)
    order = sorted(whole, key=lambda p: (-whole[p], p))
    order += sorted(p for p in change if change[p] and p not in whole)
    composition = [  # a change of 0 is the default: left out, as the recording is package data
        dict(code=p, seats=whole[p]) | ({"seats_change": change[p]} if change[p] else {})
        for p in order
    ]
    return dict(composition=composition, seats=sum(whole.values()), seats_up=up,
                proportion=proportion(council))  # fmt: skip
