"""The editor by keyboard and assistive technology, and its strings in both languages."""

from __future__ import annotations

import ast
import string
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

import game.ui.editor
from game.ui.common import i18n
from game.ui.editor.editor_actions import ACTIONS, MENUS
from game.ui.editor.schema_fields import field_specs, schema
from game.ui.editor.schema_text import ZH
from tests.ui.test_editor_support import answer_questions, open_editor

CONTROLS = (QAbstractButton, QComboBox, QAbstractSpinBox, QAbstractItemView, QLineEdit,
            QPlainTextEdit)
PAGES = [("meta",), ("hierarchy",), ("relations",), ("seats",), ("styles",), ("scoring",),
         ("unit", ("units", 4)), ("relation", ("relations", 0)), ("task", ("tasks", 0)),
         ("event", ("events", 2))]
EDITOR = Path(game.ui.editor.__file__).parent


@pytest.fixture(autouse=True)
def _discard_on_close(monkeypatch: pytest.MonkeyPatch) -> None:
    answer_questions(monkeypatch)


def controls(root: QWidget) -> list[QWidget]:
    """Visible controls, without the line edits inside spin boxes and combo boxes."""
    inner = (QAbstractSpinBox, QComboBox)
    return [w for w in root.findChildren(QWidget) if isinstance(w, CONTROLS)
            and not isinstance(w, QHeaderView) and w.isVisibleTo(root)
            and not isinstance(w.parentWidget(), inner)]


def unnamed(root: QWidget) -> list[str]:
    found = []
    for widget in controls(root):
        text = widget.text() if isinstance(widget, QAbstractButton) else ""
        if not (widget.accessibleName() or text):
            found.append(type(widget).__name__)
    return found


@pytest.mark.parametrize("key", PAGES, ids=lambda key: key[0])
def test_every_control_of_every_page_has_an_accessible_name(qtbot, tmp_path: Path, key):
    window = open_editor(qtbot, tmp_path)
    window._select_key(key)
    assert not unnamed(window)


@pytest.mark.parametrize("key", PAGES, ids=lambda key: key[0])
def test_every_control_of_every_page_takes_the_keyboard_focus(qtbot, tmp_path: Path, key):
    window = open_editor(qtbot, tmp_path)
    window._select_key(key)
    unreachable = [type(w).__name__ for w in controls(window)
                   if w.isEnabled() and not w.focusPolicy() & Qt.FocusPolicy.TabFocus]
    assert not unreachable


def test_every_command_has_a_shortcut_or_a_menu_mnemonic(qtbot, tmp_path: Path):
    window = open_editor(qtbot, tmp_path)
    in_menus = {item for items in MENUS.values() for item in items if item}
    assert set(ACTIONS) <= in_menus
    assert all(window.actions_[name].shortcuts() for name in ACTIONS)
    assert all("&" in menu.title() for menu in window.menus.values())


def test_the_editor_fits_a_1280_by_720_screen(qtbot, tmp_path: Path):
    window = open_editor(qtbot, tmp_path)
    window._select_key(("task", ("tasks", 0)))
    assert window.minimumSizeHint().width() <= 1280
    assert window.minimumSizeHint().height() <= 720


def _used_ids() -> set[str]:
    found = set()
    for path in EDITOR.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "tr":
                first = node.args[0] if node.args else None
                if isinstance(first, ast.Constant) and isinstance(first.value, str):
                    found.add(first.value)
    return found


def test_every_string_the_editor_uses_exists() -> None:
    table = i18n.all_strings()
    assert not sorted(key for key in _used_ids() if key not in table)


def test_every_editor_string_takes_the_same_values_in_both_languages() -> None:
    def names(text: str) -> set[str]:
        return {name for _, name, _, _ in string.Formatter().parse(text) if name}

    table = i18n.all_strings()
    keys = [k for k in table if k.startswith(("editor.", "schema."))]
    assert not [k for k in keys if names(table[k][0]) != names(table[k][1])]


def test_every_schema_field_has_a_chinese_title_and_help() -> None:
    fields = {f"{model}.{spec.key}" for model in ["Scenario", *schema()["$defs"]]
              for spec in field_specs(model)}
    assert not sorted(fields - set(ZH))
