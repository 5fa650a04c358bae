"""Provides the desk's command-line options (alerts, bell, ticker age) for the board commands.

`desk_options(parser)` adds them to `demo`, `watch` and `replay`;
`desk_settings(args)` turns them into `create_app`'s options. Textual-free,
so `--help` stays fast.

| option | what it does |
|---|---|
| `--bell` | ring the terminal bell when a change of control alerts |
| `--alerts all\\|gains\\|none` | which changes alert (gains: a party takes control) |
| `--alert-party CODE` | only changes that party wins or loses (repeat, or `LAB,CON`) |
| `--alert-area NAME` | only changes in this area (repeat) |
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
        "--bell", action="store_true", help="ring the terminal bell when a change of control alerts"
    )
    parser.add_argument(
        "--alerts",
        choices=ALERT_CHOICES,
        default="all",
        help="which changes of control alert: all (default), gains (a party takes control, "
        "not a loss to no overall control), none",
    )
    parser.add_argument(
        "--alert-party",
        action="append",
        default=[],
        metavar="CODE",
        help="alert only on changes this party wins or loses (repeat, or LAB,CON); "
        "with --alert-area, either matches",
    )
    parser.add_argument(
        "--alert-area",
        action="append",
        default=[],
        metavar="NAME",
        help="alert only on changes in this area (repeat; accents and case do not matter)",
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
