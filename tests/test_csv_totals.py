"""Tests for `parse_csv` on tables as spreadsheets publish them (issue 11): a Total row checked
against the sum of the others and then dropped, wherever it stands; Others kept as a party."""

from __future__ import annotations

import pytest

from tests.csvkit import parse_table, problems_of

# A table as a spreadsheet publishes it: parties, Others, NOC, and a Total row (issue 11).
PUBLISHED = """\
Party,Councils,Councils +/-,Seats,Seats +/-
Labour,12,-1,"405",-9
Conservative,5,+1,210,+4
Liberal Democrat,1,0,77,+6
Others,0,0,31,-1
No Overall Control,3,0,,
Total,21,0,723,0
"""


@pytest.mark.parametrize(
    "total_line",
    [
        "Total,21,0,723,0",
        "TOTAL,21,0,723,0",
        "Totals:,21,,723,",  # blank change cells: not checked
        "Grand total,21,0,723,0",
        "Total (all parties),21,0,723,0",
        "All parties,21,0,723,0",
        "",  # no total row at all
    ],
)
def test_total_row_is_checked_then_dropped(total_line: str) -> None:
    text = PUBLISHED.replace("Total,21,0,723,0\n", total_line + "\n")
    contest = parse_table(text, total=124)
    assert [p.code for p in contest.parties] == ["LAB", "CON", "LD", "OTH"]
    assert contest.reported == 21  # not 42: the total row is not a party
    assert sum(p.seats for p in contest.parties) == 723
    assert contest.warnings() == []


def test_total_row_first_or_in_the_middle_is_dropped_too() -> None:
    lines = PUBLISHED.splitlines()
    moved = [lines[0], lines[-1], *lines[1:-1]]
    contest = parse_table("\n".join(moved) + "\n")
    assert [p.code for p in contest.parties] == ["LAB", "CON", "LD", "OTH"]


@pytest.mark.parametrize(
    ("total_line", "problems"),
    [
        ("Total,22,0,723,0", ["row 7, Councils: Total 22 is not the sum of the other rows (21)"]),
        (
            "Total,21,+1,700,0",
            [
                "row 7, Councils +/-: Total 1 is not the sum of the other rows (0)",
                "row 7, Seats: Total 700 is not the sum of the other rows (723)",
            ],
        ),
        ("Total,21,0,lots,0", ["row 7, Seats: not a number"]),
        ("Total,21,0,723,1", ["row 7, Seats +/-: Total 1 is not the sum of the other rows (0)"]),
        ("Total,0,0,723,0", ["row 7, Councils: Total 0 is not the sum of the other rows (21)"]),
    ],
)
def test_total_row_that_disagrees_is_refused_naming_the_row(
    total_line: str, problems: list[str]
) -> None:
    """A total that is not the sum means a row is missing or wrong: the table is not shown."""
    assert problems_of(PUBLISHED.replace("Total,21,0,723,0", total_line)) == problems


def test_the_case_file_table_with_a_total_row() -> None:
    """Issue 11's `table-with-total-row.csv`: the counter read 42 of 124, "Total" led the table."""
    text = (
        "Party,Councils,Councils +/-,Seats,Seats +/-\n"
        'Labour,12,-1,"405",-9\nConservative,5,+1,210,+4\nLiberal Democrat,1,0,77,+6\n'
        "No Overall Control,3,0,,\nTotal,21,0,692,+1\n"
    )
    contest = parse_table(text, total=124)
    assert contest.reported == 21
    assert "TOTAL" not in [p.code for p in contest.parties]


@pytest.mark.parametrize("name", ["Others", "Other", "Other parties", "All others", "OTHERS"])
def test_others_row_is_a_party_named_others(name: str) -> None:
    contest = parse_table(f"Party,Councils,Seats\nLabour,1,10\n{name},0,4\n")
    others = contest.parties[1]
    assert (others.code, others.name, others.seats) == ("OTH", name, 4)


def test_a_party_whose_name_only_starts_like_total_is_a_party() -> None:
    contest = parse_table("Party,Councils,Seats\nTotal Politics Party,0,1\nLabour,1,2\n")
    assert [p.name for p in contest.parties] == ["Total Politics Party", "Labour"]
