"""The composer's fields: each one a labelled control that yields part of a move."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QGridLayout,
    QLabel,
    QSpinBox,
    QWidget,
)

from game.engine.moves import CAUSES
from game.engine.views import Stake
from game.ui.common.i18n import register, tr
from game.ui.common.lang import plain
from game.ui.common.numbers import FigureSpinBox
from game.ui.play.session import SeatSession

register({
    "field.task": ("任务(&K)：", "Tas&k:"),
    "field.subordinate": ("对象单位(&O)：", "Unit (&o):"),
    "field.causes": ("原因（可多选）：", "Causes (one or more):"),
    "field.proposed_target": ("建议目标(&F)：", "Proposed target (&f):"),
    "field.propose_it": ("同时提出新目标(&N)", "Propose a &new target too"),
    "field.overstate": ("多报数量(&O)：", "&Overstate by:"),
    "field.party_committee": ("提请县委出面推动（消耗 1 点政治资本）(&Y)",
                              "Ask the part&y committee to push (costs 1 standing)"),
    "field.target": ("新目标(&F)：", "New target (&f):"),
    "field.grace_turns": ("宽限回合数(&U)：", "Grace t&urns:"),
    "field.cadence": ("报送频次(&C)：", "&Cadence:"),
    "field.incentive": ("激励方式(&N)：", "I&ncentive:"),
    "field.amount": ("金额（万元）(&U)：", "Amo&unt (10,000 yuan):"),
    "field.sanction": ("问责方式(&N)：", "Sa&nction:"),
    "field.funds": ("投入资金（万元）(&U)：", "F&unds (10,000 yuan):"),
    "field.days": ("人日数(&D)：", "Cadre-&days:"),
    "field.share_of": ("{unit}(&{n})：", "{unit} (&{n}):"),
    "field.local_needs": ("群众诉求", "Villagers' needs"),
    "field.none": ("无", "none"),
    "field.incomplete": ("请至少选择一个原因。", "Choose at least one cause."),
    "field.shares_pct": ("折合：{shares}", "That is: {shares}"),
    "field.split_total": ("分解合计 {total}，本单位承担 {owed}，加码 {markup}%",
                          "Total passed down {total}; this unit owes {owed}; markup {markup}%"),
    "field.current_target": ("现目标 {target}，已上报 {reported}", "Target now {target}, "
                             "reported {reported}"),
})


class Field(QObject):
    """A control and its label; `value()` gives the move's keys it fills."""

    changed = Signal()

    def __init__(self, label_key: str) -> None:
        super().__init__()
        self.label_key = label_key
        self.label = QLabel()
        self.widget: QWidget = QWidget()
        self.extras: list[QWidget] = []

    def value(self) -> dict[str, Any]:
        """This field's part of the move."""
        return {}

    def ready(self) -> bool:
        """Whether the field is filled in enough to send."""
        return True

    def retranslate(self) -> None:
        """Label and accessible name in the current language."""
        self.label.setText(tr(self.label_key))
        self.widget.setAccessibleName(plain(tr(self.label_key)))

    def _bind(self, widget: QWidget) -> None:
        self.widget = widget
        self.label.setBuddy(widget)


class ChoiceField(Field):
    """A drop-down of ids shown by their names."""

    def __init__(self, label_key: str, key: str, ids: list[Any], namer: Any) -> None:
        super().__init__(label_key)
        self.key, self.ids, self.namer = key, ids, namer
        self.combo = QComboBox()
        # Long items (a request's summary) must not widen the form: they elide.
        self.combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.combo.setMinimumContentsLength(16)
        self._bind(self.combo)
        self.combo.currentIndexChanged.connect(self.changed)

    def retranslate(self) -> None:
        super().retranslate()
        chosen = max(0, self.combo.currentIndex())
        self.combo.blockSignals(True)
        self.combo.clear()
        for item in self.ids:
            self.combo.addItem(self.namer(item), item)
        self.combo.setCurrentIndex(min(chosen, self.combo.count() - 1))
        self.combo.blockSignals(False)
        self.changed.emit()

    def current(self) -> Any:
        """The chosen id."""
        return self.combo.currentData()

    def ready(self) -> bool:
        return self.combo.currentIndex() >= 0

    def value(self) -> dict[str, Any]:
        return {self.key: self.current()}


