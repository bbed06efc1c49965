"""The one reader: limits before parsing, one YAML version, the same values everywhere."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML

from game.scenario.document import ScenarioDocument
from game.scenario.loader import ScenarioError, parse_scenario
from game.scenario.prescan import MAX_DEPTH, nesting_depth
from game.scenario.reader import MAX_BYTES, Problem, read, read_file, read_tree
from tests.scenario.helpers import MINIMAL, ROOT, SHIPPED


def refusal(text: str) -> Problem:
    """The one problem the loader reports, which the editor's document reports too."""
    with pytest.raises(ScenarioError) as caught:
        read(text, "t.yaml")
    document = ScenarioDocument(text, "t.yaml")
    assert document.syntax_problems == caught.value.problems
    assert len(caught.value.problems) == 1
    return caught.value.problems[0]


def values(text: str) -> object:
    """The values the loader reads, after checking the editor's document reads the same."""
    data = read(text, "t.yaml").data
    assert ScenarioDocument(text, "t.yaml").data() == data
    return data


def block_nested(depth: int) -> str:
    return "".join(f"{'  ' * level}k{level}:\n" for level in range(depth)) + \
        f"{'  ' * depth}leaf: 1\n"


def test_block_nesting_past_the_limit_is_located() -> None:
    problem = refusal(block_nested(MAX_DEPTH + 5))
    assert "nested too deep" in problem.message
    assert problem.line == MAX_DEPTH + 1


def test_block_nesting_within_the_limit_reads() -> None:
    assert values(block_nested(MAX_DEPTH - 4)) is not None


