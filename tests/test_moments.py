"""Key moments (`board/moments.py`), the unfreeze summary (`board/summary.py`) and the ticker's
ages (`board/ticker_age.py`): pure functions of one or two documents."""

from __future__ import annotations

import copy
from datetime import UTC, datetime, timedelta
from typing import Any

from board.moments import moment_lines, moments
from board.plain import render_snapshot
from board.summary import NOTHING, freeze_summary
from feeds.models import Feed
from sample_feeds.factory import councils, declaration, document, mayor, party
from tests.deskkit import assembly, night, seat


def feed(doc: dict[str, Any]) -> Feed:
    return Feed.model_validate(doc)


def words(doc: dict[str, Any]) -> list[str]:
    return [f"{m.time()} {m.words}" for m in moments(feed(doc))]


def test_first_declaration_and_each_change_newest_first() -> None:
    assert words(night()) == [
        "03:12 Dudley · LAB lose to NOC",
        "00:10 First declaration: Birmingham · LAB hold",
    ]


def test_a_party_reaches_the_majority_line_at_the_seat_that_gave_it() -> None:
    declared = [
        seat("Aberfall", "01:00", "LAB", "LAB"),
        seat("Brynmôr", "01:10", "PC", "LAB"),
        seat("Caer Wen", "01:20", "LAB", "CON"),
        seat("Dolgarth", "01:30", "LAB", "LAB"),
        seat("Ynys Fach", "01:40", "LAB", "LAB"),
    ]
    found = words(document(assembly(*declared)))
    assert "01:30 LAB reach the majority line (3 of 5 seats needed)" in found
    assert found[0] == "01:40 Count complete: 5 of 5 seats"
    assert sum("majority" in line for line in found) == 1  # once, not at every seat after


def test_seats_without_declarations_are_stamped_by_when_first_shown() -> None:
    doc = document(assembly(), published_at="2016-05-06T04:00:00+01:00")
    doc["contests"][0]["parties"][0]["seats"] = 3
    doc["contests"][0]["reported"] = 3
    found = moments(feed(doc))
    assert [m.time() for m in found] == ["by 04:00"]
    assert found[0].words == "LAB reach the majority line: 3 seats (3 of 5 seats needed)"
    first_seen = datetime(2016, 5, 6, 2, 0, tzinfo=UTC)
    assert moments(feed(doc), {found[0].key: first_seen})[0].at == first_seen


def test_a_mayor_elected_and_the_count_complete() -> None:
    london = mayor(declarations=[declaration("London", "00:21", "LAB", "CON")])
    found = words(document(london))
    assert "00:21 Sadiq Khan (LAB) elected" in found
    assert "by 10:30 Count complete: 14 of 14 areas" in found


def test_lines_name_the_contest_and_the_day_only_where_needed() -> None:
    one = moment_lines(moments(feed(night())))
    assert [line.contest for line in one] == ["", ""]
    late = seat("Aberfall", "23:50", "CON", "LAB")
    late["declared_at"] = "2016-05-05T23:50:00+01:00"  # the evening before
    both = moment_lines(moments(feed(night(late))))
    assert both[-1].time == "Thu 23:50" and both[-1].contest == "Invented Assembly"
    assert both[0].time == "Fri 03:12" and both[0].contest == "English councils"


def test_snapshot_prints_the_key_moments_newest_first() -> None:
    text = render_snapshot(feed(night()), moments=5)
    assert text.endswith(
        "Key moments\n03:12  Dudley · LAB lose to NOC\n"
        "00:10  First declaration: Birmingham · LAB hold\n"
    )
    assert "Key moments" not in render_snapshot(feed(night()), moments=0)


# -- the unfreeze summary -------------------------------------------------------------------


