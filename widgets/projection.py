"""Provides `ProjectionPanel`: a projection of the result, always labelled with its source.

Two lines: "◆ Projection · PA forecast: No overall majority", then each
party's projected figures behind its colour swatch ("▌Lab 330 seats ▌C 250
seats"), cut with "…" where the width ends; `compact` puts both on one line
(a short terminal), the heading first, so the source is never cut before the
figures. The panel is marked apart from the results (the ◆ glyph, italic and
a border in the accent colour) so a forecast is never read as a count. With
no projection (`view` None) it takes no room.
"""

from __future__ import annotations

from typing import ClassVar

from textual.content import Content
from textual.geometry import Size
from textual.reactive import reactive
from textual.visual import VisualType
from textual.widget import Widget

from widgets._cells import colour_style, one_line
from widgets.wall_views import ProjectionView

__all__ = ["MARK", "ProjectionPanel"]

MARK = "◆"
"""The glyph before a projection's heading (it reads without colour)."""


class ProjectionPanel(Widget):
    """A projection's heading and figures; hidden while there is none."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {"projection--muted"}
    """
    | Class | Description |
    | :- | :- |
    | `projection--muted` | A swatch without a party colour. |
    """

    DEFAULT_CSS = """
    ProjectionPanel {
        height: auto;
        border-left: outer $accent;
        padding-left: 1;
        text-style: italic;
        text-wrap: nowrap;
        text-overflow: ellipsis;
        & > .projection--muted { color: $text-muted; }
        &.-none { display: none; }
    }
    """

    view: reactive[ProjectionView | None] = reactive(None, init=False, layout=True)
    """The projection shown (None: none, and the panel takes no room)."""
    compact: reactive[bool] = reactive(False, init=False, layout=True)
    """Heading and figures on one line."""

    def on_mount(self) -> None:
        self.set_class(self.view is None, "-none")

    def watch_view(self, view: ProjectionView | None) -> None:
        self.set_class(view is None, "-none")  # a class: a stylesheet may hide it too

    def render(self) -> VisualType:
        view = self.view
        if view is None:
            return Content("")
        heading = Content.assemble((f"{MARK} {one_line(view.heading)}", "bold"))
        parts: list[str | tuple[str, object]] = []
        for figure in view.figures:
            if parts:
                parts.append("  ")
            parts.append(("▌", colour_style(figure.colour, ".projection--muted")))
            parts.append(one_line(f"{figure.label} {figure.words}"))
        lines = [heading]
        if parts:
            lines.append(Content.assemble(*parts))  # type: ignore[arg-type]
        if self.compact:
            return Content(" · ").join(lines)
        return Content("\n").join(lines)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        view = self.view
        if view is None:
            return 0
        return 2 if view.figures and not self.compact else 1
