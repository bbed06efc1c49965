"""Playing the window the way a player does: clicks and keys on its widgets."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractSpinBox, QWidget

from game.ui.compose.composer_view import ComposerView
from game.ui.main_window import MainWindow


def click(qtbot, widget: QWidget) -> None:  # type: ignore[no-untyped-def]
    """A left click in the middle of a widget."""
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def start_game(qtbot, window: MainWindow, seat: str, seed: int = 0) -> None:  # type: ignore[no-untyped-def]
    """From the start screen: pick the seat and the seed, press 'start a new game'."""
    start = window.start
    start.seat_combo.setCurrentIndex(start.seat_combo.findData(seat))
    type_number(qtbot, start.seed_spin, seed)
    click(qtbot, start.begin_button)
    qtbot.waitUntil(lambda: window.session is not None and window.session.seat == seat)


def show_tab(qtbot, window: MainWindow, key: str) -> None:  # type: ignore[no-untyped-def]
    """Click a tab of the game page."""
    page = window.page
    assert page is not None
    bar = page.tabs.tabBar()
    index = page._index(key)  # noqa: SLF001 — the tab's position
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
    qtbot.waitUntil(lambda: page.current_key() == key)


def choose_action(qtbot, composer: ComposerView, action: str) -> bool:  # type: ignore[no-untyped-def]
    """Click an action in the composer's list; False when it is not open now."""
    index = composer.options.index_of(action)
    if not index.isValid():
        return False
    composer.tree.scrollTo(index)
    rect = composer.tree.visualRect(index)
    qtbot.mouseClick(composer.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: composer.form is not None and composer.form.option.action == action)
    return True


def send(qtbot, composer: ComposerView) -> bool:  # type: ignore[no-untyped-def]
    """Press 'send'; True when the engine accepted the move."""
    before = len(composer.session.game.recorded)
    click(qtbot, composer.send_button)
    qtbot.waitUntil(lambda: bool(composer.status.text()))
    return len(composer.session.game.recorded) > before


def type_number(qtbot, spin: QAbstractSpinBox, value: float) -> None:  # type: ignore[no-untyped-def]
    """Select a spin box's text and type a number over it."""
    spin.setFocus()
    spin.selectAll()
    qtbot.keyClicks(spin, f"{value:g}")
    qtbot.keyClick(spin, Qt.Key.Key_Tab)


def field(composer: ComposerView, key: str):  # type: ignore[no-untyped-def]
    """The composer's current field that fills `key` of the move."""
    assert composer.form is not None
    return next(f for f in composer.form.fields if getattr(f, "key", "") == key)


def end_phase(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    """Press the header's 'end this phase' button and wait for the world to move on."""
    assert window.page is not None and window.session is not None
    with qtbot.waitSignal(window.session.bridge.state_changed, timeout=10_000):
        click(qtbot, window.page.header.end_button)
