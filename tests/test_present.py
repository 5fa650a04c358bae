"""Tests of the presentation (`board.present`): the one place a contest becomes rows and words.

The screen and `snapshot` both use these, so an order, a share or a counter
word is tested once here; the widgets' tests check only that they draw what
they are given.
"""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest

from board.present import (
    SORTS,
    candidate_lines,
    counter_of,
    declarations_empty,
    notes,
    party_lines,
    sort_lines,
)
from feeds.contests import CouncilsContest, LegislatureContest, MayorContest
from feeds.models import Feed
from feeds.recording import read_recording
from sample_feeds import default_recording
from widgets.views import PartyLine

FINAL: dict[str, Any] = json.loads(read_recording(default_recording())[-1])
"""The bundled night's last document: every kind of contest."""


def contest(contest_id: str, **changes: Any) -> Any:
    """A contest of the bundled night's final document, with `changes` to its fields."""
    doc = copy.deepcopy(FINAL)
    raw = next(c for c in doc["contests"] if c["id"] == contest_id)
    raw.update(changes)
    return Feed.model_validate(doc).contest(contest_id)


def keys(lines: list[PartyLine]) -> list[str]:
    return [line.key for line in lines]


def test_councils_sorts_each_keep_noc_last() -> None:
    england = contest("england")
    assert isinstance(england, CouncilsContest)
    assert SORTS["councils"] == ("councils", "seats", "seats_change", "name")
    by_councils = keys(party_lines(england))
    assert by_councils[:3] == ["LAB", "CON", "LD"] and by_councils[-1] == "NOC"
    assert keys(party_lines(england, "seats"))[:4] == ["LAB", "CON", "LD", "IND"]
    assert keys(party_lines(england, "seats_change"))[:3] == ["UKIP", "LD", "CON"]
    names = keys(party_lines(england, "name"))
    assert names[:3] == ["CON", "GRN", "IND"] and names[-1] == "NOC"
    assert keys(party_lines(england, "share")) == by_councils  # not a councils sort: the default


def test_legislature_sorts_are_its_own() -> None:
    scotland = contest("scotland")
    assert isinstance(scotland, LegislatureContest)
    assert SORTS["legislature"] == ("seats", "seats_change", "share", "name")
    assert keys(party_lines(scotland))[:3] == ["SNP", "CON", "LAB"]
    shares = [line.share or 0 for line in party_lines(scotland, "share")]
    assert shares == sorted(shares, reverse=True) and shares[0] > 0
    assert keys(party_lines(scotland, "councils"))[:3] == ["SNP", "CON", "LAB"]  # the default


def test_sort_lines_missing_figures_last_and_ties_by_name() -> None:
    lines = [
        PartyLine("B", "Beta", seats=3),
        PartyLine("N", "None", seats=None),
        PartyLine("A", "alpha", seats=3),
        PartyLine("P", "Pinned", seats=99, pinned_last=True),
    ]
    assert keys(sort_lines(lines, "seats")) == ["A", "B", "N", "P"]


def test_counter_words_come_from_one_place() -> None:
    england = counter_of(contest("england"))
    assert england is not None
    assert (england.text, england.words, england.line) == (
        "96 of 124 councils reported",
        "96 of 124 councils · 77%",
        "96 of 124 councils reported (77%)",
    )
    assert england.view.words == england.words and england.view.total == 124
    wales = counter_of(contest("wales"))
    assert wales is not None and wales.words == "60 of 60 seats · 100%"
    assert counter_of(contest("london", total=None, reported=None)) is None


def test_a_missing_mayoral_share_is_worked_out_once_for_screen_and_snapshot() -> None:
    first = copy.deepcopy(FINAL["contests"][3]["candidates"])
    for candidate in first:
        candidate.pop("share", None)
        candidate.pop("eliminated", None)
        candidate.pop("elected", None)
    london = contest("london", round=1, candidates=first)
    assert isinstance(london, MayorContest)
    lines = candidate_lines(london)
    assert [line.key for line in lines][:2] == ["Sadiq Khan", "Zac Goldsmith"]
    assert sum(line.share or 0 for line in lines) == pytest.approx(100.0)
    final = candidate_lines(contest("london"))
    berry = next(line for line in final if line.key == "Sian Berry")
    assert berry.eliminated and berry.share is None  # a first-round share is not the final's


def test_no_declarations_is_worded_by_what_the_counter_says() -> None:
    assert declarations_empty(contest("scotland")) == (
        "The feed lists no declarations for this contest"
    )
    assert declarations_empty(contest("scotland", reported=0)) == "No declarations yet"


def test_notes_explain_what_would_look_like_a_contradiction() -> None:
    assert notes(contest("scotland")) == []
    [short] = notes(contest("scotland", reported=128))
    assert short == "parties hold 129 seats, but 128 are reported"
    [net] = notes(contest("england"))
    assert net.startswith("seat changes add up to +3, not 0: the seats up changed")


def test_snapshot_says_test_data_first_and_explains_the_final_round() -> None:
    from board.plain import render_snapshot

    doc = copy.deepcopy(FINAL)
    doc["test"] = True
    text = render_snapshot(Feed.model_validate(doc), declarations=0)
    lines = text.splitlines()
    assert lines[0] == "TEST DATA — not live results"
    assert lines[1] == FINAL["title"]
    assert "(eliminated: 1st-round votes)" in lines
    assert "Note: seat changes add up to +3, not 0: the seats up changed" in text
    doc["test"] = False
    assert not render_snapshot(Feed.model_validate(doc)).startswith("TEST")
