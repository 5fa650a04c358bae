"""End to end: hostile text in every displayed field reaches the screen literally and never the tty.

The real board watches a `FaultServer` that serves documents carrying every
string of `tests.hostile.HOSTILE` as a party name, a declared area, a quote's
text, speaker, role and outlet, the night's title and a contest's title (on
its tab). The raw bytes the board wrote to its pseudo-terminal are checked
against a baseline run of the benign seed feed: no escape sequence, C1
control, NUL or bidi override from the feed appears; and the emulated screen
shows the markup as typed.
"""

from __future__ import annotations

import functools
from collections.abc import Callable

import pytest

from sample_feeds.factory import document, encode
from tests.e2e.conftest import watch
from tests.faultserver import FaultServer, Step
from tests.hostile import HOSTILE, VISIBLE, hostile_doc, leaks

FIELDS = (
    "party name",
    "area",
    "quote text",
    "speaker",
    "role",
    "outlet",
    "title",
    "contest title",
)
"""Every field the hostile strings were put in."""

TITLE_BATCH = 10
"""Hostile strings joined into one title per document."""


def shows_all(screen: str, figure: str) -> bool:
    """True when the screen shows the document's figure and every `VISIBLE` string."""
    return figure in screen and all(literal in screen for literal in VISIBLE.values())


def test_the_leak_checker_sees_each_kind_of_leak() -> None:
    baseline = b"\x1b[?1049h\x1b]22;default\x07\x1b[1;1Hboard\x1b[0m"
    assert leaks(baseline, baseline) == {}
    assert "osc0-title" in leaks(baseline + HOSTILE["osc0-title"].encode(), baseline)
    assert "csi-clear" in leaks(baseline + b"\x1b[2JHX-CLEAR", baseline)
    for planted in ("\x9b2J", "\u202e", "\x00", "\x1b]52;c;x\x07", "\x1bP1$r\x1b\\"):
        assert "*" in leaks(baseline + planted.encode(), baseline), repr(planted)


@pytest.mark.e2e
def test_hostile_text_shows_literally_and_never_reaches_the_terminal(
    record_property: Callable[[str, object], None],
) -> None:
    names = list(HOSTILE)
    batches = [names[start : start + TITLE_BATCH] for start in range(0, len(names), TITLE_BATCH)]
    with FaultServer() as server:
        server.script([Step.ok(encode(document(sequence=1)))])
        with watch(server.url, size=(120, 50)) as board:
            board.wait_for_text("1005")
            board.wait_for_text("hung on")
            baseline = bytes(board.raw)

            for number, batch in enumerate(batches, start=2):
                doc = hostile_doc(number, batch)
                doc["contests"][0]["parties"][0]["seats"] = 3000 + number
                server.script([Step.ok(encode(doc))])
                figure = f"{3000 + number}"
                try:
                    text = board.wait_for_text(functools.partial(shows_all, figure=figure), 15)
                except AssertionError:
                    text = board.text()
                    missing = {n: v for n, v in VISIBLE.items() if v not in text}
                    raise AssertionError(f"not shown literally: {missing}\n{text}") from None
                assert board.alive
                assert "invalid feed" not in text

            # The ticker brings the first hostile quote in whole: text, speaker, role, outlet.
            first = HOSTILE["click-action"]
            board.wait_for_text(f"{first}, {first} ({first})", timeout=30)
            assert board.alive

            found = leaks(bytes(board.raw), baseline)
            record_property("hostile_strings", len(HOSTILE))
            record_property("hostile_fields", len(FIELDS))
            record_property("hostile_tried", len(HOSTILE) * len(FIELDS))
            record_property("hostile_leaked", len(found))
            assert not found, f"sequences from the feed reached the terminal: {found}"

            # `[@click=app.quit]` did nothing: the board still runs, and `q` still quits it.
            board.send("q")
            assert board.wait_exit() == 0
