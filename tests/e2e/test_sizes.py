"""End to end: the real board at 80×24 in a pseudo-terminal shows every panel whole (issue 11).

What the issue saw at 80×24 — the reporting bar running into the declaration
times, the footer cut to `c Scr`, help losing its last lines — is read from
the emulated screen a producer would see; then the terminal shrinks below the
minimum and only "terminal too small" shows, and grows back to the board.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from board.keys import KEYS
from sample_feeds.factory import councils, declaration, document, legislature, mayor
from tests.e2e.conftest import watch

pytestmark = pytest.mark.e2e

FOOTER_KEYS = [
    f"{bind.key_display or bind.key} {bind.footer}"
    for key in KEYS
    for bind in key.binds
    if bind.footer and bind.action != "close_race"  # esc: only with a race open
]
"""Every key the footer may show, as it reads ("q Quit", "+/- Interval")."""


def whole_board(text: str) -> bool:
    return "96 of 124 councils" in text and "Latest declarations" in text and "? Help" in text


def test_at_80_by_24_every_panel_is_whole(tmp_path: Path) -> None:
    feed = tmp_path / "feed.json"
    scotland = legislature(id="scotland", title="Scottish Parliament", total=129, majority=65)
    declared = [declaration(f"Area {n}", f"0{n}:1{n}", "LAB", "LAB") for n in range(1, 8)]
    england = councils(declarations=declared)
    feed.write_text(json.dumps(document(england, scotland, legislature(), mayor())))
    with watch(str(feed), size=(80, 24)) as board:
        lines = board.wait_for_text(whole_board).splitlines()
        tabs = next(line for line in lines if "English councils" in line)
        assert re.search(r"1 .*2 .*3 .*4 ", tabs), tabs  # every tab on the row
        bar = next(line for line in lines if re.match(r" [━╸╺]{10}", line))
        assert re.search(r"[━╸╺]\s{2,}\d\d:\d\d", bar), bar  # the bar stops before the times
        digits = [line for line in lines if " of " in line and "┃" in line]
        assert len(digits) == 1  # the middle row of the big digits ("96 of 124")
        index = lines.index(digits[0])
        assert "┏" in lines[index - 1] and "┗" in lines[index + 1]  # the rows above and below
        footer = lines[-1]
        rest = footer
        for key in FOOTER_KEYS:
            rest = rest.replace(key, "")
        assert rest.strip() == "", f"cut or unknown footer words: {footer!r}"
        assert "? Help" in footer

        board.send("?")
        # the close line learns that the keys scroll once they are laid out: wait for that
        text = board.wait_for_text(lambda text: "more below" in text and "to close" in text)
        close = next(line for line in text.splitlines() if "to close" in line)
        assert "escape, q or ? to close" in close and "more below" in close
        board.send("\x1b")
        board.wait_for_text(lambda text: "to close" not in text and whole_board(text))

        board.resize(59, 20)
        text = board.wait_for_text("too small")
        assert [line.strip() for line in text.splitlines() if line.strip()] == [
            "terminal too small — need 60×20 (now 59×20)"
        ]
        board.resize(80, 24)
        board.wait_for_text(whole_board)
        board.send("q")
        assert board.wait_exit() == 0
