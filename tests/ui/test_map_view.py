"""The county map: the player's unit, what the side panel may show, zoom, pan and folding."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt

from game.engine.game import Game
from game.scenario.models import Scenario
from game.ui.common import i18n
from game.ui.common.lang import number
from game.ui.common.task_model import TASK_ID_ROLE, TaskListModel
from game.ui.common.unit_model import HEADER_ROLE, UNIT_ID_ROLE, UnitFactsModel, UnitListModel
from game.ui.map.map_items import PLAYER_PEN
from game.ui.map.map_view import MapView
from game.ui.play.session import GameSession
from game.workshop.seat_view import SeatView

ROOT = Path(__file__).resolve().parents[2]
RICE = ROOT / "scenarios" / "double_rice.yaml"



def _played(session, phases: int = 9):  # type: ignore[no-untyped-def]
    for _ in range(phases):
        session.end_phase()
    return session


def _province(counties: int, towns: int, villages: int) -> Scenario:
    """A generated province: one city, `counties` counties each with a bureau and townships."""
    units: list[dict] = [{"id": "prov", "kind": "province", "name": {"zh": "省", "en": "Province"}},
                         {"id": "city", "kind": "city", "parent": "prov",
                          "name": {"zh": "市", "en": "City"}}]
    for c in range(counties):
        units.append({"id": f"county{c}", "kind": "county", "parent": "city",
                      "name": {"zh": f"县{c}", "en": f"County {c}"}})
        units.append({"id": f"bureau{c}", "kind": "bureau", "parent": f"county{c}",
                      "name": {"zh": f"农业局{c}", "en": f"Bureau {c}"}})
        for t in range(towns):
            units.append({"id": f"t{c}_{t}", "kind": "township", "parent": f"county{c}",
                          "name": {"zh": f"镇{c}-{t}", "en": f"Town {c}-{t}"}})
            units += [{"id": f"v{c}_{t}_{v}", "kind": "village", "parent": f"t{c}_{t}",
                       "name": {"zh": f"村{v}", "en": f"Village {v}"}} for v in range(villages)]
    task = {"id": "grain", "name": {"zh": "粮食", "en": "Grain"}, "unit_label":
            {"zh": "亩", "en": "mu"}, "original_target": 9000, "owners": ["bureau0"],
            "carriers": [f"t0_{t}" for t in range(towns)], "deadline": 3}
    return Scenario.model_validate({
        "schema_version": 1, "id": "province", "title": {"zh": "省", "en": "Province"},
        "briefing": {"zh": "省", "en": "Province"}, "turns": 3, "units": units,
        "tasks": [task], "seats": ["bureau0", "t0_0"]})


@pytest.fixture(scope="module")
def province() -> Scenario:
    return _province(20, 15, 12)


@pytest.fixture
def big_view(qtbot, province):  # type: ignore[no-untyped-def]
    session = GameSession(Game(province, humans=["t0_0"]), "t0_0", ROOT / "province.yaml")
    view = MapView(session)
    qtbot.addWidget(view)
    return view


@pytest.fixture
def bureau_view(qtbot, make_session):  # type: ignore[no-untyped-def]
    view = MapView(_played(make_session("county_agri", seed=2)))
    qtbot.addWidget(view)
    view.resize(1300, 800)
    view.show()
    qtbot.waitExposed(view)
    return view


# ----- the models ----------------------------------------------------------------------------


def test_task_list_model_gives_names_and_ids(tutorial_session) -> None:  # type: ignore[no-untyped-def]
    model = TaskListModel(tutorial_session.game)
    index = model.index(0)
    assert model.rowCount() == 1
    assert index.data() == "撂荒地复耕"
    assert index.data(TASK_ID_ROLE) == "reclaim"


def test_unit_facts_model_has_item_and_value_columns() -> None:
    model = UnitFactsModel()
    model.set_rows([("任务", "", True), ("信任", "60%", False)])
    assert (model.rowCount(), model.columnCount()) == (2, 2)
    assert model.index(1, 1).data() == "60%"
    assert model.index(0, 0).data(HEADER_ROLE) is True
    assert model.index(0, 0).data(Qt.ItemDataRole.FontRole).bold()
    assert model.rowCount(model.index(0, 0)) == 0


def test_unit_list_model_lists_units_by_name(tutorial_session) -> None:  # type: ignore[no-untyped-def]
    model = UnitListModel()
    model.set_units(tutorial_session.view.directory, ["hexi", "liutang"])
    assert model.rowCount(QModelIndex()) == 2
    assert model.index(0).data().startswith("河西镇")
    assert model.index(1).data(UNIT_ID_ROLE) == "liutang"


# ----- the map -------------------------------------------------------------------------------


def test_the_players_unit_is_framed_in_gold(bureau_view) -> None:  # type: ignore[no-untyped-def]
    player = bureau_view.nodes["county_agri"]
    assert player.player and player.border().color() == PLAYER_PEN
    assert not any(n.player for k, n in bureau_view.nodes.items() if k != "county_agri")


def test_clicking_a_unit_shows_it_in_the_side_panel(qtbot, bureau_view) -> None:  # type: ignore[no-untyped-def]
    canvas = bureau_view.canvas
    point = canvas.mapFromScene(bureau_view.nodes["hexi"].pos())
    qtbot.mouseClick(canvas.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert bureau_view.selected == "hexi"
    assert bureau_view.panel_title.text() == "河西镇"


def test_side_panel_never_shows_a_subordinates_capacity(bureau_view) -> None:  # type: ignore[no-untyped-def]
    game = bureau_view.session.game
    for unit in ("hexi", "shanqian", "liutang"):
        bureau_view.select(unit)
        capacity = game.assignments[(unit, "reclaim")].capacity
        shown = " ".join(bureau_view.facts.index(r, 1).data()
                         for r in range(bureau_view.facts.rowCount()))
        assert number(capacity) not in shown and f"{capacity:.1f}" not in shown


def test_edge_label_shows_the_quota_passed_and_the_report(bureau_view) -> None:  # type: ignore[no-untyped-def]
    game = bureau_view.session.game
    label = bureau_view.labels[("county_agri", "hexi")].text
    assignment = game.assignments[("hexi", "reclaim")]
    assert label.startswith(number(assignment.external))
    assert "上报" in label


def test_township_sees_no_figures_on_its_siblings_lines(qtbot, make_session) -> None:  # type: ignore[no-untyped-def]
    view = MapView(_played(make_session("hexi", seed=2)))
    qtbot.addWidget(view)
    assert set(view.labels) == {("county_agri", "hexi")}


def test_plus_key_zooms_in(qtbot, bureau_view) -> None:  # type: ignore[no-untyped-def]
    before = bureau_view.canvas.transform().m11()
    qtbot.keyClick(bureau_view.canvas, Qt.Key.Key_Plus)
    assert bureau_view.canvas.transform().m11() == pytest.approx(before * 1.25)


def test_minus_key_zooms_out(qtbot, bureau_view) -> None:  # type: ignore[no-untyped-def]
    before = bureau_view.canvas.transform().m11()
    qtbot.keyClick(bureau_view.canvas, Qt.Key.Key_Minus)
    assert bureau_view.canvas.transform().m11() == pytest.approx(before * 0.8)


def test_arrow_keys_pan(qtbot, bureau_view) -> None:  # type: ignore[no-untyped-def]
    canvas = bureau_view.canvas
    for _ in range(4):
        qtbot.keyClick(canvas, Qt.Key.Key_Plus)
    before = canvas.horizontalScrollBar().value()
    qtbot.keyClick(canvas, Qt.Key.Key_Right)
    assert canvas.horizontalScrollBar().value() > before


def test_flows_follow_the_state(qtbot, bureau_view) -> None:  # type: ignore[no-untyped-def]
    session = bureau_view.session
    before = bureau_view.labels[("county_agri", "hexi")].text
    with qtbot.waitSignal(session.bridge.state_changed):
        for _ in range(3):
            session.end_phase()
    assert bureau_view.labels[("county_agri", "hexi")].text != before


def test_a_hidden_map_redraws_when_shown(qtbot, make_session) -> None:  # type: ignore[no-untyped-def]
    view = MapView(_played(make_session("county_agri", seed=2)))
    qtbot.addWidget(view)
    before = view.labels[("county_agri", "hexi")].text
    for _ in range(3):
        view.session.end_phase()
    assert view.labels[("county_agri", "hexi")].text == before
    view.show()
    qtbot.waitUntil(lambda: view.labels[("county_agri", "hexi")].text != before)


def test_a_new_game_redraws_the_map_around_its_seat(bureau_view) -> None:  # type: ignore[no-untyped-def]
    session = bureau_view.session
    game = Game(session.game.scenario, seed=9, humans=["liutang"])
    session.replace(game, "liutang", session.scenario_path)
    assert bureau_view.nodes["liutang"].player and not bureau_view.nodes["county_agri"].player
    assert bureau_view.panel_title.text() == "柳塘镇"


def test_language_switch_renames_the_units(bureau_view) -> None:  # type: ignore[no-untyped-def]
    i18n.set_language("en")
    assert bureau_view.nodes["hexi"].title == "Hexi town"
    assert bureau_view.zoom_in.text() == "Zoom in"


def test_every_control_has_a_name_and_takes_focus(bureau_view) -> None:  # type: ignore[no-untyped-def]
    controls = (bureau_view.task_combo, bureau_view.goto_combo, bureau_view.zoom_in,
                bureau_view.zoom_out, bureau_view.fit, bureau_view.canvas,
                bureau_view.facts_table, bureau_view.toggle)
    for control in controls:
        assert control.accessibleName()
        assert control.focusPolicy() != Qt.FocusPolicy.NoFocus


# ----- a generated province --------------------------------------------------------------------


def test_far_units_fold_into_summaries(big_view) -> None:  # type: ignore[no-untyped-def]
    nodes = big_view.nodes
    assert len(nodes) < 120
    assert "+county7" in nodes and "county7" in nodes and "t7_0" not in nodes
    assert "+t0_3" in nodes and "v0_3_0" not in nodes
    assert "v0_0_0" in nodes


def test_clicking_a_summary_unfolds_it(qtbot, big_view) -> None:  # type: ignore[no-untyped-def]
    big_view.show()
    qtbot.waitExposed(big_view)
    big_view.canvas.centerOn(big_view.nodes["+t0_3"])
    point = big_view.canvas.mapFromScene(big_view.nodes["+t0_3"].pos())
    qtbot.mouseClick(big_view.canvas.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert "v0_3_0" in big_view.nodes and "+t0_3" not in big_view.nodes


def test_enter_folds_the_selected_unit(qtbot, big_view) -> None:  # type: ignore[no-untyped-def]
    big_view.select("t0_0")
    qtbot.keyClick(big_view.canvas, Qt.Key.Key_Return)
    assert "v0_0_0" not in big_view.nodes and "+t0_0" in big_view.nodes


def test_go_to_list_selects_and_centres(qtbot, big_view) -> None:  # type: ignore[no-untyped-def]
    row = big_view.units.row_of("county9")
    big_view.goto_combo.activated.emit(row)
    assert big_view.selected == "county9"


# ----- screenshots ---------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_screenshot_bureau_map(qtbot, make_session, screenshot, lang: str) -> None:  # type: ignore[no-untyped-def]
    i18n.set_language(lang)
    view = MapView(_played(make_session("county_agri", seed=2)))
    qtbot.addWidget(view)
    view.resize(1280, 800)
    view.show()
    qtbot.waitExposed(view)
    view.select("hexi")
    assert screenshot(view, "map_bureau").stat().st_size > 0


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_screenshot_township_map(qtbot, make_session, screenshot, lang: str) -> None:  # type: ignore[no-untyped-def]
    i18n.set_language(lang)
    view = MapView(_played(make_session("beiyuan", seed=2, scenario=RICE)))
    qtbot.addWidget(view)
    view.resize(1280, 800)
    view.show()
    qtbot.waitExposed(view)
    assert screenshot(view, "map_township").stat().st_size > 0


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_screenshot_province_map(qtbot, province, screenshot, lang: str) -> None:  # type: ignore[no-untyped-def]
    i18n.set_language(lang)
    session = GameSession(Game(province, seed=1, humans=["bureau0"]), "bureau0",
                          ROOT / "province.yaml")
    view = MapView(_played(session))
    qtbot.addWidget(view)
    view.resize(1280, 800)
    view.show()
    qtbot.waitExposed(view)
    assert screenshot(view, "map_province").stat().st_size > 0


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("size", [(1280, 800), (1024, 640)], ids=["1280", "1024"])
def test_screenshot_bureau_map_at_fit(qtbot, make_session, screenshot, lang: str,  # type: ignore[no-untyped-def]
                                      size: tuple[int, int]) -> None:
    i18n.set_language(lang)
    view = MapView(_played(make_session("county_agri", seed=2)))
    qtbot.addWidget(view)
    view.resize(*size)
    view.show()
    qtbot.waitExposed(view)
    qtbot.mouseClick(view.fit, Qt.MouseButton.LeftButton)
    assert screenshot(view, f"map_bureau_fit_{size[0]}").stat().st_size > 0


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_screenshot_province_map_at_fit_1024(qtbot, province, screenshot, lang: str) -> None:  # type: ignore[no-untyped-def]
    i18n.set_language(lang)
    session = GameSession(Game(province, seed=1, humans=["t0_0"]), "t0_0", ROOT / "province.yaml")
    view = MapView(_played(session))
    qtbot.addWidget(view)
    view.resize(1024, 640)
    view.show()
    qtbot.waitExposed(view)
    assert screenshot(view, "map_province_home_1024").stat().st_size > 0


# ----- drawn from the seat's view only ---------------------------------------------------------


class _JsonSession:
    """A seat session whose view went through JSON, as a remote table's does: no game behind
    it, only the view, the seat and the bridge."""

    local = False

    def __init__(self, inner) -> None:  # type: ignore[no-untyped-def]
        self.inner, self.bridge, self.read = inner, inner.bridge, set()

    @property
    def seat(self) -> str:
        return self.inner.seat  # type: ignore[no-any-return]

    @property
    def view(self) -> SeatView:
        return SeatView.model_validate_json(self.inner.view.model_dump_json())


def _drawing(view: MapView) -> dict[str, object]:
    """Everything the map shows: nodes, labels, edge tips and every unit's side panel."""
    panels = {}
    for key in list(view.nodes):
        view.select(key)
        panels[key] = (view.panel_title.text(), [
            (view.facts.index(r, 0).data(), view.facts.index(r, 1).data())
            for r in range(view.facts.rowCount())])
    nodes = {k: (n.title, n.subtitle, n.pos().toTuple(), n.player, n.folded)
             for k, n in view.nodes.items()}
    return {"nodes": nodes, "labels": {k: v.text for k, v in view.labels.items()},
            "tips": sorted(i.toolTip() for i in view.scene.items() if i.toolTip()),
            "panels": panels, "tasks": view.tasks.rowCount(), "units": view.units.rowCount()}


