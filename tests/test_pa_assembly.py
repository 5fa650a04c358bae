"""Tests of how `PaAdapter` assembles the night: nominations → areas, a stable contest order,
contest rules kept without validating again (fed inputs that would break each), and work
done only where a file changed."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from feeds.adapter import RawDocument, Reading
from feeds.contests import CouncilsContest, LegislatureContest, MayorContest
from feeds.models import Feed
from feeds.pa import PaAdapter
from sample_feeds import pa_write as pa
from sample_feeds.pa_write import Cand, Sop
from tests import pakit

NOW = datetime(2030, 5, 3, 4, 0, tzinfo=UTC)


def doc(name: str, body: bytes) -> RawDocument:
    return RawDocument(name, body, modified=NOW)


def read(adapter: PaAdapter, *docs: RawDocument) -> Reading:
    reading = adapter.read(list(docs), NOW)
    adapter.accept(reading)
    return reading


def valid(reading: Reading) -> Feed:
    """The feed, checked as any board reading the relay would check it: validated whole."""
    feed = reading.feed
    assert feed is not None
    document = feed.model_dump_json()
    assert Feed.model_validate_json(document).model_dump_json() == document  # nothing cleaned
    return feed


def ids(feed: Feed) -> list[str]:
    return [c.id for c in feed.contests]


def nominated(adapter: PaAdapter) -> Feed:
    docs = [doc(f"Local_nominations_{c}.xml", pakit.council_nominations(c)) for c in pakit.COUNCILS]
    docs += [doc(f"GE_nominations_{s}_1.xml", pakit.seat_nominations(s)) for s in pakit.SEATS]
    mayor = pakit.seat_nominations("Eastbay", "M")
    docs += [doc("Assembly_nominations_Westmarch_1.xml", pakit.list_nominations()),
             doc("Mayors_nominations_Eastbay_1.xml", mayor)]  # fmt: skip
    return valid(read(adapter, *docs))


def test_nominations_alone_show_every_contest_with_all_its_areas_and_nothing_declared() -> None:
    feed = nominated(PaAdapter())
    councils, assembly, chamber, mayor = feed.contests
    assert isinstance(councils, CouncilsContest) and councils.areas == pakit.COUNCILS
    assert (councils.reported, councils.total) == (0, 3)  # "0 of 3" before the first result
    assert [(p.code, p.name) for p in councils.parties] == [  # every party standing
        ("Lab Co-op", "Labour and Co-operative"),
        ("C", "Conservative"),
        ("Green", "Green Party"),
    ]
    assert isinstance(chamber, LegislatureContest) and chamber.areas == tuple(sorted(pakit.SEATS))
    assert (chamber.reported, chamber.total, chamber.majority) == (0, 3, 2)
    assert isinstance(assembly, LegislatureContest) and assembly.areas == ("Westmarch",)
    assert isinstance(mayor, MayorContest) and mayor.areas == ("Eastbay",)
    assert mayor.candidates[0].name == "Ada Fenwick" and not mayor.declarations


def test_areas_keep_the_undeclared_and_the_tally_counts_against_them() -> None:
    adapter = PaAdapter()
    nominated(adapter)
    mayor = pakit.seat_result("Eastbay", kind="M")
    feed = valid(read(adapter, doc("Local_result_Aldwick_1.xml", pakit.aldwick()),
                      doc("GE_result_Northfold_1.xml", pakit.seat_result()),
                      doc("Mayors_result_Eastbay_1.xml", mayor)))  # fmt: skip
    councils, _, chamber, shown = feed.contests
    assert isinstance(councils, CouncilsContest) and isinstance(chamber, LegislatureContest)
    assert councils.areas == pakit.COUNCILS and [d.area for d in councils.declarations] == [
        "Aldwick"]  # fmt: skip
    assert (councils.reported, councils.total) == (1, 3)
    assert chamber.areas == tuple(sorted(pakit.SEATS))
    assert (chamber.reported, chamber.total) == (1, 3)
    assert isinstance(shown, MayorContest) and shown.candidates[0].votes == 21000
    assert shown.areas == ("Eastbay",)


def test_a_state_of_parties_keeps_its_own_total_and_the_areas_stay() -> None:
    adapter = PaAdapter()
    nominated(adapter)
    feed = valid(read(adapter, doc("Local_SOP_All_2.xml", pakit.local_sop())))
    councils = feed.contests[0]
    assert isinstance(councils, CouncilsContest)
    assert (councils.reported, councils.total, councils.areas) == (2, 5, pakit.COUNCILS)


def test_contests_keep_the_place_they_were_first_shown_in() -> None:
    adapter = PaAdapter()
    wales = pa.fptp_sop("Welsh Invented Assembly", [Sop("PC", "Plaid", seats=1)], reported=1,
                        total=60, kind="W")  # fmt: skip
    scotland = pa.fptp_sop("Scottish Invented Parliament", [Sop("SNP", "SNP", seats=1)],
                           reported=1, total=129, kind="S")  # fmt: skip
    orders = [
        ids(valid(read(adapter, doc("Welsh_rush_Rhyd_1.xml", pakit.seat_rush("Rhyd").replace(
            pakit.GE.encode(), b"Welsh Invented Assembly"))))),
        ids(valid(read(adapter, doc("Scottish_SOP_1.xml", scotland)))),
        ids(valid(read(adapter, doc("Local_result_Aldwick_1.xml", pakit.aldwick())))),
        ids(valid(read(adapter, doc("Local_SOP_All_2.xml", pakit.local_sop()),
                       doc("Welsh_SOP_1.xml", wales)))),
    ]  # fmt: skip
    assert orders == [
        ["welsh-invented-assembly"],
        ["welsh-invented-assembly", "scottish-invented-parliament"],
        ["welsh-invented-assembly", "scottish-invented-parliament", "councils"],
        ["welsh-invented-assembly", "scottish-invented-parliament", "councils"],
    ]  # a tally replaced by PA's table keeps its place; nothing already shown moves


def test_contests_first_shown_together_come_in_a_canonical_order() -> None:
    feed = valid(read(PaAdapter(), doc("Mayors_result_Eastbay_1.xml",
                                       pakit.seat_result("Eastbay", kind="M")),
                      doc("Westmarch_result_1.xml", pakit.list_result()),
                      doc("GE_SOP_3.xml", pakit.ge_sop()),
                      doc("Local_SOP_East_2.xml", pakit.local_sop(region="East")),
                      doc("Local_SOP_All_2.xml", pakit.local_sop())))  # fmt: skip
    assert ids(feed) == ["councils", "councils-east", "invented-assembly",
                         "invented-general-election", "mayor-eastbay"]  # fmt: skip


def test_inputs_that_would_break_the_contest_rules_make_a_valid_feed() -> None:
    adapter = PaAdapter()
    odd_sop = pa.local_sop([Sop("C", "Conservative", 9, seats=3), Sop("C", "Tory", seats=2),
                            Sop("NOC", "No Overall Control", 4)], reported=9, total=4,
                           region="North East")  # fmt: skip
    clash = pa.local_sop([Sop("Lab", "Labour", 1)], reported=1, total=2, region="North-East")
    chamber = pa.fptp_sop("Councils", [Sop("Ind", "Independent", seats=4)] * 2, reported=12,
                          total=0)  # fmt: skip
    long_name = "Invented " + "Very " * 20 + "Long Election"
    feed = valid(read(
        adapter,
        doc("Local_SOP_NE_1.xml", odd_sop), doc("Local_SOP_N-E_1.xml", clash),
        doc("Councils_SOP_1.xml", chamber),
        doc("Westmarch_result_1.xml", pakit.list_result()),  # a list region and a seat,
        doc("Westmarch_seat_result_1.xml", pakit.seat_result("Westmarch").replace(
            pakit.GE.encode(), pakit.LIST.encode())),  # both named Westmarch
        doc("A_mayor_result_Eastbay_1.xml", pakit.seat_result("Eastbay", kind="M")),
        doc("B_mayor_result_Eastbay_1.xml", pakit.seat_result("Eastbay", kind="M").replace(
            b"Invented Mayoral Elections", b"Other Mayoral Elections")),
        doc("Long_rush_Seat_1.xml", pakit.seat_rush("Seat").replace(
            pakit.GE.encode(), long_name.encode())),
        doc("GE_recount_Northfold_1.xml", pa.recount(pakit.GE, "Northfold")),
        doc("GE_recount_Northfold_Again_1.xml", pa.recount(pakit.GE, "Northfold!")),
    ))  # fmt: skip
    assert len(set(ids(feed))) == len(feed.contests) == 7  # ids made unique
    north_east = feed.contests[0]
    assert isinstance(north_east, CouncilsContest)
    assert (north_east.reported, north_east.total) == (9, 9)  # reported ≤ total
    assert [p.code for p in north_east.parties] == ["C", "C 2"]  # unique, NOC its own row
    assert north_east.no_overall_control.councils == 4
    ind = next(c for c in feed.contests if c.title == "Councils" and c.kind == "legislature")
    assert isinstance(ind, LegislatureContest) and (ind.total, ind.reported) == (1, 1)
    assembly = next(c for c in feed.contests if c.title == pakit.LIST)
    assert sorted(d.area for d in assembly.declarations) == ["Westmarch", "Westmarch (2)"]
    assert len({u.id for u in feed.updates}) == 2
    assert len(feed.title) <= 120


def test_figures_the_format_refuses_are_a_standing_problem_not_a_failed_poll() -> None:
    adapter = PaAdapter()
    read(adapter, doc("Local_SOP_All_2.xml", pakit.local_sop()))
    two_winners = [Cand("Ada", "Fenwick", "Lab", "Labour", 10, None, True),
                   Cand("Bill", "Harrow", "C", "Conservative", 9, None, True)]  # fmt: skip
    body = pa.fptp_result("Mayors", "Eastbay", two_winners, winning="Lab", sitting="C", kind="M")
    reading = read(adapter, doc("Mayors_result_Eastbay_1.xml", body))
    assert reading.feed is None
    (problem,) = reading.problems
    assert "figures refused" in problem and "more than one candidate elected" in problem


def test_a_new_file_rebuilds_only_its_contest_and_keeps_every_other_area_as_it_was() -> None:
    adapter = PaAdapter()
    nominated(adapter)
    before = valid(read(adapter, doc("Local_result_Aldwick_1.xml", pakit.aldwick()),
                        doc("GE_result_Northfold_1.xml", pakit.seat_result())))  # fmt: skip
    after = valid(read(adapter, doc("GE_result_Eastmere_1.xml", pakit.seat_result("Eastmere"))))
    assert ids(after) == ids(before)
    assert after.contests[0] is before.contests[0]  # councils untouched: the same object
    assert after.contests[1] is before.contests[1] and after.contests[3] is before.contests[3]
    old, new = before.contests[2], after.contests[2]
    assert new is not old and new.declarations[0] is old.declarations[0]  # Northfold as it was
    assert [d.area for d in new.declarations] == ["Northfold", "Eastmere"]


@pytest.mark.parametrize("revision", [2, 1])
def test_a_revision_of_the_same_area_replaces_its_declaration_in_place(revision: int) -> None:
    adapter = PaAdapter()
    read(adapter, doc("GE_rush_Northfold_1.xml", pakit.seat_rush()),
         doc("GE_result_Eastmere_1.xml", pakit.seat_result("Eastmere")))  # fmt: skip
    feed = valid(read(adapter, doc(f"GE_result_Northfold_{revision}.xml",
                                   pakit.seat_result(revision=revision))))  # fmt: skip
    eastmere, northfold = feed.contests[0].declarations  # in the order first declared
    assert (northfold.area, northfold.rush, eastmere.area) == ("Northfold", False, "Eastmere")
    rows = [(p.code, p.seats, p.seats_change) for p in feed.contests[0].parties]
    assert rows == [("Lab", 2, 2), ("C", 0, -2)]  # the rush's count moved to the result


def test_the_ticker_runs_in_time_order_whatever_order_files_are_read_in() -> None:
    early, late = NOW - timedelta(hours=1), NOW
    aldbury, brent = pa.recount(pakit.GE, "Aldbury"), pa.recount(pakit.GE, "Brent")
    feed = valid(read(PaAdapter(), RawDocument("GE_recount_A_1.xml", aldbury, None, late),
                      RawDocument("GE_recount_B_1.xml", brent, None, early),
                      doc("GE_SOP_3.xml", pakit.ge_sop())))  # fmt: skip
    assert [u.text.split(" — ")[0] for u in feed.updates[:2]] == [
        "Recount in Brent", "Recount in Aldbury"]  # fmt: skip


def test_candidates_sharing_a_name_even_at_the_longest_stay_apart() -> None:
    long = "Invented" + "x" * 100  # PA's names are cut to 80 characters: these two then clash
    people = [Cand(long, "A", "Ind", "Independent", 9, None, True),
              Cand(long, "B", "Ind", "Independent", 8), Cand("Ann", "Other", "Ind", "Ind", 1),
              Cand("Ann", "Other", "Ind", "Ind", 1)]  # fmt: skip
    body = pa.fptp_result(pakit.GE, "Northfold", people, winning="Ind", sitting="Ind")
    feed = valid(read(PaAdapter(), doc("GE_result_Northfold_1.xml", body)))
    result = feed.contests[0].declarations[0].result
    assert result is not None
    names = [c.name for c in result.candidates]
    assert len(set(names)) == 4 and names[3] == "Ann Other (2)"
    assert all(len(name) <= 80 for name in names)
