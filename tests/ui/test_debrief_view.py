"""The debrief: every indicator down to its evidence, Figure 1, a replay, and the exports —
all drawn from the seat's view (`SeatView.debrief`), never from a game."""

from __future__ import annotations

import json
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, Qt

from game.ui.common import i18n
from game.ui.common.bridge import EngineBridge
from game.ui.common.charts import bar_values
from game.ui.debrief.compare_model import CompareModel
from game.ui.debrief.debrief_model import NODE_ROLE, SEQ_ROLE, EventDetailModel, ScoreTreeModel
from game.ui.debrief.debrief_view import DebriefView
from game.ui.play.session import Outcome, SeatSession
from game.workshop.debrief_part import LoggedEvent
from game.workshop.seat_view import SeatView

GROUPS = {
    "forms": ["objective_attribution", "organizational_coordination", "institutional_feedback",
              "differentiated_incentives"],
    "mechanisms": ["joint_responsibility", "internalized_responsibility",
                   "collective_consensus"],
    "effects": ["routinized_campaigns", "non_accountability_mobilization", "local_autonomy"],
    "pathologies": ["collusion", "blame_avoidance", "symbolic_execution", "formalism",
                    "overload"],
    "outcome": ["delivered_vs_original", "delivered_vs_external", "accountability_events",
                "resilience"],
}
UNITS = {"delivered_vs_original": "percent", "delivered_vs_external": "percent",
         "accountability_events": "count"}


def _indicator(key: str, group: str, number: int) -> dict[str, Any]:
    return {
        "key": key, "group": group, "label": {"zh": f"指标{number}", "en": f"Indicator {number}"},
        "value": 10.0 + number, "unit": UNITS.get(key, "score"),
        "rules": [{"id": f"{key}_a", "fired": True, "measured": 0.5, "contribution": 6.0,
                   "explanation": {"zh": f"规则{number}触发。", "en": f"Rule {number} fired."},
                   "evidence": [3, 5]},
                  {"id": f"{key}_b", "fired": False, "measured": 0.1, "contribution": 0.0,
                   "explanation": {"zh": f"规则{number}未触发。", "en": f"Rule {number} idle."},
                   "evidence": []}],
        "evidence": [3, 5, 8],
        "citation": {"section": "一.1", "quote": "上级政府在充分了解情况的基础上进行客观性归因。"},
    }


def _fixture_report() -> dict[str, Any]:
    keys = [(k, g) for g, members in GROUPS.items() for k in members]
    return {
        "schema": 1,
        "indicators": {k: _indicator(k, g, n) for n, (k, g) in enumerate(keys)},
        "figure1": {"reclaim": {"original": 3000.0, "escalated": [3000.0, 3450.0],
                                "negotiated": 3200.0, "delivered": 2900.0, "reported": 3100.0}},
        "series": {"turns": [1, 2], "pressure": {"hexi": [0.1, 0.2]},
                   "workload": {"hexi": [0.8, 0.9]}, "trust": {"county_agri->hexi": [0.6, 0.6]},
                   "progress": {"reclaim": {"target": [3450.0, 3450.0],
                                            "delivered": [500.0, 1000.0],
                                            "reported": [520.0, 1020.0]}}},
    }


REPORT = _fixture_report()


class ViewSession(SeatSession):
    """A seat session that only hands out a view it was given, as a remote table's does: the
    debrief must draw from it alone."""

    local = False

    def __init__(self, view: SeatView) -> None:
        self._view, self.seat, self.bridge, self.read = view, view.seat, EngineBridge(), set()

    @property
    def view(self) -> SeatView:
        return self._view

    def submit(self, move: Any) -> Outcome:
        raise AssertionError("the debrief makes no move")

    def end_phase(self) -> Outcome:
        raise AssertionError("the debrief ends no phase")


