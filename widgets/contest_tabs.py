"""Provides `ContestTabs`: one tab per contest, kept in step with what the board says.

`update_tabs(lines, active)` adds, relabels and removes tabs so that exactly `lines`
show, changing only what differs, and marks `active`. The board's own
changes post nothing; a producer's click posts `ContestTabs.Chosen`, and the
board decides (and calls `update_tabs` again). Tabs hide while there is only one.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual.content import Content
from textual.message import Message
from textual.widgets import Tab, Tabs

from widgets.views import TabLine

__all__ = ["ContestTabs", "TabLine"]

_PREFIX = "contest-"


class ContestTabs(Tabs):
    """The contests as tabs: the board chooses; a click asks it to."""

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

    def update_tabs(self, lines: Sequence[TabLine], active: str | None) -> None:
        """Show exactly `lines`, in their order (relabelling in place, adding a contest that
        appears later at its own place, moving tabs the feed reordered), with the tab of key
        `active` marked."""
        wanted = {_PREFIX + line.key: line.label for line in lines}
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
        self.display = len(wanted) > 1
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
