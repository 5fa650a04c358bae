"""Provides `ReportingCounter`: "96 of 124" in large digits, with a progress bar and its words.

It takes a `CounterView` (figures and the words under them, worded by the
board). `compact` folds it to one line for a short terminal: the words, then
the bar ("96 of 124 councils · 77% ━━━╸━━"). The reported figure is
right-aligned at the width of the total, so `Digits.update` never changes
width and never forces a relayout (FACTS.md).
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.reactive import reactive
from textual.widget import Widget
from textual.widgets import Digits, Label, ProgressBar

from widgets.views import CounterView

__all__ = ["CounterView", "ReportingCounter"]


class ReportingCounter(Widget):
    """How much of the contest has declared: "96 of 124", a bar, and "96 of 124 councils · 77%"."""

    DEFAULT_CSS = """
    ReportingCounter { height: auto; }
    ReportingCounter > .counter--figures { height: 3; width: auto; }
    ReportingCounter Digits { width: auto; text-style: bold; }
    ReportingCounter #counter-of { padding: 1 1 0 1; color: $text-muted; }
    ReportingCounter ProgressBar { width: 1fr; }
    ReportingCounter ProgressBar > Bar { width: 1fr; }
    ReportingCounter #counter-noun { color: $text-muted; }
    ReportingCounter.-compact { height: 1; layout: horizontal; }
    ReportingCounter.-compact > .counter--figures { display: none; }
    ReportingCounter.-compact > #counter-noun {
        dock: left; width: auto; margin-right: 1; color: $text; text-style: bold;
    }
    """

    view: reactive[CounterView] = reactive(CounterView, init=False)
    """What to show; an equal view does nothing."""
    compact: reactive[bool] = reactive(False, toggle_class="-compact")
    """One line (words and bar) instead of big digits over the bar and the words."""

    def compose(self) -> ComposeResult:
        with Horizontal(classes="counter--figures"):
            yield Digits("", id="counter-reported")
            yield Label("of", id="counter-of")
            yield Digits("", id="counter-total")
        yield ProgressBar(total=None, show_eta=False, show_percentage=False, id="counter-bar")
        yield Label("", id="counter-noun", markup=False)

    def on_mount(self) -> None:
        self._show()

    def watch_view(self) -> None:
        self._show()

    @property
    def text(self) -> str:
        """The counter in words, as a screen reader or a log would want it."""
        return self.view.text

    def _show(self) -> None:
        if not self.is_mounted:
            return
        reported, total = self.view.reported, self.view.total
        width = len(str(max(total, reported)))
        self.query_one("#counter-reported", Digits).update(f"{reported:>{width}}")
        self.query_one("#counter-total", Digits).update(str(total) if total else "-")
        bar = self.query_one("#counter-bar", ProgressBar)
        bar.update(total=total or None, progress=min(reported, total) if total else 0)
        self.query_one("#counter-noun", Label).update(Content(self.view.words))