def _with_fixture_report(view: SeatView, log) -> SeatView:  # type: ignore[no-untyped-def]
    """The view with the fixture report in its debrief part, every log entry linkable."""
    assert view.debrief is not None
    part = view.debrief.model_copy(update={
        "indicators": REPORT["indicators"], "figure1": REPORT["figure1"],
        "events": [LoggedEvent(**e.to_dict()) for e in log]})
    return view.model_copy(update={"debrief": part})


@pytest.fixture
def finished(make_session):  # type: ignore[no-untyped-def]
    session = make_session("county_agri", seed=5)
    session.game.run_to_end()
    return session


@pytest.fixture
def fixture_session(finished) -> ViewSession:  # type: ignore[no-untyped-def]
    return ViewSession(_with_fixture_report(finished.view, finished.game.log))


@pytest.fixture
def view(qtbot, fixture_session) -> DebriefView:  # type: ignore[no-untyped-def]
    debrief = DebriefView(fixture_session)
    qtbot.addWidget(debrief)
    return debrief


def _indicator_index(view: DebriefView, key: str) -> QModelIndex:
    return view.tree_model.find("indicator", key)


def _child(model, parent: QModelIndex, kind: str) -> QModelIndex:  # type: ignore[no-untyped-def]
    for row in range(model.rowCount(parent)):
        index = model.index(row, 0, parent)
        if index.data(NODE_ROLE) == kind:
            return index
    raise AssertionError(f"no {kind} under {parent.data()}")


# ----- the models ----------------------------------------------------------------------------


def _fixture_tree(fixture_session) -> ScoreTreeModel:  # type: ignore[no-untyped-def]
    seat_view = fixture_session.view
    model = ScoreTreeModel()
    part = seat_view.debrief.model_copy(update={"score": None})
    model.set_part(seat_view.directory, part, seat_view.seat)
    return model


def test_tree_model_groups_at_the_top(fixture_session) -> None:  # type: ignore[no-untyped-def]
    model = _fixture_tree(fixture_session)
    assert model.rowCount() == 5 and model.columnCount() == 2
    assert model.index(0, 0).data() == "沟通式动员的形式"
    assert model.index(0, 0).data(Qt.ItemDataRole.FontRole).bold()


def test_tree_model_indicator_has_rules_citation_and_evidence(fixture_session) -> None:  # type: ignore[no-untyped-def]
    model = _fixture_tree(fixture_session)
    indicator = model.find("indicator", "objective_attribution")
    kinds = [model.index(r, 0, indicator).data(NODE_ROLE) for r in range(model.rowCount(indicator))]
    assert kinds == ["rule", "rule", "citation", "evidence"]
    assert model.index(0, 1, indicator).data() == "+6.0"
    assert indicator.siblingAtColumn(1).data() == "10.0 / 100"


def test_tree_model_evidence_rows_carry_their_seq(fixture_session) -> None:  # type: ignore[no-untyped-def]
    model = _fixture_tree(fixture_session)
    evidence = _child(model, model.find("indicator", "collusion"), "evidence")
    assert [model.index(r, 0, evidence).data(SEQ_ROLE) for r in range(3)] == [3, 5, 8]
    assert model.index(0, 0, evidence).data().startswith("#3")
    assert model.parent(model.index(0, 0, evidence)) == evidence


def test_event_detail_model_shows_the_truth_of_a_linked_event(make_session) -> None:  # type: ignore[no-untyped-def]
    session = make_session("hexi", seed=5)
    for _ in range(3):
        session.end_phase()
    assert session.view.debrief is None  # during play there is no event to show in full
    session.game.run_to_end()
    part = session.view.debrief
    event = next(e for e in part.events if e.kind == "execution" and e.hidden)
    model = EventDetailModel()
    model.set_event(session.view.directory, event)
    labels = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert model.index(0, 1).data() == str(event.seq)
    assert sum("真相" in label for label in labels) == len(event.hidden)
    model.set_event(session.view.directory, None)
    assert model.rowCount() == 0


