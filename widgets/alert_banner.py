"""Provides `AlertBanner`: one line announcing a change of control until it is acknowledged.

"⚑ 03:12 Dudley · LAB lose to NOC — English councils · 3 unacknowledged:
Hart, Worcester · a acknowledge · m moments". It draws a `BannerView` (None:
the banner is hidden and takes no room). Reversed and bold with a glyph, so
it reads in 16 colours and without colour; the newest alert is never cut
before the count and the keys, which give way first. All text is drawn as
`Content`, never as markup.
"""

from __future__ import annotations

from textual.content import Content
from textual.reactive import reactive
from textual.widget import Widget

from widgets._cells import one_line
from widgets.views import BannerView

__all__ = ["GLYPH", "AlertBanner", "BannerView"]

GLYPH = "⚑"
"""Opens the banner: a flag, so the line reads as an alert without colour."""


class AlertBanner(Widget):
    """The newest unacknowledged alert, the count of the others, and the keys."""

    DEFAULT_CSS = """
    AlertBanner {
        height: 1;
        display: none;
        background: $warning;
        color: $background;
        text-style: bold;
        &.-shown { display: block; }
    }
    AlertBanner:nocolor { text-style: bold reverse; }
    """

    view: reactive[BannerView | None] = reactive[BannerView | None](None)
    """What to announce; None hides the banner."""

    def watch_view(self, view: BannerView | None) -> None:
        self.set_class(view is not None, "-shown")

    def render(self) -> Content:
        view = self.view
        if view is None:
            return Content("")
        width = self.size.width or 80
        alert = Content(f" {GLYPH} {one_line(view.text)} ")
        more = Content(f"· {one_line(view.more)} ") if view.more else Content("")
        hint = Content.styled(f"· {view.hint} ", "not bold") if view.hint else Content("")
        for extra in ((more, hint), (more,), ()):
            line = Content.assemble(alert, *extra)
            if line.cell_length <= width:
                return line
        return alert.truncate(width, ellipsis=True)

    @property
    def text(self) -> str:
        """The banner's words ("" when hidden), for tests and logs."""
        view = self.view
        return "" if view is None else " ".join(p for p in (view.text, view.more, view.hint) if p)
