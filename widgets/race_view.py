"""Provides `RaceView`: one race whole — its title, its state in words, and its candidates.

The state line says "✔ CALLED: Ada Quill (Dem)" (reversed, bold) once the
publisher called the race, and "Ben Ferris (GOP) leading by 0.6 pts · 38% of
expected vote" before: called and leading never share a word or a look. Each
candidate's line has votes, share, a share bar in the party colour (when the
feed gives one) and "✔ CALLED" or "RUNOFF"; an incumbent is marked "(i)".
Names are untrusted feed text and are shown as plain `Content`.
"""

from __future__ import annotations

import re
from typing import ClassVar

from textual.color import Color
from textual.content import Content
from textual.reactive import reactive
from textual.style import Style
from textual.visual import VisualType
from textual.widget import Widget

from widgets.candidates import share_bar
from widgets.views import RaceCandidateLine, RaceViewData

__all__ = ["RaceCandidateLine", "RaceView", "RaceViewData"]

_HEX = re.compile(r"^#[0-9a-fA-F]{6}$")
_NEWLINES = str.maketrans({"\n": " ", "\r": " ", "\t": " "})


EMPTY = RaceViewData("", "", False, "", ())


class RaceView(Widget):
    """One race: title, state, progress, then a line per candidate."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "race-view--title",
        "race-view--called",
        "race-view--leading",
        "race-view--muted",
        "race-view--count",
    }
    """
    | Class | Description |
    | :- | :- |
    | `race-view--title` | The race's title. |
    | `race-view--called` | "✔ CALLED" / "RUNOFF": the call. |
    | `race-view--leading` | The state line of a race not called. |
    | `race-view--muted` | Progress, notes, column titles. |
    | `race-view--count` | Votes and shares. |
    """

    DEFAULT_CSS = """
    RaceView {
        height: auto;
        max-height: 100%;
        overflow-y: auto;
        text-wrap: nowrap;
        & > .race-view--title { text-style: bold; }
        & > .race-view--called { color: $success; text-style: bold reverse; }
        & > .race-view--leading { color: $warning; text-style: italic; }
        & > .race-view--muted { color: $text-muted; }
        & > .race-view--count { text-style: bold; }
    }
    """

    data: reactive[RaceViewData] = reactive(EMPTY, layout=True, init=False)
    """The race shown; an equal value does nothing."""

    def render(self) -> VisualType:
        """Title, state, progress, the column titles, then the candidates."""
        data, width = self.data, self.size.width
        if not data.title:
            return Content("")
        muted = ".race-view--muted"
        state = ".race-view--called" if data.called else ".race-view--leading"
        lines = [
            Content(data.title.translate(_NEWLINES)).stylize(".race-view--title"),
            Content(data.status.translate(_NEWLINES)).stylize(state),
            Content.styled(" · ".join(filter(None, (data.progress, data.note))), muted),
            Content(""),
        ]
        name_width = min(34, max(14, width - 33))  # a bar of at least 12 cells when it can
        bar_width = max(0, min(40, width - name_width - 21))
        titles = "Candidate".ljust(name_width) + "Votes".rjust(12) + "Share".rjust(8)
        lines.append(Content.styled(titles, muted))
        for line in data.candidates:
            lines.append(self._candidate(line, name_width, bar_width))
        lines += [Content(""), Content.styled("esc: back to the races · /: find a race", muted)]
        return Content("\n").join(line.truncate(width) for line in lines)

    def _candidate(self, line: RaceCandidateLine, name_width: int, bar_width: int) -> Content:
        colour: Style | str = (
            Style(foreground=Color.parse(line.colour))
            if line.colour and _HEX.match(line.colour)
            else ".race-view--muted"
        )
        label = line.name + (" (i)" if line.incumbent else "")
        label += f" ({line.party})" if line.party else ""
        name = Content(label.translate(_NEWLINES)).truncate(name_width - 1, ellipsis=True)
        share = "—" if line.share is None else f"{line.share:.1f}%"
        parts: list[Content | str | tuple[str, Style | str]] = [
            name.pad_right(name_width - name.cell_length),
            (f"{line.votes:,}".rjust(12), ".race-view--count"),
            (share.rjust(8), ".race-view--count"),
        ]
        if bar_width >= 6:
            bar = share_bar(line.share or 0.0, bar_width)
            parts += [" ", (bar, colour)]
        if line.winner or line.runoff:
            parts += [" ", ("✔ CALLED" if line.winner else "RUNOFF", ".race-view--called")]
        return Content.assemble(*parts)