def _comparison(seat_score: float, collusion: float) -> dict[str, Any]:
    from game.headless import compare_rows

    seat = {"score": 60.0, "indicators": {"own_output": {
        "label": {"zh": "尽其所能", "en": "Output against own capacity"}, "value": 70.0}}}
    other = json.loads(json.dumps(REPORT))
    other["indicators"]["collusion"]["value"] = collusion
    yours = {"seat": seat, "indicators": REPORT["indicators"]}
    computer = {"seat": {**seat, "score": seat_score}, "indicators": other["indicators"]}
    return {"seat": "hexi", "seed": 5, "style": "mixed", "other_style": "pressure",
            "seat_moves": {"yours": 3, "computer": 9},
            "yours_vs_computer": compare_rows(computer, yours),
            "style_vs_style": compare_rows(computer, yours)}


def test_compare_model_rows_columns_and_marked_differences() -> None:
    model = CompareModel()
    model.set_result(_comparison(50.0, REPORT["indicators"]["collusion"]["value"] + 5.0))
    keys = model.keys()
    assert keys[:2] == ["seat_score", "seat.own_output"]
    assert model.columnCount() == 6 and model.rowCount() == 2 + 19
    row = keys.index("collusion")
    # Collusion is a pathology: more of it under the computer official means you did better.
    assert model.index(row, 3).data() == "-5.0 (更好)"
    assert model.index(row, 3).data(Qt.ItemDataRole.ForegroundRole).name() == "#15803d"
    assert model.index(row, 5).data() == "-5.0 (更好)"
    assert model.index(0, 3).data() == "+10.0 (更好)" and model.index(0, 1).data() == "60.0"
    assert "压力型" in model.headerData(4, Qt.Orientation.Horizontal)
    assert "collusion" not in model.index(row, 0).data()
    assert "collusion" in model.index(row, 0).data(Qt.ItemDataRole.ToolTipRole)


# ----- the view ------------------------------------------------------------------------------


def test_every_indicator_is_shown(view) -> None:  # type: ignore[no-untyped-def]
    for key, entry in REPORT["indicators"].items():
        index = _indicator_index(view, key)
        assert index.isValid() and index.data() == entry["label"]["zh"]


def test_an_indicator_expands_to_its_evidence(view) -> None:  # type: ignore[no-untyped-def]
    indicator = _indicator_index(view, "formalism")
    view.tree.expand(indicator)
    evidence = _child(view.tree_model, indicator, "evidence")
    view.tree.expand(evidence)
    assert view.tree.isExpanded(evidence)
    assert view.tree_model.rowCount(evidence) == len(REPORT["indicators"]["formalism"]["evidence"])


