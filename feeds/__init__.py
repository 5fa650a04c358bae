"""Provides the feed layer: models of format `results-board/1`, parsing, sources and recording.

Nothing here knows about Textual. Data flows one way: a `FeedSource` fetches
bytes, `parse_feed` validates them into a frozen `Feed`, and each poll returns
`Changed`, `Unchanged` or `Failed` for the board to turn into state.
"""

from feeds.contests import (
    NOC,
    Candidate,
    Contest,
    CouncilsContest,
    Declaration,
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
)
from feeds.models import FORMAT, Feed, Update
from feeds.parse import parse_feed
from feeds.source import Backoff, Changed, Failed, FeedSource, PollOutcome, Snapshot, Unchanged
from feeds.text import clean_text

__all__ = [
    "FORMAT",
    "NOC",
    "Backoff",
    "Candidate",
    "Changed",
    "Contest",
    "CouncilsContest",
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
    "LegislatureContest",
    "LegislatureParty",
    "MayorContest",
    "NoOverallControl",
    "PartyRow",
    "PollOutcome",
    "Problem",
    "SequenceRegression",
    "Snapshot",
    "Unchanged",
    "UnsupportedContest",
    "UnsupportedFormat",
    "Update",
    "clean_text",
    "parse_feed",
]
