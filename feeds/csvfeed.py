"""Provides `parse_csv`: a national table kept in a spreadsheet, published as CSV, to a `Feed`.

Many data desks keep the national table in a spreadsheet. Its CSV export is
read leniently, as people write tables: UTF-8 (a byte-order mark is ignored)
or UTF-16/32 as a spreadsheet's "Unicode text" export saves it; comma, tab or
pipe separated (sniffed from the header); optional title lines above the
header; header spellings such as "Councils +/-", "Council (+/1)", "Seats
change" or "Net"; a trailing separator; signed numbers ("+5", "−4" with a
Unicode minus); empty cells as 0. A row named "No Overall Control" gives the
NOC figures. A total row ("Total", "Totals", "Grand total", "All parties") is
checked against the sum of the other rows, column by column (a blank cell in
it is not checked), and dropped; a total that disagrees refuses the table,
since a row is then missing or wrong. An "Others" row is kept as the party
`OTH`. A line with no separator below the header is a note and is skipped.
Every error names its row (and column). The result goes through the normal
models, so text is sanitised and the rules hold.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from pydantic import ValidationError

from feeds.errors import FeedDecodeError, FeedSchemaError, Problem
from feeds.models import FORMAT, Feed
from feeds.parse import problems_of, utf8_document
from feeds.parties import PARTIES, lookup_party, make_code
from feeds.text import clean_text

__all__ = ["parse_csv"]

_DELIMITERS = ("|", "\t", ",", ";")
_CHANGE = re.compile(r"\+\s*/\s*[-1−–]|±|change|chg|\bnet\b|diff")
_MINUS = str.maketrans({"−": "-", "–": "-", "‒": "-", "﹣": "-", "－": "-", "＋": "+"})
_NUMBER = re.compile(r"^[+-]?[0-9]{1,15}$")
_DASHES = {"-", "—", "–", "−", "n/a", "na"}
_KNOWN_CODES = frozenset(info.code for info, _ in PARTIES)
_NOC_NAMES = {"no overall control", "noc", "no overall ctrl"}
_TOTAL = re.compile(r"^(grand )?totals?( \(?(of )?all parties\)?)?$|^all parties$")
_FIGURES = ("councils", "councils_change", "seats", "seats_change")


@dataclass(frozen=True)
class _Columns:
    party: int
    councils: int
    seats: int
    councils_change: int | None
    seats_change: int | None


def parse_csv(
    body: bytes,
    *,
    total: int,
    sequence: int,
    published_at: datetime,
    title: str = "Council results",
    contest_id: str = "councils",
) -> Feed:
    """Read a national councils table from CSV into a one-contest `Feed`.

    `reported` is the sum of the councils column (NOC included); `total` (the
    councils electing) is not in the table, so the caller gives it.

    Raises:
        FeedDecodeError: not UTF-8 (nor UTF-16/32 with a byte-order mark), or no
            header row with Party, Councils and Seats.
        FeedSchemaError: a cell that is not a number, a count below 0, a party
            twice, or a table that breaks the feed's rules (e.g. reported > total).
    """
    try:
        text = utf8_document(body, "CSV").decode("utf-8")
    except UnicodeDecodeError as error:
        raise FeedDecodeError("CSV is not UTF-8", f"bad byte at offset {error.start}") from None
    lines = text.splitlines()
    found = _find_header(lines)
    if found is None:
        raise FeedDecodeError("bad CSV", "no header row with a Party column")
    header_index, delimiter = found
    rows = list(csv.reader(lines[header_index:], delimiter=delimiter, skipinitialspace=True))
    columns = _columns(_trim(rows[0], delimiter))
    table = _rows(rows[1:], columns, delimiter, first_line=header_index + 2)
    parties, noc = table.parties, table.noc
    reported = sum(p["councils"] for p in parties) + noc["councils"]
    if reported > total >= 1:
        where = f"rows {table.first_line}–{table.last_line}, Councils"
        raise FeedSchemaError(
            [Problem(where, f"add up to {reported}, more than the {total} councils electing")]
        )
    contest: dict[str, Any] = {
        "kind": "councils",
        "id": contest_id,
        "title": title,
        "total": total,
        "reported": reported,
        "parties": parties,
        "no_overall_control": noc,
    }
    document = {
        "format": FORMAT,
        "sequence": sequence,
        "published_at": published_at,
        "title": title,
        "contests": [contest],
    }
    try:
        return Feed.model_validate(document)
    except ValidationError as error:
        problems = problems_of(error.errors(include_url=False))
        raise FeedSchemaError([_by_row(problem, table.lines) for problem in problems]) from None


_PARTY_PATH = re.compile(r"^contests\[0\]\.parties\[(\d+)\](?:\.(\w+))?")


def _by_row(problem: Problem, lines: list[int]) -> Problem:
    """A model's problem at `contests[0].parties[3].seats` named as "row 5, Seats"."""
    match = _PARTY_PATH.match(problem.path)
    if match is None or int(match[1]) >= len(lines):
        return problem
    column = _LABELS.get(match[2] or "", "Party")
    return Problem(f"row {lines[int(match[1])]}, {column}", problem.message)


def _find_header(lines: list[str]) -> tuple[int, str] | None:
    """The header's index and delimiter: first cell ends in "Party", others name figures."""
    for index, line in enumerate(lines):
        counts = {d: line.count(d) for d in _DELIMITERS}
        delimiter = max(_DELIMITERS, key=lambda d: counts[d])
        if counts[delimiter] == 0:
            continue
        cells = [
            c.casefold() for c in _trim(next(csv.reader([line], delimiter=delimiter)), delimiter)
        ]
        figures = any("council" in cell or "seat" in cell for cell in cells[1:])
        if cells and cells[0].endswith("party") and figures:
            return index, delimiter
    return None


