"""Provides `open_pa`, the opener of `--format pa`: a SOURCE → the transport that reads it.

- `ftp://user@host[:port]/path/` (or `ftps://`): PA's FTP account
  (`PaFtpSource`; password from `RESULTS_BOARD_FTP_PASSWORD`);
- a folder: a desk's mirror of the account, `results/` inside it or flat
  (`PaFolderSource`);
- an `http(s)://` URL or a file: one PA XML file, re-read when it changes.

Every one is an ordinary `FeedSource` with a `PaAdapter`, so `watch`,
`check`, `snapshot`, `record` and `relay` work on PA unchanged. Test data:
`test=True` (PA's TEST account, `--test`), or a folder or FTP path with a
`test` component (`/test/results/`, as desks lay out the TEST account).
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import unquote, urlsplit

from feeds.pa.adapter import PaAdapter
from feeds.source import FeedSource

__all__ = ["open_pa"]


def _test_path(parts: tuple[str, ...]) -> bool:
    return any(part.lower() in ("test", "test_results") for part in parts)


def open_pa(
    spec: str,
    *,
    test: bool = False,
    deadline: float = 10.0,
    token: str | None = None,
    client: Any = None,
    client_id: str | None = None,
    start_jitter: float = 0.0,
    **ignored: Any,
) -> FeedSource:
    """The PA source `spec` names (see the module docstring).

    Raises:
        ValueError: a URL of another scheme, or with a password in it.
        FileNotFoundError: a path that does not exist.
    """
    scheme = spec.split("://", 1)[0].lower() if "://" in spec else ""
    if scheme in ("ftp", "ftps"):
        from feeds.pa.ftp import PaFtpSource

        remote = PurePosixPath(unquote(urlsplit(spec).path or "/"))
        adapter = PaAdapter(test=test or _test_path(remote.parts))
        return PaFtpSource(spec, timeout=min(deadline, 30.0), adapter=adapter)
    if scheme in ("http", "https"):
        from feeds.sources.http import HttpSource

        return HttpSource(spec, token=token, client=client, deadline=deadline,
                          adapter=PaAdapter(test=test), client_id=client_id,
                          start_jitter=start_jitter)  # fmt: skip
    if scheme:
        raise ValueError(f"PA XML comes from ftp://, a folder or a file, not {scheme}://")
    path = Path(spec).expanduser()
    if not path.exists():
        raise FileNotFoundError(f"no such file or folder: {spec}")
    adapter = PaAdapter(test=test or _test_path(path.resolve().parts))
    if path.is_dir():
        from feeds.pa.folder import PaFolderSource

        return PaFolderSource(path, adapter=adapter)
    from feeds.sources.file import FileSource

    return FileSource(path, adapter=adapter)
