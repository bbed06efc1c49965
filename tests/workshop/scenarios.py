"""Scenarios for the facilitator's tests: the tutorial with an inspection to inject."""

from __future__ import annotations

from game.scenario.loader import parse_scenario
from game.scenario.models import Scenario
from tests.workshop.helpers import TUTORIAL

INSPECTION = "county_inspection"

_EVENT = f"""
  - id: {INSPECTION}
    kind: cross_level_inspection
    name: {{zh: 督查组直接下沉乡镇, en: The inspectors go straight to the townships}}
    text:
      zh: 督查组不打招呼、直奔地块，按下达的指标逐乡检查。
      en: The inspectors arrive unannounced and check each township against its quota.
    turn: 6
    task: reclaim
    effects: {{inspector: county_agri}}
"""


def inspected_tutorial() -> Scenario:
    """The tutorial with a cross-level inspection due in its last turn (6): a facilitator may
    fire it earlier."""
    text = TUTORIAL.read_text(encoding="utf-8")
    head, tail = text.split("\nseats:", 1)
    return parse_scenario(head + _EVENT.rstrip("\n") + "\nseats:" + tail, "inspected.yaml")