class NumberField(Field):
    """A number; `optional` ones carry a check box and give None when unchecked."""

    def __init__(self, label_key: str, key: str, value: float, maximum: float = 1e6,
                 minimum: float = 0.0, decimals: int = 1, integer: bool = False) -> None:
        super().__init__(label_key)
        self.key = key
        spin: QSpinBox | QDoubleSpinBox
        if integer:
            spin = QSpinBox(minimum=int(minimum), maximum=int(maximum))
            spin.setValue(int(value))
        else:
            spin = FigureSpinBox(minimum=minimum, maximum=maximum, decimals=decimals)
            spin.setValue(value)
            spin.setGroupSeparatorShown(True)
        self.spin = spin
        self.omitted = False  # a number that means nothing for the choice made is left out
        self._bind(spin)
        spin.valueChanged.connect(self.changed)

    def value(self) -> dict[str, Any]:
        return {} if self.omitted else {self.key: self.spin.value()}


class OptionalNumberField(NumberField):
    """A number the player may leave out (a proposed target)."""

    def __init__(self, label_key: str, key: str, value: float, check_key: str) -> None:
        super().__init__(label_key, key, value)
        self.check_key = check_key
        self.check = QCheckBox()
        self.check.toggled.connect(self.spin.setEnabled)
        self.check.toggled.connect(self.changed)
        self.check.setChecked(True)
        self.extras = [self.check]

    def retranslate(self) -> None:
        super().retranslate()
        self.check.setText(tr(self.check_key))
        self.check.setAccessibleName(plain(tr(self.check_key)))

    def value(self) -> dict[str, Any]:
        return {self.key: self.spin.value() if self.check.isChecked() else None}


class CheckField(Field):
    """A yes/no box."""

    def __init__(self, label_key: str, key: str, checked: bool = False) -> None:
        super().__init__(label_key)
        self.key = key
        self.check = QCheckBox()
        self.check.setChecked(checked)
        self._bind(self.check)
        self.check.toggled.connect(self.changed)

    def retranslate(self) -> None:
        self.check.setText(tr(self.label_key))
        self.check.setAccessibleName(plain(tr(self.label_key)))
        self.label.setText("")

    def value(self) -> dict[str, Any]:
        return {self.key: self.check.isChecked()}


class CausesField(Field):
    """The objective causes an explanation cites (moves.CAUSES)."""

    def __init__(self) -> None:
        super().__init__("field.causes")
        self.key = "causes"
        box = QWidget()
        grid = QGridLayout(box)
        grid.setContentsMargins(0, 0, 0, 0)
        self.checks = {cause: QCheckBox() for cause in CAUSES}
        for i, check in enumerate(self.checks.values()):
            grid.addWidget(check, i // 2, i % 2)
            check.toggled.connect(self.changed)
        self.widget = box

    def retranslate(self) -> None:
        self.label.setText(tr(self.label_key))
        for cause, check in self.checks.items():
            check.setText(tr(f"cause.{cause}"))
            check.setAccessibleName(tr(f"cause.{cause}"))

    def value(self) -> dict[str, Any]:
        return {"causes": [c for c, check in self.checks.items() if check.isChecked()]}

    def ready(self) -> bool:
        return any(check.isChecked() for check in self.checks.values())


class SharesField(Field):
    """A quota (or a weight) for each of several keys, with a running total."""

    def __init__(self, label_key: str, key: str, values: dict[str, float], namer: Any,
                 note: Any = None) -> None:
        super().__init__(label_key)
        self.key, self.namer, self.note = key, namer, note
        box = QWidget()
        self.grid = QGridLayout(box)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.spins: dict[str, QDoubleSpinBox] = {}
        self.labels: dict[str, QLabel] = {}
        for row, (item, value) in enumerate(values.items()):
            spin = FigureSpinBox(minimum=0.0, maximum=1e7, decimals=1)
            spin.setGroupSeparatorShown(True)
            spin.setValue(value)
            spin.valueChanged.connect(self.changed)
            label = QLabel()
            label.setBuddy(spin)
            self.grid.addWidget(label, row, 0)
            self.grid.addWidget(spin, row, 1)
            self.spins[item], self.labels[item] = spin, label
        self.total = QLabel(objectName="Muted")
        self.grid.addWidget(self.total, len(values), 0, 1, 2)
        self.widget = box
        self.changed.connect(self._on_changed)

    def retranslate(self) -> None:
        self.label.setText(tr(self.label_key))
        for i, (item, label) in enumerate(self.labels.items()):
            name = self.namer(item)
            label.setText(tr("field.share_of", unit=name, n=str(i + 1)))
            self.spins[item].setAccessibleName(name)
        self._on_changed()

    def _on_changed(self) -> None:
        values = {k: s.value() for k, s in self.spins.items()}
        self.total.setText(self.note(values) if self.note else "")

    def value(self) -> dict[str, Any]:
        return {self.key: {k: s.value() for k, s in self.spins.items()}}


# ----- helpers the composer uses to name things ------------------------------------------------


def stake_of(session: SeatSession, task: str) -> Stake | None:
    """The seat's own stake on a task (from its view)."""
    return next((s for s in session.view.stakes if s.task == task), None)
