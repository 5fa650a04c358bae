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
from widgets.desk_views import BannerView

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
        for words in self.versions(view):
            if len(words) <= width:
                return Content(words)
        return Content(self.versions(view)[-1]).truncate(width, ellipsis=True)

    @staticmethod
    def versions(view: BannerView) -> list[str]:
        """The banner's words, longest first: the count outlasts the contest's name, the names
        of the others and the keys, so a narrow terminal still says how many wait."""
        alert = f" {GLYPH} {one_line(view.text)}"
        contest = f" — {one_line(view.contest)}" if view.contest else ""
        hint = f" · {view.hint}" if view.hint else ""
        if view.count <= 1:
            return [f"{alert}{contest}{hint} ", f"{alert}{contest} ", f"{alert} "]
        names = ", ".join(one_line(name) for name in view.others)
        counted = f" · {view.count} unacknowledged"
        return [
            f"{alert}{contest}{counted}: {names}{hint} ",
            f"{alert}{contest}{counted}: {names} ",
            f"{alert}{contest}{counted} ",
            f"{alert}{counted} ",
            f"{alert} · +{view.count - 1} ",
        ]

    @property
    def text(self) -> str:
        """The banner's words at their longest ("" when hidden), for tests and logs."""
        return "" if self.view is None else self.versions(self.view)[0].strip()
