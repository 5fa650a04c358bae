"""Provides `parse_response`: one AP Elections API response (v2 or v3, JSON) as `ApRace`s.

AP's elections endpoint answers `{"electionDate", "timestamp", "races": [...],
"nextrequest", "isTruncated"?}`; each race has reporting units (the state,
and with `level=ru` its counties or towns), each with candidates. Only the
state-level unit is kept: it carries the race's totals; the subunits are
counted, not held (a national night is ~20 MB of them).

Scales, as AP documents them: `voteCount`, `precinctsReporting`,
`precinctsTotal`, `electTotal`, `electWon` are whole numbers;
`precinctsReportingPct` and `eevp` are percentages on 0–100 (EEVP at most 99
until certification). `winner` is "X" for a call and "R" for a runoff.
`resultsType` is "l"/"live", "t"/"test" or "c"/"certified"; v2 sends
`test: true` instead.

A fault inside one race (a string where a number belongs, two winners for one
seat) raises `RaceFault` from `parse_race`, so the adapter can keep that
race's last good figures and name the fault, while the other races go on.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from feeds.ap.model import ApCandidate, ApRace, ApResponse, RaceFault
from feeds.ap.wire import decode, field, has, is_object
from feeds.errors import FeedDecodeError
from feeds.text import clean_text

__all__ = [
    "UPDATE_MARK",
    "ApCandidate",
    "ApRace",
    "ApResponse",
    "RaceFault",
    "parse_race",
    "parse_response",
]

UPDATE_MARK = " (update)"
"""Ends the name of a document a transport fetched by following a `nextrequest` link (a
partial response), for responses that do not say so themselves with `isTruncated`."""

_TEST_TYPES = {"t", "test"}
_STATE_LEVELS = {"state", "national"}


def parse_response(body: bytes) -> ApResponse:
    """Parse one AP JSON document.

    Raises:
        FeedDecodeError: not JSON, or not an AP elections response or trend table.
    """
    data = decode(body)
    if not is_object(data):
        raise FeedDecodeError("not an AP response", "the document is not a JSON object")
    table = field(data, "trendtable")
    if isinstance(table, dict):
        test = str(table.get("Test", "0")) == "1"
        stamp = _time(table.get("timestamp"))
        return ApResponse((), (), None, stamp, None, None, test, trend=table)
    raw_races = field(data, "races")
    if raw_races is None and not has(data, "nextrequest"):
        raise FeedDecodeError(
            "not an AP elections response", "no `races` list and no `nextrequest` link"
        )
    if not isinstance(raw_races, list | None):
        raise FeedDecodeError("not an AP elections response", "`races` is not a list")
    truncated = field(data, "isTruncated")
    if truncated is not None and not isinstance(truncated, bool):
        truncated = str(truncated).lower() == "true"
    response_test = str(field(data, "resultsType") or "").lower() in _TEST_TYPES
    races: list[ApRace] = []
    faults: list[tuple[str | None, str]] = []
    for index, raw in enumerate(raw_races or ()):
        try:
            races.append(parse_race(raw, response_test))
        except RaceFault as fault:
            faults.append((fault.key, f"races[{index}] {fault}"))
    link = field(data, "nextrequest")
    date = field(data, "electionDate")
    return ApResponse(
        tuple(races),
        tuple(faults),
        None if date is None else str(date),
        _time(field(data, "timestamp")),
        link if isinstance(link, str) else None,
        truncated,
        response_test or any(race.test for race in races),
    )


def parse_race(raw: Any, response_test: bool = False) -> ApRace:
    """One race object.

    Raises:
        RaceFault: the race cannot be used (the message names it and the field).
    """
    if not is_object(raw):
        raise RaceFault("is not an object")
    race_id = _text(field(raw, "raceID"), 16) or "?"
    units = field(raw, "reportingUnits") or []
    if not isinstance(units, list):
        raise RaceFault(f"(race {race_id}): reportingUnits is not a list")
    top = _state_unit(units)
    first = top if top is not None else (units[0] if units and is_object(units[0]) else {})
    state = _text(field(first, "statePostal"), 8) or _text(field(raw, "statePostal"), 8)
    office_id = _text(field(raw, "officeID"), 8) or "?"
    label = f"{state or '??'} {_text(field(raw, 'officeName'), 60) or office_id} (race {race_id})"
    key = f"{state or 'US'}-{race_id}"
    try:
        return _race(raw, response_test, race_id, state, office_id, label, key, units, top)
    except RaceFault as fault:
        raise RaceFault(str(fault), key) from None


def _race(
    raw: Any,
    response_test: bool,
    race_id: str,
    state: str | None,
    office_id: str,
    label: str,
    key: str,
    units: list[Any],
    top: Any,
) -> ApRace:
    where = _Where(label)
    results_type = str(field(raw, "resultsType") or "").lower()
    test = response_test or field(raw, "test") is True or results_type in _TEST_TYPES
    candidates: tuple[ApCandidate, ...] = ()
    precincts = precincts_total = elect_total = None
    pct = eevp = None
    updated = None
    if top is not None:
        candidates = tuple(
            _candidate(c, i, where) for i, c in enumerate(field(top, "candidates") or [])
        )
        precincts = where.count(top, "precinctsReporting")
        precincts_total = where.count(top, "precinctsTotal")
        pct = where.percent(top, "precinctsReportingPct")
        elect_total = where.count(top, "electTotal")
        eevp = where.percent(top, "eevp")
        updated = _time(field(top, "lastUpdated"))
    race_eevp = where.percent(raw, "eevp")
    seats = where.count(raw, "numWinners") or 1
    winners = sum(c.winner for c in candidates)
    if winners > seats:
        names = ", ".join(c.name for c in candidates if c.winner)
        raise RaceFault(f"{label}: winner flag on {winners} candidates ({names}) for {seats} seat")
    if precincts is not None and precincts_total is not None and precincts > precincts_total:
        raise RaceFault(f"{label}: precinctsReporting {precincts} > precinctsTotal")
    return ApRace(
        key=key,
        race_id=race_id,
        state=state,
        office_id=office_id,
        office=_text(field(raw, "officeName"), 80) or office_id,
        district=_text(field(raw, "seatName"), 80),
        description=_text(field(raw, "description"), 80),
        measure=office_id == "I",
        seats=seats,
        uncontested=field(raw, "uncontested") is True,
        test=test,
        candidates=candidates,
        precincts=precincts,
        precincts_total=precincts_total,
        precincts_pct=pct,
        eevp=race_eevp if race_eevp is not None else eevp,
        elect_total=elect_total,
        last_updated=updated,
        units=sum(1 for u in units if u is not top),
        whole=top is not None and bool(candidates),
    )


class _Where:
    """Reads numbers out of one race's objects, naming the race and field in every fault."""

    def __init__(self, label: str) -> None:
        self.label = label

    def _number(self, obj: Any, key: str) -> float | int | None:
        value = field(obj, key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int | float):
            shown = clean_text(repr(value), 24)
            raise RaceFault(f"{self.label}: {key} is {shown}, where AP sends a number")
        if value != value or value < 0 or value in (float("inf"), float("-inf")):
            raise RaceFault(f"{self.label}: {key} is {value}, not a count or percentage")
        return value

    def count(self, obj: Any, key: str) -> int | None:
        value = self._number(obj, key)
        if value is None:
            return None
        if isinstance(value, float) and not value.is_integer():
            raise RaceFault(f"{self.label}: {key} is {value}, not a whole number")
        return int(value)

    def percent(self, obj: Any, key: str) -> float | None:
        value = self._number(obj, key)
        if value is not None and value > 100:
            raise RaceFault(f"{self.label}: {key} is {value}, more than 100%")
        return None if value is None else float(value)


