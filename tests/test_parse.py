"""Tests for `parse_feed`: every rule and its error path (that only `FeedInvalid` ever escapes,
whatever the input: `test_parse_props.py`)."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest

from feeds.contests import CouncilsContest, UnsupportedContest
from feeds.errors import FeedDecodeError, FeedSchemaError, UnsupportedFormat
from feeds.parse import format_path, parse_feed
from sample_feeds.factory import encode, legislature, small_councils, small_document

Doc = dict[str, Any]


def _problems(doc: Any) -> list[str]:
    with pytest.raises(FeedSchemaError) as caught:
        parse_feed(encode(doc))
    return [str(problem) for problem in caught.value.problems]


def _mutated(change: Callable[[Doc], object]) -> Doc:
    doc = small_document()
    change(doc)
    return doc


def _party(doc: Doc, index: int) -> Doc:
    parties: list[Doc] = doc["contests"][0]["parties"]
    return parties[index]


def test_valid_document_parses() -> None:
    feed = parse_feed(encode(small_document()))
    assert feed.sequence == 7
    assert feed.title == "Election 2016 results live"
    assert isinstance(feed.contests[0], CouncilsContest)


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            lambda d: _party(d, 3).update(seats=-1),
            "contests[0].parties[3].seats: must be ≥ 0",
        ),
        (
            lambda d: _party(d, 1).update(councils=-2),
            "contests[0].parties[1].councils: must be ≥ 0",
        ),
        (
            lambda d: d["contests"][0].update(reported=11),
            "contests[0].reported: must be ≤ total (10)",
        ),
        (lambda d: d["contests"][0].update(total=0), "contests[0].total: must be ≥ 1"),
        (
            lambda d: _party(d, 1).update(code="LAB"),
            "contests[0].parties: duplicate party code 'LAB'",
        ),
        (
            lambda d: d["contests"][0]["declarations"][1].update(area="Birmingham"),
            "contests[0].declarations: duplicate declaration area 'Birmingham'",
        ),
        (
            lambda d: d["contests"].append(small_councils()),
            "contests: duplicate contest id 'england'",
        ),
        (
            lambda d: d["updates"].append(dict(d["updates"][0])),
            "updates: duplicate update id 'u1'",
        ),
        (
            lambda d: _party(d, 0).update(seats="5"),
            "contests[0].parties[0].seats: must be an integer",
        ),
        (
            lambda d: _party(d, 0).update(seats=5.5),
            "contests[0].parties[0].seats: must be an integer",
        ),
        (
            lambda d: _party(d, 0).update(seats=True),
            "contests[0].parties[0].seats: must be an integer",
        ),
        (lambda d: d.update(sequence=False), "sequence: must be an integer"),
        (lambda d: d.update(sequence=-1), "sequence: must be ≥ 0"),
        (lambda d: d.pop("title"), "title: is required"),
        (lambda d: _party(d, 2).pop("name"), "contests[0].parties[2].name: is required"),
        (lambda d: d.update(contests=[]), "contests: must have at least 1 item(s)"),
        (
            lambda d: d["contests"][0].update(parties=[]),
            "contests[0].parties: must have at least 1 item(s)",
        ),
        (lambda d: d["contests"][0].pop("kind"), "contests[0]: must have a string `kind`"),
        (lambda d: d["contests"][0].update(kind=5), "contests[0]: must have a string `kind`"),
        (lambda d: d["updates"][0].pop("speaker"), "updates[0]: a quote needs a speaker"),
        (
            lambda d: d.update(published_at="2016-05-06T10:00:00"),
            "published_at: must have a UTC offset",
        ),
        (
            lambda d: d.update(published_at="yesterday"),
            "published_at: must be an RFC 3339 time with offset",
        ),
        (lambda d: d.update(contests={}), "contests: must be a list"),
        (lambda d: d.update(format=1), "format: must be a string"),
        (
            lambda d: _party(d, 0).update(code="NOC"),
            "contests[0].parties: NOC is reserved for no_overall_control",
        ),
        (
            lambda d: d["updates"][1].update(kind="rumour"),
            "updates[1].kind: must be 'quote' or 'update'",
        ),
    ],
)
def test_each_rule_names_its_path(change: Callable[[Doc], object], expected: str) -> None:
    assert _problems(_mutated(change)) == [expected]


def test_every_problem_is_listed() -> None:
    doc = _mutated(lambda d: _party(d, 0).update(seats=-1, councils="x"))
    doc["updates"][0].pop("text")
    assert _problems(doc) == [
        "contests[0].parties[0].councils: must be an integer",
        "contests[0].parties[0].seats: must be ≥ 0",
        "updates[0].text: is required",
    ]


def test_unknown_kind_is_unsupported_while_the_others_parse() -> None:
    extra = {"kind": "referendum", "id": "eu", "title": "EU", "options": []}
    feed = parse_feed(encode(small_document(contests=[small_councils(), extra])))
    assert isinstance(feed.contests[0], CouncilsContest)
    assert isinstance(feed.contests[1], UnsupportedContest)


def test_problem_inside_unsupported_contest_is_still_reported() -> None:
    extra = {"kind": "referendum", "id": "Not A Slug"}
    assert _problems(small_document(contests=[small_councils(), extra])) == [
        "contests[1].id: has characters or a length that are not allowed"
    ]


@pytest.mark.parametrize("version", ["results-board/2", "results-board/2.0", "results-board/10"])
def test_other_major_version_is_unsupported(version: str) -> None:
    with pytest.raises(UnsupportedFormat) as caught:
        parse_feed(encode(small_document(format=version)))
    assert caught.value.found == version
    assert "results-board/1" in caught.value.detail


def test_minor_version_is_accepted() -> None:
    assert (
        parse_feed(encode(small_document(format="results-board/1.3"))).format == "results-board/1.3"
    )


def test_unknown_fields_are_ignored_everywhere() -> None:
    doc = small_document(extra={"a": 1})
    doc["contests"][0]["turnout"] = 34
    doc["contests"][0]["parties"][0]["votes"] = [1, 2]
    doc["updates"][0]["avatar"] = "x.png"
    assert parse_feed(encode(doc)) == parse_feed(encode(small_document()))


def test_update_without_speaker_is_fine() -> None:
    feed = parse_feed(encode(small_document()))
    assert feed.updates[1].speaker is None


@pytest.mark.parametrize(
    ("body", "summary"),
    [
        (b"", "empty feed"),
        (b"  \n", "empty feed"),
        (b"<html><body>502 Bad Gateway</body></html>", "not a JSON feed"),
        (b'{"title": "\xfd\xff"}', "feed is not UTF-8"),
        (b"\xff\xfe{}", "not a JSON feed"),  # a UTF-16 BOM, then one CJK character
        (b'{"format": ', "not a JSON feed"),
        (b"[" * 100_000, "not a JSON feed"),
    ],
)
def test_undecodable_bodies(body: bytes, summary: str) -> None:
    with pytest.raises(FeedDecodeError) as caught:
        parse_feed(body)
    assert caught.value.summary == summary


@pytest.mark.parametrize("body", [b"null", b"[]", b"1", b'"feed"', b"true"])
def test_json_that_is_not_an_object(body: bytes) -> None:
    with pytest.raises(FeedSchemaError) as caught:
        parse_feed(body)
    assert [str(p) for p in caught.value.problems] == ["must be an object"]


def test_lone_surrogate_escape_is_removed_not_fatal() -> None:
    doc = small_document()
    doc["updates"][0]["text"] = "Cut mid-emoji \ud83d"
    body = json.dumps(doc).encode()  # ensure_ascii: the escape `\ud83d` in the bytes
    assert b"\\ud83d" in body
    assert parse_feed(body).updates[0].text == "Cut mid-emoji"


def test_lone_surrogate_path_still_applies_the_rules() -> None:
    doc = _mutated(lambda d: _party(d, 3).update(seats=-1, name="\udc00"))
    with pytest.raises(FeedSchemaError) as caught:
        parse_feed(json.dumps(doc).encode())
    assert [str(p) for p in caught.value.problems] == ["contests[0].parties[3].seats: must be ≥ 0"]


@pytest.mark.parametrize("value", ["NaN", "Infinity", "-Infinity"])
def test_non_finite_share_change_refused(value: str) -> None:
    wales = legislature(parties=[{"code": "LAB", "name": "Labour", "share_change": 1.5}])
    body = encode(small_document(contests=[wales])).replace(b"1.5", value.encode())
    with pytest.raises(FeedSchemaError) as caught:
        parse_feed(body)
    assert [str(p) for p in caught.value.problems] == [
        "contests[0].parties[0].share_change: must be a finite number"
    ]


@pytest.mark.parametrize("value", [True, "55"])
def test_share_must_be_a_number(value: object) -> None:
    wales = legislature(parties=[{"code": "LAB", "name": "Labour", "share": value}])
    assert _problems(small_document(contests=[wales])) == [
        "contests[0].parties[0].share: must be a number"
    ]


def test_mayor_round_refuses_a_boolean() -> None:
    mayor = {
        "kind": "mayor",
        "id": "london",
        "title": "London",
        "round": True,
        "candidates": [{"name": "Sadiq Khan", "party": "LAB"}],
    }
    assert _problems(small_document(contests=[mayor])) == ["contests[0].round: must be 1 or 2"]


def test_format_path() -> None:
    assert format_path(("contests", 0, "councils", "parties", 3, "seats")) == (
        "contests[0].parties[3].seats"
    )
    assert format_path(("updates", 2)) == "updates[2]"
    assert format_path(()) == ""
