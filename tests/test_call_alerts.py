"""Race calls as alerts (`board/alerts.py`, `board/desk.py`): a race called, a call retracted, a
runoff, the first document as the night so far, and the `--alerts` options on a night of races.

The feeds are what `ApAdapter` makes of the invented AP night in `tests/apnight.py`: WY called at
once (step 0), NV and the KS Senate called (step 2), the KS call retracted (step 3).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from board.alerts import AlertRule, counted, new_alerts
from board.look import chips
from board.state import BoardState
from feeds import Changed, Snapshot
from feeds.adapter import RawDocument
from feeds.ap import ApAdapter
from feeds.ap.parse import UPDATE_MARK
from feeds.models import Feed
from tests.apnight import NIGHT, candidate, encode, race, response

T0 = datetime(2028, 11, 8, 4, 0, tzinfo=UTC)
KS_CALLED = "✔ CALLED 23:00 KS U.S. Senate · Dale Okafor (GOP)"
NV_CALLED = "✔ CALLED 23:00 NV President · Ada Quill (Dem)"
KS_RETRACTED = "✖ CALL RETRACTED 23:00 KS U.S. Senate · Dale Okafor (GOP)"


def night(*steps: list[dict[str, object]]) -> list[Feed]:
    """The feed after each of `steps` (default: the whole invented night), as the board gets
    them."""
    adapter = ApAdapter()
    feeds = []
    for n, races in enumerate(steps or NIGHT):
        update = n > 0
        body = encode(response(list(races), link="/x", truncated=False if update else None))
        name = "/v2/elections/2028-11-07" + (UPDATE_MARK if update else "")
        reading = adapter.read([RawDocument(name, body)], T0)
        adapter.accept(reading)
        assert reading.feed is not None
        feeds.append(reading.feed)
    return feeds


FEEDS = night()


def texts(before: Feed | None, after: Feed, rule: AlertRule | None = None) -> list[str]:
    rule = rule or AlertRule()
    return [alert.text for alert in new_alerts(before, after) if rule.alerts(alert)]


def board(*feeds: Feed, rule: AlertRule | None = None, frozen_from: int = 99) -> BoardState:
    """The board after receiving `feeds` (frozen from the `frozen_from`-th)."""
    state = BoardState.start(mode="live", source="test", interval=5)
    state = replace(state, desk=replace(state.desk, rule=rule or AlertRule()))
    for n, feed in enumerate(feeds):
        if n == frozen_from:
            state = state.freeze()
        state = state.apply_outcome(Changed(Snapshot(feed, T0)), T0 + timedelta(seconds=5 * n))
    return state


def test_calls_in_the_first_document_are_the_night_so_far_not_news() -> None:
    wy = FEEDS[0].contest("ap-wy-0")
    assert wy is not None and "winner=True" in repr(wy)  # WY is called in the first document
    assert new_alerts(None, FEEDS[0]) == []
    state = board(FEEDS[0])
    assert state.desk.waiting == () and state.desk.raised == 0 and state.desk.banner is None


def test_a_race_called_alerts_with_its_winner_and_time() -> None:
    assert texts(FEEDS[0], FEEDS[1]) == []  # votes in, nothing called
    assert sorted(texts(FEEDS[1], FEEDS[2])) == [KS_CALLED, NV_CALLED]
    state = board(*FEEDS[:3])
    banner = state.desk.banner
    assert banner is not None and banner.count == 2 and state.desk.raised == 2
    assert banner.text in (KS_CALLED, NV_CALLED) and banner.contest == ""
    assert set(banner.others) <= {"KS U.S. Senate", "NV President"} and len(banner.others) == 1


def test_a_call_retracted_alerts_and_withdraws_the_call_still_waiting() -> None:
    assert texts(FEEDS[2], FEEDS[3]) == [KS_RETRACTED]
    state = board(*FEEDS)
    waiting = [alert.text for alert in state.desk.waiting]
    assert KS_RETRACTED in waiting and KS_CALLED not in waiting and NV_CALLED in waiting
    assert state.desk.raised == 3
    # A later document without change keeps the retraction on the banner until acknowledged.
    again = state.apply_outcome(Changed(Snapshot(FEEDS[3], T0)), T0 + timedelta(seconds=60))
    assert sorted(a.text for a in again.desk.waiting) == sorted(waiting)


def test_a_call_made_again_after_its_retraction_is_news_again() -> None:
    recalled = night(*NIGHT, NIGHT[2])
    assert texts(recalled[3], recalled[4]) == [KS_CALLED]


def runoff_night() -> list[Feed]:
    people = [
        candidate("1", "Ann Roe", "Dem", 4100),
        candidate("2", "Bo Yi", "GOP", 3900),
        candidate("3", "Cy Tan", "Lib", 2000),
    ]
    first = race("5100", "GA", "S", "U.S. Senate", people, precincts=(90, 100))
    people = [{**c, "winner": "R"} if c["last"] in ("Roe", "Yi") else c for c in people]
    called = race("5100", "GA", "S", "U.S. Senate", people, precincts=(100, 100))
    return night([first], [called])


def test_a_runoff_alerts_with_the_candidates_going_through() -> None:
    before, after = runoff_night()
    assert texts(before, after) == ["RUNOFF 23:00 GA U.S. Senate · Ann Roe (Dem) vs Bo Yi (GOP)"]


def rule(
    changes: str = "all", parties: tuple[str, ...] = (), areas: tuple[str, ...] = ()
) -> AlertRule:
    return AlertRule.of(changes, parties, areas)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("chosen", "expected"),
    [
        (rule("none"), []),
        (rule("gains"), [KS_CALLED, NV_CALLED]),
        (rule(parties=("dem",)), [NV_CALLED]),  # the winner's party, any case
        (rule(parties=("LAB,GOP",)), [KS_CALLED]),
        (rule(areas=("ks",)), [KS_CALLED]),  # the race's state
        (rule(areas=("nv president",)), [NV_CALLED]),  # its title
        (rule(areas=("Dudley",)), []),
        (rule(parties=("Dem",), areas=("KS",)), [KS_CALLED, NV_CALLED]),  # either matches
    ],
)
def test_the_alert_options_choose_among_calls(chosen: AlertRule, expected: list[str]) -> None:
    assert sorted(texts(FEEDS[1], FEEDS[2], chosen)) == expected


def test_gains_leave_out_a_runoff_but_not_a_retraction() -> None:
    assert texts(FEEDS[2], FEEDS[3], rule("gains")) == [KS_RETRACTED]
    assert texts(FEEDS[2], FEEDS[3], rule(parties=("gop",))) == [KS_RETRACTED]
    assert texts(FEEDS[2], FEEDS[3], rule(parties=("dem",))) == []
    assert texts(FEEDS[2], FEEDS[3], rule("none")) == []
    assert texts(*runoff_night(), rule("gains")) == []
    assert len(texts(*runoff_night(), rule(parties=("gop",)))) == 1


def test_the_none_option_raises_nothing_on_the_board() -> None:
    state = board(*FEEDS, rule=rule("none"))
    assert state.desk.waiting == () and state.desk.raised == 0


def test_calls_held_by_a_freeze_are_counted_as_calls_in_the_frozen_chip() -> None:
    state = board(*FEEDS[:3], frozen_from=2)
    assert state.desk.banner is None and len(state.desk.held) == 2
    frozen = next(chip for chip in chips(state, T0) if chip.tone == "frozen")
    assert frozen.text.endswith("⚑ 2 calls")
    # KS called and retracted while frozen: its call is withdrawn, NV's and the retraction held.
    assert counted(board(*FEEDS, frozen_from=2).desk.held) == "2 alerts"
    released = state.unfreeze(T0 + timedelta(minutes=1))
    assert released.desk.banner is not None and released.desk.banner.count == 2


def test_calls_are_key_moments_marked_until_acknowledged() -> None:
    from board.moments import moment_lines, moments
    from board.plain import render_snapshot

    state = board(*FEEDS[:3])
    unacknowledged = {alert.key for alert in state.desk.unacknowledged}
    lines = moment_lines(moments(FEEDS[2]), unacknowledged)
    called = {(line.contest, line.words, line.unacknowledged) for line in lines}
    assert called == {
        ("WY President", "✔ CALLED Ben Ferris (GOP)", False),  # the night so far: no alert
        ("NV President", "✔ CALLED Ada Quill (Dem)", True),
        ("KS U.S. Senate", "✔ CALLED Dale Okafor (GOP)", True),
    }
    assert all(line.kind == "called" and line.time == "23:00" for line in lines)
    acknowledged = state.acknowledge_all()
    keys = {alert.key for alert in acknowledged.desk.unacknowledged}
    assert not any(line.unacknowledged for line in moment_lines(moments(FEEDS[2]), keys))
    assert "23:00  NV President · ✔ CALLED Ada Quill (Dem)" in render_snapshot(FEEDS[2])
    assert "KS U.S. Senate · ✔ CALLED" not in render_snapshot(FEEDS[3])  # retracted
    runoff = moment_lines(moments(runoff_night()[1]))
    assert [line.words for line in runoff] == ["RUNOFF Ann Roe (Dem) vs Bo Yi (GOP)"]
