"""One key table (`board.keys.KEYS`): the bindings, the help, `--help`, the palette and the README
all come from it, so none can lack a key another has."""

from __future__ import annotations

import re

import pytest
from textual.binding import Binding

from bench.terminal import ROOT
from board.app import ResultsBoard
from board.cli import build_parser
from board.commands import bindings, palette_commands
from board.keys import KEYS, epilog, plain, readme_table
from board.look import STATUS_WORDS
from board.state import BoardState

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_the_readme_key_table_is_the_key_table() -> None:
    assert readme_table() in README
    rows = re.findall(r"^\| `(.+?)` \| (.+) \|$", readme_table(), re.MULTILINE)
    assert len(rows) == len(KEYS)


def test_the_readme_status_words_are_the_help_screens() -> None:
    for word, meaning in STATUS_WORDS:
        assert f"| {word} | {meaning} |" in README, word


def test_every_binding_comes_from_the_table_and_every_action_exists() -> None:
    made = bindings()
    assert made == ResultsBoard.BINDINGS
    keys = [b.key for b in made if isinstance(b, Binding)]
    for key in ("q", "p", "f", "r", "s", "plus", "minus", "c", "question_mark", "tab", "1", "9"):
        assert key in keys, key
    for binding in made:
        assert isinstance(binding, Binding)
        name = binding.action.split("(")[0]
        assert callable(getattr(ResultsBoard, f"action_{name}", None)), binding.action


@pytest.mark.parametrize("command", ["demo", "watch", "replay"])
def test_board_commands_help_lists_every_key(command: str) -> None:
    parser = build_parser()
    subparsers = next(a for a in parser._actions if a.dest == "command")
    text = subparsers.choices[command].format_help()  # type: ignore[union-attr]
    assert epilog() in text
    for key in KEYS:
        assert key.shown in text and plain(key.what)[:30] in text
    assert "1–9, tab" in text


def test_the_palette_offers_the_keys_and_the_contests() -> None:
    from feeds import Changed
    from tests.test_board_state import T0, snapshot

    state = BoardState.start(mode="live", source="x", interval=5)
    ran: list[str] = []

    async def run(action: str) -> bool:
        ran.append(action)
        return True

    names = [c.title for c in palette_commands(state, run)]
    for wanted in (
        "Freeze or unfreeze the display",
        "Sort the table by the next column",
        "Poll less often",
        "Poll more often",
        "Save an SVG screenshot",
        "Poll the feed now",
    ):
        assert wanted in names
    shown = state.apply_outcome(Changed(snapshot()), T0)
    commands = {c.title: c for c in palette_commands(shown, run)}
    assert "Show contest: Welsh Assembly" in commands
    import asyncio

    asyncio.run(commands["Show contest: Welsh Assembly"].callback())  # type: ignore[arg-type]
    assert ran == ["select_contest(2)"]
