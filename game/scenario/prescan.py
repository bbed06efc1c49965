"""Limits checked on a scenario's raw text before any YAML parser sees it.

The C parser composes nested collections by recursion in C: about 27,500 levels of `[[[…`
overflow its stack and kill the process (no exception to catch), and a few hundred levels
already exhaust Python's recursion in the pure-Python reader. So the nesting depth is
measured here, on the text, by a small scanner that never recurses, and a file nested
deeper than `MAX_DEPTH` is refused with its line and column before it is parsed.

The scanner follows YAML closely enough to never count less than a parser would: block
levels come from indentation and `- ` / `? ` markers, flow levels from `[` and `{` outside
quoted scalars, comments, block scalars and plain text continued over several lines. A
property test (tests/scenario/test_reader.py) checks that over any layout ruamel writes it
counts at least the real depth and at most about twice it (a list under a key at the key's
own indentation); real scenarios nest about ten levels deep.
"""

from __future__ import annotations

import re
from collections.abc import Callable

#: Deepest nesting (block and flow levels together) a scenario may use. A scenario needs
#: about ten (scoring → rules → rule → measure → ratio → numerator → count → where → field);
#: the pure-Python reader runs out of recursion near 250.
MAX_DEPTH = 64

_KEY = re.compile(r"""[^\s#'"\[\]{},][^#]*?:(?=\s|$)""")
_FLOW = re.compile(r"""[\[\]{}'"#\n,:]""")
_DOUBLE = re.compile(r'(?:[^"\\]|\\.)*"', re.DOTALL)
_SINGLE = re.compile(r"(?:[^']|'')*'")
_PROPERTY = re.compile(r"[&!]\S*")
_SCALAR_START = "[{,:?"
#: What opens a block level before a value on the same line: a list item, an explicit key
#: and its value.
_MARKERS = ("- ", "? ", ": ")

#: The common line, read in one match (the careful scanner handles every other): an
#: indentation, maybe `- `, a plain key, and then nothing, plain text, a one-line quoted
#: text without escapes, or a one-level flow collection of plain and such quoted texts.
_QUOTED_TEXT = r'"[^"\\\n]*"'
_FLOW_ITEMS = rf"""(?:[^\[\]{{}}'"#\n\\]|{_QUOTED_TEXT})*"""
_SIMPLE = re.compile(
    rf"""(?P<indent> *)(?P<dash>- )?[A-Za-z_][\w.-]*:(?:[ ]+(?:"""
    rf"""(?P<flow>\{{{_FLOW_ITEMS}\}}|\[{_FLOW_ITEMS}\])[ ]*"""
    rf"""|{_QUOTED_TEXT}[ ]*"""
    rf"""|(?P<plain>[^\s\[\]{{}}'"#|>&!*%@`,?:-][^\n]*)))?[ ]*$"""
)

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


def nesting_depth(text: str) -> int:
    """The deepest nesting the scanner counts in `text` (what `check_depth` compares)."""
    scanner = _Scanner(text, lambda offset, message: None, 0)
    scanner.run()
    return scanner.deepest


