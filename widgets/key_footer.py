"""Provides `KeyFooter`: Textual's key footer, which never cuts a key — the least needed give way.

Textual's `Footer` lays its keys out in a row and cuts the row where the
terminal ends ("… / Fin▏", "c Scr"), so on a narrow terminal the last keys —
help among them — are half shown or gone. `KeyFooter` takes a rank for each
action (`ranks`: lower is kept longer) and, whenever its keys or its width
change, shows every key whole: all of them in Textual's roomy style if they
fit; else the compact style, leaving out the keys of highest rank until the
rest fit. Keys keep their order; unranked actions give way first.
"""

from __future__ import annotations

from collections.abc import Mapping

from rich.cells import cell_len
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

__all__ = ["KeyFooter", "fit_keys"]

UNRANKED = 1_000
"""The rank of an action the footer was given no rank for: it gives way first."""

PALETTE_EXTRA = 2
"""Cells the command palette's key takes beyond its words (its rule and its padding)."""


def key_width(key_display: str, description: str, *, compact: bool) -> int:
    """Cells a footer key takes, as Textual's `FooterKey` draws it: " q Quit " roomy, "q Quit"
    and a gap compact."""
    words = cell_len(key_display) + (cell_len(description) + 1 if description else 0)
    return words + 1 if compact else words + 2


def fit_keys(widths: list[tuple[int, int]], width: int) -> set[int]:
    """The indexes of the keys shown in `width` cells, given each key's (width, rank): the
    lowest ranks, in rank order (ties: the earlier key), while they fit."""
    shown: set[int] = set()
    used = 0
    for index, (cells, _) in sorted(enumerate(widths), key=lambda item: (item[1][1], item[0])):
        if used + cells <= width:
            shown.add(index)
            used += cells
    return shown


class KeyFooter(Footer):
    """A footer whose keys are all whole: by `ranks`, the least needed keys give way."""

    def __init__(self, ranks: Mapping[str, int], *, id: str | None = None) -> None:
        """`ranks`: each action's rank ("help": 0 is kept longest; the command palette's
        action is "command_palette")."""
        super().__init__(id=id)
        self._ranks = dict(ranks)

    async def recompose(self) -> None:
        await super().recompose()
        self._fit()

    def on_resize(self) -> None:
        self._fit()

    @property
    def shown_keys(self) -> list[str]:
        """The keys shown, as they read ("q Quit"), in order (the palette's last)."""
        keys = [key for key in self.query(FooterKey) if key.display]
        keys.sort(key=lambda key: key.has_class("-command-palette"))
        return [f"{key.key_display} {key.description}".strip() for key in keys]

    def _fit(self) -> None:
        """Show every key whole: roomy if all fit, else compact without the least needed."""
        keys = list(self.query(FooterKey))
        width = self.size.width or self.app.size.width
        if not keys or not width:
            return
        compact = False
        ranks = [self._ranks.get(key.action.removeprefix("app."), UNRANKED) for key in keys]
        for compact in (False, True):
            widths = [
                (
                    key_width(key.key_display, key.description, compact=compact)
                    + (PALETTE_EXTRA if key.has_class("-command-palette") else 0),
                    rank,
                )
                for key, rank in zip(keys, ranks, strict=True)
            ]
            shown = fit_keys(widths, width)
            if len(shown) == len(keys):
                break
        with self.app.batch_update():
            self.compact = compact
            for index, key in enumerate(keys):
                if key.display != (index in shown):
                    key.display = index in shown
