"""The projector view of the tables compared: three tables of one session, in Chinese and in
English, at a projector's 1280x720 and a small one's 1024x640, and its PDF for the room."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCharts import QBarSeries
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QLabel

from game.ui.common import i18n
from game.ui.debrief.tables_html import table_title
from game.ui.debrief.tables_view import BASE_POINTS, PAGES, TablesView
from game.workshop.compare import TableComparison, compare_tables
from tests.workshop.compare_session import SCENARIOS, play_session

SIZES = ((1280, 720), (1024, 640))


@pytest.fixture(scope="module")
def comparison(tmp_path_factory: pytest.TempPathFactory) -> TableComparison:
    path = tmp_path_factory.mktemp("tables") / "session.db"
    play_session(path)
    return compare_tables(path, [SCENARIOS])


@pytest.fixture(params=["zh", "en"])
def lang(request: pytest.FixtureRequest) -> str:
    i18n.set_language(request.param)
    return str(request.param)


@pytest.fixture
def view(qtbot, comparison: TableComparison, lang: str) -> TablesView:  # type: ignore[no-untyped-def]
    widget = TablesView(comparison)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_screenshots_of_every_page_at_projector_sizes(qtbot, view, screenshot, lang) -> None:  # type: ignore[no-untyped-def]
    for width, height in SIZES:
        view.resize(width, height)
        qtbot.waitUntil(lambda w=width: view.size().width() == w)  # nothing holds it wider
        for page in PAGES:
            view.show_page(page)
            assert screenshot(view, f"tables-{page}-{width}x{height}").exists()


def test_three_tables_side_by_side_with_their_styles(view: TablesView, lang: str) -> None:
    headers = [view.model.headerData(c, Qt.Orientation.Horizontal)
               for c in range(view.model.columnCount())]
    styles = ("沟通型", "混合型", "压力型") if lang == "zh" else (
        "communicative", "mixed", "pressure-type")
    assert len(headers) == 5
    for header, number, style in zip(headers[1:4], (1, 2, 3), styles, strict=True):
        assert str(number) in header and style in header
    seat_row = [view.model.index(0, c).data() for c in range(5)]
    assert ("河西镇" if lang == "zh" else "Hexi") in seat_row[0]
    assert all(cell not in ("", "—") for cell in seat_row[1:4])


def test_the_parting_and_the_predictions_read_in_the_language(view: TablesView,
                                                                lang: str) -> None:
    parted = view.parted.toPlainText()
    predictions = view.predictions.toPlainText()
    if lang == "zh":
        assert "第3回合 · 问责次数" in parted and "问责" in parted
        assert "论文 三（第二）" in predictions and "✓ 得到印证" in predictions
    else:
        assert "Turn 3 · Accountability events" in parted
        assert "The paper, III (second)" in predictions and "✓ borne out" in predictions
        assert "问责" not in parted  # no Chinese kind names leak into the English page


def test_pages_turn_with_page_down_and_page_up(qtbot, view: TablesView) -> None:  # type: ignore[no-untyped-def]
    view.show_page("scores")
    view.scores.setFocus()
    qtbot.keyClick(view.scores, Qt.Key.Key_PageDown)
    assert view.tabs.currentIndex() == PAGES.index("figure")
    qtbot.keyClick(view.tabs.currentWidget(), Qt.Key.Key_PageDown)
    qtbot.keyClick(view.tabs.currentWidget(), Qt.Key.Key_PageUp)
    assert view.tabs.currentIndex() == PAGES.index("figure")


def test_type_grows_and_shrinks_within_bounds(qtbot, view: TablesView) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(view, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert view.points == BASE_POINTS + 2
    for _ in range(20):
        view.set_points(view.points - 2)
    assert view.points == 10.0
    assert view.parted.document().defaultFont().pointSizeF() == 10.0


def test_the_language_switches_from_the_keyboard(qtbot, view: TablesView, lang: str) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(view, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert i18n.language() == ("en" if lang == "zh" else "zh")
    assert view.tabs.tabText(0) == ("&Scores" if lang == "zh" else "评分并列(&S)")


def test_every_button_and_label_has_text(view: TablesView) -> None:
    for button in view.findChildren(QAbstractButton):
        if button.isVisible():
            assert button.text().strip(), button
    assert view.title.text() and view.findChildren(QLabel)


def test_figure_one_sets_the_tables_side_by_side(view: TablesView) -> None:
    view.show_page("figure")
    assert view.figure_task() == "reclaim"
    [bars] = [s for s in view.chart.chart().series() if isinstance(s, QBarSeries)]
    names = [bar_set.label() for bar_set in bars.barSets()]
    assert names == [table_title(t) for t in view.comparison.tables]
    originals = {bar_set.at(0) for bar_set in bars.barSets()}
    assert originals == {view.comparison.table(1).figure1["reclaim"]["original"]}
    reading = view.readings.toPlainText()
    assert all(name in reading for name in names)


def test_the_pdf_for_the_room_keeps_chinese(tmp_path: Path, view: TablesView,
                                             lang: str) -> None:
    pytest.importorskip("fontTools")
    path = view.export_pdf(tmp_path / "tables.pdf")
    data = path.read_bytes()
    assert data.startswith(b"%PDF") and len(data) > 20_000
    from pypdf import PdfReader  # type: ignore[import-not-found,unused-ignore]

    text = " ".join("".join(page.extract_text() or "" for page in PdfReader(str(path)).pages)
                    .split())  # the writer spaces words with tabs
    assert ("各桌对比" if lang == "zh" else "Tables compared") in text
    assert "河西镇" in text or lang == "en"
