"""Provides the candidates table's one-line row and header widgets, and how a row is laid out.

A row: colour swatch, name, party code, votes ("1,310,143"), share, a share bar
in the party colour, and "✔ ELECTED" or "eliminated" — the words and glyphs
carry the meaning, colour only adds to it. Names go into `Content` as plain
text, so markup in a name shows as typed.
"""

from __future__ import annotations

from typing import ClassVar, NamedTuple

from textual.content import Content
from textual.reactive import reactive
from textual.style import Style
from textual.visual import VisualType
from textual.widget import Widget

from widgets._cells import colour_style, one_line
from widgets._figures import fit_count, fit_text
from widgets.views import ELIMINATED_NOTE, CandidateLine

__all__ = [
    "CandidateHeader",
    "CandidateRow",
    "Widths",
    "candidate_widths",
    "round_title",
    "share_bar",
]


class Widths(NamedTuple):
    """The cells each column of a row takes (0: the column is left out)."""

    name: int
    bar: int
    status: int


SWATCH = "▌ "
"""The party-colour swatch (and its gap) that opens every row."""
PARTY_WIDTH = 6
"""A space and a party code of up to five cells (longer codes are ellipsised)."""
VOTES_WIDTH = 11
"""A space and up to "99,999,999"; more is abbreviated ("1.23bn", see `widgets._figures`)."""
SHARE_WIDTH = 7
"""A space and "100.0%"."""
STATUS_WIDE = 11
"""A space and "eliminated" (or "✔ ELECTED")."""
STATUS_NARROW = 2
"""A space and "✔" or "×" when the row is too narrow for the words."""
NAME_MIN = 10
"""Below this the status words shrink to a glyph."""
NAME_COMFORT = 18
"""The name width kept before the share bar takes the rest."""
BAR_MIN = 8
"""A share bar narrower than this is left out."""
BAR_MAX = 40
"""The widest share bar (100 %)."""
EIGHTHS = " ▏▎▍▌▋▊▉"
"""Partial cells at the end of a bar, in eighths."""
HALF = "┆"
"""Marks 50 % in the bar's track, so "more than half" reads at a glance."""
ELECTED_STYLE = Style(bold=True, reverse=True)
"""The winner's mark: reversed, so it reads without colour too."""


def candidate_widths(width: int) -> Widths:
    """The name, bar and status widths for a row `width` cells wide.

    The fixed columns (swatch, party, votes, share) always show; the bar takes
    what a comfortable name leaves (up to `BAR_MAX`), and is dropped first when
    room is short; then the status words shrink to a glyph.
    """
    fixed = len(SWATCH) + PARTY_WIDTH + VOTES_WIDTH + SHARE_WIDTH
    room = width - fixed - STATUS_WIDE
    bar = min(BAR_MAX, room - NAME_COMFORT - 1)
    if bar >= BAR_MIN:
        return Widths(room - bar - 1, bar, STATUS_WIDE)
    if room >= NAME_MIN:
        return Widths(room, 0, STATUS_WIDE)
    return Widths(max(1, width - fixed - STATUS_NARROW), 0, STATUS_NARROW)


def round_title(round: int, *, short: bool = False) -> str:
    """What the header calls a round of a supplementary-vote count (`short`: for narrow rows)."""
    if round == 2:
        return "Final round" if short else "Final round — after second preferences"
    if round == 1 and not short:
        return "Round 1 — first preferences"
    return f"Round {round}"


def share_bar(share: float, width: int) -> str:
    """A bar `width` cells wide at 100 %, to the nearest eighth of a cell, padded with spaces."""
    eighths = round(max(0.0, min(100.0, share)) * width * 8 / 100)
    full, part = divmod(eighths, 8)
    bar = "█" * full + (EIGHTHS[part] if part else "")
    return bar.ljust(width)


