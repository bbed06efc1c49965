"""The page a game is played on: the header and the tabs (map, inbox, moves, charts, reports)."""

from __future__ import annotations

import importlib
from collections.abc import Callable

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QScrollArea, QTabWidget, QVBoxLayout, QWidget

from game.ui.common.i18n import register, tr
from game.ui.common.lang import follow_language
from game.ui.compose.composer_view import ComposerView
from game.ui.play.header_view import HeaderView
from game.ui.play.inbox_view import InboxView
from game.ui.play.session import SeatSession
from game.ui.play.turn_report_view import TurnReportView

register({
    "tab.map": ("县域地图(&M)", "&Map"),
    "tab.inbox": ("收文(&I)", "&Inbox"),
    "tab.inbox_unread": ("收文 {count}(&I)", "&Inbox ({count})"),
    "tab.composer": ("办文(&W)", "&Work"),
    "tab.dashboard": ("数据看板(&B)", "Dash&board"),
    "tab.report": ("回合报告(&T)", "&Turn report"),
    "tab.debrief": ("复盘(&D)", "&Debrief"),
    "tab.debrief_locked": ("复盘在对局结束后开放：评分要用到对局中隐藏的真相。",
                           "The debrief opens when the game is over: scoring uses truths "
                           "hidden during play."),
})

#: Tabs built by other modules: key -> (module, class). Absent modules leave the tab out.
OPTIONAL_VIEWS = {
    "map": ("game.ui.map.map_view", "MapView"),
    "dashboard": ("game.ui.play.dashboard_view", "DashboardView"),
    "debrief": ("game.ui.debrief.debrief_view", "DebriefView"),
}
ORDER = ("map", "inbox", "composer", "dashboard", "report", "debrief")


def _optional(key: str) -> Callable[[SeatSession, QWidget], QWidget] | None:
    module_name, class_name = OPTIONAL_VIEWS[key]
    try:
        module = importlib.import_module(module_name)
    except ImportError:
        return None
    return getattr(module, class_name, None)


def _scrolling(view: QWidget) -> QScrollArea:
    """Another module's view in a scroll area: its minimum size never stretches the window."""
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    area.setWidget(view)
    return area


class GamePage(QWidget):
    """Header above, one tab per view below."""

    def __init__(self, session: SeatSession, end_action: QAction,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.header = HeaderView(session, end_action)
        self.tabs = QTabWidget(objectName="GameTabs")
        self.tabs.setDocumentMode(True)
        self.views: dict[str, QWidget] = {}
        builders: dict[str, Callable[[SeatSession, QWidget], QWidget] | None] = {
            "inbox": InboxView, "composer": ComposerView, "report": TurnReportView,
        }
        for key in ORDER:
            build = builders[key] if key in builders else _optional(key)
            if build is None:
                continue
            view = build(session, self.tabs)
            self.views[key] = view
            self.tabs.addTab(view if key in builders else _scrolling(view), "")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.header)
        layout.addWidget(self.tabs, 1)
        session.bridge.state_changed.connect(self._on_state_changed)
        session.bridge.game_replaced.connect(self._on_state_changed)
        self.inbox.model.dataChanged.connect(self._on_unread_changed)
        self.inbox.model.rowsInserted.connect(self._on_unread_changed)
        self.inbox.model.modelReset.connect(self._on_unread_changed)
        follow_language(self, self.retranslate)
        self.retranslate()

    @property
    def inbox(self) -> InboxView:
        """The inbox tab."""
        return self.views["inbox"]  # type: ignore[return-value]

    @property
    def composer(self) -> ComposerView:
        """The composer tab."""
        return self.views["composer"]  # type: ignore[return-value]

    @property
    def report(self) -> TurnReportView:
        """The turn report tab."""
        return self.views["report"]  # type: ignore[return-value]

    def keys(self) -> list[str]:
        """The tabs present, in order."""
        return list(self.views)

    def show_tab(self, key: str) -> bool:
        """Bring a tab to the front; False when it is not there."""
        if key not in self.views or not self.tabs.isTabEnabled(self._index(key)):
            return False
        self.tabs.setCurrentIndex(self._index(key))
        return True

    def current_key(self) -> str:
        """The key of the tab in front."""
        return next((k for k in self.views if self._index(k) == self.tabs.currentIndex()), "")

    def _index(self, key: str) -> int:
        view = self.views[key]
        index = self.tabs.indexOf(view)
        return index if index >= 0 else self.tabs.indexOf(view.parentWidget().parentWidget())

    def _on_state_changed(self) -> None:
        self._lock_debrief()

    def _lock_debrief(self) -> None:
        """The debrief (and its score, built on hidden truths) opens only once the game ends."""
        if "debrief" not in self.views:
            return
        index = self._index("debrief")
        over = self.session.view.over
        self.tabs.setTabEnabled(index, over)
        self.tabs.setTabToolTip(index, tr("tab.debrief" if over else "tab.debrief_locked")
                                .replace("&", ""))

    def _on_unread_changed(self, *_: object) -> None:
        self._title_inbox()

    def _title_inbox(self) -> None:
        unread = self.inbox.model.unread_count()
        key = "tab.inbox_unread" if unread else "tab.inbox"
        self.tabs.setTabText(self._index("inbox"), tr(key, count=unread))

    def retranslate(self) -> None:
        """Tab titles in the current language."""
        for key in self.views:
            index = self._index(key)
            self.tabs.setTabText(index, tr(f"tab.{key}"))
            self.tabs.setTabToolTip(index, tr(f"tab.{key}").replace("&", ""))
        self._title_inbox()
        self._lock_debrief()
