"""Every mnemonic a screen shows works: Alt+letter reaches its control, and only that one.

For each main screen, every visible button, labelled field, tab and menu whose text carries an
`&` mnemonic is reached by a QTest key event (Alt+letter). Buttons receive the shortcut event
and it must not be ambiguous (an ambiguous mnemonic only moves the focus: the click never
happens); the event is swallowed so that "Start a new game" or "Quit" do not act mid-test.
Labels must put the focus on their field, tabs must come to the front, menus must open, and
menu items must trigger.
"""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QShortcutEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QLabel,
    QMenu,
    QPushButton,
    QTabBar,
    QToolButton,
    QWidget,
)
from pytestqt.exceptions import TimeoutError

from game.ui.common import i18n
from tests.ui.driver import choose_action, end_phase, show_tab, start_game

MNEMONIC = re.compile(r"&([^&\s])")


def letter(text: str) -> str | None:
    """The mnemonic letter of a text ('&&' is a literal ampersand)."""
    found = MNEMONIC.search(text.replace("&&", ""))
    return found.group(1).upper() if found else None


def key_of(char: str) -> Qt.Key:
    return Qt.Key(ord(char)) if char.isalnum() else Qt.Key(ord(char))


class Catch(QObject):
    """Swallows shortcut events on one widget and remembers whether they were ambiguous."""

    def __init__(self) -> None:
        super().__init__()
        self.events: list[bool] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Shortcut:
            assert isinstance(event, QShortcutEvent)
            self.events.append(event.isAmbiguous())
            return True
        return False


def _visible(widget: QWidget) -> bool:
    return widget.isVisible() and widget.isEnabled() and not widget.visibleRegion().isEmpty()


def _press(qtbot, window, char: str) -> None:  # type: ignore[no-untyped-def]
    target = QApplication.focusWidget() or window
    qtbot.keyClick(target, key_of(char), Qt.KeyboardModifier.AltModifier)
    QApplication.processEvents()
    popup = QApplication.activePopupWidget()
    if popup is not None:  # a menu that opened by mistake would swallow the next keys
        popup.close()
        QApplication.processEvents()


def _check_buttons(qtbot, window, problems: list[str]) -> None:  # type: ignore[no-untyped-def]
    for button in window.findChildren(QAbstractButton):
        char = letter(button.text())
        if char is None or not _visible(button):
            continue
        catch = Catch()
        button.installEventFilter(catch)
        _press(qtbot, window, char)
        button.removeEventFilter(catch)
        if catch.events != [False]:
            problems.append(f"button {button.text()!r} (Alt+{char}): {catch.events}")


class MenuCloser:
    """Closes a button's popup menu as soon as it shows, and counts the times it did.

    A label's mnemonic clicks a button buddy; a button whose click pops a menu up (the start
    screen's "also played here") runs the menu's own event loop (`QMenu.exec`), which would
    block the test until someone closed it: a zero timer posted on `aboutToShow` is handled
    by that very loop, and closes it.
    """

    def __init__(self, button: QWidget) -> None:
        menu = button.menu() if isinstance(button, QPushButton | QToolButton) else None
        self.menu: QMenu | None = menu if isinstance(menu, QMenu) else None
        self.shown = 0
        if self.menu is not None:
            self.menu.aboutToShow.connect(self._on_about_to_show)

    def _on_about_to_show(self) -> None:
        self.shown += 1
        QTimer.singleShot(0, self.menu.close)  # type: ignore[union-attr]

    def done(self, qtbot, window) -> None:  # type: ignore[no-untyped-def]
        """Wait until a menu that showed is closed again and the window has the keyboard
        back (the popup took it), and stop watching the menu."""
        if self.menu is None:
            return
        qtbot.waitUntil(lambda: not self.menu.isVisible())  # type: ignore[union-attr]
        self.menu.aboutToShow.disconnect(self._on_about_to_show)
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)


def _check_labels(qtbot, window, problems: list[str]) -> None:  # type: ignore[no-untyped-def]
    for label in window.findChildren(QLabel):
        char = letter(label.text())
        buddy = label.buddy()
        if char is None or buddy is None or not _visible(label) or not _visible(buddy):
            continue
        window.setFocus()
        closer = MenuCloser(buddy)
        _press(qtbot, window, char)
        closer.done(qtbot, window)
        focus = QApplication.focusWidget()
        if focus is None or not (focus is buddy or buddy.isAncestorOf(focus)):
            problems.append(f"label {label.text()!r} (Alt+{char}) focused {focus!r}")
        if closer.menu is not None and closer.shown != 1:
            problems.append(f"label {label.text()!r} (Alt+{char}) opened its button's menu "
                            f"{closer.shown} times")


