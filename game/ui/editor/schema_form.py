"""A form built from the schema: one row per field, nested models in group boxes.

Labels are the fields' titles, tooltips and accessible descriptions their help texts; the
editor of each row follows the field's kind (see schema_fields). The form reads values from
the document and turns every change into one undoable edit at the field's path.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from game.scenario.document import Path
from game.ui.common.i18n import tr
from game.ui.editor.candidates import candidates
from game.ui.editor.collection_editors import IdListEditor, MappingEditor
from game.ui.editor.controller import EditorDocument
from game.ui.editor.field_editors import (
    BoolEditor,
    ChoiceEditor,
    FieldEditor,
    NumberEditor,
    PairEditor,
    StringEditor,
    TextEditor,
)
from game.ui.editor.renames import RENAMES, taken
from game.ui.editor.schema_fields import FieldSpec, field_order, field_specs
from game.ui.editor.schema_text import help_text, title


@dataclass
class FormContext:
    """What a form needs from the window: the document, and a way to show a path in YAML."""

    document: EditorDocument
    reveal: Callable[[Path], None]


class YamlOnlyEditor(FieldEditor):
    """A free-form field (extra scoring rules): edited in the YAML view, one click away."""

    def __init__(self, spec: FieldSpec, reveal: Callable[[], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(spec, parent)
        self.note, self.button = QLabel(self), QPushButton(self)
        self.note.setWordWrap(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.note, 1)
        layout.addWidget(self.button)
        self.button.clicked.connect(reveal)

    def _show(self, value: Any) -> None:
        count = len(value) if isinstance(value, list) else 0
        self.note.setText(tr("editor.yaml_only", count=count))
        self.button.setText(tr("editor.show_in_yaml"))

    def focus_target(self) -> QWidget:
        return self.button


class SchemaForm(QWidget):
    """The form of one model (Scenario, Unit, Task...) at a path of the document."""

    def __init__(self, model: str, base: Path, context: FormContext,
                 skip: tuple[str, ...] = (), parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model, self.base, self.context = model, base, context
        self.editors: dict[str, FieldEditor] = {}
        self.subforms: dict[str, SchemaForm] = {}
        self.labels: dict[str, QLabel | QGroupBox] = {}
        self.layout_ = QFormLayout(self)
        self.layout_.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.layout_.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for spec in field_specs(model, skip):
            if spec.kind != "list":
                self._add_row(spec)
        self.retranslate()
        self.refresh()

    def _add_row(self, spec: FieldSpec) -> None:
        if spec.kind == "object":
            group = QGroupBox(self)
            inner = SchemaForm(spec.submodel, (*self.base, spec.key), self.context, parent=group)
            QVBoxLayout(group).addWidget(inner)
            self.subforms[spec.key], self.labels[spec.key] = inner, group
            self.layout_.addRow(group)
            return
        editor = self._editor(spec)
        label = QLabel(self)
        label.setBuddy(editor.focus_target())
        label.setWordWrap(True)
        self.editors[spec.key], self.labels[spec.key] = editor, label
        editor.edited.connect(lambda value, spec=spec: self._on_edited(spec, value))
        if spec.key == "id" and self.model in RENAMES and isinstance(editor, StringEditor):
            editor.committed.connect(self._on_id_committed)
        self.layout_.addRow(label, editor)

    def _editor(self, spec: FieldSpec) -> FieldEditor:
        path = (*self.base, spec.key)
        document = self.context.document

        def choices() -> list[tuple[str, str]]:
            return candidates(document.doc, spec.target, self.base)

        if spec.kind in ("text", "paragraph"):
            return TextEditor(spec, self)
        if spec.kind == "enum":
            return ChoiceEditor(spec, parent=self)
        if spec.kind == "reference":
            return ChoiceEditor(spec, choices, self)
        if spec.kind == "references":
            return IdListEditor(spec, choices, self)
        if spec.kind == "mapping":
            return MappingEditor(spec, choices, self)
        if spec.kind == "number":
            return NumberEditor(spec, self)
        if spec.kind == "boolean":
            return BoolEditor(spec, self)
        if spec.kind == "pair":
            return PairEditor(spec, self)
        if spec.kind == "yaml":
            return YamlOnlyEditor(spec, lambda: self.context.reveal(path), self)
        return StringEditor(spec, self)

    def _on_edited(self, spec: FieldSpec, value: Any) -> None:
        path = (*self.base, spec.key)
        order = field_order(self.model)
        label = tr("editor.undo_field", field=title(spec))
        self.context.document.edit(label, lambda doc: doc.set(path, value, order=order),
                                   merge=path, source=self)

    def _on_id_committed(self, old: str, new: str) -> None:
        section, rename = RENAMES[self.model]
        doc = self.context.document.doc
        if not old or not new or taken(doc, section, new):
            return  # a clash is the validator's to report; references stay where they were
        # One command with the typing of the id: one Undo restores the id and its references.
        self.context.document.amend(tr("editor.rename", old=old, new=new),
                                    lambda doc: rename(doc, old, new), merge=(*self.base, "id"))

    def refresh(self) -> None:
        """Show the document's current values."""
        doc = self.context.document.doc
        if not doc.ok:
            return
        for key, editor in self.editors.items():
            editor.show_value(doc.get((*self.base, key)))
        for subform in self.subforms.values():
            subform.refresh()

    def retranslate(self) -> None:
        """Labels and help in the window's language."""
        for spec in field_specs(self.model):
            label = self.labels.get(spec.key)
            if label is None:
                continue
            name, help_ = title(spec), help_text(spec)
            if isinstance(label, QGroupBox):
                label.setTitle(name)
                label.setToolTip(help_)
            else:
                label.setText(name)
                label.setToolTip(help_)
                self.editors[spec.key].name_parts(name, help_)
                retranslate = getattr(self.editors[spec.key], "retranslate", None)
                if retranslate:
                    retranslate()
        for subform in self.subforms.values():
            subform.retranslate()
        self.refresh()

    def spec_of(self, widget: QWidget | None) -> FieldSpec | None:
        """The field whose editor holds `widget`, searching nested forms too."""
        while widget is not None:
            if isinstance(widget, FieldEditor) and widget in self._all_editors():
                return widget.spec
            widget = widget.parentWidget()
        return None

    def _all_editors(self) -> list[FieldEditor]:
        found = list(self.editors.values())
        for subform in self.subforms.values():
            found += subform._all_editors()
        return found

    def focus_path(self, path: Path) -> QWidget | None:
        """Give the keyboard focus to the field at `path` (or the nearest one); the widget."""
        rest = path[len(self.base):] if path[: len(self.base)] == self.base else ()
        if not rest:
            return None
        key = str(rest[0])
        if key in self.subforms:
            return self.subforms[key].focus_path(path) or self.subforms[key]
        editor = self.editors.get(key)
        if editor is None:
            return None
        target = editor.focus_target()
        if isinstance(editor, TextEditor) and len(rest) > 1 and rest[1] == "en":
            target = editor.en
        target.setFocus()
        return target
