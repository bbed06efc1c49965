"""Comments belong to the node they precede and leave only with it (ScenarioDocument.delete).

ruamel keeps the lines above a node in the comment after the node before it; deleting a node
used to take the next node's comment and leave its own above the next node.
"""

from __future__ import annotations

import pytest

from game.scenario.document import ScenarioDocument

TEXT = """\
# header
a: 1  # eol a
# above b
b:
  x: 1  # eol x
  # above y
  y: 2  # eol y
  # above z
  z: 3
units:
  # about the units
  - id: u1  # eol u1
    kind: k
  # above u2
  - id: u2
    kind: k  # eol u2
  # above u3
  - id: u3
    kind: k
rel:
  - {a: 1}  # one
  # above two
  - {a: 2}
# above last
last: 1
"""


def deleted(path: tuple[str | int, ...]) -> str:
    doc = ScenarioDocument(TEXT)
    doc.delete(path)
    return doc.text


@pytest.mark.parametrize(("path", "gone", "kept"), [
    (("units", 1), ["above u2", "eol u2"], ["  # above u3\n  - id: u3", "about the units"]),
    (("units", 2), ["above u3"], ["    kind: k  # eol u2\nrel:"]),
    (("units", 0), ["eol u1"], ["  # about the units\n  # above u2\n  - id: u2"]),
    (("b", "y"), ["above y", "eol y"], ["  x: 1  # eol x\n  # above z\n  z: 3"]),
    (("b", "z"), ["above z"], ["  y: 2  # eol y\nunits:"]),
    (("b", "x"), ["eol x"], ["b:\n  # above y\n  y: 2"]),
    (("a",), ["eol a"], ["# header\n# above b\nb:"]),
    (("rel", 1), ["above two"], ["  - {a: 1}  # one\n# above last\nlast: 1"]),
    (("last",), ["above last"], ["  - {a: 2}\n"]),
    (("rel",), ["one", "above two"], ["    kind: k\n# above last\nlast: 1"]),
    (("rel", 0), ["one"], ["rel:\n  # above two\n  - {a: 2}"]),
])
def test_a_deleted_node_takes_its_own_comments_only(path, gone, kept) -> None:
    text = deleted(path)
    for comment in gone:
        assert comment not in text, text
    for block in kept:
        assert block in text, text
    kept_lines = [line for line in TEXT.splitlines() if "#" in line
                  and not any(g in line for g in gone)]
    for line in kept_lines:
        comment = line[line.index("#"):]
        assert text.count(comment) == 1, (comment, text)  # nothing lost, nothing twice


def test_clearing_a_field_keeps_the_next_fields_comment() -> None:
    doc = ScenarioDocument(TEXT)
    doc.set(("b", "x"), None)
    assert "b:\n  # above y\n  y: 2  # eol y\n" in doc.text and "eol x" not in doc.text


def test_a_mapping_set_without_a_key_keeps_the_next_keys_comment() -> None:
    doc = ScenarioDocument(TEXT)
    doc.set(("b",), {"x": 1, "z": 3})
    assert "  x: 1  # eol x\n  # above z\n  z: 3\n" in doc.text and "above y" not in doc.text
