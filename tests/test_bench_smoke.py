"""Smoke test of the benchmark harness: a trivial program in a pty, its bytes counted and read."""

from __future__ import annotations

import sys
import time
from pathlib import Path

from bench.feeddocs import FeedDocs
from bench.harness import percentile
from bench.terminal import PtyProgram

PRINT_THOUSAND = "import sys; sys.stdout.write('x' * 1000 + ' done'); sys.stdout.flush()"


def test_counts_the_bytes_a_program_writes_and_sees_its_screen() -> None:
    with PtyProgram([sys.executable, "-c", PRINT_THOUSAND], size=(80, 24)) as program:
        shown = program.shown_at("done", timeout=20)
        program.wait_quiet(0.2, timeout=5)
        assert shown is not None, program.text()
        assert program.total() >= 1005
        first = program.output.first_byte_at()
        assert first is not None
        assert program.output.bytes_between(first - 1, shown + 1) == program.total()
        assert "xxxx" in program.text()


BUSY_THEN_WAIT = "sum(range(3 * 10**6)); print('busy done', flush=True); input()"


def test_cpu_is_read_while_the_child_runs_and_kept_after_it_ends() -> None:
    """The child's counters vanish once it is reaped: the harness keeps its last reading
    (it raised psutil.NoSuchProcess when a short program had ended)."""
    with PtyProgram([sys.executable, "-c", BUSY_THEN_WAIT], size=(80, 24)) as program:
        assert program.shown_at("busy done", timeout=20) is not None
        running = program.cpu()
        assert running.seconds > 0  # starting Python and three million additions cost CPU
        program.send("\n")
        deadline = time.monotonic() + 10
        while program.alive and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not program.alive
        assert program.cpu().seconds == running.seconds


def test_a_throttled_read_still_gets_everything() -> None:
    with PtyProgram([sys.executable, "-c", PRINT_THOUSAND], throttle=64_000) as program:
        assert program.shown_at("done", timeout=20) is not None
        program.wait_quiet(0.2, timeout=5)
        assert program.total() >= 1005


def test_update_documents_change_one_party_and_bump_the_sequence() -> None:
    docs = FeedDocs()
    updates = docs.with_updates(2)
    assert len(updates) == 3
    assert docs.update_figure(1).encode() in updates[2]
    assert docs.update_figure(1).encode() not in updates[1]


def test_percentile_interpolates() -> None:
    assert percentile([1.0, 2.0, 3.0, 4.0, 5.0], 50) == 3.0
    assert percentile([0.0, 10.0], 95) == 9.5


def test_bench_run_keeps_other_benchmarks_sections(tmp_path: Path) -> None:
    from bench.report import KEPT, _kept_sections

    out = tmp_path / "results.md"
    assert _kept_sections(out) == ""
    out.write_text(f"# old\n\nold table\n\n{KEPT}\n\n## Gallery\n\nfigures\n")
    kept = _kept_sections(out)
    assert kept.startswith(f"\n{KEPT}") and kept.endswith("## Gallery\n\nfigures\n")
    assert "old table" not in kept
