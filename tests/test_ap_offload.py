"""Tests of AP decoding: large responses parsed in a child process, the same as in this one."""

from __future__ import annotations

from concurrent.futures import ProcessPoolExecutor
from typing import Any

import pytest

import feeds.ap.offload as offload
from feeds.ap.parse import parse_response
from tests.apnight import encode, national


@pytest.fixture(scope="module")
def big() -> bytes:
    body = encode(national(races=60, counties=40))
    assert len(body) >= offload.OFFLOAD_BYTES
    return body


def test_a_large_response_is_parsed_in_a_child_process_with_the_same_result(
    big: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    pools: list[object] = []

    class Counted(ProcessPoolExecutor):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            pools.append(self)

    monkeypatch.setattr(offload, "ProcessPoolExecutor", Counted)
    offloaded = offload.load(big)
    assert len(pools) == 1
    assert offloaded == parse_response(big)
    assert len(offloaded.races) == 60 and offloaded.faults == ()
    offload.load(b'{"races": []}')  # small: parsed here
    assert len(pools) == 1


def test_without_a_child_process_it_parses_here(
    big: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    class NoProcesses:
        def __init__(self, *args: object, **kwargs: object) -> None:
            raise OSError("no fork here")

    monkeypatch.setattr(offload, "ProcessPoolExecutor", NoProcesses)
    assert offload.load(big) == parse_response(big)


def test_a_string_where_a_number_belongs_is_named_in_the_fast_path_too() -> None:
    body = encode(national(races=3, counties=2))
    body = body.replace(b'"precinctsTotal":900', b'"precinctsTotal":"900"', 1)
    response = parse_response(body)
    assert len(response.races) == 2
    assert "precinctsTotal is '900', where AP sends a number" in response.faults[0][1]


def test_a_race_that_is_not_an_object_is_named_and_the_rest_read() -> None:
    good = national(races=1, counties=1)["races"][0]
    response = parse_response(encode({"electionDate": "2028-11-07", "races": ["oops", good]}))
    assert [race.key for race in response.races] == ["S00-1000"]
    assert response.faults == ((None, "races[0] is not an object"),)
