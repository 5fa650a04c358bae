"""Tests of `--format ap` on the command line: check, snapshot and the hint without it."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest

from tests.apnight import NIGHT, encode, response
from tests.clikit import run
from tests.fakeap import QUOTA, FakeAp


@pytest.fixture
def night(tmp_path: Path) -> Path:
    path = tmp_path / "ap-response.json"
    path.write_bytes(encode(response(NIGHT[0] + NIGHT[1][:1], link="/x")))
    return path


def test_check_reads_an_ap_response_with_format_ap(
    capsys: pytest.CaptureFixture[str], night: Path
) -> None:
    code, out, _ = run(capsys, "check", "--format", "ap", str(night))
    assert code == 0
    assert out.splitlines()[-1] == f"valid: {night} (sequence 1, 6 contest(s))"


def test_without_format_ap_the_error_names_the_fix(
    capsys: pytest.CaptureFixture[str], night: Path
) -> None:
    code, out, _ = run(capsys, "check", str(night))
    assert code == 1
    assert "error: this looks like AP Elections API JSON (races): use --format ap" in out


def test_snapshot_says_called_and_leading_apart(
    capsys: pytest.CaptureFixture[str], night: Path
) -> None:
    code, out, _ = run(capsys, "snapshot", "--format", "ap", str(night))
    assert code == 0
    assert "✔ CALLED: Ben Ferris (GOP)" in out  # WY, called at poll close
    assert "Ada Quill (Dem) leading by 4.2 pts · 44% of expected vote" in out  # NV
    assert "Electoral college" in out and "3 of 538 electoral votes reported" in out


def test_check_names_a_race_that_cannot_be_used_and_exits_1(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    races = copy.deepcopy(NIGHT[0])
    for person in races[0]["reportingUnits"][0]["candidates"]:
        person["winner"] = "X"
    path = tmp_path / "two-winners.json"
    path.write_bytes(encode(response(races)))
    code, out, _ = run(capsys, "check", "--format", "ap", str(path))
    assert code == 1
    assert (
        "problem: races[0] WY President (race 0): winner flag on 2 candidates (Ada Quill, "
        "Ben Ferris) for 1 seat; left out until AP sends it right"
    ) in out
    assert out.splitlines()[-1] == (
        f"invalid: {path} (sequence 1, 5 contest(s); 1 problem(s), last good figures kept)"
    )


def test_check_of_the_api_names_a_refused_key_in_one_line_without_it(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    with FakeAp() as fake:
        monkeypatch.setenv("RESULTS_BOARD_AP_KEY", "not-the-key-789")
        code, out, err = run(capsys, "check", "--format", "ap", fake.url)
        assert code == 2
        assert err == (
            "results-board: error: cannot read the feed: AP refused the API key (HTTP 401): "
            "check RESULTS_BOARD_AP_KEY\n"
        )
        assert "not-the-key-789" not in out + err
        monkeypatch.setenv("RESULTS_BOARD_AP_KEY", fake.key or "")
        fake.fail_next(*QUOTA)
        code, _, err = run(capsys, "check", "--format", "ap", fake.url)
        assert code == 2 and "AP per-minute quota exceeded" in err
        code, out, _ = run(capsys, "check", "--format", "ap", fake.url)
        assert code == 0, out


def test_the_interval_defaults_to_aps_own() -> None:
    from feeds.ap.sources import DEFAULT_INTERVAL
    from feeds.formats import by_name

    assert by_name("ap").interval == DEFAULT_INTERVAL == 10.0
