"""Tests for the feed models and contests: derived values, warnings, immutability."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from pydantic import ValidationError

from feeds import (
    NOC,
    CouncilsContest,
    Declaration,
    Feed,
    LegislatureContest,
    MayorContest,
    UnsupportedContest,
)
from feeds.contests import latest_first
from sample_feeds.factory import party, small_councils, small_document

NOW = datetime(2016, 5, 6, 10, 0, tzinfo=UTC)


def _declaration(control: str, previous: str, area: str = "Dudley", **extra: Any) -> Declaration:
    return Declaration.model_validate(
        {
            "area": area,
            "declared_at": "2016-05-06T03:40:00+01:00",
            "control": control,
            "previous_control": previous,
            **extra,
        }
    )


@pytest.mark.parametrize(
    ("control", "previous", "wording", "changed"),
    [
        ("LAB", "LAB", "LAB hold", False),
        ("CON", "LAB", "CON gain from LAB", True),
        (NOC, "LAB", "LAB lose to NOC", True),
        ("LD", NOC, "LD gain from NOC", True),
        (NOC, NOC, "NOC, no change", False),
    ],
)
def test_declaration_wording(control: str, previous: str, wording: str, changed: bool) -> None:
    declaration = _declaration(control, previous)
    assert declaration.wording == wording
    assert declaration.changed_hands is changed


def test_valid_document_builds_every_part() -> None:
    feed = Feed.model_validate(small_document())
    contest = feed.contests[0]
    assert isinstance(contest, CouncilsContest)
    assert [p.code for p in contest.parties] == ["LAB", "CON", "LD", "UKIP"]
    assert contest.parties[0].colour == "#dc241f"
    assert contest.no_overall_control.councils == 1
    assert contest.percent_reported == pytest.approx(30.0)
    assert feed.updates[0].speaker == "Jeremy Corbyn"
    assert feed.contest("england") is contest
    assert feed.contest("wales") is None


def test_consistent_document_has_no_warnings() -> None:
    assert Feed.model_validate(small_document()).warnings(NOW) == []


def test_councils_not_adding_up_is_a_warning() -> None:
    feed = Feed.model_validate(small_document(contests=[small_councils(reported=4)]))
    assert feed.warnings(NOW) == [
        "contests[0] (england): councils of parties and NOC add up to 3, not reported (4)"
    ]


def test_seat_changes_not_summing_to_zero_is_a_warning() -> None:
    parties = [
        party("LAB", "Labour", 2, 40, seats_change=-28),
        party("CON", "Con", 0, 5, seats_change=5),
    ]
    feed = Feed.model_validate(small_document(contests=[small_councils(parties=parties)]))
    assert feed.warnings(NOW) == [
        "contests[0] (england): seat changes add up to -23, not 0"
        ": the seats up changed (new boundaries), or parties are missing"
    ]


def test_future_published_at_is_a_warning_past_the_tolerance() -> None:
    feed = Feed.model_validate(small_document())
    published = feed.published_at
    assert feed.warnings(published - timedelta(minutes=1)) == []
    [warning] = feed.warnings(published - timedelta(minutes=10))
    assert "in the future" in warning


def test_unsupported_contest_is_kept_with_a_warning() -> None:
    extra = {"kind": "referendum", "id": "eu", "title": "EU referendum", "yes": 1}
    feed = Feed.model_validate(small_document(contests=[small_councils(), extra]))
    contest = feed.contests[1]
    assert isinstance(contest, UnsupportedContest)
    assert contest.kind == "referendum"
    assert contest.percent_reported == 0.0
    assert any("'referendum'" in w for w in feed.warnings(NOW))


def test_legislature_and_mayor_contests() -> None:
    legislature = {
        "kind": "legislature",
        "id": "wales",
        "title": "Welsh Assembly",
        "total": 60,
        "reported": 30,
        "majority": 31,
        "parties": [{"code": "LAB", "name": "Labour", "seats": 70, "share": 35.5}],
    }
    mayor = {
        "kind": "mayor",
        "id": "london",
        "title": "London mayor",
        "candidates": [
            {"name": "Sadiq Khan", "party": "LAB", "votes": 1148716, "elected": True},
            {"name": "Zac Goldsmith", "party": "CON", "votes": 909755},
        ],
    }
    feed = Feed.model_validate(small_document(contests=[legislature, mayor]))
    wales, london = feed.contests
    assert isinstance(wales, LegislatureContest)
    assert wales.percent_reported == 50.0
    assert wales.warnings() == ["parties hold 70 seats, more than the 60 in the chamber"]
    assert isinstance(london, MayorContest)
    assert london.round == 1
    assert london.percent_reported == 100.0


def test_models_are_frozen() -> None:
    feed = Feed.model_validate(small_document())
    with pytest.raises(ValidationError):
        feed.sequence = 8  # type: ignore[misc]
    with pytest.raises(ValidationError):
        feed.contests[0].title = "x"  # type: ignore[misc]
    assert isinstance(feed.contests, tuple)


def test_text_is_sanitised_in_every_field() -> None:
    doc = small_document(title="Results\x1b]0;pwned\x07 live")
    doc["updates"][0]["speaker"] = "Jeremy\u202e Corbyn"
    doc["contests"][0]["parties"][0]["name"] = "Lab\x00our"
    feed = Feed.model_validate(doc)
    assert feed.title == "Results]0;pwned live"
    assert feed.updates[0].speaker == "Jeremy Corbyn"
    contest = feed.contests[0]
    assert isinstance(contest, CouncilsContest)
    assert contest.parties[0].name == "Labour"


def test_latest_first_orders_declarations_newest_first() -> None:
    early = _declaration("LAB", "LAB", area="Birmingham")
    late = Declaration.model_validate(
        {**early.model_dump(), "area": "Walsall", "declared_at": "2016-05-06T05:00:00+01:00"}
    )
    assert [d.area for d in latest_first([early, late])] == ["Walsall", "Birmingham"]