class CandidateHeader(Widget):
    """Two lines: the round (and turnout when known), then the column titles."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "candidate-header--title",
        "candidate-header--muted",
    }
    """
    | Class | Description |
    | :- | :- |
    | `candidate-header--title` | The round. |
    | `candidate-header--muted` | The turnout and the column titles. |
    """

    DEFAULT_CSS = """
    CandidateHeader {
        height: 2;
        text-wrap: nowrap;
        & > .candidate-header--title { text-style: bold; }
        & > .candidate-header--muted { color: $text-muted; text-style: bold; }
    }
    """

    round: reactive[int] = reactive(1, init=False)
    """The round shown: 1 (first preferences) or 2 (final, after second preferences)."""
    turnout: reactive[float | None] = reactive[float | None](None, init=False)
    """Turnout in percent (None: not known, not shown)."""
    eliminated: reactive[bool] = reactive(False, init=False)
    """Eliminated candidates are listed: in the final round their votes are the first round's,
    and the header says so."""

    def render(self) -> VisualType:
        """The round, turnout and what eliminated rows show, then the column titles."""
        width = self.size.width
        turnout = "" if self.turnout is None else f" · turnout {self.turnout:.1f}%"
        note = f" · {ELIMINATED_NOTE}" if self.eliminated and self.round > 1 else ""
        long, short = round_title(self.round), round_title(self.round, short=True)
        for words, extra in ((long, turnout + note), (short, turnout + note), (short, turnout)):
            if len(words) + len(extra) <= width:
                break
        title = Content.assemble(
            (words, ".candidate-header--title"), (extra, ".candidate-header--muted")
        )
        widths = candidate_widths(width)
        titles = (
            " " * len(SWATCH)
            + "Candidate".ljust(widths.name)
            + " Party".ljust(PARTY_WIDTH)
            + "Votes".rjust(VOTES_WIDTH)
            + "Share".rjust(SHARE_WIDTH)
        )
        columns = Content.styled(titles, ".candidate-header--muted")
        return Content("\n").join([title.truncate(width), columns.truncate(width)])


class CandidateRow(Widget):
    """One candidate's line; it repaints only when its own figures change."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "candidate-row--count",
        "candidate-row--elected",
        "candidate-row--muted",
    }
    """
    | Class | Description |
    | :- | :- |
    | `candidate-row--count` | Votes and share. |
    | `candidate-row--elected` | The "✔ ELECTED" mark. |
    | `candidate-row--muted` | An eliminated candidate, a missing figure, or no party colour. |
    """

    DEFAULT_CSS = """
    CandidateRow {
        height: 1;
        text-wrap: nowrap;
        & > .candidate-row--count { text-style: bold; }
        & > .candidate-row--elected { color: $success; text-style: bold reverse; }
        & > .candidate-row--muted { color: $text-muted; }
    }
    """

    line: reactive[CandidateLine] = reactive(
        CandidateLine(key="", name="", party="", colour=None, votes=0, share=None), init=False
    )
    """The figures shown; setting an equal line does nothing at all."""

    def __init__(self, line: CandidateLine) -> None:
        """A row showing `line`."""
        super().__init__()
        self.set_reactive(CandidateRow.line, line)
        self._set_state(line)

    @property
    def key(self) -> str:
        """The candidate this row shows."""
        return self.line.key

    def watch_line(self, line: CandidateLine) -> None:
        """Show elected and eliminated as CSS classes, for themes and `:nocolor` rules."""
        self._set_state(line)

    def _set_state(self, line: CandidateLine) -> None:
        self.set_class(line.elected, "-elected")
        self.set_class(line.eliminated and not line.elected, "-eliminated")

    def render(self) -> VisualType:
        """Swatch, name, party, votes, share, bar and status, each in its column."""
        line = self.line
        widths = candidate_widths(self.size.width)
        out = line.eliminated and not line.elected
        muted = ".candidate-row--muted"
        colour = muted if out else colour_style(line.colour, muted)
        figure = muted if out else ".candidate-row--count"
        name = Content(one_line(line.name))
        name = name.truncate(widths.name, ellipsis=True, pad=True)
        if line.elected:
            name = name.stylize("bold")
        elif out:
            name = name.stylize(muted)
        party = Content(one_line(line.party)).truncate(PARTY_WIDTH - 1, ellipsis=True)
        share = "—"
        if line.share is not None:
            share = fit_text([f"{line.share:.1f}%", f"{line.share:.0f}%"], SHARE_WIDTH - 1)
        votes = fit_count(line.votes, VOTES_WIDTH - 1, separators=True)
        parts: list[str | Content | tuple[str, str | Style]] = [
            (SWATCH[0], colour),
            SWATCH[1:],
            name,
            " ",
            party.pad_right(PARTY_WIDTH - 1 - party.cell_length).stylize(muted),
            (votes.rjust(VOTES_WIDTH), figure),
            (share.rjust(SHARE_WIDTH), muted if line.share is None else figure),
        ]
        if widths.bar:
            bar = share_bar(line.share or 0.0, widths.bar)
            filled = bar.rstrip()
            half = widths.bar // 2
            track = bar[len(filled) :]
            if len(filled) <= half:  # the 50 % line, where the bar has not reached it
                track = track[: half - len(filled)] + HALF + track[half - len(filled) + 1 :]
            parts += [" ", (filled, colour), (track, muted)]
        wide = widths.status == STATUS_WIDE
        if line.elected:
            mark = Content.styled("✔ ELECTED" if wide else "✔", ".candidate-row--elected")
            parts += [" ", mark.stylize(ELECTED_STYLE)]
        elif out:
            parts += [" ", ("eliminated" if wide else "×", muted)]
        return Content.assemble(*parts).truncate(self.size.width)
