"""Plain mode (`--plain`, TERM=dumb: `board/plainwatch.py`) says each new alert as one line, once:
a race called, a call retracted, a change of control — never the first document's."""

from __future__ import annotations

import pytest

from board.alerts import AlertRule
from board.plainwatch import watch_plain
from feeds.ap import ApAdapter
from sample_feeds.factory import declaration
from tests.apnight import NIGHT, response
from tests.boardkit import ScriptedSource
from tests.deskkit import night, with_declaration


class Polls(ScriptedSource):
    """Finished once every pushed document was fetched."""

    def __init__(self, *documents: object) -> None:
        super().__init__()
        for document in documents:
            self.push(document)  # type: ignore[arg-type]
        self.count = len(documents)

    @property
    def finished(self) -> bool:
        return self.fetches >= self.count


def ap_night(*, again: bool = False) -> Polls:
    """The invented AP night; `again`: its last document a second time (nothing new)."""
    steps = [response(NIGHT[0], link="/x")]
    steps += [response(step, link="/x", truncated=False) for step in NIGHT[1:]]
    source = Polls(*steps, *(steps[-1:] if again else []))
    source.adapter = ApAdapter()
    return source


def alert_lines(out: str) -> list[str]:
    return [line.split(" ", 1)[1] for line in out.splitlines() if " ALERT " in line]


def test_each_call_and_retraction_is_one_line_when_it_arrives(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert watch_plain(ap_night(again=True), interval=0) == 0
    out = capsys.readouterr().out
    assert "WY" in out and "✔ CALLED" in out  # WY's call is in the first snapshot's figures…
    assert sorted(alert_lines(out)) == [  # …but not an alert: the night so far
        "ALERT ✔ CALLED 23:00 KS U.S. Senate · Dale Okafor (GOP)",
        "ALERT ✔ CALLED 23:00 NV President · Ada Quill (Dem)",
        "ALERT ✖ CALL RETRACTED 23:00 KS U.S. Senate · Dale Okafor (GOP)",
    ]
    # Each after the snapshot that brought it (the third and fourth printed), once.
    printings = out.split("── ")[1:]
    assert len(printings) == 4  # the repeated last document prints nothing new
    assert [len(alert_lines(p)) for p in printings] == [0, 0, 2, 1]
    assert "\x1b" not in out and "\x07" not in out


def test_the_alert_options_hold_in_plain_mode(capsys: pytest.CaptureFixture[str]) -> None:
    watch_plain(ap_night(), interval=0, rule=AlertRule.of("all", ["dem"]))
    assert alert_lines(capsys.readouterr().out) == [
        "ALERT ✔ CALLED 23:00 NV President · Ada Quill (Dem)"
    ]
    watch_plain(ap_night(), interval=0, rule=AlertRule.of("none"))
    assert alert_lines(capsys.readouterr().out) == []


def test_a_change_of_control_is_said_with_its_contest(capsys: pytest.CaptureFixture[str]) -> None:
    gain = with_declaration(night(), 0, declaration("Walsall", "04:00", "CON", "LAB"))
    watch_plain(Polls(night(), gain), interval=0)
    assert alert_lines(capsys.readouterr().out) == [
        "ALERT 04:00 Walsall · CON gain from LAB — English councils"
    ]
