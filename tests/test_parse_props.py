"""Property tests for `parse_feed`: nothing but the feed's own error (`FeedInvalid`) ever escapes,
whatever the JSON or bytes, and generated valid contests parse and round-trip."""

from __future__ import annotations

import json
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from feeds.contests import CouncilsContest
from feeds.errors import FeedInvalid
from feeds.parse import parse_feed
from sample_feeds.factory import encode, small_councils, small_document

Doc = dict[str, Any]


JSON = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(),
    lambda children: (
        st.lists(children, max_size=5) | st.dictionaries(st.text(max_size=12), children, max_size=5)
    ),
    max_leaves=30,
)


def _parses_or_is_invalid(body: bytes) -> None:
    try:
        parse_feed(body)
    except FeedInvalid:
        return  # the feed's own error: fine; anything else fails the test


@given(JSON)
def test_any_json_validates_or_raises_feed_invalid(value: Any) -> None:
    _parses_or_is_invalid(json.dumps(value).encode())


@given(st.binary(max_size=400))
def test_any_bytes_validate_or_raise_feed_invalid(body: bytes) -> None:
    _parses_or_is_invalid(body)


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix]
    if isinstance(value, dict):
        for key, child in value.items():
            found += _paths(child, (*prefix, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            found += _paths(child, (*prefix, index))
    return found


FIELD_VALUES = JSON | st.sampled_from(
    [-1, 0, 2**63, 10**30, "", "NOC", "LAB", "x" * 1000, "2016-05-06T10:00:00Z", "\x1b[2J", []]
)


@settings(suppress_health_check=[HealthCheck.too_slow], max_examples=300, deadline=None)
@given(st.data())
def test_mutated_valid_documents_validate_or_raise_feed_invalid(data: st.DataObject) -> None:
    doc = small_document()
    for _ in range(data.draw(st.integers(1, 3), label="mutations")):
        paths = [p for p in _paths(doc) if p]
        path = data.draw(st.sampled_from(paths), label="path")
        parent = doc
        for key in path[:-1]:
            parent = parent[key]
        if data.draw(st.booleans(), label="delete") and isinstance(parent, dict):
            del parent[path[-1]]
        else:
            parent[path[-1]] = data.draw(FIELD_VALUES, label="value")
    _parses_or_is_invalid(encode(doc))
    _parses_or_is_invalid(encode(doc)[: data.draw(st.integers(0, 2000), label="cut")])


CODES = st.from_regex(r"\A[A-Z][A-Z0-9&+.\-]{0,11}\Z").filter(lambda code: code != "NOC")
PARTY_ROWS = st.fixed_dictionaries(
    {
        "code": CODES,
        "name": st.text(max_size=40),
        "councils": st.integers(0, 200),
        "councils_change": st.integers(-50, 50),
        "seats": st.integers(0, 3000),
        "seats_change": st.integers(-100, 100),
    },
    optional={"colour": st.from_regex(r"\A#[0-9a-fA-F]{6}\Z")},
)


@st.composite
def councils_contests(draw: st.DrawFn) -> Doc:
    """Valid councils contests with arbitrary (consistent or not) figures and text."""
    total = draw(st.integers(1, 500))
    parties = draw(st.lists(PARTY_ROWS, min_size=1, max_size=8, unique_by=lambda p: p["code"]))
    return small_councils(
        total=total,
        reported=draw(st.integers(0, total)),
        title=draw(st.text(max_size=150)),
        parties=parties,
        no_overall_control={"councils": draw(st.integers(0, 100))},
    )


@given(councils_contests())
def test_generated_valid_contests_parse_and_round_trip(contest: Doc) -> None:
    feed = parse_feed(encode(small_document(contests=[contest])))
    assert parse_feed(feed.model_dump_json().encode()) == feed
    parsed = feed.contests[0]
    assert isinstance(parsed, CouncilsContest)
    assert [p.code for p in parsed.parties] == [p["code"] for p in contest["parties"]]
