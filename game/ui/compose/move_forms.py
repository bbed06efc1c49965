"""One form per composer action: which fields it asks for, and the move they make."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout, QWidget

from game.engine.moves import CadenceChoice, IncentiveKind, SanctionKind
from game.engine.views import MoveOption
from game.ui.common.i18n import register, tr
from game.ui.common.lang import follow_language, number
from game.ui.common.vocab import task_name, unit_name
from game.ui.compose.move_fields import (
    CausesField,
    CheckField,
    ChoiceField,
    Field,
    NumberField,
    OptionalNumberField,
    SharesField,
    stake_of,
)
from game.ui.play.session import SeatSession

CADENCES: tuple[CadenceChoice, ...] = ("daily", "weekly", "monthly")
INCENTIVES: tuple[IncentiveKind, ...] = ("spiritual", "economic", "political",
                                         "supporting_policy", "experiment")
SANCTIONS: tuple[SanctionKind, ...] = ("notice", "talk", "veto")
#: The incentives whose amount means something (funds paid, or policy funded).
MONEY_INCENTIVES = ("economic", "supporting_policy")
Builder = Callable[[SeatSession, MoveOption], list[Field]]

register({
    "field.amount_none": ("这种激励不涉及金额。", "This kind of incentive takes no amount."),
})


def _task(session: SeatSession, option: MoveOption) -> Field:
    return ChoiceField("field.task", "task", option.tasks,
                       lambda t: task_name(session.directory, t))


def _sub(session: SeatSession, option: MoveOption) -> Field:
    return ChoiceField("field.subordinate", "subordinate", option.subordinates,
                       lambda u: unit_name(session.directory, u))


def _own_target(session: SeatSession, option: MoveOption) -> float:
    stake = stake_of(session, option.tasks[0]) if option.tasks else None
    if stake is None:
        return 0.0
    return round(stake.capacity if stake.capacity is not None else stake.target, 1)


def _explain(session: SeatSession, option: MoveOption) -> list[Field]:
    proposed = OptionalNumberField("field.proposed_target", "proposed_target",
                                   _own_target(session, option), "field.propose_it")
    return [_task(session, option), CausesField(), proposed]


def _propose(session: SeatSession, option: MoveOption) -> list[Field]:
    target = OptionalNumberField("field.target", "target", _own_target(session, option),
                                 "field.propose_it")
    grace = NumberField("field.grace_turns", "grace_turns", 0, maximum=6, integer=True)
    return [_task(session, option), target, grace]


def _split(session: SeatSession, option: MoveOption) -> list[Field]:
    task = option.tasks[0]
    stake = stake_of(session, task)
    owed = stake.target if stake else 0.0
    shares = {s.unit: round(s.suggested, 1) for s in stake.subordinates} if stake else {}

    def note(values: dict[str, float]) -> str:
        total = sum(values.values())
        markup = 100 * (total / owed - 1) if owed else 0.0
        return tr("field.split_total", total=number(total), owed=number(owed),
                  markup=number(markup))

    return [_task(session, option),
            SharesField("action.split_quota", "shares", shares,
                        lambda u: unit_name(session.directory, u), note)]


def _allocate(session: SeatSession, option: MoveOption) -> list[Field]:
    weights = {t: 1.0 for t in option.tasks}
    weights["local_needs"] = 0.2

    def name(key: str) -> str:
        if key == "local_needs":
            return tr("field.local_needs")
        return task_name(session.directory, key)

    def note(values: dict[str, float]) -> str:
        total = sum(values.values()) or 1.0
        shares = tr("doc.list_sep").join(f"{name(k)} {100 * v / total:.0f}%"
                                         for k, v in values.items())
        return tr("field.shares_pct", shares=shares)

    return [SharesField("action.allocate_time", "weights", weights, name, note)]


def _adjust(session: SeatSession, option: MoveOption) -> list[Field]:
    stake = stake_of(session, option.tasks[0])
    first = stake.subordinates[0].target if stake and stake.subordinates else 0.0
    return [_sub(session, option), _task(session, option),
            NumberField("field.target", "target", round(first, 1))]


def _incentive(session: SeatSession, option: MoveOption) -> list[Field]:
    kinds = ChoiceField("field.incentive", "incentive", list(INCENTIVES),
                        lambda k: tr(f"incentive.{k}"))
    amount = NumberField("field.amount", "amount", 1.0, maximum=100.0, minimum=0.1)

    def _on_kind_changed() -> None:
        # Only money and supporting policy are sums; a spiritual, political or experimental
        # incentive takes none, and the field says so by standing aside.
        applies = kinds.current() in MONEY_INCENTIVES
        amount.spin.setEnabled(applies)
        amount.label.setEnabled(applies)
        amount.omitted = not applies
        amount.spin.setToolTip("" if applies else tr("field.amount_none"))

    kinds.changed.connect(_on_kind_changed)
    return [_sub(session, option), _task(session, option), kinds, amount]


_BUILDERS: dict[str, Builder] = {
    "report_progress": lambda s, o: [_task(s, o)],
    "falsify_report": lambda s, o: [_task(s, o), NumberField("field.overstate", "overstate",
                                                             50.0, minimum=0.1)],
    "explain_shortfall": _explain,
    "request_coordination": lambda s, o: [_task(s, o), CheckField("field.party_committee",
                                                                  "party_committee")],
    "propose_target": _propose,
    "split_quota": _split,
    "allocate_time": _allocate,
    "lever_social": lambda s, o: [_task(s, o), NumberField("field.funds", "funds", 2.0,
                                                           minimum=0.1, maximum=1000.0)],
    "set_reporting": lambda s, o: [_sub(s, o), _task(s, o), ChoiceField(
        "field.cadence", "cadence", list(CADENCES), lambda c: tr(f"cadence.{c}"))],
    "research_visit": lambda s, o: [_sub(s, o)],
    "supervise": lambda s, o: [_sub(s, o), _task(s, o)],
    "incentive": _incentive,
    "adjust_target": _adjust,
    "sanction": lambda s, o: [_sub(s, o), _task(s, o), ChoiceField(
        "field.sanction", "sanction", list(SANCTIONS), lambda k: tr(f"sanction.{k}"))],
    "respond_local_needs": lambda s, o: [NumberField("field.days", "days", 2.0, minimum=0.5,
                                                     maximum=200.0)],
}


class MoveForm(QWidget):
    """The fields of one action; `move()` is the dict the engine receives."""

    changed = Signal()

    def __init__(self, session: SeatSession, option: MoveOption,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.option = option
        builder = _BUILDERS.get(option.action, lambda s, o: [_task(s, o)])
        self.fields = builder(session, option)
        layout = QFormLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for field in self.fields:
            layout.addRow(field.label, field.widget)
            for extra in field.extras:
                layout.addRow("", extra)
            field.changed.connect(self.changed)
        follow_language(self, self.retranslate)
        self.retranslate()

    def retranslate(self) -> None:
        """Labels and choices in the current language."""
        for field in self.fields:
            field.retranslate()

    def move(self) -> dict[str, Any]:
        """The move these fields describe."""
        move: dict[str, Any] = {"kind": self.option.move_kind}
        for field in self.fields:
            move.update(field.value())
        if self.option.action == "answer" and not move.get("accept"):
            move["target"] = None
        return move

    def ready(self) -> bool:
        """Whether every field is filled in enough to send."""
        return all(field.ready() for field in self.fields)

    def focus_first(self) -> None:
        """Put the keyboard focus on the first field."""
        if self.fields:
            self.fields[0].widget.setFocus()
