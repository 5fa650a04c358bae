"""Tests for byte-order marks and UTF-16/32 documents: JSON feeds, CSV tables and recordings.

RFC 8259 §8.1: JSON exchanged between systems is UTF-8 without a byte-order
mark, and a parser "MAY ignore the presence of a byte order mark rather than
treating it as an error". The board ignores a UTF-8 BOM, and reads a document
whose BOM (or, for JSON, whose leading NUL bytes, RFC 4627 §3) says UTF-16 or
UTF-32 — what Windows tools write as "Unicode text" — as that encoding.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from feeds.contests import CouncilsContest
from feeds.csvfeed import parse_csv
from feeds.errors import FeedDecodeError
from feeds.parse import parse_feed, utf8_document
from feeds.recording import read_recording
from feeds.sources.replay import ReplaySource
from sample_feeds.factory import encode, small_document

TITLE = "Ynys Môn — 選挙 🌹"
"""Non-ASCII in the BMP and beyond it, so a wrong transcoding shows."""

ENCODINGS = {
    "utf-8 BOM": lambda text: b"\xef\xbb\xbf" + text.encode("utf-8"),
    "utf-16-le BOM": lambda text: b"\xff\xfe" + text.encode("utf-16-le"),
    "utf-16-be BOM": lambda text: b"\xfe\xff" + text.encode("utf-16-be"),
    "utf-32-le BOM": lambda text: b"\xff\xfe\x00\x00" + text.encode("utf-32-le"),
    "utf-32-be BOM": lambda text: b"\x00\x00\xfe\xff" + text.encode("utf-32-be"),
    "utf-16-le": lambda text: text.encode("utf-16-le"),
    "utf-16-be": lambda text: text.encode("utf-16-be"),
    "utf-32-le": lambda text: text.encode("utf-32-le"),
    "utf-32-be": lambda text: text.encode("utf-32-be"),
}


def _json_text(**overrides: object) -> str:
    return json.dumps(small_document(title=TITLE, **overrides), ensure_ascii=False, indent=1)


@pytest.mark.parametrize("encoding", ENCODINGS)
def test_json_feed_in_any_unicode_encoding_with_or_without_bom(encoding: str) -> None:
    body = ENCODINGS[encoding](_json_text())
    feed = parse_feed(body)
    assert feed.title == TITLE
    assert feed.sequence == 7


def test_utf8_bom_before_white_space_and_pretty_printed_json() -> None:
    assert parse_feed(b"\xef\xbb\xbf \r\n\t" + encode(small_document())).sequence == 7


@pytest.mark.parametrize(
    ("body", "words"),
    [
        (b"\xef\xbb\xbf", "empty feed"),
        (b"\xef\xbb\xbf   \n", "empty feed"),
        (b"\xff\xfe", "empty feed"),
        (b"\xef\xbb\xbf<html><body>Bad gateway</body></html>", "not a JSON feed"),
        ("<html>".encode("utf-16"), "not a JSON feed"),
    ],
)
def test_a_bom_does_not_hide_what_the_body_really_is(body: bytes, words: str) -> None:
    with pytest.raises(FeedDecodeError) as caught:
        parse_feed(body)
    assert caught.value.summary == words


def test_broken_utf16_is_named_as_utf16() -> None:
    body = b"\xff\xfe" + _json_text().encode("utf-16-le")[:-1]  # odd length: half a code unit
    with pytest.raises(FeedDecodeError) as caught:
        parse_feed(body)
    assert caught.value.summary == "feed is not valid UTF-16"
    assert "byte-order mark" in caught.value.detail


def test_utf8_without_bom_is_passed_through_untouched() -> None:
    body = encode(small_document())
    assert utf8_document(body) is body
    bad = b'{"title": "\xff"}'
    assert utf8_document(bad) is bad  # not this function's business: parse_feed names it
    with pytest.raises(FeedDecodeError, match="not UTF-8"):
        parse_feed(bad)


WHEN = datetime(2016, 5, 6, 10, 30, tzinfo=UTC)
TABLE = "Party\tCouncils\tSeats\r\nPlaid Cymru\t2\t40\r\nLlafur — Labour\t5\t90\r\n"


@pytest.mark.parametrize("encoding", [e for e in ENCODINGS if "BOM" in e])
def test_csv_table_in_any_unicode_encoding_with_a_bom(encoding: str) -> None:
    """A spreadsheet's "Unicode text" export is UTF-16 with a BOM, tab-separated."""
    feed = parse_csv(ENCODINGS[encoding](TABLE), total=22, sequence=1, published_at=WHEN)
    contest = feed.contests[0]
    assert isinstance(contest, CouncilsContest)
    assert [(p.name, p.councils, p.seats) for p in contest.parties] == [
        ("Plaid Cymru", 2, 40),
        ("Llafur — Labour", 5, 90),
    ]


def _recording_text(count: int) -> str:
    return "\n".join(
        json.dumps(small_document(sequence=n, title=TITLE), ensure_ascii=False)
        for n in range(count)
    )


@pytest.mark.parametrize("encoding", ["utf-8 BOM", "utf-16-le BOM", "utf-16-be BOM"])
def test_recording_saved_with_a_bom_replays(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "night.jsonl"
    path.write_bytes(ENCODINGS[encoding](_recording_text(3) + "\n"))
    lines = read_recording(path)
    assert [parse_feed(line).sequence for line in lines] == [0, 1, 2]
    assert all(line.startswith(b"{") for line in lines)  # UTF-8, no BOM left on the first line
    assert list(ReplaySource(path).documents) == lines


def test_recording_made_by_concatenating_files_with_boms(tmp_path: Path) -> None:
    path = tmp_path / "night.jsonl"
    path.write_bytes(
        b"".join(ENCODINGS["utf-8 BOM"](line) + b"\n" for line in _recording_text(2).split("\n"))
    )
    assert [parse_feed(line).sequence for line in read_recording(path)] == [0, 1]


@pytest.mark.parametrize("encoding", ["utf-8 BOM", "utf-16-le BOM", "utf-32-be"])
def test_check_and_snapshot_read_a_feed_file_with_a_bom(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, encoding: str
) -> None:
    from board.cli import main

    path = tmp_path / "feed.json"
    path.write_bytes(ENCODINGS[encoding](_json_text(sequence=42)))
    assert main(["check", str(path)]) == 0
    assert "valid" in capsys.readouterr().out
    assert main(["snapshot", str(path)]) == 0
    assert TITLE in capsys.readouterr().out


@pytest.mark.parametrize("encoding", ["utf-8 BOM", "utf-16-le BOM", "utf-32-be"])
async def test_the_published_document_is_utf8_without_a_bom(tmp_path: Path, encoding: str) -> None:
    """What `record` and `relay` publish is RFC 8259 JSON, whatever the source sent."""
    from feeds.source import Changed
    from feeds.sources.file import FileSource

    path = tmp_path / "feed.json"
    path.write_bytes(ENCODINGS[encoding](_json_text()))
    source = FileSource(path)
    outcome = await source.poll()
    assert isinstance(outcome, Changed), outcome
    document = outcome.snapshot.document
    assert document.startswith(b"{")
    assert json.loads(document.decode("utf-8"))["title"] == TITLE
