"""Provides `parse_feed`: bytes from anywhere to a validated `Feed`, or a `FeedInvalid`.

Parsing is all or nothing. A document is UTF-8 JSON (RFC 8259 §8.1); a UTF-8
byte-order mark is ignored, as §8.1 allows, and a document whose byte-order
mark (or, lacking one, whose NUL bytes, RFC 4627 §3) says UTF-16 or UTF-32 is
read in that encoding (`utf8_document`), as Windows tools save "Unicode text".
A document that breaks a rule raises `FeedSchemaError` listing every problem
with its path (`contests[0].parties[3].seats: must be ≥ 0`); another major format version
raises `UnsupportedFormat`; bytes that are not a JSON document raise
`FeedDecodeError`. Nothing else escapes.
"""

from __future__ import annotations

import codecs
import json
from typing import Any

from pydantic import ValidationError
from pydantic_core import ErrorDetails

from feeds.contests import CONTEST_KINDS
from feeds.errors import FeedDecodeError, FeedSchemaError, Problem, UnsupportedFormat
from feeds.models import Feed

__all__ = ["format_path", "parse_feed", "problems_of", "utf8_document"]

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
    body = utf8_document(body)
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


_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE, whose mark begins the same way
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def utf8_document(body: bytes, what: str = "feed") -> bytes:
    """`body` as UTF-8 without a byte-order mark; UTF-8 without one is returned as it is.

    A UTF-8 BOM is dropped (RFC 8259 §8.1 lets a parser ignore it). A UTF-16
    or UTF-32 BOM, or with none the NUL bytes that the first two ASCII
    characters of a JSON text or a CSV header make in those encodings (RFC 4627
    §3), means the body is read in that encoding and re-encoded as UTF-8.
    Whether UTF-8 bytes are valid is left to the caller. `what` names the
    document in errors ("feed", "CSV", "recording").

    Raises:
        FeedDecodeError: the body is not valid in the encoding its BOM or NULs say.
    """
    for bom, encoding in _BOMS:
        if body.startswith(bom):
            if encoding == "utf-8":
                return body[len(bom) :]
            return _transcode(body, len(bom), encoding, what, "byte-order mark")
    by_nuls = _by_nul_bytes(body[:4])
    if by_nuls is None:
        return body
    return _transcode(body, 0, by_nuls, what, "NUL bytes in its first characters")


def _by_nul_bytes(head: bytes) -> str | None:
    """RFC 4627 §3: the encoding of text whose first two characters are ASCII, from its NULs."""
    if len(head) < 4 or 0 not in head:
        return None
    nuls = "".join("0" if byte == 0 else "x" for byte in head[:4])
    return {"000x": "utf-32-be", "0x0x": "utf-16-be", "x000": "utf-32-le", "x0x0": "utf-16-le"}.get(
        nuls
    )


def _transcode(body: bytes, start: int, encoding: str, what: str, evidence: str) -> bytes:
    name = encoding[:6].upper()
    try:
        text = body[start:].decode(encoding)
    except UnicodeDecodeError as error:
        raise FeedDecodeError(
            f"{what} is not valid {name}",
            f"bad bytes at offset {start + error.start}; its {evidence} says {name}",
        ) from None
    return text.encode("utf-8", errors="surrogatepass")


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
