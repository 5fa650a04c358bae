"""Provides `AreaResult`: one area's result — a council's new composition, or the candidates.

It draws an `AreaView` (`widgets/views.py`) and decides nothing: the name,
the contest and what happened ("LAB lose to NOC · declared 03:12", marked
when control changed), the facts (control before and after, seats up,
majority, turnout), then a table: for a council each party's seats and
change (▲ ▼, so it reads without colour), for a constituency or mayoralty
each candidate's votes, share and change, the winner marked ✔. All text is
untrusted feed text and is drawn as `Content`, never as markup.
"""

from __future__ import annotations

from typing import ClassVar

from textual.content import Content
from textual.reactive import reactive
from textual.widget import Widget

from widgets._cells import colour_style, one_line
from widgets.desk_views import AreaRow, AreaView

__all__ = ["AreaResult", "AreaView"]

SWATCH = "▌"


def _change(value: int | None, width: int) -> Content:
    """ "▲ +5" / "▼ -3" / "0", right-aligned in `width` cells."""
    if value is None:
        return Content(" " * width)
    if value == 0:
        return Content.styled("0".rjust(width), "$text-muted")
    arrow, style = ("▲", "$success") if value > 0 else ("▼", "$error")
    return Content.styled(f"{arrow} {value:+d}".rjust(width), style)


def _points(value: float | None, width: int) -> Content:
    """A change in share, "+3.1" / "-2.0", right-aligned."""
    if value is None:
        return Content(" " * width)
    style = "$success" if value > 0 else "$error" if value < 0 else "$text-muted"
    return Content.styled(f"{value:+.1f}".rjust(width), style)


class AreaResult(Widget):
    """One area's result; set `view` (an equal view does nothing)."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {"area-result--muted"}
    """
    | Class | Description |
    | :- | :- |
    | `area-result--muted` | A party without a colour's swatch. |
    """

    DEFAULT_CSS = """
    AreaResult {
        height: auto;
        & > .area-result--muted { color: $text-muted; }
    }
    """

    view: reactive[AreaView | None] = reactive[AreaView | None](None, layout=True)
    """What to show (None: nothing)."""

    NAME_MAX = 34
    """The widest the name column gets."""

    NAME_MIN = 6
    """The narrowest: a name is cut ("Matt…") before a figure is."""

    def render(self) -> Content:
        view = self.view
        if view is None:
            return Content("")
        width = max(40, self.size.width or 80)
        name = Content.styled(one_line(view.name), "bold")
        contest = Content.styled(" · " + one_line(view.contest), "$text-muted")
        lines = [Content.assemble(name, contest).truncate(width, ellipsis=True)]
        if view.changed_hands:
            mark = Content.styled("▶ ", "bold $warning")
            headline = Content.styled(one_line(view.headline), "bold reverse $warning")
            lines.append(Content.assemble(mark, headline).truncate(width, ellipsis=True))
        else:
            lines.append(Content.styled(one_line(view.headline), "bold").truncate(width))
        if view.facts:
            lines.append(Content(" · ".join(one_line(fact) for fact in view.facts)))
        if view.rows:
            lines.append(Content(""))
            if view.kind == "composition":
                lines += self._composition(view.rows, width)
            else:
                lines += self._candidates(view.rows, width)
        if view.note:
            lines += [Content(""), Content.styled(one_line(view.note), "italic $text-muted")]
        return Content("\n").join(lines)

    def _swatch(self, colour: str | None) -> Content:
        return Content.styled(SWATCH, colour_style(colour, ".area-result--muted"))

    def _name_width(self, rows: tuple[AreaRow, ...], width: int, figures: int) -> int:
        """The name column: the longest name, at most `NAME_MAX`, within what `figures` (the
        cells right of the name) and the swatch leave of `width`; never under `NAME_MIN`."""
        longest = max(len(one_line(row.name)) + (2 if row.elected else 0) for row in rows)
        return max(self.NAME_MIN, min(self.NAME_MAX, longest, width - figures - 2))

    def _composition(self, rows: tuple[AreaRow, ...], width: int) -> list[Content]:
        """Party, Seats, +/-: the new council, most seats first."""
        name_width = self._name_width(rows, width, 16)
        header = Content.styled(
            f"  {'Party'.ljust(name_width)}{'Seats':>7}{'+/-':>9}", "bold $text-muted"
        )
        lines = [header]
        for row in rows:
            name = Content(one_line(row.name)).truncate(name_width, ellipsis=True, pad=True)
            seats = Content.styled(str(row.figure or 0).rjust(7), "bold")
            lines.append(
                Content.assemble(self._swatch(row.colour), " ", name, seats, _change(row.change, 9))
            )
        return lines

    def _candidates(self, rows: tuple[AreaRow, ...], width: int) -> list[Content]:
        """Candidate, Party, Votes, Share, +/-: most votes first, the winner ✔."""
        party_width = max(5, min(10, max(len(one_line(row.party)) for row in rows)))
        # +/- only where the feed gives a change (AP's races have none): an empty column
        # would cost the names seven cells.
        change_width = 7 if any(row.share_change is not None for row in rows) else 0
        figures = 1 + party_width + 10 + 8 + change_width  # the space after the name, then
        name_width = self._name_width(rows, width, figures)
        header = Content.styled(
            f"  {'Candidate'.ljust(name_width)} {'Party'.ljust(party_width)}"
            f"{'Votes':>10}{'Share':>8}{'+/-' if change_width else '':>{change_width}}",
            "bold $text-muted",
        )
        lines = [header]
        for row in rows:
            text = one_line(row.name) + (" ✔" if row.elected else "")
            name = Content.styled(text, "bold" if row.elected else "")
            name = name.truncate(name_width, ellipsis=True, pad=True)
            party = Content(one_line(row.party)).truncate(party_width, ellipsis=True, pad=True)
            votes = Content.styled(f"{row.figure or 0:,}".rjust(10), "bold")
            share = "" if row.share is None else f"{row.share:.1f}%"
            lines.append(
                Content.assemble(
                    self._swatch(row.colour),
                    " ",
                    name,
                    " ",
                    party,
                    votes,
                    share.rjust(8),
                    _points(row.share_change, change_width) if change_width else Content(""),
                )
            )
        return lines

    @property
    def text(self) -> str:
        """What the widget shows, as plain text (for tests and logs)."""
        return self.render().plain
