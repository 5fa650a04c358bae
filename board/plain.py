"""Provides `render_snapshot`: a feed as plain text for logs, chat and `results-board snapshot`.

No colour and no escape sequences: the output is meant to be pasted. Feed text
is already free of control characters (the models sanitise it at parse time);
nothing here adds any.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence

from board.moments import moment_lines
from board.moments import moments as moments_of
from board.present import (
    TEST_WORDS,
    candidate_lines,
    counter_of,
    declaration_lines,
    notes,
    party_columns,
    party_lines,
)
from board.projection import projection_view
from board.race_views import CALLED, candidate_label, race_status
from feeds.contests import (
    Contest,
    CouncilsContest,
    LegislatureContest,
    MayorContest,
    UnsupportedContest,
)
from feeds.models import Feed
from feeds.race import RaceContest
from widgets.views import (
    ELIMINATED_NOTE,
    Column,
    DeclarationLine,
    PartyLine,
)

__all__ = ["race_overview", "render_snapshot", "signed"]

MIN_NAME = 12
"""The narrowest the name column gets, whatever the width."""
RACES_IN_FULL = 12
"""Up to this many races, each is printed with its candidates; more, and one line each."""


def signed(value: int) -> str:
    """A change with its sign: "+5", "-28", "0"."""
    return f"{value:+d}" if value else "0"


def render_snapshot(
    feed: Feed, *, width: int = 80, declarations: int = 5, moments: int = 10
) -> str:
    """The whole feed as plain text: title, time, each contest and its latest declarations, then
    the night's key moments.

    A feed marked as test data says so on its first line. `width` bounds the
    tables (names are shortened with "…" to fit) and wraps notes;
    `declarations` is how many of each contest's latest declarations to list,
    `moments` how many key moments (newest first; `board/moments.py`).
    """
    width = max(width, 40)
    lines = [f"{TEST_WORDS} — not live results"] if feed.test else []
    stamp = f"{feed.published_at:%Y-%m-%d %H:%M:%S %z}"
    if feed.time_basis == "received":  # the publisher gave no time: the ingest's receipt
        stamp = f"Received {stamp} (the feed gives no time of its own)"
    else:
        stamp = f"Published {stamp}"
    lines += [_fit(feed.title, width), stamp]
    races = [c for c in feed.contests if isinstance(c, RaceContest)]
    overview = len(races) > RACES_IN_FULL
    if overview:
        lines.append("")
        lines.extend(race_overview(races, width))
    for contest in feed.contests:
        if overview and isinstance(contest, RaceContest):
            continue
        lines.append("")
        lines.extend(_contest(contest, width))
        for note in notes(contest):
            lines.extend(textwrap.wrap(f"Note: {note}", width))
        lines.extend(_projection(contest, width))
        shown = declaration_lines(contest)[: max(declarations, 0)]
        if shown:
            lines.append("")
            lines.append("Latest declarations")
            lines.extend(_fit(_declaration(d), width) for d in shown)
    lines.extend(_moments(feed, moments, width))
    return "\n".join(lines) + "\n"


def _moments(feed: Feed, count: int, width: int) -> list[str]:
    """The key moments section: "03:12  English councils · Dudley · LAB lose to NOC"."""
    shown = moment_lines(moments_of(feed))[: max(count, 0)]
    if not shown:
        return []
    time_width = max(len(line.time) for line in shown)
    rows = [
        f"{line.time:>{time_width}}  " + (f"{line.contest} · " if line.contest else "") + line.words
        for line in shown
    ]
    return ["", "Key moments", *(_fit(row, width) for row in rows)]


def _contest(contest: Contest, width: int) -> list[str]:
    if isinstance(contest, CouncilsContest | LegislatureContest):
        return _parties(contest, width)
    if isinstance(contest, MayorContest):
        return _mayor(contest, width)
    if isinstance(contest, RaceContest):
        return _race(contest, width)
    return _unsupported(contest, width)


def _parties(contest: CouncilsContest | LegislatureContest, width: int) -> list[str]:
    """A councils or legislature table: the screen's columns, in the screen's default order."""
    columns = party_columns(contest)
    header = ("Party", *(column.header for column in columns))
    rows = [
        (line.name, *(_cell(line, column) for column in columns)) for line in party_lines(contest)
    ]
    counter = counter_of(contest)
    status = "" if counter is None else counter.line
    if isinstance(contest, LegislatureContest):
        status += f" · majority {contest.majority}"
    return [_fit(contest.title, width), status, "", *_table(header, rows, width)]


def _projection(contest: Contest, width: int) -> list[str]:
    """The contest's projection, apart from the results and with its source (none: [])."""
    view = projection_view(contest)
    if view is None:
        return []
    lines = ["", _fit(view.heading, width)]
    if view.figures:
        lines += textwrap.wrap(view.line, width, initial_indent="  ", subsequent_indent="  ")
    return lines