def test_clicking_an_evidence_event_shows_its_details(qtbot, view) -> None:  # type: ignore[no-untyped-def]
    view.show()
    qtbot.waitExposed(view)
    indicator = _indicator_index(view, "formalism")
    view.tree.expand(indicator)
    evidence = _child(view.tree_model, indicator, "evidence")
    view.tree.expand(evidence)
    event_index = view.tree_model.index(1, 0, evidence)
    view.tree.scrollTo(event_index)
    rect = view.tree.visualRect(event_index)
    qtbot.mouseClick(view.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert view.detail_stack.currentWidget() is view.event_table
    assert view.event_model.index(0, 1).data() == "5"
    kind = view.part.event(5).kind
    assert view.event_model.index(3, 1).data() == i18n.tr(f"debrief.kind.{kind}")


def test_choosing_an_indicator_shows_its_citation(view) -> None:  # type: ignore[no-untyped-def]
    view.tree.setCurrentIndex(_indicator_index(view, "collusion"))
    assert view.detail_stack.currentWidget() is view.details
    assert "客观性归因" in view.details.toPlainText()
    assert "规则" in view.details.toPlainText()


def test_figure_one_bars_equal_the_report(view) -> None:  # type: ignore[no-untyped-def]
    figures = REPORT["figure1"]["reclaim"]
    bars = bar_values(view.fig_view.chart())
    assert bars["真实目标"][0] == figures["original"]
    assert [v for v in bars["逐级加码后的指标"] if v] == figures["escalated"]
    assert max(bars["协商后目标"]) == figures["negotiated"]
    assert max(bars["实际完成"]) == figures["delivered"]
    assert max(bars["上报数"]) == figures["reported"]


def test_figure_one_reads_markup_against_bargaining(view) -> None:  # type: ignore[no-untyped-def]
    text = view.fig_summary.text()
    assert "450" in text and "250" in text and "96.7%" in text


def test_pdf_export_writes_a_pdf(view, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = view.export_pdf(tmp_path / "debrief.pdf")
    data = path.read_bytes()
    assert data.startswith(b"%PDF") and len(data) > 10_000


def _pdf_text(path) -> str:  # type: ignore[no-untyped-def]
    from pypdf import PdfReader

    return "".join(page.extract_text() or "" for page in PdfReader(str(path)).pages)


def _squashed(text: str) -> str:
    return "".join(text.split())


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_pdf_text_extracts_as_written(qtbot, finished, tmp_path, lang: str) -> None:  # type: ignore[no-untyped-def]
    from game.scoring.report import score_game

    i18n.set_language(lang)
    debrief = DebriefView(finished)
    qtbot.addWidget(debrief)
    report = score_game(finished.game)
    assert "series" not in debrief.part.model_dump()
    raw = _pdf_text(debrief.export_pdf(tmp_path / f"debrief-{lang}.pdf"))
    text, flat = " ".join(raw.split()), _squashed(raw)
    # No Kangxi radicals or radical supplements, no control characters.
    assert not [c for c in raw if 0x2E80 <= ord(c) <= 0x2FDF]
    assert not [c for c in raw if ord(c) < 32 and c not in "\n\t"]
    resilience = f"{report['indicators']['resilience']['value']:.1f}"
    seed = str(finished.game.seed)
    assert resilience in text and f"种子 {seed}" in text if lang == "zh" else \
        resilience in text and f"seed {seed}" in text
    # The scenario's title and its style, in the language chosen.
    assert "入门" in flat and "风格" in flat if lang == "zh" else "Getting started" in text or \
        finished.game.scenario.title.en.split()[0] in text
    # Every rule is there, fired or not, and the seat's own section leads.
    for indicator in report["indicators"].values():
        for rule in indicator["rules"]:
            assert _squashed(rule["explanation"][lang])[:12] in flat, rule["id"]
    seat = report["seats"]["county_agri"]
    for part in seat["indicators"].values():
        assert _squashed(part["label"][lang]) in flat
    # The reveal closes the document.
    assert _squashed(i18n.tr("reveal.title")) in flat
    first_part = _squashed(next(iter(seat["indicators"].values()))["label"][lang])
    first_indicator = _squashed(report["indicators"]["objective_attribution"]["label"][lang])
    assert flat.index(first_part) < flat.index(first_indicator)


def test_pdf_in_chinese_carries_the_words_the_issue_named(qtbot, finished, tmp_path) -> None:  # type: ignore[no-untyped-def]
    debrief = DebriefView(finished)
    qtbot.addWidget(debrief)
    flat = _squashed(_pdf_text(debrief.export_pdf(tmp_path / "zh.pdf")))
    assert "入门" in flat and "风格" in flat


def test_json_export_is_the_debriefs_log_entries(qtbot, finished, tmp_path) -> None:  # type: ignore[no-untyped-def]
    debrief = DebriefView(finished)
    qtbot.addWidget(debrief)
    path = debrief.export_json(tmp_path / "log.json")
    written = json.loads(path.read_text(encoding="utf-8"))
    assert [e["seq"] for e in written] == [e.seq for e in debrief.part.events]
    log = finished.game.log
    assert written == [json.loads(json.dumps(log[e["seq"]].to_dict())) for e in written]
    assert any(e["hidden"] for e in written)  # the truth, now the game is over


def test_replay_shows_the_three_games_side_by_side(qtbot, finished) -> None:  # type: ignore[no-untyped-def]
    view = DebriefView(finished)
    qtbot.addWidget(view)
    assert view.session.view.debrief.comparisons is None
    with qtbot.waitSignal(view.comparison_ready, timeout=60_000):
        view.replay("pressure")
    keys = view.compare.keys()
    assert keys[0] == "seat_score" and "resilience" in keys
    assert "压力型" in view.compare.headerData(4, Qt.Orientation.Horizontal)
    assert "电脑官员" in view.compare.headerData(2, Qt.Orientation.Horizontal)
    assert view.replay_button.isEnabled()
    assert view.compare.result()["seat_moves"]["computer"] > 0
    assert view.session.view.debrief.comparisons == view.compare.result()  # it came in the view


def test_comparison_headers_name_styles_before_any_comparison(qtbot, finished) -> None:  # type: ignore[no-untyped-def]
    view = DebriefView(finished)
    qtbot.addWidget(view)
    headers = [view.compare.headerData(c, Qt.Orientation.Horizontal) for c in range(6)]
    assert not any("（）" in h or "()" in h for h in headers)
    own = i18n.tr(f"style.{view.part.superior_style}")
    assert own in headers[1] and own in headers[2]
    assert i18n.tr(f"style.{view.style_combo.currentData()}") in headers[4]
    view.style_combo.setCurrentIndex(1 - view.style_combo.currentIndex())
    assert i18n.tr(f"style.{view.style_combo.currentData()}") in \
        view.compare.headerData(4, Qt.Orientation.Horizontal)
    assert view.status.text() == i18n.tr("debrief.not_compared")


def test_a_remote_seat_gets_its_comparisons_from_the_host(qtbot, fixture_session, finished) -> None:  # type: ignore[no-untyped-def]
    view = DebriefView(fixture_session)
    qtbot.addWidget(view)
    assert view.status.text() == i18n.tr("debrief.host_compares")
    assert not view.replay_button.isEnabled() and not view.style_combo.isEnabled()
    view.replay("pressure")  # a remote session plays nothing itself
    assert view.status.text() == i18n.tr("debrief.host_compares")
    comparisons = _comparison(50.0, 20.0)
    part = fixture_session.view.debrief.model_copy(update={"comparisons": comparisons})
    fixture_session._view = fixture_session.view.model_copy(update={"debrief": part})  # noqa: SLF001
    with qtbot.waitSignal(view.comparison_ready, timeout=5_000):
        fixture_session.bridge.state_changed.emit()
        view.refresh()
    assert view.compare.keys()[0] == "seat_score"
    assert "3" in view.status.text() and "9" in view.status.text()


def _tree_texts(model, parent=QModelIndex()) -> list[str]:  # type: ignore[no-untyped-def]  # noqa: B008
    texts = []
    for row in range(model.rowCount(parent)):
        for column in (0, 1):
            index = model.index(row, column, parent)
            texts += [str(index.data()), str(index.data(Qt.ItemDataRole.ToolTipRole))]
        texts += _tree_texts(model, model.index(row, 0, parent))
    return texts


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_debrief_draws_the_same_from_a_view_that_went_through_json(
        qtbot, finished, lang: str) -> None:  # type: ignore[no-untyped-def]
    from game.ui.debrief.debrief_html import report_html

    i18n.set_language(lang)
    local = DebriefView(finished)
    remote = DebriefView(ViewSession(SeatView.model_validate_json(
        finished.view.model_dump_json())))
    for debrief in (local, remote):
        qtbot.addWidget(debrief)
    assert _tree_texts(remote.tree_model) == _tree_texts(local.tree_model)
    assert len(_tree_texts(local.tree_model)) > 100
    assert remote.reveal.browser.toHtml() == local.reveal.browser.toHtml()
    assert remote.fig_summary.text() == local.fig_summary.text() != ""
    assert bar_values(remote.fig_view.chart()) == bar_values(local.fig_view.chart())
    assert report_html(remote.view, {}, None) == report_html(local.view, {}, None)
    for debrief in (local, remote):  # one event shown in full
        debrief.reveal.show_event(debrief.part.events[-1].seq)
    rows = [local.reveal.events.index(r, 1).data() for r in range(local.reveal.events.rowCount())]
    assert rows and rows == [remote.reveal.events.index(r, 1).data()
                             for r in range(remote.reveal.events.rowCount())]


def test_the_seat_heading_follows_the_language(qtbot, finished) -> None:  # type: ignore[no-untyped-def]
    debrief = DebriefView(finished)
    qtbot.addWidget(debrief)
    top = debrief.tree_model.index(0, 0)
    assert "县农业农村局" in top.data()
    i18n.set_language("en")
    english = debrief.view.directory.unit_name("county_agri", "en")
    assert english in top.data() and "县农业农村局" not in top.data()
    debrief.tree.setCurrentIndex(top)
    assert english in debrief.details.toPlainText()


def test_the_report_leads_with_the_seat(qtbot, finished) -> None:  # type: ignore[no-untyped-def]
    from game.scoring.report import score_game

    debrief = DebriefView(finished)
    qtbot.addWidget(debrief)
    seat = score_game(finished.game)["seats"]["county_agri"]
    top = debrief.tree_model.index(0, 0)
    assert top.data(NODE_ROLE) == "seat" and "县农业农村局" in top.data()
    part = debrief.tree_model.index(0, 0, top)
    first = next(iter(seat["indicators"].values()))
    assert part.data(NODE_ROLE) == "part" and part.data().startswith(first["label"]["zh"])
    assert first["explanation"]["zh"] in part.data()
    kinds = [debrief.tree_model.index(r, 0, part).data(NODE_ROLE)
             for r in range(debrief.tree_model.rowCount(part))]
    assert kinds == ["citation", "evidence"]
    assert debrief.tree_model.index(1, 0).data() == "沟通式动员的形式"
    i18n.set_language("en")
    debrief.tree_model.retranslate()
    citation = debrief.tree_model.index(0, 0, part).data()
    assert first["citation"]["quote"] in citation and "Paper" in citation


def test_before_the_end_the_debrief_says_it_opens_then(qtbot, make_session) -> None:  # type: ignore[no-untyped-def]
    preview = DebriefView(make_session("hexi"))
    qtbot.addWidget(preview)
    assert preview.banner.text() == i18n.tr("debrief.preview")
    assert preview.tree_model.rowCount() == 0 and preview.fig_tasks.rowCount() == 0
    assert not preview.pdf_button.isEnabled() and not preview.replay_button.isEnabled()
    assert "结束后" in preview.reveal.browser.toPlainText()


def test_refreshes_when_shown_after_the_game_ended(qtbot, make_session) -> None:  # type: ignore[no-untyped-def]
    session = make_session("hexi")
    debrief = DebriefView(session)
    qtbot.addWidget(debrief)
    while not session.game.over:
        session.end_phase()
    assert debrief.tree_model.rowCount() == 0  # hidden: it redraws when shown
    debrief.show()
    qtbot.waitUntil(lambda: debrief.tree_model.rowCount() > 0)
    assert debrief.banner.text() != i18n.tr("debrief.preview")


def test_language_switch_retranslates_the_report(view) -> None:  # type: ignore[no-untyped-def]
    i18n.set_language("en")
    assert _indicator_index(view, "collusion").data() == REPORT["indicators"]["collusion"][
        "label"]["en"]
    assert view.tabs.tabText(1) == "Figure 1: markup and bargaining"


def test_every_control_has_a_name_and_takes_focus(view) -> None:  # type: ignore[no-untyped-def]
    controls = (view.pdf_button, view.json_button, view.tree, view.details, view.event_table,
                view.fig_combo, view.style_combo, view.replay_button, view.compare_table)
    for control in controls:
        assert control.accessibleName()
        assert control.focusPolicy() != Qt.FocusPolicy.NoFocus


def test_the_real_score_report_of_a_finished_tutorial(qtbot, finished) -> None:  # type: ignore[no-untyped-def]
    from game.scoring.report import score_game

    debrief = DebriefView(finished)
    qtbot.addWidget(debrief)
    report = score_game(finished.game)
    assert debrief.part is not None and debrief.part.error is None
    for key in report["indicators"]:
        assert _indicator_index(debrief, key).isValid()
    bars = bar_values(debrief.fig_view.chart())
    assert max(bars["实际完成"]) == report["figure1"]["reclaim"]["delivered"]


# ----- screenshots ---------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_screenshot_debrief(qtbot, finished, screenshot, lang: str) -> None:  # type: ignore[no-untyped-def]
    i18n.set_language(lang)
    debrief = DebriefView(finished)
    qtbot.addWidget(debrief)
    debrief.resize(1280, 800)
    debrief.show()
    qtbot.waitExposed(debrief)
    indicator = debrief.tree_model.find("indicator", "objective_attribution")
    debrief.tree.expand(indicator)
    debrief.tree.setCurrentIndex(indicator)
    screenshot(debrief, "debrief_report")
    rule = debrief.tree_model.index(0, 0, indicator)
    debrief.tree.expand(rule)
    if debrief.tree_model.rowCount(rule):
        debrief.tree.setCurrentIndex(debrief.tree_model.index(0, 0, rule))
    screenshot(debrief, "debrief_evidence")
    debrief.tabs.setCurrentIndex(1)
    screenshot(debrief, "debrief_figure1")
    debrief.tabs.setCurrentIndex(2)
    screenshot(debrief, "debrief_compare_before")
    with qtbot.waitSignal(debrief.comparison_ready, timeout=30_000):
        debrief.replay("pressure")
    assert screenshot(debrief, "debrief_compare").stat().st_size > 0
    debrief.tabs.setCurrentIndex(3)
    screenshot(debrief, "debrief_reveal_tab")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_no_outer_scroll_bar_at_1024x640(qtbot, finished, lang: str) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QApplication

    from game.ui.play.game_page import GamePage

    i18n.set_language(lang)
    page = GamePage(finished, QAction())
    qtbot.addWidget(page)
    page.resize(1024, 594)  # the game page's share of a 1024x640 window (menu and status bars)
    page.show()
    qtbot.waitExposed(page)
    assert page.show_tab("debrief")
    debrief = page.views["debrief"]
    area = debrief.parentWidget().parentWidget()
    for number in range(debrief.tabs.count()):
        debrief.tabs.setCurrentIndex(number)
        QApplication.processEvents()
        assert not area.verticalScrollBar().isVisible(), number
        assert debrief.height() <= area.viewport().height()


def test_a_report_that_failed_says_why(qtbot, fixture_session) -> None:  # type: ignore[no-untyped-def]
    part = fixture_session.view.debrief.model_copy(update={"error": "ValueError: no rules",
                                                           "indicators": {}, "score": None})
    fixture_session._view = fixture_session.view.model_copy(update={"debrief": part})  # noqa: SLF001
    debrief = DebriefView(fixture_session)
    qtbot.addWidget(debrief)
    assert debrief.banner.text() == i18n.tr("debrief.no_score", error="ValueError: no rules")
    assert debrief.tree_model.rowCount() == 0