@pytest.mark.parametrize("seat", ["county_agri", "hexi"])
def test_the_map_draws_the_same_from_a_view_that_went_through_json(
        qtbot, make_session, seat: str) -> None:  # type: ignore[no-untyped-def]
    session = _played(make_session(seat, seed=2))
    local, remote = MapView(session), MapView(_JsonSession(session))
    qtbot.addWidget(local)
    qtbot.addWidget(remote)
    assert not hasattr(remote.session, "game")
    assert _drawing(remote) == _drawing(local)
    assert remote.labels  # the seat's own line carries figures
    for _ in range(3):
        session.end_phase()
    assert _drawing(remote) == _drawing(local)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_node_titles_and_flow_labels_stay_readable_at_fit(qtbot, make_session, lang: str) -> None:  # type: ignore[no-untyped-def]
    i18n.set_language(lang)
    view = MapView(_played(make_session("county_agri", seed=2, scenario=RICE)))
    qtbot.addWidget(view)
    view.resize(1024, 640)
    view.show()
    qtbot.waitExposed(view)
    view.fit_all()
    lod = view.canvas.transform().m11()
    assert lod < 0.8  # six townships and their villages: "Fit" zooms out
    for node in view.nodes.values():
        font, lines, _ = node.text_layout(lod)
        # A name of 40 letters in a box 80 pixels wide cannot be big: it is whole, though.
        assert font.pointSizeF() * lod >= (7.0 if len(node.title) <= 24 else 5.0), node.title
        assert "".join(lines).replace(" ", "") == node.title.replace(" ", "")
    for label in view.labels.values():
        font, lines = label.text_layout(lod)
        assert font.pointSizeF() * lod >= 7.0, label.text
        assert " ".join(lines).replace("  ", " ") == label.text
