"""Provides the board's reusable widgets; they know nothing of HTTP or the feed format."""

from __future__ import annotations

from widgets.party_table import (
    COUNCIL_COLUMNS,
    LEGISLATURE_COLUMNS,
    Column,
    PartyLine,
    PartyTable,
    SortKey,
)

__all__ = [
    "COUNCIL_COLUMNS",
    "LEGISLATURE_COLUMNS",
    "Column",
    "PartyLine",
    "PartyTable",
    "SortKey",
]
