"""Unit tests of `PaAdapter`: mapping onto Feed 1.1, revisions, standing problems, test data."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from feeds.adapter import RawDocument, Reading
from feeds.contests import CouncilsContest, LegislatureContest, MayorContest
from feeds.models import Feed
from feeds.pa import PaAdapter
from sample_feeds import pa_write
from tests import pakit

NOW = datetime(2030, 5, 3, 4, 0, tzinfo=UTC)


def doc(name: str, body: bytes, minutes: int = 0) -> RawDocument:
    return RawDocument(name, body, modified=NOW + timedelta(minutes=minutes))


def read(adapter: PaAdapter, *docs: RawDocument, now: datetime = NOW) -> Reading:
    reading = adapter.read(list(docs), now)
    adapter.accept(reading)
    return reading


def feed_of(reading: Reading) -> Feed:
    assert reading.feed is not None
    return reading.feed


def local_night() -> tuple[PaAdapter, Feed]:
    adapter = PaAdapter()
    reading = read(
        adapter,
        doc("Local_SOP_All_2.xml", pakit.local_sop()),
        doc("Local_result_Aldwick_1.xml", pakit.aldwick(), 1),
        doc("Local_result_Brackenford_1.xml", pakit.brackenford(), 2),
        doc("Local_SOP_East_2.xml", pakit.local_sop(reported=1, region="East")),
    )
    return adapter, feed_of(reading)


def test_local_state_of_parties_is_a_councils_contest_with_noc_as_its_own_row() -> None:
    _, feed = local_night()
    england, east = feed.contests
    assert isinstance(england, CouncilsContest) and isinstance(east, CouncilsContest)
    assert (england.id, england.reported, england.total) == ("councils", 2, 5)
    assert [p.code for p in england.parties] == ["Lab Co-op", "C", "Green"]  # as PA writes them
    assert england.parties[1].councils_change == -1 and england.parties[1].seats_change == -3
    assert england.no_overall_control.councils == 1
    assert east.id == "councils-east" and [d.area for d in east.declarations] == ["Aldwick"]
    assert feed.format == "results-board/1.1" and feed.time_basis == "received"


def test_local_results_are_declarations_with_the_new_council() -> None:
    _, feed = local_night()
    contest = feed.contests[0]
    decl = {d.area: d for d in contest.declarations}
    brack = decl["Brackenford"]
    assert brack.wording == "C lose to NOC" and brack.time_basis == "received"
    assert brack.declared_at == NOW + timedelta(minutes=2)  # the file's arrival
    assert brack.result is not None and brack.result.proportion == "all"
    seats = {p.code: (p.seats, p.seats_change) for p in brack.result.composition}
    assert seats == {"C": (20, -3), "Green": (4, 1), "LD": (21, 3), "UKIP": (0, -1)}
    aldwick = decl["Aldwick"].result
    assert aldwick is not None and (aldwick.seats, aldwick.seats_up) == (42, 14)


def test_without_a_state_of_parties_the_table_is_tallied_and_says_so() -> None:
    reading = read(PaAdapter(), doc("Local_result_Aldwick_1.xml", pakit.aldwick()),
                   doc("Local_result_Brackenford_1.xml", pakit.brackenford()))  # fmt: skip
    contest = feed_of(reading).contests[0]
    assert isinstance(contest, CouncilsContest)
    assert contest.no_overall_control.councils == 1 and contest.reported == 2
    assert {p.code: p.seats for p in contest.parties}["Lab Co-op"] == 10
    assert any("tallied" in w for w in reading.warnings)


def test_fptp_state_of_parties_is_a_legislature_with_derived_majority() -> None:
    feed = feed_of(read(PaAdapter(), doc("Invented_SOP_3.xml", pakit.ge_sop())))
    chamber = feed.contests[0]
    assert isinstance(chamber, LegislatureContest)
    assert (chamber.total, chamber.reported, chamber.majority) == (9, 3, 5)  # more than half
    lab, con, coop = chamber.parties
    assert (lab.seats_change, con.seats_change) == (2, -2)  # gains − losses
    assert (lab.votes, lab.share, con.share_change) == (60000, 48.0, -3.87)
    assert coop.code == "Lab Co-op" and coop.seats == 0
    texts = [u.text for u in feed.updates]
    assert any("PA forecast" in t and "Lab 330" in t for t in texts)
    assert "An invented note about the count" in texts


def test_a_rush_shows_the_winner_at_once_and_the_result_replaces_it() -> None:
    adapter = PaAdapter()
    rush = feed_of(read(adapter, doc("Invented_rush_Northfold_1.xml", pakit.seat_rush())))
    (decl,) = rush.contests[0].declarations
    assert decl.rush and decl.wording == "Lab gain from C" and decl.result is None
    result = feed_of(read(adapter, doc("Invented_result_Northfold_1.xml", pakit.seat_result())))
    (decl,) = result.contests[0].declarations
    assert not decl.rush and decl.time_basis == "source"
    assert decl.result is not None and decl.result.majority == 6000
    assert [c.name for c in decl.result.candidates][-1] == "Di Moss"
    assert decl.result.turnout == 61.9 and decl.result.votes == 43300


def test_mayors_are_mayor_contests() -> None:
    feed = feed_of(read(PaAdapter(), doc("Mayors_result_Eastbay_1.xml",
                                         pakit.seat_result("Eastbay", kind="M"))))  # fmt: skip
    (mayor,) = feed.contests
    assert isinstance(mayor, MayorContest)
    assert mayor.id == "mayor-eastbay" and mayor.candidates[0].elected
    assert mayor.turnout == 61.9


def test_top_up_list_seats_are_added_to_the_legislature() -> None:
    adapter = PaAdapter()
    read(adapter, doc("Invented_Assembly_list_rush_Westmarch_1.xml", pakit.list_rush()))
    feed = feed_of(read(adapter, doc("Invented_Assembly_list_result_Westmarch_1.xml",
                                     pakit.list_result())))  # fmt: skip
    chamber = feed.contests[0]
    assert isinstance(chamber, LegislatureContest)
    assert {p.code: p.seats for p in chamber.parties} == {"C": 2, "Green": 1}
    (decl,) = chamber.declarations
    assert not decl.rush and decl.note is not None and "Gus Lister (C)" in decl.note


def test_recounts_go_to_the_ticker() -> None:
    body = pa_write.recount(pakit.GE, "Northfold", count=2)
    reading = read(PaAdapter(), doc("Invented_SOP_3.xml", pakit.ge_sop()),
                   doc("Invented_recount_Northfold_1.xml", body))  # fmt: skip
    assert any("Recount in Northfold (recount 2)" in u.text for u in feed_of(reading).updates)


def test_a_higher_revision_supersedes_and_a_late_lower_one_is_ignored_and_named() -> None:
    adapter, _ = local_night()
    feed = feed_of(read(adapter, doc("Local_result_Aldwick_2.xml", pakit.aldwick(2, lab=31))))
    assert feed.sequence == 2
    late = read(adapter, doc("Local_result_Aldwick_1.xml", pakit.aldwick(1, lab=99)))
    assert late.feed is None  # nothing visible changed
    assert late.problems == ("Local_result_Aldwick_1.xml: revision 1 came after 2; ignored",)
    later = read(adapter, doc("x.xml", pakit.ge_sop()), now=NOW + timedelta(minutes=6))
    assert later.problems == ()  # the late notice has lapsed


def test_a_bad_newer_revision_is_a_standing_problem_and_the_last_good_figures_stay() -> None:
    adapter, before = local_night()
    for body, words in [
        (pakit.CUT_OFF, "cut off"),
        (pakit.MALFORMED, "malformed XML"),
        (pakit.BOMB, "entity bomb"),
        (pakit.EXTERNAL, "external entity"),
        (pakit.UNKNOWN, "unknown message type <ReferendumRunningTotals>"),
        (b"<x/>" * 10, "larger than 30 bytes"),
    ]:
        adapter.max_bytes = 30 if words.startswith("larger") else 20 * 1024 * 1024
        reading = read(adapter, doc("Local_result_Aldwick_3.xml", body))
        assert reading.feed is None, words  # the last good revision of Aldwick stays
        (problem,) = reading.problems
        assert problem.startswith("Local_result_Aldwick_3.xml: ") and words in problem
    adapter.max_bytes = 20 * 1024 * 1024
    fixed = read(adapter, doc("Local_result_Aldwick_3.xml", pakit.aldwick(3, lab=33)))
    assert fixed.problems == ()
    aldwick = next(d for d in feed_of(fixed).contests[0].declarations if d.area == "Aldwick")
    assert aldwick.result is not None and aldwick.result.composition[0].seats == 33
    assert before.contests[0] != feed_of(fixed).contests[0]


def test_state_changes_only_on_accept() -> None:
    adapter, _ = local_night()
    state = adapter.state
    reading = adapter.read([doc("Local_result_Aldwick_2.xml", pakit.aldwick(2, lab=31))], NOW)
    assert adapter.state is state and reading.feed is not None
    adapter.accept(reading)
    assert adapter.state is reading.state


def test_test_data_by_name_by_account_and_by_election_name() -> None:
    sop = pakit.local_sop()
    assert not feed_of(read(PaAdapter(), doc("Local_SOP_All_1.xml", sop))).test
    assert feed_of(read(PaAdapter(), doc("Local_Test_SOP_All_1.xml", sop))).test
    assert feed_of(read(PaAdapter(test=True), doc("Local_SOP_All_1.xml", sop))).test
    body = pakit.ge_sop().replace(b"Invented General Election", b"Invented Election Test")
    assert feed_of(read(PaAdapter(), doc("Invented_SOP_1.xml", body))).test


def test_a_missing_timestamp_is_named_until_it_appears() -> None:
    adapter = PaAdapter()
    reading = read(adapter, RawDocument("results/.timestamp", b""), doc("a.xml", pakit.ge_sop()))
    assert reading.problems == ("no .timestamp in results: scanning every file each poll",)
    assert read(adapter, RawDocument("results/.timestamp", b"1462572060.123")).problems == ()
