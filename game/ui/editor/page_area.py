"""The middle of the editor: the form of what the outline has selected, and the help box.

Which form a node opens is a small table (PAGES); the forms themselves come from the schema.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

from game.scenario.document import Path
from game.ui.common.i18n import tr
from game.ui.editor.outline_model import SECTIONS, OutlineNode
from game.ui.editor.schema_fields import FieldSpec, field_order
from game.ui.editor.schema_form import FormContext, SchemaForm
from game.ui.editor.schema_text import help_text, title

_SCENARIO_KEYS = field_order("Scenario")
_OWN_PAGES = ("units", "relation_defaults", "relations", "tasks", "events", "seats", "styles",
              "scoring")
#: node kind -> (model, skipped keys); the form's path is the node's path.
PAGES: dict[str, tuple[str, tuple[str, ...]]] = {
    "meta": ("Scenario", _OWN_PAGES),
    "seats": ("Scenario", tuple(k for k in _SCENARIO_KEYS if k != "seats")),
    "relations": ("RelationDefaults", ()),
    "styles": ("Styles", ()),
    "scoring": ("ScoringOverrides", ()),
    "unit": ("Unit", ()),
    "relation": ("Relation", ()),
    "task": ("Task", ()),
    "event": ("ScenarioEvent", ()),
}
FORM_PATH = {"meta": (), "seats": (), "relations": ("relation_defaults",)}


def node_key_for(path: Path) -> tuple[object, ...]:
    """The outline node that edits `path`."""
    if not path:
        return ("meta",)
    head = str(path[0])
    items = {"units": "unit", "relations": "relation", "tasks": "task", "events": "event"}
    if head in items and len(path) > 1:
        return (items[head], (head, path[1]))
    sections = {"units": "hierarchy", "relation_defaults": "relations", "relations": "relations",
                "tasks": "tasks", "events": "events", "seats": "seats", "styles": "styles",
                "scoring": "scoring"}
    return (sections.get(head, "meta"),)


class PageArea(QWidget):
    """The selected node's heading, form (scrollable) and the focused field's help."""

    def __init__(self, context: FormContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.node: OutlineNode | None = None
        self.form: SchemaForm | None = None
        self.read_only = False
        self.heading, self.intro, self.help = QLabel(self), QLabel(self), QLabel(self)
        self.heading.setObjectName("EditorPageHeading")
        self.heading.setStyleSheet("font-size: 14pt; font-weight: 600;")
        self.heading.setWordWrap(True)
        for label in (self.intro, self.help):
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.help.setFrameShape(QFrame.Shape.StyledPanel)
        self.help.setMinimumHeight(self.help.fontMetrics().lineSpacing() * 2 + 14)
        self.help.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.help.setStyleSheet("background: #f7f7f2; padding: 4px;")
        self.scroller = QScrollArea(self)
        self.scroller.setWidgetResizable(True)
        self.scroller.setFrameShape(QFrame.Shape.NoFrame)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.addWidget(self.heading)
        layout.addWidget(self.intro)
        layout.addWidget(self.scroller, 1)
        layout.addWidget(self.help)

    def show_node(self, node: OutlineNode | None) -> None:
        """Open the form of `node` (a section's overview when it has no form)."""
        self.node = node
        old = self.scroller.takeWidget()
        if old is not None:
            old.deleteLater()
        self.form = None
        if node is not None and node.kind in PAGES and self.context.document.doc.ok:
            model, skip = PAGES[node.kind]
            base = FORM_PATH.get(node.kind, node.path)
            self.form = SchemaForm(model, base, self.context, skip)
            self.form.setEnabled(not self.read_only)
            self.scroller.setWidget(self.form)
        self.retranslate()

    def set_read_only(self, locked: bool) -> None:
        """Show the forms without letting them change anything (a shipped scenario)."""
        self.read_only = locked
        if self.form is not None:
            self.form.setEnabled(not locked)

    def refresh(self) -> None:
        """Re-read the document (the form may need rebuilding when it stopped parsing)."""
        doc = self.context.document.doc
        self.setEnabled(doc.ok)
        if self.node is not None:
            self.heading.setText(self.node.label)  # relabelled in place after a rename
        if self.form is not None and doc.ok:
            self.form.refresh()
        elif self.form is None and doc.ok and self.node is not None and self.node.kind in PAGES:
            self.show_node(self.node)
        self._intro()

    def retranslate(self) -> None:
        """Heading, introduction and form in the window's language."""
        node = self.node
        self.heading.setText(node.label if node is not None else "")
        if self.form is not None:
            self.form.retranslate()
        self._intro()
        self.help.setText(tr("editor.help_hint"))

    def _intro(self) -> None:
        node = self.node
        doc = self.context.document.doc
        if not doc.ok:
            self.intro.setText(tr("editor.syntax_locked"))
        elif node is not None and node.kind in SECTIONS:
            count = len(node.children)
            self.intro.setText(tr(f"editor.page.{node.kind}", count=count))
        else:
            self.intro.setText("")
        self.intro.setVisible(bool(self.intro.text()))

    def show_help(self, spec: FieldSpec | None) -> None:
        """Show the help of the focused field."""
        if spec is None:
            return
        self.help.setText(f"<b>{title(spec)}</b> — {help_text(spec)}")

    def focus_path(self, path: Path) -> QWidget | None:
        """Focus the field at `path` and scroll it into view."""
        if self.form is None:
            return None
        widget = self.form.focus_path(path)
        if widget is not None:
            self.scroller.ensureWidgetVisible(widget)
        return widget
