"""Provides `FtpServer`: a real FTP server (pyftpdlib) on 127.0.0.1, serving a folder as PA does.

A desk's PA account is `desk` with the password in `PASSWORD`; `drop_listing`
makes the server hang up on every listing (a connection dropped mid-listing).
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path
from typing import Any

from pyftpdlib.authorizers import DummyAuthorizer
from pyftpdlib.handlers import FTPHandler
from pyftpdlib.servers import FTPServer

USER = "desk"
PASSWORD = "invented-secret-7"

logging.getLogger("pyftpdlib").setLevel(logging.WARNING)


class FtpServer:
    """A threaded pyftpdlib server on an ephemeral port; `with FtpServer(root) as server:`."""

    def __init__(self, root: Path) -> None:
        self.drop_listing = False
        authorizer = DummyAuthorizer()
        authorizer.add_user(USER, PASSWORD, str(root), perm="elr")
        outer = self

        class Handler(FTPHandler):
            def ftp_MLSD(self, path: str) -> Any:
                if outer.drop_listing:
                    self.close()
                    return None
                return super().ftp_MLSD(path)

        Handler.authorizer = authorizer
        Handler.banner = "invented PA test server"
        Handler.auth_failed_timeout = 0.1  # pyftpdlib answers a refused login after 3 s
        self.server = FTPServer(("127.0.0.1", 0), Handler)
        self.port = self.server.socket.getsockname()[1]
        self.thread = threading.Thread(target=self.server.serve_forever, kwargs={"timeout": 0.05},
                                       daemon=True)  # fmt: skip

    def url(self, path: str = "/", user: str = USER) -> str:
        return f"ftp://{user}@127.0.0.1:{self.port}{path}"

    def __enter__(self) -> FtpServer:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.close_all()
        self.thread.join(timeout=5)