def _trim(cells: list[str], delimiter: str) -> list[str]:
    """Cells stripped, without the empty ends a leading or trailing separator makes."""
    cells = [cell.strip() for cell in cells]
    if delimiter == "|" and cells and not cells[0]:
        cells = cells[1:]  # a Markdown-style "| Party | …" line
    while cells and not cells[-1]:
        cells.pop()
    return cells


def _columns(header: list[str]) -> _Columns:
    found: dict[str, int] = {}
    base: str | None = None
    for index, cell in enumerate(header[1:], start=1):
        name = cell.casefold()
        if "council" in name:
            base = "councils"
        elif "seat" in name:
            base = "seats"
        elif not _CHANGE.search(name):
            base = None
            continue
        if base is None:
            continue
        key = f"{base}_change" if _CHANGE.search(name) else base
        found.setdefault(key, index)
    missing = [what for what in ("councils", "seats") if what not in found]
    if missing:
        raise FeedDecodeError("bad CSV", f"no {' or '.join(missing).title()} column in the header")
    return _Columns(
        party=0,
        councils=found["councils"],
        seats=found["seats"],
        councils_change=found.get("councils_change"),
        seats_change=found.get("seats_change"),
    )


_LABELS = {
    "councils": "Councils",
    "councils_change": "Councils +/-",
    "seats": "Seats",
    "seats_change": "Seats +/-",
}


@dataclass
class _Table:
    """The rows read: party rows (with their line numbers), NOC, and where the rows were."""

    parties: list[dict[str, Any]]
    lines: list[int]
    """The line of each party row, in order."""
    noc: dict[str, int]
    first_line: int
    last_line: int


def _rows(rows: list[list[str]], columns: _Columns, delimiter: str, first_line: int) -> _Table:
    problems: list[Problem] = []
    parties: list[dict[str, Any]] = []
    lines: list[int] = []
    noc: dict[str, int] | None = None
    totals: list[tuple[int, dict[str, int]]] = []
    seen: dict[str, int] = {}
    used: list[int] = []
    for offset, raw in enumerate(rows):
        line = first_line + offset
        cells = _trim(raw, delimiter)
        if len(raw) == 1:
            continue  # a line without a separator: a note under the table
        if not cells or all(not c or set(c) <= set("-:=+ ") for c in cells):
            continue  # blank line, or a Markdown "|---|---|" rule
        used.append(line)
        name = clean_text(cells[0], 80)  # cleaned first, so "Lab\x1bour" is still Labour
        where = f"row {line}"
        if not name:
            problems.append(Problem(f"{where}, Party", "is empty"))
            continue
        key = " ".join(name.casefold().rstrip(":").split())
        is_total = _TOTAL.match(key) is not None
        is_noc = key in _NOC_NAMES
        values: dict[str, int] = {}
        for figure in _FIGURES:
            index = getattr(columns, figure)
            if is_noc and figure.startswith("seats"):
                continue  # NOC holds councils, not seats
            cell = cells[index] if index is not None and index < len(cells) else ""
            if is_total and (not cell.strip() or cell.strip().casefold() in _DASHES):
                continue  # a total left blank is not checked
            number = _number(cell)
            if number is None:
                problems.append(Problem(f"{where}, {_LABELS[figure]}", "not a number"))
            elif number < 0 and not figure.endswith("change"):
                problems.append(Problem(f"{where}, {_LABELS[figure]}", "must be ≥ 0"))
            else:
                values[figure] = number
        if is_total:
            totals.append((line, values))
            continue
        if is_noc:
            if noc is not None:
                problems.append(Problem(f"{where}, Party", "No Overall Control appears twice"))
            noc = {"councils": values.get("councils", 0)}
            noc["councils_change"] = values.get("councils_change", 0)
            continue
        info = lookup_party(name)
        code = info.code if info else make_code(name, {*seen, *_KNOWN_CODES})
        if code in seen:
            problems.append(Problem(f"{where}, Party", f"{code} already on row {seen[code]}"))
            continue
        seen[code] = line
        party: dict[str, Any] = {"code": code, "name": name, **values}
        if info:
            party["colour"] = info.colour
        for figure in _FIGURES:
            party.setdefault(figure, 0)
        parties.append(party)
        lines.append(line)
    noc = noc or {"councils": 0, "councils_change": 0}
    if not parties and not problems:
        problems.append(Problem("", "the table has no party rows"))
    if not problems:
        problems += _check_totals(totals, [*parties, noc])
    if problems:
        raise FeedSchemaError(problems)
    return _Table(parties, lines, noc, used[0], used[-1])


def _check_totals(
    totals: list[tuple[int, dict[str, int]]], rows: list[dict[str, Any]]
) -> list[Problem]:
    """A problem for each figure of a total row that is not the sum of the other rows."""
    problems = []
    for line, values in totals:
        for figure, stated in values.items():
            summed = sum(row.get(figure, 0) for row in rows)
            if stated != summed:
                problems.append(
                    Problem(
                        f"row {line}, {_LABELS[figure]}",
                        f"Total {stated} is not the sum of the other rows ({summed})",
                    )
                )
    return problems


def _number(cell: str) -> int | None:
    """An integer from a cell: "", "—" → 0; "+5", "−4", "1,005" → 5, -4, 1005; else None."""
    text = cell.strip()
    if not text or text.casefold() in _DASHES:
        return 0
    text = text.translate(_MINUS).replace(",", "").replace(" ", "").replace("\u202f", "")
    return int(text) if _NUMBER.match(text) else None
