"""Tests of `BoardState`'s transitions: pure functions of the state, an outcome and a clock."""

from __future__ import annotations

import copy
import json
import re
from datetime import UTC, datetime, timedelta
from typing import Any

from board.look import chips, panel_mark, status_view, tab_lines
from board.state import INTERVAL_STEPS, BoardState, FeedState
from feeds import Changed, Failed, FeedHTTPError, Snapshot, Unchanged
from feeds.models import Feed
from feeds.recording import read_recording
from sample_feeds import default_recording

T0 = datetime(2016, 5, 6, 10, 30, tzinfo=UTC)
FINAL: dict[str, Any] = json.loads(read_recording(default_recording())[-1])


def at(seconds: float) -> datetime:
    return T0 + timedelta(seconds=seconds)


def snapshot(
    sequence: int = 1,
    *,
    wales_seats: int = 29,
    test: bool = False,
    upstream: dict[str, Any] | None = None,
) -> Snapshot:
    doc = copy.deepcopy(FINAL)
    doc["sequence"] = sequence
    doc["test"] = test
    doc["upstream"] = upstream
    wales = next(c for c in doc["contests"] if c["id"] == "wales")
    wales["parties"][0]["seats"] = wales_seats
    return Snapshot(Feed.model_validate(doc), T0)


def started(**outcome_snapshot: Any) -> BoardState:
    state = BoardState.start(mode="live", source="test", interval=5)
    return state.apply_outcome(Changed(snapshot(**outcome_snapshot)), T0)


def test_a_changed_poll_shows_the_snapshot_and_stamps_the_change() -> None:
    state = BoardState.start(mode="live", source="test", interval=5)
    assert state.state_word(T0) is FeedState.CONNECTING and state.selected is None
    shown = state.apply_outcome(Changed(snapshot()), T0)
    assert shown.shown is not None and shown.shown.feed.sequence == 1
    assert shown.feed.last_change == T0 == shown.feed.last_success
    assert shown.selected is not None and shown.selected.id == "england"
    assert shown.state_word(at(1)) is FeedState.LIVE


def test_unchanged_keeps_figures_and_records_standing_problems() -> None:
    state = started().apply_outcome(Unchanged(("Local_Dudley_3.xml: malformed XML",)), at(5))
    assert state.shown is not None and state.feed.last_success == at(5)
    assert state.feed.last_change == T0
    assert state.feed.problems == ("Local_Dudley_3.xml: malformed XML",)
    assert state.state_word(at(6)) is FeedState.LIVE  # a standing problem is not an ERROR
    assert [line.tone for line in status_view(state, at(6)).lines] == ["problem"]


def test_a_failed_poll_is_not_a_good_poll() -> None:
    state = started().apply_outcome(Failed(FeedHTTPError(503)), at(5))
    state = state.apply_outcome(Failed(FeedHTTPError(503)), at(10))
    assert state.feed.last_success == T0 and state.feed.last_poll == at(10)
    assert state.feed.failing_since == at(5)
    assert state.state_word(at(10)) is FeedState.ERROR
    view = status_view(state, at(10))
    assert view.times[0].startswith("Now 10:30 · Feed 00:21 · Last good poll 10:30:00 (10 s ago)")
    assert view.lines[0].text == "HTTP 503 · failing since 10:30:05"
    assert view.lines[0].tone == "error"
    assert panel_mark(state, at(10)) == "error"
    assert panel_mark(state, at(16)) == "stale"
    recovered = state.apply_outcome(Unchanged(), at(17))
    assert recovered.feed.failing_since is None and panel_mark(recovered, at(17)) is None


def test_freeze_holds_counts_and_unfreeze_shows_the_newest() -> None:
    state = started().freeze()
    assert state.frozen and state.freeze() is state
    state = state.apply_outcome(Changed(snapshot(2)), at(5))
    state = state.apply_outcome(Changed(snapshot(3, wales_seats=30)), at(10))
    assert state.shown is not None and state.shown.feed.sequence == 1 and state.waiting == 2
    assert state.feed.last_change == T0
    assert "❄ FROZEN · 2 updates waiting" in [chip.text for chip in chips(state, at(10))]
    thawed = state.toggle_freeze(at(11))
    assert not thawed.frozen and thawed.waiting == 0 and thawed.pending is None
    assert thawed.shown is not None and thawed.shown.feed.sequence == 3
    assert thawed.feed.last_change == at(11)
    assert thawed.unfreeze(at(12)) is thawed


