"""The one-way mirror: a seat's screen as its participant sees it, read-only.

The host sends the console the watched seat's own `SeatView` (as the seat itself is sent it,
and nothing to the participant). `MirrorSession` is a `SeatSession` fed by those views whose
two ways to act are refused, so the game window's own play screens — the header, the inbox
and its papers, the composer — draw it (`MirrorPage`), with the end-of-phase and send buttons
taken away.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from game.engine.world import Refusal
from game.ui.common.bridge import EngineBridge
from game.ui.common.i18n import register, tr
from game.ui.common.lang import follow_language
from game.ui.compose.composer_view import ComposerView
from game.ui.debrief.debrief_view import DebriefView
from game.ui.map.map_view import MapView
from game.ui.play.dashboard_view import DashboardView
from game.ui.play.header_view import HeaderView
from game.ui.play.inbox_view import InboxView
from game.ui.play.session import Outcome, SeatSession
from game.ui.play.turn_report_view import TurnReportView
from game.workshop.seat_view import SeatView

register({
    "mirror.title": ("旁观：第 {table} 桌 · {seat}（只读；参与者那边没有任何变化）",
                     "Watching table {table} · {seat} (read-only; nothing changes for the "
                     "participant)"),
    "mirror.none": ("在“桌况”中选一个席位格子，再按“旁观此席位”。",
                    "Select a seat's cell under Tables, then press Watch this seat."),
    "mirror.waiting": ("正在等待主机发来这个席位的画面…",
                       "Waiting for the host to send the seat's view…"),
    "mirror.tab.map": ("县域地图(&M)", "&Map"),
    "mirror.tab.inbox": ("收文(&I)", "&Inbox"),
    "mirror.tab.composer": ("办文（只看）(&W)", "&Work (to look at)"),
    "mirror.tab.dashboard": ("数据看板(&B)", "Dash&board"),
    "mirror.tab.report": ("回合报告(&T)", "&Turn report"),
    "mirror.tab.debrief": ("复盘(&D)", "&Debrief"),
    "mirror.stop": ("停止旁观(&O)", "St&op watching"),
    "mirror.read_only": ("旁观时不能替参与者操作。", "Watching cannot act for the participant."),
})

#: The play screens that draw from the seat's view alone (issue 11 item 1).
MIRRORED_TABS = (("map", MapView, "mirror.tab.map"),
                 ("inbox", InboxView, "mirror.tab.inbox"),
                 ("composer", ComposerView, "mirror.tab.composer"),
                 ("dashboard", DashboardView, "mirror.tab.dashboard"),
                 ("report", TurnReportView, "mirror.tab.report"),
                 ("debrief", DebriefView, "mirror.tab.debrief"))


class MirrorSession(SeatSession):
    """A watched seat: the views the host mirrors, and no way to act."""

    local = False

    def __init__(self, first: SeatView) -> None:
        self.bridge = EngineBridge()
        self.read: set[int] = set()
        self.seat = first.seat
        self._view = first

    @property
    def view(self) -> SeatView:
        """The last view mirrored (with the last directory the host sent)."""
        return self._view

    def receive(self, view: SeatView) -> None:
        """A new view of the seat arrived."""
        kept = {part: getattr(self._view, part) for part in ("directory", "history")
                if getattr(view, part) is None and getattr(self._view, part) is not None}
        if kept:  # a host sends these once, then only when they changed
            view = view.model_copy(update=kept)
        self._view = view
        self.bridge.state_changed.emit()

    def submit(self, move: Any) -> Outcome:
        """Refused: a mirror does not act."""
        return Outcome(False, _READ_ONLY)

    def end_phase(self) -> Outcome:
        """Refused: a mirror does not act."""
        return Outcome(False, _READ_ONLY)

    def compare(self, style: str) -> bool:
        """The debrief's fair comparisons are the host's to play: nothing is asked here."""
        return False


_READ_ONLY = Refusal("read_only", "旁观时不能替参与者操作。",
                     "Watching cannot act for the participant.")


class MirrorPage(QWidget):
    """The play screens of one watched seat: header, inbox, composer; nothing to press that
    would act."""

    def __init__(self, session: MirrorSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.no_end = QAction(self)
        self.no_end.setEnabled(False)
        self.header = HeaderView(session, self.no_end)
        self.header.end_button.hide()
        self.tabs = QTabWidget(objectName="GameTabs")
        self.tabs.setDocumentMode(True)
        self.views: dict[str, QWidget] = {}
        for key, build, _ in MIRRORED_TABS:
            self.views[key] = build(session, self.tabs)
            # scrolled: a screen's minimum size must not make the console taller than 640
            area = QScrollArea()
            area.setWidgetResizable(True)
            area.setFrameShape(QScrollArea.Shape.NoFrame)
            area.setWidget(self.views[key])
            self.tabs.addTab(area, "")
        self.tabs.setCurrentIndex([key for key, _, _ in MIRRORED_TABS].index("inbox"))
        composer = self.views["composer"]
        if isinstance(composer, ComposerView):
            composer.send_button.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.header)
        layout.addWidget(self.tabs, 1)
        follow_language(self, self.retranslate)
        self.retranslate()

    @property
    def view(self) -> SeatView:
        """The view drawn."""
        return self.session.view

    def retranslate(self) -> None:
        """Tab names in the current language."""
        for index, (_, _, key) in enumerate(MIRRORED_TABS):
            self.tabs.setTabText(index, tr(key))


class MirrorPanel(QWidget):
    """The console's mirror tab: which seat is watched, the stop button, the seat's page.

    Signals:
        stop_requested(): the facilitator stops watching.
    """

    stop_requested = Signal()

    def __init__(self, folders: list[Path], seat_name: Any,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.seat_name = seat_name
        self.watched: tuple[int, str] | None = None
        self.page: MirrorPage | None = None
        self.title = QLabel(objectName="Muted", wordWrap=True)
        self.stop = QPushButton(clicked=lambda: self.stop_requested.emit())
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.stop)
        self.column = QVBoxLayout(self)
        self.column.setContentsMargins(0, 4, 0, 0)
        self.column.addLayout(top)
        self.empty = QWidget()  # holds the room until a seat's page comes
        self.column.addWidget(self.empty, 1)
        follow_language(self, self.retranslate)
        self.set_watched(None)

    def set_watched(self, watched: tuple[int, str] | None) -> None:
        """The seat watched now (None: none); its page comes with its first view."""
        if watched != self.watched:
            self._drop_page()
        self.watched = watched
        self.stop.setEnabled(watched is not None)
        self.retranslate()

    def _drop_page(self) -> None:
        if self.page is not None:
            self.column.removeWidget(self.page)
            self.page.deleteLater()
            self.page = None
        self.empty.show()

    def show_view(self, table: int, seat: str, view: SeatView) -> None:
        """A mirrored view: drawn if it is the watched seat's."""
        if self.watched != (table, seat):
            return
        if self.page is None:
            self.page = MirrorPage(MirrorSession(view))
            self.empty.hide()
            self.column.addWidget(self.page, 1)
            self.retranslate()
        else:
            self.page.session.receive(view)

    def retranslate(self) -> None:
        """Every text in the current language."""
        self.stop.setText(tr("mirror.stop"))
        if self.watched is None:
            self.title.setText(tr("mirror.none"))
            return
        title = tr("mirror.title", table=self.watched[0], seat=self.seat_name(self.watched[1]))
        self.title.setText(title if self.page is not None else
                           f"{title} {tr('mirror.waiting')}")
