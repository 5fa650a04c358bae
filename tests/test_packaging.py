"""What `pip install .` ships: every module and data file under the shipped packages.

A hand list of packages once left out `feeds.ap` (so `--format ap` "is not available in this
build") and the package data left out the PA nominations (the rehearsal script failed). This
builds the wheel the way `pip install .` does, from a copy of the tree, and compares its file list
with the tree's, so the next omission fails here rather than on a newsroom's machine.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

SHIPPED = ("board", "widgets", "feeds", "sample_feeds")
"""The top-level packages a non-editable install carries."""

REPO_ONLY = ("tests", "bench")
"""Top-level packages that stay in the repository (run from a clone)."""

NOT_SOURCE = shutil.ignore_patterns(
    ".venv", ".git", "__pycache__", "*.pyc", "*.egg-info", "build", "dist", ".*_cache"
)


def tree_files(package: str) -> set[str]:
    """Every file under a shipped package, as a wheel names it ("board/web/index.html")."""
    return {
        path.relative_to(ROOT).as_posix()
        for path in (ROOT / package).rglob("*")
        if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc"
    }


@pytest.fixture(scope="module")
def wheel_files(tmp_path_factory: pytest.TempPathFactory) -> set[str]:
    """The files in the wheel pip builds from a copy of the tree (build isolation, as a user)."""
    work = tmp_path_factory.mktemp("wheel")
    source = work / "src"
    shutil.copytree(ROOT, source, ignore=NOT_SOURCE)
    command = [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(work / "out")]
    result = subprocess.run(
        [*command, str(source)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    (wheel,) = (work / "out").glob("results_board-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        return {name for name in archive.namelist() if ".dist-info/" not in name}


def test_every_top_level_package_is_shipped_or_known_repo_only() -> None:
    packages = {path.parent.name for path in ROOT.glob("*/__init__.py")}
    assert packages == set(SHIPPED) | set(REPO_ONLY)


@pytest.mark.parametrize("package", SHIPPED)
def test_wheel_carries_every_file_of_the_package(package: str, wheel_files: set[str]) -> None:
    missing = sorted(tree_files(package) - wheel_files)
    assert not missing, f"{len(missing)} file(s) not in the wheel, e.g. {missing[:5]}"


def test_wheel_carries_nothing_else(wheel_files: set[str]) -> None:
    expected = set().union(*(tree_files(package) for package in SHIPPED))
    assert wheel_files - expected == set()


def test_the_named_omissions_ship(wheel_files: set[str]) -> None:
    assert "feeds/ap/__init__.py" in wheel_files
    assert "sample_feeds/pa-2016/nominations/.timestamp" in wheel_files
    assert "sample_feeds/pa-2016/results/.timestamp" in wheel_files
