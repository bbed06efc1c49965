"""Keyboard and assistive access: names on every control, Tab reaches them, mnemonics work."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QHeaderView,
    QLabel,
    QTextBrowser,
    QWidget,
)

from game.ui.play.game_page import OPTIONAL_VIEWS
from tests.ui.driver import choose_action, show_tab, start_game

CONTROLS = (QAbstractButton, QComboBox, QAbstractSpinBox, QAbstractItemView, QTextBrowser)


def _controls(root: QWidget) -> list[QWidget]:
    found = [w for w in root.findChildren(QWidget)
             if isinstance(w, CONTROLS) and not isinstance(w, QHeaderView)]
    return [w for w in found if w.isVisible() and not _inside_other_views(w)]


def _inside_other_views(widget: QWidget) -> bool:
    names = {cls for _, cls in OPTIONAL_VIEWS.values()}
    parent = widget.parentWidget()
    while parent is not None:
        if type(parent).__name__ in names:
            return True
        parent = parent.parentWidget()
    return False


def _unnamed(root: QWidget) -> list[str]:
    missing = []
    for widget in _controls(root):
        text = widget.text() if isinstance(widget, QAbstractButton) else ""
        if not (widget.accessibleName() or text):
            missing.append(f"{type(widget).__name__} {widget.objectName()}")
    return missing


def _focus_chain(start: QWidget) -> list[QWidget]:
    chain, widget = [], start.nextInFocusChain()
    while widget is not start and len(chain) < 500:
        chain.append(widget)
        widget = widget.nextInFocusChain()
    return chain


def _not_tabbable(root: QWidget) -> list[str]:
    return [f"{type(w).__name__} {w.accessibleName()}" for w in _controls(root)
            if not w.focusPolicy() & Qt.FocusPolicy.TabFocus and w.isEnabled()]


def test_the_start_screen_is_named_and_reachable(window) -> None:  # type: ignore[no-untyped-def]
    assert not _unnamed(window.start)
    assert not _not_tabbable(window.start)
    chain = _focus_chain(window.start.scenario_list)
    order = [window.start.seat_combo, window.start.superior_combo,
             window.start.subordinate_combo, window.start.seed_spin, window.start.begin_button]
    positions = [chain.index(w) for w in order]
    assert positions == sorted(positions)


def test_every_tab_of_the_game_page_is_named_and_reachable(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    start_game(qtbot, window, "county_agri")
    for key in ("inbox", "composer", "report"):
        show_tab(qtbot, window, key)
        if key == "composer":
            choose_action(qtbot, window.page.composer, "split_quota")
        assert not _unnamed(window.page), key
        assert not _not_tabbable(window.page), key


def test_labels_lead_to_their_fields(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    start_game(qtbot, window, "hexi")
    show_tab(qtbot, window, "composer")
    window.page.composer.session.end_phase()
    choose_action(qtbot, window.page.composer, "explain_shortfall")
    labels = [w for w in window.page.findChildren(QLabel) if w.isVisible() and "&" in w.text()]
    assert labels
    assert all(label.buddy() is not None for label in labels)


def test_the_seat_field_takes_its_mnemonic(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_U, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: window.start.seat_combo.hasFocus())


def test_tabs_switch_with_control_and_a_number(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    start_game(qtbot, window, "hexi")
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    position = window.page.keys().index("composer") + 1
    qtbot.keyClick(window, getattr(Qt.Key, f"Key_{position}"), Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.page.current_key() == "composer")


def test_the_window_fits_1280_by_720(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    start_game(qtbot, window, "county_agri")
    hint = window.minimumSizeHint()
    assert hint.width() <= 1280 and hint.height() <= 720
    assert window.size().width() <= 1280 and window.size().height() <= 720
