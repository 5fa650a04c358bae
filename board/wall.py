"""Provides `WallSwitch`: whether the board shows the wall, and the rule that decides it.

Wall mode shows the leading figures in big digits across the whole screen,
for a screen read from across a gallery. It is on when:

- the producer said so: `--wall` on the command line, or `w` (which turns it
  off again), whatever the size; `--no-wall` or `w` off keeps it off;
- otherwise, automatically, on a terminal of at least `WALL_SIZE` (160×50),
  where the normal board would leave half the screen empty; it goes off
  again when the terminal shrinks below that.

A producer's choice (the option or the key) stands until the next `w`. The
rule is pure (`tests/test_wall.py`); the app feeds it the terminal's size.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

__all__ = ["WALL_SIZE", "WallSwitch"]

WALL_SIZE = (160, 50)
"""From this size (columns, rows) the board switches to the wall by itself."""


@dataclass(frozen=True)
class WallSwitch:
    """The producer's choice about the wall, and the terminal's size."""

    choice: bool | None = None
    """True: `--wall` or `w` on; False: `--no-wall` or `w` off; None: by the size."""
    size: tuple[int, int] = (0, 0)
    """The terminal's size (columns, rows); (0, 0) before the first layout."""

    @property
    def on(self) -> bool:
        """Whether the wall is shown."""
        if self.choice is not None:
            return self.choice
        width, height = self.size
        return width >= WALL_SIZE[0] and height >= WALL_SIZE[1]

    @property
    def automatic(self) -> bool:
        """Whether the size decides (no choice was made)."""
        return self.choice is None

    def resized(self, width: int, height: int) -> WallSwitch:
        """The switch on a terminal of `width`×`height`."""
        return self if self.size == (width, height) else replace(self, size=(width, height))

    def toggled(self) -> WallSwitch:
        """`w`: the other of what is shown now, as the producer's choice."""
        return replace(self, choice=not self.on)
