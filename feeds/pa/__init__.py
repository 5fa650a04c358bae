"""Provides PA Media's election XML: its messages, the adapter that maps them, its transports.

PA publishes UK election results as XML files over FTP (election.
pressassociation.com, "XML format"): one file per message, named
`{Election}_{type}_{area}_{revision}.xml`, in `results/` and `nominations/`
folders with a `.timestamp` file rewritten whenever a file lands. The board
reads them with `--format pa` from a single file, a folder (a desk's mirror)
or `ftp://user@host/path/` (password from `RESULTS_BOARD_FTP_PASSWORD`).
No Textual here; docs/pa.md is the desk's guide.
"""

from __future__ import annotations

from feeds.pa.adapter import MAX_FILE_BYTES, PaAdapter, PaState
from feeds.pa.names import PaFileName, parse_name
from feeds.pa.parse import UnknownMessage, read_message
from feeds.pa.xml import PaXmlError, parse_xml

__all__ = [
    "MAX_FILE_BYTES",
    "PaAdapter",
    "PaFileName",
    "PaState",
    "PaXmlError",
    "UnknownMessage",
    "parse_name",
    "parse_xml",
    "read_message",
]
