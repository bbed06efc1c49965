"""The one reader of scenario YAML: the game, `validate`, the editor, its drafts and the library.

Every text goes through the same steps, so that every caller reads a file to the same
values or refuses it with the same located problem:

1. `read_file` reads the bytes once, refuses files over `MAX_BYTES` and text that is not
   UTF-8 (located at the first bad byte).
2. `prescan` checks the raw text before any parser sees it: characters YAML forbids,
   `%YAML` directives, and the nesting depth (`game.scenario.prescan`), which protects the
   C parser from the stack overflow that no `try` could catch.
3. The text is composed into YAML nodes: by the C parser (ruamel.yaml.clib) when the text
   has no tabs and no tags (where the two parsers read differently), else by the
   pure-Python parser. Whatever the C parser refuses is read again by the pure-Python one,
   whose located messages are the ones authors see everywhere (the editor uses it alone).
4. `check_nodes` walks the nodes once, without recursion: keys must be plain scalars,
   tags that change a value are refused, no value may contain itself
   (`a: &s {b: 1, <<: *s}`), following aliases may not expand the file beyond
   max(MAX_NODES, its length) values (alias bombs), and integers have at most MAX_DIGITS
   digits. A text `read` sends to the C parser is walked only if it has an alias, a date
   or a long number.
5. The nodes are constructed (safe or round-trip constructor) and made plain.

YAML version: 1.2 only, core schema. A `%YAML 1.1` directive is refused with a located
error everywhere rather than read: a file that declares 1.1 asks for `no` to be false and
`01200` to be octal, and reading it as 1.2 would silently give it another meaning, while
reading it as 1.1 would need a second set of rules in every reader and the editor writes
1.2. The refusal says what to change. Dates are not part of the core schema: `2024-01-01`
is text, as it is in JSON.
"""

from __future__ import annotations

import re
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.error import MarkedYAMLError, ReusedAnchorWarning
from ruamel.yaml.reader import ReaderError

from game.scenario.nodes import MAX_DIGITS, MAX_NODES, check_nodes, locate, plain
from game.scenario.prescan import MAX_DEPTH, check_depth
from game.scenario.problems import Problem, ScenarioError, refuse

__all__ = [
    "MAX_BYTES",
    "MAX_DEPTH",
    "MAX_NODES",
    "Problem",
    "Reading",
    "ScenarioError",
    "check_nodes",
    "decode",
    "locate",
    "plain",
    "position",
    "prescan",
    "read",
    "read_file",
    "read_tree",
    "refuse",
]

#: Largest scenario file read, in bytes. The benchmark's generated province (42,555 units)
#: is 5.5 MB; a real county's scenario is under 100 KB.
MAX_BYTES = 16 * 1024 * 1024
#: Characters YAML refuses (ruamel's Reader.NON_PRINTABLE), the byte-order mark anywhere but
#: first, and NEL / LINE SEPARATOR / PARAGRAPH SEPARATOR, which YAML 1.1 parsers count as
#: line breaks and YAML 1.2 does not (the line numbers of the two parsers would disagree).
_FORBIDDEN = re.compile(
    "[^\x09\x0a\x0d\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd"
    "\U00010000-\U0010ffff]"
)
_DIRECTIVE = re.compile(r"%(\S*)[ \t]*(\S*)")
#: What `check_nodes` looks for in a text without tags: an alias (a cycle, an expansion), a
#: date, a very long number. A text with none of them (the generated province) is not walked:
#: it has no more values than characters. Complex keys are refused by `plain`.
_NEEDS_WALK = re.compile(
    rf"(?:^|[\s\[{{,:?-])\*|[0-9]{{4}}-[0-9][0-9]?-[0-9]|[0-9a-fA-FoxXb_]{{{MAX_DIGITS + 1}}}",
    re.MULTILINE,
)
#: A `!` where a tag could stand: the C parser reads a lone `!` as text where the pure-Python
#: parser resolves it like an untagged value, so such texts take the pure-Python path.
_MAYBE_TAG = re.compile(r"(?:^|[\s\[{,:?-])!", re.MULTILINE)


@dataclass(frozen=True)
class Reading:
    """A text read once: its plain values and the tree that locates them.

    Attributes:
        file: the name used in located problems.
        text: the text as read (line breaks normalised to "\\n", a leading BOM dropped).
        data: plain dicts, lists, str, int, float, bool and None.
        root: the YAML nodes (or round-trip tree) for `locate`.
    """

    file: str
    text: str
    data: Any
    root: Any


# ----- the file -----------------------------------------------------------------------------


def read_file(path: str | Path) -> str:
    """The text of a scenario file, read once; ScenarioError if too big or not UTF-8."""
    path = Path(path)
    file = str(path)
    try:
        with path.open("rb") as stream:
            raw = stream.read(MAX_BYTES + 1)
    except OSError as err:
        raise refuse(file, 1, 1, f"cannot read file: {err.strerror or err}") from None
    if len(raw) > MAX_BYTES:
        raise refuse(file, 1, 1, f"the file is larger than {MAX_BYTES // (1024 * 1024)} MB")
    return decode(raw, file)


