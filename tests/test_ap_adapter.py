"""Tests of `ApAdapter`: AP's full and partial responses merged into whole feeds, faults named."""

from __future__ import annotations

import copy
from datetime import UTC, datetime
from typing import Any

import pytest

from feeds.adapter import RawDocument, Reading
from feeds.ap import ApAdapter
from feeds.ap.parse import UPDATE_MARK
from feeds.contests import LegislatureContest
from feeds.errors import FeedDecodeError
from feeds.race import RaceContest
from tests.apnight import NIGHT, candidate, encode, race, response, trend_table

NOW = datetime(2028, 11, 8, 4, 0, tzinfo=UTC)


def full(races: list[dict[str, Any]], **options: Any) -> RawDocument:
    return RawDocument("/v2/elections/2028-11-07", encode(response(races, link="/x", **options)))


def update(races: list[dict[str, Any]], **options: Any) -> RawDocument:
    body = encode(response(races, link="/x?minDateTime=1", truncated=False, **options))
    return RawDocument("/v2/elections/2028-11-07" + UPDATE_MARK, body)


def read(adapter: ApAdapter, *documents: RawDocument) -> Reading:
    reading = adapter.read(documents, NOW)
    adapter.accept(reading)
    return reading


def races_of(reading: Reading) -> dict[str, RaceContest]:
    assert reading.feed is not None
    return {c.title: c for c in reading.feed.contests if isinstance(c, RaceContest)}


def night_start() -> ApAdapter:
    adapter = ApAdapter()
    read(adapter, full(NIGHT[0]))
    return adapter


def test_a_full_response_becomes_one_race_contest_each_with_the_electoral_college_first() -> None:
    reading = read(ApAdapter(), full(NIGHT[0]))
    assert reading.feed is not None
    contests = reading.feed.contests
    college = contests[0]
    assert isinstance(college, LegislatureContest)
    assert (college.id, college.total, college.majority, college.unit) == (
        "electoral-college",
        538,
        270,
        "electoral votes",
    )
    assert {p.code: p.seats for p in college.parties} == {"GOP": 3, "Dem": 0}
    titles = [c.title for c in contests[1:]]
    assert titles == [
        "AZ President",
        "NV President",
        "WY President",
        "KS U.S. Senate",
        "NV Question: 2 - Water Rights",
    ]
    measure = races_of(reading)["NV Question: 2 - Water Rights"]
    assert measure.measure and [c.party for c in measure.candidates] == [None, None]
    assert reading.feed.sequence == 1 and reading.problems == ()


def test_updates_merge_into_the_races_held_and_publish_the_whole_night() -> None:
    adapter = night_start()
    reading = read(adapter, update(NIGHT[1]))
    races = races_of(reading)
    assert len(races) == 5  # the update named four races; the fifth is still there
    nv = races["NV President"]
    assert nv.leader is not None and nv.leader.name == "Ada Quill" and not nv.called
    assert nv.reporting.expected_vote == 44 and nv.percent_reported == 44
    assert races["KS U.S. Senate"].reporting.precincts == 120
    assert races["WY President"].called
    college = reading.feed.contests[0] if reading.feed else None
    assert isinstance(college, LegislatureContest)
    leading = {p.code: p.leading for p in college.parties}
    assert leading == {"Dem": 6, "GOP": 11 + 0}  # NV leans Dem; AZ GOP by 600 votes


def test_a_call_is_timed_kept_and_a_retraction_is_named() -> None:
    adapter = night_start()
    read(adapter, update(NIGHT[1]))
    called = races_of(read(adapter, update(NIGHT[2])))
    senate = called["KS U.S. Senate"]
    assert senate.called and senate.called_at is not None
    retracted = read(adapter, update(NIGHT[3]))
    senate = races_of(retracted)["KS U.S. Senate"]
    assert not senate.called and senate.called_at is None
    assert any(
        "KS U.S. Senate: AP retracted its call (Dale Okafor" in w for w in retracted.warnings
    )