def _check_tabs(qtbot, window, problems: list[str]) -> None:  # type: ignore[no-untyped-def]
    for bar in window.findChildren(QTabBar):
        if not _visible(bar):
            continue
        start = bar.currentIndex()
        for index in range(bar.count()):
            char = letter(bar.tabText(index))
            if char is None or not bar.isTabEnabled(index):
                continue
            _press(qtbot, window, char)
            if bar.currentIndex() != index:
                problems.append(f"tab {bar.tabText(index)!r} (Alt+{char})")
            bar.setCurrentIndex(start)


def _check_menus(qtbot, window, problems: list[str]) -> None:  # type: ignore[no-untyped-def]
    for action in window.menuBar().actions():
        menu = action.menu()
        char = letter(action.text())
        if char is None or not isinstance(menu, QMenu) or not action.isEnabled():
            continue
        target = QApplication.focusWidget() or window
        qtbot.keyClick(target, key_of(char), Qt.KeyboardModifier.AltModifier)
        try:
            qtbot.waitUntil(menu.isVisible, timeout=500)
        except (AssertionError, TimeoutError):
            problems.append(f"menu {action.text()!r} (Alt+{char}) did not open")
            continue
        _check_menu_items(qtbot, menu, problems)
        menu.close()
        window.menuBar().setActiveAction(None)
        window.activateWindow()
        qtbot.waitUntil(lambda m=menu: not m.isVisible() and window.isActiveWindow())


def _check_menu_items(qtbot, menu: QMenu, problems: list[str]) -> None:  # type: ignore[no-untyped-def]
    letters: dict[str, list[str]] = {}
    for item in menu.actions():
        char = letter(item.text())
        if char is not None and item.isVisible() and item.isEnabled():
            letters.setdefault(char, []).append(item.text())
    for char, texts in letters.items():
        if len(texts) > 1:
            problems.append(f"menu {menu.title()!r}: Alt+{char} is shared by {texts}")


def _check_screen(qtbot, window) -> list[str]:  # type: ignore[no-untyped-def]
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    problems: list[str] = []
    _check_buttons(qtbot, window, problems)
    _check_labels(qtbot, window, problems)
    _check_tabs(qtbot, window, problems)
    _check_menus(qtbot, window, problems)
    return problems


@pytest.fixture(params=["zh", "en"])
def lang(request) -> str:  # type: ignore[no-untyped-def]
    i18n.set_language(request.param)
    return request.param


def test_the_start_screen(qtbot, window, lang) -> None:  # type: ignore[no-untyped-def]
    assert _check_screen(qtbot, window) == []


def test_the_bureau_screens(qtbot, window, lang) -> None:  # type: ignore[no-untyped-def]
    start_game(qtbot, window, "county_agri")
    problems = []
    for key in list(window.page.views):
        if key == "debrief":
            continue
        show_tab(qtbot, window, key)
        if key == "composer":
            choose_action(qtbot, window.page.composer, "split_quota")
        problems += [f"{key}: {p}" for p in _check_screen(qtbot, window)]
    end_phase(qtbot, window)  # to the respond phase: the answer table
    show_tab(qtbot, window, "composer")
    choose_action(qtbot, window.page.composer, "answer")
    problems += [f"answers: {p}" for p in _check_screen(qtbot, window)]
    choose_action(qtbot, window.page.composer, "incentive")
    problems += [f"incentive: {p}" for p in _check_screen(qtbot, window)]
    assert problems == []


def test_the_township_screens(qtbot, window, lang) -> None:  # type: ignore[no-untyped-def]
    start_game(qtbot, window, "hexi")
    show_tab(qtbot, window, "composer")
    problems = []
    for action in ("allocate_time", "lever_social"):
        choose_action(qtbot, window.page.composer, action)
        problems += [f"{action}: {p}" for p in _check_screen(qtbot, window)]
    end_phase(qtbot, window)
    for action in ("explain_shortfall", "propose_target", "request_coordination",
                   "falsify_report"):
        choose_action(qtbot, window.page.composer, action)
        problems += [f"{action}: {p}" for p in _check_screen(qtbot, window)]
    assert problems == []


def test_alt_e_ends_the_phase(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    start_game(qtbot, window, "hexi")
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    assert "(E)" in window.page.header.end_button.text() or "&E" in \
        window.menus.actions["end_phase"].text()
    with qtbot.waitSignal(window.session.bridge.state_changed):
        qtbot.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.AltModifier)
    assert window.session.game.phase == "report"
