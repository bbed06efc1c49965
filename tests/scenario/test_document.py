"""The editor's document model: edits change the round-trip tree and keep the author's text."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.scenario.document import ScenarioDocument, fold_positions
from game.scenario.loader import parse_scenario

ROOT = Path(__file__).resolve().parents[2]
SCENARIOS = sorted((ROOT / "scenarios").glob("*.yaml"))
DOUBLE_RICE = ROOT / "scenarios" / "double_rice.yaml"
RELATIONS_COMMENT = "# The county bureau knows its townships' land well"


def document(path: Path = DOUBLE_RICE) -> ScenarioDocument:
    return ScenarioDocument(path.read_text(encoding="utf-8"), str(path))


def changed_lines(before: str, after: str) -> list[str]:
    old = set(before.splitlines())
    return [line for line in after.splitlines() if line not in old]


@pytest.mark.parametrize("path", SCENARIOS, ids=lambda p: p.stem)
def test_an_untouched_scenario_dumps_to_its_own_text(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    doc = ScenarioDocument(text)
    doc.set(("id",), doc.get(("id",)))
    assert doc.text == text


def test_setting_a_scalar_changes_only_its_line_and_keeps_comments() -> None:
    doc = document()
    before = doc.text
    doc.set(("units", 4, "funds"), 9)
    assert changed_lines(before, doc.text) == ["    funds: 9"]
    assert RELATIONS_COMMENT in doc.text
    assert doc.text.startswith("# 单改双")


def test_a_new_key_goes_where_the_schema_puts_it() -> None:
    doc = document()
    doc.set(("units", 2, "morale"), 0.8, order=["id", "kind", "name", "parent", "morale"])
    lines = doc.text.splitlines()
    name = next(i for i, line in enumerate(lines) if "C县县委县政府" in line)
    assert lines[name + 1] == "    morale: 0.8"


def test_appended_items_follow_their_siblings_style() -> None:
    doc = document()
    doc.append(("units",), {"id": "new_town", "kind": "township", "parent": "c_county",
                            "name": {"zh": "新镇", "en": "New town"}})
    doc.append(("relations",), {"superior": "county_agri", "subordinate": "new_town"})
    assert "  - id: new_town\n    kind: township\n" in doc.text
    assert "    name: {zh: 新镇, en: New town}\n" in doc.text
    assert "  - {superior: county_agri, subordinate: new_town}\n" in doc.text


def test_deleting_an_item_keeps_the_comment_above_the_list() -> None:
    doc = document()
    doc.delete(("relations", 0))
    assert RELATIONS_COMMENT in doc.text
    assert "subordinate: county_agri" not in doc.text


def test_setting_none_removes_the_key() -> None:
    doc = document()
    doc.set(("units", 4, "region"), None)
    assert doc.get(("units", 4, "region")) is None
    assert doc.get(("units", 4, "id")) == "beiyuan"


def test_a_missing_mapping_is_created_on_the_way() -> None:
    doc = document()
    doc.set(("styles", "by_unit", "hukou"), "gaming")
    assert "styles:\n  superior: mixed\n  subordinate: mixed\n  by_unit:\n    hukou: gaming\n" \
        in doc.text


def test_a_folded_paragraph_stays_folded_within_the_width() -> None:
    doc = document()
    words = "the townships bargain over the markup that every level adds " * 4
    doc.set(("briefing", "en"), words.strip())
    block = doc.text.split("  en: >-\n", 1)[1].split("author:")[0]
    assert all(len(line) <= 96 for line in block.splitlines())
    assert doc.get(("briefing", "en")) == words.strip()


def test_a_whole_number_is_written_without_a_decimal_point() -> None:
    doc = document()
    doc.set(("units", 4, "capacity", "double_rice"), 5000.0)
    assert "capacity: {double_rice: 5000}" in doc.text


def test_moving_an_item_reorders_the_list() -> None:
    doc = document()
    doc.move(("events",), 2, 0)
    assert [e["id"] for e in doc.get(("events",))] == ["hotline_surge", "cold_snap",
                                                       "grain_attention"]


def test_an_edited_text_reads_back_to_the_same_text() -> None:
    doc = document()
    doc.set(("tasks", 0, "carriers"), ["beiyuan", "hukou"])
    doc.set(("title", "en"), "A: title with a colon")
    again = ScenarioDocument(doc.text)
    again.set(("id",), again.get(("id",)))
    assert again.text == doc.text


def test_an_edited_document_still_validates() -> None:
    doc = document()
    doc.set(("tasks", 0, "markup"), 0.3)
    assert parse_scenario(doc.text).tasks[0].markup == 0.3


def test_text_that_does_not_parse_is_kept_with_a_located_problem() -> None:
    doc = document()
    broken = doc.text.replace("turns: 8", "turns: [8", 1)
    assert doc.set_text(broken) is False
    assert doc.text == broken
    assert not doc.ok
    assert doc.syntax_problems[0].line > 1


def test_fixing_the_text_makes_the_tree_editable_again() -> None:
    doc = document()
    good = doc.text
    doc.set_text("turns: [8")
    assert doc.set_text(good)
    assert doc.ok and doc.get(("turns",)) == 8


def test_positions_follow_the_edited_text() -> None:
    doc = document()
    line_before, _ = doc.position(("seats",))
    doc.delete(("relations", 0))
    assert doc.position(("seats",))[0] == line_before - 1


def test_a_line_leads_back_to_the_deepest_field_on_it() -> None:
    doc = document()
    line, col = doc.position(("units", 4, "funds"))
    assert doc.path_at(line, col) == ("units", 4, "funds")


def test_a_column_inside_a_flow_mapping_picks_the_key_before_it() -> None:
    doc = document()
    line, _ = doc.position(("units", 4, "name"))
    text_line = doc.text.splitlines()[line - 1]
    assert doc.path_at(line, text_line.index("zh") + 2) == ("units", 4, "name", "zh")


def test_fold_positions_break_at_spaces_before_the_width() -> None:
    text = "aaaa bbbb cccc dddd"
    assert fold_positions(text, 10) == [9]


def test_values_read_are_copies_the_document_does_not_share() -> None:
    doc = document()
    seats = doc.get(("seats",))
    seats.append("nobody")
    assert "nobody" not in doc.get(("seats",))


def test_renaming_a_key_keeps_its_place_and_value() -> None:
    doc = document()
    doc.rename_key(("units", 4, "capacity"), "double_rice", "early_rice")
    assert "capacity: {early_rice: 4600}" in doc.text


@pytest.mark.parametrize("text", ["", "- a list\n", "a: 1\na: 2\n", "a: \t\x07\n"])
def test_text_that_is_no_scenario_mapping_is_kept_with_a_problem(text: str) -> None:
    doc = ScenarioDocument(text)
    assert not doc.ok and doc.text == text and doc.syntax_problems