def england(reported: int, lab: int, noc: int, *declared: dict[str, Any]) -> dict[str, Any]:
    """Councils where Labour's net change is `lab` and no overall control's `noc`; the
    tallies grow with `reported` (what is said is the change, not the tally)."""
    parties = [
        party("LAB", "Labour", reported // 2, 100, councils_change=lab),
        party("CON", "Conservative", reported - reported // 2 - 2, 90, councils_change=-lab - noc),
    ]
    return councils(
        reported=reported,
        parties=parties,
        no_overall_control={"councils": 2, "councils_change": noc},
        declarations=list(declared),
    )


def test_the_summary_a_producer_can_read_on_air() -> None:
    before = document(england(80, 0, 0))
    changes = [declaration(f"Council {n}", "04:00", "LAB", "LAB") for n in range(9)]
    changes += [
        declaration("Dudley", "04:10", "NOC", "LAB"),
        declaration("Hart", "04:20", "CON", "NOC"),
    ]
    after = document(england(91, -1, 1, *changes))
    assert freeze_summary(feed(before), feed(after)) == (
        "11 councils declared · LAB −1 council · NOC +1 · 2 control changes"
    )
    assert freeze_summary(feed(before), feed(before)) == NOTHING


def test_a_night_of_several_contests_names_each_that_changed() -> None:
    before = night()
    after = night(seat("Aberfall", "01:00", "PC", "LAB"), seat("Brynmôr", "01:10", "PC", "PC"))
    for row, change in zip(after["contests"][1]["parties"], (-1, 0, 1), strict=True):
        row["seats_change"] = change  # LAB, CON, PC: Plaid's gain from Labour
    assert freeze_summary(feed(before), feed(after)) == (
        "Invented Assembly: 2 seats declared · LAB −1 seat · PC +1 seat · 1 control change"
    )


def test_the_shorter_forms_tell_the_contests_apart() -> None:
    """At 80 columns the summary read "15 seats declared · 2 seats declared": two bare figures
    nobody could tell apart on air. Shorter forms name each contest by a word, then sum."""
    from board.summary import summary_forms

    before = night()
    after = night(seat("Aberfall", "01:00", "PC", "LAB"), seat("Brynmôr", "01:10", "PC", "PC"))
    after["contests"][0]["reported"] += 3  # and three councils in England
    for contest in (before, after):
        contest["contests"].append(copy.deepcopy(contest["contests"][1]))
        contest["contests"][2].update(id="scotland", title="Scottish Parliament", total=129)
    after["contests"][2]["reported"] += 4  # 2 + 4 more seats in Scotland
    forms = summary_forms(feed(before), feed(after))
    assert forms[-2] == (
        "While frozen: English 3 councils · Invented 2 seats · Scottish 6 seats · 2 control changes"
    )
    assert forms[-1] == "While frozen: 3 councils declared · 8 seats declared · 2 control changes"
    assert all(form.count("seats declared") <= 1 for form in forms[-2:])


# -- the ticker's ages ----------------------------------------------------------------------


def test_ticker_items_fade_then_leave_by_the_nights_clock() -> None:
    from board.state import BoardState
    from board.ticker_age import age, night_clock, ticker_ages
    from feeds import Changed, Snapshot

    night_time = datetime(2016, 5, 6, 10, 30, tzinfo=UTC)
    max_age = timedelta(minutes=30)
    assert age(night_time - timedelta(minutes=30), night_time, max_age) == "fresh"
    assert age(night_time - timedelta(minutes=31), night_time, max_age) == "faded"
    assert age(night_time - timedelta(minutes=61), night_time, max_age) == "gone"
    assert age(night_time - timedelta(days=9), night_time, None) == "fresh"

    doc = document(published_at="2016-05-06T10:30:00Z")
    doc["updates"] = [
        {"id": "old", "published_at": "2016-05-06T09:00:00Z", "kind": "update",
         "text": "Results will not be revealed until later today"},
        {"id": "faded", "published_at": "2016-05-06T09:50:00Z", "kind": "update", "text": "b"},
        {"id": "new", "published_at": "2016-05-06T10:20:00Z", "kind": "update", "text": "c"},
    ]  # fmt: skip
    shown = feed(doc)
    ages = ticker_ages(shown.updates, shown.published_at, max_age)
    assert [(update.id, faded) for update, faded in ages] == [("new", False), ("faded", True)]

    # By the feed's clock in every mode: a night of 2016 served live again (serve-feed) ages
    # by its own hours, not by today's date; only a feed that gives no time ages by now.
    today = datetime(2026, 11, 27, 21, 0, tzinfo=UTC)
    received = feed(doc | {"format": "results-board/1.1", "time_basis": "received"})
    for mode, shown_feed, expected in (
        ("replay", shown, shown.published_at),
        ("live", shown, shown.published_at),
        ("live", received, today),
    ):
        state = BoardState.start(mode=mode, source="x", interval=5)  # type: ignore[arg-type]
        state = state.apply_outcome(Changed(Snapshot(shown_feed, today)), today)
        assert night_clock(state, today) == expected


def test_a_time_the_board_received_rather_than_the_publisher_gave_is_said_as_by() -> None:
    doc = night()
    doc["contests"][0]["declarations"][1]["time_basis"] = "received"  # Dudley, from a PA file
    assert words(doc)[0] == "by 03:12 Dudley · LAB lose to NOC"
