"""Alerts on a change of control, through `BoardState`'s pure transitions (`board/alerts.py`,
`board/desk.py`): which changes alert, across contests, during a freeze, and acknowledged."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from board.alerts import AlertRule, new_changes
from board.look import chips
from board.state import BoardState
from feeds import Changed, Snapshot
from feeds.models import Feed
from sample_feeds.factory import declaration
from tests.deskkit import night, seat, with_declaration

T0 = datetime(2016, 5, 6, 10, 30, tzinfo=UTC)


def snap(doc: dict[str, Any]) -> Snapshot:
    return Snapshot(Feed.model_validate(doc), T0)


def board(rule: AlertRule | None = None) -> BoardState:
    state = BoardState.start(mode="live", source="test", interval=5)
    state = replace(state, desk=replace(state.desk, rule=rule or AlertRule()))
    return state.apply_outcome(Changed(snap(night())), T0)


def receive(state: BoardState, doc: dict[str, Any], seconds: float = 5) -> BoardState:
    return state.apply_outcome(Changed(snap(doc)), T0 + timedelta(seconds=seconds))


GAIN = seat("Caer Wen", "02:00", "PC", "LAB")
"""A gain in the assembly: the second contest, not the one on screen."""


def test_the_first_snapshot_is_the_baseline_and_alerts_nothing() -> None:
    state = board()
    assert state.desk.waiting == () and state.desk.raised == 0 and state.desk.banner is None


def test_a_gain_on_a_contest_not_on_screen_alerts_with_its_contest_named() -> None:
    state = receive(board(), with_declaration(night(), 1, GAIN))
    assert state.selected is not None and state.selected.id == "england"  # the tab stays
    banner = state.desk.banner
    assert banner is not None
    assert banner.text == "02:00 Caer Wen · PC gain from LAB"
    assert banner.contest == "Invented Assembly"
    assert (banner.count, banner.others) == (1, ()) and "a acknowledge" in banner.hint
    assert state.desk.raised == 1


def test_holds_do_not_alert_and_an_unchanged_poll_keeps_the_banner() -> None:
    held = with_declaration(night(), 1, seat("Aberfall", "01:00", "LAB", "LAB"))
    assert receive(board(), held).desk.waiting == ()
    state = receive(board(), with_declaration(night(), 1, GAIN))
    again = receive(state, with_declaration(with_declaration(night(), 1, GAIN), 1, GAIN), 10)
    assert len(again.desk.waiting) == 1 and again.desk.raised == 1


def test_newer_alerts_replace_the_banner_and_the_others_are_counted_and_named() -> None:
    one = with_declaration(night(), 1, GAIN)
    two = with_declaration(one, 0, declaration("Walsall", "04:00", "CON", "LAB"))
    three = with_declaration(two, 1, seat("Ynys Fach", "05:00", "CON", "PC"))
    state = receive(receive(receive(board(), one), two, 10), three, 15)
    banner = state.desk.banner
    assert banner is not None and banner.text.startswith("05:00 Ynys Fach · CON gain from PC")
    assert (banner.count, banner.others) == (3, ("Walsall", "Caer Wen"))
    from widgets.alert_banner import AlertBanner

    assert AlertBanner.versions(banner)[0] == (
        " ⚑ 05:00 Ynys Fach · CON gain from PC — Invented Assembly · 3 unacknowledged: "
        "Walsall, Caer Wen · a acknowledge · A all · m moments "
    )
    assert AlertBanner.versions(banner)[-1] == " ⚑ 05:00 Ynys Fach · CON gain from PC · +2 "
    # `a`: the one on the banner; the next unacknowledged shows, one fewer counted.
    one_off = state.acknowledge()
    banner = one_off.desk.banner
    assert banner is not None and banner.text.startswith("04:00 Walsall · CON gain from LAB")
    assert (banner.count, banner.others) == (2, ("Caer Wen",))
    last = one_off.acknowledge().desk.banner
    assert last is not None and last.count == 1 and "Caer Wen" in last.text
    assert one_off.acknowledge().acknowledge().desk.banner is None
    # `A`: all of them at once.
    acknowledged = state.acknowledge_all()
    assert acknowledged.desk.banner is None and acknowledged.desk.raised == 3


def test_a_rush_alerts_once_and_its_result_does_not_alert_again() -> None:
    rush = declaration("Caer Wen", "01:55", "PC", "LAB", rush=True)
    state = receive(board(), with_declaration(night(), 1, rush))
    assert state.desk.banner is not None and "(rush)" in state.desk.banner.text
    state = receive(state, with_declaration(night(), 1, GAIN), 10)
    assert state.desk.raised == 1 and len(state.desk.waiting) == 1


def test_a_corrected_result_withdraws_its_alert_and_a_new_winner_alerts() -> None:
    state = receive(board(), with_declaration(night(), 1, GAIN))
    corrected = with_declaration(night(), 1, seat("Caer Wen", "02:00", "LAB", "LAB"))
    state = receive(state, corrected, 10)
    assert state.desk.waiting == ()
    other = with_declaration(night(), 1, seat("Caer Wen", "02:00", "CON", "LAB"))
    assert receive(state, other, 15).desk.raised == 2


def test_during_a_freeze_alerts_are_held_counted_in_the_chip_and_shown_on_unfreezing() -> None:
    state = receive(board(), with_declaration(night(), 1, GAIN)).freeze()
    walsall = declaration("Walsall", "04:00", "NOC", "LAB")
    state = receive(state, with_declaration(with_declaration(night(), 1, GAIN), 0, walsall), 10)
    assert state.desk.banner is not None and "Caer Wen" in state.desk.banner.text  # unchanged
    assert [a.area for a in state.desk.held] == ["Walsall"] and state.desk.raised == 2
    frozen = next(chip for chip in chips(state, T0) if chip.tone == "frozen")
    assert frozen.text == "❄ FROZEN · 1 update waiting · ⚑ 1 control change"
    assert state.acknowledge().desk.held == state.desk.held  # held ones are not on the banner
    released = state.unfreeze(T0 + timedelta(seconds=20))
    assert released.desk.banner is not None and "Walsall" in released.desk.banner.text
    # the document's net changes did not move (only the tallies, which are not said)
    assert released.desk.said == (
        "While frozen: English councils: 1 council declared · 1 control change",
        "While frozen: English 1 council · 1 control change",
        "While frozen: 1 council declared · 1 control change",
    )
    assert released.desk.saying(T0 + timedelta(seconds=27)) == released.desk.said
    assert released.desk.saying(T0 + timedelta(seconds=28)) == ()  # 8 s, then gone


@pytest.mark.parametrize(
    ("rule", "alerted"),
    [
        (AlertRule.of("all"), {"Caer Wen", "Walsall", "Ynys Fach"}),
        (AlertRule.of("gains"), {"Caer Wen", "Ynys Fach"}),  # not a loss to NOC
        (AlertRule.of("none"), set()),
        (AlertRule.of(parties=["lab"]), {"Caer Wen", "Walsall"}),  # won or lost, any case
        (AlertRule.of(parties=["CON,PC"]), {"Caer Wen", "Ynys Fach"}),
        (AlertRule.of(areas=["YNYS FACH"]), {"Ynys Fach"}),
        (AlertRule.of(parties=["LAB"], areas=["ynys fach"]), {"Caer Wen", "Walsall", "Ynys Fach"}),
        (AlertRule.of("gains", parties=["LAB"]), {"Caer Wen"}),
    ],
)
def test_which_changes_alert(rule: AlertRule, alerted: set[str]) -> None:
    one = with_declaration(night(), 1, GAIN)
    two = with_declaration(one, 0, declaration("Walsall", "04:00", "NOC", "LAB"))
    three = with_declaration(two, 1, seat("Ynys Fach", "05:00", "CON", "PC"))
    state = receive(board(rule), three)
    assert {alert.area for alert in state.desk.waiting} == alerted
    assert len(new_changes(snap(night()).feed, snap(three).feed)) == 3  # moments see all


def test_the_rule_in_words() -> None:
    assert AlertRule.of().words == "every change of control"
    assert AlertRule.of("gains", ["lab"]).words == "every gain of control involving LAB"
    assert AlertRule.of(areas=["Dudley"]).words == "every change of control in 1 chosen areas"
    assert AlertRule.of("none").words == "no alerts"
