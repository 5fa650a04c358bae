"""Provides what the CSV tests share: `parse_table` (a table's one councils contest) and
`problems_of` (the problems of a table `parse_csv` refuses), both read at `WHEN`."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from feeds.contests import CouncilsContest
from feeds.csvfeed import parse_csv
from feeds.errors import FeedSchemaError

__all__ = ["WHEN", "parse_table", "problems_of"]

WHEN = datetime(2016, 5, 6, 10, 30, tzinfo=UTC)
"""The `published_at` every table is parsed with."""


def parse_table(text: str | bytes, total: int = 124, **kwargs: object) -> CouncilsContest:
    """The councils contest of the CSV `text` (`total` councils; `kwargs` to `parse_csv`)."""
    body = text.encode() if isinstance(text, str) else text
    feed = parse_csv(body, total=total, sequence=3, published_at=WHEN, **kwargs)  # type: ignore[arg-type]
    contest = feed.contests[0]
    assert isinstance(contest, CouncilsContest)
    return contest


def problems_of(text: str, total: int = 124) -> list[str]:
    """The problems `parse_csv` names refusing `text`, each as "row N, Column: what"."""
    with pytest.raises(FeedSchemaError) as caught:
        parse_table(text, total)
    return [str(p) for p in caught.value.problems]
