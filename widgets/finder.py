"""Provides `Finder`: type a few letters, pick one of hundreds, keyboard only.

A query line over a list. With nothing typed the list is every item in its
sections' order (declared newest first, then still to declare), under a
heading per section; as you type it is the items the board's `find` ranks
best first (prefix and word-prefix matches first, accents and case ignored:
`board/finder.py`). The first match is highlighted, so Enter opens it.
Items are untrusted feed text: options are built as `Content`, never markup.

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
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from widgets._cells import one_line
from widgets.views import FinderItem

__all__ = ["FindFunction", "Finder", "FinderItem"]

FindFunction = Callable[[str, str], Sequence[FinderItem]]
"""The board's search: (query, scope) → the items found, best first."""

NAME_CELLS = 28
"""Cells given to the name before the detail (longer names are cut with "…")."""


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
        & > OptionList { height: auto; max-height: 1fr; border: none; padding: 0; }
    }
    """

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
        noun: str = "areas",
        placeholder: str = "Type a name",
        id: str | None = None,
    ) -> None:
        """A finder over what `find` finds (`total` items in all); `scopes` are what tab cycles
        through ("All" first)."""
        super().__init__(id=id)
        self.total = total
        """How many items there are in all."""
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

    def compose(self) -> ComposeResult:
        yield Input(placeholder=self._placeholder, id="finder-query")
        yield Static("", id="finder-count", markup=False)
        yield OptionList(id="finder-list")

    def on_mount(self) -> None:
        self.show(self.typed)

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self.show(event.value)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        options = self.query_one(OptionList)
        if options.highlighted is not None:
            chosen = options.get_option_at_index(options.highlighted).id
            if chosen is not None:
                self.post_message(self.Chosen(chosen))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id is not None:
            self.post_message(self.Chosen(event.option.id))

    def action_move(self, step: int) -> None:
        """Move the highlight by `step` options, skipping headings."""
        options = self.query_one(OptionList)
        if not options.option_count:
            return
        index = options.highlighted if options.highlighted is not None else -step
        index = max(0, min(options.option_count - 1, index + step))
        while options.get_option_at_index(index).disabled and 0 < index < options.option_count - 1:
            index += 1 if step > 0 else -1
        if not options.get_option_at_index(index).disabled:
            options.highlighted = index

    def next_scope(self) -> None:
        """Search the next scope (tab)."""
        self.scope = self._scopes[(self._scopes.index(self.scope) + 1) % len(self._scopes)]
        self.show(self.typed)

    def set_find(self, find: FindFunction, scopes: Sequence[str], total: int) -> None:
        """Search something new (the feed changed): the query and the scope stay where they can."""
        self._find = find
        self.total = total
        self._scopes = tuple(scopes) or ("All",)
        if self.scope not in self._scopes:
            self.scope = self._scopes[0]
        self.show(self.typed)

    def show(self, query: str) -> None:
        """List what `query` finds in the current scope; the first match highlighted."""
        self.typed = query
        found = list(self._find(query, self.scope))
        self.found = found
        options: list[Option | None] = []
        section = None
        for item in found:
            if not query and item.section and item.section != section:
                section = item.section
                count = sum(other.section == section for other in found)
                heading = Content.styled(f"{section} ({count})", "bold $text-muted")
                options.append(Option(heading, disabled=True))
            options.append(Option(self._prompt(item), id=item.key))
        listing = self.query_one(OptionList)
        with self.app.batch_update():
            listing.clear_options()
            listing.add_options(options)
            first = next(
                (n for n, o in enumerate(options) if o is not None and not o.disabled), None
            )
            listing.highlighted = first
            self.query_one("#finder-count", Static).update(Content(self._count_words()))

    def _count_words(self) -> str:
        """ "12 of 650 areas · Still to declare · ↑↓ enter · tab: scope"."""
        scope = "" if self.scope == "All" else f" · {self.scope}"
        hint = " · ↑↓ enter · tab: scope" if len(self._scopes) > 1 else " · ↑↓ enter"
        return f"{len(self.found)} of {self.total} {self._noun}{scope}{hint}"

    @staticmethod
    def _prompt(item: FinderItem) -> Content:
        """ "▶ Dudley           03:12 · LAB lose to NOC": the name, then the detail muted."""
        marker = Content.styled("▶ ", "bold $warning") if item.highlight else Content("  ")
        name = Content(one_line(item.name)).truncate(NAME_CELLS, ellipsis=True, pad=True)
        name = name.stylize("bold") if item.highlight else name
        detail_style = "bold" if item.highlight else "$text-muted"
        detail = Content.styled(one_line(item.detail), detail_style)
        return Content.assemble(marker, name, "  ", detail)
