"""Provides `parse_feed`: bytes from anywhere to a validated `Feed`, or a `FeedInvalid`.

Parsing is all or nothing. A document that breaks a rule raises
`FeedSchemaError` listing every problem with its path
(`contests[0].parties[3].seats: must be ≥ 0`); another major format version
raises `UnsupportedFormat`; bytes that are not a JSON document raise
`FeedDecodeError`. Nothing else escapes.
"""

from __future__ import annotations

import json
from typing import Any

from pydantic import ValidationError
from pydantic_core import ErrorDetails

from feeds.contests import CONTEST_KINDS
from feeds.errors import FeedDecodeError, FeedSchemaError, Problem, UnsupportedFormat
from feeds.models import Feed

__all__ = ["format_path", "parse_feed", "problems_of"]

_TAGS = {*CONTEST_KINDS, "unsupported"}

_MESSAGES = {
    "missing": "is required",
    "int_type": "must be an integer",
    "int_parsing": "must be an integer",
    "int_from_float": "must be an integer",
    "bool_type": "must be true or false",
    "string_type": "must be a string",
    "float_type": "must be a number",
    "float_parsing": "must be a number",
    "finite_number": "must be a finite number",
    "tuple_type": "must be a list",
    "model_type": "must be an object",
    "model_attributes_type": "must be an object",
    "dict_type": "must be an object",
    "datetime_type": "must be an RFC 3339 time with offset",
    "datetime_parsing": "must be an RFC 3339 time with offset",
    "datetime_from_date_parsing": "must be an RFC 3339 time with offset",
    "timezone_aware": "must have a UTC offset",
    "string_pattern_mismatch": "has characters or a length that are not allowed",
}


def parse_feed(body: bytes) -> Feed:
    """Validate one JSON document of format `results-board/1`.

    Raises:
        FeedDecodeError: empty, not UTF-8, an HTML page, or not JSON.
        UnsupportedFormat: `format` names another major version.
        FeedSchemaError: valid JSON that breaks the format's rules.
    """
    stripped = body.lstrip()
    if not stripped:
        raise FeedDecodeError("empty feed", "the body had no content")
    if stripped[:1] == b"<":
        raise FeedDecodeError("not a JSON feed", "got what looks like an HTML or XML page")
    try:
        body.decode("utf-8")
    except UnicodeDecodeError as error:
        raise FeedDecodeError("feed is not UTF-8", f"bad byte at offset {error.start}") from None
    try:
        return Feed.model_validate_json(body)
    except ValidationError as error:
        if _lone_surrogate(error):
            return _parse_via_json_module(body)
        raise _to_feed_error(error) from None
    except RecursionError:  # pathologically deep nesting
        raise FeedDecodeError("not a JSON feed", "nesting too deep") from None


def _lone_surrogate(error: ValidationError) -> bool:
    """True when pydantic's JSON parser refused a `\\ud800`-style escape of a lone surrogate.

    JSON allows such escapes, and producers emit them (JavaScript's
    `JSON.stringify` of a string cut in the middle of an emoji). Refusing the
    whole document for one would blank the board; `clean_text` removes them.
    """
    return any(
        d["type"] == "json_invalid" and ("surrogate" in d["msg"] or "end of hex escape" in d["msg"])
        for d in error.errors(include_url=False)
    )


def _reject_constant(name: str) -> None:
    raise ValueError(f"{name} is not allowed in JSON")


def _parse_via_json_module(body: bytes) -> Feed:
    """The slower path for documents with lone surrogates: `json` then the models."""
    try:
        value = json.loads(body, parse_constant=_reject_constant)
    except (ValueError, RecursionError) as error:
        raise FeedDecodeError("not a JSON feed", str(error)[:200]) from None
    try:
        return Feed.model_validate(value)
    except ValidationError as error:
        raise _to_feed_error(error) from None


def _to_feed_error(error: ValidationError) -> FeedDecodeError | UnsupportedFormat | FeedSchemaError:
    details = error.errors(include_url=False)
    for detail in details:
        if detail["type"].startswith("json_"):
            return FeedDecodeError("not a JSON feed", detail["msg"])
        if tuple(detail["loc"]) == ("format",) and detail["type"] == "string_pattern_mismatch":
            found = detail.get("input")
            if isinstance(found, str):
                return UnsupportedFormat(found[:40])
    return FeedSchemaError(problems_of(details))


def problems_of(details: list[ErrorDetails]) -> list[Problem]:
    """Turn pydantic's error details into `Problem`s with feed paths and plain messages.

    A list whose items failed also reports itself "too short" (its valid items
    are counted); that echo is dropped when its items' own problems are listed.
    """
    locs = [tuple(d["loc"]) for d in details]

    def echo(detail: ErrorDetails) -> bool:
        loc = tuple(detail["loc"])
        return detail["type"] == "too_short" and any(
            len(other) > len(loc) and other[: len(loc)] == loc for other in locs
        )

    return [Problem(format_path(d["loc"]), _message(d)) for d in details if not echo(d)]


def format_path(loc: tuple[int | str, ...]) -> str:
    """`('contests', 0, 'councils', 'parties', 3, 'seats')` → `contests[0].parties[3].seats`."""
    path = ""
    for position, part in enumerate(loc):
        if isinstance(part, int):
            path += f"[{part}]"
        elif position == 2 and loc[0] == "contests" and part in _TAGS:
            pass  # the contest's discriminator tag, not a field
        else:
            path += f".{part}" if path else part
    return path


def _message(detail: ErrorDetails) -> str:
    kind = detail["type"]
    ctx: dict[str, Any] = dict(detail.get("ctx") or {})
    if kind == "greater_than_equal":
        return f"must be ≥ {ctx.get('ge')}"
    if kind == "less_than_equal":
        return f"must be ≤ {ctx.get('le')}"
    if kind == "too_short":
        return f"must have at least {ctx.get('min_length')} item(s)"
    if kind == "value_error":
        return str(ctx.get("error", detail["msg"]))
    if kind == "literal_error":
        return f"must be {ctx.get('expected')}"
    return _MESSAGES.get(kind, detail["msg"])
