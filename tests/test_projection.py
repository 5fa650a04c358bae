"""A contest's projection (format 1.1): the model, PA's forecast mapped onto it, its words.

The board must never show a projection as a result, nor without its source:
the model refuses a projection that names no source or says nothing; PA's
`FirstPastThePostStateOfParties` forecast becomes a projection labelled "PA
forecast"; the words (screen and `snapshot`) always start with the source.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest
from pydantic import ValidationError

from board.plain import render_snapshot
from board.projection import gains_view, percent_words, projection_view
from feeds.adapter import RawDocument
from feeds.contests import CouncilsContest, LegislatureContest
from feeds.models import Feed
from feeds.pa import PaAdapter
from feeds.source import Snapshot
from sample_feeds import pa_write
from sample_feeds.factory import councils, document, legislature, mayor, projection
from tests import pakit

PNS = projection(
    parties=[
        {"code": "LAB", "share": 31, "share_change": 0},
        {"code": "CON", "share": 30, "share_change": -5},
        {"code": "LD", "share": 15.5, "share_change": 2},
    ]
)


def feed(projection: dict[str, Any] | None, kind: str = "councils") -> Feed:
    contest = councils() if kind == "councils" else legislature()
    if projection is not None:
        contest["projection"] = projection
    return Feed.model_validate(document(contest))


def test_a_projection_is_read_with_its_source_and_figures() -> None:
    contest = feed(PNS).contests[0]
    assert isinstance(contest, CouncilsContest) and contest.projection is not None
    assert contest.projection.source == "Example desk's projected national share"
    assert [p.share for p in contest.projection.parties] == [31, 30, 15.5]
    assert feed(None).contests[0].projection is None  # optional: 1.0 feeds unchanged


@pytest.mark.parametrize(
    ("projection", "error"),
    [
        ({"parties": PNS["parties"]}, "source"),
        ({"source": "\x1b\x07 ", "summary": "Lab ahead"}, "projection.source"),
        ({"source": "Exit poll"}, "needs a summary"),
        ({"source": "Exit poll", "parties": [{"code": "LAB"}]}, "needs a summary"),
        ({"source": "X", "parties": [{"code": "LAB", "seats": 1}, {"code": "LAB", "seats": 2}]},
         "duplicate party code"),
        ({"source": "X", "parties": [{"code": "LAB", "share": 130}]}, "less than or equal"),
    ],
)  # fmt: skip
def test_a_projection_that_names_no_source_or_says_nothing_is_refused(
    projection: dict[str, Any], error: str
) -> None:
    with pytest.raises(ValidationError, match=error):
        feed(projection)


def test_shares_over_100_are_a_warning_and_hostile_text_is_cleaned() -> None:
    projection = {
        "source": "[bold]Desk[/b] \x1b]52;c;payload\x07",
        "parties": [{"code": "LAB", "share": 60}, {"code": "CON", "share": 50}],
    }
    contest = feed(projection, "legislature").contests[0]
    assert any("add up to 110.0%" in w for w in contest.warnings())
    assert isinstance(contest, LegislatureContest) and contest.projection is not None
    assert "\x1b" not in contest.projection.source and "[bold]" in contest.projection.source


def test_a_relayed_document_keeps_the_projection() -> None:
    snapshot = Snapshot(feed(PNS), datetime(2016, 5, 6, tzinfo=UTC))
    again = Feed.model_validate_json(snapshot.document)
    assert again.contests[0] == feed(PNS).contests[0]


def pa_chamber(sop: bytes) -> LegislatureContest:
    adapter = PaAdapter()
    reading = adapter.read([RawDocument("Invented_SOP_1.xml", sop)], datetime.now(UTC))
    assert reading.feed is not None
    chamber = reading.feed.contests[0]
    assert isinstance(chamber, LegislatureContest)
    return chamber


def test_pas_forecast_becomes_the_legislatures_projection() -> None:
    projection = pa_chamber(pakit.ge_sop()).projection
    assert projection is not None
    assert (projection.source, projection.summary) == ("PA forecast", "Lab")
    # forecastSeats of Lab and C; "Lab Co-op" has none and is left out.
    assert [(p.code, p.seats, p.share) for p in projection.parties] == [
        ("Lab", 330, None),
        ("C", 250, None),
    ]


def test_pa_forecast_words_alone_and_no_forecast_at_all() -> None:
    rows = [pa_write.Sop("Lab", "Labour", seats=2), pa_write.Sop("C", "Conservative", seats=1)]
    words_only = pa_write.fptp_sop(
        pakit.GE, rows, reported=3, total=9, forecast="No overall majority"
    )
    projection = pa_chamber(words_only).projection
    assert projection is not None and projection.summary == "No overall majority"
    assert projection.parties == ()
    assert pa_chamber(pa_write.fptp_sop(pakit.GE, rows, reported=3, total=9)).projection is None


def test_the_projection_in_words_names_its_source_first() -> None:
    view = projection_view(feed(PNS).contests[0])
    assert view is not None
    assert view.heading == "Projection · Example desk's projected national share"
    assert view.line == "LAB 31% (+0) · CON 30% (-5) · LD 15.5% (+2)"
    assert [f.colour for f in view.figures][:1] == ["#e4003b"]  # the table's colour
    seats = projection_view(pa_chamber(pakit.ge_sop()))
    assert seats is not None and seats.heading == "Projection · PA forecast: Lab"
    assert seats.line == "Lab 330 seats · C 250 seats"
    assert projection_view(feed(None).contests[0]) is None
    assert percent_words(31.0) == "31%" and percent_words(31.25) == "31.2%"


def test_snapshot_prints_the_projection_apart_from_the_results() -> None:
    text = render_snapshot(feed(PNS), width=60)
    table_end = text.index("No Overall Control")
    heading = text.index("Projection · Example desk's projected national share")
    assert heading > table_end
    assert "  LAB 31% (+0) · CON 30% (-5) · LD 15.5% (+2)" in text
    assert "Projection" not in render_snapshot(feed(None), width=60)


def test_the_gains_chart_lists_movers_gains_first_with_the_longest_bar_as_scale() -> None:
    view = gains_view(feed(None).contests[0])
    changes = [bar.change for bar in view.bars]
    assert changes == sorted(changes, reverse=True) and 0 not in changes
    assert view.scale == 28 and view.bars[0].key == "UKIP" and view.bars[-1].key == "LAB"
    assert gains_view(Feed.model_validate(document(mayor())).contests[0]).bars == ()
