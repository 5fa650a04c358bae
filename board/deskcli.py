"""Provides the desk's command-line options (alerts, bell, ticker age) for the board commands.

`desk_options(parser)` adds them to `demo`, `watch` and `replay`;
`desk_settings(args)` turns them into `create_app`'s options. Textual-free,
so `--help` stays fast.

| option | what it does |
|---|---|
| `--bell` | ring the terminal bell when an alert is raised |
| `--alerts all\\|gains\\|none` | which news alerts (gains: a party takes control, a race called) |
| `--alert-party CODE` | only news that party wins or loses (repeat, or `LAB,CON`) |
| `--alert-area NAME` | only news in this area, or a race's state or title (repeat) |
| `--ticker-max-age MIN` | older ticker items fade, twice as old leave (30; 0: never) |
"""

from __future__ import annotations

import argparse
import math
from datetime import timedelta
from typing import Any

from board.alerts import ALERT_CHOICES, AlertRule
from board.desk import DEFAULT_TICKER_MAX_AGE

__all__ = ["desk_options", "desk_settings"]


def _minutes(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of minutes") from None
    if not math.isfinite(value) or value < 0:
        raise argparse.ArgumentTypeError(f"{text} must be 0 (never) or more minutes")
    return value


def desk_options(parser: argparse.ArgumentParser) -> None:
    """Add the desk's options to a board command."""
    default_age = DEFAULT_TICKER_MAX_AGE.total_seconds() / 60
    parser.add_argument(
        "--bell",
        action="store_true",
        help="ring the terminal bell when an alert is raised (a change of control, a race "
        "called, a call retracted, a runoff)",
    )
    parser.add_argument(
        "--alerts",
        choices=ALERT_CHOICES,
        default="all",
        help="which news alerts: all (default: changes of control; on a night of races, "
        "calls, retractions and runoffs), gains (a party takes control or a race is called, or "
        "a call is retracted — not a loss to no overall control, not a runoff), none",
    )
    parser.add_argument(
        "--alert-party",
        action="append",
        default=[],
        metavar="CODE",
        help="alert only on news this party wins or loses: a change of control, a call "
        "of its candidate (or its retraction), a runoff it is in (repeat, or LAB,CON or "
        "Dem,GOP); with --alert-area, either matches",
    )
    parser.add_argument(
        "--alert-area",
        action="append",
        default=[],
        metavar="NAME",
        help="alert only on news in this area; a race by its state (AZ), title "
        '("AZ President") or place ("NY District 3") (repeat; accents and case do not '
        "matter)",
    )
    parser.add_argument(
        "--ticker-max-age",
        type=_minutes,
        default=default_age,
        metavar="MIN",
        help=f"ticker items older than this fade, twice as old leave (default {default_age:g} "
        "minutes, by the feed's clock; 0: never)",
    )


def desk_settings(args: argparse.Namespace) -> dict[str, Any]:
    """`create_app`'s desk options from parsed arguments."""
    minutes = args.ticker_max_age
    return {
        "bell": args.bell,
        "alert_rule": AlertRule.of(args.alerts, args.alert_party, args.alert_area),
        "ticker_max_age": timedelta(minutes=minutes) if minutes else None,
    }
