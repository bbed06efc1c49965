"""Limits checked on a scenario's raw text before any YAML parser sees it.

The C parser composes nested collections by recursion in C: about 27,500 levels of `[[[…`
overflow its stack and kill the process (no exception to catch), and a few hundred levels
already exhaust Python's recursion in the pure-Python reader. So the nesting depth is
measured here, on the text, by a small scanner that never recurses, and a file nested
deeper than `MAX_DEPTH` is refused with its line and column before it is parsed.

The scanner follows YAML closely enough to never count less than a parser would: block
levels come from indentation and `- ` / `? ` markers, flow levels from `[` and `{` outside
quoted scalars, comments and block scalars. It may count a level or two more than the
parser on odd layouts (a plain scalar continued on a deeper line), which the limit's
margin absorbs: real scenarios nest about ten levels deep.
"""

from __future__ import annotations

import re
from collections.abc import Callable

#: Deepest nesting (block and flow levels together) a scenario may use. A scenario needs
#: about ten (scoring → rules → rule → measure → ratio → numerator → count → where → field);
#: the pure-Python reader runs out of recursion near 250.
MAX_DEPTH = 64

_KEY = re.compile(r"""[^\s#'"\[\]{},][^#]*?:(?=\s|$)""")
_FLOW = re.compile(r"""[\[\]{}'"#\n]""")
_DOUBLE = re.compile(r'(?:[^"\\]|\\.)*"', re.DOTALL)
_SINGLE = re.compile(r"(?:[^']|'')*'")
_PROPERTY = re.compile(r"[&!]\S*")
_SCALAR_START = "[{,:?"

#: raise(offset, message): report a problem at a character offset of the text.
Report = Callable[[int, str], None]


def check_depth(text: str, report: Report, limit: int = MAX_DEPTH) -> None:
    """Call `report` at the first place where `text` nests deeper than `limit`.

    Args:
        text: the YAML text, with line breaks normalised to "\\n".
        report: called with a character offset and a message; expected to raise.
        limit: the deepest nesting allowed.
    """
    _Scanner(text, report, limit).run()


