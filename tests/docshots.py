"""Provides `python -m tests.docshots`: the README's screenshots of the producer's desk.

Each is the real board (`create_app`) in Pilot, fed documents of the bundled
2016 night, with a fixed clock and the ticker paging, saved as SVG in
`docs/`: the finder (`/` and two letters, the result beside the list), an
alert banner (Hart's gain arriving while the producer watches), the key
moments (`m`), and Dudley's result. Run it after a change to the desk's look,
then look at each file before committing it.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Sequence
from pathlib import Path

from feeds.recording import read_recording
from sample_feeds import default_recording
from tests.boardkit import scripted_board
from tests.waiting import async_wait_for
from widgets._party_row import PartyRow

DOCS = Path(__file__).resolve().parent.parent / "docs"
HART = 88
"""The recording's document in which Hart's gain arrives (09:45 on 6 May)."""


async def shoot(
    name: str, documents: Sequence[bytes], keys: Sequence[str], size: tuple[int, int] = (120, 40)
) -> Path:
    """Feed the board `documents`, press `keys`, and save the screen as docs/NAME.svg."""
    app, source, _ = scripted_board(mode="demo", still=True)
    async with app.run_test(size=size) as pilot:
        for document in documents:
            source.push(document)
            wanted = json.loads(document)["sequence"]
            await async_wait_for(
                lambda wanted=wanted: (
                    app.state.shown is not None and app.state.shown.feed.sequence == wanted
                ),
                f"document {wanted} on screen",
            )
        for row in app.query(PartyRow):
            row.flashing = frozenset()
        app.tick()
        await pilot.press(*keys)
        await pilot.pause(0.3)  # the finder's result follows the typing after a short pause
        await pilot.pause()
        path = DOCS / f"{name}.svg"
        path.write_text(app.export_screenshot(title=f"results-board: {name}"), encoding="utf-8")
        return path


async def main() -> None:
    night = read_recording(default_recording())
    hart = night[HART - 1 : HART + 1]
    for path in (
        await shoot("desk-finder", night[-1:], ("slash", "s", "t")),
        await shoot("desk-alert", hart, ()),
        await shoot("desk-moments", night[-1:], ("m",)),
        await shoot("desk-area", night[-1:], ("slash", "d", "u", "d", "enter"), (80, 24)),
    ):
        print(path)


if __name__ == "__main__":
    asyncio.run(main())
