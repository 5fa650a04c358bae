"""Provides the 2016 night as a PA results folder (synthetic), and `play` to land it file by file.

Built by `python -m sample_feeds.build_2016` beside the JSON recording, from
the same invented per-council data (`england_2016.english_declarations`,
`councils_2016`),
so the two nights end on the same English table (96 of 124). Everything about
the files is synthetic: their names (`Local_result_{council}_1.xml`,
`Local_SOP_All_{n}.xml` — PA's own local state-of-parties names are not in its
public pages), revisions, times and `.timestamp`; one council (`CORRECTED`) is
sent twice, its first revision wrong by a seat; London's mayor and Rhondda
come as a rush, then the result. `nominations/` holds a `LocalElectionNominations`
for each council the facts file names (`councils_2016.AREAS`: 103 of the 124
electing, so the list is incomplete; the parties standing are synthetic) and
London's mayoral nominations (the twelve sourced candidates). No Welsh or
Scottish constituency nominations: only Rhondda is named in the sourced data,
and a one-constituency list would pass for the whole chamber's.
`manifest.txt` lists each file with the time it lands; a folder keeps no times
in git, so `play` (or `python -m sample_feeds.pa_2016 DEST`) lands them in
order as a mirror does: written under a hidden name, then renamed, then its
folder's `.timestamp` rewritten.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from sample_feeds import data_2016 as night
from sample_feeds import pa_write as pa
from sample_feeds.councils_2016 import AREAS, council_result, proportion
from sample_feeds.england_2016 import at, councils_contest, english_declarations

__all__ = ["CORRECTED", "FOLDER", "build", "play"]

FOLDER = Path(__file__).with_name("pa-2016")
"""The committed PA folder: `nominations/` and `results/` (XML and `.timestamp`), `manifest.txt`."""
CORRECTED = "Sunderland"
"""The council whose first revision is wrong by a seat and is corrected three minutes later."""


def _local_files(english: list[Any], start: datetime) -> list[tuple[datetime, str, bytes]]:
    files = [(start, "Local_SOP_All_0.xml", _sop(councils_contest([]), []))]
    for index, (when, name, control, previous, seats, change) in enumerate(english, 1):
        result = council_result(name, control, seats, change)
        whole = {p["code"]: p["seats"] for p in result["composition"]}  # type: ignore[attr-defined]
        args = dict(winning=control, sitting=previous, changes=dict(change), elected=dict(seats),
                    proportion=result["proportion"])  # fmt: skip
        if name == CORRECTED:
            wrong = dict(whole)
            first, second = sorted(whole, key=lambda p: -whole[p])[:2]
            wrong[first], wrong[second] = wrong[first] - 1, wrong[second] + 1
            files.append((when, pa.file_name("Local", "result", name, 1),
                          pa.local_result(name, new_council=wrong, **args)))  # fmt: skip
            late, fixed = when + timedelta(minutes=3), pa.file_name("Local", "result", name, 2)
            files.append(
                (late, fixed, pa.local_result(name, new_council=whole, revision=2, **args))
            )
        else:
            files.append((when, pa.file_name("Local", "result", name, 1),
                          pa.local_result(name, new_council=whole, **args)))  # fmt: skip
        contest = councils_contest(english[:index])
        sop = _sop(contest, [decl[1] for decl in english[:index]], revision=index)
        files.append((when + timedelta(seconds=30), f"Local_SOP_All_{index}.xml", sop))
    return files


def _nominations(english: list[Any], when: datetime) -> list[tuple[datetime, str, bytes]]:
    """Every named council's nominations: the parties that won or lost seats there stand
    (synthetic); a council not declared by the end, the three largest parties."""
    names = {code: name for code, name, *_ in night.ENGLAND}
    standing = {name: [*seats, *(p for p in change if p not in seats)]
                for _, name, _, _, seats, change in english}  # fmt: skip
    people = [pa.Cand(name.split(" ", 1)[0], name.split(" ", 1)[1], party, party)
              for name, party, *_ in night.LONDON]  # fmt: skip
    files = [(when, "nominations/London_Mayor_nominations_London_1.xml",
              pa.nominations("London Mayor", "London", people, kind="M"))]  # fmt: skip
    for council in AREAS:
        parties = standing.get(council) or ["LAB", "CON", "LD"]
        body = pa.local_nominations(council, {p: (names.get(p, p), 0) for p in parties},
                                    proportion=proportion(council))  # fmt: skip
        files.append((when, f"nominations/Local_nominations_{council.replace(' ', '_')}.xml",
                      body))  # fmt: skip
    return files


def _sop(contest: dict[str, Any], councils: list[str], revision: int = 0) -> bytes:
    rows = [
        pa.Sop(p["code"], p["name"], councils=p["councils"], councils_change=p["councils_change"],
               seats=p["seats"], seats_change=p["seats_change"])
        for p in contest["parties"]
    ]  # fmt: skip
    noc = contest["no_overall_control"]
    rows.append(pa.Sop("NOC", "No Overall Control", noc["councils"], noc["councils_change"]))
    return pa.local_sop(rows, reported=contest["reported"], total=contest["total"],
                        councils=councils, revision=revision)  # fmt: skip


def _chamber(election: str, kind: str, rows: Any, total: int) -> bytes:
    parties = [
        pa.Sop(code, name, seats=seats, gains=max(change, 0), losses=max(-change, 0),
               votes=votes or 0, share=share)
        for code, name, _, seats, change, votes, share in rows
    ]  # fmt: skip
    return pa.fptp_sop(election, parties, reported=total, total=total, kind=kind)


def _others(final: datetime) -> list[tuple[datetime, str, bytes]]:
    people = []
    for name, party, _, votes, share in night.LONDON:
        first, surname = name.split(" ", 1)
        people.append(pa.Cand(first, surname, party, party, votes, share, name == "Sadiq Khan"))
    wood = pa.Cand("Leanne", "Wood", "PC", "Plaid Cymru", 11891, None, True)
    andrews = pa.Cand("Rhodri", "Examplewood", "LAB", "Labour", 8432)  # invented: not sourced
    rhondda = datetime.fromisoformat("2016-05-06T02:40:00+01:00")
    wales = night.WALES
    return [
        (rhondda, "Welsh_Assembly_rush_Rhondda_1.xml",
         pa.fptp_rush("Welsh Assembly", "Rhondda", [wood, andrews], winning="PC", sitting="LAB",
                      kind="W")),
        (rhondda + timedelta(minutes=20), "Welsh_Assembly_result_Rhondda_1.xml",
         pa.fptp_result("Welsh Assembly", "Rhondda", [wood, andrews], winning="PC", sitting="LAB",
                        kind="W", declared="2016-05-06T02:55:00+01:00")),
        (datetime.fromisoformat("2016-05-06T05:30:00+01:00"), "Welsh_Assembly_SOP_60.xml",
         _chamber("Welsh Assembly", "W", wales, 60)),
        (datetime.fromisoformat("2016-05-06T16:40:00+01:00"), "Scottish_Parliament_SOP_129.xml",
         _chamber("Scottish Parliament", "S", night.SCOTLAND, 129)),
        (final - timedelta(minutes=10), "London_Mayor_rush_London_1.xml",
         pa.fptp_rush("London Mayor", "London", people, winning="LAB", sitting="CON", kind="M")),
        (final, "London_Mayor_result_London_1.xml",
         pa.fptp_result("London Mayor", "London", people, winning="LAB", sitting="CON", kind="M",
                        turnout=45.3, declared=final.isoformat())),
    ]  # fmt: skip


def build() -> dict[str, bytes]:
    """Every file of the folder by relative path, `manifest.txt` included. Deterministic."""
    from sample_feeds.build_2016 import SEED

    english = english_declarations(random.Random(SEED))  # the same first draws as the JSON night
    results = _local_files(english, at(5, 22, 0)) + _others(at(7, 0, 21))
    files = _nominations(english, at(5, 21, 0))
    files += [(when, f"results/{name}", body) for when, name, body in results]
    files.sort(key=lambda item: item[0])  # stable: nominations first, as PA advises
    out = {name: body for _, name, body in files}
    for folder in ("nominations", "results"):
        last = max(when for when, name, _ in files if name.startswith(folder))
        out[f"{folder}/.timestamp"] = f"{last.timestamp():.3f}\n".encode()
    manifest = "".join(f"{when.isoformat()} {name}\n" for when, name, _ in files)
    out["manifest.txt"] = manifest.encode()
    return out


def play(folder: Path, *, delay: float = 0.0) -> Iterator[str]:
    """Land the night's files in `folder` one by one, as a mirror does; yield each name landed."""
    for line in (FOLDER / "manifest.txt").read_text().splitlines():
        _, name = line.split(" ", 1)
        target = folder / name
        target.parent.mkdir(parents=True, exist_ok=True)
        part = target.with_name(f".{target.name}.part")
        part.write_bytes((FOLDER / name).read_bytes())
        os.replace(part, target)
        (target.parent / ".timestamp").write_text(f"{time.time():.3f}\n")
        yield name
        if delay:
            time.sleep(delay)


def main(argv: list[str] | None = None) -> int:
    """`python -m sample_feeds.pa_2016 DEST [--delay S]`: play the night into DEST."""
    parser = argparse.ArgumentParser(prog="python -m sample_feeds.pa_2016", description=__doc__)
    parser.add_argument("dest", type=Path, help="the folder a board watches (--format pa DEST)")
    parser.add_argument("--delay", type=float, default=1.0, help="seconds between files (1)")
    args = parser.parse_args(argv)
    for count, name in enumerate(play(args.dest, delay=args.delay), 1):
        print(f"{count:3d}  {name}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