def test_a_republication_with_the_same_figures_is_not_a_change() -> None:
    """A relay saying its source failed, or a new sequence alone, changes no figure: the status's
    "last change" must not pass the last good poll (it read "Good poll 14 s ago · Change 12 s")."""
    failing = {"state": "failing", "error": "HTTP 503"}
    state = started().apply_outcome(Changed(snapshot(2, upstream=failing)), at(5))
    assert state.shown is not None and state.shown.feed.sequence == 2
    assert state.feed.last_change == T0 == state.feed.last_success
    state = state.apply_outcome(Changed(snapshot(3)), at(10))
    assert state.feed.last_change == T0 and state.feed.last_success == at(10)
    state = state.apply_outcome(Changed(snapshot(4, wales_seats=30)), at(15))
    assert state.feed.last_change == at(15)


def test_a_contest_changing_off_screen_is_unseen_until_selected() -> None:
    state = started().apply_outcome(Changed(snapshot(2, wales_seats=30)), at(5))
    assert state.unseen == {"wales"}
    assert [line.label for line in tab_lines(state)][2] == "3  Welsh Assembly ●"
    state = state.select(2)
    assert state.contest_id == "wales" and state.unseen == frozenset()
    assert state.select(99) is state and state.select_id("nowhere") is state
    assert state.step_contest(1).contest_id == "london"
    assert state.step_contest(2).contest_id == "england"  # wraps round
    assert state.step_contest(-1).contest_id == "scotland"


def test_the_selected_contest_changing_is_not_unseen() -> None:
    state = started().select(2).apply_outcome(Changed(snapshot(2, wales_seats=30)), at(5))
    assert state.unseen == frozenset()


def test_interval_steps_stay_within_one_second_and_a_minute() -> None:
    state = started()
    assert state.step_interval(1).feed.interval == 10
    state = started()
    for _ in range(len(INTERVAL_STEPS) + 2):
        state = state.step_interval(-1)
    assert state.feed.interval == 1
    for _ in range(len(INTERVAL_STEPS) + 2):
        state = state.step_interval(1)
    assert state.feed.interval == 60


def test_ticker_pause_is_board_state() -> None:
    state = started().toggle_ticker()
    assert state.ticker_paused and "❚❚ PAUSED" in [c.text for c in chips(state, T0)]
    assert not state.toggle_ticker().ticker_paused


def test_each_kind_cycles_its_own_sorts_and_remembers_them() -> None:
    state = started()
    assert state.sort_for("councils") == "councils" and state.sort_for("mayor") is None
    state = state.cycle_sort()
    assert state.sort_for("councils") == "seats"
    state = state.select(1).cycle_sort()  # Scotland: a legislature
    assert state.sort_for("legislature") == "seats_change"
    assert state.sort_for("councils") == "seats"  # kept
    for _ in range(3):
        state = state.cycle_sort()
    assert state.sort_for("legislature") == "seats"  # round again
    mayor = state.select(3)
    assert mayor.cycle_sort() is mayor


def test_test_data_is_marked_in_the_status() -> None:
    state = started(test=True)
    view = status_view(state, T0)
    assert view.title_chip is not None and view.title_chip.tone == "test"
    assert view.band == "test" and view.chips[0].text == "▚ TEST DATA ▚"
    live = status_view(started(), T0)
    assert live.title_chip is None and live.band is None
    assert all(chip.tone != "test" for chip in live.chips)


