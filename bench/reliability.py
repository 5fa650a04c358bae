"""Provides `python -m bench.reliability`: runs the hostile-night suite, writes its figures.

The figures go to `docs/reliability.md`.

It runs pytest on the e2e suite and the widget property tests with a JUnit
XML report, reads each test's outcome and the figures the tests recorded
(`record_property`: recovery time per fault, hostile strings tried and
leaked, soak memory), and writes them as tables. Exit code: pytest's. The kinds
of fault from the field and the tests trying each are `bench/field_kinds.py`.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

from bench.field_kinds import FIELD_KINDS, FieldKind

__all__ = ["FIELD_KINDS", "Case", "FieldKind", "main", "read_report", "render"]

ROOT = Path(__file__).resolve().parent.parent
OUTPUT = ROOT / "docs" / "reliability.md"
SUITE = [
    "tests/e2e/test_faults.py",
    "tests/e2e/test_hostile.py",
    "tests/e2e/test_terminal.py",
    "tests/e2e/test_soak.py",
    "tests/test_widget_text_props.py",
]


SUITE += sorted({f"tests/{name}" for kind in FIELD_KINDS for name in kind.files} - set(SUITE))


@dataclass
class Case:
    """One test's outcome and what it recorded."""

    name: str
    file: str
    outcome: str
    """passed, failed, skipped, xfailed or xpassed."""
    seconds: float
    properties: dict[str, str] = field(default_factory=dict)


def read_report(path: Path) -> list[Case]:
    """The cases of a JUnit XML report written by pytest."""
    cases = []
    for case in ET.parse(path).getroot().iter("testcase"):
        outcome = "passed"
        for child in case:
            if child.tag in ("failure", "error"):
                outcome = "failed"
            elif child.tag == "skipped":
                kind = child.get("type", "")
                outcome = "xfailed" if "xfail" in kind else "skipped"
        properties = {p.get("name", ""): p.get("value", "") for p in case.iter("property")}
        cases.append(
            Case(
                name=case.get("name", ""),
                file=case.get("classname", "").rsplit(".", 1)[-1],
                outcome=outcome,
                seconds=float(case.get("time", "0")),
                properties=properties,
            )
        )
    return cases


def _fault_cases(cases: list[Case]) -> list[Case]:
    """The fault matrix's cases: those recording a `fault`, or the parametrised `test_fault`."""
    return [c for c in cases if "fault" in c.properties or c.name.startswith("test_fault[")]


def _faults(cases: list[Case]) -> list[str]:
    rows = _fault_cases(cases)
    lines = ["| fault | survived | recovery (intervals) |", "| :- | :-: | -: |"]
    for case in rows:
        name = case.properties.get("fault") or case.name.removeprefix("test_fault[")[:-1]
        outcome = "yes" if case.outcome == "passed" else f"**no** ({case.outcome})"
        recovery = case.properties.get("recovery_intervals", "—")
        lines.append(f"| {name} | {outcome} | {recovery} |")
    survived = sum(case.outcome == "passed" for case in rows)
    recoveries = [float(c.properties.get("recovery_intervals", "nan")) for c in rows]
    recoveries = [value for value in recoveries if value == value]  # drop NaN
    summary = f"**Faults tried: {len(rows)}; survived: {survived}.**"
    if recoveries:
        summary += (
            f" Recovery after a fault: median {sorted(recoveries)[len(recoveries) // 2]:.2f},"
            f" worst {max(recoveries):.2f} intervals (1 interval = 1 s)."
        )
    return [summary, "", *lines]


def _field_kinds(cases: list[Case]) -> list[str]:
    lines = ["| kind | cases tried | passed | what | figure |", "| :- | -: | -: | :- | -: |"]
    for kind in FIELD_KINDS:
        mine = [case for case in cases if kind.covers(case)]
        if not mine:
            lines.append(f"| {kind.name} | — | — | not yet measured: {kind.tried} | — |")
            continue
        passed = sum(case.outcome == "passed" for case in mine)
        skipped = sum(case.outcome == "skipped" for case in mine)
        note = f" ({skipped} skipped)" if skipped else ""
        figure = _figure(mine, kind.figure) if kind.figure else "—"
        lines.append(f"| {kind.name} | {len(mine)} | {passed}{note} | {kind.tried} | {figure} |")
    return lines


def _figure(cases: list[Case], name: str, default: str = "—") -> str:
    for case in cases:
        if name in case.properties:
            return case.properties[name]
    return default


def _outcomes(cases: list[Case], file: str) -> list[str]:
    lines = ["| test | outcome | seconds |", "| :- | :- | -: |"]
    for case in cases:
        if case.file == file:
            lines.append(f"| `{case.name}` | {case.outcome} | {case.seconds:.1f} |")
    return lines