class _Scanner:
    """A single pass over the text that keeps the block levels and the flow depth."""

    def __init__(self, text: str, report: Report, limit: int) -> None:
        self.text, self.report, self.limit = text, report, limit
        self.blocks: list[tuple[int, str]] = []  # (indent, "map" | "seq")
        self.flow = 0  # flow levels open: brackets, and single pairs inside lists
        #: The open brackets, innermost last; "[:" is a list holding a `key: value` pair,
        #: which YAML reads as a mapping inside the list (one more level).
        self.brackets: list[str] = []
        self.pos = 0
        #: Lines indented deeper than this are text: a block scalar's, or a plain scalar's
        #: continued on the next lines.
        self.block_scalar: int | None = None
        self.deepest = 0

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
        depth = len(self.blocks) + self.flow
        self.deepest = max(self.deepest, depth)
        if depth > self.limit:
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
        simple = _SIMPLE.match(text, start, end)
        if simple is not None:
            self._simple_line(simple, start, end)
            return
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
        kind = "seq" if content[:2] in _MARKERS or content in ("-", "?", ":") else "map"
        if kind == "map" and content[0] not in "[{'\"|>&!*" and not self._is_key(start + indent,
                                                                                 end):
            self._text_line(indent, end)
            return
        self._place(indent, kind)
        col = dash = indent
        while text[start + col: start + col + 2] in _MARKERS or (
                start + col + 1 == end and text[start + col] in "-?:"):
            dash = col
            col += 1
            while start + col < end and text[start + col] == " ":
                col += 1
            if start + col >= end:
                break
            if text[start + col: start + col + 2] in _MARKERS:
                self.blocks.append((col, "seq"))
            elif self._is_key(start + col, end):
                self.blocks.append((col, "map"))
            self._deeper(start + col)
        self._deeper(start + col)
        self._value(start + col, end, dash)

    def _simple_line(self, simple: re.Match[str], start: int, end: int) -> None:
        """`key: value` (maybe after `- `) with a plain, quoted or one-level flow value."""
        indent = len(simple["indent"])
        key_col = indent
        if simple["dash"]:
            self._place(indent, "seq")
            key_col = indent + 2
            self.blocks.append((key_col, "map"))
        else:
            self._place(indent, "map")
        flow = simple["flow"]
        # a flow list may hold `key: value` pairs, each a mapping inside it: one more level
        self.flow = 0 if flow is None else (1 if flow[0] == "{" else 2)
        self._deeper(start + key_col if flow is None else simple.start("flow"))
        self.flow = 0
        if simple["plain"] is not None:
            self.block_scalar = key_col  # deeper lines continue the text
        self.pos = end + 1

    def _text_line(self, indent: int, end: int) -> None:
        """A line of plain text alone: the value of the key above, which deeper lines continue."""
        while self.blocks and self.blocks[-1][0] >= indent:
            self.blocks.pop()
        self.block_scalar = self.blocks[-1][0] if self.blocks else -1
        self.pos = end + 1

    def _is_key(self, pos: int, end: int) -> bool:
        """Whether a mapping key (plain or quoted) starts at `pos`."""
        text = self.text
        if text[pos] in "'\"":
            close = self._quoted(pos)
            if close > end:
                return False
            after = _skip_spaces(text, close, end)
            return after < end and text[after] == ":" and (
                after + 1 == end or text[after + 1] in " \t")
        return _KEY.match(text, pos, end) is not None

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
                self.brackets = [char]
                self._deeper(pos)
                self.pos = pos + 1
                return
            if char in "'\"":
                opening = pos - (text.rfind("\n", 0, pos) + 1)
                pos = self._quoted(pos)
                end = _line_end(text, pos)
                pos = _skip_spaces(text, pos, end)
                if pos < end and text[pos] == ":":  # it was a key: its value follows
                    col = opening
                    pos += 1
                    continue
                self.pos = end + 1
                return
            if char in "|>":
                self.block_scalar = col
                self.pos = end + 1
                return
            key = _KEY.match(text, pos, end)
            if key is None:  # plain text: deeper lines below continue it, as in a block scalar
                self.block_scalar = col
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
                self.brackets.append(char)
                self._deeper(pos - 1)
            elif char in "]}":
                closed = self.brackets.pop() if self.brackets else ""
                self.flow = max(0, self.flow - (2 if closed == "[:" else 1))
            elif char == ",":
                if self.brackets and self.brackets[-1] == "[:":
                    self.brackets[-1] = "["
                    self.flow -= 1
            elif char == ":":
                if self.brackets and self.brackets[-1] == "[" and (
                        pos == len(text) or text[pos] in " \t\n,[]{}" or text[pos - 2] in "'\""):
                    self.brackets[-1] = "[:"
                    self.flow += 1
                    self._deeper(pos - 1)
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
