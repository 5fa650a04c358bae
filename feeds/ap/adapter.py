"""Provides `ApAdapter`: merges AP's full and partial responses into the races it holds.

AP's first response carries every race; each response to a `nextrequest`
link carries only the races that changed (or none). The adapter keeps the
last good figures of every race and publishes a whole `Feed` each time
something visible changed: the electoral college, the balance of power
(trend tables), then every race as a `race` contest.

What it refuses or names, never losing the last good figures:

- a race with a fault (a string where a number belongs, two winners for one
  seat): that race keeps its last good figures; a standing problem names it
  until AP sends it right;
- an update for a race never seen whole (no state-level totals): a standing
  problem until it comes whole;
- a race missing from a full response: kept, a standing problem;
- votes that go down (AP's corrections), a call retracted, a precincts
  percentage on 0–1 where AP documents 0–100, an EEVP that looks like a
  0–1 fraction: accepted or repaired as said, each named in the warnings.

`read()` works on copies; `accept()` makes the copy current.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime

from pydantic import ValidationError

from feeds.adapter import Adapter, RawDocument, Reading
from feeds.ap.checks import compare
from feeds.ap.mapping import contest_id, electoral_college, race_contest, race_order
from feeds.ap.offload import load
from feeds.ap.parse import UPDATE_MARK, ApRace, ApResponse
from feeds.ap.trend import TrendFault, trend_contest
from feeds.contests import Contest, LegislatureContest
from feeds.errors import FeedDecodeError
from feeds.models import FORMAT, Feed
from feeds.race import RaceContest

__all__ = ["ApAdapter", "ApState"]


@dataclass
class ApState:
    """What the adapter holds between polls (copied by `read`, made current by `accept`)."""

    races: dict[str, ApRace] = field(default_factory=dict)
    contests: dict[str, RaceContest] = field(default_factory=dict)
    trends: dict[str, LegislatureContest] = field(default_factory=dict)
    problems: dict[str, str] = field(default_factory=dict)
    """Standing problems by what they concern (a race key, "trend", "missing:KEY")."""
    sequence: int = 0
    election_date: str | None = None
    timestamp: datetime | None = None
    test: bool = False

    def copy(self) -> ApState:
        return replace(
            self,
            races=dict(self.races),
            contests=dict(self.contests),
            trends=dict(self.trends),
            problems=dict(self.problems),
        )


class ApAdapter(Adapter):
    """AP Elections API JSON (v2, v3) and AP trend tables, merged into whole feeds."""

    format = "ap"

    def __init__(self) -> None:
        self.state = ApState()
        """The races and tables accepted so far."""

    def read(self, documents: Sequence[RawDocument], now: datetime) -> Reading:
        """Merge `documents` (pages in the order fetched) into a copy of the held races.

        Raises:
            FeedDecodeError: a document that is not an AP response (not JSON, no races and
                no link), or a first response with no races at all.
        """
        state = self.state.copy()
        warnings: list[str] = []
        changed = False
        for document in documents:
            response = load(document.body)
            if response.trend is not None:
                changed |= _merge_trend(state, response)
                continue
            partial = response.partial or UPDATE_MARK in document.name
            changed |= _merge_races(state, response, partial, now, warnings)
        if not state.races and not state.trends:
            raise FeedDecodeError(
                "AP sent no races", "check the election date and filters in the URL"
            )
        problems = tuple(state.problems[key] for key in sorted(state.problems))
        if not changed:
            return Reading(None, problems, tuple(warnings), state)
        state.sequence += 1
        return Reading(_feed(state, now), problems, tuple(warnings), state)

    def accept(self, reading: Reading) -> None:
        """Make the reading's races current."""
        if isinstance(reading.state, ApState):
            self.state = reading.state


def _merge_trend(state: ApState, response: ApResponse) -> bool:
    assert response.trend is not None
    try:
        contest = trend_contest(response.trend)
    except TrendFault as fault:
        state.problems["trend"] = str(fault)
        return False
    state.problems.pop("trend", None)
    state.test = state.test or response.test
    if response.timestamp is not None:
        state.timestamp = max(filter(None, (state.timestamp, response.timestamp)))
    if state.trends.get(contest.id) == contest:
        return False
    state.trends[contest.id] = contest
    return True


def _merge_races(
    state: ApState, response: ApResponse, partial: bool, now: datetime, warnings: list[str]
) -> bool:
    changed = False
    state.election_date = response.election_date or state.election_date
    if response.timestamp is not None:
        state.timestamp = max(filter(None, (state.timestamp, response.timestamp)))
    if response.test and not state.test:
        state.test, changed = True, True
    faulted = set()
    for key, fault in response.faults:
        kept = (
            "last good figures kept" if key in state.races else "left out until AP sends it right"
        )
        state.problems[key or fault] = f"{fault}; {kept}"
        faulted.add(key)
    if not partial and state.races:
        present = {race.key for race in response.races} | faulted
        for key, race in state.races.items():
            if key not in present:
                state.problems[f"missing:{key}"] = (
                    f"{race.state} {race.office} (race {race.race_id}) is missing from AP's "
                    "full response; its last figures stay"
                )
    for race in response.races:
        state.problems.pop(f"missing:{race.key}", None)
        held = state.races.get(race.key)
        if not race.whole:
            if held is None:
                state.problems[race.key] = (
                    f"{race.state} {race.office} (race {race.race_id}): an update for a race "
                    "never seen whole (no statewide totals); waiting for its full figures"
                )
            continue
        merged, notes = compare(held, race)
        warnings.extend(notes)
        called_at = _called_at(state.contests.get(race.key), merged, now)
        try:
            contest = race_contest(merged, called_at, _unique_id(state, merged))
        except ValidationError as error:
            first = error.errors()[0]
            where = ".".join(str(p) for p in first["loc"])
            kept = "last good figures kept" if race.key in state.races else "left out"
            state.problems[race.key] = (
                f"{merged.state} {merged.office} (race {merged.race_id}): {where}: "
                f"{first['msg']}; {kept}"
            )
            continue
        state.problems.pop(race.key, None)
        state.races[race.key] = merged
        if state.contests.get(race.key) != contest:
            state.contests[race.key] = contest
            changed = True
    return changed


def _called_at(held: RaceContest | None, race: ApRace, now: datetime) -> datetime | None:
    """When the call was made: kept from the held race, else AP's last update, else now."""
    if not any(c.winner or c.runoff for c in race.candidates):
        return None
    if held is not None and held.called_at is not None:
        return held.called_at
    return race.last_updated or now


def _unique_id(state: ApState, race: ApRace) -> str:
    held = state.contests.get(race.key)
    if held is not None:
        return held.id
    base = contest_id(race)
    taken = {c.id for c in state.contests.values()}
    slug, n = base, 2
    while slug in taken:
        slug, n = f"{base[:60]}-{n}", n + 1
    return slug


def _feed(state: ApState, now: datetime) -> Feed:
    races = sorted(state.races.values(), key=race_order)
    contests: list[Contest] = []
    college = electoral_college(races)
    if college is not None:
        contests.append(college)
    contests.extend(state.trends[key] for key in sorted(state.trends))
    contests.extend(state.contests[race.key] for race in races if race.key in state.contests)
    title = f"AP results, {state.election_date}" if state.election_date else "AP results"
    return Feed(
        format=FORMAT,
        sequence=state.sequence,
        published_at=state.timestamp or now,
        title=title,
        contests=tuple(contests),
        test=state.test,
        time_basis="source" if state.timestamp is not None else "received",
    )
