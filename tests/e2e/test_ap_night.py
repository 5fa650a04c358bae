"""End to end: the real `results-board watch --format ap` against the fake AP server."""

from __future__ import annotations

import re

import pytest

from bench.terminal import PtyProgram, board_command
from tests.fakeap import QUOTA, FakeAp

pytestmark = pytest.mark.e2e

KEY = "e2e-key-31337"


def line_of(text: str, place: str) -> str:
    return next((line for line in text.splitlines() if re.match(rf"^\W*{place}\s", line)), "")


def test_a_us_night_runs_end_to_end_with_pages_quota_calls_and_a_retraction() -> None:
    with FakeAp(key=KEY, page_size=2) as fake:
        command = [*board_command(), "watch", "--format", "ap", fake.url, "--interval", "1"]
        env = {"RESULTS_BOARD_AP_KEY": KEY}
        with PtyProgram(command, size=(120, 40), env=env) as board:
            board.wait_for_text("Races (1 of 5 called)")
            board.send("2")
            text = board.wait_for_text(lambda t: "✔ CALLED" in line_of(t, "WY"))
            assert "President · 1 of 3 called" in text

            fake.advance()  # four races changed: two pages of two
            text = board.wait_for_text(lambda t: "44% exp. vote" in line_of(t, "NV"))
            assert "leading" in line_of(text, "NV") and "CALLED" not in line_of(text, "NV")
            assert any("offset=2" in seen.target for seen in fake.requests)

            fake.fail_next(*QUOTA)
            board.wait_for_text("AP per-minute quota exceeded")
            fake.advance()  # NV and KS called, once the quota wait is over
            text = board.wait_for_text(
                lambda t: "✔ CALLED" in line_of(t, "NV") and "✔ CALLED" in line_of(t, "KS"),
                timeout=30,
            )
            assert "LIVE" in text

            fake.advance()  # AP retracts the KS call
            text = board.wait_for_text(lambda t: "leading" in line_of(t, "KS"))
            assert "CALLED" not in line_of(text, "KS")

            board.send("/")
            board.wait_for_text("Find a race")
            board.send("ks sen")
            board.wait_for_text("1 of 5 races")
            board.send("\r")
            race = ("KS U.S. Senate", "Dale Okafor (GOP) leading by", "Cora Lindqvist (i) (Dem)")
            board.wait_for_text(lambda t: all(words in t for words in race))

            board.send("q")
            assert board.wait_exit(timeout=10) == 0
        assert KEY.encode() not in bytes(board.raw)
        assert all(seen.headers.get("x-api-key") == KEY for seen in fake.requests)


def test_a_refused_key_is_one_clear_line_and_the_key_is_never_shown() -> None:
    with FakeAp(key=KEY) as fake:
        command = [*board_command(), "watch", "--format", "ap", fake.url, "--interval", "1"]
        env = {"RESULTS_BOARD_AP_KEY": "wrong-key-27182"}
        with PtyProgram(command, size=(120, 40), env=env) as board:
            board.wait_for_text("AP refused the API key (HTTP 401): check RESULTS_BOARD_AP_KEY")
            board.send("q")
            assert board.wait_exit(timeout=10) == 0
        assert b"wrong-key-27182" not in bytes(board.raw)
        assert len(fake.requests) == 1  # polling slowed to once a minute
