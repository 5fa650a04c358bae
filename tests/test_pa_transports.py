"""Tests of PA's transports: a mirror folder and a real FTP server on 127.0.0.1 (pyftpdlib)."""

from __future__ import annotations

import asyncio
import os
import socket
import threading
from pathlib import Path

import pytest

from board.cli import main
from feeds.adapter import Note
from feeds.errors import FeedTimeout, FeedUnreachable
from feeds.pa.folder import PaFolderSource
from feeds.pa.ftp import PASSWORD_ENV, PaFtpSource, commands_sent
from feeds.source import Changed, Failed, Unchanged
from feeds.sources import open_source
from tests import pakit
from tests.paftp import PASSWORD, FtpServer


def results(tmp_path: Path) -> Path:
    folder = tmp_path / "results"
    pakit.land(folder, "Local_SOP_All_2.xml", pakit.local_sop())
    pakit.land(folder, "Local_result_Aldwick_1.xml", pakit.aldwick())
    return folder


async def test_a_mirror_folder_is_listed_only_when_its_timestamp_changes(tmp_path: Path) -> None:
    folder = results(tmp_path)
    source = open_source(str(tmp_path), format="pa")
    assert isinstance(source, PaFolderSource) and source.description == str(tmp_path)
    source.settle = 0.0
    first = await source.poll()
    assert isinstance(first, Changed) and first.problems == ()
    listings = source.listings
    assert isinstance(await source.poll(), Unchanged)
    assert source.listings == listings  # .timestamp unchanged: no listing
    pakit.land(folder, "Local_result_Brackenford_1.xml", pakit.brackenford())
    (folder / ".Local_result_Zed_1.xml.part").write_bytes(b"<half")  # a mirror mid-copy
    changed = await source.poll()
    assert isinstance(changed, Changed)
    assert {d.area for d in changed.snapshot.feed.contests[0].declarations} == {
        "Aldwick", "Brackenford"}  # fmt: skip
    assert changed.problems == ()  # the hidden part file is never read


async def test_only_changed_files_are_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = results(tmp_path)
    source = PaFolderSource(tmp_path, settle=0.0)
    read: list[str] = []
    original = source._read
    monkeypatch.setattr(source, "_read", lambda name: read.append(name) or original(name))
    await source.poll()
    assert sorted(read) == ["results/Local_SOP_All_2.xml", "results/Local_result_Aldwick_1.xml"]
    read.clear()
    pakit.land(folder, "Local_result_Brackenford_1.xml", pakit.brackenford())
    await source.poll()
    assert read == ["results/Local_result_Brackenford_1.xml"]


async def test_a_file_written_in_place_is_read_again_once_complete(tmp_path: Path) -> None:
    folder = results(tmp_path)
    source = PaFolderSource(tmp_path)  # default settle: a fresh file forces the next listing
    await source.poll()
    target = folder / "Local_result_Aldwick_2.xml"
    target.write_bytes(pakit.aldwick(2, lab=31)[:120])  # the mirror is still writing
    (folder / ".timestamp").write_text("1.5")
    cut = await source.poll()
    assert isinstance(cut, Unchanged) and "cut off" in cut.problems[0]
    target.write_bytes(pakit.aldwick(2, lab=31))  # completed; .timestamp not rewritten
    os.utime(target, (target.stat().st_atime, target.stat().st_mtime + 1))
    whole = await source.poll()
    assert isinstance(whole, Changed) and whole.problems == ()


async def test_a_folder_without_timestamp_is_scanned_every_poll_and_named(tmp_path: Path) -> None:
    pakit.land(tmp_path, "Local_SOP_All_2.xml", pakit.local_sop(), stamp=False)
    source = PaFolderSource(tmp_path, settle=0.0)
    first = await source.poll()
    assert first.problems == ("no .timestamp in the folder: scanning every file each poll",)  # type: ignore[union-attr]
    assert isinstance(await source.poll(), Unchanged) and source.listings == 2
    pakit.land(tmp_path, "Local_result_Aldwick_1.xml", pakit.aldwick(), stamp=False)
    assert isinstance(await source.poll(), Changed)  # found by the full scan


NO_STAMP = "no .timestamp in {}: scanning every file each poll"


@pytest.mark.parametrize("layout", ["account", "flat"])
async def test_the_note_of_a_folder_without_timestamp_clears_when_one_appears(
    tmp_path: Path, layout: str
) -> None:
    """The field fault: a board started on an empty folder kept "no .timestamp in the folder"
    all night after PA's results/ and nominations/ (each with its .timestamp) filled it."""
    source = PaFolderSource(tmp_path, settle=0.0, rescan_every=2)
    first = await source.poll()
    assert isinstance(first, Unchanged) and first.problems == (NO_STAMP.format("the folder"),)
    assert isinstance(first.problems[0], Note)  # a note on polling cost, not a fault
    if layout == "account":
        account(tmp_path)
    else:
        pakit.land(tmp_path, "Local_SOP_All_2.xml", pakit.local_sop())
    landed = await source.poll()
    assert isinstance(landed, Changed) and landed.problems == ()
    assert isinstance(await source.poll(), Unchanged)
    assert (await source.poll()).problems == ()  # type: ignore[union-attr]  # after a rescan too