def render(cases: list[Case], wall: float, command: str) -> str:
    """docs/reliability.md for these cases."""
    passed = sum(c.outcome == "passed" for c in cases)
    hostile_case = next((c for c in cases if "hostile_tried" in c.properties), None)
    hostile_ok = hostile_case is not None and hostile_case.outcome == "passed"
    leaked = _figure(cases, "hostile_leaked", "not measured")
    parts = [
        "# Reliability: what the board survives",
        "",
        f"Generated by `{command}` — do not edit by hand. {len(cases)} tests, "
        f"{passed} passed, in {wall:.0f} s.",
        "",
        "## Summary",
        "",
        "| measure | figure |",
        "| :- | -: |",
        f"| faults tried / survived | {_count(cases)} |",
        f"| hostile strings × fields tried | {_figure(cases, 'hostile_tried')} "
        f"({_figure(cases, 'hostile_strings')} strings × {_figure(cases, 'hostile_fields')} "
        "fields) |",
        f"| hostile strings leaked to the terminal | {leaked}"
        f"{'' if hostile_ok else ' (test did not pass)'} |",
        f"| soak: snapshots | {_figure(cases, 'soak_snapshots')} |",
        f"| soak: resident memory after 100 → at the end | {_figure(cases, 'soak_rss_warm_mb')} "
        f"→ {_figure(cases, 'soak_rss_end_mb')} MB |",
        f"| soak: memory growth (limit 10 MB) | {_figure(cases, 'soak_growth_mb')} MB |",
        f"| soak: ticker items / declaration lines kept | {_figure(cases, 'soak_ticker_items')}"
        f" / {_figure(cases, 'soak_declaration_lines')} |",
        f"| resize storm: resizes | {_figure(cases, 'resizes')} |",
        f"| CPU, stdin at end-of-file (display-only board, idle) | "
        f"{_pct(_figure(cases, 'cpu_share_stdin_eof'))} of a core over "
        f"{_figure(cases, 'seconds_to_exit_stdin_eof')} s |",
        f"| terminal hung up without SIGHUP: board left after | "
        f"{_figure(cases, 'seconds_to_leave_hung_up')} s (exit 129) |",
        f"| long outage at a 1 s interval: longest retry wait shown / bound | "
        f"{_figure(cases, 'longest_retry_wait_s')} / {_figure(cases, 'retry_bound_s')} s |",
        "",
        "## Fault matrix",
        "",
        "The real `results-board watch URL --interval 1 --deadline 2` in a 120×40 "
        "pseudo-terminal against "
        "`tests/faultserver.py`. After each fault: alive, last good figures shown, the fault named "
        "in the status line; then a new good document. Recovery is the time from the fault on "
        "screen to the new figures on screen.",
        "",
        *_faults(cases),
        "",
        "## Faults from the field",
        "",
        "Kinds of fault reported against terminals, networks and feeds (issue 11), each "
        "tried with several members of its family by the tests named in "
        "`bench/reliability.py` (`FIELD_KINDS`).",
        "",
        *_field_kinds(cases),
        "",
        "## Terminal faults",
        "",
        *_outcomes(cases, "test_terminal"),
        "",
        "## Hostile text, soak and properties",
        "",
        *_outcomes(cases, "test_hostile"),
        *_outcomes(cases, "test_soak")[2:],
        *_outcomes(cases, "test_widget_text_props")[2:],
        "",
    ]
    return "\n".join(parts)


def _count(cases: list[Case]) -> str:
    rows = _fault_cases(cases)
    return f"{len(rows)} / {sum(c.outcome == 'passed' for c in rows)}"


def _pct(value: str) -> str:
    try:
        return f"{float(value):.0%}"
    except ValueError:
        return value


def main(argv: list[str] | None = None) -> int:
    """Run the suite, write docs/reliability.md, print it; return pytest's exit code."""
    extra = list(sys.argv[1:] if argv is None else argv)
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "report.xml"
        command = [sys.executable, "-m", "pytest", *SUITE, "-q", "-rxX", "-p", "no:cacheprovider"]
        command += ["-o", "junit_family=xunit1", f"--junitxml={report}", *extra]
        start = time.monotonic()
        code = subprocess.call(command, cwd=ROOT)
        wall = time.monotonic() - start
        if not report.exists():
            print("pytest wrote no report", file=sys.stderr)
            return code or 1
        cases = read_report(report)
    text = render(cases, wall, "python -m bench.reliability")
    OUTPUT.parent.mkdir(exist_ok=True)
    OUTPUT.write_text(text)
    print(text)
    print(f"wrote {OUTPUT.relative_to(ROOT)}")
    return code


if __name__ == "__main__":
    sys.exit(main())
