"""Provides `ContestTabs`: one tab per contest, kept in step with what the board says.

`update_tabs(lines, active)` adds, relabels and removes tabs so that exactly `lines`
show, changing only what differs, and marks `active`. The board's own
changes post nothing; a producer's click posts `ContestTabs.Chosen`, and the
board decides (and calls `update_tabs` again). Tabs hide while there is only one.

The row never hides a tab behind its edge: at every width the labels are
fitted (`fit_labels`): whole if they fit; else the active tab's title whole and
the others' cut to a common length ("1 Engl… 2 Scot… 3  Welsh Assembly"), down
to their numbers alone, then the active one's title too; on a row too narrow
even for that, the tabs around the active one, with "‹" and "›" saying more
lie either side. A tab's number and
its "●" are never cut.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.cells import cell_len
from textual.content import Content
from textual.message import Message
from textual.widgets import Tab, Tabs

from widgets.views import TabLine

__all__ = ["ContestTabs", "TabLine"]

_PREFIX = "contest-"

TAB_PADDING = 2
"""Cells a tab adds around its label (Textual's `Tab` is padded 0 1)."""

MIN_TITLE = 4
"""The shortest cut title shown ("Eng…"); shorter, a tab shows its number alone."""


def _short(line: TabLine, room: int | None) -> str:
    """`line`'s label with its title cut to `room` cells (None: whole; 0: the number alone)."""
    if room is None:
        return line.label
    title = line.title
    if room <= 0:
        words = line.number
    else:
        if cell_len(title) > room:
            title = Content(title).truncate(room, ellipsis=True).plain
        words = f"{line.number} {title}"
    return f"{words} {line.mark}" if line.mark else words


def _width(labels: Sequence[str]) -> int:
    return sum(cell_len(label) + TAB_PADDING for label in labels)


def fit_labels(lines: Sequence[TabLine], active: int, width: int) -> list[tuple[int, str]]:
    """The tabs shown in `width` cells, as (index into `lines`, label), the active one at
    `active`: see the module's docstring for the order in which they give way."""
    if not lines:
        return []
    whole = [line.label for line in lines]
    if _width(whole) <= width:
        return list(enumerate(whole))
    active = min(max(active, 0), len(lines) - 1)
    longest = max(cell_len(line.title) for line in lines)
    own_title = cell_len(lines[active].title)
    # A title cut shorter than `MIN_TITLE` says nothing: the number alone says as much.
    shorter: list[tuple[int, int | None]] = [
        *((room, None) for room in range(longest, MIN_TITLE - 1, -1)),
        *((0, room) for room in [None, *range(own_title - 1, MIN_TITLE - 1, -1), 0]),
    ]
    for others, own in shorter:
        labels = [_short(line, own if i == active else others) for i, line in enumerate(lines)]
        if _width(labels) <= width:
            return list(enumerate(labels))
    return _window(lines, active, width)


def _window(lines: Sequence[TabLine], active: int, width: int) -> list[tuple[int, str]]:
    """The numbers of the tabs around the active one that fit, "‹" / "›" where more lie."""
    low = high = active

    def labels(low: int, high: int) -> list[tuple[int, str]]:
        found = [(i, _short(lines[i], 0)) for i in range(low, high + 1)]
        if low > 0:
            found[0] = (low, "‹ " + found[0][1])
        if high < len(lines) - 1:
            found[-1] = (high, found[-1][1] + " ›")
        return found

    while True:
        grown = False
        for low_next, high_next in ((low, high + 1), (low - 1, high)):
            inside = low_next >= 0 and high_next < len(lines)
            if inside and _width([label for _, label in labels(low_next, high_next)]) <= width:
                low, high, grown = low_next, high_next, True
        if not grown:
            return labels(low, high)


class ContestTabs(Tabs):
    """The contests as tabs: the board chooses; a click asks it to."""

    DEFAULT_CSS = """
    ContestTabs.-single { display: none; }
    """

    class Chosen(Message):
        """Posted when the producer clicks a tab (not when the board changes the tabs)."""

        def __init__(self, key: str) -> None:
            super().__init__()
            self.key = key
            """The chosen tab's key (the contest's id)."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._target: str | None = None  # the tab id the board wants active
        self._auto: str | None = None  # the first tab, which Tabs activates by itself
        self._lines: tuple[TabLine, ...] = ()
        self._active: str | None = None
        self._fitted: tuple[tuple[TabLine, ...], str | None, int] | None = None

    def update_tabs(self, lines: Sequence[TabLine], active: str | None) -> None:
        """Show `lines`, in their order (relabelling in place, adding a contest that
        appears later at its own place, moving tabs the feed reordered), with the tab of key
        `active` marked, each label fitted to the row's width (`fit_labels`)."""
        self._lines, self._active = tuple(lines), active
        self._show()

    def on_resize(self) -> None:
        self._show()

    def _show(self) -> None:
        lines, active = self._lines, self._active
        width = self.size.width or self.app.size.width
        if self._fitted == (lines, active, width):  # once a second the board says it again
            self._mark({tab.id: tab for tab in self.query(Tab)})
            return
        self._fitted = (lines, active, width)
        where = next((i for i, line in enumerate(lines) if line.key == active), 0)
        wanted = {
            _PREFIX + lines[index].key: label for index, label in fit_labels(lines, where, width)
        }
        for tab in list(self.query(Tab)):
            if tab.id not in wanted:
                self.remove_tab(tab)  # removed lazily: `query` may still list it below
        have: dict[str | None, Tab] = {t.id: t for t in self.query(Tab) if t.id in wanted}
        self._keep_order([tab_id for tab_id in wanted if tab_id in have], have)
        empty = self.tab_count == 0
        order = list(wanted)
        for index, (tab_id, label) in enumerate(wanted.items()):
            if tab_id not in have:
                if empty:
                    self._auto, empty = tab_id, False
                # Before the next tab already shown, so a tab number always sits in its place.
                anchor = next((have[t] for t in order[index + 1 :] if t in have), None)
                self.add_tab(Tab(Content(label), id=tab_id), before=anchor)
            elif have[tab_id].label.plain != label:
                have[tab_id].label = Content(label)
        self.set_class(len(lines) <= 1, "-single")
        self._target = None if active is None else _PREFIX + active
        self._mark(have)

    def _keep_order(self, ids: list[str], have: dict[str | None, Tab]) -> None:
        """Move the shown tabs into the order of `ids` (the feed reordered its contests)."""
        shown = [tab.id for tab in self.query(Tab) if tab.id in have]
        if shown == ids:
            return
        tabs_list = self.query_one("#tabs-list")
        previous: Tab | None = None
        for tab_id in ids:
            tab = have[tab_id]
            if previous is None:
                tabs_list.move_child(tab, before=0)
            else:
                tabs_list.move_child(tab, after=previous)
            previous = tab

    def _mark(self, have: dict[str | None, Tab]) -> None:
        target = self._target
        if target is not None and self.active != target and target in have:
            with self.prevent(Tabs.TabActivated):  # our own change: no echo to act on later
                self.active = target

    def on_tabs_tab_activated(self, event: Tabs.TabActivated) -> None:
        """Turn a producer's click into `Chosen`; ignore Tabs activating its first tab itself."""
        if event.tabs is not self:
            return
        event.stop()
        tab_id = None if event.tab is None else event.tab.id
        if tab_id is None:
            return
        if tab_id == self._auto:
            # Tabs activates its first tab by itself once mounted; the board's choice stands.
            self._auto = None
            self._mark({tab.id: tab for tab in self.query(Tab)})
            return
        if tab_id != self.active:
            return  # overtaken by a later change
        if tab_id != self._target:
            self.post_message(self.Chosen(tab_id.removeprefix(_PREFIX)))
