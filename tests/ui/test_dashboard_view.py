"""The dashboard: every series equals what the seat's events say, turn by turn."""

from __future__ import annotations

import pytest
from PySide6.QtCharts import QLineSeries
from PySide6.QtCore import Qt

from game.ui.common import i18n
from game.ui.play.dashboard_model import Column, SeriesTableModel
from game.ui.play.dashboard_view import DashboardView


def _view(qtbot, session, phases: int = 9) -> DashboardView:  # type: ignore[no-untyped-def]
    for _ in range(phases):
        session.end_phase()
    view = DashboardView(session)
    qtbot.addWidget(view)
    return view


def _column(model: SeriesTableModel, key: str) -> dict[int, float | None]:
    index = [c.key for c in model.columns()].index(key)
    return {turn: model.value(row, index) for row, turn in enumerate(model.turns())}


@pytest.fixture
def bureau(qtbot, make_session) -> DashboardView:  # type: ignore[no-untyped-def]
    return _view(qtbot, make_session("county_agri", seed=4))


@pytest.fixture
def township(qtbot, make_session) -> DashboardView:  # type: ignore[no-untyped-def]
    return _view(qtbot, make_session("hexi", seed=4))


# ----- the table model -----------------------------------------------------------------------


def test_series_table_has_turns_down_and_series_across() -> None:
    model = SeriesTableModel()
    model.set_columns([Column("a", lambda: "A", {1: 1.0, 3: 3.0}),
                       Column("b", lambda: "B", {2: 5.0})])
    assert (model.rowCount(), model.columnCount()) == (3, 3)
    assert [model.index(r, 0).data() for r in range(3)] == [1, 2, 3]
    assert model.headerData(2, Qt.Orientation.Horizontal) == "B"


def test_series_table_holds_the_last_value_and_is_empty_before_the_first() -> None:
    model = SeriesTableModel()
    model.set_columns([Column("a", lambda: "A", {1: 1.0, 3: 3.0}),
                       Column("b", lambda: "B", {2: 5.0})])
    assert [model.index(r, 1).data() for r in range(3)] == [1.0, 1.0, 3.0]
    assert [model.index(r, 2).data() for r in range(3)] == [None, 5.0, 5.0]


# ----- the series against the log --------------------------------------------------------------


def test_progress_delivered_equals_the_execution_events(township) -> None:  # type: ignore[no-untyped-def]
    log = township.session.game.log
    expected = {e.turn: e.data["delivered"] for e in log
                if e.kind == "execution" and e.actor == "hexi"}
    assert _column(township.panels["progress"].model, "delivered") == expected


def test_progress_reported_equals_the_assessments_of_the_seat(township) -> None:  # type: ignore[no-untyped-def]
    log = township.session.game.log
    expected = {e.turn: e.data["reported"] for e in log
                if e.kind == "assessment" and e.target == "hexi"}
    assert _column(township.panels["progress"].model, "reported") == expected


def test_subordinates_reports_equal_the_seats_assessments(bureau) -> None:  # type: ignore[no-untyped-def]
    log = bureau.session.game.log
    model = bureau.panels["subordinates"].model
    for sub in ("hexi", "shanqian", "liutang"):
        expected = {e.turn: e.data["reported"] for e in log
                    if e.kind == "assessment" and e.actor == "county_agri" and e.target == sub}
        assert _column(model, f"{sub}.reported") == expected


def test_cadre_time_at_work_equals_the_unit_turns(township) -> None:  # type: ignore[no-untyped-def]
    log = township.session.game.log
    expected = {e.turn: e.data["spent"]["work"] for e in log
                if e.kind == "unit_turn" and e.actor == "hexi"}
    assert _column(township.panels["time"].model, "work") == expected


def test_funds_equal_the_unit_turns(township) -> None:  # type: ignore[no-untyped-def]
    log = township.session.game.log
    expected = {e.turn: e.data["funds"] for e in log
                if e.kind == "unit_turn" and e.actor == "hexi"}
    assert _column(township.panels["funds"].model, "funds") == expected


def test_trust_equals_the_relation_turns_in_percent(bureau) -> None:  # type: ignore[no-untyped-def]
    log = bureau.session.game.log
    expected = {e.turn: pytest.approx(100 * e.data["trust"]) for e in log
                if e.kind == "relation_turn" and e.target == "shanqian"}
    assert _column(bureau.panels["trust"].model, "county_agri->shanqian") == expected


def test_a_township_sees_only_its_own_relation(township) -> None:  # type: ignore[no-untyped-def]
    keys = [c.key for c in township.panels["trust"].model.columns()]
    assert keys == ["county_agri->hexi"]
    assert not township.panels["subordinates"].shown


def test_each_series_becomes_a_line(bureau) -> None:  # type: ignore[no-untyped-def]
    panel = bureau.panels["subordinates"]
    lines = [s for s in panel.view.chart().series() if isinstance(s, QLineSeries)]
    assert len(lines) == len(panel.model.columns()) == 6
    assert lines[0].count() == panel.model.rowCount()


def test_refreshes_when_the_game_moves_on(qtbot, bureau) -> None:  # type: ignore[no-untyped-def]
    bureau.show()
    qtbot.waitExposed(bureau)
    model = bureau.panels["progress"].model
    rows = model.rowCount()
    for _ in range(3):
        bureau.session.end_phase()
    qtbot.waitUntil(lambda: model.rowCount() == rows + 1)


def test_a_hidden_dashboard_catches_up_when_shown(qtbot, bureau) -> None:  # type: ignore[no-untyped-def]
    model = bureau.panels["progress"].model
    rows = model.rowCount()
    for _ in range(3):
        bureau.session.end_phase()
    assert model.rowCount() == rows
    bureau.show()
    qtbot.waitUntil(lambda: model.rowCount() == rows + 1)


def test_language_switch_retitles_the_charts(bureau) -> None:  # type: ignore[no-untyped-def]
    i18n.set_language("en")
    assert bureau.panels["funds"].view.chart().title() == "Funds"
    assert bureau.task_label.text() == "Task:"


def test_every_control_has_a_name_and_takes_focus(bureau) -> None:  # type: ignore[no-untyped-def]
    for control in (bureau.task_combo, bureau.table_combo, bureau.table):
        assert control.accessibleName()
        assert control.focusPolicy() != Qt.FocusPolicy.NoFocus
    assert all(p.view.accessibleName() for p in bureau.panels.values())


def test_no_chart_is_ever_a_window_of_its_own(qtbot, township) -> None:  # type: ignore[no-untyped-def]
    # A township has no subordinates' chart: hidden, it must still live inside the dashboard
    # (a parentless chart shown for a moment took the focus from the window in front).
    assert not township.panels["subordinates"].shown
    assert all(p.view.window() is township for p in township.panels.values())


def test_table_combo_shows_the_chosen_charts_data(bureau) -> None:  # type: ignore[no-untyped-def]
    row = bureau.table_combo.findData("trust")
    bureau.table_combo.setCurrentIndex(row)
    assert bureau.table.model() is bureau.panels["trust"].model


# ----- screenshots ---------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("seat", ["county_agri", "hexi"])
def test_screenshot_dashboard(qtbot, make_session, screenshot, lang: str, seat: str) -> None:  # type: ignore[no-untyped-def]
    i18n.set_language(lang)
    view = _view(qtbot, make_session(seat, seed=4), phases=18)
    view.resize(1280, 800)
    view.show()
    qtbot.waitExposed(view)
    assert screenshot(view, f"dashboard_{seat}").stat().st_size > 0
