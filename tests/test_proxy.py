"""Tests of proxy settings in the environment: each works, or is named in one line with its fix.

Issue 11, kind 6: with `ALL_PROXY=socks5://127.0.0.1:1080` every command that
reads a URL printed a ~40-line httpx traceback and exited 1 ("invalid feed").
"""

from __future__ import annotations

import socket
import subprocess
import sys

import pytest

from board.cli import main
from feeds.source import Changed, Failed
from feeds.sources.http import HttpSource
from feeds.sources.proxy import ProxySettingError, check_proxy_settings, proxy_for
from sample_feeds.factory import encode, small_document
from tests.faultserver import FaultServer, Step
from tests.socksproxy import SocksProxy

PROXY_VARIABLES = [
    *("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "NO_PROXY"),
    *("http_proxy", "https_proxy", "all_proxy", "no_proxy"),
]


@pytest.fixture(autouse=True)
def no_proxies(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test starts from an environment without proxy settings."""
    for name in PROXY_VARIABLES:
        monkeypatch.delenv(name, raising=False)


@pytest.fixture(autouse=True)
def one_feed(server: FaultServer) -> None:
    """The fault server (tests/conftest.py) serves one good document."""
    server.script([Step.ok(encode(small_document(sequence=5)))])


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.mark.parametrize(
    "environ",
    [
        {"ALL_PROXY": "socks5://127.0.0.1:1080"},
        {"all_proxy": "socks5h://proxy.example:1080"},
        {"HTTPS_PROXY": "http://proxy.example:3128", "NO_PROXY": "localhost,.internal"},
        {"HTTP_PROXY": "proxy.example:3128"},  # no scheme: http://, as curl and httpx read it
        {"https_proxy": "https://user:secret@proxy.example:443"},
        {"NO_PROXY": "*"},
        {"HTTP_PROXY": ""},  # set but empty: ignored
    ],
)
def test_usable_settings_pass(environ: dict[str, str]) -> None:
    check_proxy_settings(environ)


@pytest.mark.parametrize(
    ("environ", "words"),
    [
        ({"ALL_PROXY": "socks4://127.0.0.1:1080"}, "ALL_PROXY=socks4://127.0.0.1:1080: this board"),
        ({"all_proxy": "ftp://proxy.example"}, "all_proxy=ftp://proxy.example: this board"),
        ({"HTTPS_PROXY": "http://proxy.example:99999"}, "HTTPS_PROXY=http://proxy.example:99999"),
        ({"HTTP_PROXY": "http://"}, "HTTP_PROXY=http:// has no host"),
        ({"HTTP_PROXY": "http://[::1"}, "HTTP_PROXY=http://[::1 is not a URL"),
        ({"https_proxy": "socks4a://u:hunter2@p.example:1"}, "https_proxy=socks4a://u:***@p"),
    ],
)
def test_unusable_settings_are_named_in_one_line_with_the_fix(
    environ: dict[str, str], words: str
) -> None:
    with pytest.raises(ProxySettingError) as caught:
        check_proxy_settings(environ)
    message = str(caught.value)
    assert words in message
    assert "\n" not in message
    assert "hunter2" not in message
    variable = next(iter(environ))
    assert f"unset {variable}" in message


def test_lower_case_name_wins_as_in_urllib() -> None:
    environ = {"ALL_PROXY": "socks4://bad:1", "all_proxy": "socks5://good:1"}
    check_proxy_settings(environ)
    setting = proxy_for("https://feed.example/x.json", environ)
    assert setting is not None and setting.variable == "all_proxy"


@pytest.mark.parametrize(
    ("url", "environ", "variable"),
    [
        (
            "https://feed.example/",
            {"HTTPS_PROXY": "http://p:1", "ALL_PROXY": "http://q:1"},
            "HTTPS_PROXY",
        ),
        (
            "http://feed.example/",
            {"HTTPS_PROXY": "http://p:1", "ALL_PROXY": "http://q:1"},
            "ALL_PROXY",
        ),
        ("http://feed.example/", {"HTTPS_PROXY": "http://p:1"}, None),
        ("http://feed.example/", {"ALL_PROXY": "http://q:1", "NO_PROXY": "*"}, None),
        ("http://feed.example/", {"ALL_PROXY": "http://q:1", "NO_PROXY": "feed.example"}, None),
        ("http://a.feed.example/", {"ALL_PROXY": "http://q:1", "NO_PROXY": "feed.example"}, None),
        (
            "http://feed.example/",
            {"ALL_PROXY": "http://q:1", "NO_PROXY": ".feed.example"},
            "ALL_PROXY",
        ),
        (
            "http://xfeed.example/",
            {"ALL_PROXY": "http://q:1", "NO_PROXY": "feed.example"},
            "ALL_PROXY",
        ),
        (
            "http://127.0.0.1:8/",
            {"ALL_PROXY": "http://q:1", "NO_PROXY": "localhost, 127.0.0.1"},
            None,
        ),
        ("http://[::1]:8/", {"ALL_PROXY": "http://q:1", "NO_PROXY": "::1"}, None),
    ],
)
def test_proxy_for_follows_no_proxy(
    url: str, environ: dict[str, str], variable: str | None
) -> None:
    setting = proxy_for(url, environ)
    assert (setting.variable if setting else None) == variable


async def test_a_socks5_proxy_works(monkeypatch: pytest.MonkeyPatch, server: FaultServer) -> None:
    with SocksProxy() as proxy:
        monkeypatch.setenv("ALL_PROXY", proxy.url)
        source = HttpSource(server.url)
        try:
            outcome = await source.poll()
        finally:
            await source.aclose()
        assert isinstance(outcome, Changed), outcome
        assert outcome.snapshot.feed.sequence == 5
        assert proxy.connects == [("127.0.0.1", int(server.url.split(":")[2].split("/")[0]))]


@pytest.mark.parametrize("variable", ["ALL_PROXY", "HTTP_PROXY", "all_proxy"])
async def test_a_proxy_that_is_down_is_named_not_the_feed(
    monkeypatch: pytest.MonkeyPatch, server: FaultServer, variable: str
) -> None:
    scheme = "socks5" if "all" in variable.lower() else "http"
    monkeypatch.setenv(variable, f"{scheme}://127.0.0.1:{_closed_port()}")
    source = HttpSource(server.url)
    try:
        outcome = await source.poll()
    finally:
        await source.aclose()
    assert isinstance(outcome, Failed), outcome
    assert outcome.error.summary == f"cannot reach the proxy ({variable})"
    assert server.requests == []


async def test_no_proxy_sends_the_feed_direct(
    monkeypatch: pytest.MonkeyPatch, server: FaultServer
) -> None:
    monkeypatch.setenv("ALL_PROXY", f"socks5://127.0.0.1:{_closed_port()}")
    monkeypatch.setenv("NO_PROXY", "127.0.0.1")
    source = HttpSource(server.url)
    try:
        assert isinstance(await source.poll(), Changed)
    finally:
        await source.aclose()


@pytest.mark.parametrize("command", ["check", "snapshot"])
def test_commands_name_a_bad_setting_in_one_line_and_exit_2(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    server: FaultServer,
    command: str,
) -> None:
    monkeypatch.setenv("ALL_PROXY", "socks4://127.0.0.1:1080")
    assert main([command, server.url]) == 2
    out, err = capsys.readouterr()
    assert err.startswith("results-board: error: proxy setting ALL_PROXY=socks4://")
    assert err.count("\n") == 1 and "Traceback" not in err


def test_check_through_an_unreachable_proxy_exits_2_not_1(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], server: FaultServer
) -> None:
    """`check` documents 1 as "invalid feed": a proxy that is down is "unreachable", 2."""
    monkeypatch.setenv("ALL_PROXY", f"socks5://127.0.0.1:{_closed_port()}")
    assert main(["check", server.url]) == 2
    err = capsys.readouterr().err
    assert "cannot reach the proxy (ALL_PROXY)" in err and err.count("\n") == 1


def test_check_through_a_socks5_proxy_in_a_subprocess(server: FaultServer) -> None:
    """The issue's command, as a user runs it: exit 0, no traceback."""
    with SocksProxy() as proxy:
        env = {"PATH": "/usr/bin:/bin", "ALL_PROXY": proxy.url}
        done = subprocess.run(
            [sys.executable, "-m", "board", "check", server.url],
            capture_output=True,
            text=True,
            env=env,
            timeout=60,
        )
        assert done.returncode == 0, done.stderr
        assert "valid" in done.stdout and "Traceback" not in done.stderr
        assert proxy.connects
