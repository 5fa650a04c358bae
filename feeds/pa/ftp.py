"""Provides `PaFtpSource`: PA's FTP account polled as PA advises, with `ftplib` in a worker thread.

"Delivery is by FTP Pull from PA's servers … login details for live and test
accounts" (XML format page). The URL is `ftp://user@host[:port]/path/`; the
password comes from `RESULTS_BOARD_FTP_PASSWORD` and is never printed,
logged or put in a description (a password in the URL is refused, so it
never sits in shell history or a process list). One connection is kept
between polls; a poll where nothing changed reads each folder's `.timestamp`
(`TYPE`, `PASV`, `RETR nominations/.timestamp`, the same for `results/`).
Paths are relative to the URL's folder, whose `results/` and `nominations/`
folders are found on connecting.
Files are listed with `MLSD` (size and time in one request), or with `NLST`,
`SIZE` and `MDTM` where a server lacks it.

Failures are named `FeedError`s and the connection is dropped, to be made
again next poll: login refused, connection refused, host not found, a timeout,
a connection dropped mid-listing or mid-file, a folder that is not there.
"""

from __future__ import annotations

import ftplib
import os
import socket
from calendar import timegm
from collections.abc import Callable
from contextlib import suppress
from typing import Any, TypeVar
from urllib.parse import unquote, urlsplit

from feeds.errors import FeedError, FeedTimeout, FeedUnreachable
from feeds.pa.mirror import FOLDERS, TIMESTAMP, Listing, MirrorSource
from feeds.text import clean_text

__all__ = ["PASSWORD_ENV", "PaFtpSource"]

PASSWORD_ENV = "RESULTS_BOARD_FTP_PASSWORD"
"""The environment variable holding the FTP password (never printed)."""

T = TypeVar("T")


class _TooBig(Exception):
    pass


class _CountingFTP(ftplib.FTP):
    """`ftplib.FTP` counting the commands it sends (for the bench and tests)."""

    sent = 0

    def putcmd(self, line: str) -> None:
        type(self).sent += 1
        super().putcmd(line)


class _CountingFTPS(ftplib.FTP_TLS, _CountingFTP):
    pass


def commands_sent() -> int:
    """FTP commands sent by every `PaFtpSource` in this process so far."""
    return _CountingFTP.sent


