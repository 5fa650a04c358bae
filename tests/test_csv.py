"""Tests for `parse_csv` and the party lookup it uses (Total and Others rows as spreadsheets
publish them: `test_csv_totals.py`)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from feeds.contests import CouncilsContest
from feeds.csvfeed import parse_csv
from feeds.errors import FeedDecodeError, FeedInvalid
from feeds.models import Feed
from feeds.parties import PARTIES, lookup_party, make_code
from sample_feeds.factory import SEED as SEED_PARTIES
from tests.csvkit import WHEN, parse_table, problems_of

# The table lines of /work/shared/data/liveblog-2016-05-06.txt, verbatim.
SEED = """\
England Council Elections – Party | Council (Total) | Council (+/1) | Seats (Total) | Seats (+/1) |
Labour | 49 | -1 | 1005 | -28 |
Conservative | 26 | 0 | 547 | +5 |
Liberal Democrat | 2 | 0 | 214 | +22 |
Independent | 0 | 0 | 53 | -8 |
Ukip | 0 | 0 | 29 | +23 |
Green Party | 0 | 0 | 17 | -4 |
Residents | 0 | 0 | 4 | 0 |
Liberal | 0 | 0 | 3 | -2 |
Respect | 0 | 0 | 0 | -5 |
No Overall Control | 19 | +1 | 0 | 0 |
"""

SEED_TABLE = [(code, name, *figures) for code, name, _, *figures in SEED_PARTIES]


def _rows(contest: CouncilsContest) -> list[tuple[str, str, int, int, int, int]]:
    return [
        (p.code, p.name, p.councils, p.councils_change, p.seats, p.seats_change)
        for p in contest.parties
    ]


def test_seed_table_verbatim() -> None:
    feed = parse_csv(SEED.encode(), total=124, sequence=3, published_at=WHEN)
    assert isinstance(feed, Feed)
    assert (feed.sequence, feed.published_at, feed.title) == (3, WHEN, "Council results")
    contest = feed.contests[0]
    assert isinstance(contest, CouncilsContest)
    assert (contest.id, contest.reported, contest.total) == ("councils", 96, 124)
    assert _rows(contest) == SEED_TABLE
    assert (contest.no_overall_control.councils, contest.no_overall_control.councils_change) == (
        19,
        1,
    )
    assert contest.parties[0].colour == "#dc241f"
    # The seed's seat changes add up to +3: a warning, not a rejection.
    assert feed.warnings(WHEN) == [
        "contests[0] (councils): seat changes add up to +3, not 0"
        ": the seats up changed (new boundaries), or parties are missing"
    ]


def test_title_and_contest_id() -> None:
    feed = parse_csv(
        SEED.encode(),
        total=124,
        sequence=0,
        published_at=WHEN,
        title="English councils\x1b[2J",
        contest_id="england",
    )
    assert feed.title == "English councils[2J"
    assert feed.contests[0].id == "england"


@pytest.mark.parametrize(
    "text",
    [
        "Party,Councils,Councils +/-,Seats,Seats +/-\nLabour,49,-1,1005,-28\nCon,26,0,547,+5\n",
        "Party\tCouncils\tCouncils change\tSeats\tSeats change\nLab\t49\t-1\t1005\t-28\n"
        "Conservatives\t26\t0\t547\t5\n",
        "PARTY;COUNCILS;NET;SEATS;NET\nLabour;49;−1;1005;−28\nCONSERVATIVE;26;0;547;+5\n",
        "| Party | Councils | +/- | Seats | +/- |\n|---|---|---|---|---|\n"
        "| Labour | 49 | -1 | 1,005 | -28 |\n| Conservative | 26 | 0 | 547 | +5 |\n",
        'Party,Councils,+/-,Seats,+/-\n"Labour",49,-1,"1,005",-28\nConservative,26,,547,+5\n',
        "\ufeffparty | councils (total) | councils (+/-) | seats (total) | seats (+/-)\n"
        "labour | 49 | –1 | 1005 | –28\nconservative | 26 | 0 | 547 | +5\n",
    ],
    ids=["comma", "tab", "semicolon-net", "markdown", "quoted", "bom-lower-endash"],
)
def test_header_and_number_variants(text: str) -> None:
    contest = parse_table(text)
    assert [
        (p.code, p.councils, p.councils_change, p.seats, p.seats_change) for p in contest.parties
    ] == [
        ("LAB", 49, -1, 1005, -28),
        ("CON", 26, 0, 547, 5),
    ]
    assert contest.reported == 75


def test_title_lines_blank_lines_and_notes_are_skipped() -> None:
    text = (
        "Results by party, 10:30\n\n"
        "Party,Councils,Seats\n"
        "Labour,3,40\n\n"
        "Green Party,,2\n"
        "Source: our desk\n"
    )
    contest = parse_table(text)
    assert _rows(contest) == [("LAB", "Labour", 3, 0, 40, 0), ("GRN", "Green Party", 0, 0, 2, 0)]


def test_no_overall_control_row_any_case_ignores_seat_columns() -> None:
    text = "Party|Councils|+/-|Seats|+/-\nLabour|2|0|40|0\nno overall CONTROL|3|-1|—|n/a\n"
    contest = parse_table(text)
    assert (contest.no_overall_control.councils, contest.no_overall_control.councils_change) == (
        3,
        -1,
    )
    assert contest.reported == 5
    assert [p.code for p in contest.parties] == ["LAB"]


def test_unknown_parties_get_codes_and_no_colour() -> None:
    text = "Party,Councils,Seats\nYorkshire First,0,1\nYorkshire First!,0,2\nSNP,0,3\n"
    contest = parse_table(text)
    assert [(p.code, p.colour) for p in contest.parties] == [
        ("YORKSHIREFIR", None),
        ("YORKSHIREFI2", None),
        ("SNP", "#fdf38e"),
    ]


def test_party_names_are_sanitised() -> None:
    contest = parse_table("Party,Councils,Seats\nLab\x1b\u200bour,1,2\nGreen\x1b]0;x\x07,0,1\n")
    assert [(p.code, p.name) for p in contest.parties] == [
        ("LAB", "Labour"),
        ("GREEN0X", "Green]0;x"),
    ]


@pytest.mark.parametrize(
    ("text", "problems"),
    [
        (
            "Party|Councils|Seats\nLabour|1|2\nCon|1|2\nLD|1|many\n",
            ["row 4, Seats: not a number"],
        ),
        (
            "Title\nParty,Councils,Councils +/-,Seats\nLabour,x,1.5,-3\n",
            [
                "row 3, Councils: not a number",
                "row 3, Councils +/-: not a number",
                "row 3, Seats: must be ≥ 0",
            ],
        ),
        ("Party,Councils,Seats\nLabour,1,2\nLab,1,2\n", ["row 3, Party: LAB already on row 2"]),
        (
            "Party,Councils,Seats\nNOC,1,0\nNo Overall Control,2,0\nLabour,1,1\n",
            ["row 3, Party: No Overall Control appears twice"],
        ),
        ("Party,Councils,Seats\n,1,2\n", ["row 2, Party: is empty"]),
        ("Party,Councils,Seats\nNo overall control,4,0\n", ["the table has no party rows"]),
        (
            "Party,Councils,Seats\nLabour,99999999,1\n",
            ["rows 2–2, Councils: add up to 99999999, more than the 124 councils electing"],
        ),
        (
            "Party,Councils,Seats\nLabour,100,1\nCon,20,2\n\nNOC,10,0\n",
            ["rows 2–5, Councils: add up to 130, more than the 124 councils electing"],
        ),
    ],
)
def test_problems_name_row_and_column(text: str, problems: list[str]) -> None:
    assert problems_of(text) == problems


@pytest.mark.parametrize(
    "text",
    [
        "",
        "Labour,49,-1\nConservative,26,0\n",
        "just some prose about the election\n",
        "Name,Councils,Seats\nLabour,1,2\n",
    ],
)
def test_no_header_is_a_decode_error(text: str) -> None:
    with pytest.raises(FeedDecodeError, match="no header row"):
        parse_table(text)


def test_missing_seats_column_is_a_decode_error() -> None:
    with pytest.raises(FeedDecodeError, match="no Seats column"):
        parse_table("Party,Councils,Votes\nLabour,1,2\n")


def test_not_utf8_is_a_decode_error() -> None:
    with pytest.raises(FeedDecodeError, match="not UTF-8"):
        parse_table("Party,Councils,Seats\nSinn Féin,0,1\n".encode("latin-1"))


@given(st.binary(max_size=300))
def test_any_bytes_give_a_feed_or_feed_invalid(body: bytes) -> None:
    try:
        parse_csv(body, total=124, sequence=0, published_at=WHEN)
    except FeedInvalid:
        return


@given(st.lists(st.lists(st.text(max_size=8), max_size=6), max_size=6), st.sampled_from("|,\t"))
def test_any_table_under_a_header_gives_a_feed_or_feed_invalid(
    rows: list[list[str]], delimiter: str
) -> None:
    lines = ["Party|Councils|+/-|Seats|+/-".replace("|", delimiter)]
    lines += [delimiter.join(row) for row in rows]
    try:
        parse_csv("\n".join(lines).encode(), total=124, sequence=0, published_at=WHEN)
    except FeedInvalid:
        return


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Labour", "LAB"),
        ("LAB", "LAB"),
        ("Lab Co-op", "LAB"),
        ("The Conservative Party", "CON"),
        ("Conservatives", "CON"),
        ("Con", "CON"),
        ("Liberal Democrats", "LD"),
        ("lib dem", "LD"),
        ("Ukip", "UKIP"),
        ("UKIP", "UKIP"),
        ("Green", "GRN"),
        ("Green Party", "GRN"),
        ("Independent", "IND"),
        ("Residents", "RES"),
        ("Liberal", "LIB"),
        ("Respect", "RESP"),
        ("SNP", "SNP"),
        ("Plaid Cymru", "PC"),
    ],
)
def test_lookup_party(name: str, code: str) -> None:
    info = lookup_party(name)
    assert info is not None and info.code == code


def test_lookup_unknown_party() -> None:
    assert lookup_party("Monster Raving Loony") is None
    assert lookup_party("") is None


def test_known_party_codes_and_colours_are_valid_feed_values() -> None:
    codes = [info.code for info, _ in PARTIES]
    assert len(set(codes)) == len(codes)
    text = "Party,Councils,Seats\n" + "".join(f"{info.name},0,1\n" for info, _ in PARTIES)
    contest = parse_table(text)
    assert [(p.code, p.colour) for p in contest.parties] == [
        (info.code, info.colour) for info, _ in PARTIES
    ]


@given(st.text(max_size=40), st.sets(st.from_regex(r"\A[A-Z0-9]{1,12}\Z"), max_size=5))
def test_make_code_is_valid_and_unique(name: str, taken: set[str]) -> None:
    code = make_code(name, taken)
    assert code not in taken and code != "NOC"
    assert re.fullmatch(r"[A-Z0-9]{1,12}", code)
