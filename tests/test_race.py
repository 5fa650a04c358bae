"""Tests of the `race` contest kind (format 1.1): its rules, and what it derives."""

from __future__ import annotations

import json
from typing import Any

import pytest

from feeds.errors import FeedSchemaError
from feeds.parse import parse_feed
from feeds.race import RaceContest


def feed(race: dict[str, Any]) -> bytes:
    document = {
        "format": "results-board/1.1",
        "sequence": 1,
        "published_at": "2028-11-08T04:00:00Z",
        "title": "Invented night",
        "contests": [{"kind": "race", "id": "r", "title": "Race", "office": "Mayor", **race}],
    }
    return json.dumps(document).encode()


def race(**fields: Any) -> RaceContest:
    contest = parse_feed(feed(fields)).contests[0]
    assert isinstance(contest, RaceContest)
    return contest


def people(*votes: int, **flags: Any) -> list[dict[str, Any]]:
    found = [{"name": f"P{n}", "party": "Ind", "votes": v} for n, v in enumerate(votes)]
    for name, flag in flags.items():
        found[int(name[1:])][flag] = True
    return found


def test_a_leader_is_derived_and_never_a_call() -> None:
    contest = race(candidates=people(300, 700), reporting={"precincts": 5, "precincts_total": 20})
    assert contest.leader is not None and contest.leader.name == "P1"
    assert not contest.called and contest.margin == pytest.approx(40.0)
    assert contest.percent_reported == 25.0
    assert contest.share_of(contest.candidates[0]) == pytest.approx(30.0)


def test_expected_vote_is_how_much_is_in_when_given() -> None:
    contest = race(
        candidates=people(1, 2),
        reporting={"precincts": 1, "precincts_total": 4, "expected_vote": 61},
    )
    assert contest.percent_reported == 61


def test_a_tie_or_no_votes_has_no_leader() -> None:
    assert race(candidates=people(5, 5)).leader is None
    assert race(candidates=people(0, 0)).leader is None


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"candidates": people(1, 2, p0="winner", p1="winner")}, "2 winners called for 1 seat"),
        ({"candidates": people(1, p0="winner"), "seats": 0}, "seats"),
        (
            {"candidates": people(1, 2), "reporting": {"precincts": 5, "precincts_total": 4}},
            "precincts (5) must be ≤ precincts_total (4)",
        ),
        ({"candidates": [{"name": "A", "votes": "12"}]}, "votes"),
        (
            {"candidates": [{"name": "A", "votes": 1, "winner": True, "runoff": True}]},
            "both called winner and in a runoff",
        ),
    ],
)
def test_what_a_race_refuses(fields: dict[str, Any], message: str) -> None:
    with pytest.raises(FeedSchemaError) as raised:
        parse_feed(feed(fields))
    assert message in str(raised.value.problems[0])


def test_two_seats_take_two_winners() -> None:
    contest = race(candidates=people(5, 4, 1, p0="winner", p1="winner"), seats=2)
    assert contest.called and [c.winner for c in contest.ranked()] == [True, True, False]


def test_shares_on_a_0_to_1_scale_are_warned_of() -> None:
    candidates = [
        {"name": "A", "votes": 600, "share": 0.6},
        {"name": "B", "votes": 400, "share": 0.4},
    ]
    warnings = parse_feed(feed({"candidates": candidates})).warnings()
    assert any("look like fractions of 1" in warning for warning in warnings)
