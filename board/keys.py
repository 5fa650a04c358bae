"""Provides `KEYS`, the board's one key table, and every text made from it.

The app's `BINDINGS` (`board/commands.py`), the help screen (`board/help.py`),
the command palette's commands (`board/commands.py`), the CLI epilog
(`epilog()`) and the README's "Keys" table (`readme_table()`, checked by
`tests/test_keys.py`) all come from this table, so they cannot drift apart.
Nothing here imports Textual: the command line shows the keys without it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["KEYS", "Bind", "Key", "epilog", "footer_ranks", "plain", "readme_table"]


@dataclass(frozen=True)
class Bind:
    """One Textual binding: a key (Textual's name for it) and the app action it runs."""

    key: str
    """Textual's key name: "q", "plus", "shift+tab"."""
    action: str
    """The app action, with arguments: "interval(1)"."""
    footer: str | None = None
    """The footer's label (None: not in the footer)."""
    key_display: str | None = None
    """How the footer shows the key, when not as named."""
    priority: bool = False
    """Checked before the focused widget's own bindings (`tab`)."""
    rank: int = 50
    """How long the footer keeps it as the terminal narrows: lower stays longer (`?` 0)."""


@dataclass(frozen=True)
class Key:
    """One row of the key table: what a producer types, what it does, and its bindings."""

    shown: str
    """The keys as a person types them: "+ / -", "1–9, tab"."""
    what: str
    """What they do (README wording; `backticks` mark words shown on screen)."""
    binds: tuple[Bind, ...]
    """The bindings this row stands for (none: a key Textual itself provides)."""
    command: str | None = None
    """The command palette's name for it (None: not a palette command)."""


KEYS: tuple[Key, ...] = (
    Key("q", "quit", (Bind("q", "quit", "Quit", rank=1),)),
    Key(
        "p",
        "pause / resume the ticker (`PAUSED` shows in the status bar)",
        (Bind("p", "toggle_ticker", "Ticker", rank=9),),
        "Pause or resume the ticker",
    ),
    Key(
        "f",
        "freeze the display for on-air: polling goes on, the status says "
        "`FROZEN · n updates waiting`; `f` again applies the newest",
        (Bind("f", "toggle_freeze", "Freeze", rank=4),),
        "Freeze or unfreeze the display",
    ),
    Key("r", "poll now", (Bind("r", "poll_now", "Poll now", rank=10),), "Poll the feed now"),
    Key(
        "s",
        "cycle the table's sort — councils: councils, seats, seat change, name; legislature: "
        'seats, seat change, vote share, name ("No Overall Control" stays last); races: by '
        "place, closest margin, least counted, not yet called",
        (Bind("s", "cycle_sort", "Sort", rank=8),),
        "Sort the table by the next column",
    ),
    Key(
        "+ / -",
        "poll less / more often (1 s to 60 s)",
        (
            Bind("plus", "interval(1)", "Interval", key_display="+/-", rank=11),
            Bind("minus", "interval(-1)"),
        ),
        "Poll less often",
    ),
    Key(
        "1–9, tab",
        "choose a contest, when the feed has several (shift+tab: the previous one)",
        (
            *(Bind(str(n), f"select_contest({n - 1})") for n in range(1, 10)),
            Bind("tab", "next_contest(1)", priority=True),
            Bind("shift+tab", "next_contest(-1)", priority=True),
        ),
    ),
    Key(
        "/",
        "find an area of the contest on screen — or a race, on a night of races (by state, "
        "office, district or candidate): type a few letters (accents and case do not matter), "
        "`enter` opens it; with nothing typed, every area — declared newest first, then still "
        "to declare (`tab`: only one of the two; races: by office)",
        (Bind("slash", "find", "Find", key_display="/", rank=5),),
        "Find an area or a race",
    ),
    Key(
        "a / A",
        "acknowledge the alert on the banner (a change of control or a race call, in any "
        "contest; it stays until acknowledged, counting the others) — the next unacknowledged "
        "one then shows / `A` (shift+a): acknowledge them all",
        (Bind("a", "acknowledge"), Bind("A", "acknowledge_all")),
        "Acknowledge the alert on the banner",
    ),
    Key(
        "m",
        "the night's key moments with their times: first declarations, changes of control, "
        "a majority, the count complete, races called",
        (Bind("m", "moments", "Moments", rank=7),),
        "Show the key moments",
    ),
    Key(
        "w",
        "wall mode: the leading figures in big digits across the screen, for a gallery wall "
        "(on by itself from 160×50; `--wall`, `--no-wall`)",
        (Bind("w", "toggle_wall", "Wall", rank=6),),
        "Wall mode on or off",
    ),
    Key(
        "enter / esc",
        "open the race under the cursor in the races overview (↑ ↓ move) / back to all races",
        (Bind("escape", "close_race", "All races", rank=2),),
    ),
    Key(
        "c",
        "save an SVG screenshot (the notification says where)",
        (Bind("c", "save_screenshot", "Screenshot", rank=12),),
        "Save an SVG screenshot",
    ),
    Key("ctrl+p", "command palette: the keys' commands, contests, themes", ()),
    Key(
        "?",
        "help",
        (Bind("question_mark", "help", "Help", key_display="?", rank=0),),
        "Show the keys",
    ),
)
"""Every key of the board, in the order the help and the README list them."""

FOOTER_RANKS_BESIDE = {"open": 3, "command_palette": 13}
"""Footer ranks of keys this table does not bind: the races overview's enter ("Open race")
and Textual's command palette (`ctrl+p`), shown in the footer too."""

EXTRA_COMMANDS = {"interval(-1)": "Poll more often", "acknowledge_all": "Acknowledge every alert"}
"""Palette commands for bindings that are not a row's first (a row names only its first)."""


def footer_ranks() -> dict[str, int]:
    """Each footer key's rank by its action (`KeyFooter`: lower stays longer as the terminal
    narrows; `?` is kept always)."""
    ranks = {bind.action: bind.rank for key in KEYS for bind in key.binds if bind.footer}
    return ranks | FOOTER_RANKS_BESIDE


def plain(text: str) -> str:
    """`text` without the README's backticks."""
    return text.replace("`", "")


def epilog() -> str:
    """The keys as the board commands' `--help` lists them."""
    width = max(len(key.shown) for key in KEYS) + 2
    return "keys:\n" + "\n".join(f"  {key.shown:<{width}}{plain(key.what)}" for key in KEYS)


def readme_table() -> str:
    """The README's "Keys" table (Markdown)."""
    rows = [f"| `{_code(key.shown)}` | {key.what} |" for key in KEYS]
    return "\n".join(["| key | what it does |", "|---|---|", *rows])


def _code(shown: str) -> str:
    """ "+ / -" → "+` / `-", "1–9, tab" → "1`–`9`, `tab": each key in its own code span."""
    return re.sub(r"( / |–|, )", r"`\1`", shown)
