"""Fit: every screen at 1280x800 and 1024x640 in both languages (screenshots under
test-screenshots/<lang>/fit-<size>-<screen>.png), and in English no Chinese outside proper
names and the paper's passages."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QStatusBar,
    QTabBar,
    QTextEdit,
    QWidget,
)

from game.ui.common import i18n
from tests.ui.driver import end_phase, show_tab, start_game

SIZES = ((1280, 800), (1024, 640))


def _cjk(text: str) -> bool:
    return any("\u4e00" <= c <= "\u9fff" or "\u3000" <= c <= "\u303f" or
               "\uff00" <= c <= "\uffef" for c in text)


def _model_texts(view: QAbstractItemView) -> Iterator[str]:
    model = view.model()
    if model is None:
        return
    try:
        columns = model.columnCount(QModelIndex())
    except TypeError:  # a list model: one column
        columns = 1
    for column in range(columns):
        header = model.headerData(column, Qt.Orientation.Horizontal)
        if header:
            yield str(header)

    def walk(parent: QModelIndex, depth: int) -> Iterator[str]:
        for row in range(min(model.rowCount(parent), 60)):
            for column in range(columns):
                index = model.index(row, column, parent)
                value = index.data()
                if value:
                    yield str(value)
            if depth < 2:
                yield from walk(model.index(row, 0, parent), depth + 1)

    yield from walk(QModelIndex(), 0)


def widget_texts(root: QWidget) -> Iterator[tuple[str, str]]:
    """(where, text) for every text a player reads on the visible widgets under `root`."""
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisibleTo(root):
            continue
        where = f"{type(widget).__name__}:{widget.objectName() or widget.accessibleName()}"
        texts: list[str] = []
        if isinstance(widget, QLabel | QAbstractButton):
            texts.append(widget.text())
        elif isinstance(widget, QComboBox):
            texts += [widget.itemText(i) for i in range(widget.count())]
        elif isinstance(widget, QTabBar):
            texts += [widget.tabText(i) for i in range(widget.count())]
        elif isinstance(widget, QGroupBox):
            texts.append(widget.title())
        elif isinstance(widget, QTextEdit):
            texts.append(widget.toPlainText())
        elif isinstance(widget, QLineEdit):
            texts.append(widget.placeholderText())
        elif isinstance(widget, QAbstractItemView):
            texts += list(_model_texts(widget))
        elif isinstance(widget, QStatusBar):
            texts.append(widget.currentMessage())
        texts.append(widget.toolTip())
        texts.append(widget.accessibleName())
        for text in texts:
            if text:
                yield where, text


def proper_names(game) -> list[str]:  # type: ignore[no-untyped-def]
    """Chinese proper names the English screens may show: the scenario's own texts for units,
    tasks and world events (when they have no English), and the paper's passages."""
    from game.scoring.rules import default_rulebook
    from game.scoring.seat import BUREAU_PARTS, TOWNSHIP_PARTS

    names = [u.name.zh for u in game.scenario.units]
    names += [t.name.zh for t in game.scenario.tasks]
    book = default_rulebook()
    names += [i.citation.quote for i in book.indicators] + [r.citation.quote for r in book.rules]
    names += [p.quote for p in TOWNSHIP_PARTS + BUREAU_PARTS]
    return sorted(set(names), key=len, reverse=True)


def chinese_left(root: QWidget, game) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    """Texts still carrying Chinese once proper names and the paper's passages are taken out."""
    names = proper_names(game)
    found = []
    for where, text in widget_texts(root):
        # A Chinese term glossed in brackets after its English ("a talk (约谈)") is kept.
        rest = re.sub(r"\([\u4e00-\u9fff]+\)", "", text)
        for name in names:
            rest = rest.replace(name, "")
        if _cjk(rest):
            found.append((where, text[:120]))
    return found


def _visit(qtbot, window, screenshot, tag: str) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    page = window.page
    found: list[tuple[str, str]] = []
    for key in page.views:
        if not page.tabs.isTabEnabled(page._index(key)):  # noqa: SLF001
            continue
        show_tab(qtbot, window, key)
        QApplication.processEvents()
        screenshot(window, f"fit-{tag}-{key}")
        found += [(key, *hit) for hit in chinese_left(window, window.session.game)]
        if key == "debrief":
            found += _visit_debrief(qtbot, window, screenshot, tag)
    return found


