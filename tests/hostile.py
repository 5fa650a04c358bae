"""Provides the catalogue of hostile feed strings and a checker of the raw bytes a board wrote.

`HOSTILE` names each string a malicious or broken feed might carry: Textual
and Rich markup, terminal escape sequences (CSI, OSC title and clipboard
writes, DCS), C1 controls, bidi overrides, NUL, 10,000-character strings,
emoji and wide CJK text. `hostile_doc` puts them in every displayed field of a
valid `results-board/1` document. `leaks` reads what the board wrote to its
pseudo-terminal and lists every sequence that came from the feed.
"""

from __future__ import annotations

import copy
import re
from collections import Counter
from typing import Any

from sample_feeds.factory import declaration, document, party, update

__all__ = ["HOSTILE", "VISIBLE", "control_chunks", "hostile_doc", "leaks", "sequence_counts"]

HOSTILE: dict[str, str] = {
    # Textual / Rich markup: must show as typed, never act or crash.
    "click-action": "[@click=app.quit]Q1[/]",
    "link": "[link=https://evil.example]L1[/link]",
    "unbalanced-close": "[/] oops",
    "unbalanced-tag": "x [/b] y",
    "style-markup": "[bold red]B1",
    "variable-markup": "[b]$name[/b] V1",
    "escaped-markup": "\\[not markup] E1",
    # ESC-introduced terminal sequences: must never reach the terminal.
    "osc0-title": "\x1b]0;HX-TITLE\x07T1",
    "osc52-clipboard": "\x1b]52;c;SFgtQ0xJUA==\x07C1",
    "osc8-hyperlink": "\x1b]8;;http://evil.example\x1b\\HX-LINK\x1b]8;;\x1b\\",
    "csi-clear": "\x1b[2JHX-CLEAR",
    "csi-colour": "\x1b[31mHX-RED\x1b[0m",
    "csi-dsr-query": "\x1b[6nHX-DSR",
    "csi-alt-screen-off": "\x1b[?1049lHX-ALT",
    "dcs": "\x1bP+q544e\x1b\\HX-DCS",
    # C1 controls (a UTF-8 terminal may take U+009B as CSI and U+009D as OSC).
    "c1-csi": "\x9b2JHX-C1CSI",
    "c1-osc": "\x9d0;HX-C1OSC\x9c",
    "c1-nel": "N1\x85HX-NEL",
    # Bidi, zero-width and other format characters that reorder or hide text.
    "bidi-override": "\u202eHX-BIDI\u202c R1",
    "bidi-isolate": "\u2066HX-ISO\u2069 I1",
    "zero-width": "Z\u200bW\u200d1",
    # C0 odds and ends.
    "nul": "HX\x00NUL",
    "del-bell-backspace": "D\x7fE\x07L\x08",
    "newline-tab": "Line1\nLine2\tT2",
    # Size.
    "10k-plain": "A" * 10_000,
    "10k-markup": "[b]" * 3_334,
    "10k-escapes": "\x1b[2J" * 2_500,
    # Wide and combining text: must render, aligned, without crashing.
    "emoji": "🗳️ 📊 👩‍👩‍👧 🇬🇧",
    "cjk": "選挙結果速報",
    "zalgo": "Z̴̡̧̛̖a̷̢̛l̶g̴o̵",
}
"""Every hostile string tried, by name."""

VISIBLE: dict[str, str] = {
    "click-action": "[@click=app.quit]Q1[/]",
    "unbalanced-close": "[/] oops",
    "unbalanced-tag": "x [/b] y",
    "style-markup": "[bold red]B1",
    "variable-markup": "[b]$name[/b] V1",
    "escaped-markup": "\\[not markup] E1",
    "osc0-title": "]0;HX-TITLE",
    "csi-clear": "[2JHX-CLEAR",
    "c1-csi": "2JHX-C1CSI",
    "bidi-override": "HX-BIDI R1",
    "nul": "HXNUL",
    "cjk": "選挙結果速報",
}
"""What a producer must see, literally, where the hostile string was a party name."""

