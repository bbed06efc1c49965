"""A scenario file as an editable tree that keeps the author's comments, order and layout.

The scenario editor never regenerates YAML from the model: every edit changes ruamel's
round-trip tree (CommentedMap / CommentedSeq) in place and the text is dumped from that tree,
so comments, key order, flow or block style, quotes and folded paragraphs survive. A text
that does not parse is kept as it is, with its located problem, and nothing is lost.
"""

from __future__ import annotations

import copy
import io
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import (
    DoubleQuotedScalarString,
    FoldedScalarString,
    LiteralScalarString,
    SingleQuotedScalarString,
)

from game.scenario.comments import drop
from game.scenario.reader import Problem, ScenarioError, locate, plain, read_tree

Path = tuple[str | int, ...]
#: Longest line a folded paragraph the editor writes may have (the shipped files fold at ~95).
FOLD_WIDTH = 92
_KEEP_STYLE = (DoubleQuotedScalarString, SingleQuotedScalarString)


def _make_yaml(mapping: int = 2, sequence: int = 4, offset: int = 2) -> YAML:
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 4096  # never re-wrap the author's lines
    yaml.indent(mapping=mapping, sequence=sequence, offset=offset)
    return yaml


def _guess_yaml(text: str) -> YAML:
    """A dumper with the indentation the author used (two spaces, '- ' indented, by default).

    Looks at the first line below each top-level key: '- ' items give the sequences' offset,
    keys give the mappings' indent.
    """
    mapping, offset = None, None
    lines = [line for line in text.splitlines() if line.strip() and line.lstrip()[0] != "#"]
    for above, line in zip(lines, lines[1:], strict=False):
        nested = line[0] == " " or line.startswith("- ")
        if above[0] == " " or not above.rstrip().endswith(":") or not nested:
            continue
        indent = len(line) - len(line.lstrip())
        if line.lstrip().startswith("- "):
            offset = indent if offset is None else offset
        elif mapping is None:
            mapping = indent
    mapping = mapping or 2
    offset = offset if offset is not None else mapping
    return _make_yaml(mapping, offset + 2, offset)


