"""Provides `RaceSearch`: type a few letters, pick one race of hundreds, keyboard only.

Every word typed must appear in the race's label ("az pres", "ny 3 house");
the list narrows as you type, the first match is highlighted, ↑ ↓ move,
Enter opens it, Escape goes back. The screen is dismissed with the race's
key, or None. Labels are untrusted feed text: options are plain `Content`.

| key | what it does |
|---|---|
| (type) | narrow the list |
| ↑ ↓ | choose among the matches |
| enter | open the highlighted race |
| escape | close without choosing |
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

__all__ = ["RaceSearch", "matches"]

SHOWN = 200
"""The most matches listed at once (the count says how many there are)."""


def matches(query: str, labels: Sequence[tuple[str, str]]) -> list[tuple[str, str]]:
    """The (key, label) pairs whose label holds every word of `query`, in the given order."""
    words = query.casefold().split()
    return [(key, label) for key, label in labels if all(w in label.casefold() for w in words)]


class RaceSearch(ModalScreen[str | None]):
    """Find a race by typing; dismissed with its key (or None)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss(None)", "Close"),
        Binding("down", "move(1)", "Next", show=False),
        Binding("up", "move(-1)", "Previous", show=False),
    ]

    DEFAULT_CSS = """
    RaceSearch {
        align: center top;
        & > Vertical {
            width: 80%;
            max-width: 90;
            height: auto;
            max-height: 80%;
            margin-top: 2;
            border: round $accent;
            background: $surface;
        }
        & OptionList { height: auto; max-height: 20; border: none; }
        & #race-search-count { color: $text-muted; padding: 0 1; }
    }
    """

    def __init__(self, labels: Sequence[tuple[str, str]]) -> None:
        """Search `labels`: (race key, what to match and show) pairs, in the overview's order."""
        super().__init__()
        self.labels = list(labels)
        """Every race that can be found."""

    def compose(self) -> ComposeResult:
        """The query, a count and the matches."""
        with Vertical():
            yield Input(placeholder="Find a race: state, office, district, candidate…")
            yield Static("", id="race-search-count", markup=False)
            yield OptionList()

    def on_mount(self) -> None:
        """Start with every race listed."""
        self._show("")

    def on_input_changed(self, event: Input.Changed) -> None:
        """Narrow the list as the query changes."""
        self._show(event.value)

    def _show(self, query: str) -> None:
        found = matches(query, self.labels)
        options = self.query_one(OptionList)
        options.clear_options()
        options.add_options(Option(Content(label), id=key) for key, label in found[:SHOWN])
        if found:
            options.highlighted = 0
        more = f" (first {SHOWN} shown)" if len(found) > SHOWN else ""
        self.query_one("#race-search-count", Static).update(
            Content(f"{len(found)} of {len(self.labels)} races{more}")
        )

    def action_move(self, step: int) -> None:
        """Move the highlight without leaving the query."""
        options = self.query_one(OptionList)
        if options.option_count:
            current = options.highlighted or 0
            options.highlighted = max(0, min(options.option_count - 1, current + step))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter: open the highlighted race."""
        options = self.query_one(OptionList)
        if options.highlighted is not None:
            self.dismiss(options.get_option_at_index(options.highlighted).id)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """A click (or Enter in the list): open that race."""
        self.dismiss(event.option.id)
