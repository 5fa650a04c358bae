"""Provides `FIELD_KINDS`: the kinds of fault reported from the field (issue 11), each with
the test files and tests that try several members of its family.

`python -m bench.reliability` runs those tests with the hostile-night suite and writes a
row per kind in docs/reliability.md ("Faults from the field"); a kind with no files yet
shows as "not yet measured".
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bench.reliability import Case

__all__ = ["FIELD_KINDS", "FieldKind"]


@dataclass(frozen=True)
class FieldKind:
    """One kind of fault from the field (issue 11): the tests that try its members."""

    name: str
    """The kind, as the table names it."""
    files: tuple[str, ...]
    """Test files (under tests/) whose cases try members of the kind; empty: not yet measured."""
    tried: str
    """What was tried, in a few words."""
    figure: str = ""
    """A property recorded by those tests to show beside them, if any."""
    names: tuple[str, ...] = ()
    """Only the tests whose names contain one of these (all of the files' tests if empty)."""

    def covers(self, case: Case) -> bool:
        """True when `case` is one of this kind's tests."""
        stems = {name.removesuffix(".py").rsplit("/", 1)[-1] for name in self.files}
        return case.file in stems and (not self.names or any(n in case.name for n in self.names))


FIELD_KINDS = (
    FieldKind(
        "proxy settings",
        ("test_proxy.py",),
        "HTTP(S)_PROXY, ALL_PROXY, NO_PROXY; SOCKS5 through a real proxy; unusable schemes, "
        "hosts, ports; a proxy that is down",
    ),
    FieldKind(
        "content encodings",
        ("test_content_encoding.py",),
        "gzip, x-gzip, deflate, br, zstd, stacked, unknown codings named",
    ),
    FieldKind(
        "byte-order marks",
        ("test_encodings.py",),
        "UTF-8 BOM; UTF-16/32 with and without BOM in feeds, CSV tables, recordings",
    ),
    FieldKind(
        "wide figures",
        ("test_wide_figures.py", "test_plausibility.py"),
        "9–16 digit counts in every column and width; implausible counts and share scales "
        "warned by check",
    ),
    FieldKind(
        "width disagreements",
        ("test_widths.py",),
        "emoji selectors, keycaps, flags, skin tones, text-default pictographs, ambiguous "
        "letters; cursor positions asked of tmux at 120×40",
        "width_code_points_checked",
    ),
    # The terminal-and-environment kinds (tests by another engineer): refine `names` as
    # their tests grow; a kind whose files are empty shows as not yet measured.
    FieldKind(
        "locale (non-UTF-8 output)",
        ("test_environment.py",),
        "LANG=en_GB.ISO-8859-1 and other encodings, every text command and the board",
        names=("locale", "utf8", "lookalike"),
    ),
    FieldKind(
        "terminals that cannot draw (TERM)",
        ("test_environment.py",),
        "TERM=dumb, unset, unknown",
        names=("term", "dumb", "draw"),
    ),
    FieldKind(
        "start-up hang-up",
        ("test_exits.py", "e2e/test_terminal.py"),
        "the terminal closed at any moment, start-up included; signals; a writer that blocks",
        names=("hung_up", "terminal_closed", "went_away", "signal", "watchdog"),
    ),
    FieldKind(
        "small terminals",
        ("test_layout.py", "test_sizes.py", "e2e/test_sizes.py"),
        "60×20 to 200×60 and below the minimum; four contest kinds, 12 contests, long names, "
        "a night of 60 races, help and wall; every panel read back from the screen",
    ),
)
"""The field-fault kinds reported; a kind with no files shows as not yet measured."""
