"""Tests of the source contract: fetch → adapter reading → acceptance → both sides committed."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime

import pytest

from feeds.adapter import Adapter, JsonAdapter, RawDocument, Reading
from feeds.errors import FeedInvalid, FeedSchemaError, SequenceRegression, WrongFormat
from feeds.formats import FEED_IS, sniff, sniff_names
from feeds.models import Feed
from feeds.parse import parse_feed
from feeds.source import Changed, Failed, FeedSource, Unchanged
from sample_feeds.factory import encode, small_document


class Tally(Adapter):
    """A stateful adapter: each document is a JSON list of area names; the feed counts them.

    A document that is not a list is a standing problem (as one bad file in a folder).
    """

    format = "tally"

    def __init__(self) -> None:
        self.areas: frozenset[str] = frozenset()
        self.accepted = 0

    def read(self, documents: Sequence[RawDocument], now: datetime) -> Reading:
        areas = set(self.areas)
        problems = []
        for document in documents:
            value = json.loads(document.body)
            if isinstance(value, list):
                areas.update(value)
            else:
                problems.append(f"{document.name}: not a list")
        if areas == self.areas:
            return Reading(None, tuple(problems), state=frozenset(areas))
        feed = parse_feed(encode(small_document(sequence=len(areas), title=f"{len(areas)} areas")))
        return Reading(feed, tuple(problems), state=frozenset(areas))

    def accept(self, reading: Reading) -> None:
        assert isinstance(reading.state, frozenset)
        self.areas = reading.state
        self.accepted += 1


class Folder(FeedSource):
    """A transport serving scripted batches; `committed` records what the base class committed."""

    def __init__(self, adapter: Adapter | None = None) -> None:
        super().__init__(adapter=adapter)
        self.batches: list[list[RawDocument] | None] = []
        self.committed: list[str] = []

    @property
    def description(self) -> str:
        return "scripted folder"

    async def fetch(self) -> list[RawDocument] | None:
        return self.batches.pop(0)

    def commit(self, documents: Sequence[RawDocument]) -> None:
        self.committed.extend(document.name for document in documents)


def doc(name: str, value: object) -> RawDocument:
    return RawDocument(name, json.dumps(value).encode(), stamp=name)


async def test_a_reading_is_committed_on_both_sides_only_once_accepted() -> None:
    source = Folder(Tally())
    source.batches = [[doc("a.json", ["Dudley", "Walsall"])]]
    outcome = await source.poll()
    assert isinstance(outcome, Changed)
    assert outcome.snapshot.feed.title == "2 areas"
    assert source.committed == ["a.json"]
    assert isinstance(source.adapter, Tally)
    assert source.adapter.areas == {"Dudley", "Walsall"}


async def test_a_refused_reading_leaves_the_adapter_and_the_source_as_they_were() -> None:
    tally = Tally()
    source = Folder(tally)
    source.batches = [[doc("a.json", ["A", "B", "C"])], [doc("b.json", ["D"])]]
    assert isinstance(await source.poll(), Changed)
    tally.areas = frozenset({"A"})  # the adapter now reads one area fewer: an older sequence
    failed = await source.poll()
    assert isinstance(failed, Failed)
    assert isinstance(failed.error, SequenceRegression)
    assert tally.areas == {"A"}  # the refused reading's state was not made current
    assert source.committed == ["a.json"]  # b.json will be fetched again


async def test_standing_problems_ride_on_every_outcome_until_they_go() -> None:
    source = Folder(Tally())
    source.batches = [
        [doc("good.json", ["A"]), doc("bad.json", {"not": "a list"})],
        None,
        [doc("later.json", ["A"])],
    ]
    changed = await source.poll()
    assert isinstance(changed, Changed)
    assert changed.problems == ("bad.json: not a list",)
    assert source.committed == ["good.json", "bad.json"]  # not read again until it changes
    unchanged = await source.poll()
    assert isinstance(unchanged, Unchanged)
    assert unchanged.problems == ("bad.json: not a list",)
    assert (await source.poll()).problems == ()  # type: ignore[union-attr]


async def test_identical_documents_are_skipped_by_name_and_still_committed() -> None:
    tally = Tally()
    source = Folder(tally)
    source.batches = [[doc("a.json", ["A"])], [doc("a.json", ["A"])], [doc("b.json", ["A"])]]
    await source.poll()
    assert isinstance(await source.poll(), Unchanged)
    assert tally.accepted == 1  # the identical body was not read
    assert source.committed == ["a.json", "a.json"]
    assert isinstance(await source.poll(), Unchanged)  # another name: read, nothing new
    assert tally.accepted == 2


async def test_a_mapped_feed_is_serialised_for_recording_and_a_json_one_kept_as_sent() -> None:
    mapped = Folder(Tally())
    mapped.batches = [[doc("a.json", ["A"])]]
    outcome = await mapped.poll()
    assert isinstance(outcome, Changed)
    assert outcome.snapshot.raw is None
    assert parse_feed(outcome.snapshot.document) == outcome.snapshot.feed
    body = encode(small_document(sequence=3)).replace(b"{", b'{"x_extra": 1, ', 1)
    sent = Folder()
    sent.batches = [[RawDocument("/feed.json", body)]]
    outcome = await sent.poll()
    assert isinstance(outcome, Changed)
    assert outcome.snapshot.document == body  # byte for byte, unknown fields kept


PA_XML = b"""<?xml version="1.0" encoding="UTF-8"?>
<FirstPastThePostStateOfParties numberOfResults="3" totalNumberOfConstituencies="9">
  <Election name="Invented Election" date="2030-05-02" type="G" />
