"""Every command that polls SOURCE runs on its options' defaults (issue: serve-web without
`--interval` died with a TypeError in the relay).

`watch`, `record`, `relay` and `serve-web` open SOURCE through one place,
`board.nettools.open_polled`, which resolves the defaults (`--interval` by format, `--jitter`
by interval). Here each real command runs with none of those options given.
"""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from board.cli import build_parser
from board.nettools import FIRST_POLL_JITTER_CAP, open_polled
from feeds.formats import by_name
from sample_feeds.factory import document
from tests.waiting import wait_for

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def feed(tmp_path: Path) -> str:
    path = tmp_path / "feed.json"
    path.write_text(json.dumps(document()))
    return str(path)


COMMANDS = {
    "relay": lambda feed, out: ["relay", feed, "--port", "0"],
    "record": lambda feed, out: ["record", feed, out],
    "serve-web": lambda feed, out: ["serve-web", "--port", "0", "--", feed],
}


@pytest.mark.parametrize("command", list(COMMANDS))
def test_each_polling_command_runs_on_its_defaults(command: str, feed: str, tmp_path: Path) -> None:
    argv = COMMANDS[command](feed, str(tmp_path / "night.jsonl"))
    process = subprocess.Popen(
        [sys.executable, "-m", "board", *argv],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )
    lines: list[str] = []

    def read() -> None:
        assert process.stdout is not None
        lines.extend(process.stdout)

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    try:
        wait_for(
            lambda: any("every 5 s" in line for line in lines) or process.poll() is not None,
            f"{command} to say how often it polls",
            30,
        )
        assert process.poll() is None, "".join(lines)
    finally:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=5)
        reader.join(timeout=5)
    assert "Traceback" not in "".join(lines)


@pytest.mark.parametrize("command", ["watch", "record", "relay"])
@pytest.mark.parametrize("format", ["results-board", "csv", "pa", "ap"])
async def test_open_polled_resolves_the_interval_and_jitter_by_format(
    command: str, format: str, tmp_path: Path
) -> None:
    source = str(tmp_path) if format == "pa" else "http://127.0.0.1:9/feed"  # nothing is fetched
    tail = [str(tmp_path / "out.jsonl")] if command == "record" else []
    tail += ["--total", "124"] if format == "csv" else []
    args = build_parser().parse_args([command, source, "--format", format, *tail])
    assert args.interval is None and args.jitter is None  # not given
    polled = open_polled(args)
    try:
        assert polled.interval == by_name(format).interval
        # An HTTP source waits up to this before its first poll (PA here is a folder: none).
        jitter = getattr(polled.source, "_jitter", None)
        expected = None if format == "pa" else min(polled.interval, FIRST_POLL_JITTER_CAP)
        assert jitter == expected
    finally:
        await polled.source.aclose()
