"""Provides the ticker: one line of quotes and news scrolling right to left.

A line-API widget: items are laid end to end on a *tape* (each followed by a
separator) and each frame crops the window at the scroll offset from one cached
`Strip`, then refreshes this line only — never a relayout. The offset comes
from an injectable clock (elapsed time × `cells_per_second`), so a late timer
never makes the text drift and tests set the clock instead of waiting. The
timer runs only while something moves: empty or paused, nothing is written.
With `app.animation_level == "none"` the ticker pages instead: one whole item
(cut with "…") for `page_seconds`, its timer at that rate.

The order items come round in is `widgets/_ticker_items.py`'s `Playlist`; where
they stand on the tape as the clock scrolls it is `widgets/_ticker_tape.py`'s `Tape`.
`keep_items` makes it exactly the board's list: items too old leave (one on
screen scrolls off first), and a faded item is drawn `ticker--faded`.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from typing import ClassVar, Literal

from textual import events
from textual.content import Content
from textual.reactive import reactive
from textual.strip import Strip
from textual.timer import Timer
from textual.widget import Widget

from widgets._ticker_items import KEY_MEMORY, Playlist, TickerItem
from widgets._ticker_tape import SEPARATOR, Tape

__all__ = ["KEY_MEMORY", "MARKER", "SEPARATOR", "Ticker", "TickerItem"]

MARKER = "❚❚ "
"""Drawn at the left edge while the ticker is paused."""

PLACEHOLDER = "no updates yet"
"""Shown, muted, until the first item arrives (the board may say otherwise: `placeholder`)."""


class Ticker(Widget):
    """One line of quotes and news, scrolling right to left (or paging, without animation)."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "ticker--placeholder",
        "ticker--marker",
        "ticker--faded",
    }
    """
    | Class | Description |
    | :- | :- |
    | `ticker--placeholder` | The text shown before any item arrives. |
    | `ticker--marker` | The ❚❚ shown while paused. |
    | `ticker--faded` | An item old enough to be doubted. |
    """

    DEFAULT_CSS = """
    Ticker {
        height: 1;
        width: 1fr;
        & > .ticker--placeholder { color: $text-muted; text-style: italic; }
        & > .ticker--marker { color: $warning; text-style: bold; }
        & > .ticker--faded { color: $text-disabled; }
    }
    """

    paused: reactive[bool] = reactive(False, init=False)
    """Whether the ticker stands still; while paused it writes nothing. The board sets it from
    its own state (`p`); a standalone app may bind a key to `action_toggle_pause`."""

    def __init__(
        self,
        *,
        cells_per_second: float = 8.0,
        cells_per_frame: int = 1,
        page_seconds: float = 6.0,
        max_items: int = 40,
        clock: Callable[[], float] = time.monotonic,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        """Create an empty ticker.

        Args:
            cells_per_second: Scroll speed, in cells a second.
            cells_per_frame: Cells moved per frame: 2 halves the frames (and the bytes
                written) at the same speed, a little less smoothly.
            page_seconds: How long each item shows when animations are off.
            max_items: How many items are kept for repeats; the oldest are dropped.
            clock: Seconds from any origin; inject a fake one in tests.
            name: The name of the widget.
            id: The ID of the widget in the DOM.
            classes: The CSS classes of the widget.
        """
        if min(cells_per_second, page_seconds) <= 0 or min(cells_per_frame, max_items) < 1:
            raise ValueError("speeds and page_seconds must be > 0, counts >= 1")
        super().__init__(name=name, id=id, classes=classes)
        self._cells_per_second = cells_per_second
        self._cells_per_frame = cells_per_frame
        self._page_seconds = page_seconds
        self._clock = clock
        self._playlist = Playlist(max_items)
        self._mode: Literal["scroll", "page"] = "scroll"
        self._live = False  # between Mount and Unmount
        self._timer: Timer | None = None
        self._timer_interval: float | None = None
        self._tape = Tape(self._playlist, cells_per_second, cells_per_frame, clock())
        self._tape_strip: Strip | None = None
        # Paging: the item on show and when it went up.
        self._page: TickerItem | None = None
        self._page_started = 0.0
        self.placeholder = PLACEHOLDER
        """Shown, muted, while there is nothing to show."""

    def watch_paused(self, paused: bool) -> None:
        """Freeze or restart the clock and the timer, and show the state as `-paused`."""
        now = self._clock()
        self._tape.hold(paused, now)  # stand still on what is shown, resume from there
        self._page_started = now
        self.set_class(paused, "-paused")
        self._sync_timer()
        self.refresh()

    def render_line(self, y: int) -> Strip:
        """The visible window of the tape (or the page, or the placeholder)."""
        width = self.size.width
        rich_style = self.rich_style
        if y != 0 or width <= 0:
            return Strip.blank(width, rich_style)
        if not self._playlist:
            line = self._content_strip(Content(self.placeholder), "ticker--placeholder")
        elif self._mode == "page" and self._page is not None:
            page = self._playlist.get(self._page.key) or self._page
            faded = "ticker--faded" if page.faded else None
            line = self._content_strip(page.content.truncate(width, ellipsis=True), faded)
        else:
            line = self._window(width)
        if self.paused:
            marker = self._content_strip(Content(MARKER), "ticker--marker")
            line = Strip.join([marker, line.crop(marker.cell_length, width)])
        return line.adjust_cell_length(width, rich_style).simplify()

    def notify_style_update(self) -> None:
        """Drop the cached tape: its colours came from the old styles."""
        super().notify_style_update()
        self._tape_strip = None

    def _on_mount(self, event: events.Mount) -> None:
        self._live = True  # `is_mounted` is still False while Mount is handled
        self.advance()
        self._sync_timer()

    def _on_unmount(self) -> None:
        self._live = False
        self._sync_timer()

    def _on_resize(self, event: events.Resize) -> None:
        if self._mode == "scroll" and self._tape.fill(self._tape.offset, self.size.width):
            self._tape_strip = None
        self.refresh()

    def action_toggle_pause(self) -> None:
        """Pause or resume the ticker."""
        self.paused = not self.paused

    @property
    def scrolling(self) -> bool:
        """False when animations are off (`app.animation_level == "none"`): the ticker pages."""
        try:
            return self.app.animation_level != "none"
        except RuntimeError:  # NoActiveAppError: not attached to a running app yet
            return True

    @property
    def running(self) -> bool:
        """Whether the ticker's timer is running (it is not while paused or empty)."""
        return self._timer is not None

    def add_items(self, items: Sequence[TickerItem]) -> None:
        """Queue items, newest first, to be shown next; keys seen before are ignored.

        Giving `[a, b]` is the same as adding `b` and then `a`: `a` shows first.
        """
        if self._playlist.add(items) and self._live:
            self.advance()
            self._sync_timer()
            self.refresh()

    def keep_items(self, items: Sequence[TickerItem], placeholder: str = PLACEHOLDER) -> None:
        """Show exactly `items` (newest first): new ones next, others leave, a faded one is
        redrawn; `placeholder` is said when none is left."""
        if placeholder != self.placeholder:
            self.placeholder = placeholder
            self.refresh()
        if self._playlist.keep(items) and self._live:
            self._tape_strip = None
            if self._page is not None and self._playlist.get(self._page.key) is None:
                self._page = None  # a page that left goes at once (a scrolling one scrolls off)
            self.advance()
            self._sync_timer()
            self.refresh()

    def advance(self) -> None:
        """Bring the line up to the clock, refreshing it only if it changed.

        The timer calls this every frame; tests may call it after setting their clock.
        """
        if self.scrolling != (self._mode == "scroll"):
            self._mode = "scroll" if self.scrolling else "page"
            self._page = None
            self.set_class(self._mode == "page", "-paging")
            self._sync_timer()
        if not self._playlist or self.paused:
            return
        now = self._clock()
        if self._mode == "page":
            slack = min(0.25, self._page_seconds / 10)  # a timer may fire a hair early
            if self._page is None or now - self._page_started >= self._page_seconds - slack:
                self._page, self._page_started = self._playlist.next(), now
                self.refresh()
            return
        offset = self._tape.offset_at(now)
        tape_changed = self._tape.fill(offset, self.size.width)
        if tape_changed:
            self._tape_strip = None
        if tape_changed or offset != self._tape.offset:
            self._tape.offset = offset
            self.refresh()

    def _window(self, width: int) -> Strip:
        """The `width` cells of the tape from the scroll offset."""
        pieces = self._tape.pieces
        if not pieces:
            return Strip.blank(width, self.rich_style)
        if self._tape_strip is None:
            separator = self._content_strip(Content(SEPARATOR))
            # One style for the whole tape: every style change costs a full colour sequence
            # per frame on the wire (bench: 432 B a frame with bold speakers, 188 B without).
            strips = [(self._piece_strip(p.item), separator) for p in pieces]
            self._tape_strip = Strip.join(s for pair in strips for s in pair).simplify()
        start = self._tape.offset - pieces[0].start
        if start >= 0:
            return self._tape_strip.crop(start, start + width)
        lead = Strip.blank(-start, self.rich_style)
        return Strip.join([lead, self._tape_strip.crop(0, width + start)])

    def _piece_strip(self, item: TickerItem) -> Strip:
        """An item on the tape as it looks now (faded, once old), in one style."""
        current = self._playlist.get(item.key) or item
        faded = "ticker--faded" if current.faded else None
        return self._content_strip(Content(item.content.plain), faded)

    def _content_strip(self, content: Content, component: str | None = None) -> Strip:
        style = self.get_visual_style(component) if component else self.visual_style
        return Strip(content.render_segments(style), content.cell_length)

    def _sync_timer(self) -> None:
        """Run the timer at the rate the mode needs, or not at all."""
        interval: float | None = None
        if self._live and self._playlist and not self.paused:
            frame = self._cells_per_frame / self._cells_per_second
            interval = frame if self.scrolling else self._page_seconds
        if interval == self._timer_interval:
            return
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        if interval is not None:
            self._timer = self.set_interval(interval, self.advance)
        self._timer_interval = interval
