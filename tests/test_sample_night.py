"""Tests the bundled 2016 night: valid, consistent at every step, ending on the sourced figures.

Everything here runs from the repository alone, except two provenance checks
of `data_2016` against its third-party sources (the live-blog's text and the
facts file), which may not be copied into the repository: they run when
`RESULTS_BOARD_SOURCES` names the folder holding them, and otherwise skip
saying so (pytest's `-ra` summary lists the reason). A folder named there
without the file is a failure, not a skip.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections import Counter
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from feeds import (
    NOC,
    CouncilsContest,
    Feed,
    LegislatureContest,
    MayorContest,
    parse_feed,
)
from sample_feeds import NIGHT_2016, default_recording
from sample_feeds.data_2016 import councils, ticker, unverified_names
from sample_feeds.factory import SEED

ROOT = Path(__file__).resolve().parents[1]
SOURCES = "RESULTS_BOARD_SOURCES"
"""The variable naming the folder of `data_2016`'s sources, for the provenance checks."""

SEED_TABLE = [(code, name, *figures) for code, name, _, *figures in SEED]
"""The live-blog's table at 96 of 124: code, name, councils, ±, seats, ±."""


def _source(name: str) -> Path:
    """`name` in the folder `RESULTS_BOARD_SOURCES` names; skip, with the reason, if unset."""
    folder = os.environ.get(SOURCES)
    if not folder:
        pytest.skip(
            f"provenance check needs {name}, a third-party source not in the repository: "
            f"set {SOURCES} to the folder holding it"
        )
    path = Path(folder) / name
    assert path.is_file(), f"{SOURCES}={folder} has no {name}"
    return path


@pytest.fixture(scope="module")
def night() -> list[Feed]:
    return [parse_feed(line) for line in NIGHT_2016.read_bytes().splitlines()]


def england(feed: Feed) -> CouncilsContest:
    contest = feed.contest("england")
    assert isinstance(contest, CouncilsContest)
    return contest


def rows(contest: CouncilsContest) -> dict[str, tuple[int, int, int, int]]:
    return {
        p.code: (p.councils, p.councils_change, p.seats, p.seats_change) for p in contest.parties
    }


def test_recording_is_package_data_and_small() -> None:
    assert default_recording() == NIGHT_2016
    assert NIGHT_2016.is_file()
    assert NIGHT_2016.stat().st_size < 3_000_000  # 1.1: every council's figures, each document


def test_every_line_validates_in_order(night: list[Feed]) -> None:
    assert len(night) > 100
    assert [feed.sequence for feed in night] == list(range(1, len(night) + 1))
    times = [feed.published_at for feed in night]
    assert times == sorted(times)
    assert {t.utcoffset() for t in times} == {timedelta(hours=1)}
    assert {feed.title for feed in night} == {"Election 2016 results live"}


def test_final_english_table_is_the_blogs(night: list[Feed]) -> None:
    final = england(night[-1])
    assert (final.reported, final.total) == (96, 124)
    assert [(p.code, p.name) for p in final.parties] == [(r[0], r[1]) for r in SEED_TABLE]
    assert rows(final) == {code: tuple(numbers) for code, _, *numbers in SEED_TABLE}
    noc = final.no_overall_control
    assert (noc.councils, noc.councils_change) == (19, 1)
    assert all(p.colour and p.colour.startswith("#") for p in final.parties)
    by_default = sorted(final.parties, key=lambda p: (-p.councils, -p.seats))
    assert [p.code for p in by_default] == [row[0] for row in SEED_TABLE]


def test_one_declaration_per_document_then_still(night: list[Feed]) -> None:
    reported = [england(feed).reported for feed in night]
    assert reported[0] == 0
    first, last = reported.index(1), reported.index(96)
    assert reported[first : last + 1] == list(range(1, 97))
    assert set(reported[last:]) == {96}
    assert night[first].published_at == datetime.fromisoformat("2016-05-05T23:45:00+01:00")
    assert night[last].published_at == datetime.fromisoformat("2016-05-06T10:30:00+01:00")
    assert all(england(feed) == england(night[last]) for feed in night[last:])
    for before, after in zip(night[first - 1 : last], night[first : last + 1], strict=True):
        old, new = england(before).declarations, england(after).declarations
        assert new[:-1] == old and new[-1].declared_at == after.published_at


def test_birmingham_is_first_a_labour_gain_of_a_seat(night: list[Feed]) -> None:
    first = next(england(feed) for feed in night if england(feed).reported == 1)
    (birmingham,) = first.declarations
    assert (birmingham.area, birmingham.control, birmingham.previous_control) == (
        "Birmingham",
        "LAB",
        "LAB",
    )
    assert birmingham.note and "Labour gain" in birmingham.note
    assert rows(first)["LAB"][3] == 1