def _candidate(raw: Any, index: int, where: _Where) -> ApCandidate:
    if not is_object(raw):
        raise RaceFault(f"{where.label}: candidates[{index}] is not an object")
    first, last = _text(field(raw, "first"), 40), _text(field(raw, "last"), 60)
    name = " ".join(part for part in (first, last) if part) or f"Candidate {index + 1}"
    flag = field(raw, "winner")
    incumbent = field(raw, "incumbent")
    return ApCandidate(
        id=_text(field(raw, "candidateID"), 24) or _text(field(raw, "polID"), 24) or str(index),
        name=name,
        party=_text(field(raw, "party"), 16),
        votes=where.count(raw, "voteCount") or 0,
        winner=flag == "X",
        runoff=flag == "R",
        incumbent=incumbent is True or incumbent == "true",
        elect_won=where.count(raw, "electWon"),
    )


def _state_unit(units: list[Any]) -> Any:
    """The race's state-level unit: `level` "state"/"national" or v3 `reportingunitLevel` 1;
    a lone unit with no level (a `level=state` request) counts too."""
    for unit in units:
        if not is_object(unit):
            continue
        if str(field(unit, "level") or "").lower() in _STATE_LEVELS:
            return unit
        if str(field(unit, "reportingunitLevel") or "") == "1":
            return unit
    if len(units) == 1 and is_object(units[0]) and field(units[0], "level") is None:
        return units[0]
    return None


def _text(value: Any, limit: int) -> str | None:
    if value is None or isinstance(value, list) or is_object(value):
        return None
    text = clean_text(str(value), limit)
    return text or None


def _time(value: Any) -> datetime | None:
    """An AP time ("2016-06-24T18:24:19Z", with or without fraction); None if not one."""
    if not isinstance(value, str):
        return None
    try:
        when = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return when if when.tzinfo is not None else None
