"""Provides the producer's desk screens: the finder (`/`), an area's result, the key moments (`m`).

Each is a modal screen over the board that follows the feed while it is open
(`follow(state)`, called by `board/desk_display.py` after every change, once composed),
so an area that declares while its page is open shows its result at once.
What they show is worked out in `board/area_view.py` and `board/moments.py`;
they only lay it out. Keys, shown on each screen:

| screen | keys |
|---|---|
| finder | type (the best match's result shows beside the list) · ↑ ↓ · tab · enter · escape |
| area | `/` find another · escape: close |
| key moments | `a` acknowledge the alert on the banner, `A` all · escape or `m`: close |
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Container, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.timer import Timer
from textual.widgets import Static

from board.area_view import area_view
from board.findable import Findable
from board.finder import FinderIndex
from board.moments import moment_lines, moments
from board.state import BoardState
from feeds.contests import Contest
from widgets.area_result import AreaResult
from widgets.finder import Finder
from widgets.moments import MomentList

if TYPE_CHECKING:
    from board.desk_actions import DeskActions

__all__ = ["AreaScreen", "DeskScreen", "FinderScreen", "MomentsScreen", "contest_of"]


PREVIEW_DELAY = 0.12
"""Seconds without a keystroke before the highlighted area's result is drawn beside the list."""


def contest_of(state: BoardState, contest_id: str) -> Contest | None:
    """The contest with this id in the snapshot on screen."""
    return None if state.shown is None else state.shown.feed.contest(contest_id)


class DeskScreen(ModalScreen[None]):
    """A desk screen: it follows the board's state while open."""

    DEFAULT_CSS = """
    DeskScreen {
        align: center top;
        & > .desk-box {
            width: 100;
            max-width: 100%;
            height: auto;
            max-height: 100%;
            margin-top: 1;
            padding: 0 1;
            border: round $accent;
            background: $surface;
        }
        & .desk-title { text-style: bold; height: auto; }
        & .desk-hint { color: $text-muted; height: auto; }
        & > #finder-box { width: 90%; max-width: 150; height: 1fr; margin-bottom: 1; }
        & #finder-body { layout: horizontal; height: 1fr; }
        & #finder { width: 60; height: 1fr; }
        & #finder-list { height: 1fr; max-height: 100%; }
        & #finder-preview { width: 1fr; height: 1fr; padding-left: 2; }
    }
    DeskScreen.-narrow {
        & > #finder-box { width: 100%; }
        & #finder-body { layout: vertical; }
        & #finder { width: 1fr; height: 1fr; }
        & #finder-preview {
            height: 1fr; padding-left: 0; border-top: solid $foreground 20%;
        }
    }
    """

    _composed = False

    def on_mount(self) -> None:
        """Composed (Textual sends Mount after compose; each screen's own `on_mount` runs
        first and shows the state as it is): from now `follow` may refresh it."""
        self._composed = True

    def on_unmount(self) -> None:
        self._composed = False

    def follow(self, state: BoardState) -> None:
        """Show `state` if the screen is composed; before that (a screen pushed but not yet
        composed, or one whose start failed yet counts as mounted) and after it closed,
        nothing — its own `on_mount` shows the state it finds. The board calls this, never
        `refresh_from` directly (`board/desk_display.py`)."""
        if self._composed and self.is_attached:
            self.refresh_from(state)

    def refresh_from(self, state: BoardState) -> None:
        """Show what `state` says now (the default: nothing changes); only on a composed
        screen (`follow`)."""

    @property
    def board(self) -> DeskActions:
        """The board app, with its desk actions."""
        from board.desk_actions import DeskActions

        app = self.app
        assert isinstance(app, DeskActions)
        return app