def test_nothing_changed_is_no_feed_but_a_reading() -> None:
    adapter = night_start()
    link_only = RawDocument("/v2/elections/2028-11-07" + UPDATE_MARK, b'{"nextrequest": "/x"}')
    reading = read(adapter, link_only)
    assert reading.feed is None and reading.problems == ()
    assert adapter.state.sequence == 1


def test_read_changes_nothing_until_accepted() -> None:
    adapter = night_start()
    before = copy.deepcopy(adapter.state)
    reading = adapter.read([update(NIGHT[1])], NOW)
    assert reading.feed is not None
    assert adapter.state == before
    again = adapter.read([update(NIGHT[1])], NOW)
    assert again.feed is not None and again.feed.sequence == reading.feed.sequence


def test_truncated_pages_read_together_make_one_feed() -> None:
    adapter = night_start()
    first = RawDocument(
        "p" + UPDATE_MARK, encode(response(NIGHT[1][:2], link="/n", truncated=True))
    )
    second = RawDocument(
        "p" + UPDATE_MARK + " page 2", encode(response(NIGHT[1][2:], link="/m", truncated=False))
    )
    reading = read(adapter, first, second)
    assert reading.feed is not None and reading.feed.sequence == 2
    races = races_of(reading)
    assert races["KS U.S. Senate"].reporting.precincts == 120
    assert races["AZ President"].reporting.precincts == 150


def kansas(votes: tuple[Any, Any], **options: Any) -> dict[str, Any]:
    people = [
        candidate("7001", "Cora Lindqvist", "Dem", 0, winner=options.pop("first", None)),
        candidate("7002", "Dale Okafor", "GOP", 0, winner=options.pop("second", None)),
    ]
    people[0]["voteCount"], people[1]["voteCount"] = votes
    return race("3100", "KS", "S", "U.S. Senate", people, **options)


@pytest.mark.parametrize(
    ("bad", "named"),
    [
        (kansas((100, 200), first="X", second="X"), "winner flag on 2 candidates"),
        (kansas(("100", 200)), "voteCount is '100', where AP sends a number"),
        (kansas((100, 200), precincts=(400, 300)), "precinctsReportingPct is 133.3333, more than"),
        (kansas((-5, 200)), "voteCount is -5"),
    ],
)
def test_a_bad_race_keeps_its_last_good_figures_and_stands_as_a_problem(
    bad: dict[str, Any], named: str
) -> None:
    adapter = night_start()
    read(adapter, update([kansas((1000, 2000), precincts=(10, 300))]))
    reading = read(adapter, update([bad, NIGHT[1][0]]))
    assert len(reading.problems) == 1
    assert "KS U.S. Senate (race 3100)" in reading.problems[0] and named in reading.problems[0]
    races = races_of(reading)
    assert [c.votes for c in races["KS U.S. Senate"].candidates] == [1000, 2000]
    assert races["NV President"].reporting.precincts == 180  # the rest of the poll went in
    # The problem stands through an answer where nothing changed, and clears when it is fixed.
    quiet = read(adapter, RawDocument("q" + UPDATE_MARK, b'{"nextrequest": "/y"}'))
    assert quiet.problems == reading.problems
    fixed = read(adapter, update([kansas((1500, 2100), precincts=(20, 300))]))
    assert fixed.problems == ()


def test_votes_that_go_down_are_taken_as_a_correction_and_named() -> None:
    adapter = night_start()
    read(adapter, update([kansas((1000, 2000))]))
    reading = read(adapter, update([kansas((900, 2000))]))
    assert [c.votes for c in races_of(reading)["KS U.S. Senate"].candidates] == [900, 2000]
    assert reading.warnings == (
        "KS U.S. Senate: Cora Lindqvist's votes went down 1,000 → 900 (an AP correction)",
    )


