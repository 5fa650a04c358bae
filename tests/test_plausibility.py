"""Tests of the plausibility warnings: counts no real election has, and shares on the wrong scale.

Issue 11, kinds 9 and 10: nine-digit seats and votes, and shares sent as 0–1
fractions, passed `check` as valid with no word.
"""

from __future__ import annotations

import copy
from typing import Any

import pytest

from board.cli import main
from feeds.parse import parse_feed
from feeds.plausibility import CHAMBER_SEATS_MAX, COUNCIL_SEATS_MAX, VOTES_MAX
from sample_feeds import factory
from sample_feeds.factory import encode, small_document

WHEN = "2016-05-06T10:00:00+01:00"


def legislature(parties: list[dict[str, Any]], total: int = 60) -> dict[str, Any]:
    """The Welsh Assembly of 2016 with these `parties` (and chamber size)."""
    return factory.legislature(parties=parties, total=total, majority=total // 2 + 1)


WALES: list[dict[str, Any]] = factory.legislature()["parties"]
"""Shares of all votes cast; the parties listed hold about 90 % of them."""


def mayor(candidates: list[dict[str, Any]]) -> dict[str, Any]:
    """London's final round with these `candidates`."""
    return factory.mayor(candidates=candidates)


LONDON: list[dict[str, Any]] = factory.mayor()["candidates"]
"""Khan and Goldsmith with final-round votes and shares; ten eliminated, first-round votes."""


def warnings_of(*contests: dict[str, Any]) -> list[str]:
    return parse_feed(encode(small_document(contests=list(contests)))).warnings()


def test_real_figures_raise_no_warning() -> None:
    assert warnings_of(legislature(WALES), mayor(LONDON)) == []


def as_fractions(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    rows = copy.deepcopy(rows)
    for row in rows:
        if "share" in row:
            row["share"] = round(row["share"] / 100, 4)
    return rows


@pytest.mark.parametrize(
    "contest",
    [
        mayor(as_fractions(LONDON)),  # the field case: 0.568 and 0.432
        mayor([{**c, "votes": 0} for c in as_fractions(LONDON)]),  # no votes: the sum tells
        legislature(as_fractions(WALES)),  # 0.965 in all: the votes tell
        legislature([{k: v for k, v in p.items() if k != "votes"} for p in as_fractions(WALES)]),
        mayor([*as_fractions(LONDON[:1]), {"name": "B", "party": "CON", "votes": 994614}]),
    ],
    ids=["mayor", "mayor-no-votes", "legislature", "legislature-no-votes", "one-share-and-votes"],
)
def test_shares_sent_as_fractions_are_named(contest: dict[str, Any]) -> None:
    found = warnings_of(contest)
    assert len(found) == 1, found
    assert "look like fractions of 1" in found[0] and "percent (0–100)" in found[0]


def test_a_single_small_share_without_votes_is_not_guessed_at() -> None:
    assert warnings_of(mayor([{"name": "A", "party": "X", "share": 0.6}])) == []


def test_shares_that_disagree_with_the_votes_name_the_party() -> None:
    parties = copy.deepcopy(WALES)
    parties[2]["share"] = 8.8  # CON's share typed ten points low
    found = warnings_of(legislature(parties))
    assert found == [
        "contests[0] (wales): share of CON (8.8%) disagrees with its votes "
        "(190,846 of the 919,232 listed give 20.8%)"
    ]


def test_shares_adding_up_to_more_than_100() -> None:
    parties = copy.deepcopy(WALES)
    parties[0]["share"] = 61.5
    assert warnings_of(legislature(parties)) == [
        "contests[0] (wales): shares add up to 120.6%, more than 100"
    ]


@pytest.mark.parametrize(
    ("change", "words"),
    [
        (
            {"seats": COUNCIL_SEATS_MAX + 1},
            "LAB has 20,001 seats: more than the 20,000 councillors",
        ),
        ({"seats": 10, "seats_change": -(COUNCIL_SEATS_MAX + 5)}, "LAB has 20,005 seats changed"),
        ({"seats": 30, "seats_change": 40}, "LAB gained 40 seats but holds 30"),
        ({"councils": 1, "councils_change": 2}, "LAB gained 2 councils but holds 1"),
    ],
)
def test_implausible_council_counts(change: dict[str, int], words: str) -> None:
    doc = small_document()
    doc["contests"][0]["parties"][0].update(change)
    found = parse_feed(encode(doc)).warnings()
    assert any(words in warning for warning in found), found


def test_implausible_chamber_and_votes() -> None:
    parties = copy.deepcopy(WALES)
    parties[0]["seats"] = CHAMBER_SEATS_MAX + 1
    parties[1]["votes"] = VOTES_MAX + 1
    found = warnings_of(legislature(parties, total=CHAMBER_SEATS_MAX + 10))
    assert any("LAB has 3,001 seats: more than the 3,000 seats in the largest" in w for w in found)
    assert any("a chamber of 3,010 seats" in w for w in found)
    assert any("PC has 1,000,000,001 votes: more than the largest electorate" in w for w in found)


def test_mayor_votes_beyond_any_electorate() -> None:
    candidates = copy.deepcopy(LONDON)
    candidates[0]["votes"] = 1234567890
    found = warnings_of(mayor(candidates))
    assert any("Sadiq Khan has 1,234,567,890 votes" in w for w in found), found


def test_check_warns_and_stays_valid(tmp_path: Any, capsys: pytest.CaptureFixture[str]) -> None:
    """`check` exit codes keep their meaning: 0, valid (with warnings)."""
    path = tmp_path / "feed.json"
    path.write_bytes(
        encode(small_document(contests=[mayor(as_fractions(LONDON))], published_at=WHEN))
    )
    assert main(["check", str(path)]) == 0
    out = capsys.readouterr().out
    assert "warning: contests[0] (london): shares add up to 1.00" in out


async def test_the_board_status_carries_the_warning() -> None:
    """The board's status holds the document's warnings beside the figures it shows."""
    from tests.boardkit import scripted_board
    from tests.waiting import async_wait_for

    document = small_document(contests=[mayor(as_fractions(LONDON))], published_at=WHEN)
    app, _, _ = scripted_board(document, still=True)
    async with app.run_test(size=(120, 40)):
        await async_wait_for(lambda: app.state.feed.sequence == 7, "the feed shown")
        assert any("look like fractions of 1" in w for w in app.state.feed.warnings)


async def test_the_board_says_the_shares_look_like_fractions_beside_the_figures() -> None:
    """The warning is on screen under the candidates, not only in the status's data."""
    from tests.boardkit import screen_text, scripted_board
    from tests.waiting import async_wait_for

    document = small_document(contests=[mayor(as_fractions(LONDON))], published_at=WHEN)
    app, _, _ = scripted_board(document, still=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await async_wait_for(lambda: app.state.feed.sequence == 7, "the feed shown")
        await pilot.pause()
        assert "look like fractions of 1" in screen_text(app)


def test_a_long_tail_of_tiny_parties_does_not_make_the_big_ones_disagree() -> None:
    """A national table (PA's state of parties) lists a hundred parties with a handful of
    votes and a share rounded to 0.00 %: their ratios are all 0, and must not set the scale
    by which the big parties' shares are judged."""
    parties = copy.deepcopy(WALES)
    listed = sum(party["votes"] for party in parties)
    for number in range(120):
        parties.append(
            {"code": f"T{number}", "name": f"Tiny {number}", "seats": 0, "votes": 40 + number,
             "share": 0.0}
        )  # fmt: skip
    shares = {party["code"]: party["share"] for party in WALES}
    assert warnings_of(legislature(parties)) == [], shares
    assert listed > 0
