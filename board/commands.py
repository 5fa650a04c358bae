"""Provides the board's key bindings and command-palette commands, both made from `KEYS`.

`bindings()` is the app's `BINDINGS`; `palette_commands()` is what the app
adds to Textual's own commands (themes, quit, …) in the command palette
(`ctrl+p`): every key that has a command name, and one "Show contest" per
contest of the feed on screen.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterator
from functools import partial

from textual.app import SystemCommand
from textual.binding import Binding, BindingType

from board.keys import EXTRA_COMMANDS, KEYS, plain
from board.state import BoardState

__all__ = ["bindings", "palette_commands"]

RunAction = Callable[[str], Awaitable[object]]
"""Runs an app action by its string ("interval(1)"): `App.run_action`."""


def bindings() -> list[BindingType]:
    """The app's bindings: every `Bind` of every row of `KEYS`, in order."""
    return [
        Binding(
            bind.key,
            bind.action,
            bind.footer or "",
            show=bind.footer is not None,
            key_display=bind.key_display,
            priority=bind.priority,
        )
        for key in KEYS
        for bind in key.binds
    ]


def palette_commands(state: BoardState, run: RunAction) -> Iterator[SystemCommand]:
    """The board's commands for the palette: the keys' own, then one per contest."""
    for key in KEYS:
        if key.command is not None and key.binds:
            yield SystemCommand(key.command, plain(key.what), partial(run, key.binds[0].action))
    for action, name in EXTRA_COMMANDS.items():
        yield SystemCommand(name, name, partial(run, action))
    if state.shown is not None:
        for index, contest in enumerate(state.items):
            yield SystemCommand(
                f"Show contest: {contest.title}",
                f"key {index + 1}" if index < 9 else "from the palette",
                partial(run, f"select_contest({index})"),
            )
