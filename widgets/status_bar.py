"""Provides `StatusBar`: the night's title, word chips for the board's state, and its times.

The bar draws a `StatusView` and decides nothing: the board words the state,
picks each chip's tone and recomputes the view once a second. Two parts, so
that the once-a-second "n s ago" redraws one line, not the bar: the headline
(title and chips) repaints only when they change; the times and the lines
under them (an error, a standing problem, a note) are the only thing a clock
tick repaints, and only when their words change.
"""

from __future__ import annotations

from typing import ClassVar, get_args

from textual.app import ComposeResult
from textual.content import Content
from textual.reactive import reactive
from textual.style import Style
from textual.widget import Widget

from widgets.views import Chip, StatusLine, StatusView, Tone

__all__ = ["Chip", "Headline", "StatusBar", "StatusLine", "StatusView", "Timing"]

TONES: tuple[Tone, ...] = get_args(Tone)
"""Every chip tone; each has a component class `headline--TONE`."""

CHIP_STYLE = Style(bold=True, reverse=True)
"""Every chip is a bold, reversed badge; its tone gives the colour."""

LINE_GLYPH = {"error": "✖ ", "problem": "⚠ ", "note": ""}
"""What opens each kind of line under the times (so it reads without colour)."""


class Headline(Widget):
    """Title on the left (after a title chip, if any); the state chips on the right."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {f"headline--{tone}" for tone in TONES}
    """
    | Class | Description |
    | :- | :- |
    | `headline--TONE` | A chip of that tone (`live`, `stale`, `test`, …): the app's look. |
    """

    DEFAULT_CSS = """
    Headline {
        height: 1;
        & > .headline--connecting, & > .headline--live, & > .headline--demo,
        & > .headline--replay, & > .headline--stale, & > .headline--error,
        & > .headline--frozen, & > .headline--paused, & > .headline--test {
            text-style: bold reverse;
        }
    }
    """

    title: reactive[str] = reactive("")
    """The night's title (untrusted feed text, shown literally)."""
    title_chip: reactive[Chip | None] = reactive[Chip | None](None)
    """A chip before the title (TEST data), or None."""
    chips: reactive[tuple[Chip, ...]] = reactive(())
    """The chips on the right, in order."""

    TITLE_MIN = 12
    """Cells kept for the title; chips take their short words to leave them."""

    def render(self) -> Content:
        lead = 0 if self.title_chip is None else len(self.title_chip.text) + 3
        chips = self._chips(short=False)
        if chips.cell_length + 1 + lead + self.TITLE_MIN > self.size.width:
            chips = self._chips(short=True)
        room = max(0, self.size.width - chips.cell_length - 1)
        title = Content.styled(self.title, "bold")
        if self.title_chip is not None:  # never cut: the title may be cut, not what it is
            chip = Content.assemble(self._chip(self.title_chip), " ")
            title = Content.assemble(chip, title.truncate(max(0, room - chip.cell_length)))
        return Content.assemble(title.truncate(room, ellipsis=True, pad=True), " ", chips)

    @property
    def text(self) -> str:
        """The headline's words (title and chips), for tests and logs."""
        chip = self.title_chip
        words = [*([chip.text] if chip else []), self.title, *(c.text for c in self.chips)]
        return " ".join(words)

    def _chips(self, *, short: bool) -> Content:
        parts = [self._chip(chip, short=short) for chip in self.chips]
        return Content(" ").join(parts)

    @staticmethod
    def _chip(chip: Chip, *, short: bool = False) -> Content:
        """The chip in its tone's colours, reversed (a component class's `reverse` does not
        reach `Content`, so it is added here: the chip reads as a badge without colour too)."""
        text = chip.short if short and chip.short else chip.text
        return Content.styled(f" {text} ", f".headline--{chip.tone}").stylize(CHIP_STYLE)


class Timing(Widget):
    """The times line (the longest version that fits), then error, problem and note lines."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {"timing--error", "timing--problem", "timing--note"}
    """
    | Class | Description |
    | :- | :- |
    | `timing--error` | The feed's failure and the retry. |
    | `timing--problem` | A standing fault of the source beside good figures. |
    | `timing--note` | A note (the replay has ended). |
    """

    DEFAULT_CSS = """
    Timing {
        height: auto;
        color: $text-muted;
        & > .timing--error { color: $error; text-style: bold; }
        & > .timing--problem { color: $warning; text-style: bold; }
        & > .timing--note { color: $text; text-style: bold; }
    }
    """

    view: reactive[StatusView] = reactive(StatusView, repaint=False)
    """What to show (only `times` and `lines` are read)."""

    _shown: Content = Content("")

    def watch_view(self) -> None:
        self._update()

    def on_resize(self) -> None:
        self._update()

    def _update(self) -> None:
        """Repaint only when the words change (each repaint is a line on the wire), and
        relayout only when the line count does."""
        content = self._content()
        if content != self._shown:
            lines_changed = content.plain.count("\n") != self._shown.plain.count("\n")
            self._shown = content
            self.refresh(layout=lines_changed)

    def render(self) -> Content:
        return self._shown

    @property
    def text(self) -> str:
        """The lines as shown."""
        return self._shown.plain

    def _content(self) -> Content:
        width = self.size.width
        view = self.view
        if not view.times:
            return Content("")
        times = next((t for t in view.times if len(t) <= width), None)
        if times is None:  # narrower than any form: cut, never wrap (a wrap costs a row)
            lines = [Content(view.times[-1]).truncate(max(10, width), ellipsis=True)]
        else:
            lines = [Content(times)]
        for line in view.lines:
            forms = [LINE_GLYPH[line.tone] + form for form in (line.text, *line.shorter)]
            fits = next((form for form in forms if len(form) <= width), forms[-1])
            text = Content(fits).truncate(max(10, width), ellipsis=True)
            lines.append(text.stylize(f".timing--{line.tone}"))
        return Content("\n").join(lines)


class StatusBar(Widget):
    """The top of the board: headline, then times and alerts. Set `view` to change it."""

    DEFAULT_CSS = """
    StatusBar { height: auto; }
    """

    view: reactive[StatusView] = reactive(
        StatusView, repaint=False
    )  # the bar draws nothing itself: a repaint would redraw both parts
    """What to show; the board sets a new one after every poll and every second."""

    def compose(self) -> ComposeResult:
        yield Headline()
        yield Timing()

    def on_mount(self) -> None:
        self.watch_view(self.view)

    def watch_view(self, view: StatusView) -> None:
        if not self.is_mounted:
            return
        headline = self.query_one(Headline)
        headline.title = view.title
        headline.title_chip = view.title_chip
        headline.chips = view.chips
        self.query_one(Timing).view = view
        for tone in TONES:
            self.set_class(view.band == tone, f"-{tone}")

    @property
    def title(self) -> str:
        """The night's title as shown."""
        return self.view.title
