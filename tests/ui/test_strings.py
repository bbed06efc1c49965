"""Every string of the window exists in both languages, and every id the code uses exists."""

from __future__ import annotations

import ast
import importlib
import pkgutil
import string
import typing
from pathlib import Path

import pytest

import game.ui
from game.engine.game import PHASES
from game.engine.moves import CAUSES
from game.engine.state import TIME_CATEGORIES
from game.engine.views import ACTIONS, CATEGORIES, CATEGORY
from game.scenario.models import EventKind, UnitKind
from game.ui.common import i18n

UI = Path(game.ui.__file__).parent
for _module in pkgutil.walk_packages([str(UI)], prefix="game.ui."):
    importlib.import_module(_module.name)
TABLE = i18n.all_strings()
FILE_ENDINGS = {"py", "qss", "json", "yaml", "png", "ini", "txt"}


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def _literal_ids() -> set[tuple[str, str]]:
    """(file, id) for every literal passed to tr() or used as a label key in game/ui."""
    prefixes = {key.split(".")[0] for key in TABLE}
    found = set()
    for path in UI.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "tr":
                first = node.args[0] if node.args else None
                if isinstance(first, ast.Constant) and isinstance(first.value, str):
                    found.add((str(path.relative_to(UI)), first.value))
            elif isinstance(node, ast.Constant) and isinstance(node.value, str):
                text = node.value
                if text.endswith(("_", ".")):
                    continue  # the front of an id completed at run time
                parts = text.split(".")
                looks_like_id = len(parts) > 1 and all(p.isidentifier() for p in parts)
                looks_like_id = looks_like_id and parts[-1] not in FILE_ENDINGS
                if looks_like_id and parts[0] in prefixes and not text.startswith("game."):
                    found.add((str(path.relative_to(UI)), text))
    return found


def test_every_string_has_both_languages() -> None:
    for key, (zh, en) in TABLE.items():
        assert zh.strip() and en.strip(), key


@pytest.mark.parametrize("key", sorted(TABLE))
def test_both_languages_take_the_same_values(key: str) -> None:
    zh, en = TABLE[key]
    assert _placeholders(zh) == _placeholders(en), key


def test_every_id_used_in_the_sources_exists() -> None:
    missing = sorted((file, key) for file, key in _literal_ids() if key not in TABLE)
    assert not missing


def _families() -> list[str]:
    keys = [f"action.{a}" for a in ACTIONS] + [f"help.{a}" for a in ACTIONS]
    keys += [f"cause.{c}" for c in CAUSES] + [f"category.{c}" for c in (*CATEGORIES, "all")]
    keys += [f"doc.{k}.{part}" for k in CATEGORY for part in ("title", "body")]
    keys += [f"phase.{p}" for p in (*PHASES, "over")]
    keys += [f"phase_hint.{p}" for p in ("plan", "report", "respond", "over")]
    keys += [f"group.{g}" for g in ("up", "down", "inside", "pathology")]
    keys += [f"incentive.{k}" for k in ("economic", "political", "spiritual",
                                        "supporting_policy", "experiment")]
    keys += [f"doc.incentive.{k}" for k in ("economic", "political", "spiritual",
                                            "supporting_policy", "experiment")]
    sanctions = ("notice", "talk", "veto", "ranking", "elimination")
    keys += [f"sanction.{k}" for k in sanctions] + [f"doc.sanction.{k}" for k in sanctions]
    keys += [f"doc.source.{k}" for k in ("regime", "discretion", "inspection")]
    keys += [f"doc.event.{k}" for k in typing.get_args(EventKind)]
    keys += [f"kind.{k}" for k in typing.get_args(UnitKind)]
    keys += [f"cadence.{c}" for c in ("daily", "weekly", "monthly")]
    keys += [f"style.{s}" for s in ("default", "communicative", "mixed", "pressure", "honest",
                                    "gaming")]
    keys += [f"request.{k}" for k in ("explanation", "coordination", "proposal", "rule",
                                      "policy", "collusion", "discrepancy")]
    keys += [f"time.{t}" for t in (*TIME_CATEGORIES, "outside")]
    keys += [f"tab.{t}" for t in ("map", "inbox", "composer", "dashboard", "report",
                                  "debrief")]
    keys += [f"problem.{r}" for r in ("corrupt", "newer", "scenario", "mismatch")]
    keys += [f"composer.when.{a}" for a in ("request_coordination", "incentive")]
    return keys


@pytest.mark.parametrize("key", _families())
def test_every_id_built_at_run_time_exists(key: str) -> None:
    assert key in TABLE
