"""Load scenario files safely and report every problem as `file:line:col: message`.

YAML is read with ruamel.yaml's safe loader (C-accelerated where ruamel.yaml.clib is
installed); a file with a problem is read again with the round-trip loader, which builds only
plain mappings, sequences and scalars (never arbitrary objects) and remembers where each node
stood, to name the line and column.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.reader import ReaderError

from game.scenario.models import Scenario


@dataclass(frozen=True)
class Problem:
    """One located problem in a file (line and column count from 1)."""

    file: str
    line: int
    col: int
    message: str
    severity: str = "error"

    def __str__(self) -> str:
        prefix = "" if self.severity == "error" else f"{self.severity}: "
        return f"{self.file}:{self.line}:{self.col}: {prefix}{self.message}"


class ScenarioError(Exception):
    """A file that could not be loaded; `problems` holds every located reason."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = problems


#: Most nodes a file may expand to once aliases are followed: far above any real scenario,
#: far below what a "billion laughs" file of nested aliases would make us build.
MAX_NODES = 200_000


def read_yaml(text: str, file: str) -> Any:
    """Parse YAML text into ruamel's commented nodes, or raise ScenarioError."""
    yaml = YAML(typ="rt")
    try:
        root = yaml.load(text)
    except MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        reason = " ".join(part for part in (err.context, err.problem) if part)
        raise ScenarioError([Problem(file, line, col, reason or str(err))]) from None
    except ReaderError as err:
        line, col = _position(text, err.position)
        code = err.character if isinstance(err.character, int) else ord(err.character)
        reason = f"the control character U+{code:04X} is not allowed in a YAML file"
        raise ScenarioError([Problem(file, line, col, reason)]) from None
    except YAMLError as err:
        raise ScenarioError([Problem(file, 1, 1, f"not valid YAML: {err}")]) from None
    if _too_big(root, _limit(text)):
        raise ScenarioError(
            [Problem(file, 1, 1, f"the file expands to more than {_limit(text)} values "
                     "(aliases nested too deep?)")]
        )
    return root


def _position(text: str, offset: int) -> tuple[int, int]:
    """Line and column (from 1) of a character offset in `text`."""
    before = text[:offset]
    return before.count("\n") + 1, offset - (before.rfind("\n") + 1) + 1


def _limit(text: str) -> int:
    """How many values a text may expand to: a file without aliases needs at least a character
    per value, so a real file always passes and only alias bombs outgrow their text."""
    return max(MAX_NODES, len(text))


def _too_big(root: Any, limit: int = MAX_NODES) -> bool:
    """Whether walking the tree (aliases followed) meets more than `limit` values."""
    seen, stack = 0, [root]
    while stack:
        node = stack.pop()
        seen += 1
        if seen > limit:
            return True
        if isinstance(node, dict):
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
    return False


def plain(node: Any) -> Any:
    """Turn ruamel's commented nodes into plain dicts, lists and scalars."""
    if isinstance(node, dict):
        return {str(key) if not isinstance(key, str) else key: plain(v) for key, v in node.items()}
    if isinstance(node, list):
        return [plain(item) for item in node]
    if isinstance(node, bool) or node is None:
        return node
    for kind in (str, int, float):
        if isinstance(node, kind):
            return kind(node)
    return node


def locate(root: Any, loc: tuple[str | int, ...], at_value: bool = False) -> tuple[int, int]:
    """Line and column (from 1) of the deepest node along a pydantic error location.

    Args:
        root: the tree `read_yaml` returned.
        loc: the path to the node; a trailing "[key]" asks for the key of a mapping entry.
        at_value: point at a scalar's value rather than at its key (for wrong values).
    """
    node, line, col = root, 1, 1
    for index, part in enumerate(loc):
        last = index == len(loc) - 1
        if isinstance(node, CommentedMap) and part in node:
            scalar = not isinstance(node[part], CommentedMap | CommentedSeq)
            line, col = node.lc.value(part) if at_value and last and scalar else node.lc.key(part)
            line, col = line + 1, col + 1
            node = node[part]
        elif isinstance(node, CommentedSeq) and isinstance(part, int) and part < len(node):
            line, col = node.lc.item(part)
            line, col = line + 1, col + 1
            node = node[part]
        else:
            break
        if isinstance(node, CommentedMap | CommentedSeq) and node.lc.line is not None:
            line, col = node.lc.line + 1, node.lc.col + 1
    return line, col


def _message(error: Any) -> str:
    loc = [str(p) for p in error["loc"] if not str(p).startswith("function-")]
    where = ".".join(loc).replace(".[key]", " (key)")
    kind = error["type"]
    if kind == "extra_forbidden":
        return f"unknown key '{loc[-1]}'" + (f" in {'.'.join(loc[:-1])}" if loc[:-1] else "")
    if kind == "missing":
        return f"missing required field '{where}'"
    text = error["msg"].removeprefix("Value error, ")
    return f"{where}: {text}" if where else text


def problems_from(err: ValidationError, root: Any, file: str) -> list[Problem]:
    """Locate each pydantic error in the YAML tree."""
    problems = []
    for error in err.errors():
        loc = tuple(p for p in error["loc"] if not str(p).startswith("function-"))
        line, col = locate(root, loc, at_value=error["type"] not in ("extra_forbidden", "missing"))
        problems.append(Problem(file, line, col, _message(error)))
    return sorted(problems, key=lambda p: (p.line, p.col, p.message))


def parse_scenario(text: str, file: str = "<scenario>") -> Scenario:
    """Validate scenario YAML text; raise ScenarioError with located problems.

    A sound file is read with the fast safe loader; only a file with a problem is read again
    with the round-trip loader, which knows where each node stood.
    """
    quick = _quick_load(text)
    if quick is not None:
        return quick
    root = read_yaml(text, file)
    if not isinstance(root, dict):
        raise ScenarioError([Problem(file, 1, 1, "a scenario file must be a YAML mapping")])
    try:
        return Scenario.model_validate(plain(root))
    except ValidationError as err:
        raise ScenarioError(problems_from(err, root, file)) from None


def _quick_load(text: str) -> Scenario | None:
    """The scenario if the text is sound YAML of a valid scenario, else None (no detail)."""
    if "\t" in text:
        return None  # the C reader accepts tabs the round-trip reader refuses: let it decide
    try:
        data = YAML(typ="safe").load(text)
    except (YAMLError, ValueError, TypeError):
        return None
    if not isinstance(data, dict) or _too_big(data, _limit(text)):
        return None
    try:
        return Scenario.model_validate(plain(data))
    except (ValidationError, ValueError, TypeError):
        return None


def load_scenario(path: str | Path) -> Scenario:
    """Read and validate a scenario file; raise ScenarioError naming file, line and column."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise ScenarioError([Problem(str(path), 1, 1, f"cannot read file: {err}")]) from None
    return parse_scenario(text, str(path))


def scenario_digest(scenario: Scenario) -> str:
    """A stable fingerprint of a scenario's content, stored in save files."""
    data = scenario.model_dump_json().encode("utf-8")
    return hashlib.sha256(data).hexdigest()[:16]