class ScenarioDocument:
    """The text of one scenario file and its comment-keeping tree.

    Args:
        text: the file's YAML text.
        file: the name used in located problems.
    """

    def __init__(self, text: str, file: str = "<scenario>") -> None:
        self.file = file
        self._yaml = _guess_yaml(text)
        self._text = text
        self._root: CommentedMap | None = None
        self._stale = False  # the tree's line marks are from an older text
        self._plain: Any = None  # plain copy of the tree, rebuilt after each change
        self._batching = 0
        self._pending = False
        self.syntax_problems: list[Problem] = []
        self.set_text(text)

    # ----- the text ------------------------------------------------------------------------

    @property
    def text(self) -> str:
        """The current YAML text."""
        return self._text

    @property
    def ok(self) -> bool:
        """Whether the text parses to a mapping (the forms can edit it)."""
        return not self.syntax_problems

    def set_text(self, text: str) -> bool:
        """Replace the whole text; False (text kept, problem located) when it does not parse."""
        self._text = text
        try:
            root = self._load(text)
        except ScenarioError as err:
            self.syntax_problems = err.problems
            return False
        if not isinstance(root, CommentedMap):
            self.syntax_problems = [Problem(self.file, 1, 1, "a scenario file must be a YAML "
                                            "mapping")]
            return False
        self._root, self._stale, self.syntax_problems = root, False, []
        self._plain = None
        return True

    def _load(self, text: str) -> Any:
        """The tree of `text` through the one reader (game.scenario.reader): the same limits,
        YAML version and values as the game's loader, or its located ScenarioError."""
        return read_tree(text, self.file, preserve_quotes=True)

    @property
    def root(self) -> CommentedMap:
        """The tree, with line and column marks that match the current text.

        Edits change the tree in place and leave its marks behind the text; they are read
        again only when asked for here (positions, located problems), not after every edit.
        """
        tree = self._tree
        if self._stale:
            self._root = tree = self._load(self._text)
            self._stale = False
        return tree

    @property
    def _tree(self) -> CommentedMap:
        if self._root is None or not self.ok:
            raise ValueError("the document does not parse")
        return self._root

    def data(self) -> Any:
        """The tree as plain dicts, lists and scalars (shared: do not change it)."""
        if not self.ok:
            return None
        if self._plain is None:
            self._plain = plain(self._tree)
        return self._plain

    @contextmanager
    def batch(self) -> Iterator[None]:
        """Make several edits and dump the text once, at the end."""
        self._batching += 1
        try:
            yield
        finally:
            self._batching -= 1
            if not self._batching and self._pending:
                self._pending = False
                self._changed()

    def _changed(self) -> None:
        self._plain = None
        if self._batching:
            self._pending = True
            return
        stream = io.StringIO()
        self._yaml.dump(self._tree, stream)
        self._text = stream.getvalue()
        self._stale = True

    # ----- reading -------------------------------------------------------------------------

    def get(self, path: Path, default: Any = None) -> Any:
        """A plain copy of the value at `path`, or `default` when there is none."""
        node: Any = self.data()
        for part in path:
            try:
                node = node[part]
            except (KeyError, IndexError, TypeError):
                return default
        return copy.deepcopy(node) if isinstance(node, dict | list) else node

    def position(self, path: Path) -> tuple[int, int]:
        """Line and column (from 1) of the node at `path` (or of its nearest ancestor)."""
        return locate(self.root, path, at_value=True)

    def path_at(self, line: int, col: int | None = None) -> Path:
        """The deepest path whose key or item starts at or before (line, col), from 1."""
        node: Any = self.root
        path: Path = ()
        here = (line, col if col is not None else 10**9)
        while isinstance(node, CommentedMap | CommentedSeq):
            best = None
            for key, (k_line, k_col) in _marks(node):
                if (k_line + 1, k_col + 1) <= here:
                    best = key
            if best is None:
                return path
            path, node = (*path, best), node[best]
        return path

    # ----- writing -------------------------------------------------------------------------

    def set(self, path: Path, value: Any, order: Sequence[str] = ()) -> None:
        """Set the value at `path` (None deletes it), creating missing mappings on the way.

        Args:
            order: the schema's key order for the mapping that holds the value: a new key is
                inserted after the keys that come before it, not at the end.
        """
        if value is None:
            self.delete(path)
            return
        parent, key = self._parent(path, create=True), path[-1]
        if isinstance(parent, CommentedSeq):
            parent[int(key)] = to_yaml(value, parent[int(key)])
        elif key in parent:
            parent[key] = to_yaml(value, parent[key])
        else:
            parent.insert(_slot(parent, str(key), order), key, to_yaml(value, None))
        self._changed()

    def delete(self, path: Path) -> None:
        """Remove the value at `path`, if there is one."""
        parent = self._parent(path, create=False)
        key = path[-1]
        in_map = isinstance(parent, CommentedMap) and key in parent
        in_seq = isinstance(parent, CommentedSeq) and isinstance(key, int) and key < len(parent)
        if in_map or in_seq:
            holder = self._node(path[:-2]) if len(path) > 1 else None
            drop(parent, key, (holder, path[-2]) if holder is not None else None)
            self._changed()

    def rename_key(self, path: Path, old: str, new: str) -> None:
        """Rename a key of the mapping at `path`, keeping its place, value and comments."""
        mapping = self._node(path)
        if not isinstance(mapping, CommentedMap) or old not in mapping or new in mapping:
            return
        comment = mapping.ca.items.pop(old, None)
        position = list(mapping).index(old)
        value = mapping.pop(old)
        mapping.insert(position, new, value)
        if comment is not None:
            mapping.ca.items[new] = comment
        self._changed()

    def insert(self, path: Path, index: int, value: Any) -> None:
        """Insert `value` into the list at `path` (created when missing) before `index`."""
        seq = self._list(path)
        seq.insert(max(0, min(index, len(seq))), to_yaml(value, None, flow=_flow_like(seq)))
        self._changed()

    def append(self, path: Path, value: Any) -> int:
        """Append to the list at `path`; the new item's index."""
        seq = self._list(path)
        self.insert(path, len(seq), value)
        return len(seq) - 1

    def move(self, path: Path, source: int, target: int) -> None:
        """Move item `source` of the list at `path` to position `target`."""
        seq = self._list(path)
        item = seq.pop(source)
        seq.insert(max(0, min(target, len(seq))), item)
        self._changed()

    def _list(self, path: Path) -> CommentedSeq:
        node = self._node(path)
        if node is None:
            self.set(path, [])
            node = self._node(path)
        if not isinstance(node, CommentedSeq):
            raise TypeError(f"{'.'.join(map(str, path))} is not a list")
        return node

    def _node(self, path: Path) -> Any:
        node: Any = self._tree
        for part in path:
            node = _child(node, part)
        return node

    def _parent(self, path: Path, create: bool) -> Any:
        if not path:
            raise ValueError("the root cannot be replaced")
        node: Any = self._tree
        for part in path[:-1]:
            child = _child(node, part)
            if child is None:
                if not (create and isinstance(node, CommentedMap)):
                    return None
                node[part] = child = CommentedMap()
            node = child
        return node


