"""Provides the feed layer: models of format `results-board/1.x`, adapters, sources and recording.

Nothing here knows about Textual. Data flows one way: a `FeedSource` fetches
raw documents, its `Adapter` reads them into a frozen `Feed` (`parse_feed`
for the project's JSON; PA's XML and AP's JSON are mapped onto the same
models), and each poll returns `Changed`, `Unchanged` or `Failed` for the
board to turn into state.
"""

from feeds.adapter import Adapter, CsvAdapter, JsonAdapter, RawDocument, Reading
from feeds.areas import AreaParty, AreaResult, Candidate, Declaration
from feeds.contests import (
    NOC,
    Contest,
    CouncilsContest,
    LegislatureContest,
    LegislatureParty,
    MayorContest,
    NoOverallControl,
    PartyRow,
    UnsupportedContest,
)
from feeds.errors import (
    FeedDecodeError,
    FeedError,
    FeedHTTPError,
    FeedInvalid,
    FeedSchemaError,
    FeedTimeout,
    FeedTooLarge,
    FeedUnavailable,
    FeedUnreachable,
    Problem,
    SequenceRegression,
    UnsupportedFormat,
    WrongFormat,
)
from feeds.models import FORMAT, Feed, Update
from feeds.parse import parse_feed
from feeds.race import RaceCandidate, RaceContest, Reporting
from feeds.source import Backoff, Changed, Failed, FeedSource, PollOutcome, Snapshot, Unchanged
from feeds.text import clean_text

__all__ = [
    "FORMAT",
    "NOC",
    "Adapter",
    "AreaParty",
    "AreaResult",
    "Backoff",
    "Candidate",
    "Changed",
    "Contest",
    "CouncilsContest",
    "CsvAdapter",
    "Declaration",
    "Failed",
    "Feed",
    "FeedDecodeError",
    "FeedError",
    "FeedHTTPError",
    "FeedInvalid",
    "FeedSchemaError",
    "FeedSource",
    "FeedTimeout",
    "FeedTooLarge",
    "FeedUnavailable",
    "FeedUnreachable",
    "JsonAdapter",
    "LegislatureContest",
    "LegislatureParty",
    "MayorContest",
    "NoOverallControl",
    "PartyRow",
    "PollOutcome",
    "Problem",
    "RaceCandidate",
    "RaceContest",
    "RawDocument",
    "Reading",
    "Reporting",
    "SequenceRegression",
    "Snapshot",
    "Unchanged",
    "UnsupportedContest",
    "UnsupportedFormat",
    "Update",
    "WrongFormat",
    "clean_text",
    "parse_feed",
]
