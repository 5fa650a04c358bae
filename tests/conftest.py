"""Fixtures shared by the unit and integration tests."""

from __future__ import annotations

import sys
import types
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from feeds.source import FeedSource
from sample_feeds.factory import document, encode
from tests.faultserver import FaultServer


@pytest.fixture
def server() -> Iterator[FaultServer]:
    """A `FaultServer` on 127.0.0.1 (port 0) for one test, stopped after it."""
    with FaultServer() as running:
        yield running


@pytest.fixture
def feed_file(tmp_path: Path) -> Path:
    """A valid results-board/1 feed file (the factory's default document)."""
    path = tmp_path / "feed.json"
    path.write_bytes(encode(document()))
    return path


@pytest.fixture
def boards(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, Any]]:
    """Stand in for `board.app` (the Textual app) in command-line tests: each `run_board` call
    is recorded (its source, mode, interval, wall and desk options) and returns 0."""
    calls: list[dict[str, Any]] = []

    def run_board(
        source: FeedSource, *, mode: str, interval: float, wall: bool | None = None, **desk: Any
    ) -> int:
        calls.append({"source": source, "mode": mode, "interval": interval, "wall": wall, **desk})
        return 0

    fake = types.ModuleType("board.app")
    fake.run_board = run_board  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "board.app", fake)
    return calls
