"""Provides the bundled sample night: a recording of the election night of 5–6 May 2016.

The recording is package data, found through `importlib.resources`, so it is
there after a plain (non-editable) `pip install .` whatever the working
directory. `sample_feeds.build_2016` regenerates it; README.md beside it says
what is sourced and what is synthetic.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

__all__ = ["NIGHT_2016", "default_recording"]

NIGHT_2016: Path = Path(str(files("sample_feeds") / "election-2016.jsonl"))
"""The 2016 night: one `results-board/1` document per line, 22:00 on 5 May to 00:21 on 7 May."""


def default_recording() -> Path:
    """The recording `serve-feed` and `demo` play when given none: the 2016 night."""
    return NIGHT_2016
