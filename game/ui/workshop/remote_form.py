"""A move's form built from the seat view alone: one field per field of the engine's move model.

The local composer's forms (`game/ui/compose/move_forms.py`) read the `Game`; a remote seat has only
its `SeatView`, so this form takes its choices from the view's `MoveOption` (tasks, units,
requests) and its fields from the move's pydantic model; the host's `Game.submit` still checks
every move.
"""

from __future__ import annotations

import types
import typing
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Literal, get_args, get_origin

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QWidget,
)

from game.engine import moves as engine_moves
from game.engine.views import MoveOption
from game.ui.common.i18n import all_strings, register, tr
from game.ui.common.lang import plain
from game.ui.compose import move_fields  # noqa: F401  (registers the field.* texts used here)

register({
    "field.shares": ("分给各下级(&H)：", "S&hares:"),
    "field.weights": ("时间分配比重(&W)：", "&Weights:"),
})

if TYPE_CHECKING:
    from pydantic import BaseModel

NONE = -1.0  # a spin box at this value means "none" for an optional figure


def move_model(kind: str) -> type[BaseModel]:
    """The engine's move class of a kind ('split_quota' -> SplitQuota)."""
    for member in typing.get_args(typing.get_args(engine_moves.Move)[0]):
        if member.model_fields["kind"].default == kind:
            return member  # type: ignore[no-any-return]
    raise KeyError(kind)


def text(key: str, fallback: str) -> str:
    """A registered text, or `fallback` when the string table has none for `key`."""
    return plain(tr(key)) if key in all_strings() else fallback