def test_an_update_for_a_race_never_seen_whole_waits_for_it() -> None:
    adapter = night_start()
    counties_only = kansas((5, 5), counties=2)
    counties_only["raceID"] = "3999"
    counties_only["reportingUnits"] = counties_only["reportingUnits"][1:]
    reading = read(adapter, update([counties_only]))
    assert reading.feed is None
    assert reading.problems == (
        "KS U.S. Senate (race 3999): an update for a race never seen whole (no statewide "
        "totals); waiting for its full figures",
    )


def test_a_race_missing_from_a_full_response_stays_and_is_named() -> None:
    adapter = night_start()
    reading = read(adapter, full(NIGHT[0][1:], timestamp="2028-11-07T23:05:00.000Z"))
    assert reading.problems == (
        "WY President (race 0) is missing from AP's full response; its last figures stay",
    )
    assert "WY President" in races_of(adapter.read([full(NIGHT[1])], NOW))
    back = read(adapter, full(NIGHT[0]))
    assert back.problems == ()


def test_a_precincts_percentage_on_the_wrong_scale_is_named_and_the_counts_shown() -> None:
    adapter = night_start()
    wrong = kansas((10, 20), precincts=(150, 300))
    wrong["reportingUnits"][0]["precinctsReportingPct"] = 0.5
    reading = read(adapter, update([wrong]))
    assert races_of(reading)["KS U.S. Senate"].percent_reported == 50.0
    assert any("precinctsReportingPct 0.5 is a 0–1 fraction" in w for w in reading.warnings)


def test_an_eevp_on_the_wrong_scale_keeps_the_last_good_value() -> None:
    adapter = night_start()
    read(adapter, update([kansas((10, 20), precincts=(150, 300), eevp=48)]))
    reading = read(adapter, update([kansas((12, 20), precincts=(160, 300), eevp=0.52)]))
    assert races_of(reading)["KS U.S. Senate"].reporting.expected_vote == 48
    assert any("eevp 0.52 looks like a 0–1 fraction" in w for w in reading.warnings)


def test_test_data_sets_the_feeds_test_flag() -> None:
    reading = read(ApAdapter(), full(NIGHT[0], results_type="t"))
    assert reading.feed is not None and reading.feed.test
    flagged = copy.deepcopy(NIGHT[0])
    flagged[0]["test"] = True
    reading = read(ApAdapter(), full(flagged))
    assert reading.feed is not None and reading.feed.test


def test_a_trend_table_is_a_balance_of_power_with_won_and_leading_apart() -> None:
    table = trend_table(
        "U.S. Senate", "S", {"Dem": ("20", "4", "28", "+1"), "GOP": ("18", "3", "27", "-1")}
    )
    adapter = night_start()
    reading = read(adapter, RawDocument("trend", encode(table)))
    assert reading.feed is not None
    senate = reading.feed.contest("bop-senate")
    assert isinstance(senate, LegislatureContest)
    assert [(p.code, p.seats, p.leading, p.seats_change) for p in senate.parties] == [
        ("Dem", 48, 4, 1),
        ("GOP", 45, 3, -1),
    ]
    assert (senate.total, senate.majority) == (100, 51)
    bad = trend_table("U.S. Senate", "S", {"Dem": ("twenty", "4", "28", "+1")})
    reading = read(adapter, RawDocument("trend", encode(bad)))
    assert reading.problems == ("U.S. Senate trend table, Dem: Won is 'twenty', not a number",)
    assert reading.feed is None  # the last good table stays


@pytest.mark.parametrize("body", [b"<html>", b"[]", b'{"hello": 1}', b'{"races": "many"}', b""])
def test_what_is_not_an_ap_response_fails_the_poll(body: bytes) -> None:
    with pytest.raises(FeedDecodeError):
        ApAdapter().read([RawDocument("x", body)], NOW)


def test_a_first_response_with_no_races_fails_the_poll_naming_the_filters() -> None:
    with pytest.raises(FeedDecodeError, match="AP sent no races"):
        ApAdapter().read([full([])], NOW)
