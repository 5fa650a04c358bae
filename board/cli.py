"""Provides `main`, the `results-board` command line (also `python -m board`).

The board commands (`demo`, `watch`, `replay`) import Textual only when they
run; `check`, `schema`, `snapshot`, `record` and `serve-feed` never do, so they
start fast. Every expected failure — a bad URL, a missing file, an invalid
option — is one line on standard error (`results-board: error: …`) and exit
code 2; never a traceback.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import math
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, suppress
from datetime import datetime
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, NoReturn, TextIO

from feeds.errors import FeedError, FeedInvalid, FeedSchemaError
from feeds.text import clean_text

if TYPE_CHECKING:
    from feeds.source import FeedSource, PollOutcome, Snapshot

__all__ = ["KEYS", "TOKEN_ENV", "UsageError", "build_parser", "feed_schema", "main"]

PROG = "results-board"
TOKEN_ENV = "RESULTS_BOARD_TOKEN"
"""The environment variable holding the feed's bearer token (never printed)."""
REPLAY_INTERVAL = 1.0
"""How often the board polls a replayed recording, in seconds."""

KEYS = """\
keys:
  q        quit
  p        pause/resume the ticker
  f        freeze/unfreeze the display (polling continues)
  r        poll now
  s        cycle the sort: councils, seats, seat change, name
  + / -    lengthen/shorten the poll interval
  ?        help
  ctrl+p   command palette (themes)
  c        save an SVG screenshot"""
"""The board's keys, shown by `--help` of the board commands."""


