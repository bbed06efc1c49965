"""Fixtures of the engine tests (helpers live in helpers.py)."""

from __future__ import annotations

import pytest

from game.scenario.models import Scenario
from tests.engine.helpers import load


@pytest.fixture(scope="session")
def double_rice() -> Scenario:
    """The shipped single-to-double rice scenario."""
    return load("double_rice")


@pytest.fixture(scope="session")
def rich() -> Scenario:
    """The test scenario: two bureaus, a recurring task, an inspection, a fuzzy task."""
    return load("rich")