</FirstPastThePostStateOfParties>"""


@pytest.mark.parametrize(
    ("body", "hint"),
    [
        (PA_XML, "PA election XML (FirstPastThePostStateOfParties): use --format pa"),
        (b"\xef\xbb\xbf<LocalStateOfParties>", "(LocalStateOfParties): use --format pa"),
        (b'<TopUpRush revision="1">', "(TopUpRush): use --format pa"),
        (b'{"electionDate": "2030-11-05", "races": []}', "AP Elections API JSON (races)"),
        (b'{"trendtable": {"office": "U.S. House"}}', "AP Elections API JSON (trend table)"),
    ],
)
def test_another_known_format_is_refused_with_the_flag_that_reads_it(
    body: bytes, hint: str
) -> None:
    with pytest.raises(WrongFormat) as refused:
        JsonAdapter().read([RawDocument("x", body)], datetime.now().astimezone())
    assert hint in refused.value.summary
    assert refused.value.summary.startswith("this looks like")


@pytest.mark.parametrize(
    "body",
    [
        b"<html><body>502 Bad Gateway</body></html>",
        b"<html><LocalElectionResult>",  # an error page quoting PA is still an error page
        b"<rss>",
        b'{"format": "results-board/1", "races": []}',  # our own format, broken
    ],
)
def test_an_unknown_or_own_document_keeps_its_plain_error(body: bytes) -> None:
    assert sniff(body) is None
    with pytest.raises(FeedInvalid) as refused:
        JsonAdapter().read([RawDocument("x", body)], datetime.now().astimezone())
    assert not isinstance(refused.value, WrongFormat)


@pytest.mark.parametrize(
    ("body", "shape"),
    [
        (b'[{"ballot_paper_id": "local.sheffield.2018-05-03"}]', "a JSON array"),  # Democracy Club
        (b"[]", "a JSON array"),
        (b'{"overallResults": {"parties": []}}', 'a JSON object with no "format"'),
        (b'{"sequence": 1, "title": "x"}', 'a JSON object with no "format"'),  # format forgotten
        (b'"results"', "a JSON string"),
        (b"42", "a JSON number"),
        (b"null", "JSON null"),
    ],
)
def test_json_of_another_shape_says_what_a_feed_is_in_one_line(body: bytes, shape: str) -> None:
    with pytest.raises(FeedInvalid) as refused:
        JsonAdapter().read([RawDocument("x", body)], datetime.now().astimezone())
    error = refused.value
    assert error.summary == "not a results-board feed"
    assert error.detail == f"{shape}; {FEED_IS}"
    assert "--format csv|pa|ap" in error.detail and "\n" not in str(error)


def test_our_own_format_with_problems_keeps_each_problem() -> None:
    body = b'{"format": "results-board/1", "sequence": 1}'
    with pytest.raises(FeedSchemaError) as refused:
        JsonAdapter().read([RawDocument("x", body)], datetime.now().astimezone())
    assert [str(p) for p in refused.value.problems][:2] == [
        "published_at: is required",
        "title: is required",
    ]


def test_a_folder_is_recognised_by_pa_file_names() -> None:
    names = ["Local_Test_results_Dudley_2.xml", ".timestamp", "README"]
    sniffed = sniff_names(names)
    assert sniffed is not None and sniffed.format.name == "pa"
    assert sniff_names([".timestamp", "notes.txt", "feed.json"]) is None


def test_feed_snapshot_document_is_cached() -> None:
    feed = Feed.model_validate(small_document())
    from feeds.source import Snapshot

    snapshot = Snapshot(feed, datetime.now().astimezone())
    assert snapshot.document is snapshot.document
