"""Tests that the feed-format docs match the code: the committed schema and the example."""

from __future__ import annotations

import json
import re
from pathlib import Path

from board.cli import feed_schema
from feeds.contests import CouncilsContest, LegislatureContest, MayorContest
from feeds.parse import parse_feed
from feeds.race import RaceContest

DOCS = Path(__file__).resolve().parent.parent / "docs"


def example() -> bytes:
    """The one ```json block of `docs/feed-format.md`."""
    blocks = re.findall(r"```json\n(.*?)\n```", (DOCS / "feed-format.md").read_text(), re.S)
    assert len(blocks) == 1, "expected exactly one ```json block (the complete example)"
    return blocks[0].encode()


def test_committed_schema_matches_the_models() -> None:
    committed = (DOCS / "feed-schema.json").read_text(encoding="utf-8")
    generated = json.dumps(feed_schema(), indent=2, ensure_ascii=False) + "\n"
    assert committed == generated, "run: results-board schema > docs/feed-schema.json"


def test_schema_keeps_unknown_kinds_apart_from_known_ones() -> None:
    defs = feed_schema()["$defs"]
    kind = defs["UnsupportedContest"]["properties"]["kind"]
    assert kind["not"] == {"enum": ["councils", "legislature", "mayor", "race"]}
    for name, tag in (("CouncilsContest", "councils"), ("MayorContest", "mayor")):
        assert defs[name]["properties"]["kind"]["const"] == tag


def test_the_example_validates_with_every_contest_kind_and_no_warnings() -> None:
    feed = parse_feed(example())
    kinds = [type(contest) for contest in feed.contests]
    assert kinds == [CouncilsContest, LegislatureContest, MayorContest, RaceContest]
    assert {update.kind for update in feed.updates} == {"quote", "update"}
    assert feed.warnings(now=feed.published_at) == []


def test_the_example_names_every_documented_top_level_field() -> None:
    document = json.loads(example())
    assert set(document) == set(feed_schema()["properties"])
