"""Two reports side by side: this game and a replay of its scenario and seed under another
superior style, with every computer seat; and the background job that plays the replay."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QColor

from game.engine.game import Game
from game.engine.outcome import outcome
from game.headless import differences, play_game
from game.ui.i18n import language, register, tr
from game.ui.task_model import Index

Scorer = Callable[[Game], dict[str, Any]]

register({
    "compare.col.indicator": ("指标", "Indicator"),
    "compare.col.first": ("本局（{style}）", "This game ({style})"),
    "compare.col.second": ("重演（{style}）", "Replay ({style})"),
    "compare.col.diff": ("差异（重演−本局）", "Difference (replay − this)"),
    "compare.mean_overload": ("乡镇平均负荷", "Mean township workload"),
    "compare.mean_formalism": ("形式主义占比", "Share of time on formalities"),
})
#: Figures where less is better (the difference is green when it falls).
LOWER_IS_BETTER = {"accountability_events", "mean_overload", "mean_formalism"}
OUTCOME_KEYS = ("mean_overload", "mean_formalism")


def game_figures(game: Game, scorer: Scorer) -> dict[str, Any]:
    """A game's outcome and score, in the shape `game.headless.differences` compares."""
    return {"superior_style": game.superior_style, "outcome": outcome(game),
            "score": scorer(game)}


class CompareModel(QAbstractTableModel):
    """Rows of indicators; columns: name, this game, the replay, the difference."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._first: dict[str, Any] = {}
        self._second: dict[str, Any] = {}
        self._rows: list[str] = []
        self._diff: dict[str, float] = {}

    def set_reports(self, first: dict[str, Any], second: dict[str, Any]) -> None:
        """Compare two reports from `game_figures`."""
        self.beginResetModel()
        self._first, self._second = first, second
        self._diff = differences(first, second)
        indicators = list(first["score"].get("indicators", {}))
        self._rows = indicators + [k for k in OUTCOME_KEYS if k not in indicators]
        self.endResetModel()

    def difference(self, key: str) -> float | None:
        """Replay minus this game for one row's key."""
        return self._diff.get(key)

    def keys(self) -> list[str]:
        """The row keys in order."""
        return list(self._rows)

    def retranslate(self) -> None:
        """Texts follow the language."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 3)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, 3))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 4

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        key, column = self._rows[index.row()], index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._text(key, column)
        if role == Qt.ItemDataRole.ForegroundRole and column == 3:
            return self._colour(key)
        if role == Qt.ItemDataRole.TextAlignmentRole and column > 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _text(self, key: str, column: int) -> str:
        if column == 0:
            return self._label(key)
        if column == 3:
            diff = self._diff.get(key)
            return "" if diff is None else f"{diff:+.2f}"
        value = _value(self._first if column == 1 else self._second, key)
        return "—" if value is None else self._format(key, value)

    def _format(self, key: str, value: float) -> str:
        unit = self._first["score"].get("indicators", {}).get(key, {}).get("unit")
        if unit == "percent":
            return f"{value:.1f}%"
        if unit == "count":
            return f"{value:g}"
        return f"{value:.2f}"

    def _label(self, key: str) -> str:
        entry = self._first["score"].get("indicators", {}).get(key)
        return entry["label"][language()] if entry else tr(f"compare.{key}")

    def _colour(self, key: str) -> QColor | None:
        diff = self._diff.get(key)
        if not diff:
            return None
        entry = self._first["score"].get("indicators", {}).get(key, {})
        lower = key in LOWER_IS_BETTER or entry.get("group") == "pathologies"
        better = diff < 0 if lower else diff > 0
        return QColor("#15803d" if better else "#b91c1c")

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if section == 1:
            return tr("compare.col.first", style=_style(self._first))
        if section == 2:
            return tr("compare.col.second", style=_style(self._second))
        return tr("compare.col.indicator") if section == 0 else tr("compare.col.diff")


def _value(report: dict[str, Any], key: str) -> float | None:
    entry = report.get("score", {}).get("indicators", {}).get(key)
    if entry is not None:
        return None if entry["value"] is None else float(entry["value"])
    value = report.get("outcome", {}).get(key)
    return float(value) if isinstance(value, int | float) else None


def _style(report: dict[str, Any]) -> str:
    style = report.get("superior_style")
    return tr(f"style.{style}") if style else ""


class ReplayJob(QObject):
    """Plays the replay on a worker thread; the engine is pure Python and the replay has a
    game of its own, so nothing is shared with the window but the scenario (read only)."""

    finished = Signal(object)
    failed = Signal(str)

    def start(self, game: Game, superior: str, scorer: Scorer) -> threading.Thread:
        """Replay `game`'s scenario and seed under `superior`, every seat by computer."""
        thread = threading.Thread(target=self._run, args=(game, superior, scorer), daemon=True)
        thread.start()
        return thread

    def _run(self, game: Game, superior: str, scorer: Scorer) -> None:
        try:
            replay = play_game(game.scenario, game.seed, superior, game.subordinate_style)
            result: dict[str, Any] | str = game_figures(replay, scorer)
        except Exception as err:  # noqa: BLE001 - the window shows whatever went wrong
            result = f"{type(err).__name__}: {err}"
        try:
            if isinstance(result, str):
                self.failed.emit(result)
            else:
                self.finished.emit(result)
        except RuntimeError:
            pass  # the debrief was closed while the replay ran: nobody is waiting
