"""The finder's matching (`board/finder.py`): folding, tiers, ranking and scopes — no Textual."""

from __future__ import annotations

import pytest

from board.finder import FinderIndex, fold, tier
from widgets.desk_views import FinderItem

NAMES = (
    "Bristol",
    "East Staffordshire",
    "St Albans",
    "Stoke-on-Trent",
    "North Tyneside",
    "Southampton",
    "Ynys Môn",
    "Kingston upon Hull, City of",
    "Dudley",
    "Dudley North",
)


def index(names: tuple[str, ...] = NAMES, section: str = "") -> FinderIndex:
    return FinderIndex([FinderItem(name, name, section=section) for name in names])


def names(found: list[FinderItem]) -> list[str]:
    return [item.name for item in found]


def test_fold_drops_accents_case_and_punctuation() -> None:
    assert fold("Ynys Môn") == "ynys mon"
    assert fold("  Stoke-on-Trent ") == "stoke on trent"
    assert fold("St. Albans") == "st albans"
    assert fold("Kingston upon Hull, City of") == "kingston upon hull city of"
    assert fold("STRAßE") == "strasse"
    assert fold("Ｄｕｄｌｅｙ") == "dudley"  # full-width letters fold too


@pytest.mark.parametrize(
    ("query", "name", "expected"),
    [
        ("dudley", "dudley", 0),
        ("st", "st albans", 1),
        ("st", "stoke on trent", 1),
        ("staff", "east staffordshire", 2),
        ("n tyn", "north tyneside", 3),
        ("nt", "north tyneside", 4),
        ("ist", "bristol", 5),
        ("shn", "southampton", 6),
        ("xyz", "bristol", None),
        ("tyn n", "north tyneside", None),  # words in order only
    ],
)
def test_each_tier(query: str, name: str, expected: int | None) -> None:
    assert tier(query, name) == expected


def test_st_finds_st_albans_and_stoke_before_anything_else() -> None:
    found = names(index().find("st"))
    assert found[:2] == ["St Albans", "Stoke-on-Trent"]
    assert found.index("East Staffordshire") < found.index("Bristol")  # word start, then inside


def test_accents_and_case_do_not_matter_either_way() -> None:
    assert names(index().find("YNYS MON"))[0] == "Ynys Môn"
    assert names(index().find("môn"))[0] == "Ynys Môn"
    assert names(index().find("hull city"))[0] == "Kingston upon Hull, City of"


def test_ties_go_alphabetically_so_typing_on_narrows_predictably() -> None:
    assert names(index().find("dud")) == ["Dudley", "Dudley North"]
    assert names(index().find("dudley n")) == ["Dudley North"]


def test_an_empty_query_lists_every_item_in_the_order_given() -> None:
    assert names(index().find("")) == list(NAMES)


def test_scopes_are_all_then_each_section() -> None:
    items = [
        FinderItem("a", "Adur", section="Declared"),
        FinderItem("b", "Bolton", section="Still to declare"),
        FinderItem("c", "Barnsley", section="Declared"),
    ]
    found = FinderIndex(items)
    assert found.scopes() == ("All", "Declared", "Still to declare")
    assert names(found.find("b", "Declared")) == ["Barnsley"]
    assert names(found.find("", "Still to declare")) == ["Bolton"]
    assert found.find("b", "No such section") == []


def test_nearly_every_2016_council_shows_within_four_keys() -> None:
    """ "/", a few letters, maybe ↓: the finder shows the highlighted council's result, so four
    keys see nine in ten councils of the 2016 night and none needs more than five. (The
    benchmark measures the same over 650 areas: `python -m bench.finder_bench`.)"""
    from bench.finder_bench import keystrokes
    from sample_feeds import data_2016

    found = index(tuple(data_2016.councils()))
    keys = {item.name: keystrokes(found, item.key) for item in found.items}
    assert sum(n <= 4 for n in keys.values()) / len(keys) >= 0.9, keys
    assert max(keys.values()) <= 5, keys
    assert keys["Dudley"] <= 4 and keys["St Albans"] <= 4


def test_typing_on_after_a_narrowed_query_finds_what_a_fresh_search_finds() -> None:
    """The index re-ranks only what the shorter query found: it must agree with a fresh one."""
    from bench.finder_bench import area_names

    names = tuple(area_names(300))
    typed = index(names)
    for query in ("n", "no", "nor", "north b", "north br", "s", "st", "sta", "a", "ab"):
        assert typed.find(query) == index(names).find(query), query


def test_other_words_find_an_item_after_every_match_by_name() -> None:
    items = [
        FinderItem("nv", "NV President", also="Ada Quill Ben Ferris"),
        FinderItem("ks", "KS U.S. Senate", also="Dale Okafor"),
        FinderItem("q", "Quillfield", also=""),
    ]
    found = FinderIndex(items)
    assert names(found.find("quill")) == ["Quillfield", "NV President"]
    assert names(found.find("ks sen")) == ["KS U.S. Senate"]
