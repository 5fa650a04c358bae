"""Provides the board's reusable widgets; they know nothing of HTTP, the feed format or the board.

Each widget takes its own small view types (`widgets.views`, which imports no
Textual); importing this package imports no Textual either, so the plain-text
commands can use the view types. The widgets themselves load on first use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from widgets.views import COUNCIL_COLUMNS, LEGISLATURE_COLUMNS, Column, PartyLine

if TYPE_CHECKING:
    from widgets.party_table import PartyTable

__all__ = ["COUNCIL_COLUMNS", "LEGISLATURE_COLUMNS", "Column", "PartyLine", "PartyTable"]


def __getattr__(name: str) -> Any:
    if name == "PartyTable":
        from widgets.party_table import PartyTable

        return PartyTable
    raise AttributeError(f"module 'widgets' has no attribute {name!r}")
