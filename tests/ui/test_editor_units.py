"""Adding, moving and removing units: the rules (pure) and the tree, graph, forms and YAML."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, Qt

from game.scenario.document import ScenarioDocument
from game.scenario.loader import parse_scenario
from game.ui.editor import units as ops
from game.ui.editor.outline_model import UNIT_MIME
from game.ui.editor.renames import rename_task, rename_unit
from tests.ui.test_editor_support import (
    SCENARIOS,
    answer_questions,
    edit_with,
    open_editor,
    unit_form,
)


@pytest.fixture(autouse=True)
def _discard_on_close(monkeypatch: pytest.MonkeyPatch) -> None:
    answer_questions(monkeypatch)


def document() -> ScenarioDocument:
    return ScenarioDocument((SCENARIOS / "double_rice.yaml").read_text(encoding="utf-8"))


def ids(doc: ScenarioDocument) -> list[str]:
    return [u["id"] for u in ops.units(doc)]


def test_a_new_unit_goes_after_its_parents_family() -> None:
    doc = document()
    index = ops.add_unit(doc, "village", "beiyuan")
    assert ids(doc)[index - 2: index + 1] == ["beiyuan_v1", "beiyuan_v2", "village"]
    assert doc.get(("units", index, "parent")) == "beiyuan"


def test_a_unit_cannot_move_under_itself_or_a_level_it_does_not_belong_to() -> None:
    doc = document()
    assert ops.allowed_parents(doc, "beiyuan_v1") == ["beiyuan", "hukou", "shuangfeng",
                                                      "tianxin", "hetang", "baishi"]
    assert "y_city" not in ops.allowed_parents(doc, "beiyuan")
    assert "c_county" not in ops.allowed_parents(doc, "c_county")


def test_removing_a_unit_takes_its_units_and_every_reference_to_them() -> None:
    doc = document()
    gone = ops.remove_unit(doc, "beiyuan")
    assert set(gone) == {"beiyuan", "beiyuan_v1", "beiyuan_v2"}
    assert "beiyuan" not in doc.get(("seats",))
    assert "beiyuan" not in doc.get(("tasks", 0, "carriers"))
    assert all(r["subordinate"] != "beiyuan" for r in doc.get(("relations",)))


def test_adding_a_unit_shows_it_in_the_yaml_tree_graph_and_form(qtbot, tmp_path: Path):
    window = open_editor(qtbot, tmp_path)
    window.select_unit("hukou")
    edit_with(window, qtbot, window.units.add["village"].trigger)
    assert "  - id: village\n    kind: village\n    parent: hukou\n" in window.document.text
    assert window.current_unit() == "village"
    assert window.graph.boxes["village"].parent_id == "hukou"
    assert window.pages.form.editors["parent"].combo.currentData() == "hukou"


def test_only_the_kinds_a_unit_may_hold_can_be_added_under_it(qtbot, tmp_path: Path):
    window = open_editor(qtbot, tmp_path)
    window.select_unit("c_county")
    enabled = {kind for kind, action in window.units.add.items() if action.isEnabled()}
    assert enabled == {"bureau", "township", "subdistrict"}


def test_choosing_another_parent_in_the_form_moves_the_unit(qtbot, tmp_path: Path):
    window = open_editor(qtbot, tmp_path)
    combo = unit_form(window, "beiyuan_v2").editors["parent"].combo
    edit_with(window, qtbot, lambda: combo.activated.emit(combo.findData("hukou")))
    assert window.document.doc.get(("units", 11, "parent")) == "hukou"
    hukou = window.outline.find_unit("hukou")
    assert window.outline.data(window.outline.index(0, 0, hukou)).startswith("大湾村")


def test_dropping_a_unit_on_another_in_the_tree_moves_it(qtbot, tmp_path: Path):
    window = open_editor(qtbot, tmp_path)
    data = QMimeData()
    data.setData(UNIT_MIME, b"shuangfeng_v1")
    target = window.outline.find_unit("tianxin")
    edit_with(window, qtbot, lambda: window.outline.dropMimeData(
        data, Qt.DropAction.MoveAction, -1, 0, target))
    assert window.graph.boxes["shuangfeng_v1"].parent_id == "tianxin"


def test_a_move_the_levels_do_not_allow_is_refused_and_changes_nothing(qtbot, tmp_path: Path):
    window = open_editor(qtbot, tmp_path)
    before = window.document.text
    assert window.units.reparent("beiyuan", "y_city") is False
    assert window.document.text == before
    assert "beiyuan" in window.statusBar().currentMessage()


def test_removing_a_unit_from_the_menu_removes_it_everywhere(qtbot, tmp_path: Path):
    window = open_editor(qtbot, tmp_path)
    window.select_unit("shuangfeng")
    edit_with(window, qtbot, window.units.remove.trigger)
    assert "shuangfeng" not in window.document.text
    assert "shuangfeng" not in window.graph.boxes
    assert not window.outline.find_unit("shuangfeng_v1").isValid()
    assert not any(p.severity == "error" for p in window.problems)


def test_delete_in_the_graph_removes_the_selected_unit(qtbot, tmp_path: Path):
    window = open_editor(qtbot, tmp_path)
    window.side.setCurrentWidget(window.graph)
    window.graph.select_unit("beiyuan_v2")
    edit_with(window, qtbot, lambda: qtbot.keyClick(window.graph, Qt.Key.Key_Delete))
    assert "beiyuan_v2" not in window.document.text


def test_the_arrow_keys_walk_the_graph(qtbot, tmp_path: Path):
    window = open_editor(qtbot, tmp_path)
    window.side.setCurrentWidget(window.graph)
    window.graph.select_unit("beiyuan")
    qtbot.keyClick(window.graph, Qt.Key.Key_Right)
    assert window.current_unit() == "beiyuan_v1"
    qtbot.keyClick(window.graph, Qt.Key.Key_Down)
    assert window.current_unit() == "beiyuan_v2"
    qtbot.keyClick(window.graph, Qt.Key.Key_Left)
    assert window.current_unit() == "beiyuan"


def test_the_context_menu_moves_a_unit_under_another(qtbot, tmp_path: Path):
    window = open_editor(qtbot, tmp_path)
    menu = window.units.popup("beiyuan_v1", QPoint(0, 0))
    move = next(a.menu() for a in menu.actions() if a.menu() is not None)
    target = next(a for a in move.actions() if "(tianxin)" in a.text())
    edit_with(window, qtbot, target.trigger)
    menu.close()
    assert window.graph.boxes["beiyuan_v1"].parent_id == "tianxin"


def test_renaming_a_unit_moves_every_reference_to_the_new_id() -> None:
    doc = document()
    index = ops.index_of(doc, "beiyuan")
    doc.set(("units", index, "id"), "north_source")
    rename_unit(doc, "beiyuan", "north_source")
    assert parse_scenario(doc.text).unit("beiyuan_v1").parent == "north_source"
    assert "beiyuan" not in doc.get(("seats",))


def test_renaming_a_task_moves_capacities_and_events_along() -> None:
    doc = document()
    doc.set(("tasks", 0, "id"), "early_rice")
    rename_task(doc, "double_rice", "early_rice")
    scenario = parse_scenario(doc.text)
    assert scenario.unit("hukou").capacity == {"early_rice": 4200}


def test_a_new_id_typed_in_the_form_carries_the_references(qtbot, tmp_path: Path):
    window = open_editor(qtbot, tmp_path)
    line = unit_form(window, "hukou").editors["id"].line
    line.setFocus()
    line.selectAll()
    qtbot.keyClicks(line, "hukou_town")
    edit_with(window, qtbot, lambda: qtbot.keyClick(line, Qt.Key.Key_Return))
    assert not any(p.severity == "error" for p in window.problems)
    assert "hukou_town" in window.document.doc.get(("tasks", 0, "carriers"))


def test_a_loop_of_parents_typed_in_the_yaml_leaves_the_tree_whole(qtbot, tmp_path: Path):
    window = open_editor(qtbot, tmp_path)
    city = "  - id: y_city\n    kind: city\n"
    text = window.yaml.toPlainText().replace(city, city + "    parent: c_county\n")
    edit_with(window, qtbot, lambda: window.yaml.setPlainText(text))
    assert window.outline.find_unit("y_city").parent() == window.outline.find(("hierarchy",))
    assert "c_county" in window.graph.boxes


def test_a_new_township_may_carry_only_tasks_of_its_kind_and_county() -> None:
    doc = document()
    ops.add_unit(doc, "township", "c_county")
    ops.add_unit(doc, "subdistrict", "c_county")
    assert ops.joinable_tasks(doc, "township") == [0]
    assert ops.joinable_tasks(doc, "subdistrict") == []  # no subdistrict carries it
    ops.add_unit(doc, "bureau", "c_county")
    assert ops.joinable_tasks(doc, "bureau") == [] and ops.may_be_seat(doc, "bureau")
    ops.add_unit(doc, "village", "beiyuan")
    assert not ops.may_be_seat(doc, "village")


def test_joining_gives_the_carriers_mean_capacity_and_a_seat() -> None:
    doc = document()
    ops.add_unit(doc, "township", "c_county")
    task = doc.get(("tasks", 0, "id"))
    carriers = doc.get(("tasks", 0, "carriers"))
    capacities = [u["capacity"][task] for u in ops.units(doc) if u["id"] in carriers]
    ops.join(doc, "township", [0], seat=True)
    assert doc.get(("tasks", 0, "carriers")) == [*carriers, "township"]
    unit = ops.units(doc)[ops.index_of(doc, "township")]
    assert unit["capacity"] == {task: round(sum(capacities) / len(capacities))}
    assert doc.get(("seats",))[-1] == "township"
    parse_scenario(doc.text, "<joined>")  # still a valid scenario