def test_lists_under_keys_at_the_same_indent_count_as_levels() -> None:
    """a:\n- b:\n  - c: …: each line opens a list and a mapping, two levels."""
    text = "".join(f"{'  ' * level}- k{level}:\n" for level in range(MAX_DEPTH // 2 + 2))
    problem = refusal(text + "  " * (MAX_DEPTH // 2 + 2) + "- x\n")
    assert "nested too deep" in problem.message
    assert problem.line <= MAX_DEPTH // 2 + 2


def test_compact_nested_lists_on_one_line_count() -> None:
    problem = refusal("a:\n  " + "- " * 100 + "x\n")
    assert (problem.line, "nested too deep") == (2, problem.message[:15])


def test_brackets_inside_text_do_not_count() -> None:
    text = ("quoted: '" + "[" * 200 + "'\n" + 'double: "' + "{" * 200 + '"\n'
            + "plain: a" + "[" * 200 + "\n" + "block: |\n  " + "[" * 200 + "\n"
            + "# " + "[" * 200 + "\n" + "flow: ['[[[', \"{{{\", it's]\n")
    data = values(text)
    assert isinstance(data, dict) and data["plain"] == "a" + "[" * 200
    assert data["flow"] == ["[[[", "{{{", "it's"]


@pytest.mark.parametrize("depth", [27_500])
def test_a_crash_sized_nesting_is_refused_before_the_c_parser(tmp_path: Path, depth: int) -> None:
    """~27,500 levels killed the C parser (exit 139): a child process shows it exits 1."""
    path = tmp_path / "deep.yaml"
    path.write_text("a: " + "[" * depth + "]" * depth + "\n", encoding="utf-8")
    done = subprocess.run([sys.executable, "main.py", "validate", str(path)], cwd=ROOT,
                          capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 1, done.stderr
    assert done.stdout.strip() == f"{path}:1:67: nested too deep: more than {MAX_DEPTH} levels " \
        "of lists and mappings"


def test_yaml_1_2_directive_is_read() -> None:
    assert values("%YAML 1.2\n---\na: no\n") == {"a": "no"}


@pytest.mark.parametrize("directive", ["%YAML 1.1", "%YAML 2.0", "%TAG ! tag:x.org,2000:"])
def test_other_directives_are_refused_on_their_line(directive: str) -> None:
    problem = refusal(f"# a comment\n{directive}\n---\na: 1\n")
    assert (problem.line, problem.col) == (2, 1)


def test_yaml_1_1_words_and_octal_look_alikes_are_text_and_decimals() -> None:
    data = values("a: no\nb: on\nc: 01200\nd: 0o17\ne: yes\n")
    assert data == {"a": "no", "b": "on", "c": 1200, "d": 15, "e": "yes"}


def test_dates_are_text() -> None:
    assert values("version: 2024-01-01\nat: 2024-01-01 10:00:00\n") == {
        "version": "2024-01-01", "at": "2024-01-01 10:00:00"}


def test_anchored_booleans_stay_booleans() -> None:
    assert values("a: &t true\nb: *t\n") == {"a": True, "b": True}


def test_explicit_tags_that_change_a_type_are_refused() -> None:
    problem = refusal("a: 1\nb: !!int '3'\n")
    assert (problem.line, problem.col) == (2, 4)
    assert "!!int" in problem.message


def test_a_tag_that_changes_nothing_reads_plainly() -> None:
    assert values("a: !!str abc\nb: !!map {c: 1}\n") == {"a": "abc", "b": {"c": 1}}


def test_local_tags_are_refused() -> None:
    assert "!foo" in refusal("a:\n  b: !foo {x: 1}\n").message


def test_complex_keys_are_refused_where_they_stand() -> None:
    problem = refusal("a: 1\n? [x, y]\n: 2\n")
    assert (problem.line, problem.col) == (2, 3)
    assert "a key must be plain text" in problem.message


def test_a_list_that_contains_itself_is_refused() -> None:
    assert "contains itself" in refusal("a: &l [1, *l]\n").message


def test_merge_of_a_sibling_reads_the_same_everywhere() -> None:
    assert values("base: &b {x: 1, y: 2}\nmine:\n  <<: *b\n  y: 3\n") == {
        "base": {"x": 1, "y": 2}, "mine": {"x": 1, "y": 3}}


def test_a_merge_of_a_number_is_located() -> None:
    problem = refusal("a:\n  <<: 1\n")
    assert problem.line == 2


def test_duplicate_keys_are_located_alike() -> None:
    assert refusal("a: 1\nb: 2\na: 3\n").line == 3


def test_crlf_and_a_byte_order_mark_read_like_plain_lf() -> None:
    text = SHIPPED[0].read_text(encoding="utf-8")
    crlf = "\ufeff" + text.replace("\n", "\r\n")
    assert values(crlf) == values(text)


def test_line_separators_are_refused_where_they_stand() -> None:
    problem = refusal("a: 1\nb: x\u2028y\n")
    assert (problem.line, problem.col) == (2, 5)
    assert "U+2028" in problem.message


def test_utf16_files_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "u16.yaml"
    path.write_bytes(MINIMAL.encode("utf-16"))
    with pytest.raises(ScenarioError) as caught:
        read_file(path)
    assert "UTF-16" in caught.value.problems[0].message


def test_a_file_over_the_size_limit_is_refused_unread(tmp_path: Path) -> None:
    path = tmp_path / "big.yaml"
    with path.open("wb") as stream:
        stream.truncate(MAX_BYTES + 10)
    with pytest.raises(ScenarioError) as caught:
        read_file(path)
    assert "larger than 16 MB" in caught.value.problems[0].message


def test_a_huge_integer_is_located_not_raised() -> None:
    problem = refusal("a: 1\nb: " + "9" * 5000 + "\n")
    assert (problem.line, problem.col, problem.message) == (
        2, 4, "a number may have at most 100 digits")


def test_the_round_trip_tree_keeps_quotes_for_the_editor() -> None:
    tree = read_tree("a: 'x'\n", "t.yaml", preserve_quotes=True)
    assert type(tree["a"]).__name__ == "SingleQuotedScalarString"


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.stem)
def test_each_shipped_scenario_reads_the_same_in_the_editor(path: Path) -> None:
    text = read_file(path)
    assert ScenarioDocument(text, str(path)).data() == read(text, str(path)).data
    parse_scenario(text, str(path))


def test_block_scalars_of_list_items_are_text() -> None:
    text = "notes:\n  - |\n    " + "[" * 100 + "\n    " + "{" * 100 + "\n  - >\n    [x\nend: 1\n"
    assert values(text) == {"notes": ["[" * 100 + "\n" + "{" * 100 + "\n", "[x\n"], "end": 1}


def test_a_top_level_block_scalar_is_text() -> None:
    text = "--- |\n" + "[" * 100 + "\n"
    assert read(text, "t.yaml").data == read_tree(text, "t.yaml") == "[" * 100 + "\n"


def real_depth(value: object) -> int:
    if isinstance(value, dict):
        return 1 + max((real_depth(v) for v in value.values()), default=0)
    if isinstance(value, list):
        return 1 + max((real_depth(v) for v in value), default=0)
    return 0


nested = st.recursive(
    st.sampled_from(["x", "it's", "a [b", "{c", "#d", "e: f", 1, 2.5, True, None, "|", "- g",
                     "two\nlines [", "x # [y", "' [", '"{"', "a\n\n  [b", "- [", "? {"]),
    lambda inner: st.lists(inner, min_size=1, max_size=3)
    | st.dictionaries(st.sampled_from(["k", "key", "a b", "[k]", "'q'", "-", "x: y", "a\nb"]),
                      inner,
                      min_size=1, max_size=3),
    max_leaves=40,
)


@settings(max_examples=int(os.environ.get("FUZZ_EXAMPLES", "300")), deadline=None)
@given(nested, st.sampled_from([None, True, False]), st.sampled_from([(2, 2, 0), (2, 4, 2)]),
       st.sampled_from([12, 4096]))
def test_the_prescan_never_counts_less_than_the_nesting(
    value: object, flow: bool | None, indent: tuple[int, int, int], width: int
) -> None:
    """Whatever the layout ruamel writes (block, flow, mixed; indented lists or not), the
    scanner's count is at least the real depth, and at most a little more."""
    yaml = YAML(typ="safe", pure=True)
    yaml.default_flow_style = flow
    yaml.indent(mapping=indent[0], sequence=indent[1], offset=indent[2])
    yaml.width = width  # 12: long flow collections and texts wrap over several lines
    out = io.StringIO()
    yaml.dump({"root": value}, out)
    depth = real_depth({"root": value})
    assert depth <= nesting_depth(out.getvalue()) <= 2 * depth + 1


def test_a_directive_after_many_comment_lines_is_still_refused() -> None:
    problem = refusal("# note\n" * 500 + "%YAML 1.1\n---\na: no\n")
    assert (problem.line, problem.col) == (501, 1)
