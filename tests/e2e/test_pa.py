"""End to end: the real board watching PA XML — a mirror folder and a real FTP server — while
files land, through the fault list of issue 9; and check, snapshot, record on both."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from bench.terminal import PtyProgram, board_command
from sample_feeds import pa_2016
from tests import pakit
from tests.paftp import PASSWORD, FtpServer
from tests.waiting import wait_for

pytestmark = pytest.mark.e2e

FIGURES = ("2 of 5", "Labour and Co-operative", "No Overall Control")


def board(source: str, env: dict[str, str] | None = None, interval: int = 1) -> PtyProgram:
    command = [*board_command(), "watch", "--format", "pa", source, "--interval", str(interval)]
    return PtyProgram(command, size=(120, 40), env=env)


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*board_command(), *args], capture_output=True, text=True,
                          timeout=60, env=env)  # fmt: skip


def test_the_sample_night_lands_file_by_file_and_ends_on_the_demo_table(tmp_path: Path) -> None:
    landed = pa_2016.play(tmp_path)
    while not next(landed).endswith("Local_SOP_All_0.xml"):  # nominations, then the first table
        pass
    with board(str(tmp_path)) as screen:
        screen.wait_for_text(lambda text: "of 124" in text and "Labour" in text)
        for _ in landed:
            pass
        final = ("96 of 124", "1005", "-28", "547", "No Overall Control")
        text = screen.wait_for_text(lambda t: all(f in t for f in final), timeout=30)
        assert "19" in text
        screen.send("q")
        assert screen.wait_exit() == 0


def test_a_board_started_before_pa_sends_anything_waits_then_shows_nominations_as_they_land(
    tmp_path: Path,
) -> None:
    """The field report: on an empty folder the board said LIVE over nothing, then sat at
    "0 of 52 councils" for a minute while 103 nomination files landed."""
    landed = pa_2016.play(tmp_path)
    # Polling every 3 s, a full rescan comes every 36 s: past the wait's bound, so only
    # nominations watched by their .timestamp can show in time.
    with board(str(tmp_path), interval=3) as screen:
        text = screen.wait_for_text(f"waiting for PA's first files in {tmp_path}")
        assert "CONNECTING" in text and "LIVE" not in text
        councils = 0
        for name in landed:  # London's mayoral nominations, then each council's
            councils += name.startswith("nominations/Local_nominations_")
            if councils in (5, 30):
                screen.wait_for_text(lambda t, n=councils: f"0 of {n}" in t and "LIVE" in t)
            if councils == 30:
                break
        screen.send("q")
        assert screen.wait_exit() == 0


FAULTS = [
    ("Local_result_Aldwick_2.xml", pakit.MALFORMED, "malformed XML"),
    ("Local_result_Aldwick_3.xml", pakit.UNKNOWN, "unknown message type"),
    ("Local_result_Aldwick_4.xml", pakit.CUT_OFF, "cut off"),
    ("Local_result_Aldwick_5.xml", pakit.BOMB, "entity bomb"),
    ("Local_result_Aldwick_6.xml", pakit.EXTERNAL, "external entity"),
    ("Local_result_Aldwick_7.xml", b"<!-- padding -->" * (21 * 1024 * 1024 // 16), "larger than"),
    ("Local_result_Aldwick_1.xml", pakit.aldwick(1, lab=99), "came after"),
]


def test_every_fault_is_named_on_the_board_and_by_check_and_the_figures_stay(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "results"
    pakit.land(folder, "Local_SOP_All_2.xml", pakit.local_sop())
    pakit.land(folder, "Local_result_Aldwick_1.xml", pakit.aldwick())
    with board(str(tmp_path)) as screen:
        screen.wait_for_text(lambda text: all(f in text for f in FIGURES))
        for name, body, words in FAULTS:
            pakit.land(folder, name, body)
            screen.wait_for_text(lambda t, w=words: w in t and all(f in t for f in FIGURES))
            checked = run("check", "--format", "pa", str(tmp_path))
            # One read of the whole folder sees revision 1 beside 7: superseded, not late.
            named = "larger than" if words == "came after" else words
            assert checked.returncode == 1 and named in checked.stdout, checked.stdout
        (folder / ".timestamp").unlink()
        pakit.land(folder, "Local_result_Brackenford_1.xml", pakit.brackenford(), stamp=False)
        # The missing .timestamp is a note: counted, but the faults that stand come first.
        screen.wait_for_text(lambda t: "Brackenford" in t and "came after" in t)
        checked = run("check", "--format", "pa", str(tmp_path))
        assert "warning: no .timestamp in results" in checked.stdout, checked.stdout
        assert checked.returncode == 1  # for the faults, not the note
        assert screen.alive
        screen.send("q")
        assert screen.wait_exit() == 0


def test_ftp_watch_check_snapshot_and_record(tmp_path: Path) -> None:
    folder = tmp_path / "account" / "results"
    pakit.land(folder, "Local_Test_SOP_All_2.xml", pakit.local_sop())
    env = {**os.environ, "RESULTS_BOARD_FTP_PASSWORD": PASSWORD}
    with FtpServer(tmp_path / "account") as server:
        url = server.url("/")
        with board(url, env) as screen:
            screen.wait_for_text(lambda text: all(f in text for f in FIGURES))
            pakit.land(folder, "Local_Test_result_Brackenford_1.xml", pakit.brackenford())
            screen.wait_for_text("Brackenford")
            server.drop_listing = True
            pakit.land(folder, "Local_Test_result_Aldwick_1.xml", pakit.aldwick())
            screen.wait_for_text("FTP connection dropped")
            server.drop_listing = False
            screen.wait_for_text("Aldwick")
            assert PASSWORD not in screen.text()
            screen.send("q")
            assert screen.wait_exit() == 0
        checked = run("check", "--format", "pa", url, env=env)
        assert checked.returncode == 0 and "valid" in checked.stdout, checked
        shown = run("snapshot", "--format", "pa", url, env=env)
        assert shown.returncode == 0 and "2 of 5" in shown.stdout
        refused = run(
            "check", "--format", "pa", url, env={**env, "RESULTS_BOARD_FTP_PASSWORD": "x"}
        )
        assert refused.returncode == 2 and "FTP login refused" in refused.stderr
        out = tmp_path / "night.jsonl"
        recorder = subprocess.Popen([*board_command(), "record", "--format", "pa", url,
                                     str(out), "--interval", "1"], env=env,
                                    stdout=subprocess.PIPE, text=True)  # fmt: skip
        try:
            assert recorder.stdout is not None
            assert "wrote sequence 1" in recorder.stdout.readline() + recorder.stdout.readline()
            wait_for(lambda: b"\n" in out.read_bytes(), "the recording's first line")
        finally:
            recorder.terminate()
            recorder.wait(timeout=10)
        assert b'"test":true' in out.read_bytes()  # Local_Test_ files are test data
    assert "2 of 5" in run("snapshot", "--format", "pa", str(tmp_path / "account")).stdout
