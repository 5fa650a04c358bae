"""Provides `Feed`, one whole published document of format `results-board/1.x`.

A feed is validated whole or rejected whole: the board never shows half a
snapshot. The field names here are the public contract (`docs/feed-format.md`);
fields may be added, never renamed. Unknown fields anywhere are ignored so
that older boards read newer feeds. Revision 1.1 added the `test` flag, time
bases, per-area results on declarations, rushes and the list of areas.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Annotated, Literal, Self

from pydantic import AwareDatetime, Field, StringConstraints, field_validator, model_validator

from feeds.contests import Contest
from feeds.fields import FeedModel, TimeBasis, unique_by
from feeds.plausibility import plausibility_warnings
from feeds.text import LongText, ShortText, TitleText

__all__ = ["FORMAT", "Feed", "Update", "Upstream"]

FORMAT = "results-board/1.1"
"""The format this version writes (mapped feeds, relays). Any `results-board/1.N` is read."""

FUTURE_TOLERANCE = timedelta(minutes=2)
"""How far ahead of our clock `published_at` may be before it is worth a warning."""

UpdateId = Annotated[str, StringConstraints(min_length=1, max_length=128)]


class Update(FeedModel):
    """A ticker item: a quote (with its speaker) or a news line."""

    id: UpdateId
    published_at: AwareDatetime
    kind: Literal["quote", "update"]
    text: LongText
    speaker: ShortText | None = None
    role: ShortText | None = None
    outlet: ShortText | None = None

    @model_validator(mode="after")
    def _quote_has_speaker(self) -> Self:
        if self.kind == "quote" and not self.speaker:
            raise ValueError("a quote needs a speaker")
        return self


class Upstream(FeedModel):
    """How a relay's own source is doing (1.1), set by `results-board relay` on what it publishes.

    A relay keeps serving the last good document while its upstream fails, so
    without this a gallery of boards behind it would say LIVE over figures
    that stopped moving; with it, each board says the upstream is failing and
    goes STALE by its own rules.
    """

    state: Literal["ok", "failing"]
    """"failing": the relay's last poll of its source failed; the figures are its last good."""
    error: ShortText | None = None
    """What fails, in the relay's words ("HTTP 503", "FTP login refused")."""
    since: AwareDatetime | None = None
    """When the failure began (the relay's clock)."""
    last_good: AwareDatetime | None = None
    """The relay's last good poll of its source."""


class Feed(FeedModel):
    """One publication of the feed: every contest's current figures and the ticker items."""

    format: Annotated[str, StringConstraints(pattern=r"^results-board/1(\.\d+)?$")]
    sequence: Annotated[int, Field(ge=0, strict=True)]
    published_at: AwareDatetime
    title: TitleText
    contests: Annotated[tuple[Contest, ...], Field(min_length=1)]
    updates: tuple[Update, ...] = ()
    test: bool = False
    """Test data (PA's TEST account or `Local_Test_` files, AP's `resultsType: test`): the board
    says TEST wherever it could pass for live (1.1)."""
    time_basis: TimeBasis = "source"
    """Whose clock `published_at` is (1.1): "received" when the publisher gave no time."""
    upstream: Upstream | None = None
    """Set by a relay: how its own source is doing (1.1). None: not relayed, or unknown."""

    _contest_ids_unique = field_validator("contests")(unique_by("id", "contest id"))
    _update_ids_unique = field_validator("updates")(unique_by("id", "update id"))

    def contest(self, contest_id: str) -> Contest | None:
        """The contest with this id, if the feed has it."""
        return next((c for c in self.contests if c.id == contest_id), None)

    def warnings(self, now: datetime | None = None) -> list[str]:
        """Everything odd but not fatal: shown by `check` and on the board, never rejected."""
        found = []
        now = now or datetime.now().astimezone()
        if self.published_at - now > FUTURE_TOLERANCE:
            found.append(f"published_at {self.published_at.isoformat()} is in the future")
        for index, contest in enumerate(self.contests):
            problems = [*contest.warnings(), *plausibility_warnings(contest)]
            found.extend(f"contests[{index}] ({contest.id}): {w}" for w in problems)
        return found
