"""An invalid feed is named on the board with its first reason, for every format.

The field fault: `watch live.csv --total 124` with a Total row that did not add up showed
"✖ invalid feed — retrying in 4 s" and no reason, while `check` named it ("row 6, Councils:
Total 21 is not the sum of the other rows (22)"). The board kept the error's summary and
dropped its detail. Each case here feeds a board a good document, then a bad one, and reads
the status line back: the summary, the retry, then the reason (sanitised, cut to the width).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime

import pytest

from board.plainwatch import watch_plain
from board.status import REASON_CHARS, refusal
from feeds.adapter import Adapter, CsvAdapter, JsonAdapter, RawDocument
from feeds.ap.adapter import ApAdapter
from feeds.errors import FeedDecodeError, FeedHTTPError, FeedInvalid, FeedSchemaError, Problem
from sample_feeds.factory import document, encode
from tests import apnight
from tests.boardkit import FAST, ScriptedSource, live_board, shown_sequence
from tests.waiting import async_wait_for
from widgets.status_bar import Timing

GOOD_CSV = b"Party,Councils,Seats\nLabour,49,1005\nConservative,26,547\nNOC,19,0\n"

AP_GOOD = apnight.encode(
    apnight.response(
        [apnight.race("4400", "NV", "I", "Question", [apnight.candidate("1", "Yes", "Yes", 5)])]
    )
)

CASES: dict[str, tuple[Callable[[], Adapter], bytes, bytes]] = {
    "json schema": (
        JsonAdapter,
        encode(document(sequence=1)),
        encode({**document(sequence=2), "published_at": "late on Thursday"}),
    ),
    "json not json": (JsonAdapter, encode(document(sequence=1)), b"<html>502 Bad Gateway</html>"),
    "json hostile": (  # the reason quotes the feed: no control sequence may reach the terminal
        JsonAdapter,
        encode(document(sequence=1)),
        b'{"format": "results-board/1", "sequence": "\x1b[2J\x1b]0;pwned\x07"',
    ),
    "csv sum": (
        lambda: CsvAdapter(124),
        GOOD_CSV,
        b"Party,Councils,Seats\nLabour,100,1\nCon,20,2\n\nNOC,10,0\n",
    ),
    "csv header": (lambda: CsvAdapter(124), GOOD_CSV, b"Labour,49,-1\nConservative,26,0\n"),
    "ap not an object": (ApAdapter, AP_GOOD, b"[]"),
    "ap races": (ApAdapter, AP_GOOD, json.dumps({"races": 7}).encode()),
}


def refusal_of(make: Callable[[], Adapter], bad: bytes) -> FeedInvalid:
    """What the format's adapter raises for `bad` (what `check` names)."""
    try:
        make().read([RawDocument("feed", bad)], datetime(2026, 11, 27, tzinfo=UTC))
    except FeedInvalid as error:
        return error
    raise AssertionError("the bad document was accepted")


@pytest.mark.parametrize("case", list(CASES))
async def test_the_board_names_the_first_reason_of_an_invalid_feed(case: str) -> None:
    make, good, bad = CASES[case]
    error = refusal_of(make, bad)
    assert error.detail, "every refusal here has a reason to name"
    app, source, _ = live_board(interval=FAST)
    source.adapter = make()
    async with app.run_test(size=(160, 40)) as pilot:
        source.push(good)
        await shown_sequence(app, 1)
        source.push(bad)
        await async_wait_for(lambda: app.state.feed.error is not None, "the refusal recorded")
        app.tick()
        await pilot.pause()
        line = next(
            line for line in app.query_one(Timing).render().plain.splitlines() if "✖" in line
        )
        assert line.startswith(f"✖ {error.summary} — retrying")
        shown = line.split(" · ")[-1].rstrip("…")
        assert len(shown) > 10 and error.detail.startswith(shown[:10])
        assert "\x1b" not in line and "\x07" not in line


async def test_a_long_reason_is_cut_to_the_width_and_the_retry_stays() -> None:
    app, source, _ = live_board(interval=FAST)
    source.adapter = CsvAdapter(124)
    rows = "".join(f"Party number {n} with a long name,1,1\n" for n in range(40))
    async with app.run_test(size=(80, 24)) as pilot:
        source.push(GOOD_CSV)
        await shown_sequence(app, 1)
        source.push(f"Party,Councils,Seats\n{rows}Labour,9999,1\n".encode())
        await async_wait_for(lambda: app.state.feed.reason is not None, "the reason recorded")
        app.tick()
        await pilot.pause()
        line = next(
            line for line in app.query_one(Timing).render().plain.splitlines() if "✖" in line
        )
        assert "retrying" in line and line.endswith("…") and len(line) <= 80


def test_the_reason_is_sanitised_and_only_given_for_a_refused_document() -> None:
    hostile = FeedDecodeError("not a JSON feed", "near \x1b[2J\x1b]0;pwned\x07 at line 1\u202e")
    assert refusal(hostile) == "near [2J]0;pwned at line 1"
    assert refusal(FeedDecodeError("empty feed", "")) is None
    assert refusal(FeedHTTPError(503, detail="<html>Service Unavailable</html>")) is None
    assert refusal(FeedSchemaError([Problem("sequence", "x" * 1000)])) == (
        "sequence: " + "x" * (REASON_CHARS - len("sequence: ") - 1) + "…"
    )


class TwoPolls(ScriptedSource):
    """Finished after its second fetch."""

    @property
    def finished(self) -> bool:
        return self.fetches >= 2


def test_plain_snapshots_name_the_reason_too(capsys: pytest.CaptureFixture[str]) -> None:
    source = TwoPolls()
    source.adapter = CsvAdapter(124)
    source.push(GOOD_CSV)
    source.push(b"Party,Councils,Seats\nLabour,100,1\nCon,20,2\n\nNOC,10,0\n")
    assert watch_plain(source, interval=0.01) == 0
    assert (
        "poll failed: invalid feed: rows 2–5, Councils: add up to 130, more than the 124 "
        "councils electing — the last figures stand" in capsys.readouterr().out
    )