def test_named_councils_outcomes(night: list[Feed]) -> None:
    final = {d.area: d for d in england(night[-1]).declarations}
    outcomes = {area: (d.previous_control, d.control) for area, d in final.items()}
    assert outcomes["Dudley"] == ("LAB", NOC) and "three votes" in (final["Dudley"].note or "")
    assert outcomes["Walsall"] == (NOC, NOC)
    assert outcomes["Worcester"] == ("CON", NOC)
    assert "Con 17, Lab 16, Green 2" in (final["Worcester"].note or "")
    assert outcomes["Rugby"] == ("CON", NOC)
    assert outcomes["Peterborough"] == (NOC, "CON")
    assert "Bristol" not in final and "Watford" not in final
    changed = {area: o for area, o in outcomes.items() if o[0] != o[1]}
    assert changed == {
        "Dudley": ("LAB", NOC),
        "Worcester": ("CON", NOC),
        "Rugby": ("CON", NOC),
        "Peterborough": (NOC, "CON"),
        "Hart": (NOC, "CON"),
    }


def test_labour_down_25_and_ukip_up_20_moment(night: list[Feed]) -> None:
    moments = [
        feed for feed in night if rows(england(feed))["LAB"][3] == -25
        and rows(england(feed))["UKIP"][3] == 20
    ]  # fmt: skip
    assert moments and all(england(feed).reported < 96 for feed in moments)
    ukip = {u.id: u for u in night[-1].updates}["ukip"]
    assert ukip.published_at in {feed.published_at for feed in moments}


def test_councils_consistent_at_every_step(night: list[Feed]) -> None:
    for feed in night:
        contest = england(feed)
        net, held = Counter[str](), Counter[str]()
        for d in contest.declarations:
            held[d.control] += 1
            if d.changed_hands:
                net[d.control] += 1
                net[d.previous_control] -= 1
        assert len(contest.declarations) == contest.reported
        assert sum(p.councils for p in contest.parties) + contest.no_overall_control.councils == (
            contest.reported
        )
        assert {p.code: p.councils for p in contest.parties} | {NOC: held[NOC]} == {
            code: held[code] for code in [*(p.code for p in contest.parties), NOC]
        }
        assert {p.code: p.councils_change for p in contest.parties} == {
            p.code: net[p.code] for p in contest.parties
        }
        assert contest.no_overall_control.councils_change == net[NOC]
        assert contest.no_overall_control.councils == held[NOC]
        assert not [w for w in contest.warnings() if "councils" in w]


def test_seats_plausible_per_step(night: list[Feed]) -> None:
    previous = 0
    for feed in night:
        seats = sum(p.seats for p in england(feed).parties)
        step = seats - previous
        assert 0 <= step <= 90  # Sheffield, all out, is the largest council
        previous = seats
    assert previous == 1872


def test_final_scotland(night: list[Feed]) -> None:
    scotland = night[-1].contest("scotland")
    assert isinstance(scotland, LegislatureContest)
    assert (scotland.reported, scotland.total, scotland.majority) == (129, 129, 65)
    got = {p.code: (p.seats, p.seats_change, p.votes, p.share) for p in scotland.parties}
    assert got == {
        "SNP": (63, -6, 953587, 41.72),
        "CON": (31, 16, 524222, 22.93),
        "LAB": (24, -13, 435919, 19.07),
        "GRN": (6, 4, 150426, 6.58),
        "LD": (5, 0, 119284, 5.22),
        "IND": (0, -1, None, None),
    }


def test_final_wales(night: list[Feed]) -> None:
    wales = night[-1].contest("wales")
    assert isinstance(wales, LegislatureContest)
    assert (wales.reported, wales.total, wales.majority) == (60, 60, 31)
    got = {p.code: (p.seats, p.seats_change) for p in wales.parties}
    assert got == {"LAB": (29, -1), "PC": (12, 1), "CON": (11, -3), "UKIP": (7, 7), "LD": (1, -4)}
    (rhondda,) = wales.declarations
    assert (rhondda.area, rhondda.control, rhondda.previous_control) == ("Rhondda", "PC", "LAB")


