"""Property tests: whatever a scenario file holds, it loads or raises ScenarioError.

The editor's document and the game's loader read every text to the same values (or refuse it
with the same located problems). FUZZ_EXAMPLES=2000 runs the mangled-file test 2,000 times.
"""

from __future__ import annotations

import copy
import io
import os
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML

from game.scenario.document import ScenarioDocument
from game.scenario.lint import lint
from game.scenario.loader import ScenarioError, load_scenario, parse_scenario, plain, read_yaml
from game.scenario.models import Scenario
from game.scenario.reader import read, read_file
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


# ----- whole files, mangled: through the loader and the editor's document -------------------

#: FUZZ_EXAMPLES=2000 runs the issue's full count; CI runs a quick sample.
EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "100"))
FILES = settings(max_examples=EXAMPLES, deadline=None,
                 suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                        HealthCheck.function_scoped_fixture])
RAW = [path.read_bytes() for path in SHIPPED]


def deep_nesting(draw: st.DrawFn) -> bytes:
    """A nested value of 40 to 400 levels, in one of the shapes that once crashed the reader."""
    depth = draw(st.integers(40, 400))
    shape = draw(st.sampled_from(["flow", "map", "block", "dash"]))
    if shape == "flow":
        return b"deep: " + b"[" * depth + b"]" * draw(st.integers(0, depth)) + b"\n"
    if shape == "map":
        return b"deep: " + b"{a: " * depth + b"1" + b"}" * depth + b"\n"
    if shape == "dash":
        return b"deep:\n  " + b"- " * depth + b"x\n"
    return b"".join(b"  " * level + b"k:\n" for level in range(depth)) + b"  " * depth + b"x\n"


@st.composite
def mangled_files(draw: st.DrawFn) -> bytes:
    """A shipped file's bytes with bytes flipped, lines doubled or deleted, nesting spliced in."""
    lines = draw(st.sampled_from(RAW)).splitlines(keepends=True)
    for _ in range(draw(st.integers(1, 5))):
        index = draw(st.integers(0, max(0, len(lines) - 1)))
        action = draw(st.sampled_from(["flip", "double", "delete", "deep", "bytes"]))
        if not lines:
            lines = [b""]
        if action == "flip":
            line = bytearray(lines[index] or b" ")
            at = draw(st.integers(0, len(line) - 1))
            line[at] ^= draw(st.integers(1, 255))
            lines[index] = bytes(line)
        elif action == "double":
            lines.insert(index, lines[index])
        elif action == "delete":
            del lines[index]
        elif action == "deep":
            lines.insert(index, deep_nesting(draw))
        else:
            lines.insert(index, draw(st.binary(max_size=12)))
    return b"".join(lines)


def typed(value: Any) -> Any:
    """A value with each scalar's type kept (1, 1.0 and True differ) and NaN comparable."""
    if isinstance(value, dict):
        return {key: typed(item) for key, item in value.items()}
    if isinstance(value, list):
        return [typed(item) for item in value]
    if isinstance(value, float) and value != value:
        return ("float", "nan")
    return (type(value).__name__, value)


@FILES
@given(raw=mangled_files())
def test_mangled_files_load_or_refuse_alike_in_game_and_editor(
    tmp_path_factory: Any, raw: bytes
) -> None:
    """No traceback from load_scenario or the editor's document; both read the same values
    or refuse with the same located problems."""
    path: Path = tmp_path_factory.mktemp("mangled") / "mangled.yaml"
    path.write_bytes(raw)
    try:
        load_scenario(path)
    except ScenarioError as err:
        assert err.problems and all(p.file == str(path) and p.line >= 1 for p in err.problems)
    try:
        text = read_file(path)
    except ScenarioError:
        return
    document = ScenarioDocument(text, str(path))
    try:
        data = read(text, str(path)).data
    except ScenarioError as err:
        assert document.syntax_problems == err.problems
    else:
        assert document.ok, document.syntax_problems
        assert typed(document.data()) == typed(data)


# ----- YAML made of tricky tokens: the two readers agree on every one -----------------------

TOKENS = [
    "yes", "no", "on", "off", "y", "n", "true", "True", "FALSE", "null", "~", "Null", "",
    "0", "-0", "+1", "01200", "0o17", "0x1F", "0b101", "1_000", "1__0", "_1", "1_", "0x_1",
    "1e3", "1.0e+3", "1E3", ".5", "5.", "1_0.5", ".inf", "-.Inf", ".nan", "NaN", "+.inf",
    "2024-01-01", "2024-01-01 10:00:00", "2024-01-01T10:00:00Z", "1:20", "190:20:30",
    "'q'", '"d\\u00e9"', "'it''s'", '"\\x41"', "|\n  lit", ">\n  fold", "&a 1", "*a",
    "&b {x: 1}", "*b", "!!str 1", "!!int '1'", "!!float 1", "!!bool yes", "!!null ''",
    "!foo x", "[1, two, 3.0]", "{x: 1, y: [a, b]}", "[]", "{}", "- x", "? k", "%", "@x",
    "`x", "a: b", "a #c", "#c", "'", '"', "[", "{", "]", "}", ",", "&", "*", "!", "|", ">",
    "\t1", "x\ty", "\u00e9", "中文", "\u2028", "\ufeff", "\x85", "\r", "<<: *b", "<<: [*b]",
]
KEYS = ["a", "b", "<<", "1", "1.0", "true", "null", "~", "'q'", '"d"', "? [x]", "[k]", "{k: v}",
        "a b", "a:b", "-", "?", "&k a", "*a", "!!str k"]


@st.composite
def token_yaml(draw: st.DrawFn) -> str:
    """Lines of `key: value` at random indents, built from YAML's tricky tokens."""
    lines = []
    for _ in range(draw(st.integers(1, 8))):
        indent = "  " * draw(st.integers(0, 3))
        key = draw(st.sampled_from(KEYS))
        value = draw(st.sampled_from(TOKENS))
        if draw(st.booleans()):
            lines.append(f"{indent}{key}: {value}")
        else:
            lines.append(f"{indent}- {value}")
    return "\n".join(lines) + draw(st.sampled_from(["", "\n"]))


@settings(max_examples=max(200, EXAMPLES), deadline=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(token_yaml())
def test_the_editor_and_the_loader_read_any_text_alike(text: str) -> None:
    try:
        data = read(text, "t.yaml").data
    except ScenarioError as err:
        document = ScenarioDocument(text, "t.yaml")
        assert document.syntax_problems == err.problems
        return
    document = ScenarioDocument(text, "t.yaml")
    if isinstance(data, dict):
        assert document.ok, document.syntax_problems
        assert typed(document.data()) == typed(data)
    else:
        assert not document.ok  # the editor needs a mapping; the text itself was read
