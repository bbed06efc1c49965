"""Editors for lists of ids (owners, carriers, seats, targets) and id-keyed mappings.

Both are views over small QAbstractItemModel adapters of the field's value: a checkable list
of candidate ids, and a two-column table of key and value.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QListView,
    QPushButton,
    QStyledItemDelegate,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from game.ui.common.i18n import tr
from game.ui.common.numbers import shown_number
from game.ui.editor.field_editors import Choices, FieldEditor, NumberEditor, guard, narrow_combo
from game.ui.editor.schema_fields import FieldSpec
from game.ui.editor.schema_text import choice_label

Index = QModelIndex | QPersistentModelIndex
ROOT = QModelIndex()


class IdChoiceModel(QAbstractListModel):
    """Candidate ids, each checked when the list holds it."""

    toggled = Signal(list)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[str, str]] = []
        self._checked: list[str] = []

    def load(self, choices: list[tuple[str, str]], checked: list[str]) -> None:
        """Show `choices`, plus any checked id that is not among them."""
        known = {ident for ident, _ in choices}
        extra = [(i, tr("editor.unknown_choice", value=i)) for i in checked if i not in known]
        rows = choices + extra
        if rows == self._rows and checked == self._checked:
            return
        self.beginResetModel()
        self._rows, self._checked = rows, list(checked)
        self.endResetModel()

    def rowCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        ident, label = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return label
        if role == Qt.ItemDataRole.CheckStateRole:
            on = ident in self._checked
            return Qt.CheckState.Checked if on else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.UserRole:
            return ident
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        return super().flags(index) | Qt.ItemFlag.ItemIsUserCheckable

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole:
            return False
        ident = self._rows[index.row()][0]
        on = Qt.CheckState(value) == Qt.CheckState.Checked
        order = [i for i, _ in self._rows]
        chosen = set(self._checked) - {ident} | ({ident} if on else set())
        self._checked = [i for i in order if i in chosen]
        self.dataChanged.emit(index, index, [role])
        self.toggled.emit(list(self._checked))
        return True


class IdListEditor(FieldEditor):
    """Which of the candidate ids the list holds, as checkboxes (Space toggles)."""

    def __init__(self, spec: FieldSpec, choices: Choices, parent: QWidget | None = None) -> None:
        super().__init__(spec, parent)
        self._choices = choices
        self.model = IdChoiceModel(self)
        self.view = QListView(self)
        self.view.setModel(self.model)
        self.view.setMaximumHeight(self.view.fontMetrics().lineSpacing() * 6 + 10)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        self.model.toggled.connect(self._emit)

    def _show(self, value: Any) -> None:
        checked = [str(v) for v in value] if isinstance(value, list) else []
        self.model.load(self._choices(), checked)

    def focus_target(self) -> QWidget:
        return self.view


class MappingModel(QAbstractTableModel):
    """An id-keyed mapping as rows of (name of the key, value)."""

    edited = Signal(dict)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[str, Any]] = []
        self._labels: dict[str, str] = {}

    def load(self, mapping: dict[str, Any], labels: dict[str, str]) -> None:
        """Show `mapping`; `labels` names the keys."""
        rows = list(mapping.items())
        if rows == self._rows and labels == self._labels:
            return
        self.beginResetModel()
        self._rows, self._labels = rows, labels
        self.endResetModel()

    def mapping(self) -> dict[str, Any]:
        """The rows as a mapping."""
        return dict(self._rows)

    def key(self, row: int) -> str:
        """The key on `row`."""
        return self._rows[row][0]

    def rowCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else 2

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        return tr("editor.key") if section == 0 else tr("editor.value")

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        key, value = self._rows[index.row()]
        shown = role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole)
        if index.column() == 0 and shown:
            return self._labels.get(key, tr("editor.unknown_choice", value=key))
        if index.column() == 1 and shown:
            return choice_label(value) if isinstance(value, str) else shown_number(value)
        if index.column() == 1 and role == Qt.ItemDataRole.EditRole:
            return value
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        return flags | Qt.ItemFlag.ItemIsEditable if index.column() == 1 else flags

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or index.column() != 1:
            return False
        key = self._rows[index.row()][0]
        self._rows[index.row()] = (key, value)
        self.dataChanged.emit(index, index)
        self.edited.emit(self.mapping())
        return True


class ValueDelegate(QStyledItemDelegate):
    """Edits a mapping's values with the editor the value's schema asks for."""

    def __init__(self, spec: FieldSpec, parent: Any = None) -> None:
        super().__init__(parent)
        self.spec = spec

    def createEditor(self, parent: QWidget, option: Any, index: Index) -> QWidget:
        if self.spec.kind == "enum":
            combo = QComboBox(parent)
            for value in self.spec.choices:
                combo.addItem(choice_label(value), value)
            return combo
        return NumberEditor(self.spec, parent).spin

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        value = index.data(Qt.ItemDataRole.EditRole)
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(0, editor.findData(value)))
        else:
            editor.setValue(value)  # type: ignore[attr-defined]

    def setModelData(self, editor: QWidget, model: Any, index: Index) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData())
        else:
            value = editor.value()  # type: ignore[attr-defined]
            model.setData(index, int(value) if self.spec.integer else float(value))


class MappingEditor(FieldEditor):
    """A table of id -> value with a key chooser to add a row and a button to remove one."""

    def __init__(self, spec: FieldSpec, choices: Choices, parent: QWidget | None = None) -> None:
        super().__init__(spec, parent)
        self._choices = choices
        self.model = MappingModel(self)
        self.table = self._table(spec)
        self.new_key = narrow_combo(QComboBox(self))
        self.add_button, self.remove_button = QPushButton(self), QPushButton(self)
        row = QHBoxLayout()
        for widget in (self.new_key, self.add_button, self.remove_button):
            row.addWidget(widget)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(row)
        self.model.edited.connect(self._emit)
        self.add_button.clicked.connect(self._on_add_clicked)
        self.remove_button.clicked.connect(self._on_remove_clicked)
        self.retranslate()

    def _table(self, spec: FieldSpec) -> QTableView:
        table = QTableView(self)
        table.setModel(self.model)
        table.setItemDelegateForColumn(1, ValueDelegate(spec.value_spec or spec, table))
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setTabKeyNavigation(False)
        table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        table.verticalHeader().hide()
        guard(table)
        return table

    def _fit_rows(self) -> None:
        """As tall as its rows (two at least, six at most): no empty box under a short table."""
        rows = min(6, max(2, self.model.rowCount()))
        height = self.table.horizontalHeader().sizeHint().height()
        height += rows * self.table.verticalHeader().defaultSectionSize() + 4
        self.table.setFixedHeight(height)

    def retranslate(self) -> None:
        """Button texts in the window's language."""
        self.add_button.setText(tr("editor.add_key"))
        self.remove_button.setText(tr("editor.remove_key"))

    def _show(self, value: Any) -> None:
        mapping = value if isinstance(value, dict) else {}
        choices = self._choices()
        self.model.load(mapping, dict(choices))
        self.new_key.clear()
        for ident, label in choices:
            if ident not in mapping:
                self.new_key.addItem(label, ident)
        self.add_button.setEnabled(self.new_key.count() > 0)
        self.new_key.setEnabled(self.new_key.count() > 0)
        self.remove_button.setEnabled(bool(mapping))
        self._fit_rows()

    def _on_add_clicked(self) -> None:
        key = self.new_key.currentData()
        if key is None:
            return
        value = self.spec.value_spec.default if self.spec.value_spec else None
        if value is None:
            value = _first_value(self.spec.value_spec)
        self._emit({**self.model.mapping(), key: value})

    def _on_remove_clicked(self) -> None:
        index = self.table.currentIndex()
        if not index.isValid():
            return
        mapping = self.model.mapping()
        mapping.pop(self.model.key(index.row()), None)
        self._emit(mapping)

    def focus_target(self) -> QWidget:
        return self.table

    def name_parts(self, name: str, help_text: str) -> None:
        super().name_parts(name, help_text)
        self.new_key.setAccessibleName(f"{name} · {tr('editor.new_key')}")
        self.add_button.setAccessibleName(f"{name} · {tr('editor.add_key')}")
        self.remove_button.setAccessibleName(f"{name} · {tr('editor.remove_key')}")


def _first_value(spec: FieldSpec | None) -> Any:
    if spec is None:
        return 0
    if spec.kind == "enum":
        return spec.choices[0]
    low = spec.minimum if spec.minimum is not None else 0
    return int(low) if spec.integer else float(low)
