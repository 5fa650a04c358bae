"""Provides `parse_csv`: a national table kept in a spreadsheet, published as CSV, to a `Feed`.

Many data desks keep the national table in a spreadsheet. Its CSV export is
read leniently, as people write tables: UTF-8 (a byte-order mark is ignored)
or UTF-16/32 as a spreadsheet's "Unicode text" export saves it; comma, tab or
pipe separated (sniffed from the header); optional title lines above the
header; header spellings such as "Councils +/-", "Council (+/1)", "Seats
change" or "Net"; a trailing separator; signed numbers ("+5", "−4" with a
Unicode minus); empty cells as 0. A row named "No Overall Control" gives the
NOC figures; a line with no separator below the header is a note and is
skipped. The result goes through the normal models, so text is sanitised and
the rules hold.
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
    parties, noc = _rows(rows[1:], columns, delimiter, first_line=header_index + 2)
    contest: dict[str, Any] = {
        "kind": "councils",
        "id": contest_id,
        "title": title,
        "total": total,
        "reported": sum(p["councils"] for p in parties) + noc["councils"],
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
        raise FeedSchemaError(problems_of(error.errors(include_url=False))) from None


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


def _rows(
    rows: list[list[str]], columns: _Columns, delimiter: str, first_line: int
) -> tuple[list[dict[str, Any]], dict[str, int]]:
    problems: list[Problem] = []
    parties: list[dict[str, Any]] = []
    noc: dict[str, int] | None = None
    seen: dict[str, int] = {}
    for offset, raw in enumerate(rows):
        line = first_line + offset
        cells = _trim(raw, delimiter)
        if len(raw) == 1:
            continue  # a line without a separator: a note under the table
        if not cells or all(not c or set(c) <= set("-:=+ ") for c in cells):
            continue  # blank line, or a Markdown "|---|---|" rule
        name = clean_text(cells[0], 80)  # cleaned first, so "Lab\x1bour" is still Labour
        where = f"row {line}"
        if not name:
            problems.append(Problem(f"{where}, Party", "is empty"))
            continue
        is_noc = " ".join(name.casefold().split()) in _NOC_NAMES
        values: dict[str, int] = {}
        for key in ("councils", "councils_change", "seats", "seats_change"):
            index = getattr(columns, key)
            if is_noc and key.startswith("seats"):
                continue  # NOC holds councils, not seats
            cell = cells[index] if index is not None and index < len(cells) else ""
            number = _number(cell)
            if number is None:
                problems.append(Problem(f"{where}, {_LABELS[key]}", "not a number"))
            elif number < 0 and not key.endswith("change"):
                problems.append(Problem(f"{where}, {_LABELS[key]}", "must be ≥ 0"))
            else:
                values[key] = number
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
        for key in ("councils", "councils_change", "seats", "seats_change"):
            party.setdefault(key, 0)
        parties.append(party)
    if not parties and not problems:
        problems.append(Problem("", "the table has no party rows"))
    if problems:
        raise FeedSchemaError(problems)
    return parties, noc or {"councils": 0, "councils_change": 0}


def _number(cell: str) -> int | None:
    """An integer from a cell: "", "—" → 0; "+5", "−4", "1,005" → 5, -4, 1005; else None."""
    text = cell.strip()
    if not text or text.casefold() in _DASHES:
        return 0
    text = text.translate(_MINUS).replace(",", "").replace(" ", "").replace("\u202f", "")
    return int(text) if _NUMBER.match(text) else None
