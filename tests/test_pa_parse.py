"""Unit tests of PA XML: safe parsing, attribute values, file names, each message type."""

from __future__ import annotations

import time

import pytest

from feeds.pa import PaXmlError, UnknownMessage, parse_name, parse_xml, read_message
from feeds.pa import messages as m
from feeds.pa.xml import count, percent, signed
from sample_feeds import pa_write
from tests import pakit


def message(body: bytes) -> m.Message | None:
    return read_message(parse_xml(body))


def test_an_entity_bomb_is_refused_quickly_and_named() -> None:
    started = time.monotonic()
    with pytest.raises(PaXmlError, match="entity bomb"):
        parse_xml(pakit.BOMB)
    assert time.monotonic() - started < 1  # refused, not expanded


def test_an_external_entity_is_refused_and_nothing_is_fetched() -> None:
    with pytest.raises(PaXmlError, match="external entity reference refused") as refused:
        parse_xml(pakit.EXTERNAL)
    assert "passwd" not in str(refused.value)
    with pytest.raises(PaXmlError, match="DTD refused"):
        parse_xml(b'<!DOCTYPE x SYSTEM "http://127.0.0.1:9/x.dtd"><LocalStateOfParties/>')


@pytest.mark.parametrize(
    ("body", "words"),
    [
        (pakit.CUT_OFF, "cut off"),
        (b"", "empty file"),
        (pakit.MALFORMED, "malformed XML (mismatched tag) at line 2"),
    ],
)
def test_broken_files_are_named(body: bytes, words: str) -> None:
    with pytest.raises(PaXmlError) as refused:
        parse_xml(body)
    assert words in str(refused.value)


def test_values_are_strings_signed_and_absent_means_zero() -> None:
    element = parse_xml(b'<P a="+7" b="-2" c="36.98" d="+7.99" e=""/>')
    assert (signed(element, "a"), signed(element, "b"), signed(element, "gone")) == (7, -2, 0)
    assert (count(element, "a"), count(element, "e")) == (7, 0)
    assert (percent(element, "c"), percent(element, "d"), percent(element, "gone")) == (
        36.98,
        7.99,
        None,
    )
    with pytest.raises(ValueError, match="negative"):
        count(element, "b")
    with pytest.raises(ValueError, match="not a number"):
        percent(parse_xml(b'<P x="nan"/>'), "x")


@pytest.mark.parametrize(
    ("name", "kind", "revision", "test", "key"),
    [
        ("Local_Test_result_Aldwick_2.xml", "result", 2, True, "local_test_result_aldwick"),
        ("Local_result_Aldwick_12.xml", "result", 12, False, "local_result_aldwick"),
        ("Test_General_Election_SOP_650.xml", "state of parties", 650, True,
         "test_general_election_sop"),
        ("Snap_General_Election_result_Ayr_and_Carrick_1.xml", "result", 1, False,
         "snap_general_election_result_ayr_and_carrick"),
        ("EU_recount_Boston_2.xml", "recount", 2, False, "eu_recount_boston"),
        ("Local_nominations_Aldwick.xml", "nominations", 0, False, "local_nominations_aldwick"),
        ("results/Invented_rush_Northfold_3.XML", "rush", 3, False, "invented_rush_northfold"),
    ],
)  # fmt: skip
def test_file_names_say_kind_key_revision_and_test(
    name: str, kind: str, revision: int, test: bool, key: str
) -> None:
    parsed = parse_name(name)
    assert parsed is not None
    assert (parsed.kind, parsed.revision, parsed.test, parsed.key) == (kind, revision, test, key)


@pytest.mark.parametrize("name", [".timestamp", ".Local_result_A_1.xml.part", "notes.txt"])
def test_hidden_and_other_files_are_not_pa_files(name: str) -> None:
    assert parse_name(name) is None


def test_local_result() -> None:
    result = message(pakit.brackenford())
    assert isinstance(result, m.LocalResult)
    assert (result.council, result.winning, result.sitting) == ("Brackenford", "NOC", "C")
    assert result.gain_or_hold == "lose to noc" and result.proportion == "all"
    assert m.PartySeats("UKIP", -1) in result.changes
    assert sum(p.seats for p in result.new_council) == 45


