"""A source that answers but has sent nothing to show is never LIVE over nothing.

The field fault: a board on an empty PA folder said `● LIVE` with no title,
`Feed --:--`, a table of zeros and a counter reading " of ". The kind: any
source whose good polls carry no contests — an empty folder or FTP account, a
folder of files none of which can be read, a source that answers "unchanged"
before it ever sent a document. Until figures come the board says CONNECTING
and what it waits for.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from board.look import status_view
from board.state import BoardState, FeedState
from board.status import Mode
from feeds.pa.ftp import PASSWORD_ENV
from feeds.source import Changed, FeedSource, Unchanged
from feeds.sources import open_source
from tests import pakit
from tests.boardkit import live_board, screen_text
from tests.paftp import PASSWORD, FtpServer
from tests.test_board_state import T0, at, snapshot
from tests.waiting import async_wait_for


def board_for(source: FeedSource, mode: Mode = "live") -> BoardState:
    return BoardState.start(mode=mode, source=source.description, interval=5,
                            awaited=source.adapter.awaited)  # fmt: skip


def lines(state: BoardState, seconds: float) -> list[str]:
    return [line.text for line in status_view(state, at(seconds)).lines]


@pytest.mark.parametrize("mode", ["live", "demo", "replay"])
def test_good_polls_with_nothing_to_show_say_connecting_and_what_they_wait_for(
    mode: Mode,
) -> None:
    state = BoardState.start(mode=mode, source="https://feed.example/", interval=5)
    state = state.apply_outcome(Unchanged(), T0)  # answered; nothing to show
    assert state.feed.last_success == T0
    assert state.state_word(at(1)) is FeedState.CONNECTING
    assert lines(state, 1) == ["waiting for the first figures from https://feed.example/"]
    assert all("LIVE" not in chip.text for chip in status_view(state, at(1)).chips)
    state = state.apply_outcome(Changed(snapshot()), at(5))
    assert state.state_word(at(6)) is not FeedState.CONNECTING
    assert lines(state, 6) == []


def test_nothing_yet_goes_stale_when_good_polls_stop_as_ever() -> None:
    state = BoardState.start(mode="live", source="x", interval=5).apply_outcome(Unchanged(), T0)
    state = state.apply_outcome(Unchanged(), at(5))
    assert state.state_word(at(25)) is FeedState.STALE  # polls stopped coming back: not waiting


@pytest.mark.parametrize("contents", ["empty", "unreadable files only"])
async def test_a_pa_folder_with_nothing_to_show_waits_for_pas_first_files(
    tmp_path: Path, contents: str
) -> None:
    if contents != "empty":
        pakit.land(tmp_path / "results", "Local_result_Aldwick_1.xml", pakit.MALFORMED)
    source = open_source(str(tmp_path), format="pa")
    state = board_for(source).apply_outcome(await source.poll(), T0)
    assert state.state_word(at(1)) is FeedState.CONNECTING
    said = lines(state, 1)
    assert said[0] == f"waiting for PA's first files in {tmp_path}"
    if contents != "empty":
        assert "malformed XML" in said[1]  # the fault is still named
    pakit.land(tmp_path / "results", "Local_SOP_All_2.xml", pakit.local_sop())
    state = state.apply_outcome(await source.poll(), at(5))
    assert state.state_word(at(6)) is FeedState.LIVE
    assert not any(line.startswith("waiting") for line in lines(state, 6))


async def test_an_empty_pa_ftp_account_waits_for_pas_first_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(PASSWORD_ENV, PASSWORD)
    (tmp_path / "results").mkdir()
    (tmp_path / "nominations").mkdir()
    with FtpServer(tmp_path) as server:
        source = open_source(server.url("/"), format="pa")
        state = board_for(source).apply_outcome(await source.poll(), T0)
        assert state.state_word(at(1)) is FeedState.CONNECTING
        assert lines(state, 1)[0].startswith("waiting for PA's first files in ftp://desk@")
        await source.aclose()


async def test_the_board_on_a_source_with_nothing_yet_says_so_on_screen() -> None:
    app, source, clock = live_board(None)  # the source answers "unchanged" at once
    async with app.run_test(size=(80, 24)) as pilot:
        await async_wait_for(lambda: app.state.feed.last_success is not None, "a good poll")
        app.tick()
        await pilot.pause()
        text = screen_text(app)
        assert "CONNECTING" in text and "LIVE" not in text
        assert "waiting for the first figures from scripted test source" in text
