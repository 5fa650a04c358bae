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
- runs of more than `MAX_COMBINING` combining marks ("zalgo" text);
- characters whose width terminals disagree on (`settle_widths`), so feed text
  can never shift the figures of a row or the panel beside it.

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
    "settle_widths",
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


# Emoji components whose width depends on the terminal: variation selectors (VS1–16 and
# the ideographic VS17–256), the keycap enclosing mark, the skin-tone modifiers.
_UNSETTLED = re.compile("[\ufe00-\ufe0f\u20e3\U0001f3fb-\U0001f3ff\U000e0100-\U000e01ef]+")
_REGIONAL = re.compile("[\U0001f1e6-\U0001f1ff]")
_PICTOGRAPHS = 0x1F000
"""Where the supplementary pictograph blocks (mahjong tiles to symbols and pictographs) start."""


def settle_widths(text: str) -> str:
    """`text` with only characters that Textual and terminals draw at the same width.

    Textual lays a row out with Rich's cell widths; a terminal draws with its
    own table. Where they differ, the rest of the line shifts: a party named
    U+1F5F3 U+FE0F (ballot box, emoji presentation) is two cells to Rich and one
    to tmux 3.3. Measured in tmux 3.3 against Rich 15 and wcwidth 0.9, the
    disagreements, and what is done with each:

    - variation selectors (U+FE0E text, U+FE0F emoji presentation; VS17–256):
      removed, so the character takes its default width (🗳️ → 🗳 → dropped
      below; ❤️ → ❤, one cell everywhere);
    - the keycap mark U+20E3: removed ("1️⃣" → "1");
    - skin-tone modifiers U+1F3FB–1F3FF (two cells to tmux, none to Rich): removed;
    - regional indicators (flags: two cells, four, or one each): their letters
      ("🇬🇧" → "GB");
    - text-default pictographs from U+1F000 (🗳, 🕊, 🅰 without a selector:
      one cell in Rich and tmux, two where a terminal treats the pictograph
      blocks as wide): removed. Emoji that default to emoji presentation
      (East Asian Wide: 🌹, 😀) are two cells everywhere and stay;
    - unassigned code points (a newer emoji is two cells to Rich, none to
      tmux) and private-use characters (icon fonts): removed.

    Left as they are: East Asian ambiguous characters (é, ±, Ω, Cyrillic) are
    one cell in Rich and in terminals set for Western text, as are the board's
    own ▲ ▼ █ — (UAX #11 recommends narrow outside East Asian contexts); a
    terminal set to draw them wide cannot draw the board's frame either.
    Spacing marks of Indic scripts (category Mc) are one cell in terminals
    and none in Rich; removing them would misspell the names, so they stay.
    """
    if text.isascii():
        return text
    text = _UNSETTLED.sub("", text)
    text = _REGIONAL.sub(lambda match: chr(ord(match.group()) - 0x1F1E6 + ord("A")), text)
    return "".join(char for char in text if _settled(char))


def _settled(char: str) -> bool:
    if char.isascii():
        return True
    category = unicodedata.category(char)
    if category in ("Cn", "Co"):
        return False
    return not (
        ord(char) >= _PICTOGRAPHS
        and category in ("So", "Sk")
        and unicodedata.east_asian_width(char) not in ("W", "F")
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
        text = _SPACE.sub(" ", settle_widths(text)).strip()
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