def decode(raw: bytes, file: str) -> str:
    """UTF-8 bytes as text; ScenarioError located at the first byte that is not UTF-8."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise refuse(file, 1, 1, "the file is UTF-16: save it as UTF-8")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        before = raw[: err.start]
        line = before.count(b"\n") + 1
        col = len(before[before.rfind(b"\n") + 1:].decode("utf-8", "replace")) + 1
        raise refuse(file, line, col, f"the byte 0x{raw[err.start]:02X} is not UTF-8 text: "
                     "save the file as UTF-8") from None


# ----- the raw text -------------------------------------------------------------------------


def prescan(text: str, file: str) -> str:
    """Check the raw text before any parser sees it; the text with "\\n" line breaks.

    Raises:
        ScenarioError: a forbidden character, a directive other than `%YAML 1.2`, nesting
            deeper than MAX_DEPTH, or a text longer than MAX_BYTES.
    """
    if len(text) > MAX_BYTES:
        raise refuse(file, 1, 1, f"the text is longer than {MAX_BYTES // (1024 * 1024)} MB")
    text = text.removeprefix("\ufeff")
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    bad = _FORBIDDEN.search(text)
    if bad is not None:
        line, col = position(text, bad.start())
        code = ord(bad.group())
        raise refuse(file, line, col,
                     f"the character U+{code:04X} is not allowed in a scenario file")
    _check_directives(text, file)

    def report(offset: int, message: str) -> None:
        line, col = position(text, offset)
        raise refuse(file, line, col, message)

    check_depth(text, report, MAX_DEPTH)
    return text


def _check_directives(text: str, file: str) -> None:
    """Only `%YAML 1.2` may stand before the document (among comments and blank lines)."""
    offset = 0
    while offset <= len(text):
        end = text.find("\n", offset)
        end = len(text) if end < 0 else end
        line = text[offset:end]
        if line.startswith("%"):
            match = _DIRECTIVE.match(line)
            name, value = match.groups() if match else ("", "")
            if name != "YAML" or value != "1.2":
                raise refuse(file, text.count("\n", 0, offset) + 1, 1,
                             _directive_message(name, value))
        elif line.strip() and not line.lstrip().startswith("#"):
            return
        offset = end + 1


def _directive_message(name: str, value: str) -> str:
    if name == "YAML":
        return (f"this file declares YAML {value}; scenarios are read as YAML 1.2 only: "
                "delete this line (and quote yes/no/on/off or numbers with leading zeros "
                "if they are meant as text)")
    return f"the directive %{name} is not used in scenario files: delete this line"


def position(text: str, offset: int) -> tuple[int, int]:
    """Line and column (from 1) of a character offset in `text`."""
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


# ----- parsing ------------------------------------------------------------------------------


def read(text: str, file: str) -> Reading:
    """Read YAML text to plain values, by the fastest sound path; ScenarioError if it fails.

    The C parser composes the nodes when it can; whatever it refuses is read by the
    round-trip reader, so that the problem reported is the one the editor reports too. Texts
    where the two parsers are known to differ (tabs, which the C parser accepts where the
    other does not; tags) go to the round-trip reader directly.
    """
    text = prescan(text, file)
    if "\t" not in text and _MAYBE_TAG.search(text) is None:
        yaml = YAML(typ="safe")
        try:
            node = yaml.compose(text)
        except Exception:  # whatever the C parser refuses, the other one locates
            pass
        else:
            if _NEEDS_WALK.search(text) is not None:
                check_nodes(node, text, file, written_tags=False)
            try:
                data = yaml.constructor.construct_document(node) if node is not None else None
                return Reading(file, text, plain(data), node)
            except Exception:  # a complex key, a bad merge…: located below
                pass
    tree = read_tree(text, file, prescanned=True)
    return Reading(file, text, plain(tree), tree)


def read_tree(text: str, file: str, preserve_quotes: bool = False,
              prescanned: bool = False) -> Any:
    """The round-trip tree (comments and positions kept) of YAML text; ScenarioError if bad.

    Args:
        preserve_quotes: keep quoted scalars' style (the editor writes them back as found).
        prescanned: the text went through `prescan` already.
    """
    if not prescanned:
        text = prescan(text, file)
    yaml = YAML(typ="rt")  # a fresh reader: no anchors or state left from another text
    yaml.preserve_quotes = preserve_quotes
    try:
        with warnings.catch_warnings():  # a redefined anchor is YAML 1.2: no stderr noise
            warnings.simplefilter("ignore", ReusedAnchorWarning)
            node = yaml.compose(text)
        check_nodes(node, text, file)
        return yaml.constructor.construct_document(node) if node is not None else None
    except MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        reason = " ".join(part for part in (err.context, err.problem) if part)
        raise refuse(file, line, col, reason or str(err)) from None
    except ReaderError as err:
        line, col = position(text, err.position)
        raise refuse(file, line, col, "a character is not allowed in a YAML file") from None
    except RecursionError:
        raise refuse(file, 1, 1, "nested too deep to read") from None
    except ScenarioError:
        raise
    except Exception as err:  # a reader's failure is the file's problem, never a traceback
        raise refuse(file, 1, 1, f"not valid YAML: {err}") from None
