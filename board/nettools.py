"""Provides the command line of the network commands: `relay` and `serve-web`, and shared options.

`relay` ingests one feed and publishes it for a gallery (`feeds.relay`);
`serve-web` puts the board in browsers (`board.web`). The options every
network command shares are added here too: the cache headers of `serve-feed`
and `relay`, and the polite-client options (`--id`, `--jitter`) of `watch`,
`record` and `relay`, which open their source alike (`open_polled`).
Neither command imports Textual in this process.
"""

from __future__ import annotations

import argparse
import asyncio
import re
import signal
import sys
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from board.cliutil import UsageError, interval_of, one_line, open_spec, token, usage

if TYPE_CHECKING:
    from feeds.publish import CachePolicy
    from feeds.source import FeedSource, PollOutcome

__all__ = [
    "FIRST_POLL_JITTER_CAP",
    "Polled",
    "add_cache_options",
    "add_client_options",
    "cache_policy",
    "open_polled",
    "relay",
    "serve_web",
]

FIRST_POLL_JITTER_CAP = 5.0
"""The most seconds `--jitter` waits by default before the first poll of a URL."""

_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")


def _board_id(text: str) -> str:
    if not _ID.match(text):
        raise argparse.ArgumentTypeError(
            f"{text!r}: an id is 1–64 letters, digits, '.', '_' or '-' (e.g. gallery-3)"
        )
    return text


def _bounded(kind: type[int] | type[float], high: float) -> Any:
    """An argparse type: a `kind` from 0 to `high`."""

    def convert(text: str) -> int | float:
        try:
            value = kind(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r} is not a number") from None
        if not 0 <= value <= high:
            raise argparse.ArgumentTypeError(f"{text} must be 0–{high:g}")
        return value

    return convert


_seconds = _bounded(int, 86400)
_jitter = _bounded(float, 3600)


def add_client_options(parser: argparse.ArgumentParser) -> None:
    """`--id` and `--jitter`, for the commands that poll a URL."""
    parser.add_argument(
        "--id",
        type=_board_id,
        dest="board_id",
        help="this board's name in the feed server's log (User-Agent: results-board/V (+ID))",
    )
    parser.add_argument(
        "--jitter",
        type=_jitter,
        help="most seconds the first poll of a URL waits, so boards started together do not "
        f"poll in step (default: one interval, at most {FIRST_POLL_JITTER_CAP:g}; 0: at once)",
    )


@dataclass(frozen=True)
class Polled:
    """SOURCE opened for polling, with the options' defaults resolved: nothing after
    `open_polled` reads a raw `--interval` (None when not given) again."""

    source: FeedSource
    interval: float
    """Seconds between polls: `--interval`, else the format's own default (AP's differs)."""


def open_polled(args: argparse.Namespace, **overrides: Any) -> Polled:
    """SOURCE opened as `watch`, `record`, `relay` and `serve-web` poll it: with `--format`,
    `--total`, `--deadline`, `--test`, `--id`, `--jitter`, `--interval` (their defaults
    resolved here, the one place) and the token from the environment; `overrides` replace any
    of those `open_source` options.

    Raises:
        UsageError: SOURCE or an option cannot be used.
    """
    interval = interval_of(args)
    jitter = args.jitter
    if jitter is None:
        jitter = min(interval, FIRST_POLL_JITTER_CAP)
    options = {"format": args.format, "total": args.total, "deadline": args.deadline}
    options |= {"client_id": args.board_id, "start_jitter": jitter, "token": token()}
    options |= {"test": True} if args.test else {}
    return Polled(open_spec(args.source, **(options | overrides)), interval)


def add_cache_options(parser: argparse.ArgumentParser) -> None:
    """The `Cache-Control` options of a publishing server (`feeds.publish.CachePolicy`)."""
    from feeds.publish import CachePolicy

    default = CachePolicy()
    group = parser.add_argument_group("cache headers (for nginx or another shared cache)")
    group.add_argument(
        "--s-maxage",
        type=_seconds,
        default=default.s_maxage,
        help=f"seconds a shared cache answers for us without asking ({default.s_maxage})",
    )
    group.add_argument(
        "--stale-while-revalidate",
        type=_seconds,
        default=default.stale_while_revalidate,
        help="seconds past that it may answer while it refreshes "
        f"({default.stale_while_revalidate})",
    )
    group.add_argument(
        "--stale-if-error",
        type=_seconds,
        default=default.stale_if_error,
        help="seconds past that it may answer while we fail; keep it short, or the boards "
        f"behind it show old figures as LIVE ({default.stale_if_error})",
    )


def cache_policy(args: argparse.Namespace) -> CachePolicy:
    from feeds.publish import CachePolicy

    return CachePolicy(args.s_maxage, args.stale_while_revalidate, args.stale_if_error)


def _log(outcome: PollOutcome) -> None:
    from feeds.source import Changed, Failed

    now = f"{datetime.now():%H:%M:%S}"
    if isinstance(outcome, Changed):
        feed = outcome.snapshot.feed
        print(f"{now}  new document: upstream sequence {feed.sequence}", flush=True)
    elif isinstance(outcome, Failed):
        print(f"{now}  poll failed: {one_line(str(outcome.error))}", file=sys.stderr, flush=True)


