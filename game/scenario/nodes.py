"""YAML nodes of a scenario text: the checks before construction, plain values, positions.

`check_nodes` refuses what the scenario language never uses before anything is built from
the nodes; `plain` turns either constructor's values into plain Python; `locate` finds the
line and column of a value in composed nodes or in the editor's round-trip tree.
"""

from __future__ import annotations

from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq, TaggedScalar
from ruamel.yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from ruamel.yaml.resolver import VersionedResolver
from ruamel.yaml.scalarbool import ScalarBoolean

from game.scenario.problems import ScenarioError, refuse

#: Most values a file may expand to once aliases are followed: far above any real scenario,
#: far below what a "billion laughs" file of nested aliases would make us build. A file
#: without aliases needs a character per value, so the limit is at least the text's length.
MAX_NODES = 200_000

_CORE = "tag:yaml.org,2002:"
_STR, _TIMESTAMP, _MERGE = _CORE + "str", _CORE + "timestamp", _CORE + "merge"
_MAP, _SEQ, _INT = _CORE + "map", _CORE + "seq", _CORE + "int"
#: Longest integer read: Python refuses to convert more than 4,300 digits, and no figure
#: of a scenario needs more than a few.
MAX_DIGITS = 100
_RESOLVER = VersionedResolver(version=(1, 2))


def check_nodes(root: Node | None, text: str, file: str, written_tags: bool = True) -> None:
    """Refuse what the scenario language never uses, before anything is constructed.

    Walks the composed nodes once, following aliases, without recursion. Plain scalars
    that YAML 1.1 would read as dates become text (YAML 1.2's core schema has no dates).

    Args:
        written_tags: the text may hold tags (`!!int`, `!x`); False for texts `read` sends
            to the C parser, which have no `!` where a tag could stand, so that each scalar
            need not be resolved again.

    Raises:
        ScenarioError: a list or mapping used as a key, an explicit tag that changes a
            value's type (`!!int "3"`, `!foo`), a value that contains itself, or more than
            max(MAX_NODES, len(text)) values once aliases are followed.
    """
    if root is None:
        return
    limit = max(MAX_NODES, len(text))
    seen = 0
    open_ids: set[int] = set()
    stack: list[tuple[Node, Any, bool]] = [(root, root.start_mark, False)]
    while stack:
        node, mark, leaving = stack.pop()
        if leaving:
            open_ids.discard(id(node))
            continue
        if id(node) in open_ids:
            raise _at(file, mark, "this value contains itself (an alias inside its own "
                      "anchor)")
        seen += 1
        if seen > limit:
            raise _at(file, mark, f"the file expands to more than {limit} values "
                      "(aliases nested too deep?)")
        _check_tag(node, file, written_tags)
        if isinstance(node, ScalarNode):
            continue
        open_ids.add(id(node))
        stack.append((node, mark, True))
        if isinstance(node, MappingNode):
            for key, value in node.value:
                if not isinstance(key, ScalarNode):
                    raise _at(file, key.start_mark, "a key must be plain text or a number, "
                              "not a list or a mapping")
                _check_tag(key, file, written_tags)
                stack.append((value, key.start_mark, False))
        else:
            stack.extend((item, item.start_mark, False) for item in node.value)


def _check_tag(node: Node, file: str, written_tags: bool) -> None:
    tag = node.tag
    if not written_tags:
        if tag == _TIMESTAMP:
            node.tag = _STR
        elif tag == _INT and len(node.value) > MAX_DIGITS:
            raise _at(file, node.start_mark, f"a number may have at most {MAX_DIGITS} digits")
        return
    if isinstance(node, ScalarNode):
        implicit = (_RESOLVER.resolve(ScalarNode, node.value, (True, False))
                    if not node.style else _STR)
        if tag == _TIMESTAMP and implicit == _TIMESTAMP:
            node.tag = _STR
            return
        if tag == _INT and len(node.value) > MAX_DIGITS:
            raise _at(file, node.start_mark, f"a number may have at most {MAX_DIGITS} digits")
        if tag != implicit and not (tag == _STR and node.style):
            raise _at(file, node.start_mark, f"the tag {_short(tag)} is not used in scenario "
                      "files: write the value plainly (quote it for text)")
        node.tag = tag  # drop the written form (!!str): the round-trip reader reads it plainly
    elif tag != (_MAP if isinstance(node, MappingNode) else _SEQ):
        raise _at(file, node.start_mark, f"the tag {_short(tag)} is not used in scenario files")
    else:
        node.tag = tag


def _short(tag: str | None) -> str:
    return "!!" + tag[len(_CORE):] if tag and tag.startswith(_CORE) else str(tag)


def _at(file: str, mark: Any, message: str) -> ScenarioError:
    return refuse(file, mark.line + 1, mark.column + 1, message)


def plain(node: Any) -> Any:
    """Plain dicts, lists and scalars from constructed YAML (either constructor's).

    Keys become text ("1" for 1, "True" for true) after being made plain themselves, so
    that both constructors give the same keys.

    Raises:
        TypeError: a key that is a list or a mapping (`check_nodes` locates them).
    """
    if isinstance(node, dict):
        return {key if isinstance(key, str) else _plain_key(key): plain(v)
                for key, v in node.items()}
    if isinstance(node, list):
        return [plain(item) for item in node]
    if isinstance(node, bool) or node is None:
        return node
    if isinstance(node, ScalarBoolean):
        return bool(node)
    if isinstance(node, TaggedScalar):
        return str(node.value)
    for kind in (str, int, float):
        if isinstance(node, kind):
            return kind(node)
    return node


def _plain_key(key: Any) -> str:
    value = plain(key)
    if not (value is None or isinstance(value, str | int | float | bool)):
        raise TypeError("a key must be plain text or a number")
    return str(value)


def locate(root: Any, loc: tuple[str | int, ...], at_value: bool = False) -> tuple[int, int]:
    """Line and column (from 1) of the deepest node along a pydantic error location.

    Args:
        root: a Reading's root: composed YAML nodes or a round-trip tree.
        loc: the path to the node.
        at_value: point at a scalar's value rather than at its key (for wrong values).
    """
    if isinstance(root, Node):
        return _locate_node(root, loc, at_value)
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


def _locate_node(root: Node, loc: tuple[str | int, ...], at_value: bool) -> tuple[int, int]:
    node: Node = root
    line, col = 1, 1
    for index, part in enumerate(loc):
        last = index == len(loc) - 1
        found = _child_node(node, part)
        if found is None:
            break
        mark, node = found
        if at_value and last and isinstance(node, ScalarNode):
            mark = node.start_mark
        line, col = mark.line + 1, mark.column + 1
        if not isinstance(node, ScalarNode):
            line, col = node.start_mark.line + 1, node.start_mark.column + 1
    return line, col


def _child_node(node: Node, part: str | int) -> tuple[Any, Node] | None:
    """(the mark of the key or item, the child node) at `part`, or None."""
    if isinstance(node, MappingNode):
        for key, value in node.value:
            if key.value == part:
                return key.start_mark, value
    elif isinstance(node, SequenceNode) and isinstance(part, int) and 0 <= part < len(node.value):
        item = node.value[part]
        return item.start_mark, item
    return None
