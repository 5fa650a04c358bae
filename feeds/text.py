"""Provides the one place where untrusted feed text is made safe to show.

Every human-readable string in a feed (titles, party names, areas, quotes,
speakers) passes through `clean_text` when the document is validated, so the
rest of the program never sees a control character. What is removed:

- C0 and C1 control characters and DEL (ESC starts terminal escape sequences;
  a C1 CSI or OSC does the same on some terminals);
- Unicode format characters (bidi overrides and isolates, zero-width
  characters, soft hyphen, BOM, tag characters): they reorder or hide text;
- lone surrogates (from JSON `\\ud800` escapes): they cannot be encoded for
  the terminal at all;
- runs of more than `MAX_COMBINING` combining marks ("zalgo" text).

Tabs, newlines and the Unicode line and paragraph separators become single
spaces, runs of white space are folded, and the result is capped at a length
(an ellipsis marks the cut).

This does not escape Textual markup: feed text must still be rendered as
`Content`/`Text`, never as a markup string.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Annotated

from pydantic import AfterValidator

__all__ = [
    "MAX_COMBINING",
    "LongText",
    "ShortText",
    "TitleText",
    "clean_text",
]

MAX_COMBINING = 2
"""Combining marks kept after one base character."""

# Cc (controls, including DEL and C1) and Cs (surrogates) as whole ranges, and
# every Cf (format) code point of Unicode 15.1 listed explicitly. A test checks
# this pattern against `unicodedata` for every code point.
_REMOVE = re.compile(
    "["
    "\x00-\x08\x0b-\x1f\x7f-\x9f"  # C0 (bar tab and newline, handled below), DEL, C1
    "\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e"
    "\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f"
    "\ufeff\ufff9-\ufffb"
    "\ud800-\udfff"
    "\U000110bd\U000110cd\U00013430-\U0001343f\U0001bca0-\U0001bca3"
    "\U0001d173-\U0001d17a\U000e0001\U000e0020-\U000e007f"
    "]+"
)
_SPACE = re.compile(r"[\t\n\u2028\u2029\s]+")
_COMBINING_RUN = re.compile(
    r"[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]{3,}"
)


def _trim_combining(match: re.Match[str]) -> str:
    return match.group()[:MAX_COMBINING]


def clean_text(value: str, max_length: int) -> str:
    """Return `value` with unsafe characters removed, spaces folded, capped at `max_length`.

    The cap counts code points after cleaning; a capped string ends in "…".
    """
    text = _REMOVE.sub("", value)
    text = _SPACE.sub(" ", text).strip()
    if not text.isascii():
        text = _COMBINING_RUN.sub(_trim_combining, text)
        # Before the cap: NFC can lengthen text (U+0958 becomes two code points).
        text = unicodedata.normalize("NFC", text)
    if len(text) > max_length:
        text = text[: max_length - 1].rstrip() + "…"
    return text


def _cleaner(max_length: int) -> AfterValidator:
    return AfterValidator(lambda value: clean_text(value, max_length))


ShortText = Annotated[str, _cleaner(80)]
"""A name or label: party names, areas, speakers, roles, outlets."""

TitleText = Annotated[str, _cleaner(120)]
"""A title of the night or of a contest."""

LongText = Annotated[str, _cleaner(600)]
"""A quote, news line or note."""