class UsageError(Exception):
    """An error the user can fix (bad option, URL or path): one line and exit code 2."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{message} (see '{self.prog} --help')")


Convert = Callable[[str], Any]


def _number(kind: Convert, low: float, high: float = math.inf, above: bool = False) -> Convert:
    """An argparse type: a finite `kind` from `low` (or, with `above`, more than it) to `high`."""

    def convert(text: str) -> Any:
        try:
            value = kind(text)
            if not math.isfinite(value):
                raise ValueError(text)
        except ValueError:
            noun = "a whole number" if kind is int else "a number"
            raise argparse.ArgumentTypeError(f"{text!r} is not {noun}") from None
        if (value <= low if above else value < low) or value > high:
            limit = f"more than {low:g}" if above else f"at least {low:g}"
            limit = f"{low:g}–{high:g}" if high < math.inf else limit
            raise argparse.ArgumentTypeError(f"{text} must be {limit}")
        return value

    return convert


_speed = _number(float, 0.0, above=True)
_interval = _number(float, 1.0)
_count = _number(int, 1)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of every command (exposed for tests and docs)."""
    parser = _Parser(
        prog=PROG,
        description="A live election-results board for the terminal. "
        "With no command, plays the demo.",
        epilog=f"Feed format: docs/feed-format.md. Bearer token: set {TOKEN_ENV}.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {_version()}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    def command(name: str, help: str, board: bool = False) -> argparse.ArgumentParser:
        return commands.add_parser(
            name,
            help=help,
            description=help,
            epilog=KEYS if board else None,
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )

    interval: dict[str, Any] = {"type": _interval, "default": 5.0, "help": "seconds (5, min 1)"}
    total: dict[str, Any] = {"type": _count, "help": "councils electing (needed for a CSV file)"}
    speed: dict[str, Any] = {"type": _speed, "default": 1.0, "help": "real-time factor (default 1)"}
    deadline: dict[str, Any] = {
        "type": _number(float, 0.5, 300.0),
        "default": 10.0,
        "help": "most seconds one poll of a URL may take (default 10)",
    }
    demo = command("demo", "play the bundled 2016 night on the board (the default command)", True)
    demo.add_argument("--speed", type=_speed, help="real-time factor (default: about 3 minutes)")
    watch = command("watch", "show a live feed: a URL, a JSON/CSV file or a recording", True)
    watch.add_argument("source", metavar="SOURCE", help="http(s) URL, .json/.csv file or .jsonl")
    watch.add_argument("--interval", **interval)
    watch.add_argument("--total", **total)
    watch.add_argument("--deadline", **deadline)
    replay = command("replay", "play a recording (.jsonl) on the board", True)
    replay.add_argument("recording", metavar="RECORDING", help="a .jsonl recording")
    replay.add_argument("--speed", **speed)
    check = command("check", "validate a feed; exit 0 valid, 1 invalid, 2 unreachable")
    check.add_argument("source", metavar="SOURCE", help="URL, file, or recording (every line)")
    check.add_argument("--total", **total)
    command("schema", "print the JSON Schema of the feed format")
    record = command("record", "append each new document of SOURCE to a recording, until Ctrl-C")
    record.add_argument("source", metavar="SOURCE", help="URL or file to poll")
    record.add_argument("out", metavar="OUT.jsonl", help="the recording to append to")
    record.add_argument("--interval", **interval)
    record.add_argument("--total", **total)
    record.add_argument("--deadline", **deadline)
    serve = command("serve-feed", "serve a recording over HTTP as a live feed (rehearsals, tests)")
    serve.add_argument("recording", metavar="RECORDING", nargs="?", help="default: the 2016 night")
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on (127.0.0.1)")
    serve.add_argument("--port", type=_number(int, 0, 65535), default=8080, help="(8080)")
    serve.add_argument("--speed", **speed)
    serve.add_argument("--manual", action="store_true", help="advance only on POST /next, /goto")
    serve.add_argument("--start", type=_number(int, 0), default=0, help="first document (0-based)")
    serve.add_argument("--loop", action="store_true", help="start again after the last document")
    serve.add_argument("--verbose", action="store_true", help="log each request")
    snapshot = command("snapshot", "print the feed once as plain text (for logs and chat)")
    snapshot.add_argument("source", metavar="SOURCE", help="URL, file, or recording (its last)")
    snapshot.add_argument("--total", **total)
    snapshot.add_argument("--width", type=_number(int, 40), default=80, help="columns (80)")
    snapshot.add_argument("--declarations", type=_number(int, 0), default=5, help="how many (5)")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; return its exit code (2 for any usage error)."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    try:
        args = build_parser().parse_args(args_list or ["demo"])
        return _COMMANDS[args.command or "demo"](args)
    except SystemExit as exit:  # --help, --version
        return exit.code if isinstance(exit.code, int) else 0 if exit.code is None else 2
    except UsageError as error:
        return _fail(str(error))
    except KeyboardInterrupt:
        return 130


def _fail(message: str, code: int = 2) -> int:
    print(f"{PROG}: error: {_line(message)}", file=sys.stderr)
    return code


def _line(text: str) -> str:
    """`text` as one safe line: no control characters, no newlines."""
    return clean_text(text, 2000)


def _version() -> str:
    try:
        return metadata.version(PROG)
    except metadata.PackageNotFoundError:
        return "(not installed)"


def _token() -> str | None:
    return os.environ.get(TOKEN_ENV) or None


@contextmanager
def _usage() -> Iterator[None]:
    """Turn what the user can fix (a missing file, a bad URL or value) into a `UsageError`."""
    try:
        yield
    except (OSError, ValueError) as error:
        raise UsageError(str(error) or type(error).__name__) from None


def _existing(path: Path) -> Path:
    if not path.is_file():  # a directory, too
        raise FileNotFoundError(f"no such file: {path}")
    return path


def _open(spec: str, **options: Any) -> FeedSource:
    from feeds.sources import open_source

    with _usage():
        return open_source(spec, **options)


def _run_board(source: FeedSource, mode: Literal["live", "demo", "replay"], interval: float) -> int:
    from board.app import run_board  # imports Textual: only the board commands pay for it

    return run_board(source, mode=mode, interval=interval)


def _demo(args: argparse.Namespace) -> int:
    from feeds.sources import open_demo

    with _usage():
        source = open_demo(speed=args.speed)
    return _run_board(source, "demo", REPLAY_INTERVAL)


def _watch(args: argparse.Namespace) -> int:
    from feeds.sources import is_recording

    source = _open(args.source, total=args.total, token=_token(), deadline=args.deadline)
    mode: Literal["live", "replay"] = "replay" if is_recording(args.source) else "live"
    return _run_board(source, mode, args.interval)


def _replay(args: argparse.Namespace) -> int:
    from feeds.sources import is_recording

    if not is_recording(args.recording):
        raise UsageError(f"not a recording (.jsonl): {args.recording} — use 'watch' for a feed")
    return _run_board(_open(args.recording, speed=args.speed), "replay", REPLAY_INTERVAL)


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


def _schema(args: argparse.Namespace) -> int:
    print(json.dumps(feed_schema(), indent=2, ensure_ascii=False))
    return 0


def _fetch(spec: str, total: int | None) -> Snapshot | FeedError:
    from feeds.sources import poll_once

    try:
        with _usage():
            return asyncio.run(poll_once(spec, total=total, token=_token()))
    except FeedError as error:
        return error


def _problems(error: FeedInvalid) -> list[str]:
    problems = error.problems if isinstance(error, FeedSchemaError) else [error]
    return [f"error: {_line(str(problem))}" for problem in problems]


def _report(result: FeedError, out: TextIO) -> int:
    """Print why `result` failed: each problem (exit 1), or one error line (exit 2)."""
    if not isinstance(result, FeedInvalid):
        return _fail(f"cannot read the feed: {result}")
    print(*_problems(result), sep="\n", file=out)
    return 1


def _check(args: argparse.Namespace) -> int:
    from feeds.sources import is_recording

    if is_recording(args.source):
        return _check_recording(args.source)
    result = _fetch(args.source, args.total)
    if isinstance(result, FeedError):
        code = _report(result, sys.stdout)
        if code == 1:
            print(f"invalid: {args.source}")
        return code
    for warning in result.warnings:
        print(f"warning: {_line(warning)}")
    feed = result.feed
    print(f"valid: {args.source} (sequence {feed.sequence}, {len(feed.contests)} contest(s))")
    return 0


def _check_recording(spec: str) -> int:
    from feeds.parse import parse_feed

    with _usage():
        lines = [
            (n, x)
            for n, x in enumerate(_existing(Path(spec)).read_bytes().splitlines(), 1)
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
            print(f"line {number}: warning: {_line(warning)}")
        if last is not None and feed.sequence < last:
            bad += 1
            print(f"line {number}: error: sequence {feed.sequence} is older than {last} before it")
        last = feed.sequence
    if bad or not lines:
        print(f"invalid: {bad} of {len(lines)} document(s) in {spec} have errors")
        return 1
    print(f"valid: {len(lines)} document(s) in {spec}")
    return 0


def _snapshot(args: argparse.Namespace) -> int:
    from board.plain import render_snapshot

    result = _fetch(args.source, args.total)
    if isinstance(result, FeedError):
        return _report(result, sys.stderr)
    for warning in result.warnings:
        print(f"warning: {_line(warning)}", file=sys.stderr)
    text = render_snapshot(result.feed, width=args.width, declarations=args.declarations)
    sys.stdout.write(text)
    return 0


def _record(args: argparse.Namespace) -> int:
    from feeds.recording import record
    from feeds.source import Changed, Failed

    if not args.out.lower().endswith(".jsonl"):
        raise UsageError(f"a recording's name ends in .jsonl: {args.out}")
    source = _open(args.source, total=args.total, token=_token(), deadline=args.deadline)
    written = 0

    def report(outcome: PollOutcome) -> None:
        nonlocal written
        now = f"{datetime.now():%H:%M:%S}"
        if isinstance(outcome, Changed):
            written += 1
            raw, feed = outcome.snapshot.raw, outcome.snapshot.feed
            print(f"{now}  wrote sequence {feed.sequence} ({len(raw):,} bytes)", flush=True)
        elif isinstance(outcome, Failed):
            print(f"{now}  poll failed: {_line(str(outcome.error))}", file=sys.stderr, flush=True)

    print(f"recording {args.source} to {args.out} every {args.interval:g} s — Ctrl-C to stop")
    with suppress(KeyboardInterrupt), _usage():
        asyncio.run(record(source, Path(args.out), interval=args.interval, on_outcome=report))
    print(f"stopped: {written} document(s) written to {args.out}")
    return 0


def _serve_feed(args: argparse.Namespace) -> int:
    from feeds.recording import read_recording
    from feeds.server import FeedServer
    from sample_feeds import default_recording

    path = Path(args.recording) if args.recording else default_recording()
    with _usage():
        server = FeedServer(
            read_recording(_existing(path)),
            host=args.host,
            port=args.port,
            speed=args.speed,
            manual=args.manual,
            start=args.start,
            loop=args.loop,
            verbose=args.verbose,
        )
    pace = "manual (POST /next, /goto?n=K)" if args.manual else f"speed {args.speed:g}"
    print(f"serving {path.name} ({server.count} documents, {pace}) at {server.url}", flush=True)
    print("status at /status — Ctrl-C to stop", flush=True)
    with suppress(KeyboardInterrupt):
        server.serve_forever()
    return 0


_COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "demo": _demo,
    "watch": _watch,
    "replay": _replay,
    "check": _check,
    "schema": _schema,
    "record": _record,
    "serve-feed": _serve_feed,
    "snapshot": _snapshot,
}
