"""Provides the ticker's items and the order they are shown in (`Playlist`), apart from drawing.

Order: new items are shown next, ahead of repeats; every item is shown once
before any repeats; repeats go least recently shown first; `max_items` are
kept (the oldest dropped) and a key seen before is ignored.
"""

from __future__ import annotations

from collections import OrderedDict, deque
from collections.abc import Sequence
from dataclasses import dataclass

from textual.content import Content

__all__ = ["KEY_MEMORY", "Playlist", "TickerItem"]

KEY_MEMORY = 10_000
"""How many keys are remembered as seen (the least recently offered are forgotten)."""


@dataclass(frozen=True)
class TickerItem:
    """One quote or news line, identified by the feed update it came from."""

    key: str
    """The feed update's id: an item whose key was seen before is ignored."""
    content: Content
    """What to show: always built from untrusted text as `Content`, never as markup."""

    @classmethod
    def quote(
        cls,
        key: str,
        text: str,
        speaker: str,
        role: str | None = None,
        outlet: str | None = None,
    ) -> TickerItem:
        """A quote: “text” — Speaker, role (outlet), with the speaker in bold."""
        parts: list[str | tuple[str, str]] = ["“", text, "” — ", (speaker, "bold")]
        if role:
            parts.append(f", {role}")
        if outlet:
            parts.append(f" ({outlet})")
        return cls(key, Content.assemble(*parts))

    @classmethod
    def news(cls, key: str, text: str) -> TickerItem:
        """A plain news line."""
        return cls(key, Content(text))


class Playlist:
    """The order items are shown in; knows nothing of widths or time."""

    def __init__(self, max_items: int) -> None:
        self._max_items = max_items
        self._items: OrderedDict[str, TickerItem] = OrderedDict()  # oldest arrival first
        self._unseen: deque[str] = deque()  # next to show first
        self._shown: deque[str] = deque()  # least recently shown first
        self._keys: OrderedDict[str, None] = OrderedDict()  # every key offered lately

    def __len__(self) -> int:
        return len(self._items)

    def add(self, items: Sequence[TickerItem]) -> int:
        """Queue new items (newest first) ahead of everything; return how many were new."""
        added = 0
        for item in reversed(items):  # as if the oldest were added first, one by one
            if item.key in self._keys:
                self._keys.move_to_end(item.key)
                continue
            self._keys[item.key] = None
            self._items[item.key] = item
            self._unseen.appendleft(item.key)
            added += 1
        while len(self._keys) > KEY_MEMORY:
            self._keys.popitem(last=False)
        while len(self._items) > self._max_items:
            oldest, _ = self._items.popitem(last=False)
            for queue in (self._unseen, self._shown):
                if oldest in queue:
                    queue.remove(oldest)
        return added

    def next(self) -> TickerItem:
        """The item to show next; it becomes the most recently shown."""
        key = self._unseen.popleft() if self._unseen else self._shown.popleft()
        self._shown.append(key)
        return self._items[key]
