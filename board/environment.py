"""Provides the checks of what the terminal and the locale can show, made before anything is drawn.

Two kinds of environment break a board that draws without asking:

- **an output encoding that is not UTF-8** (`LANG=en_GB.ISO-8859-1`): box
  drawing and arrows cannot be encoded, and Textual drew `\\u2578…` literally,
  pushing the state off screen. Text commands (`snapshot`, `check`, `schema`,
  errors, `--help`) stay readable through `readable_streams()`, which writes
  what the locale cannot encode in ASCII look-alikes ("—" as "-", "▲" as "+")
  or, failing that, "?"; the board itself says in one line what it needs.
- **a terminal that cannot address the cursor** (`TERM=dumb`, an unset or
  unknown `TERM`): full-screen mode, mouse tracking and 24-bit colour were
  sent regardless (~46 KB of escape sequences in 4 s). `terminal_problem()`
  names it, and the board prints plain snapshots instead (`board.plainwatch`).
"""

from __future__ import annotations

import codecs
import os
import sys
from collections.abc import Mapping
from typing import TextIO

__all__ = ["encoding_problem", "readable_streams", "terminal_problem"]

ERRORS = "results-board-lookalike"
"""The codec error handler `readable_streams` installs."""

LOOKALIKES = {
    "—": "-", "–": "-", "−": "-", "‒": "-", "…": "...", "·": "|", "•": "*", "◆": "*",
    "“": '"', "”": '"', "‘": "'", "’": "'", "▲": "+", "▼": "-", "✔": "*", "✖": "x",
    "●": "*", "○": "o", "◌": "o", "▶": ">", "◷": "!", "❄": "*", "❚": "|", "×": "x",
    "≤": "<=", "≥": ">=", "→": "->", "█": "#", "▓": "#", "▏": "|", "━": "-", "─": "-",
}  # fmt: skip
"""ASCII look-alikes for the typographic characters the board's text commands print."""

DRAWABLE_PREFIXES = (
    "xterm", "screen", "tmux", "rxvt", "linux", "vt100", "vt102", "vt220", "alacritty",
    "kitty", "foot", "wezterm", "st-", "st", "konsole", "gnome", "putty", "ms-terminal",
    "contour", "ghostty", "iterm", "eterm", "mlterm", "cygwin",
)  # fmt: skip
"""Terminal families known to draw Textual (xterm-compatible cursor addressing)."""


def _lookalike(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeEncodeError):
        raise error
    text = error.object[error.start : error.end]
    return "".join(LOOKALIKES.get(character, "?") for character in text), error.end


codecs.register_error(ERRORS, _lookalike)


def _is_utf8(stream: TextIO | None) -> bool:
    encoding = getattr(stream, "encoding", None) or "ascii"
    try:
        return codecs.lookup(encoding).name == "utf-8"
    except LookupError:
        return False


def readable_streams() -> None:
    """Make standard output and error write, in any locale, what it cannot encode as look-alikes.

    Nothing changes when the locale is UTF-8.
    """
    for stream in (sys.stdout, sys.stderr):
        if stream is not None and not _is_utf8(stream) and hasattr(stream, "reconfigure"):
            stream.reconfigure(errors=ERRORS)


def encoding_problem(stream: TextIO | None = None) -> str | None:
    """Why the board cannot draw on `stream` (default: standard error, where Textual draws), or
    None when it is UTF-8."""
    stream = sys.__stderr__ if stream is None else stream
    if _is_utf8(stream):
        return None
    encoding = getattr(stream, "encoding", None) or "unknown"
    locale = os.environ.get("LC_ALL") or os.environ.get("LC_CTYPE") or os.environ.get("LANG")
    said = f" (LANG={locale})" if locale else ""
    return (
        f"the board draws in UTF-8 but the locale{said} says {encoding}: "
        "set a UTF-8 locale (e.g. LANG=C.UTF-8), PYTHONUTF8=1 if the terminal already shows "
        "UTF-8, or add --plain for plain text"
    )


def terminal_problem(environ: Mapping[str, str] | None = None) -> str | None:
    """Why the terminal named by `TERM` cannot draw the board, or None when it can.

    A known xterm-compatible family passes; anything else must have a terminfo
    entry with cursor addressing (`cup`), as `dumb` does not.
    """
    environ = os.environ if environ is None else environ
    term = environ.get("TERM", "").strip()
    if not term:
        return "TERM is not set, so the board cannot know how to draw"
    if term == "dumb":
        return "this terminal (TERM=dumb) cannot draw the board"
    if term.lower().startswith(DRAWABLE_PREFIXES):
        return None
    try:
        import curses

        curses.setupterm(term, sys.__stdout__.fileno() if sys.__stdout__ else 1)
        can_draw = curses.tigetstr("cup") is not None
    except Exception:  # no terminfo entry, no curses module, no usable descriptor
        return f"TERM={term} is not a terminal this machine knows (no terminfo entry)"
    return None if can_draw else f"this terminal (TERM={term}) cannot move the cursor"
