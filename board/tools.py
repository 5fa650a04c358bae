"""Provides the commands that need no board: check, schema, snapshot, record, serve-feed.

None of them imports Textual, so they start fast and run where no terminal
is (logs, chat, cron, a rehearsal server).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from contextlib import suppress
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from board.cliutil import (
    UsageError,
    existing,
    fail,
    one_line,
    token,
    usage,
)
from feeds.errors import FeedError, FeedInvalid, FeedSchemaError

if TYPE_CHECKING:
    from feeds.source import PollOutcome, Snapshot

__all__ = ["check", "feed_schema", "record", "schema", "serve_feed", "snapshot"]


def feed_schema() -> dict[str, Any]:
    """The JSON Schema of format `results-board/1` (as committed in `docs/feed-schema.json`).

    A contest of unknown kind must not also match a known one, or `oneOf`
    would reject every contest: its `kind` is any string but the known ones.
    """
    from feeds.contests import CONTEST_KINDS
    from feeds.models import Feed

    schema = Feed.model_json_schema()
    unsupported = schema["$defs"]["UnsupportedContest"]["properties"]["kind"]
    unsupported["not"] = {"enum": list(CONTEST_KINDS)}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$comment": "results-board/1; rules a schema cannot say (reported ≤ total, unique "
        "codes and ids) are in docs/feed-format.md",
        **schema,
    }


def schema(args: argparse.Namespace) -> int:
    # In a locale that is not UTF-8, \u escapes keep the schema exact (and still JSON).
    utf8 = (sys.stdout.encoding or "").lower().replace("-", "") == "utf8"
    print(json.dumps(feed_schema(), indent=2, ensure_ascii=not utf8))
    return 0


def _fetch(args: argparse.Namespace) -> tuple[Snapshot, tuple[str, ...]] | FeedError:
    from feeds.sources import read_once

    options = {"test": True} if getattr(args, "test", False) else {}
    try:
        with usage():
            return asyncio.run(
                read_once(
                    args.source, format=args.format, total=args.total, token=token(), **options
                )
            )
    except FeedError as error:
        return error


def _problems(error: FeedInvalid) -> list[str]:
    problems = error.problems if isinstance(error, FeedSchemaError) else [error]
    return [f"error: {one_line(str(problem))}" for problem in problems]


def _report(result: FeedError, out: TextIO) -> int:
    """Print why `result` failed: each problem (exit 1), or one error line (exit 2)."""
    if not isinstance(result, FeedInvalid):
        return fail(f"cannot read the feed: {result}")
    print(*_problems(result), sep="\n", file=out)
    return 1


def check(args: argparse.Namespace) -> int:
    from feeds.sources import is_recording

    if is_recording(args.source) and args.format in (None, "results-board"):
        return _check_recording(args.source)
    result = _fetch(args)
    if isinstance(result, FeedError):
        code = _report(result, sys.stdout)
        if code == 1:
            print(f"invalid: {args.source}")
        return code
    from feeds.adapter import faults

    snapshot, standing = result
    problems = faults(standing)  # standing faults beside good figures (a bad file in a folder)
    for problem in problems:
        print(f"problem: {one_line(problem)}")
    for warning in [*(note for note in standing if note not in problems), *snapshot.warnings]:
        print(f"warning: {one_line(warning)}")  # notes (no .timestamp) fail nothing
    feed = snapshot.feed
    counts = f"sequence {feed.sequence}, {len(feed.contests)} contest(s)"
    if problems:
        print(
            f"invalid: {args.source} ({counts}; {len(problems)} problem(s), last good figures kept)"
        )
        return 1
    print(f"valid: {args.source} ({counts})")
    return 0


def _check_recording(spec: str) -> int:
    from feeds.parse import parse_feed

    with usage():
        lines = [
            (n, x)
            for n, x in enumerate(existing(Path(spec)).read_bytes().splitlines(), 1)
            if x.strip()
        ]
    bad, last = 0, None
    for number, line in lines:
        try:
            feed = parse_feed(line)
        except FeedInvalid as error:
            bad += 1
            print(*(f"line {number}: {problem}" for problem in _problems(error)), sep="\n")
            continue
        for warning in feed.warnings():
            print(f"line {number}: warning: {one_line(warning)}")
        if last is not None and feed.sequence < last:
            bad += 1
            print(f"line {number}: error: sequence {feed.sequence} is older than {last} before it")
        last = feed.sequence
    if bad or not lines:
        print(f"invalid: {bad} of {len(lines)} document(s) in {spec} have errors")
        return 1
    print(f"valid: {len(lines)} document(s) in {spec}")
    return 0


def snapshot(args: argparse.Namespace) -> int:
    from board.plain import render_snapshot

    result = _fetch(args)
    if isinstance(result, FeedError):
        return _report(result, sys.stderr)
    snapshot, problems = result
    for problem in problems:
        print(f"problem: {one_line(problem)}", file=sys.stderr)
    for warning in snapshot.warnings:
        print(f"warning: {one_line(warning)}", file=sys.stderr)
    text = render_snapshot(
        snapshot.feed, width=args.width, declarations=args.declarations, moments=args.moments
    )
    sys.stdout.write(text)
    return 0


def record(args: argparse.Namespace) -> int:
    from feeds.recording import record
    from feeds.source import Changed, Failed

    if not args.out.lower().endswith(".jsonl"):
        raise UsageError(f"a recording's name ends in .jsonl: {args.out}")
    from board.nettools import open_polled

    polled = open_polled(args)
    source, interval = polled.source, polled.interval
    written = 0

    def report(outcome: PollOutcome) -> None:
        nonlocal written
        now = f"{datetime.now():%H:%M:%S}"
        if isinstance(outcome, Changed):
            written += 1
            raw, feed = outcome.snapshot.document, outcome.snapshot.feed
            print(f"{now}  wrote sequence {feed.sequence} ({len(raw):,} bytes)", flush=True)
        elif isinstance(outcome, Failed):
            print(
                f"{now}  poll failed: {one_line(str(outcome.error))}", file=sys.stderr, flush=True
            )

    print(f"recording {args.source} to {args.out} every {interval:g} s — Ctrl-C to stop")
    with suppress(KeyboardInterrupt), usage():
        asyncio.run(record(source, Path(args.out), interval=interval, on_outcome=report))
    print(f"stopped: {written} document(s) written to {args.out}")
    return 0


def serve_feed(args: argparse.Namespace) -> int:
    from board.nettools import cache_policy
    from feeds.recording import read_recording
    from feeds.server import FeedServer
    from sample_feeds import default_recording

    path = Path(args.recording) if args.recording else default_recording()
    with usage():
        server = FeedServer(
            read_recording(existing(path)),
            host=args.host,
            port=args.port,
            speed=args.speed,
            manual=args.manual,
            start=args.start,
            loop=args.loop,
            verbose=args.verbose,
            cache=cache_policy(args),
        )
    pace = "manual (POST /next, /goto?n=K)" if args.manual else f"speed {args.speed:g}"
    print(f"serving {path.name} ({server.count} documents, {pace}) at {server.url}", flush=True)
    print("status at /status — Ctrl-C to stop", flush=True)
    with suppress(KeyboardInterrupt):
        server.serve_forever()
    return 0
