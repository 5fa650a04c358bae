"""Provides what the command line's modules share: the usage error and its one-line report.

Every expected failure (a bad option, URL or path) becomes a `UsageError`,
printed as one line `results-board: error: …` with exit code 2.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from feeds.text import clean_text

if TYPE_CHECKING:
    from feeds.source import FeedSource

__all__ = [
    "PROG",
    "TOKEN_ENV",
    "UsageError",
    "existing",
    "fail",
    "interval_of",
    "one_line",
    "open_spec",
    "token",
    "usage",
]

PROG = "results-board"
"""The command's name in messages."""
TOKEN_ENV = "RESULTS_BOARD_TOKEN"
"""The environment variable holding the feed's bearer token (never printed)."""


class UsageError(Exception):
    """An error the user can fix (bad option, URL or path): one line and exit code 2."""


def fail(message: str, code: int = 2) -> int:
    print(f"{PROG}: error: {one_line(message)}", file=sys.stderr)
    return code


def one_line(text: str) -> str:
    """`text` as one safe line: no control characters, no newlines."""
    return clean_text(text, 2000)


def token() -> str | None:
    return os.environ.get(TOKEN_ENV) or None


@contextmanager
def usage() -> Iterator[None]:
    """Turn what the user can fix (a missing file, a bad URL or value) into a `UsageError`."""
    try:
        yield
    except (OSError, ValueError) as error:
        raise UsageError(str(error) or type(error).__name__) from None


def interval_of(args: Any) -> float:
    """`--interval`, or the format's own default (AP's guidance differs from a local feed's)."""
    from feeds.formats import by_name

    if args.interval is not None:
        return float(args.interval)
    return by_name(args.format or "results-board").interval


def existing(path: Path) -> Path:
    if not path.is_file():  # a directory, too
        raise FileNotFoundError(f"no such file: {path}")
    return path


def open_spec(spec: str, **options: Any) -> FeedSource:
    from feeds.sources import open_source

    with usage():
        return open_source(spec, **options)
