"""Comments follow the node they precede: deleting a node from ruamel's round-trip tree.

ruamel keeps the comment lines above a node in the comment after the node before it (the
last key or item of its deepest last child), and those above a collection's first item in
the collection's own `ca.comment[1]`. A token after a node reads: the end-of-line comment of
the node's last line (or an empty line), then the lines above whatever comes next. Removing a
node therefore moves the lines above the next node back to the node before, and drops the
removed node's own comments: its end-of-line comment and the lines above it.
"""

from __future__ import annotations

from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import CommentMark
from ruamel.yaml.tokens import CommentToken


def drop(parent: CommentedMap | CommentedSeq, key: Any,
         holder: tuple[Any, Any] | None = None) -> None:
    """Delete `parent[key]` with its own comments; the comment above the next node stays.

    The lines between a collection's key and its first item (or the file's header) speak
    for the whole collection and stay when the first item goes.

    Args:
        parent: the mapping or sequence that holds the node.
        key: the node's key (a mapping) or index (a sequence); it must be present.
        holder: the collection that holds `parent`, and `parent`'s key in it (ruamel also
            looks there for the lines above `parent`'s first item), or None at the root.

    Raises:
        ValueError: `key` is not in `parent`.
    """
    keys = list(parent) if isinstance(parent, CommentedMap) else list(range(len(parent)))
    position = keys.index(key)
    after = _tail_token(parent, key)
    following = _split(after.value)[1] if after is not None else ""
    following += _take_ends(parent, key)
    if after is not None:
        after.value = "\n"  # it leaves with the node; nothing of it is emitted twice
    if position > 0:
        _set_tail(parent, keys[position - 1], following)
    else:
        _append_head(parent, following, holder)
    del parent[key]


def _split(value: str) -> tuple[str, str]:
    """A token after a node as (its end-of-line comment, the lines above the next node)."""
    first, _, rest = value.partition("\n")
    return first + "\n", rest


def _tail_owner(container: Any, key: Any) -> tuple[Any, Any]:
    """The collection and key whose comment slot follows `container[key]`'s last line."""
    value = container[key]
    while isinstance(value, CommentedMap | CommentedSeq) and len(value) and \
            not value.fa.flow_style():
        container = value
        key = list(value)[-1] if isinstance(value, CommentedMap) else len(value) - 1
        value = container[key]
    return container, key


def _take_ends(container: Any, key: Any) -> str:
    """The lines kept at the end of the collections `container[key]` ends with (where ruamel
    puts the comment after a last item written in flow style), taken from them."""
    lines, value = "", container[key]
    while isinstance(value, CommentedMap | CommentedSeq):
        ends = getattr(value.ca, "end", None) or []
        lines += "".join(t.value for t in ends if isinstance(t, CommentToken))
        value.ca.end = []
        if not len(value):
            break
        value = value[list(value)[-1] if isinstance(value, CommentedMap) else len(value) - 1]
    return lines


def _tail_token(container: Any, key: Any) -> CommentToken | None:
    owner, last = _tail_owner(container, key)
    slot = 2 if isinstance(owner, CommentedMap) else 0
    entry = owner.ca.items.get(last)
    token = entry[slot] if entry is not None and len(entry) > slot else None
    return token if isinstance(token, CommentToken) else None


def _set_tail(container: Any, key: Any, following: str) -> None:
    """Keep the end-of-line comment after `container[key]`; put `following` below it."""
    owner, last = _tail_owner(container, key)
    slot = 2 if isinstance(owner, CommentedMap) else 0
    token = _tail_token(container, key)
    _take_ends(container, key)  # lines above the removed node, kept where a flow item ends
    if token is not None:
        token.value = _split(token.value)[0] + following
    elif following:
        entry = owner.ca.items.setdefault(last, [None, None, None, None])
        entry[slot] = CommentToken("\n" + following, CommentMark(0), None)


def _head_tokens(container: Any) -> list[CommentToken]:
    comment = container.ca.comment
    found = comment[1] if comment is not None and len(comment) > 1 else None
    return [t for t in found or [] if isinstance(t, CommentToken)]


def _append_head(container: Any, following: str, holder: tuple[Any, Any] | None) -> None:
    """Put `following` below the lines above a collection's first item."""
    if not following:
        return
    tokens = _head_tokens(container)
    if tokens:
        tokens[-1].value = tokens[-1].value + following
        return
    indent = len(following) - len(following.lstrip(" "))
    head = CommentToken(following[indent:], CommentMark(indent), None)  # first line: indented
    container.ca.comment = [None, [head]]  # by the emitter at the token's column
    if holder is not None and isinstance(holder[0], CommentedMap):
        holder[0].ca.items.setdefault(holder[1], [None, None, None, None])[3] = [head]
