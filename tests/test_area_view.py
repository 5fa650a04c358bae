"""A contest's areas as the finder lists them, and one area's result (`board/area_view.py`)."""

from __future__ import annotations

from feeds.models import Feed
from sample_feeds.factory import declaration
from tests.deskkit import night, seat


def contests(doc: dict[str, object]) -> list:  # type: ignore[type-arg]
    return list(Feed.model_validate(doc).contests)


def test_declared_newest_first_then_still_to_declare_a_to_z() -> None:
    from board.area_view import DECLARED, TO_DECLARE, area_items

    england, _ = contests(night())
    items = area_items(england)
    assert [(i.name, i.section) for i in items] == [
        ("Dudley", DECLARED),
        ("Birmingham", DECLARED),
        ("St Albans", TO_DECLARE),
        ("Stoke-on-Trent", TO_DECLARE),
        ("Walsall", TO_DECLARE),
    ]
    assert items[0].detail == "03:12 · LAB lose to NOC" and items[0].highlight
    assert items[1].detail == "00:10 · LAB hold" and not items[1].highlight
    assert items[2].detail == "to declare"


def test_a_rush_says_so_and_a_receipt_time_is_named() -> None:
    from board.area_view import area_items

    _, assembly = contests(
        night(
            declaration("Aberfall", "01:00", "CON", "LAB", rush=True),
            declaration("Dolgarth", "01:05", "LAB", "LAB", time_basis="received"),
        )
    )
    details = {item.name: item.detail for item in area_items(assembly)}
    assert details["Aberfall"] == "01:00 · CON win · rush"
    assert details["Dolgarth"] == "received 01:05 · LAB hold"
    assert not next(i for i in area_items(assembly) if i.name == "Aberfall").highlight


def test_a_council_shows_its_new_composition_seats_up_and_control_before_and_after() -> None:
    from board.area_view import area_view

    england, _ = contests(night())
    view = area_view(england, "Dudley")
    assert view is not None
    assert view.headline == "LAB lose to NOC · declared 03:12" and view.changed_hands
    assert view.facts == ("Control LAB → NOC", "Seats up 24 of 72 (thirds)")
    assert view.kind == "composition"
    assert [(r.name, r.figure, r.change) for r in view.rows] == [
        ("Conservative", 36, 4),
        ("Labour", 33, -3),
        ("Ukip", 3, 1),
    ]
    assert view.rows[0].colour == "#0087dc"  # from the contest's own party table


def test_a_constituency_shows_candidates_votes_shares_majority_and_turnout() -> None:
    from board.area_view import area_view

    _, assembly = contests(night(seat("Brynmôr", "02:00", "PC", "LAB")))
    view = area_view(assembly, "Brynmôr")
    assert view is not None and view.kind == "candidates"
    assert view.facts == (
        "Control LAB → PC",
        "Majority 2,000",
        "Turnout 45.5%",
        "Electorate 44,000",
    )
    rows = [(r.party, r.figure, round(r.share or 0, 1), r.elected) for r in view.rows]
    assert rows == [
        ("PC", 9000, 45.0, True),
        ("LAB", 7000, 35.0, False),
        ("CON", 4000, 20.0, False),
    ]


def test_an_area_still_to_declare_a_rush_and_an_unknown_area() -> None:
    from board.area_view import TO_DECLARE, area_view

    england, assembly = contests(night(declaration("Aberfall", "01:00", "CON", "LAB", rush=True)))
    waiting = area_view(england, "Walsall")
    assert waiting is not None and waiting.headline == TO_DECLARE and not waiting.rows
    rush = area_view(assembly, "Aberfall")
    assert rush is not None and not rush.rows and "figures are to follow" in rush.note
    assert rush.headline == "CON win · rush · declared 01:00"
    assert area_view(england, "Nowhere") is None
    plain = area_view(england, "Birmingham")  # declared without figures
    assert plain is not None and plain.note == "The feed gives no figures for this area."