_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069]")
_FORBIDDEN = {
    "NUL": re.compile("\x00"),
    "DEL": re.compile("\x7f"),
    "backspace": re.compile("\x08"),
    "C1 control": re.compile("[\x80-\x9f]"),
    "bidi override": re.compile("[\u202a-\u202e\u2066-\u2069]"),
    "zero-width or direction mark": re.compile("[\u200b-\u200f]"),
}
"""Characters no board output needs, searched in the output decoded as UTF-8."""
_SEQUENCES = re.compile(rb"\x1b(\][0-9]*|\[[0-9;?]*[A-Za-z]|P|_|\^|X)")
"""Escape-sequence introducers, keyed by kind (OSC number, CSI final byte, DCS/APC/PM/SOS)."""


def control_chunks(value: str, length: int = 12) -> list[bytes]:
    """The bytes a leak of `value` would put on the wire: each control char and what follows."""
    chunks = []
    for match in _CONTROL.finditer(value):
        chunk = value[match.start() : match.start() + length]
        if len(chunk) >= 3 and _CONTROL.sub("", chunk):
            chunks.append(chunk.encode())
    return chunks


def sequence_counts(raw: bytes) -> Counter[bytes]:
    """How many escape sequences of each kind `raw` holds (CSI by final byte, OSC by number)."""
    counts: Counter[bytes] = Counter()
    for match in _SEQUENCES.finditer(raw):
        kind = match.group(1)
        if kind.startswith(b"["):
            private = b"?" if b"?" in kind else b""
            kind = b"[" + private + kind[-1:]
            if kind in (b"[J", b"[n"):  # screen clears and device queries, exact
                kind = match.group(1)
        counts[kind] += 1
    return counts


def leaks(raw: bytes, baseline: bytes, strings: dict[str, str] = HOSTILE) -> dict[str, list[str]]:
    """What in `raw` came from the feed, by hostile-string name; `"*"` for anonymous leaks.

    A leak is: the bytes of a control sequence from a hostile string
    (`control_chunks`) not also in the baseline; a character no board output
    ever needs (NUL, DEL, C1, bidi overrides); or a screen clear, device query,
    OSC, DCS or APC of a kind the `baseline` run of a benign feed never wrote.
    Ordinary CSI (cursor moves, colours) is not counted: a board writes them
    all the time, and a leaked one is caught by its chunk.
    """
    found: dict[str, list[str]] = {}
    for name, value in strings.items():
        chunks = control_chunks(value)
        hits = [chunk.decode() for chunk in chunks if chunk in raw and chunk not in baseline]
        if hits:
            found[name] = [repr(hit) for hit in hits]
    text = raw.decode("utf-8", errors="replace")
    anonymous = [what for what, pattern in _FORBIDDEN.items() if pattern.search(text)]
    allowed = sequence_counts(baseline)
    for kind, count in sequence_counts(raw).items():
        special = kind[:1] != b"[" or kind in (b"[2J", b"[6n", b"[J")
        if special and kind not in allowed:
            anonymous.append(f"{count}× ESC {kind.decode(errors='replace')} (none in baseline)")
    if anonymous:
        found["*"] = anonymous
    return found


def hostile_doc(sequence: int, title_names: list[str]) -> dict[str, Any]:
    """A valid seed document with every hostile string in every displayed field.

    Each string is a party name (of an extra party), a declared area, and a
    quote's text, speaker, role and outlet; the night's title and a second
    contest's title (shown on its tab) hold the strings named in `title_names`.
    Party names and areas are prefixed with their index so that strings the
    feed cleans to the same text stay distinct.
    """
    doc = copy.deepcopy(document(sequence=sequence))
    contest = doc["contests"][0]
    names = list(HOSTILE)
    for index, name in enumerate(names):
        value = HOSTILE[name]
        minute = 59 if name == "click-action" else index
        contest["parties"].append(party(f"H{index:02d}", f"{index:02d}{value}"))
        contest["declarations"].append(
            declaration(f"{index:02d}{value}", f"04:{index:02d}", f"H{index:02d}", "LAB")
        )
        # The click-action quote is the newest: the ticker (newest first) shows it first.
        speaker = f"S{index:02d}{value}"
        doc["updates"].append(
            update(
                f"h-{index:02d}",
                f"09:{minute:02d}",
                value,
                speaker=speaker,
                role=value,
                outlet=value,
            )
        )
    doc["updates"] = doc["updates"][1:]  # the hostile quotes first in the ticker
    joined = " | ".join(HOSTILE[name] for name in title_names)
    doc["title"] = joined
    second = copy.deepcopy(contest)
    second.update(id="second", title=joined, declarations=[])
    doc["contests"].append(second)
    return doc
