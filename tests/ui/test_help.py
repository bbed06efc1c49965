"""Help ▸ How to play: F1 and the start screen open it; a page per phase, pictured, bilingual."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from game.ui.common import i18n
from game.ui.common.help_view import PAGES, HelpDialog, page_html, picture


def _dialog(qtbot) -> HelpDialog:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: any(isinstance(w, HelpDialog) and w.isVisible()
                                for w in QApplication.topLevelWidgets()))
    dialog = next(w for w in QApplication.topLevelWidgets()
                  if isinstance(w, HelpDialog) and w.isVisible())
    qtbot.addWidget(dialog)
    return dialog


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_page_has_its_picture_in_both_languages(lang) -> None:  # type: ignore[no-untyped-def]
    for page in PAGES:
        assert picture(page, lang).is_file(), picture(page, lang)
        assert picture(page, lang).stat().st_size < 120_000


def test_f1_opens_the_help_at_the_phase_in_play(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    from tests.ui.driver import start_game

    start_game(qtbot, window, "hexi")
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_F1)
    dialog = _dialog(qtbot)
    assert dialog.current_page() == "plan"
    assert "<img" in dialog.browser.toHtml()
    dialog.close()


def test_the_start_screen_opens_the_help_and_keys_turn_its_pages(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(window.help_button, Qt.MouseButton.LeftButton)
    dialog = _dialog(qtbot)
    assert dialog.current_page() == PAGES[0]
    qtbot.waitUntil(dialog.isActiveWindow)
    assert dialog.pages.hasFocus()
    qtbot.keyClick(dialog.pages, Qt.Key.Key_Down)
    assert dialog.current_page() == PAGES[1]
    qtbot.keyClick(dialog.pages, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: dialog.current_page() == PAGES[2])
    assert dialog.current_page() == PAGES[2]
    dialog.close()


def test_pages_follow_the_language(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = HelpDialog(None, "respond")
    qtbot.addWidget(dialog)
    assert "答复" in dialog.browser.toPlainText()
    i18n.set_language("en")
    assert dialog.current_page() == "respond"
    text = dialog.browser.toPlainText()
    assert "Respond" in text and "答复" not in text
    assert "/en/respond.png" in page_html("respond")


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("size", [(1280, 800), (1024, 640)])
def test_screenshots_of_the_help_and_the_inbox(qtbot, window, screenshot, lang, size) -> None:  # type: ignore[no-untyped-def]
    from tests.ui.driver import end_phase, show_tab, start_game

    i18n.set_language(lang)
    window.resize(*size)
    start_game(qtbot, window, "county_agri")
    end_phase(qtbot, window)
    show_tab(qtbot, window, "inbox")
    window.page.inbox.unread_check.setChecked(True)
    window.page.inbox.show_document(window.page.inbox.model.rowCount() - 1)
    screenshot(window, f"inbox-unread-{size[0]}x{size[1]}")
    for page in ("directives", "respond"):
        dialog = HelpDialog(window, page)
        qtbot.addWidget(dialog)
        dialog.resize(*size)
        dialog.show()
        qtbot.waitExposed(dialog)
        screenshot(dialog, f"help-{page}-{size[0]}x{size[1]}")
        dialog.close()
