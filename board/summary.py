"""Provides `freeze_summary`: what changed while the display was frozen, to be said on air.

"11 councils declared · LAB −1 council · 2 control changes", one line in
forms from the longest to the shortest (the board shows the first that fits): for each
contest, how many more were declared (the counter's noun: councils, seats,
areas), how each party's net change moved (councils gained or lost, for a
councils contest; seats gained or lost, for a legislature — what is said on
air, not the tallies, which grow with every declaration), and how many
changes of control came in. A night of
several contests says each that changed, named. Minus signs are the
typographic "−" a caption would use. Nothing here imports Textual.
"""

from __future__ import annotations

from board.alerts import changes_of
from board.present import counter_of
from feeds.contests import NOC, Contest, CouncilsContest, LegislatureContest
from feeds.models import Feed

__all__ = ["NOTHING", "freeze_summary", "signed", "summary_forms"]

NOTHING = "No new results while frozen"
"""What unfreezing says when no figure changed."""


def signed(value: int) -> str:
    """ "+2", "−1" (a real minus sign)."""
    return f"+{value}" if value > 0 else f"−{-value}"


def _noun(count: int, noun: str) -> str:
    """ "council" for one (or minus one), "councils" otherwise (the noun given in the plural)."""
    return noun[:-1] if abs(count) == 1 and noun.endswith("s") else noun


def _plural(count: int, noun: str) -> str:
    """ "1 council", "2 councils"."""
    return f"{count} {_noun(count, noun)}"


def _party_changes(before: Contest, after: Contest) -> list[str]:
    """How each party's net change moved: councils (councils contest) or seats (legislature)."""
    held: dict[str, int]
    now: dict[str, int]
    if isinstance(before, CouncilsContest) and isinstance(after, CouncilsContest):
        held = {p.code: p.councils_change for p in before.parties}
        held[NOC] = before.no_overall_control.councils_change
        now = {p.code: p.councils_change for p in after.parties}
        now[NOC] = after.no_overall_control.councils_change
        noun = "councils"
    elif isinstance(before, LegislatureContest) and isinstance(after, LegislatureContest):
        held = {p.code: p.seats_change or 0 for p in before.parties}
        now = {p.code: p.seats_change or 0 for p in after.parties}
        noun = after.unit
    else:
        return []
    changes = []
    for code in dict.fromkeys([*now, *held]):
        delta = now.get(code, 0) - held.get(code, 0)
        if delta:
            words = signed(delta) if code == NOC else f"{signed(delta)} {_noun(delta, noun)}"
            changes.append(f"{code} {words}")
    return changes


def _declared(before: Contest | None, after: Contest) -> tuple[int, str]:
    """How many more were declared, and the counter's noun ("councils", "seats"); 0 if none."""
    counter, earlier = counter_of(after), None if before is None else counter_of(before)
    if counter is None:
        return 0, ""
    return counter.reported - (earlier.reported if earlier else 0), counter.noun


def _contest_summary(
    before: Contest | None, after: Contest, declared: int, noun: str, changes: int
) -> tuple[list[str], list[str], list[str]]:
    """What is said of one contest (`declared` more of `noun`, `changes` of control): declared,
    the parties' net changes, control changes."""
    said = [f"{_plural(declared, noun)} declared"] if declared > 0 else []
    parties = _party_changes(before, after) if before is not None else []
    control = [_plural(changes, "control changes")] if changes else []
    return said, parties, control


def summary_forms(before: Feed, after: Feed) -> tuple[str, ...]:
    """What changed between `before` (on screen when frozen) and `after` (shown on unfreezing)
    as one line, in forms from the longest to the shortest — the board shows the first that
    fits its width (`widgets/status_bar.py`), else the last cut with "…":

    1. every contest that changed, named, with everything said of it;
    2. the same without the parties' net changes;
    3. each contest by the first word of its title, where those tell them apart: "While
       frozen: English 13 councils · Scottish 15 seats · Welsh 2 seats · 2 control changes";
    4. the counts alone, summed by noun: "While frozen: 13 councils declared · 17 seats
       declared · 2 control changes" (never two bare "seats" figures nobody can tell apart).

    A night of one contest names none. (`NOTHING`,) when nothing changed.
    """
    known = {alert.key for alert, _ in changes_of(before)}
    new: dict[str, int] = {}
    for alert, _ in changes_of(after):
        if alert.key not in known:
            new[alert.contest_id] = new.get(alert.contest_id, 0) + 1
    said = []
    declared: list[tuple[str, int, str]] = []  # contest title, how many more, the noun
    for contest in after.contests:
        earlier = before.contest(contest.id)
        count, noun = _declared(earlier, contest)
        if count > 0:
            declared.append((contest.title, count, noun))
        parts = _contest_summary(earlier, contest, count, noun, new.get(contest.id, 0))
        if any(parts):
            said.append((contest.title, parts))
    if not said:
        return (NOTHING,)
    named = len(after.contests) > 1

    def line(keep_parties: bool) -> str:
        each = []
        for title, (declared, parties, control) in said:
            words = " · ".join([*declared, *(parties if keep_parties else []), *control])
            if words:
                each.append(f"{title}: {words}" if named else words)
        return "; ".join(each)

    changes = sum(new.values())
    control = [_plural(changes, "control changes")] if changes else []
    # Shorter: each contest by the first word of its title ("Scottish 15 seats"), where those
    # words tell the contests apart; then the counts alone, summed by noun, so that two
    # contests' "seats" are never two bare figures nobody can tell apart on air.
    labels = [(title.split() or [""])[0][:12] for title, _, _ in declared]
    short = ""
    if named and len(set(labels)) == len(labels) and all(labels):
        short = " · ".join(
            f"{label} {_plural(count, noun)}"
            for label, (_, count, noun) in zip(labels, declared, strict=True)
        )
        short = " · ".join([short, *control])
    totals: dict[str, int] = {}
    for _, count, noun in declared:
        totals[noun] = totals.get(noun, 0) + count
    counts = [f"{_plural(count, noun)} declared" for noun, count in totals.items()] + control
    forms = [line(True), line(False), short, " · ".join(counts)]
    return tuple(f"While frozen: {form}" for form in dict.fromkeys(forms) if form)


def freeze_summary(before: Feed, after: Feed) -> str:
    """What changed while frozen, everything said, as one line (the first of `summary_forms`,
    without its "While frozen: "), or `NOTHING`."""
    return summary_forms(before, after)[0].removeprefix("While frozen: ")
