"""Provides `python -m board`, the same as the `results-board` command."""

from __future__ import annotations

import sys

from board.cli import main

__all__: list[str] = []

if __name__ == "__main__":
    sys.exit(main())
