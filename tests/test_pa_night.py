"""The synthetic PA night, landed file by file, ends on the JSON demo's English table exactly."""

from __future__ import annotations

import asyncio
from pathlib import Path

from feeds.contests import CouncilsContest, LegislatureContest
from feeds.parse import parse_feed
from feeds.recording import read_recording
from feeds.source import Changed
from feeds.sources import open_source
from sample_feeds import default_recording, pa_2016


def table(contest: object) -> tuple[object, ...]:
    assert isinstance(contest, CouncilsContest)
    rows = tuple((p.code, p.name, p.councils, p.councils_change, p.seats, p.seats_change)
                 for p in contest.parties)  # fmt: skip
    return (contest.reported, contest.total, rows, contest.no_overall_control)


def test_the_pa_night_ends_on_the_same_table_and_results_as_the_json_night(tmp_path: Path) -> None:
    source = open_source(str(tmp_path), format="pa")
    source.rescan_every = 1  # nominations/ read on every poll, as on a full rescan
    outcomes = []
    for count, _ in enumerate(pa_2016.play(tmp_path), 1):
        if count % 40 == 0:
            outcomes.append(asyncio.run(source.poll()))
    outcomes.append(asyncio.run(source.poll()))
    changed = [o for o in outcomes if isinstance(o, Changed)]
    assert all(not o.problems for o in changed)
    pa_feed = changed[-1].snapshot.feed
    json_feed = parse_feed(read_recording(default_recording())[-1])
    assert table(pa_feed.contests[0]) == table(json_feed.contests[0])
    assert pa_feed.contests[0].areas == json_feed.contests[0].areas  # the 103 named councils
    orders = [[c.title for c in o.snapshot.feed.contests] for o in changed]
    assert orders[-1] == ["Councils", "London mayor", "Welsh Assembly",
                          "Scottish Parliament"]  # first shown first: nothing moved  # fmt: skip
    assert all(order == orders[-1][: len(order)] for order in orders)
    mine = {d.area: d.result for d in pa_feed.contests[0].declarations}
    theirs = {d.area: d.result for d in json_feed.contests[0].declarations}
    assert mine == theirs  # the corrected revision of Sunderland included
    assert len(mine) == 96
    chambers = {c.title: c for c in pa_feed.contests if isinstance(c, LegislatureContest)}
    assert chambers["Scottish Parliament"].majority == 65
    assert {p.code: p.seats for p in chambers["Welsh Assembly"].parties}["PC"] == 12
