"""Property tests: whatever a scenario file holds, it loads or raises ScenarioError."""

from __future__ import annotations

import copy
import io
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML

from game.scenario.lint import lint
from game.scenario.loader import ScenarioError, load_scenario, parse_scenario, plain, read_yaml
from game.scenario.models import Scenario
from tests.scenario.helpers import MINIMAL, SHIPPED

TEXTS = [MINIMAL, *(path.read_text(encoding="utf-8") for path in SHIPPED)]
#: Trees of the smaller files: YAML round trips of the large ones would slow the run down.
TREES = [plain(read_yaml(text, "<fuzz>")) for text in sorted(TEXTS, key=len)[:2]]
FAST = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])

scalars = st.one_of(
    st.none(), st.booleans(), st.integers(-5, 10**6), st.floats(), st.text(max_size=12),
    st.sampled_from(["hexi", "reclaim", "county", "bureau", "rice", "weekly", "zh"]),
)
junk = st.recursive(scalars, lambda inner: st.lists(inner, max_size=3)
                    | st.dictionaries(st.text(max_size=8), inner, max_size=3), max_leaves=8)


def load_or_refuse(text: str) -> Scenario | None:
    """Parse and, if the text is valid, lint it; anything but a ScenarioError fails the test."""
    try:
        scenario = parse_scenario(text, "fuzz.yaml")
    except ScenarioError as err:
        assert err.problems
        assert all(p.line >= 1 and p.col >= 1 and p.message for p in err.problems)
        return None
    lint(scenario, None, text)
    return scenario


def paths(node: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every path into a plain tree (the root excluded)."""
    found = [prefix] if prefix else []
    if isinstance(node, dict):
        for key, value in node.items():
            found += paths(value, (*prefix, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found += paths(value, (*prefix, index))
    return found


def at(node: Any, path: tuple[Any, ...]) -> Any:
    for part in path:
        node = node[part]
    return node


def dump(data: Any) -> str:
    out = io.StringIO()
    YAML(typ="safe", pure=True).dump(data, out)
    return out.getvalue()


@st.composite
def mutated_trees(draw: st.DrawFn) -> str:
    """A scenario's tree with keys dropped, values replaced by junk or moved, keys added."""
    data = copy.deepcopy(draw(st.sampled_from(TREES)))
    for _ in range(draw(st.integers(1, 3))):
        path = draw(st.sampled_from(paths(data)))
        parent, key = at(data, path[:-1]), path[-1]
        action = draw(st.sampled_from(["drop", "junk", "move", "add"]))
        if action == "drop":
            del parent[key]
        elif action == "junk":
            parent[key] = draw(junk)
        elif action == "move":
            parent[key] = copy.deepcopy(at(data, draw(st.sampled_from(paths(data)))))
        elif isinstance(parent, dict):
            parent[draw(st.text(max_size=8))] = draw(junk)
        else:
            parent.insert(0, draw(junk))
    return dump(data)


@st.composite
def mutated_texts(draw: st.DrawFn) -> str:
    """A scenario's text with lines dropped or doubled, text inserted or the end cut off."""
    lines = draw(st.sampled_from(TEXTS)).splitlines(keepends=True)
    for _ in range(draw(st.integers(1, 4))):
        index = draw(st.integers(0, len(lines) - 1))
        action = draw(st.sampled_from(["drop", "double", "insert", "cut"]))
        if action == "drop":
            del lines[index]
        elif action == "double":
            lines.insert(index, lines[index])
        elif action == "insert":
            text = lines[index]
            offset = draw(st.integers(0, len(text)))
            lines[index] = text[:offset] + draw(st.text(max_size=6)) + text[offset:]
        else:
            lines = lines[:index]
        if not lines:
            break
    return "".join(lines)


@FAST
@given(mutated_trees())
def test_mutated_trees_load_or_raise_scenario_error(text: str) -> None:
    load_or_refuse(text)


@FAST
@given(mutated_texts())
def test_mutated_texts_load_or_raise_scenario_error(text: str) -> None:
    load_or_refuse(text)


@FAST
@given(st.text(max_size=300))
def test_random_text_raises_scenario_error(text: str) -> None:
    assert load_or_refuse(text) is None


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=300))
def test_random_bytes_in_a_file_raise_scenario_error(tmp_path_factory: Any, raw: bytes) -> None:
    path: Path = tmp_path_factory.mktemp("bytes") / "random.yaml"
    path.write_bytes(raw)
    try:
        load_scenario(path)
    except ScenarioError as err:
        assert err.problems and err.problems[0].file == str(path)
    else:
        raise AssertionError("random bytes made a scenario")
