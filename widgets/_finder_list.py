"""Provides `FinderList`: the finder's list, drawn line by line, whatever its length.

A line-API scroll view: setting the rows costs nothing per row (only the
lines on screen are drawn, on demand, and each item's line is drawn once and
kept), so a keystroke over 650 areas draws about twenty lines, not 650
options. Rows are headings (not highlightable)
or items; one item is highlighted (reversed, so it reads without colour) and
kept in view. Text is untrusted and drawn from `Content`, never markup.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import ClassVar

from textual.content import Content
from textual.geometry import Region, Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

from widgets.desk_views import FinderItem

__all__ = ["FinderList", "Row"]


@dataclass(frozen=True)
class Row:
    """One line of the list: an item, or a heading (`item` None)."""

    item: FinderItem | None = None
    heading: Content | None = None

    @property
    def key(self) -> str | None:
        """The item's key (None for a heading)."""
        return None if self.item is None else self.item.key


Draw = Callable[[FinderItem, int], Content]
"""Draws an item's line at a width."""


class FinderList(ScrollView, can_focus=False):
    """The rows, one a line; `highlighted` is the index of the row picked (an item)."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {"finder-list--highlight"}
    """
    | Class | Description |
    | :- | :- |
    | `finder-list--highlight` | The highlighted row. |
    """

    DEFAULT_CSS = """
    FinderList {
        height: 1fr;
        overflow-x: hidden;
        overflow-y: scroll;
        scrollbar-size-vertical: 1;
        & > .finder-list--highlight { background: $block-cursor-background; text-style: bold; }
    }
    FinderList:nocolor > .finder-list--highlight { text-style: bold reverse; }
    """

    def __init__(self, draw: Draw, *, id: str | None = None) -> None:
        """A list whose items `draw` draws (each once per width, then kept)."""
        super().__init__(id=id)
        self._draw = draw
        self._drawn: dict[tuple[FinderItem, int], Content] = {}
        self.rows: tuple[Row, ...] = ()
        """What the list shows, in order."""
        self.highlighted: int | None = None
        """The highlighted row (an item), or None when there is none."""

    def set_rows(self, rows: Sequence[Row], highlighted: int | None) -> None:
        """Show `rows`, with row `highlighted` picked (and scrolled into view)."""
        self.rows = tuple(rows)
        self.highlighted = highlighted
        size = Size(self.size.width, len(self.rows))
        if size != self.virtual_size:
            # Not through the reactive, which lays the whole screen out again on every
            # keystroke: the scroll bar is always shown (overflow-y: scroll), so only its thumb
            # changes, and the list repaints itself.
            self.set_reactive(FinderList.virtual_size, size)
            self._scroll_update(size)
        self.scroll_to(y=0, animate=False, immediate=True)
        self._keep_in_view()
        self.refresh()

    def move(self, step: int) -> None:
        """Move the highlight by `step` items (headings are skipped), stopping at the ends."""
        items = [n for n, row in enumerate(self.rows) if row.key is not None]
        if not items:
            return
        if self.highlighted not in items:
            self.highlighted = items[0]
        else:
            at = items.index(self.highlighted)
            self.highlighted = items[max(0, min(len(items) - 1, at + step))]
        self._keep_in_view()
        self.refresh()

    @property
    def highlighted_key(self) -> str | None:
        """The highlighted item's key."""
        if self.highlighted is None or not 0 <= self.highlighted < len(self.rows):
            return None
        return self.rows[self.highlighted].key

    def _keep_in_view(self) -> None:
        if self.highlighted is not None:
            region = Region(0, max(0, self.highlighted - 1), 1, 3)  # a row of context each side
            self.scroll_to_region(region, animate=False, immediate=True, force=True)

    def render_line(self, y: int) -> Strip:
        index = y + self.scroll_offset.y
        width = self.scrollable_content_region.width
        style = self.rich_style
        if not 0 <= index < len(self.rows):
            return Strip.blank(width, style)
        row = self.rows[index]
        if row.item is None:
            content = row.heading or Content("")
        else:
            drawn = self._drawn.get((row.item, width))
            if drawn is None:
                if len(self._drawn) > 4096:  # items come and go over a night: keep it bounded
                    self._drawn.clear()
                drawn = self._drawn[row.item, width] = self._draw(row.item, width)
            content = drawn
        content = content.truncate(width, ellipsis=True, pad=True)
        component = (
            self.get_visual_style("finder-list--highlight") if index == self.highlighted else None
        )
        visual = self.visual_style + component if component is not None else self.visual_style
        strip = Strip(content.render_segments(visual), content.cell_length)
        return strip.adjust_cell_length(width, style)
