"""Fixtures shared by the unit and integration tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.faultserver import FaultServer


@pytest.fixture
def server() -> Iterator[FaultServer]:
    """A `FaultServer` on 127.0.0.1 (port 0) for one test, stopped after it."""
    with FaultServer() as running:
        yield running
