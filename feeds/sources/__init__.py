"""Provides `open_source`, the one place a command-line SOURCE becomes a `FeedSource`.

With the default format (`results-board` JSON) a SOURCE is an `http://` or
`https://` URL (polled over HTTP), a path ending in `.jsonl` (a recording,
replayed), or any other existing file (JSON, or CSV with a total; re-read
when it changes). Other formats (`--format pa`, `--format ap`) bring their
own transports (a folder, FTP, an incremental API) through `feeds.formats`.
The implementations are imported only when needed, so a command that never
opens a URL never imports httpx's machinery.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

if TYPE_CHECKING:
    import httpx

    from feeds.source import FeedSource, Snapshot

__all__ = ["is_recording", "is_url", "open_source", "poll_once", "read_once"]

_URL = re.compile(r"^([A-Za-z][A-Za-z0-9+.\-]*)://")


def is_url(spec: str) -> bool:
    """True when `spec` is written as a URL (`scheme://…`), whatever the scheme."""
    return _URL.match(spec) is not None


def is_recording(spec: str) -> bool:
    """True when `spec` names a recording: a path ending in `.jsonl`."""
    return not is_url(spec) and spec.lower().endswith(".jsonl")


def open_source(
    spec: str,
    *,
    format: str | None = None,
    total: int | None = None,
    speed: float = 1.0,
    token: str | None = None,
    client: httpx.AsyncClient | None = None,
    deadline: float = 10.0,
    client_id: str | None = None,
    start_jitter: float = 0.0,
    **options: Any,
) -> FeedSource:
    """Return the source `spec` names, read as `format` (default: results-board JSON).

    `total` is the number of councils for a CSV table; `speed` the real-time
    factor for a recording; `token` the bearer token, `client` a shared
    `httpx.AsyncClient` and `deadline` the most seconds one poll may take, for
    a URL; `client_id` names the board in its User-Agent and `start_jitter`
    is the most seconds the first poll of a URL waits (spreading a room of
    boards started together). Further `options` go to a format's own opener.
    Arguments that do not apply are ignored.

    Raises:
        ValueError: an unknown format; a URL whose scheme is not http or https,
            or without a host; a CSV file without `total`; a folder or file of
            another known format read without `--format` (the message says which).
        FileNotFoundError: a path that does not exist.
        IsADirectoryError: a path that is a directory.
    """
    from feeds.formats import by_name

    chosen = by_name(format or "results-board")
    if chosen.opener is not None:
        return chosen.open(
            spec, total=total, speed=speed, token=token, client=client, deadline=deadline,
            client_id=client_id, start_jitter=start_jitter, **options,
        )  # fmt: skip
    match = _URL.match(spec)
    if match:
        return _open_url(
            spec,
            match.group(1).lower(),
            total,
            token,
            client,
            deadline,
            chosen.name,
            client_id=client_id,
            start_jitter=start_jitter,
        )
    path = Path(spec).expanduser()
    if not path.exists():
        hint = " (a URL must start with http:// or https://)" if ":" in spec else ""
        raise FileNotFoundError(f"no such file: {spec}{hint}")
    if path.is_dir():
        from feeds.formats import sniff_names

        sniffed = sniff_names(p.name for p in path.iterdir())
        if sniffed is not None:
            raise ValueError(f"{spec}: {sniffed.hint}")
        raise IsADirectoryError(f"a directory, not a feed file: {spec}")
    if is_recording(spec):
        from feeds.sources.replay import ReplaySource

        return ReplaySource(path, speed=speed)
    from feeds.sources.file import FileSource

    return FileSource(path, adapter=_file_adapter(path, chosen.name, total))


def _open_url(
    spec: str,
    scheme: str,
    total: int | None,
    token: str | None,
    client: httpx.AsyncClient | None,
    deadline: float,
    format: str,
    *,
    client_id: str | None = None,
    start_jitter: float = 0.0,
) -> FeedSource:
    if scheme not in ("http", "https"):
        hint = " (PA's FTP needs --format pa)" if scheme in ("ftp", "ftps") else ""
        raise ValueError(f"only http and https URLs are supported, not {scheme}://{hint}")
    if not urlsplit(spec).hostname:
        raise ValueError(f"the URL has no host: {spec}")
    from feeds.adapter import CsvAdapter
    from feeds.sources.http import HttpSource

    adapter = None
    if format == "csv" or total is not None:  # a spreadsheet published as CSV at a URL
        if total is None:
            raise ValueError("a CSV table needs the number of councils (--total N)")
        adapter = CsvAdapter(total)
    timeout = min(5.0, deadline * 0.75)  # a silent server is named as such before the deadline
    return HttpSource(
        spec,
        client=client,
        token=token,
        deadline=deadline,
        connect_timeout=timeout,
        read_timeout=timeout,
        adapter=adapter,
        client_id=client_id,
        start_jitter=start_jitter,
    )


def _file_adapter(path: Path, format: str, total: int | None) -> Any:
    """CSV for a `.csv` file, `--format csv`, or a non-JSON file given a total; else JSON."""
    from feeds.adapter import CsvAdapter, JsonAdapter

    suffix = path.suffix.casefold()
    csv = format == "csv" or suffix == ".csv" or (total is not None and suffix != ".json")
    if not csv:
        return JsonAdapter()
    if total is None:
        raise ValueError(f"{path}: a CSV table needs the number of councils (--total N)")
    return CsvAdapter(total)


async def poll_once(
    spec: str,
    *,
    format: str | None = None,
    total: int | None = None,
    token: str | None = None,
    **options: Any,
) -> Snapshot:
    """Open `spec`, poll it once and close it: its current feed, for `check` and `snapshot`.

    A recording gives its last document (the final state of the night).

    Raises:
        FeedUnavailable: the document could not be had (unreachable, HTTP error, timeout…).
        FeedInvalid: it came but breaks the format's rules.
        ValueError, OSError: as `open_source`.
    """
    snapshot, _ = await read_once(spec, format=format, total=total, token=token, **options)
    return snapshot


async def read_once(
    spec: str,
    *,
    format: str | None = None,
    total: int | None = None,
    token: str | None = None,
    **options: Any,
) -> tuple[Snapshot, tuple[str, ...]]:
    """`poll_once`, with the standing problems beside the feed (a malformed file in a folder).

    Raises:
        FeedSchemaError: nothing usable came, only problems (each one listed).
        FeedUnavailable, FeedInvalid, ValueError, OSError: as `poll_once`.
    """
    from feeds.errors import FeedError, FeedSchemaError, Problem
    from feeds.source import Changed, Failed

    if is_recording(spec) and format in (None, "results-board"):
        from feeds.errors import FeedInvalid
        from feeds.recording import read_recording
        from feeds.sources.replay import ReplaySource

        path = Path(spec).expanduser()
        if not path.is_file():
            raise FileNotFoundError(f"no such file: {spec}")
        documents = read_recording(path)
        if not documents:
            raise FeedInvalid("empty recording", "it has no documents")
        source: FeedSource = ReplaySource(documents, from_end=True)
    else:
        source = open_source(spec, format=format, total=total, token=token, **options)
    try:
        outcome = await source.poll()
    finally:
        await source.aclose()
    if isinstance(outcome, Failed):
        raise outcome.error
    if isinstance(outcome, Changed):
        return outcome.snapshot, outcome.problems
    if outcome.problems:
        raise FeedSchemaError([Problem("", problem) for problem in outcome.problems])
    raise FeedError("no document", "the source answered that nothing changed")
