"""Provides `Finder`: type a few letters, pick one of hundreds, keyboard only.

A query line over a list. With nothing typed the list is every item in its
sections' order (declared newest first, then still to declare), under a
heading per section; as you type it is the items the board's `find` ranks
best first (prefix and word-prefix matches first, accents and case ignored:
`board/finder.py`). The first match is highlighted, so Enter opens it; each
change of highlight posts `Highlighted`, so the board can show that item's
result beside the list as you type (no Enter needed to read it).
Items are untrusted feed text: rows are drawn from `Content`, never markup.

| key | what it does |
|---|---|
| (type) | narrow the list |
| ↑ ↓, page up / page down | move the highlight (the query keeps the keys) |
| tab | the next scope: all, then each section ("Still to declare", …) |
| enter | open the highlighted item |
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import Input, Static

from widgets._cells import one_line
from widgets._finder_list import FinderList, Row
from widgets.desk_views import FinderItem

__all__ = ["FindFunction", "Finder", "FinderItem"]

FindFunction = Callable[[str, str], Sequence[FinderItem]]
"""The board's search: (query, scope) → the items found, best first."""

NAME_CELLS = 26
"""The most cells given to the name before the detail (longer names are cut with "…")."""


class Finder(Vertical):
    """A query line, a count and the list of what it finds; posts `Chosen`."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down", "move(1)", "Next", show=False),
        Binding("up", "move(-1)", "Previous", show=False),
        Binding("pagedown", "move(10)", "Page down", show=False),
        Binding("pageup", "move(-10)", "Page up", show=False),
    ]

    DEFAULT_CSS = """
    Finder {
        height: auto;
        & > Input, & > Input:focus { border: none; height: 1; padding: 0 1; }
        & > #finder-count { color: $text-muted; padding: 0 1; height: 1; }
        & > FinderList { height: 1fr; }
    }
    """

    class Highlighted(Message):
        """The highlighted item changed (None: nothing matches)."""

        def __init__(self, key: str | None) -> None:
            super().__init__()
            self.key = key
            """The highlighted item's key, or None."""

    class Chosen(Message):
        """An item was chosen (Enter)."""

        def __init__(self, key: str) -> None:
            super().__init__()
            self.key = key
            """The chosen item's key."""

    def __init__(
        self,
        find: FindFunction,
        *,
        scopes: Sequence[str] = ("All",),
        total: int = 0,
        in_all: str = "",
        noun: str = "areas",
        placeholder: str = "Type a name",
        id: str | None = None,
    ) -> None:
        """A finder over what `find` finds (`total` items listed); `scopes` are what tab cycles
        through ("All" first); `in_all`: how many there are where more than are listed ("124
        councils")."""
        super().__init__(id=id)
        self.total = total
        """How many items are listed."""
        self.in_all = in_all
        """How many there are in all when the feed lists fewer ("124 councils"; "": all)."""
        self._find = find
        self._scopes = tuple(scopes) or ("All",)
        self._noun = noun
        self._placeholder = placeholder
        self.scope = self._scopes[0]
        """The scope searched ("All", or one section)."""
        self.typed = ""
        """The query the list shows the matches of."""
        self.found: list[FinderItem] = []
        """What the list shows, in order."""
        self.highlighted: str | None = None
        """The highlighted item's key (None: nothing matches)."""

    def compose(self) -> ComposeResult:
        yield Input(placeholder=self._placeholder, id="finder-query")
        yield Static("", id="finder-count", markup=False)
        yield FinderList(self._prompt, id="finder-list")

    def on_mount(self) -> None:
        self.show(self.typed)

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self.show(event.value)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        chosen = self.query_one(FinderList).highlighted_key
        if chosen is not None:
            self.post_message(self.Chosen(chosen))

    def _highlight(self, key: str | None) -> None:
        if key != self.highlighted:
            self.highlighted = key
            self.post_message(self.Highlighted(key))

    def action_move(self, step: int) -> None:
        """Move the highlight by `step` items, skipping headings."""
        listing = self.query_one(FinderList)
        listing.move(step)
        self._highlight(listing.highlighted_key)

    def next_scope(self) -> None:
        """Search the next scope (tab)."""
        self.scope = self._scopes[(self._scopes.index(self.scope) + 1) % len(self._scopes)]
        self.show(self.typed)

    def set_find(
        self, find: FindFunction, scopes: Sequence[str], total: int, in_all: str = ""
    ) -> None:
        """Search something new (the feed changed): the query and the scope stay where they can."""
        self._find = find
        self.total = total
        self.in_all = in_all
        self._scopes = tuple(scopes) or ("All",)
        if self.scope not in self._scopes:
            self.scope = self._scopes[0]
        self.show(self.typed, keep=True)

    def show(self, query: str, *, keep: bool = False) -> None:
        """List what `query` finds in the current scope; the first match highlighted (with
        `keep`, the item highlighted before, if it is still listed)."""
        self.typed = query
        found = list(self._find(query, self.scope))
        self.found = found
        rows: list[Row] = []
        section = None
        for item in found:
            if not query and item.section and item.section != section:
                section = item.section
                size = sum(other.section == section for other in found)
                heading = Content.styled(f"{section} ({size})", "bold $text-muted")
                rows.append(Row(heading=heading))
            rows.append(Row(item))
        picked = next((n for n, row in enumerate(rows) if row.key is not None), None)
        if keep and self.highlighted is not None:
            picked = next((n for n, row in enumerate(rows) if row.key == self.highlighted), picked)
        listing = self.query_one(FinderList)
        listing.set_rows(rows, picked)
        self._highlight(listing.highlighted_key)
        counter = self.query_one("#finder-count", Static)
        counter.update(Content(self._count_words()), layout=False)  # one line, always

    def _count_words(self) -> str:
        """ "12 of 650 areas · Still to declare · ↑↓ enter · tab: scope"; where the feed lists
        fewer than there are, "103 of 103 areas listed · 124 councils in all · …"."""
        scope = "" if self.scope == "All" else f" · {self.scope}"
        hint = " · ↑↓ enter · tab: scope" if len(self._scopes) > 1 else " · ↑↓ enter"
        listed = f" listed · {self.in_all} in all" if self.in_all else ""
        return f"{len(self.found)} of {self.total} {self._noun}{listed}{scope}{hint}"

    @staticmethod
    def _prompt(item: FinderItem, width: int) -> Content:
        """ "▶ Dudley           03:12 · LAB lose to NOC": the name, then the detail muted; one
        line of `width` cells at most."""
        marker = Content.styled("▶ ", "bold $warning") if item.highlight else Content("  ")
        cells = min(NAME_CELLS, max(12, width // 2 - 2))
        name = Content(one_line(item.name)).truncate(cells, ellipsis=True, pad=True)
        name = name.stylize("bold") if item.highlight else name
        detail_style = "bold" if item.highlight else "$text-muted"
        detail = Content.styled(one_line(item.detail), detail_style)
        return Content.assemble(marker, name, "  ", detail).truncate(width, ellipsis=True)
