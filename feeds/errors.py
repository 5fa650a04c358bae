"""Provides the feed's error hierarchy: every way a poll can fail, as a type.

Sources never let an exception escape a poll: each failure becomes one of
these, returned as the poll's outcome, and the board turns it into status
words. Each error carries `summary`, a few plain words a producer can read on
air ("HTTP 503", "connection refused").

    FeedError
    ├── FeedUnavailable           no document could be had
    │   ├── FeedUnreachable       DNS failure, refused or dropped connection, redirect loop, no file
    │   ├── FeedTimeout           no whole answer before the poll's deadline
    │   ├── FeedHTTPError         an HTTP status other than 200 or 304
    │   │   ├── QuotaExceeded     an API's per-minute quota used up (AP's 403): wait and retry
    │   │   └── KeyRefused        an API key refused (AP's 401): polling slows until it is fixed
    │   └── FeedTooLarge          the body passed the size cap
    ├── FeedInvalid               a document came, but it cannot be used
    │   ├── FeedDecodeError       empty, not UTF-8, not JSON (an HTML error page), bad CSV or XML
    │   │   └── WrongFormat       a document of another known format (PA XML, AP JSON)
    │   ├── FeedSchemaError       JSON that breaks the format's rules; lists each problem
    │   └── UnsupportedFormat     another major version of the format
    └── SequenceRegression        a valid document older than the one shown
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = [
    "FeedDecodeError",
    "FeedError",
    "FeedHTTPError",
    "FeedInvalid",
    "FeedSchemaError",
    "FeedTimeout",
    "FeedTooLarge",
    "FeedUnavailable",
    "FeedUnreachable",
    "KeyRefused",
    "Problem",
    "QuotaExceeded",
    "SequenceRegression",
    "UnsupportedFormat",
    "WrongFormat",
]


class FeedError(Exception):
    """Base of every feed failure. Raised by parsing; returned (not raised) by sources."""

    def __init__(self, summary: str, detail: str = "") -> None:
        super().__init__(f"{summary}: {detail}" if detail else summary)
        self.summary = summary
        """A few plain words for the status line."""
        self.detail = detail
        """More for logs and `results-board check`; may be empty."""


class FeedUnavailable(FeedError):
    """No document could be had this time; the last good figures stand."""


class FeedUnreachable(FeedUnavailable):
    """Raised when the host cannot be resolved or connected to, or a file cannot be read."""


class FeedTimeout(FeedUnavailable):
    """Raised when the whole answer did not arrive before the poll's deadline."""


class FeedHTTPError(FeedUnavailable):
    """Raised for an HTTP status other than 200 and 304 (a redirect loop is `FeedUnreachable`)."""

    def __init__(
        self, status_code: int, retry_after: float | None = None, detail: str = ""
    ) -> None:
        super().__init__(f"HTTP {status_code}", detail)
        self.status_code = status_code
        """The status the server answered with."""
        self.retry_after = retry_after
        """Seconds the server asked us to wait (Retry-After), if it said."""


class QuotaExceeded(FeedHTTPError):
    """Raised when an API answers that the key's per-minute quota is used up (AP: 403
    "Per-minute Quota Exceeded"); `retry_after` is the wait its documentation advises."""

    def __init__(self, retry_after: float, detail: str = "", service: str = "AP") -> None:
        super().__init__(403, retry_after, detail)
        self.summary = f"{service} per-minute quota exceeded"
        self.args = (f"{self.summary}: {detail}" if detail else self.summary,)


class KeyRefused(FeedHTTPError):
    """Raised when an API refuses the key (AP: 401 "Invalid apikey"). The summary names the
    setting to fix, never the key; `retry_after` slows polling until the key is fixed."""

    def __init__(
        self, setting: str, retry_after: float, status: int = 401, service: str = "AP"
    ) -> None:
        super().__init__(status, retry_after, "")
        self.summary = f"{service} refused the API key (HTTP {status}): check {setting}"
        self.args = (self.summary,)


class FeedTooLarge(FeedUnavailable):
    """Raised when the body (after decompression) passes the size cap; reading stops there."""

    def __init__(self, limit: int) -> None:
        super().__init__(f"feed larger than {limit:,} bytes")
        self.limit = limit
        """The cap in bytes."""


class FeedInvalid(FeedError):
    """A document arrived but cannot be used; it is rejected whole."""


class FeedDecodeError(FeedInvalid):
    """Raised for an empty body, bytes that are not UTF-8, text that is not JSON, or bad CSV."""


class WrongFormat(FeedDecodeError):
    """Raised for a document of another format the board knows, read without its `--format`.

    The summary is the fix in one line: "this looks like PA election XML
    (FirstPastThePostStateOfParties): use --format pa".
    """

    def __init__(self, hint: str, format: str) -> None:
        super().__init__(hint)
        self.format = format
        """The `--format` that reads it."""


@dataclass(frozen=True)
class Problem:
    """One rule a document broke, at a path such as `contests[0].parties[3].seats`."""

    path: str
    """Where in the document; empty for the document itself."""
    message: str
    """What is wrong, in plain words."""

    def __str__(self) -> str:
        return f"{self.path}: {self.message}" if self.path else self.message


class FeedSchemaError(FeedInvalid):
    """Raised for JSON that breaks the format's rules. `problems` names each one."""

    def __init__(self, problems: list[Problem]) -> None:
        first = str(problems[0]) if problems else "invalid feed"
        more = f" (+{len(problems) - 1} more)" if len(problems) > 1 else ""
        super().__init__("invalid feed", first + more)
        self.problems = problems
        """Every problem found, in document order."""


class UnsupportedFormat(FeedInvalid):
    """Raised for a `format` this version cannot read (another major version)."""

    def __init__(self, found: str) -> None:
        super().__init__(
            "unsupported feed format",
            f"{found!r}; this board reads results-board/1 — upgrade results-board",
        )
        self.found = found
        """The `format` the document declared."""


class SequenceRegression(FeedError):
    """Returned for a valid document whose `sequence` is older than the one shown."""

    def __init__(self, received: int, shown: int) -> None:
        super().__init__(
            "old feed copy ignored", f"sequence {received} is older than {shown} on screen"
        )
        self.received = received
        """The sequence of the refused document."""
        self.shown = shown
        """The sequence on screen."""