class PaFtpSource(MirrorSource):
    """A PA FTP account's results folder (see the module docstring)."""

    def __init__(
        self, url: str, *, password: str | None = None, timeout: float = 10.0, **options: Any
    ) -> None:
        parts = urlsplit(url)
        if parts.scheme.lower() not in ("ftp", "ftps") or not parts.hostname:
            raise ValueError(f"not an FTP URL with a host: {url}")
        if parts.password:
            raise ValueError(f"put the FTP password in {PASSWORD_ENV}, not in the URL")
        super().__init__(**options)
        self.tls = parts.scheme.lower() == "ftps"
        self.host = parts.hostname
        self.port = parts.port or 21
        self.user = unquote(parts.username or "anonymous")
        self.path = unquote(parts.path) or "/"
        self.timeout = timeout
        """Seconds any one FTP operation may take."""
        self._password = password if password is not None else os.environ.get(PASSWORD_ENV, "")
        self._ftp: ftplib.FTP | None = None
        self._mlsd = True
        self._found: tuple[str, ...] = ("",)

    @property
    def description(self) -> str:
        """The URL without any password."""
        scheme = "ftps" if self.tls else "ftp"
        return f"{scheme}://{self.user}@{self.host}:{self.port}{self.path}"

    def _connection(self) -> ftplib.FTP:
        if self._ftp is not None:
            return self._ftp
        ftp: ftplib.FTP = _CountingFTPS() if self.tls else _CountingFTP()
        try:
            self._call("connecting", lambda: ftp.connect(self.host, self.port, self.timeout))
            self._log_in(ftp)
            if isinstance(ftp, ftplib.FTP_TLS):
                self._call("securing the data connection", ftp.prot_p)
            self._call(f"opening {self.path}", lambda: ftp.cwd(self.path))
            found = []
            for folder in FOLDERS:
                try:
                    ftp.cwd(folder)
                except ftplib.error_perm:
                    continue
                found.append(folder)
                self._call(f"opening {self.path}", lambda: ftp.cwd(self.path))
            self._found = tuple(found) or ("",)
        except BaseException:
            _close(ftp)
            raise
        self._ftp = ftp
        return ftp

    def _log_in(self, ftp: ftplib.FTP) -> None:
        """Log in; a refusal with no password says where the password was looked for.

        Raises:
            FeedUnreachable: "FTP login refused: RESULTS_BOARD_FTP_PASSWORD is not set" (the
                password is never shown), or as `_named` says.
        """
        try:
            self._call("logging in", lambda: ftp.login(self.user, self._password))
        except FeedUnreachable as error:
            if error.summary != "FTP login refused" or self._password:
                raise
            summary = f"FTP login refused: {PASSWORD_ENV} is not set"
            raise FeedUnreachable(summary, error.detail) from None

    def _call(self, doing: str, action: Callable[[], T]) -> T:
        """Run one FTP operation, turning every failure into a named `FeedError`."""
        try:
            return action()
        except (FeedError, _TooBig):
            raise
        except Exception as error:
            self._drop()
            raise _named(error, doing) from None

    def _drop(self) -> None:
        ftp, self._ftp = self._ftp, None
        if ftp is not None:
            _close(ftp)

    def _folders(self) -> tuple[str, ...]:
        self._connection()
        return self._found

    def _read_timestamp(self, folder: str) -> bytes | None:
        fresh = self._ftp is None
        try:
            return self._retr_timestamp(folder)
        except FeedUnreachable:
            if fresh:
                raise
            return self._retr_timestamp(folder)  # a kept connection closed while idle

    def _retr_timestamp(self, folder: str) -> bytes | None:
        ftp = self._connection()
        chunks: list[bytes] = []
        path = folder + TIMESTAMP
        try:
            self._call(f"reading {path}", lambda: ftp.retrbinary(f"RETR {path}", chunks.append))
        except FeedUnreachable as error:
            if error.detail.startswith("550"):
                return None
            raise
        return b"".join(chunks)[:256]

    def _list(self, folder: str, known: Listing | None) -> Listing:
        ftp = self._connection()
        where = folder.rstrip("/") or "."
        if self._mlsd:
            try:
                entries = self._call(
                    "listing", lambda: list(ftp.mlsd(where, facts=["type", "size", "modify"]))
                )
            except FeedUnreachable as error:
                if not error.detail.startswith(("500", "501", "502")):
                    raise
                self._mlsd = False
                ftp = self._connection()
            else:
                return {
                    name.rsplit("/", 1)[-1]: (int(facts.get("size", "0") or 0),
                                              _mdtm(facts.get("modify", "")))
                    for name, facts in entries
                    if facts.get("type", "file") == "file" and _wanted(name.rsplit("/", 1)[-1])
                }  # fmt: skip
        names = self._call("listing", lambda: ftp.nlst(where))
        wanted = [n.rsplit("/", 1)[-1] for n in names if _wanted(n.rsplit("/", 1)[-1])]
        return self._call(
            "dating files", lambda: {n: _size_and_time(ftp, folder + n) for n in wanted}
        )

    def _read(self, path: str) -> bytes | None:
        ftp = self._connection()
        chunks: list[bytes] = []
        size = 0

        def keep(chunk: bytes) -> None:
            nonlocal size
            chunks.append(chunk)
            size += len(chunk)
            if size > self.max_bytes:
                raise _TooBig

        try:
            self._call(f"reading {path}", lambda: ftp.retrbinary(f"RETR {path}", keep))
        except _TooBig:
            self._drop()  # the transfer was abandoned: start a clean connection next time
        except FeedUnreachable as error:
            if error.detail.startswith("550"):
                return None  # gone since the listing
            raise
        return b"".join(chunks)[: self.max_bytes + 1]

    async def aclose(self) -> None:
        """Say goodbye to the server."""
        self._drop()


def _size_and_time(ftp: ftplib.FTP, name: str) -> tuple[int, float]:
    size = ftp.size(name) or 0
    return size, _mdtm(ftp.voidcmd(f"MDTM {name}").split()[-1])


def _wanted(name: str) -> bool:
    return not name.startswith(".") and name.lower().endswith(".xml")


def _mdtm(value: str) -> float:
    """An FTP time (`YYYYMMDDHHMMSS[.sss]`, UTC) as epoch seconds; 0 when unreadable."""
    digits, _, fraction = value.partition(".")
    try:
        fields = [
            int(digits[i : i + n]) for i, n in ((0, 4), (4, 2), (6, 2), (8, 2), (10, 2), (12, 2))
        ]
        return timegm((*fields, 0, 0, 0)) + float(f"0.{fraction or 0}")
    except (ValueError, IndexError):
        return 0.0


def _close(ftp: ftplib.FTP) -> None:
    with suppress(OSError):
        ftp.close()


def _named(error: BaseException, doing: str) -> FeedError:
    """The `FeedError` a producer reads for `error`, raised while `doing` something."""
    detail = clean_text(f"{error}", 200)
    if isinstance(error, ftplib.error_perm) and detail.startswith("530"):
        return FeedUnreachable("FTP login refused", detail)
    if isinstance(error, socket.timeout | TimeoutError):
        return FeedTimeout("FTP timed out", f"while {doing}")
    if isinstance(error, ConnectionRefusedError):
        return FeedUnreachable("FTP connection refused", f"while {doing}")
    if isinstance(error, socket.gaierror):
        return FeedUnreachable("FTP host not found", detail)
    if isinstance(error, EOFError | ConnectionError | ftplib.error_temp):
        return FeedUnreachable("FTP connection dropped", f"while {doing}: {detail}".rstrip(": "))
    if isinstance(error, ftplib.error_perm) and detail.startswith("550"):
        return FeedUnreachable("FTP file or folder not found", detail)
    if isinstance(error, ftplib.Error):
        return FeedUnreachable("FTP error", detail)
    return FeedUnreachable("FTP failed", f"while {doing}: {type(error).__name__}: {detail}")