def _visit_debrief(qtbot, window, screenshot, tag: str) -> list[tuple[str, str, str]]:  # type: ignore[no-untyped-def]
    """Every tab of the debrief, the comparisons made."""
    debrief = window.page.views["debrief"]
    with qtbot.waitSignal(debrief.comparison_ready, timeout=60_000):
        debrief.replay("pressure")
    found = []
    for number in range(debrief.tabs.count()):
        debrief.tabs.setCurrentIndex(number)
        QApplication.processEvents()
        screenshot(window, f"fit-{tag}-debrief-{number}")
        found += [(f"debrief {number}", *hit)
                  for hit in chinese_left(window, window.session.game)]
    debrief.tabs.setCurrentIndex(0)
    return found


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("seat", ["hexi", "county_agri"])
def test_every_screen_fits_and_reads_in_its_language(qtbot, window, screenshot, size, lang,
                                                     seat) -> None:  # type: ignore[no-untyped-def]
    i18n.set_language(lang)
    window.resize(*size)
    screenshot(window, f"fit-{size[0]}-start")
    start_game(qtbot, window, seat)
    found = _visit(qtbot, window, screenshot, f"{size[0]}-{seat}-turn1")
    for _ in range(3):
        end_phase(qtbot, window)
    found += _visit(qtbot, window, screenshot, f"{size[0]}-{seat}-turn2")
    window.session.game.run_to_end()
    window.session.bridge.state_changed.emit()
    found += _visit(qtbot, window, screenshot, f"{size[0]}-{seat}-over")
    if lang == "en":
        assert not found, "\n".join(" | ".join(hit) for hit in found[:40])


def test_switching_to_english_mid_game_leaves_no_chinese(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    i18n.set_language("zh")
    window.resize(1280, 800)
    start_game(qtbot, window, "hexi")
    for _ in range(3):
        end_phase(qtbot, window)
    window.session.game.run_to_end()
    window.session.bridge.state_changed.emit()
    for key in window.page.views:
        if window.page.tabs.isTabEnabled(window.page._index(key)):  # noqa: SLF001
            show_tab(qtbot, window, key)
    i18n.set_language("en")
    found = []
    for key in window.page.views:
        show_tab(qtbot, window, key)
        QApplication.processEvents()
        found += [(key, *hit) for hit in chinese_left(window, window.session.game)]
    assert not found, "\n".join(" | ".join(hit) for hit in found[:40])


@pytest.fixture
def long_names_session(qapp):  # type: ignore[no-untyped-def]
    """The tutorial with a 100-character unit name and a 56-character task name."""
    from pathlib import Path

    from game.engine.game import Game
    from game.scenario.loader import load_scenario
    from game.ui.play.session import GameSession

    path = Path(__file__).resolve().parents[2] / "scenarios" / "tutorial.yaml"
    scenario = load_scenario(path)
    units = [u.model_copy(update={"name": u.name.model_copy(update={
        "zh": "很长的名字" * 20, "en": "A very long name " * 6})}) if u.id == "hexi" else u
        for u in scenario.units]
    tasks = [t.model_copy(update={"name": t.name.model_copy(update={"zh": "很长的任务名称" * 8})})
             for t in scenario.tasks]
    scenario = scenario.model_copy(update={"units": units, "tasks": tasks})
    game = Game(scenario, seed=0, humans=["county_agri"])
    game.run_to_end()
    return GameSession(game, "county_agri", path)


@pytest.mark.parametrize("name", ["map", "dashboard", "debrief"])
def test_long_names_elide_and_never_widen_a_screen(qtbot, long_names_session, name) -> None:  # type: ignore[no-untyped-def]
    from game.ui.debrief.debrief_view import DebriefView
    from game.ui.map.map_view import MapView
    from game.ui.play.dashboard_view import DashboardView

    view = {"map": MapView, "dashboard": DashboardView, "debrief": DebriefView}[name](
        long_names_session)
    qtbot.addWidget(view)
    view.resize(1024, 560)
    view.show()
    qtbot.waitExposed(view)
    assert view.minimumSizeHint().width() <= 1024
    if name == "debrief":
        view.tabs.setCurrentIndex(1)  # Figure 1: its task combo
        QApplication.processEvents()
    combos = [c for c in view.findChildren(QComboBox) if c.isVisibleTo(view)]
    assert combos
    for combo in combos:
        assert combo.width() < 400, combo.accessibleName()
        if combo.currentText():
            assert combo.toolTip() == combo.currentText()
