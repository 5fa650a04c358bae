"""Tests for the sanitiser of untrusted feed text (`feeds/text.py`)."""

from __future__ import annotations

import sys
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import BaseModel

from feeds.text import (
    _REMOVE,
    MAX_COMBINING,
    LongText,
    ShortText,
    TitleText,
    clean_text,
    settle_widths,
)

UNSAFE = {"Cc", "Cf", "Cs"}

# Format characters added after the Unicode version of this Python's `unicodedata`
# (14.0 in 3.11): Egyptian hieroglyph format controls U+13439–U+1343F (Unicode 15.0).
NEWER_CF = {cp for cp in range(0x13439, 0x13440)} if unicodedata.unidata_version < "15" else set()


def test_remove_pattern_matches_unicode_categories_for_every_code_point() -> None:
    wrongly_kept = []
    wrongly_removed = []
    for cp in range(sys.maxunicode + 1):
        char = chr(cp)
        category = unicodedata.category(char)
        removed = _REMOVE.fullmatch(char) is not None
        should = category in UNSAFE and char not in "\t\n"
        if should and not removed:
            wrongly_kept.append(f"U+{cp:04X} {category}")
        if removed and not should and cp not in NEWER_CF:
            wrongly_removed.append(f"U+{cp:04X} {category}")
    assert wrongly_kept == []
    assert wrongly_removed == []


def test_newer_format_characters_are_unassigned_here() -> None:
    # If Python's Unicode catches up, they become Cf and the allowance above is moot.
    assert all(unicodedata.category(chr(cp)) in {"Cn", "Cf"} for cp in NEWER_CF)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Labour\x00", "Labour"),
        ("\x1b[31mred\x1b[0m", "[31mred[0m"),  # ESC gone: the rest is harmless text
        ("\x1b]52;c;aGk=\x07Corbyn", "]52;c;aGk=Corbyn"),  # OSC 52 clipboard write defused
        ("\x9b31mC1 CSI", "31mC1 CSI"),
        ("DEL\x7f", "DEL"),
        ("\u202eevil\u202c", "evil"),  # bidi override
        ("\u2066iso\u2069", "iso"),  # bidi isolate
        ("zero\u200bwidth\u200d", "zerowidth"),
        ("\ufeffBOM", "BOM"),
        ("lone \ud800 surrogate", "lone surrogate"),
        ("soft\u00adhyphen", "softhyphen"),
        ("tag\U000e0041s", "tags"),
    ],
)
def test_removes_control_and_format_characters(raw: str, expected: str) -> None:
    assert clean_text(raw, 80) == expected


def test_folds_whitespace() -> None:
    assert clean_text("  a\tb\n\nc   d\u2028e\u2029f\r\n g ", 80) == "a b c d e f g"
    assert clean_text("\u00a0non\u3000breaking\u00a0", 80) == "non breaking"


def test_caps_length_with_ellipsis() -> None:
    assert clean_text("x" * 100, 10) == "x" * 9 + "…"
    assert clean_text("x" * 10, 10) == "x" * 10
    assert clean_text("ab " * 10, 10) == "ab ab ab…"  # no space before the ellipsis


def test_keeps_emoji_cjk_and_accents() -> None:
    for text in ("🌹 Count 📊", "選挙結果", "Sinn Féin", "Plaid Cymru — Ynys Môn", "👩‍👩‍👧"):
        # ZWJ (Cf) inside an emoji sequence is removed; everything else stays.
        assert clean_text(text, 80) == text.replace("\u200d", "")
    # Selectors, flags and text-default pictographs: settled (tests/test_widths.py).
    assert clean_text("🗳️ Count 🇬🇧", 80) == "Count GB"


def test_normalises_to_nfc() -> None:
    assert clean_text("Fe\u0301in", 80) == "Féin"


def test_trims_zalgo() -> None:
    expected = unicodedata.normalize("NFC", "a" + "\u0301" * MAX_COMBINING + "b")
    assert clean_text("a" + "\u0301" * 20 + "b", 80) == expected


def test_nfc_expansion_still_within_cap() -> None:
    # U+0958 is a composition exclusion: NFC turns it into two code points.
    assert len(clean_text("\u0958" * 80, 80)) <= 80


@given(st.text(), st.integers(min_value=1, max_value=200))
def test_output_is_always_safe_and_capped(raw: str, cap: int) -> None:
    cleaned = clean_text(raw, cap)
    assert len(cleaned) <= cap
    assert not any(unicodedata.category(c) in UNSAFE for c in cleaned)
    assert cleaned == cleaned.strip()
    assert "  " not in cleaned


@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cc", "Cf", "Cs"])))
def test_safe_text_is_only_folded(raw: str) -> None:
    expected = unicodedata.normalize("NFC", " ".join(settle_widths(raw).split()))
    cleaned = clean_text(raw, 10_000)
    if not any(unicodedata.combining(c) for c in expected):
        assert cleaned == expected


class _Texts(BaseModel):
    short: ShortText
    title: TitleText
    long: LongText


def test_annotated_types_clean_at_validation() -> None:
    texts = _Texts(short="\x1bS" * 100, title="T\u202e" * 200, long="L" * 1000)
    assert texts.short == "S" * 79 + "…"
    assert len(texts.title) == 120
    assert len(texts.long) == 600


@given(st.text(), st.integers(min_value=1, max_value=200))
def test_cleaning_twice_changes_nothing(raw: str, cap: int) -> None:
    once = clean_text(raw, cap)
    assert clean_text(once, cap) == once