class _Scanner:
    """A single pass over the text that keeps the block levels and the flow depth."""

    def __init__(self, text: str, report: Report, limit: int) -> None:
        self.text, self.report, self.limit = text, report, limit
        self.blocks: list[tuple[int, str]] = []  # (indent, "map" | "seq")
        self.flow = 0
        self.pos = 0
        self.block_scalar: int | None = None  # lines indented deeper than this are text

    def run(self) -> None:
        text = self.text
        while self.pos < len(text):
            end = text.find("\n", self.pos)
            end = len(text) if end < 0 else end
            if self.flow:
                self.pos = self._flow(self.pos)
            elif self.block_scalar is not None and self._in_block_scalar(self.pos, end):
                self.pos = end + 1
            else:
                self.block_scalar = None
                self._line(self.pos, end)

    def _deeper(self, offset: int) -> None:
        if len(self.blocks) + self.flow > self.limit:
            self.report(offset, f"nested too deep: more than {self.limit} levels of lists "
                        "and mappings")

    def _in_block_scalar(self, start: int, end: int) -> bool:
        line = self.text[start:end]
        stripped = line.lstrip(" ")
        threshold = -1 if self.block_scalar is None else self.block_scalar
        return not stripped.strip() or len(line) - len(stripped) > threshold

    def _line(self, start: int, end: int) -> None:
        """A line in block context: its indentation, markers, then its value."""
        text = self.text
        line = text[start:end]
        content = line.lstrip(" ")
        indent = len(line) - len(content)
        if not content.strip() or content.startswith("#"):
            self.pos = end + 1
            return
        if indent == 0 and content.startswith(("---", "...", "%")):
            if content.startswith("---"):
                self.blocks.clear()
                self._value(start + 3, end, -1)
            else:
                self.pos = end + 1
            return
        kind = "seq" if content[:2] in ("- ", "? ") or content in ("-", "?") else "map"
        self._place(indent, kind)
        col = dash = indent
        while text[start + col: start + col + 2] in ("- ", "? ") or (
                start + col + 1 == end and text[start + col] in "-?"):
            dash = col
            col += 1
            while start + col < end and text[start + col] == " ":
                col += 1
            if start + col >= end:
                break
            if text[start + col: start + col + 2] in ("- ", "? "):
                self.blocks.append((col, "seq"))
            elif _KEY.match(text, start + col, end):
                self.blocks.append((col, "map"))
            self._deeper(start + col)
        self._deeper(start + col)
        self._value(start + col, end, dash)

    def _place(self, indent: int, kind: str) -> None:
        blocks = self.blocks
        while blocks and blocks[-1][0] > indent:
            blocks.pop()
        if blocks and blocks[-1][0] == indent:
            if blocks[-1][1] == kind:
                return
            if kind == "seq":
                blocks.append((indent, "seq"))  # a list under a key, at the key's indent
                return
            blocks.pop()  # that list has ended: back to its mapping
            if blocks and blocks[-1][0] == indent:
                return
        blocks.append((indent, kind))

    def _value(self, pos: int, end: int, col: int) -> None:
        """What starts at `pos` in block context: flow, quoted, block scalar, key or text.

        Loops (never recurses) over `key: key: …` and `"quoted": …` on one line; a flow
        collection hands over to the main loop, which scans it in flow context.

        Args:
            col: the indentation of the node that owns a block scalar starting here (the
                column of its key or `- `; -1 at the top of a document): the scalar's text
                is every following line indented deeper.
        """
        text = self.text
        while True:
            pos = _skip_properties(text, pos, end)
            if pos >= end or text[pos] == "#":
                self.pos = end + 1
                return
            char = text[pos]
            if char in "[{":
                self.flow = 1
                self._deeper(pos)
                self.pos = pos + 1
                return
            if char in "'\"":
                pos = self._quoted(pos)
                end = _line_end(text, pos)
                pos = _skip_spaces(text, pos, end)
                if pos < end and text[pos] == ":":
                    pos += 1
                    continue
                self.pos = end + 1
                return
            if char in "|>":
                self.block_scalar = col
                self.pos = end + 1
                return
            key = _KEY.match(text, pos, end)
            if key is None:
                self.pos = end + 1
                return
            col = pos - (text.rfind("\n", 0, pos) + 1)
            pos = key.end()

    def _quoted(self, pos: int) -> int:
        """The offset just after the quoted scalar starting at `pos` (the end if unclosed)."""
        pattern = _DOUBLE if self.text[pos] == '"' else _SINGLE
        match = pattern.match(self.text, pos + 1)
        return len(self.text) if match is None else match.end()

    def _flow(self, pos: int) -> int:
        """Scan flow context from `pos` until it closes; then the rest of that line."""
        text = self.text
        while self.flow:
            match = _FLOW.search(text, pos)
            if match is None:
                return len(text)
            char, pos = match.group(), match.end()
            if char in "[{":
                self.flow += 1
                self._deeper(pos - 1)
            elif char in "]}":
                self.flow -= 1
            elif char in "'\"":
                if _starts_scalar(text, pos - 1):
                    pos = self._quoted(pos - 1)
            elif char == "#" and (pos == 1 or text[pos - 2] in " \t\n"):
                pos = _line_end(text, pos)
        end = _line_end(text, pos)
        pos = _skip_spaces(text, pos, end)
        if pos < end and text[pos] == ":":
            self._value(pos + 1, end, self.blocks[-1][0] if self.blocks else 0)
        else:
            self.pos = end + 1
        return self.pos


def _line_end(text: str, pos: int) -> int:
    end = text.find("\n", pos)
    return len(text) if end < 0 else end


def _skip_spaces(text: str, pos: int, end: int) -> int:
    while pos < end and text[pos] in " \t":
        pos += 1
    return pos


def _skip_properties(text: str, pos: int, end: int) -> int:
    """Past spaces, anchors (&a) and tags (!t) before a value."""
    while True:
        pos = _skip_spaces(text, pos, end)
        prop = _PROPERTY.match(text, pos, end)
        if prop is None:
            return pos
        pos = prop.end()


def _starts_scalar(text: str, pos: int) -> bool:
    """Whether a quote at `pos` in flow context opens a quoted scalar (not inside plain text)."""
    back = pos - 1
    while back >= 0 and text[back] in " \t\n":
        back -= 1
    return back < 0 or text[back] in _SCALAR_START
