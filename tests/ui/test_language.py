"""Switching the language retranslates what is on screen, and is remembered."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton

from game.ui.common import i18n
from game.ui.common.settings import Settings
from game.ui.main_window import MainWindow
from tests.ui.driver import choose_action, show_tab, start_game


def _texts(widget) -> set[str]:  # type: ignore[no-untyped-def]
    found = {w.text() for w in widget.findChildren(QLabel) if w.isVisible() and w.text()}
    found |= {w.text() for w in widget.findChildren(QPushButton) if w.isVisible()}
    return found


def test_the_start_screen_switches_language(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    assert window.start.begin_button.text() == "开始新游戏(&N)"
    combo = window.start.language_combo
    combo.setCurrentIndex(combo.findData("en"))
    combo.activated.emit(combo.currentIndex())
    assert i18n.language() == "en"
    assert window.start.begin_button.text() == "Start a &new game"
    assert window.start.scenario_title.text().startswith("Tutorial")
    assert window.windowTitle() == "Communicative Mobilization"
    assert window.menus.game_menu.title() == "&Game"


def test_every_visible_text_changes_on_the_game_page(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    start_game(qtbot, window, "county_agri")
    show_tab(qtbot, window, "composer")
    choose_action(qtbot, window.page.composer, "split_quota")
    chinese = _texts(window.page)
    window.menus.language_actions["en"].trigger()
    english = _texts(window.page)
    assert window.page.header.turn.text() == "Turn 1 of 6"
    assert window.page.composer.send_button.text() == "&Submit"
    assert window.page.composer.action_title.text() == "Split the quota"
    assert window.page.tabs.tabText(window.page._index("report")) == "&Turn report"  # noqa: SLF001
    assert not (chinese & english) - {"", "1,667.0"}


def test_the_inbox_retranslates_its_documents(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    start_game(qtbot, window, "hexi")
    inbox = window.page.inbox
    inbox.show_document(0)
    assert "撂荒地复耕" in inbox.reader.toPlainText()
    window.set_language("en")
    assert "Reclaiming abandoned farmland" in inbox.reader.toPlainText()
    assert inbox.model.headerData(3, Qt.Orientation.Horizontal) == "Title"


def test_the_language_is_remembered(qtbot, window, app_paths, prompts) -> None:  # type: ignore[no-untyped-def]
    window.set_language("en")
    assert Settings(app_paths).language == "en"
    from game.ui.start.launch import start_language

    assert start_language(Settings(app_paths)) == "en"
    again = MainWindow(app_paths, prompts=prompts)
    qtbot.addWidget(again)
    assert again.menus.language_actions["en"].isChecked()


def test_the_bridge_announces_the_switch(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    start_game(qtbot, window, "hexi")
    with qtbot.waitSignal(window.session.bridge.language_changed) as signal:
        window.set_language("en")
    assert signal.args == ["en"]