def relay(args: argparse.Namespace) -> int:
    """`results-board relay SOURCE`: ingest once, publish on `/feed.json` until Ctrl-C."""
    from feeds.relay import Relay

    polled = open_polled(args)
    source, interval = polled.source, polled.interval
    with usage():
        server = Relay(
            source,
            interval=interval,
            host=args.host,
            port=args.port,
            cache=cache_policy(args),
            verbose=args.verbose,
            on_outcome=_log,
        )
    print(f"relaying {source.description} every {interval:g} s at {server.url}", flush=True)
    print("status at /status — Ctrl-C to stop", flush=True)
    with suppress(KeyboardInterrupt):
        server.serve_forever()
    return 0


def add_relay_command(
    commands: Any, polling: Callable[[argparse.ArgumentParser], None], port: dict[str, Any]
) -> None:
    """Add `relay` to the `commands` subparsers: `polling` adds the options of a command that
    polls SOURCE (as `watch`), `port` is the spec of `--port`."""
    help = "ingest SOURCE once and publish it on /feed.json for a gallery of boards and a cache"
    parser = commands.add_parser(
        "relay", help=help, description=help, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "source",
        metavar="SOURCE",
        help="http(s) URL, .json/.csv file or .jsonl; with --format pa a PA file, folder or ftp://",
    )
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (127.0.0.1)")
    parser.add_argument("--port", **port)
    parser.add_argument("--verbose", action="store_true", help="log each request")
    polling(parser)
    add_cache_options(parser)


def _viewers(text: str) -> int:
    if not text.isdigit() or not 1 <= int(text) <= 1000:
        raise argparse.ArgumentTypeError(f"{text!r} must be a whole number 1–1000")
    return int(text)


def add_serve_web_command(commands: Any) -> None:
    """Add `serve-web` to the `commands` subparsers."""
    help = "serve the board to web browsers (one board per viewer, the feed read once)"
    parser = commands.add_parser(
        "serve-web",
        help=help,
        description=help + ". WATCH-ARGS are what 'watch' takes: SOURCE and its options.",
        usage="%(prog)s [options] -- SOURCE [--interval S] [--total N] [--deadline S]",
    )
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (127.0.0.1)")
    parser.add_argument("--port", type=_viewers_port, default=8000, help="(8000)")
    parser.add_argument(
        "--public-url",
        help="the page's address as browsers reach it, if not "
        "the one they asked for (behind a proxy that rewrites it)",
    )
    parser.add_argument("--max-viewers", type=_viewers, default=20, help="boards at once (20)")
    parser.add_argument(
        "--animations", action="store_true", help="let the ticker scroll (costs CPU per viewer)"
    )
    parser.add_argument(
        "--no-fork",
        dest="fork",
        action="store_false",
        help="start each viewer's board as a new process, not forked from a warm one "
        "(slower to a first frame, more memory)",
    )
    parser.add_argument("watch_args", nargs=argparse.REMAINDER, metavar="WATCH-ARGS")


def _viewers_port(text: str) -> int:
    if not text.isdigit() or int(text) > 65535:
        raise argparse.ArgumentTypeError(f"{text!r} is not a port (0–65535)")
    return int(text)


def serve_web(args: argparse.Namespace) -> int:
    """`results-board serve-web -- WATCH-ARGS`: relay the feed, serve a board per viewer."""
    from board.cli import build_parser

    rest = list(args.watch_args)
    rest = rest[1:] if rest[:1] == ["--"] else rest
    rest = rest[1:] if rest[:1] == ["watch"] else rest
    if not rest:
        raise UsageError("serve-web needs WATCH-ARGS: serve-web -- SOURCE [--interval S]")
    watch = build_parser().parse_args(["watch", *rest])
    # One relay for every viewer: its first poll goes at once (boards started together are
    # spread by --jitter; here there is one poller, and the first viewer waits for it).
    polled = open_polled(watch, start_jitter=watch.jitter or 0.0)
    source = polled.source
    try:
        from board.web import BoardWebServer, health_of
    except ImportError as error:  # pragma: no cover - a broken install
        raise UsageError(f"serve-web needs textual-serve: {error}") from None
    from feeds.relay import Relay

    relay = Relay(source, interval=polled.interval, on_outcome=_log)
    relay.start()
    interval = f"{polled.interval:g}"

    def viewer(number: int) -> list[str]:
        command = ["watch", relay.url, "--interval", interval, "--jitter", "0"]
        return [*command, "--id", f"web-{number}"]

    def log(line: str) -> None:
        print(f"{datetime.now():%H:%M:%S}  {line}", flush=True)

    server = BoardWebServer(
        viewer,
        host=args.host,
        port=args.port,
        public_url=args.public_url,
        max_viewers=args.max_viewers,
        environment={} if args.animations else {"TEXTUAL_ANIMATIONS": "none"},
        zygote=args.fork,
        health=lambda: health_of(relay.status()),
        log=log,
    )

    def ready(url: str) -> None:
        print(f"relaying {source.description} every {interval} s at {relay.url}", flush=True)
        print(f"serving the board at {url} (health at {url}/healthz) — Ctrl-C to stop", flush=True)

    async def main() -> None:
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for signum in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(signum, stop.set)
        await server.run(stop, ready)

    try:
        with usage():
            asyncio.run(main())
    finally:
        relay.stop()
    return 0
