"""Provides the proxy settings of the environment as httpx reads them, checked and named.

httpx honours `HTTP_PROXY`, `HTTPS_PROXY`, `ALL_PROXY` and `NO_PROXY` (either
case; the lower-case name wins, as in `urllib.request.getproxies`). A value
without a scheme is taken as `http://`. It speaks to `http://`, `https://`,
`socks5://` and `socks5h://` proxies (SOCKS through the `socksio` package, a
dependency). A setting it cannot use made every command that reads a URL
print an httpx traceback and exit 1, which `check` documents as "invalid
feed". Here each setting is checked before the client is built, and a bad one
is named in one line with its fix (`ProxySettingError`, a `ValueError`: the
command line's usage errors, exit 2). `proxy_for` says which setting a URL
goes through, so a failure to reach the proxy is not reported as the feed's.
"""

from __future__ import annotations

import importlib.util
import ipaddress
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import urlsplit

import httpx

__all__ = ["ProxySetting", "ProxySettingError", "check_proxy_settings", "proxy_for"]

SCHEMES = ("http", "https", "socks5", "socks5h")
"""The proxy schemes httpx speaks."""

_PASSWORD = re.compile(r"(://[^:/@]*:)[^@/]*@")


class ProxySettingError(ValueError):
    """Raised when a proxy variable in the environment cannot be used; the message is one line."""


@dataclass(frozen=True)
class ProxySetting:
    """One proxy variable as set in the environment."""

    variable: str
    """Its name as set, e.g. "ALL_PROXY" or "https_proxy"."""
    url: str
    """The proxy URL as httpx uses it (`http://` added when the value had no scheme)."""

    @property
    def shown(self) -> str:
        """The setting, safe to show: "ALL_PROXY=socks5://127.0.0.1:1080" (no password)."""
        return f"{self.variable}={_redact(self.url)}"


def _redact(text: str) -> str:
    """`text` with the password of any URL in it replaced by ***."""
    return _PASSWORD.sub(r"\1***@", text)


def _settings(environ: Mapping[str, str]) -> dict[str, ProxySetting]:
    """The proxy variables set, by kind ("http", "https", "all", "no"), lower-case names winning."""
    found: dict[str, ProxySetting] = {}
    for name, value in environ.items():
        kind = name.lower().removesuffix("_proxy")
        if not value or kind == name.lower() or kind not in ("http", "https", "all", "no"):
            continue
        if kind in found and found[kind].variable.islower() and not name.islower():
            continue
        url = value.strip() if kind == "no" or "://" in value else f"http://{value.strip()}"
        found[kind] = ProxySetting(name, url)
    return found


def check_proxy_settings(environ: Mapping[str, str] | None = None) -> None:
    """Check every proxy variable httpx would read; do nothing when all can be used.

    Raises:
        ProxySettingError: one line naming the variable, what is wrong, and the fix.
    """
    settings = _settings(os.environ if environ is None else environ)
    for kind in ("http", "https", "all"):
        setting = settings.get(kind)
        if setting is not None:
            _check(setting)


def _check(setting: ProxySetting) -> None:
    fix = f"fix it or unset {setting.variable}"
    try:
        url = httpx.URL(setting.url)
    except (httpx.InvalidURL, ValueError) as error:
        reason = _redact(str(error))[:80]
        raise ProxySettingError(
            f"proxy setting {setting.shown} is not a URL ({reason}); {fix}"
        ) from None
    if url.scheme not in SCHEMES:
        raise ProxySettingError(
            f"proxy setting {setting.shown}: this board reaches a proxy by http://, https:// or "
            f"socks5://, not {url.scheme}://; {fix}"
        )
    if not url.host:
        raise ProxySettingError(f"proxy setting {setting.shown} has no host; {fix}")
    if url.port is not None and not 0 < url.port < 65536:
        raise ProxySettingError(f"proxy setting {setting.shown}: no port {url.port}; {fix}")
    if url.scheme.startswith("socks") and importlib.util.find_spec("socksio") is None:
        raise ProxySettingError(
            f"proxy setting {setting.shown} needs SOCKS support: pip install 'httpx[socks]', "
            f"or unset {setting.variable}"
        )


def proxy_for(url: str, environ: Mapping[str, str] | None = None) -> ProxySetting | None:
    """The proxy setting a request to `url` goes through, or None (no proxy, or NO_PROXY).

    NO_PROXY is read as httpx reads it (after curl): `*` turns proxies off; a
    name matches itself and its subdomains (`.example.com`: subdomains only);
    an IP address or `localhost` matches exactly.
    """
    settings = _settings(os.environ if environ is None else environ)
    try:
        parts = urlsplit(url)
        scheme, host = parts.scheme.lower(), (parts.hostname or "").lower()
    except ValueError:
        return None
    setting = settings.get(scheme) or settings.get("all")
    if setting is None:
        return None
    no_proxy = settings.get("no")
    entries = [e.strip().lower() for e in no_proxy.url.split(",")] if no_proxy else []
    if any(_bypassed(host, entry) for entry in entries if entry):
        return None
    return setting


def _bypassed(host: str, entry: str) -> bool:
    if entry == "*":
        return True
    if "://" in entry:
        try:
            entry = urlsplit(entry).hostname or ""
        except ValueError:
            return False
    entry = entry.strip("[]")
    if entry == "localhost" or _is_ip(entry):
        return host == entry
    if entry.startswith("."):
        return host.endswith(entry)
    return host == entry or host.endswith(f".{entry}")


def _is_ip(text: str) -> bool:
    try:
        ipaddress.ip_address(text)
    except ValueError:
        return False
    return True