class FinderScreen(DeskScreen):
    """Find an item of the tab on screen by typing — an area, or a race on a night of races
    (`board/findable.py`): the highlighted one shows beside the list as you type (below it on
    a narrow terminal); Enter opens it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss", "Close"),
        Binding("tab", "scope", "Scope", priority=True),
    ]

    def __init__(self, found: Findable, state: BoardState) -> None:
        super().__init__()
        self.found = found
        """What is searched (the tab's areas, or the night's races), and what choosing opens."""
        self._index = FinderIndex(found.items(state) or [])
        self._pending: Timer | None = None

    def compose(self) -> ComposeResult:
        with Vertical(classes="desk-box", id="finder-box"):
            title = Content.assemble((f"{self.found.what} · ", "bold"), self.found.title)
            yield Static(title, classes="desk-title")
            index = self._index
            with Container(id="finder-body"):
                yield Finder(
                    index.find,
                    scopes=index.scopes(),
                    total=len(index),
                    in_all=self.found.in_all(self.board.state),
                    noun=self.found.noun,
                    placeholder="Type a few letters of a name",
                    id="finder",
                )
                with VerticalScroll(id="finder-preview"):
                    yield AreaResult(id="preview")

    def on_mount(self) -> None:
        self.query_one("#finder-query").focus()

    def action_scope(self) -> None:
        """Cycle the scope: all, declared, still to declare."""
        self.query_one(Finder).next_scope()

    def on_finder_chosen(self, event: Finder.Chosen) -> None:
        self.board.open_found(self.found, event.key, replace=self)

    def on_finder_highlighted(self, event: Finder.Highlighted) -> None:
        # The preview follows once typing pauses: each keystroke redraws the list at once, and
        # the result beside it (a relayout) only for the area the producer stopped on.
        if self._pending is not None:
            self._pending.stop()
        self._pending = self.set_timer(PREVIEW_DELAY, self._preview_now)

    def _preview_now(self) -> None:
        self._pending = None
        self._preview(self.board.state, self.query_one(Finder).highlighted)

    def _preview(self, state: BoardState, key: str | None) -> None:
        """Show the highlighted area's result beside the list."""
        view = None if key is None else self.found.preview(state, key)
        self.query_one("#preview", AreaResult).view = view

    def refresh_from(self, state: BoardState) -> None:
        items = self.found.items(state)
        if items is None:  # the tab left the feed: the list stays as it was
            return
        finder = self.query_one(Finder)
        if tuple(items) != self._index.items:
            self._index = FinderIndex(items)
            in_all = self.found.in_all(state)
            finder.set_find(self._index.find, self._index.scopes(), len(self._index), in_all)
        self._preview(state, finder.highlighted)


class AreaScreen(DeskScreen):
    """One area's result; it updates if the area declares (or is corrected) while open."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss", "Close"),
        Binding("slash", "find", "Find another", key_display="/"),
    ]

    def __init__(self, contest_id: str, area: str) -> None:
        super().__init__()
        self.contest_id = contest_id
        """The contest the area belongs to."""
        self.area = area
        """The area shown."""

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="desk-box"):
            yield AreaResult(id="area-result")
            yield Static("/ find another · escape: close", classes="desk-hint")

    def on_mount(self) -> None:
        self.refresh_from(self.board.state)

    def action_find(self) -> None:
        """Find another area of the same contest."""
        self.dismiss()
        self.board.action_find()

    def refresh_from(self, state: BoardState) -> None:
        contest = contest_of(state, self.contest_id)
        view = None if contest is None else area_view(contest, self.area)
        if view is not None:
            self.query_one(AreaResult).view = view


class MomentsScreen(DeskScreen):
    """The night's key moments, newest first; unacknowledged changes marked, `a` acknowledges."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,m", "dismiss", "Close"),
        Binding("a", "app.acknowledge", "Acknowledge"),
        Binding("A", "app.acknowledge_all", "Acknowledge all"),
    ]

    def compose(self) -> ComposeResult:
        with Vertical(classes="desk-box"):
            yield Static("", id="moments-title", classes="desk-title", markup=False)
            with VerticalScroll(id="moments-scroll"):
                yield MomentList(id="moments")
            hint = "● not yet acknowledged · a acknowledge · A all · escape: close"
            yield Static(hint, classes="desk-hint")

    def on_mount(self) -> None:
        self.refresh_from(self.board.state)

    def refresh_from(self, state: BoardState) -> None:
        shown = state.shown
        found = [] if shown is None else moments(shown.feed, dict(state.desk.seen))
        waiting = state.desk.unacknowledged
        keys = {alert.key for alert in waiting}
        self.query_one(MomentList).show(moment_lines(found, keys))
        count = f" · {len(waiting)} unacknowledged" if waiting else ""
        self.query_one("#moments-title", Static).update(
            Content(f"Key moments · newest first{count}")
        )
