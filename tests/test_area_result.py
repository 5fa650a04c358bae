"""Tests of `AreaResult`: an area's table fits the width it is given, figures never cut."""

from __future__ import annotations

import pytest
from rich.cells import cell_len

from tests.boardkit import WidgetApp
from widgets.area_result import AreaResult
from widgets.desk_views import AreaRow, AreaView


def race(changes: bool) -> AreaView:
    """A governor's race as AP gives it (no change in share) or as PA does (with changes)."""
    rows = (
        ("Matthew Bevington-Carlisle", "GOP", 511_771, 52.5, 4.1, True),
        ("Jack Conway", "Dem", 426_944, 43.8, -3.0, False),
        ("Drew Curtis", "Ind", 35_629, 3.7, None, False),
    )
    return AreaView(
        name="KY Governor",
        contest="Races",
        headline="✔ CALLED: Matthew Bevington-Carlisle (GOP)",
        kind="candidates",
        rows=tuple(
            AreaRow(
                key=name,
                name=name,
                party=party,
                figure=votes,
                share=share,
                share_change=change if changes else None,
                elected=elected,
            )
            for name, party, votes, share, change, elected in rows
        ),
    )


@pytest.mark.parametrize("changes", [False, True])
@pytest.mark.parametrize("width", [44, 52, 60, 90])
async def test_a_candidates_table_fits_its_width_with_every_figure_whole(
    width: int, changes: bool
) -> None:
    """The finder's preview is ~44 cells at 120×40: the header's "+/-" wrapped onto a line of
    its own and the names were cut for an empty +/- column (AP's races give no change)."""
    widget = AreaResult()
    app = WidgetApp(widget)
    async with app.run_test(size=(width, 20)) as pilot:
        widget.view = race(changes)
        await pilot.pause()
        lines = widget.text.splitlines()
        table = lines[lines.index("") + 1 :]
        assert len(table) == 4  # the header and three candidates, each on one line
        assert all(cell_len(line) <= widget.size.width for line in table), table
        assert ("+/-" in table[0]) is changes
        for votes in ("511,771", "426,944", "35,629", "52.5%", "43.8%", "3.7%"):
            assert sum(votes in line for line in table) == 1
        if changes:
            assert "+4.1" in table[1] and "-3.0" in table[2]
        if width >= 90:  # room for every name, whole
            assert "Matthew Bevington-Carlisle ✔" in table[1]