def _child(node: Any, part: str | int) -> Any:
    """node[part], or None when there is no such child."""
    if isinstance(node, CommentedMap):
        return node.get(part)
    if isinstance(node, CommentedSeq) and isinstance(part, int) and -len(node) <= part < len(node):
        return node[part]
    return None


def _marks(node: CommentedMap | CommentedSeq) -> list[tuple[Any, tuple[int, int]]]:
    if isinstance(node, CommentedMap):
        return [(key, tuple(node.lc.key(key))) for key in node]
    return [(index, tuple(node.lc.item(index))) for index in range(len(node))]


def _slot(mapping: CommentedMap, key: str, order: Sequence[str]) -> int:
    """Where a new key goes: after the last present key that the schema puts before it."""
    if key not in order:
        return len(mapping)
    before = set(order[: list(order).index(key)])
    slot = 0
    for index, present in enumerate(mapping):
        if present in before:
            slot = index + 1
    return slot


def _flow_like(seq: CommentedSeq) -> bool | None:
    """Whether new items of `seq` should be flow maps: like its existing items, if any."""
    for item in seq:
        if isinstance(item, CommentedMap):
            return bool(item.fa.flow_style())
    return None


def _short_scalars(items: list[Any]) -> bool:
    scalars = all(not isinstance(v, dict | list) for v in items)
    return scalars and sum(len(str(v)) for v in items) < 72


def to_yaml(value: Any, old: Any, flow: bool | None = None) -> Any:
    """The round-trip node for a plain value, reusing `old` (and its comments) where it can."""
    if isinstance(value, dict):
        return _map(value, old if isinstance(old, CommentedMap) else None, flow)
    if isinstance(value, list | tuple):
        return _seq(list(value), old if isinstance(old, CommentedSeq) else None)
    if isinstance(value, str):
        return _string(value, old)
    whole = isinstance(value, float) and value.is_integer()
    if whole and (old is None or (isinstance(old, int) and not isinstance(old, bool))):
        return int(value)
    return value


def _map(value: dict[str, Any], old: CommentedMap | None, flow: bool | None) -> CommentedMap:
    if old is None:
        new = CommentedMap()
        for key, item in value.items():
            new[key] = to_yaml(item, None)
        if flow if flow is not None else _short_scalars(list(value.values())):
            new.fa.set_flow_style()
        return new
    for key in [k for k in old if k not in value]:
        drop(old, key)
    for key, item in value.items():
        if key in old:
            old[key] = to_yaml(item, old[key])
        else:
            old[key] = to_yaml(item, None)
    return old


def _seq(value: list[Any], old: CommentedSeq | None) -> CommentedSeq:
    if old is None:
        new = CommentedSeq(to_yaml(item, None) for item in value)
        if _short_scalars(value) or not value:
            new.fa.set_flow_style()
        return new
    del old[len(value):]
    for index, item in enumerate(value):
        if index < len(old):
            old[index] = to_yaml(item, old[index])
        else:
            old.append(to_yaml(item, None))
    return old


def _string(value: str, old: Any) -> Any:
    """A string in the style of the one it replaces (folded, literal, quoted or plain)."""
    if isinstance(old, FoldedScalarString) or (old is None and len(value) > FOLD_WIDTH):
        if "\n" in value:
            return LiteralScalarString(value)
        folded = FoldedScalarString(value)
        folded.fold_pos = fold_positions(value, FOLD_WIDTH)
        return folded
    if isinstance(old, LiteralScalarString) or "\n" in value:
        return LiteralScalarString(value)
    if isinstance(old, _KEEP_STYLE):
        return type(old)(value)
    return value


def fold_positions(text: str, width: int) -> list[int]:
    """Indexes of the spaces where a folded paragraph breaks so lines stay within `width`."""
    positions, start, last_space = [], 0, -1
    for index, char in enumerate(text):
        if char == " " and 0 < index < len(text) - 1 and text[index + 1] != " ":
            if index - start > width and last_space > start:
                positions.append(last_space)
                start = last_space + 1
            last_space = index
    if len(text) - start > width and last_space > start:
        positions.append(last_space)
    return positions
