"""Provides `save_svg`: the board as an SVG file, and the words that say where it went.

`c` saves one (`ResultsBoard.action_save_screenshot`); the notification names
the file, or the reason it could not be written. Paths are ours, not feed
text, but are still shown without markup.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal

from textual.app import App

__all__ = ["save_svg"]


def save_svg(app: App[Any], directory: Path | None) -> tuple[str, Literal["information", "error"]]:
    """Save an SVG of `app`'s screen in `directory` (default: the working directory).

    In a browser (`serve-web`) the SVG is downloaded by the viewer's browser instead:
    the server's disk is shared by every viewer. Returns the words for the notification
    and its severity.
    """
    if app.is_web:
        app.deliver_screenshot()
        return "Screenshot sent to your browser", "information"
    try:
        path = app.save_screenshot(path=str(directory or Path.cwd()))
    except OSError as error:
        return f"Screenshot failed: {error.strerror}", "error"
    return f"Screenshot saved to {path}", "information"
