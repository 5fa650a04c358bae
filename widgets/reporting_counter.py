"""Provides `ReportingCounter`: "96 of 124" in large digits, with a progress bar.

The reported figure is right-aligned at the width of the total, so
`Digits.update` never changes width and never forces a relayout (FACTS.md).
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.reactive import reactive
from textual.widget import Widget
from textual.widgets import Digits, Label, ProgressBar

__all__ = ["ReportingCounter"]


class ReportingCounter(Widget):
    """How much of the contest has declared: "96 of 124", a bar and the percentage."""

    DEFAULT_CSS = """
    ReportingCounter { height: auto; }
    ReportingCounter > .counter--figures { height: 3; width: auto; }
    ReportingCounter Digits { width: auto; text-style: bold; }
    ReportingCounter #counter-of { padding: 1 1 0 1; color: $text-muted; }
    ReportingCounter ProgressBar { width: 1fr; }
    ReportingCounter ProgressBar > Bar { width: 1fr; }
    ReportingCounter #counter-noun { color: $text-muted; }
    """

    reported: reactive[int] = reactive(0)
    """Declared so far."""
    total: reactive[int] = reactive(0)
    """Declaring in all (0: not known yet)."""
    noun: reactive[str] = reactive("councils")
    """What is being counted, for the words under the digits."""

    def compose(self) -> ComposeResult:
        with Horizontal(classes="counter--figures"):
            yield Digits("", id="counter-reported")
            yield Label("of", id="counter-of")
            yield Digits("", id="counter-total")
        yield ProgressBar(total=None, show_eta=False, show_percentage=False, id="counter-bar")
        yield Label("", id="counter-noun", markup=False)

    def on_mount(self) -> None:
        self._show()

    def watch_reported(self) -> None:
        self._show()

    def watch_total(self) -> None:
        self._show()

    def watch_noun(self) -> None:
        self._show()

    @property
    def text(self) -> str:
        """The counter in words, as a screen reader or a log would want it."""
        if not self.total:
            return f"{self.reported} {self.noun} reported"
        return f"{self.reported} of {self.total} {self.noun} reported"

    @property
    def words(self) -> str:
        """The line under the bar: the counter in words and the percentage, floored."""
        if not self.total:
            return self.text
        return f"{self.text} · {100 * self.reported // self.total}%"

    def _show(self) -> None:
        if not self.is_mounted:
            return
        reported, total = self.reported, self.total
        width = len(str(max(total, reported)))
        self.query_one("#counter-reported", Digits).update(f"{reported:>{width}}")
        self.query_one("#counter-total", Digits).update(str(total) if total else "-")
        bar = self.query_one("#counter-bar", ProgressBar)
        bar.update(total=total or None, progress=min(reported, total) if total else 0)
        self.query_one("#counter-noun", Label).update(Content(self.words))
