"""Provides what the table rows share to draw a cell: a party colour as a style, one-line text.

Party colours come from the feed: only "#rrggbb" is taken as a colour, anything
else falls back to a muted component class. Names are drawn on one line:
newlines and tabs become spaces (they are already free of control characters).
"""

from __future__ import annotations

import re

from textual.color import Color
from textual.style import Style

__all__ = ["colour_style", "is_hex_colour", "one_line"]

_HEX = re.compile(r"^#[0-9a-fA-F]{6}$")
_NEWLINES = str.maketrans({"\n": " ", "\r": " ", "\t": " "})


def is_hex_colour(colour: str | None) -> bool:
    """True for "#rrggbb", the only colour form the feed's colours are taken in."""
    return colour is not None and _HEX.match(colour) is not None


def colour_style(colour: str | None, fallback: str) -> Style | str:
    """The party colour as a foreground style, or the `fallback` component class (".x--muted")."""
    if colour is not None and is_hex_colour(colour):
        return Style(foreground=Color.parse(colour))
    return fallback


def one_line(text: str) -> str:
    """`text` with newlines and tabs as spaces."""
    return text.translate(_NEWLINES)