def test_final_london(night: list[Feed]) -> None:
    first_round = next(
        c for f in night if isinstance(c := f.contest("london"), MayorContest) and c.reported == 14
    )
    votes = {c.name: c.votes for c in first_round.candidates}
    assert votes["Sadiq Khan"] == 1148716 and votes["Zac Goldsmith"] == 909755
    assert len(votes) == 12 and sum(votes.values()) == 2596961
    assert (
        first_round.round == 1
        and {c.name: c.share for c in first_round.candidates}["Caroline Pidgeon"] == 4.6
    )
    london = night[-1].contest("london")
    assert isinstance(london, MayorContest)
    assert (london.round, london.reported, london.total, london.turnout) == (2, 14, 14, 45.3)
    final = {c.name: c for c in london.candidates}
    assert (final["Sadiq Khan"].votes, final["Sadiq Khan"].elected) == (1310143, True)
    assert (final["Zac Goldsmith"].votes, final["Zac Goldsmith"].elected) == (994614, False)
    assert not final["Zac Goldsmith"].eliminated
    assert all(c.eliminated for n, c in final.items() if n not in ("Sadiq Khan", "Zac Goldsmith"))
    assert night[-1].published_at.date().isoformat() == "2016-05-07"


def test_contests_appear_as_counting_begins(night: list[Feed]) -> None:
    assert [c.id for c in night[0].contests] == ["england"]
    ids = [[c.id for c in feed.contests] for feed in night]
    assert ids[-1] == ["england", "scotland", "wales", "london"]
    london_from = next(i for i, feed_ids in enumerate(ids) if "london" in feed_ids)
    assert night[london_from].published_at.date().isoformat() == "2016-05-06"
    assert all("london" in feed_ids for feed_ids in ids[london_from:])


def test_ticker(night: list[Feed]) -> None:
    for feed in night:
        assert len(feed.updates) <= 30
        assert all(u.published_at <= feed.published_at for u in feed.updates)
    final = night[-1].updates
    speakers = {u.speaker for u in final if u.kind == "quote"}
    assert speakers >= {
        "Jeremy Corbyn", "Pete Lowe", "Patrick Harley", "John Mann", "Peter Hain", "Neil Coyle",
        "John Ferrett", "Unnamed MP", "Tom Watson",
    }  # fmt: skip
    outlets = {u.speaker: u.outlet for u in final if u.kind == "quote"}
    assert outlets["Tom Watson"] == "Sky News" and outlets["John Ferrett"] == "BBC Radio"
    assert sum(u.kind == "update" for u in final) >= 3


def test_ticker_is_the_data_modules_words_unchanged(night: list[Feed]) -> None:
    final = {u.id: u for u in night[-1].updates}
    words = {key: (kind, text, people) for key, _, kind, text, people in ticker()}
    assert set(final) == set(words)
    for key, (kind, text, people) in words.items():
        update = final[key]
        assert (update.kind, update.text) == (kind, text), key
        assert (update.speaker, update.role, update.outlet) == tuple(
            people.get(field) for field in ("speaker", "role", "outlet")
        ), key


def test_council_names_are_the_data_modules(night: list[Feed]) -> None:
    areas = {d.area for d in england(night[-1]).declarations}
    assert areas == set(councils())
    assert set(unverified_names()) < areas
    readme = (ROOT / "sample_feeds" / "README.md").read_text(encoding="utf-8")
    assert all(name in " ".join(readme.split()) for name in unverified_names())


def test_ticker_is_verbatim_from_the_blog(night: list[Feed]) -> None:
    blog = _source("liveblog-2016-05-06.txt").read_text(encoding="utf-8")
    for update in night[-1].updates:
        assert update.text in blog, update.id


def test_council_names_come_from_the_facts(night: list[Feed]) -> None:
    facts = json.loads(_source("uk2016_facts.json").read_text(encoding="utf-8"))
    lists = facts["english_locals_2016"]["councils"]
    known = {name for key, names in lists.items() if not key.startswith("_") for name in names}
    unverified = {name for key, names in lists.items() if "unverified" in key for name in names}
    areas = {d.area for d in england(night[-1]).declarations}
    assert areas <= known
    assert sorted(areas & unverified) == unverified_names()


def _build(*args: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "sample_feeds.build_2016", *args]
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=120)


def test_check_mode_passes_on_the_committed_file() -> None:
    result = _build("--check")
    assert result.returncode == 0, result.stderr


def test_check_mode_fails_on_a_changed_file(tmp_path: Path) -> None:
    changed = tmp_path / "night.jsonl"
    changed.write_bytes(NIGHT_2016.read_bytes().replace(b'"seats":1005', b'"seats":1006'))
    result = _build("--check", "--output", str(changed))
    assert result.returncode == 1 and "differs" in result.stderr