def _cell(line: PartyLine, column: Column) -> str:
    value = getattr(line, column.field)
    if value is None:
        return "—" if line.pinned_last else ""
    if column.kind == "count":
        return str(value)
    if column.kind == "change":
        return signed(value)
    if column.kind == "percent":
        return f"{value:.1f}%"
    return f"{value:+.1f}"


def _mayor(contest: MayorContest, width: int) -> list[str]:
    status = [f"Round {contest.round}"]
    counter = counter_of(contest)
    if counter is not None:
        status.append(counter.line)
    if contest.turnout is not None:
        status.append(f"turnout {contest.turnout:.1f}%")
    candidates = candidate_lines(contest)
    rows = [
        (
            c.name,
            c.party,
            f"{c.votes:,}",
            "" if c.share is None else f"{c.share:.1f}%",
            "elected" if c.elected else "eliminated" if c.eliminated else "",
        )
        for c in candidates
    ]
    header = ("Candidate", "Party", "Votes", "Share", "")
    table = _table(header, rows, width, left=(1, 4))
    if contest.round > 1 and any(c.eliminated for c in candidates):
        table.append(_fit(f"({ELIMINATED_NOTE})", width))
    return [_fit(contest.title, width), _fit(" · ".join(status), width), "", *table]


def _race(contest: RaceContest, width: int) -> list[str]:
    rows = [
        (
            candidate_label(c),
            f"{c.votes:,}",
            "" if (share := contest.share_of(c)) is None else f"{share:.1f}%",
            CALLED if c.winner else "runoff" if c.runoff else "",
        )
        for c in contest.ranked()
    ]
    return [
        _fit(contest.title, width),
        _fit(race_status(contest), width),
        "",
        *_table(("Candidate", "Votes", "Share", ""), rows, width, left=(3,)),
    ]


def race_overview(races: Sequence[RaceContest], width: int) -> list[str]:
    """Every race on one line, grouped by office in the feed's order: called or leading."""
    lines: list[str] = []
    offices: dict[str, list[RaceContest]] = {}
    for race in races:
        offices.setdefault(race.office, []).append(race)
    for office, group in offices.items():
        called = sum(race.called for race in group)
        lines.append(f"{office} · {called} of {len(group)} called")
        rows = [
            (
                " ".join(filter(None, (r.state, r.district))) or "US",
                f"{r.percent_reported:.0f}%",
                race_status(r),
            )
            for r in group
        ]
        lines.extend(_table(("Race", "In", "Status"), rows, width, left=(2,))[1:])
        lines.append("")
    return lines[:-1]


def _unsupported(contest: UnsupportedContest, width: int) -> list[str]:
    return [
        _fit(contest.title, width),
        _fit(f"A contest of kind {contest.kind!r}: not supported by this version", width),
    ]


def _declaration(line: DeclarationLine) -> str:
    return f"{line.time:%H:%M}  {line.area} · {line.wording}"


def _table(
    header: Sequence[str], rows: Sequence[Sequence[str]], width: int, left: Sequence[int] = ()
) -> list[str]:
    """A first column of names (shortened to fit), then figures (right-aligned unless `left`)."""
    widths = [max(len(row[i]) for row in (header, *rows)) for i in range(1, len(header))]
    figures = sum(w + 2 for w in widths)
    longest = max(len(row[0]) for row in (header, *rows))
    name_width = max(MIN_NAME, min(longest, width - figures))

    def line(row: Sequence[str]) -> str:
        cells = [_fit(row[0], name_width).ljust(name_width)]
        for column, (cell, w) in enumerate(zip(row[1:], widths, strict=True), 1):
            cells.append(cell.ljust(w) if column in left else cell.rjust(w))
        return "  ".join(cells).rstrip()

    return [line(header), *(line(row) for row in rows)]


def _fit(text: str, width: int) -> str:
    """`text` cut to `width` characters, with "…" marking the cut."""
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"