class RemoteMoveForm(QWidget):
    """The fields of one option's move; `move()` gives it in the engine's JSON form.

    Args:
        option: the option from the seat view.
        names: unit and task names (id -> name in the current language).
        requests: pending request id -> how it reads.
    """

    def __init__(self, option: MoveOption, names: Callable[[str], str],
                 requests: dict[int, str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.option = option
        self.values: dict[str, Callable[[], Any]] = {}
        self.setters: dict[str, Callable[[Any], None]] = {}
        self.inputs: dict[str, QWidget] = {}
        form = QFormLayout(self)
        model = move_model(option.move_kind)
        for name, info in model.model_fields.items():
            if name == "kind":
                continue
            default = None if info.is_required() else info.default
            low, high = _bounds(info.metadata)
            widget, value = self._field(name, info.annotation, default, names, requests,
                                        (low, high))
            if widget is None:
                continue
            self.inputs[name] = widget
            self.values[name] = value
            self.setters[name] = _setter(widget)
            label = text(f"field.{name}", info.title or name)
            if isinstance(widget, QCheckBox):
                widget.setText(label)
                form.addRow(widget)
            else:
                caption = QLabel(label)
                caption.setBuddy(widget)
                widget.setAccessibleName(label)
                form.addRow(caption, widget)

    def move(self) -> dict[str, Any]:
        """The move as the engine reads it."""
        move: dict[str, Any] = {"kind": self.option.move_kind}
        for name, value in self.values.items():
            move[name] = value()
        return move

    def restore(self, move: dict[str, Any]) -> None:
        """Put back values read from `move()` (after the form was rebuilt in another language)."""
        for name, value in move.items():
            if name in self.setters:
                self.setters[name](value)

    def _field(self, name: str, annotation: Any, default: Any, names: Callable[[str], str],
               requests: dict[int, str], bounds: tuple[float, float] = (0, 1e6),
               ) -> tuple[QWidget | None, Callable[[], Any]]:
        option = self.option
        optional, kind = _unwrap(annotation)
        if name == "reason":  # the engine gives the reason of an answer; nobody types it
            return None, lambda: None
        if name == "task":
            return _combo([(t, names(t)) for t in option.tasks])
        if name == "subordinate":
            return _combo([(u, names(u)) for u in option.subordinates or option.addressees])
        if name == "request":
            return _combo([(r, requests.get(r, str(r))) for r in option.requests])
        if name in ("shares", "weights"):
            keys = option.subordinates if name == "shares" else [*option.tasks, "local_needs"]
            return _spins({k: (text("field.local_needs", k) if k == "local_needs" else names(k))
                           for k in keys})
        if get_origin(kind) is list:  # causes: tick one or more
            (item,) = get_args(kind)
            return _checks([(v, text(f"cause.{v}", v)) for v in get_args(item)])
        if kind is bool:
            box = QCheckBox()
            box.setChecked(bool(default))
            return box, box.isChecked
        if get_origin(kind) is Literal:
            choices = [(v, text(f"{name}.{v}", v)) for v in get_args(kind)]
            if optional:
                choices.insert(0, (None, text("field.none", "—")))
            return _combo(choices)
        if kind in (int, float):
            low, high = bounds
            spin = QDoubleSpinBox(decimals=0 if kind is int else 2)
            spin.setRange(NONE if optional else low, high)
            if optional:
                spin.setSpecialValueText(text("field.none", "—"))
            start = default if isinstance(default, int | float) else (NONE if optional else low)
            spin.setValue(float(start))

            def value() -> Any:
                if optional and spin.value() == NONE:
                    return None
                return int(spin.value()) if kind is int else spin.value()

            return spin, value
        return None, lambda: None


def _bounds(metadata: list[Any]) -> tuple[float, float]:
    """The spin box's range from a field's constraints (ge/gt/le/lt); an open lower bound
    starts one step (0.01) above it."""
    low, high = 0.0, 1e6
    for item in metadata:
        if getattr(item, "ge", None) is not None:
            low = max(low, float(item.ge))
        if getattr(item, "gt", None) is not None:
            low = max(low, float(item.gt) + 0.01)
        if getattr(item, "le", None) is not None:
            high = min(high, float(item.le))
        if getattr(item, "lt", None) is not None:
            high = min(high, float(item.lt) - 0.01)
    return low, high


def _unwrap(annotation: Any) -> tuple[bool, Any]:
    """(optional, the type inside): `float | None` -> (True, float)."""
    if get_origin(annotation) in (typing.Union, types.UnionType):
        inner = [a for a in get_args(annotation) if a is not type(None)]
        return True, inner[0]
    if get_origin(annotation) is typing.Annotated:
        return _unwrap(get_args(annotation)[0])
    return False, annotation


def _combo(choices: list[tuple[Any, str]]) -> tuple[QComboBox, Callable[[], Any]]:
    combo = QComboBox()
    for value, label in choices:
        combo.addItem(label, value)
    return combo, combo.currentData


def _spins(keys: dict[str, str]) -> tuple[QWidget, Callable[[], Any]]:
    box = QWidget()
    row = QHBoxLayout(box)
    row.setContentsMargins(0, 0, 0, 0)
    spins: dict[str, QDoubleSpinBox] = {}
    for key, label in keys.items():
        spin = QDoubleSpinBox(decimals=2)
        spin.setRange(0, 1e6)
        spin.setAccessibleName(label)
        caption = QLabel(label)
        caption.setBuddy(spin)
        row.addWidget(caption)
        row.addWidget(spin)
        spins[key] = spin
    box.spins = spins  # type: ignore[attr-defined]
    return box, lambda: {key: spin.value() for key, spin in spins.items()}


def _checks(choices: list[tuple[str, str]]) -> tuple[QWidget, Callable[[], Any]]:
    box = QWidget()
    row = QHBoxLayout(box)
    row.setContentsMargins(0, 0, 0, 0)
    checks: dict[str, QCheckBox] = {}
    for value, label in choices:
        check = QCheckBox(label)
        row.addWidget(check)
        checks[value] = check
    box.checks = checks  # type: ignore[attr-defined]
    return box, lambda: [v for v, c in checks.items() if c.isChecked()]


def _setter(widget: QWidget) -> Callable[[Any], None]:
    """How to put a value back into a field made above."""
    if isinstance(widget, QComboBox):
        return lambda v: widget.setCurrentIndex(max(0, widget.findData(v)))
    if isinstance(widget, QCheckBox):
        return lambda v: widget.setChecked(bool(v))
    if isinstance(widget, QDoubleSpinBox):
        return lambda v: widget.setValue(NONE if v is None else float(v))
    spins: dict[str, QDoubleSpinBox] = getattr(widget, "spins", {})
    checks: dict[str, QCheckBox] = getattr(widget, "checks", {})

    def put(value: Any) -> None:
        for key, spin in spins.items():
            spin.setValue(float(value.get(key, 0)))
        for key, check in checks.items():
            check.setChecked(key in value)

    return put
