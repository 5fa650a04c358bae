"""Provides `main`, the `results-board` command line (also `python -m board`).

The board commands (`demo`, `watch`, `replay`) import Textual only when they
run; `check`, `schema`, `snapshot`, `record` and `serve-feed` never do, so they
start fast. Every expected failure — a bad URL, a missing file, an invalid
option — is one line on standard error (`results-board: error: …`) and exit
code 2; never a traceback.
"""

from __future__ import annotations

import argparse
import math
import sys
from collections.abc import Callable, Sequence
from importlib import metadata
from typing import TYPE_CHECKING, Any, Literal, NoReturn

from board import nettools, tools
from board.cliutil import (
    PROG,
    TOKEN_ENV,
    UsageError,
    fail,
    open_spec,
    usage,
)
from board.deskcli import desk_options, desk_settings
from board.environment import readable_streams
from board.keys import epilog
from board.tools import feed_schema
from feeds.formats import FORMATS

if TYPE_CHECKING:
    from feeds.source import FeedSource

__all__ = ["TOKEN_ENV", "UsageError", "build_parser", "feed_schema", "main"]

REPLAY_INTERVAL = 1.0
"""How often the board polls a replayed recording, in seconds."""


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
        parser = commands.add_parser(
            name,
            help=help,
            description=help,
            epilog=epilog() if board else None,
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        if board:
            parser.add_argument(
                "--plain",
                action="store_true",
                help="print plain snapshots as the figures change instead of drawing the board "
                "(automatic where TERM cannot draw), and each new alert as one line",
            )
            wall = parser.add_mutually_exclusive_group()
            wall.add_argument(
                "--wall",
                dest="wall",
                action="store_const",
                const=True,
                help="start in wall mode: the leading figures in big digits (w toggles)",
            )
            wall.add_argument(
                "--no-wall",
                dest="wall",
                action="store_const",
                const=False,
                help="never switch to wall mode by itself (it does from 160×50)",
            )
            desk_options(parser)
        return parser

    interval: dict[str, Any] = {
        "type": _interval,
        "help": "seconds between polls (5; 10 with --format ap; min 1)",
    }
    total: dict[str, Any] = {"type": _count, "help": "councils electing (needed for a CSV file)"}
    speed: dict[str, Any] = {"type": _speed, "default": 1.0, "help": "real-time factor (default 1)"}
    formats = ", ".join(FORMATS)
    format_: dict[str, Any] = {
        "choices": list(FORMATS),
        "metavar": "FORMAT",
        "help": f"what SOURCE is: {formats} (default: results-board JSON, or CSV by name)",
    }
    test: dict[str, Any] = {
        "action": "store_true",
        "help": "mark the figures as test data (PA's TEST account); test data always says TEST",
    }
    deadline: dict[str, Any] = {
        "type": _number(float, 0.5, 300.0),
        "default": 10.0,
        "help": "most seconds one poll of a URL may take (default 10)",
    }

    def polling(parser: argparse.ArgumentParser) -> None:
        """The options of a command that polls SOURCE: `watch`, `record`, `relay`."""
        parser.add_argument("--interval", **interval)
        parser.add_argument("--total", **total)
        parser.add_argument("--format", **format_)
        parser.add_argument("--test", **test)
        parser.add_argument("--deadline", **deadline)
        nettools.add_client_options(parser)

    demo = command("demo", "play the bundled 2016 night on the board (the default command)", True)
    demo.add_argument("--speed", type=_speed, help="real-time factor (default: about 3 minutes)")
    watch = command("watch", "show a live feed: a URL, a JSON/CSV file or a recording", True)
    watch.add_argument(
        "source",
        metavar="SOURCE",
        help="http(s) URL, .json/.csv file or .jsonl; with --format pa a PA file, folder or ftp://",
    )
    polling(watch)
    replay = command("replay", "play a recording (.jsonl) on the board", True)
    replay.add_argument("recording", metavar="RECORDING", help="a .jsonl recording")
    replay.add_argument("--speed", **speed)
    check = command("check", "validate a feed; exit 0 valid, 1 invalid, 2 unreachable")
    check.add_argument("source", metavar="SOURCE", help="URL, file, or recording (every line)")
    check.add_argument("--total", **total)
    check.add_argument("--format", **format_)
    check.add_argument("--test", **test)
    command("schema", "print the JSON Schema of the feed format")
    record = command("record", "append each new document of SOURCE to a recording, until Ctrl-C")
    record.add_argument("source", metavar="SOURCE", help="URL or file to poll")
    record.add_argument("out", metavar="OUT.jsonl", help="the recording to append to")
    polling(record)
    serve = command("serve-feed", "serve a recording over HTTP as a live feed (rehearsals, tests)")
    serve.add_argument("recording", metavar="RECORDING", nargs="?", help="default: the 2016 night")
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on (127.0.0.1)")
    serve.add_argument("--port", type=_number(int, 0, 65535), default=8080, help="(8080)")
    serve.add_argument("--speed", **speed)
    serve.add_argument("--manual", action="store_true", help="advance only on POST /next, /goto")
    serve.add_argument("--start", type=_number(int, 0), default=0, help="first document (0-based)")
    serve.add_argument("--loop", action="store_true", help="start again after the last document")
    serve.add_argument("--verbose", action="store_true", help="log each request")
    nettools.add_cache_options(serve)
    port: dict[str, Any] = {"type": _number(int, 0, 65535), "default": 8080, "help": "(8080)"}
    nettools.add_relay_command(commands, polling, port)
    nettools.add_serve_web_command(commands)
    snapshot = command("snapshot", "print the feed once as plain text (for logs and chat)")
    snapshot.add_argument("source", metavar="SOURCE", help="URL, file, or recording (its last)")
    snapshot.add_argument("--total", **total)
    snapshot.add_argument("--format", **format_)
    snapshot.add_argument("--test", **test)
    snapshot.add_argument("--width", type=_number(int, 40), default=80, help="columns (80)")
    snapshot.add_argument("--declarations", type=_number(int, 0), default=5, help="how many (5)")
    snapshot.add_argument(
        "--moments", type=_number(int, 0), default=10, help="key moments, newest first (10)"
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; return its exit code (2 for any usage error)."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    readable_streams()
    try:
        args = build_parser().parse_args(args_list or ["demo"])
        return _COMMANDS[args.command or "demo"](args)
    except SystemExit as exit:  # --help, --version
        return exit.code if isinstance(exit.code, int) else 0 if exit.code is None else 2
    except UsageError as error:
        return fail(str(error))
    except KeyboardInterrupt:
        return 130


def _version() -> str:
    try:
        return metadata.version(PROG)
    except metadata.PackageNotFoundError:
        return "(not installed)"


def _run_board(
    source: FeedSource,
    mode: Literal["live", "demo", "replay"],
    interval: float,
    args: argparse.Namespace,
) -> int:
    from board.environment import encoding_problem, terminal_problem

    cannot_draw = terminal_problem()
    if args.plain or cannot_draw:
        from board.plainwatch import watch_plain

        if cannot_draw:
            print(
                f"{PROG}: {cannot_draw} — printing plain snapshots as the figures change "
                "(Ctrl+C to stop; 'results-board snapshot SOURCE' prints one)",
                file=sys.stderr,
            )
        label = {"demo": "DEMO · sample data", "replay": "REPLAY"}.get(mode, "")
        rule = desk_settings(args)["alert_rule"]
        return watch_plain(source, interval=interval, label=label, rule=rule)
    problem = encoding_problem()
    if problem is not None:
        raise UsageError(problem)
    from board.app import run_board  # imports Textual: only the board commands pay for it

    return run_board(source, mode=mode, interval=interval, wall=args.wall, **desk_settings(args))


def _demo(args: argparse.Namespace) -> int:
    from board.demo import open_demo

    with usage():
        source = open_demo(speed=args.speed)
    return _run_board(source, "demo", REPLAY_INTERVAL, args)


def _watch(args: argparse.Namespace) -> int:
    from feeds.sources import is_recording

    polled = nettools.open_polled(args)
    recording = is_recording(args.source) and args.format in (None, "results-board")
    mode: Literal["live", "replay"] = "replay" if recording else "live"
    return _run_board(polled.source, mode, polled.interval, args)


def _replay(args: argparse.Namespace) -> int:
    from feeds.sources import is_recording

    if not is_recording(args.recording):
        raise UsageError(f"not a recording (.jsonl): {args.recording} — use 'watch' for a feed")
    source = open_spec(args.recording, speed=args.speed)
    return _run_board(source, "replay", REPLAY_INTERVAL, args)


_COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "demo": _demo,
    "watch": _watch,
    "replay": _replay,
    "check": tools.check,
    "schema": tools.schema,
    "record": tools.record,
    "serve-feed": tools.serve_feed,
    "relay": nettools.relay,
    "serve-web": nettools.serve_web,
    "snapshot": tools.snapshot,
}