def test_local_state_of_parties_splits_out_no_overall_control() -> None:
    sop = message(pakit.local_sop())
    assert isinstance(sop, m.LocalStateOfParties)
    assert (sop.region, sop.reported, sop.total) == ("All", 2, 5)
    assert [p.code for p in sop.parties] == ["Lab Co-op", "C", "Green"]
    assert sop.noc == m.LocalParty("NOC", "No Overall Control", 1, 1, 0, 0)
    assert sop.parties[1].councils_change == -1 and sop.parties[1].seats_change == -3


def test_fptp_result_and_rush() -> None:
    result = message(pakit.seat_result())
    assert isinstance(result, m.FptpResult)
    assert (result.majority, result.votes, result.turnout, result.electorate) == (
        6000, 43300, 61.9, 70000)  # fmt: skip
    assert result.declared_at is not None and result.declared_at.utcoffset() is not None
    assert [c.elected for c in result.candidates] == [True, False, False, False]
    rush = message(pakit.seat_rush())
    assert isinstance(rush, m.FptpRush)
    assert (rush.winning, rush.sitting, rush.message) == (
        "Lab",
        "C",
        "Lab gain from C in Northfold",
    )
    assert all(c.votes == 0 for c in rush.candidates)


def test_fptp_state_of_parties_with_forecast_and_absent_zeros() -> None:
    sop = message(pakit.ge_sop())
    assert isinstance(sop, m.FptpStateOfParties)
    lab, con, coop = sop.parties
    assert (lab.gains, lab.losses, con.gains, con.losses) == (2, 0, 0, 2)
    assert (lab.share_change, con.share_change, coop.seats) == (7.99, -3.87, 0)
    assert lab.forecast_seats == 330 and sop.forecast == "Lab"
    assert sop.note == "An invented note about the count"


def test_recount_and_top_up_messages() -> None:
    recount = message(pa_write.recount(pakit.GE, "Northfold", count=2, revision=2))
    assert recount == m.Recount(election=pakit.GE, area="Northfold", recount=2, revision=2)
    result = message(pakit.list_result())
    assert isinstance(result, m.TopUpResult)
    assert [c.list_rank for c in result.elected] == [1, 1, 2]
    assert result.winning == "C" and result.parties[0].votes == 9000
    rush = message(pakit.list_rush())
    assert isinstance(rush, m.TopUpRush) and len(rush.elected) == 3


def test_unknown_message_types_are_named() -> None:
    with pytest.raises(UnknownMessage, match="ReferendumRunningTotals"):
        message(pakit.UNKNOWN)
    with pytest.raises(ValueError, match="<FirstPastThePostNominations> has no <Election>"):
        message(b'<FirstPastThePostNominations revision="1"/>')


def test_nominations_of_every_kind_give_the_area_and_who_stands() -> None:
    council = message(pakit.council_nominations("Coldmere", revision=2))
    standing = (("Lab Co-op", "Labour and Co-operative"), ("C", "Conservative"),
                ("Green", "Green Party"))  # fmt: skip
    assert council == m.Nominations(
        election="Local elections",
        election_type="",
        area="Coldmere",
        system="local",
        parties=standing,
        candidates=(),
        revision=2,
    )
    seat = message(pakit.seat_nominations("Eastmere"))
    assert isinstance(seat, m.Nominations) and (seat.system, seat.area) == ("fptp", "Eastmere")
    assert seat.election == pakit.GE  # each party once, as (abbreviation, name):
    assert seat.parties == (("Lab", "Labour"), ("C", "Conservative"), ("Ind", "Independent"))
    assert [c.name for c in seat.candidates][:2] == ["Ada Fenwick", "Bill Harrow"]
    region = message(pakit.list_nominations())
    assert isinstance(region, m.Nominations) and region.system == "top-up"
    assert (region.election_type, region.area) == ("S", "Westmarch")
    assert [code for code, _ in region.parties] == ["Green", "C"]