def test_a_relay_whose_source_fails_is_shown_as_failing_then_stale_not_live() -> None:
    """A relay keeps serving the last good figures when its source fails, and says so in the
    document: the board must not say LIVE over figures that stopped moving."""
    failing = {"state": "failing", "error": "HTTP 503", "since": at(4).isoformat()}
    state = started(upstream={"state": "ok"})
    assert state.state_word(at(1)) is FeedState.LIVE
    state = state.apply_outcome(Changed(snapshot(2, upstream=failing)), at(5))
    assert state.shown is not None and state.shown.feed.sequence == 2  # same figures, shown
    assert state.state_word(at(6)) is FeedState.ERROR
    assert state.feed.last_success == T0  # the figures are as of the last good poll
    words = state.feed.error_words(at(6)) or ""
    assert words.startswith("relay's source failing: HTTP 503")
    state = state.apply_outcome(Unchanged(), at(10))  # the relay has nothing newer to say
    assert state.state_word(at(11)) is FeedState.ERROR
    assert state.state_word(at(16)) is FeedState.STALE  # three intervals after the last good
    state = state.apply_outcome(Changed(snapshot(3, upstream={"state": "ok"})), at(20))
    assert state.state_word(at(21)) is FeedState.LIVE and state.feed.error is None


def test_a_relay_whose_source_fails_says_one_time_the_relays() -> None:
    """The field fault: "relay's source failing: not a JSON feed since 20:47:24 — retrying ·
    failing since 20:47:25" — the relay's start and the board's, two times for one failure."""
    from datetime import timezone

    relay_zone = timezone(timedelta(hours=-4))  # the relay's clock in another zone
    since = at(4).astimezone(relay_zone)
    failing = {"state": "failing", "error": "not a JSON feed", "since": since.isoformat()}
    state = started(upstream={"state": "ok"})
    for poll in (5, 10, 15):  # the first poll that sees it, and the ones after
        state = state.apply_outcome(Changed(snapshot(poll, upstream=failing)), at(poll))
        (error,) = [line.text for line in status_view(state, at(poll)).lines]
        times = re.findall(r"\d\d:\d\d:\d\d", error)
        assert times == ["10:30:04"], error  # the relay's time, in the board's zone
        assert error.startswith("relay's source failing: not a JSON feed"), error
    unknown = {"state": "failing", "error": "HTTP 503"}  # a relay that gives no time
    state = started(upstream={"state": "ok"})
    for poll in (5, 10):
        state = state.apply_outcome(Changed(snapshot(poll, upstream=unknown)), at(poll))
    (error,) = [line.text for line in status_view(state, at(10)).lines]
    assert re.findall(r"\d\d:\d\d:\d\d", error) == ["10:30:05"], error  # the board's


def test_the_feeds_time_carries_its_date_when_not_today_and_says_received() -> None:
    """Newcomer report #6: a document of 2016 read as minutes old ("Feed 19:20"), and a time the
    ingest stamped on receipt was not said to be one."""
    from datetime import timezone

    from board.status import feed_time

    bst = timezone(timedelta(hours=1))
    now = datetime(2026, 11, 29, 19, 31, tzinfo=UTC)
    assert feed_time(datetime(2026, 11, 29, 19, 20, tzinfo=UTC), now) == "19:20"
    assert feed_time(datetime(2016, 8, 31, 19, 20, tzinfo=UTC), now) == "2016-08-31 19:20"
    assert feed_time(datetime(2026, 11, 28, 23, 59, tzinfo=UTC), now) == "2026-11-28 23:59"
    # Today is the board's day: 00:30 BST on the 30th is still the 29th in UTC (its own time).
    assert feed_time(datetime(2026, 11, 30, 0, 30, tzinfo=bst), now) == "00:30"
    assert feed_time(datetime(2026, 11, 30, 1, 30, tzinfo=bst), now) == "2026-11-30 01:30"
    assert feed_time(now, now, received=True) == "received 19:31"
    old = datetime(2016, 5, 6, 9, 0, tzinfo=UTC)
    assert feed_time(old, now, received=True) == "received 2016-05-06 09:00"

    doc = copy.deepcopy(FINAL) | {"format": "results-board/1.1", "time_basis": "received"}
    received = BoardState.start(mode="live", source="test", interval=5).apply_outcome(
        Changed(Snapshot(Feed.model_validate(doc), T0)), T0
    )
    assert status_view(received, at(1)).times[0].startswith("Now 10:30 · Feed received 00:21 ·")
    day_later = status_view(started(), at(86400)).times
    assert day_later[-2].startswith("Now 10:30 · Feed 2016-05-07 00:21 ·")
    assert day_later[-1].startswith("Feed 2016-05-07 00:21 ·")  # the narrowest keeps the date
