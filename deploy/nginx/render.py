#!/usr/bin/env python3
"""Render the results-board nginx cache configuration from the environment (docs/deploy.md).

    RB_UPSTREAM_FEED=https://feeds.example/results.json \
    RB_UPSTREAM_TOKEN=… python3 deploy/nginx/render.py /srv/results-board-cache

writes, in that folder, `results-board.conf` (the server block: include it in a
system nginx's `http` block) and `nginx.conf` (a whole nginx for it, with its
own pid file, logs and temporary paths), both readable by their owner only,
and creates the cache and temporary folders. Then:

    nginx -t -p DIR -c DIR/nginx.conf && nginx -p DIR -c DIR/nginx.conf

Environment (only RB_UPSTREAM_FEED is required):
    RB_UPSTREAM_FEED    the feed's URL upstream (a relay's http://127.0.0.1:8080/feed.json,
                        or the provider's own https URL, query string and all)
    RB_UPSTREAM_STATUS  the URL `/status` is passed to (default: /status beside the feed)
    RB_UPSTREAM_TOKEN   the upstream's token, added by nginx (never printed; boards hold none)
    RB_UPSTREAM_HEADER  the header carrying it (default Authorization, sent as "Bearer TOKEN";
                        any other header, such as x-api-key, carries the token as it is)
    RB_LISTEN           address:port the boards poll (default 127.0.0.1:8081)
    RB_CACHE_SECONDS    the cache interval: at most one upstream request per this (default 1)
    RB_CA_FILE          CA bundle for an https upstream (default Debian's)
    RB_DAEMON           "on" to let nginx go to the background (default off: run it under a
                        service manager, or in a terminal)

Only the standard library: it runs before any virtual environment exists.
"""

from __future__ import annotations

import os
import pwd
import re
import sys
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

HERE = Path(__file__).resolve().parent
TEMPLATES = ("results-board.conf", "nginx.conf")
_SAFE = re.compile(r"^[\x21-\x7e]+$")  # printable, no spaces, quotes or semicolons (checked below)


class ConfigError(ValueError):
    """A setting that cannot go into the configuration; the message names it."""


def _value(name: str, default: str | None = None) -> str:
    value = os.environ.get(name, "") or default
    if value is None:
        raise ConfigError(f"{name} is not set")
    if not _SAFE.match(value) or any(c in value for c in "\"';{}$\\"):
        raise ConfigError(f"{name} holds characters nginx would misread (spaces, quotes, ;{{}}$\\)")
    return value


def _url(name: str, value: str) -> str:
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ConfigError(f"{name} must be an http:// or https:// URL")
    if parts.username or parts.password:
        raise ConfigError(f"{name} must not hold credentials: use RB_UPSTREAM_TOKEN")
    return value


def settings(prefix: Path) -> dict[str, str]:
    """Every `${RB_…}` the templates use, from the environment. Raises `ConfigError`."""
    feed = _url("RB_UPSTREAM_FEED", _value("RB_UPSTREAM_FEED"))
    parts = urlsplit(feed)
    beside = parts.path.rsplit("/", 1)[0] + "/status"
    status = _url(
        "RB_UPSTREAM_STATUS",
        _value("RB_UPSTREAM_STATUS", urlunsplit((parts.scheme, parts.netloc, beside, "", ""))),
    )
    header = _value("RB_UPSTREAM_HEADER", "Authorization")
    if not re.match(r"^[A-Za-z0-9-]+$", header):
        raise ConfigError("RB_UPSTREAM_HEADER must be a header name")
    token = os.environ.get("RB_UPSTREAM_TOKEN", "")
    if token:
        token = _value("RB_UPSTREAM_TOKEN")
        carried = f"Bearer {token}" if header.lower() == "authorization" else token
        auth = f'proxy_set_header {header} "{carried}";'
    else:
        auth = "# no upstream token (RB_UPSTREAM_TOKEN unset)"
    seconds = _value("RB_CACHE_SECONDS", "1")
    if not seconds.isdigit() or int(seconds) < 1:
        raise ConfigError("RB_CACHE_SECONDS must be a whole number of seconds, 1 or more")
    daemon = _value("RB_DAEMON", "off")
    if daemon not in ("on", "off"):
        raise ConfigError("RB_DAEMON must be on or off")
    user = pwd.getpwuid(os.getuid()).pw_name
    return {
        "RB_PREFIX": str(prefix),
        "RB_UPSTREAM_FEED": feed,
        "RB_UPSTREAM_STATUS": status,
        "RB_UPSTREAM_HEADER_NAME": header,
        "RB_AUTH_LINE": auth,
        "RB_LISTEN": _value("RB_LISTEN", "127.0.0.1:8081"),
        "RB_CACHE_SECONDS": seconds,
        "RB_CACHE_DIR": str(prefix / "cache"),
        "RB_ACCESS_LOG": str(prefix / "access.log"),
        "RB_CA_FILE": _value("RB_CA_FILE", "/etc/ssl/certs/ca-certificates.crt"),
        "RB_DAEMON": daemon,
        # As root nginx would run its worker as "nobody", who cannot write this folder.
        "RB_USER_LINE": f"user {user};" if os.getuid() == 0 else "# not root: no user directive",
    }


def render(text: str, values: dict[str, str]) -> str:
    """`text` with every `${NAME}` replaced; an unknown name raises `ConfigError`."""

    def replace(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in values:
            raise ConfigError(f"the template uses ${{{name}}}, which render.py does not set")
        return values[name]

    return re.sub(r"\$\{(RB_[A-Z_]+)\}", replace, text)


def write(prefix: Path) -> list[Path]:
    """Render both templates into `prefix` (mode 0600) and make its folders; the files written."""
    values = settings(prefix)
    for folder in ("cache", "tmp/client", "tmp/proxy", "tmp/fastcgi", "tmp/uwsgi", "tmp/scgi"):
        (prefix / folder).mkdir(parents=True, exist_ok=True, mode=0o700)
    written = []
    for name in TEMPLATES:
        out = prefix / name
        text = render((HERE / f"{name}.template").read_text(), values)
        fd = os.open(out, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w") as handle:
            handle.write(text)
        os.chmod(out, 0o600)
        written.append(out)
    return written


def main(argv: list[str]) -> int:
    if len(argv) != 1 or argv[0].startswith("-"):
        print(__doc__, file=sys.stderr)
        return 2
    prefix = Path(argv[0]).expanduser().resolve()
    try:
        written = write(prefix)
    except ConfigError as error:
        print(f"render.py: error: {error}", file=sys.stderr)
        return 2
    for path in written:
        print(f"wrote {path}")
    print(f"check:  nginx -t -p {prefix} -c {prefix}/nginx.conf")
    print(f"run:    nginx -p {prefix} -c {prefix}/nginx.conf")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