async def test_a_folder_whose_timestamp_comes_later_is_noted_until_then(tmp_path: Path) -> None:
    pakit.land(tmp_path / "results", "Local_SOP_All_2.xml", pakit.local_sop(), stamp=False)
    source = PaFolderSource(tmp_path, settle=0.0)
    first = await source.poll()
    assert isinstance(first, Changed) and first.problems == (NO_STAMP.format("results"),)
    pakit.land(tmp_path / "results", "Local_result_Aldwick_1.xml", pakit.aldwick())
    later = await source.poll()
    assert isinstance(later, Changed) and later.problems == ()


def test_check_passes_a_valid_folder_without_timestamp_and_warns(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pakit.land(tmp_path, "Local_SOP_All_2.xml", pakit.local_sop(), stamp=False)
    pakit.land(tmp_path, "Local_result_Aldwick_1.xml", pakit.aldwick(), stamp=False)
    assert main(["check", "--format", "pa", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert f"warning: {NO_STAMP.format('the folder')}" in out and "valid:" in out
    pakit.land(tmp_path, "Local_result_Aldwick_2.xml", pakit.MALFORMED, stamp=False)
    assert main(["check", "--format", "pa", str(tmp_path)]) == 1  # a fault still fails
    assert "problem: Local_result_Aldwick_2.xml: malformed XML" in capsys.readouterr().out


async def test_ftp_reads_the_account_and_an_idle_poll_is_one_timestamp_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = results(tmp_path)
    monkeypatch.setenv(PASSWORD_ENV, PASSWORD)
    with FtpServer(tmp_path) as server:
        source = open_source(server.url("/"), format="pa")
        assert isinstance(source, PaFtpSource)
        assert PASSWORD not in source.description and "desk@127.0.0.1" in source.description
        source.settle = 0.0
        first = await source.poll()
        assert isinstance(first, Changed), first
        assert len(first.snapshot.feed.contests[0].declarations) == 1
        await source.poll()  # settles the first listing
        before = commands_sent()
        assert isinstance(await source.poll(), Unchanged)
        assert commands_sent() - before == 3  # TYPE I, PASV, RETR .timestamp
        pakit.land(folder, "Local_result_Brackenford_1.xml", pakit.brackenford())
        changed = await source.poll()
        assert isinstance(changed, Changed)
        assert len(changed.snapshot.feed.contests[0].declarations) == 2
        await source.aclose()


@pytest.mark.parametrize("unset", ["absent", "empty"])
async def test_a_login_refused_with_no_password_names_the_variable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], unset: str
) -> None:
    results(tmp_path)
    if unset == "absent":
        monkeypatch.delenv(PASSWORD_ENV, raising=False)
    else:
        monkeypatch.setenv(PASSWORD_ENV, "")
    with FtpServer(tmp_path) as server:
        refused = await PaFtpSource(server.url("/")).poll()
        assert isinstance(refused, Failed)
        assert refused.error.summary == f"FTP login refused: {PASSWORD_ENV} is not set"
        checked = await asyncio.to_thread(main, ["check", "--format", "pa", server.url("/")])
    assert checked == 2
    assert f"FTP login refused: {PASSWORD_ENV} is not set" in capsys.readouterr().err


async def test_ftp_failures_are_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    results(tmp_path)
    monkeypatch.setenv(PASSWORD_ENV, "wrong")
    with FtpServer(tmp_path) as server:
        refused = await PaFtpSource(server.url("/")).poll()
        assert isinstance(refused, Failed) and refused.error.summary == "FTP login refused"
        assert "wrong" not in str(refused.error)
        monkeypatch.setenv(PASSWORD_ENV, PASSWORD)
        server.drop_listing = True
        dropped = await PaFtpSource(server.url("/")).poll()
        assert isinstance(dropped, Failed) and dropped.error.summary == "FTP connection dropped"
        assert "listing" in dropped.error.detail
        server.drop_listing = False
        missing = await PaFtpSource(server.url("/nowhere/")).poll()
        assert isinstance(missing, Failed) and "not found" in missing.error.summary


async def test_ftp_timeouts_and_refusals_are_named() -> None:
    silent = socket.create_server(("127.0.0.1", 0))  # accepts, never greets
    port = silent.getsockname()[1]
    keep: list[socket.socket] = []
    accepting = threading.Thread(target=lambda: keep.append(silent.accept()[0]), daemon=True)
    accepting.start()
    try:
        timed_out = await PaFtpSource(f"ftp://desk@127.0.0.1:{port}/", timeout=0.5).poll()
        assert isinstance(timed_out, Failed) and isinstance(timed_out.error, FeedTimeout)
    finally:
        silent.close()
        for sock in keep:
            sock.close()
    refused = await PaFtpSource(f"ftp://desk@127.0.0.1:{port}/", timeout=0.5).poll()
    assert isinstance(refused, Failed) and isinstance(refused.error, FeedUnreachable)


def test_a_password_in_the_url_is_refused() -> None:
    with pytest.raises(ValueError, match=PASSWORD_ENV):
        open_source("ftp://desk:secret@127.0.0.1/", format="pa")


async def test_a_test_account_path_marks_test_data(tmp_path: Path) -> None:
    results(tmp_path / "test")
    outcome = await PaFolderSource(tmp_path / "test").poll()
    assert isinstance(outcome, Changed) and not outcome.snapshot.feed.test  # the class alone
    marked = await open_source(str(tmp_path / "test"), format="pa").poll()
    assert isinstance(marked, Changed) and marked.snapshot.feed.test


def account(tmp_path: Path) -> Path:
    """An account laid out as PA's: nominations/ and results/, each with its .timestamp."""
    for council in pakit.COUNCILS:
        pakit.land(tmp_path / "nominations", f"Local_nominations_{council}.xml",
                   pakit.council_nominations(council))  # fmt: skip
    results(tmp_path)
    return tmp_path


@pytest.mark.parametrize("start", ["empty", "results only"])
async def test_nominations_landing_after_the_first_poll_show_within_one_poll(
    tmp_path: Path, start: str
) -> None:
    """The field fault: a board started before PA's nominations landed sat at "0 of 52"
    for a minute (nominations/ was read once, then only on the full rescans)."""
    if start == "results only":
        results(tmp_path)
    source = PaFolderSource(tmp_path, settle=0.0, rescan_every=1000)
    await source.poll()
    pakit.land(tmp_path / "nominations", "Local_nominations_Aldwick.xml",
               pakit.council_nominations("Aldwick"))  # fmt: skip
    first = await source.poll()
    assert isinstance(first, Changed) and first.snapshot.feed.contests[0].areas == ("Aldwick",)
    for council in pakit.COUNCILS[1:]:
        pakit.land(tmp_path / "nominations", f"Local_nominations_{council}.xml",
                   pakit.council_nominations(council))  # fmt: skip
        landed = await source.poll()
        assert isinstance(landed, Changed), council
        assert landed.snapshot.feed.contests[0].areas[-1] == council
    assert isinstance(await source.poll(), Unchanged)


async def test_an_idle_poll_reads_each_timestamp_and_lists_nothing(tmp_path: Path) -> None:
    account(tmp_path)
    source = PaFolderSource(tmp_path, settle=0.0, rescan_every=1000)
    await source.poll()
    await source.poll()
    timestamps: list[str] = []
    read = source._read_timestamp
    source._read_timestamp = lambda folder: timestamps.append(folder) or read(folder)  # type: ignore[method-assign]
    listings = source.listings
    assert isinstance(await source.poll(), Unchanged)
    assert timestamps == ["nominations/", "results/"] and source.listings == listings


async def test_ftp_reads_nominations_as_they_land_and_an_idle_poll_is_two_timestamp_reads(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = account(tmp_path) / "results"
    monkeypatch.setenv(PASSWORD_ENV, PASSWORD)
    with FtpServer(tmp_path) as server:
        source = PaFtpSource(server.url("/"), settle=0.0)
        first = await source.poll()
        assert isinstance(first, Changed), first
        councils = first.snapshot.feed.contests[0]
        assert councils.areas == pakit.COUNCILS and len(councils.declarations) == 1
        await source.poll()
        before = commands_sent()
        assert isinstance(await source.poll(), Unchanged)
        assert commands_sent() - before == 6  # TYPE I, PASV, RETR: each folder's .timestamp
        pakit.land(tmp_path / "nominations", "Local_nominations_Dunmore.xml",
                   pakit.council_nominations("Dunmore"))  # fmt: skip
        nominated = await source.poll()
        assert isinstance(nominated, Changed)
        assert nominated.snapshot.feed.contests[0].areas == (*pakit.COUNCILS, "Dunmore")
        pakit.land(folder, "Local_result_Brackenford_1.xml", pakit.brackenford())
        changed = await source.poll()
        assert isinstance(changed, Changed)
        assert [d.area for d in changed.snapshot.feed.contests[0].declarations] == [
            "Aldwick", "Brackenford"]  # fmt: skip
        await source.aclose()
