"""Game ▸ Join a workshop: the game window plays a seat at a workshop table.

`RemotePlay` holds what the window needs for it: the seat's `WorkshopConnection`, its
`RemoteSession`, and — once the host has sent the seat's first view — the very `GamePage` a
local game is played on (map, inbox, work, dashboard, turn report, debrief), drawn from the
remote seat's view. Until then (and if the host refuses the code) a joining page says what is
going on. The header gains a line with the connection's state (connected, reconnecting, the
host gone), the table and who the table waits for; the connection comes back by itself.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from game.ui.common.i18n import language, register, tr
from game.ui.common.lang import follow_language
from game.ui.common.vocab import unit_name
from game.ui.workshop.connection import CONNECTED, LOST, RECONNECTING, WorkshopConnection
from game.ui.workshop.remote_session import RemoteSession
from game.workshop.client import JoinError, normalise_address

if TYPE_CHECKING:
    from PySide6.QtGui import QAction

    from game.ui.play.game_page import GamePage
    from game.ui.play.session import Outcome

register({
    "remote.joining": ("正在连接工作坊 {address}…", "Connecting to the workshop at {address}…"),
    "remote.state.connecting": ("● 正在连接…", "● Connecting…"),
    "remote.state.connected": ("● 已连接", "● Connected"),
    "remote.state.reconnecting": ("● 连接中断，正在重新连接…", "● Connection lost, reconnecting…"),
    "remote.state.gone": ("● 主持人没有回应，仍在重试…", "● The host is gone; still trying…"),
    "remote.state.lost": ("● 连接已断开", "● Disconnected"),
    "remote.state.unreachable": ("● 无法连接到主持人 {address}，仍在重试…",
                                 "● Cannot reach the host at {address}; still trying…"),
    "remote.state.ended": ("● 本场研讨已结束", "● The session has ended"),
    "remote.state.replaced": ("● 这个席位已在另一台设备上接管",
                              "● This seat was taken over on another device"),
    "remote.sep": ("；", " · "),
    "remote.cancel": ("取消加入(&C)", "&Cancel joining"),
    "remote.table": ("工作坊第 {table} 桌", "Workshop table {table}"),
    "remote.waiting": ("等待：{units}", "Waiting for: {units}"),
    "remote.ended": ("你已结束本阶段。", "You have ended this phase."),
    "remote.computer": ("电脑暂代本席位", "The computer holds this seat for now"),
    "remote.paused": ("主持人暂停了本桌", "The facilitator has paused this table"),
    "remote.refused_end": ("未能结束本阶段：{reason}", "Could not end the phase: {reason}"),
    "remote.failed": ("无法加入：{reason}请核对地址和加入码，然后通过“游戏 ▸ 加入工作坊”重试。",
                      "Could not join: {reason} Check the address and the code, then try "
                      "again with Game ▸ Join a workshop."),
})

#: The connection's state in the header: green, amber, red (and the words say it too).
STATE_COLOURS = {"connected": "#1b7f3b", "reconnecting": "#a35c00", "gone": "#b3261e",
                 "lost": "#b3261e", "connecting": "#a35c00", "unreachable": "#b3261e",
                 "replaced": "#b3261e", "ended": "#555555"}
#: Seconds of reconnecting after which the header says the host is gone (it keeps trying).
HOST_GONE_S = 15.0


class LinkBar(QWidget):
    """The header's workshop line: the connection's state, the table, who it waits for, and
    why an act was refused."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("WorkshopBar")
        self.link = QLabel(objectName="Connection")
        self.table = QLabel(objectName="Muted")
        self.waiting = QLabel(objectName="Muted", wordWrap=True)
        self.problem = QLabel(objectName="Hint", wordWrap=True)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.link)
        row.addSpacing(12)
        row.addWidget(self.table)
        row.addSpacing(12)
        row.addWidget(self.waiting, 1)
        row.addWidget(self.problem, 1)


class JoiningPage(QWidget):
    """Shown until the seat's first view arrives: connecting, or why joining failed."""

    def __init__(self, address: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("JoiningPage")
        self.address = address
        self.text = QLabel(objectName="ScenarioTitle", wordWrap=True)
        self.link = QLabel(objectName="Connection", wordWrap=True)
        self.cancel = QPushButton()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 24, 24, 24)
        layout.addWidget(self.text)
        layout.addWidget(self.link)
        row = QHBoxLayout()
        row.addWidget(self.cancel)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(1)


class RemotePlay(QObject):
    """A seat played at a workshop table in this window.

    Args:
        address: the host's address ('host:port').
        code: the seat's join code.
        label: how the facilitator sees the participant.
        end_action: the window's "end the phase" action (the header's button).

    Attributes:
        connection, session: the seat's connection and session.
        joining: the page shown until the first view.
        page: the game page, once the first view has arrived (else None).
        bar: the header's workshop line (on the page).

    Signals:
        changed(): the page appeared, the connection's state or the view changed (the window
            refreshes its actions).
        page_ready(): the game page exists (the seat's first view arrived).
        cancelled(): the participant gave up joining (the joining page's button); the
            window leaves the workshop.
    """

    changed = Signal()
    page_ready = Signal()
    cancelled = Signal()

    def __init__(self, address: str, code: str, label: str, end_action: QAction,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.end_action = end_action
        self.connection = WorkshopConnection(address, code, label, self)
        self.session = RemoteSession(self.connection)
        self.joining = JoiningPage(_shown_address(address))
        self.joining.cancel.clicked.connect(self.cancelled)
        self.page: GamePage | None = None
        self.bar = LinkBar()
        self.gone = False
        self._seen_turn, self._over_seen = 0, False
        self._problem = ""
        self._gone_timer = QTimer(self)
        self._gone_timer.setSingleShot(True)
        self._gone_timer.setInterval(int(HOST_GONE_S * 1000))
        self._gone_timer.timeout.connect(self._on_gone)
        signals = self.session.signals
        signals.first_view.connect(self._build_page)
        signals.link_changed.connect(self._on_link)
        self.session.bridge.state_changed.connect(self._on_state_changed)
        self.session.bridge.game_replaced.connect(self._on_state_changed)
        self.session.bridge.answered.connect(self._on_answered)
        follow_language(self.joining, self._say)
        self._say()

    def start(self) -> None:
        """Connect (the connection keeps coming back by itself)."""
        self.connection.start()

    def widget(self) -> QWidget:
        """What the window shows: the game page, or the joining page before the first view."""
        return self.page if self.page is not None else self.joining

    # ----- acting -------------------------------------------------------------------------

    def can_end(self) -> bool:
        """Whether the seat can end the phase now (connected, its turn to act)."""
        return self.session.ready() and not self.session.cannot_act()

    def end_phase(self) -> Outcome | None:
        """End the seat's part of the phase; a refusal on the spot is named in the header."""
        if not self.session.ready():
            return None
        outcome = self.session.end_phase()
        self._problem = "" if outcome.reason is None else tr(
            "remote.refused_end", reason=outcome.reason.text(language()))
        self._say()
        return outcome

    def close(self) -> None:
        """Say bye to the host, stop the connection and drop the pages."""
        self._gone_timer.stop()
        self.connection.close()
        for widget in (self.page, self.joining):
            if widget is not None:
                widget.deleteLater()
        self.page = None

    # ----- what happens -------------------------------------------------------------------

    def _build_page(self) -> None:
        from game.ui.play.game_page import GamePage

        self.page = GamePage(self.session, self.end_action)
        self.page.header.layout().insertWidget(0, self.bar)
        # After the page's own handlers (which open the debrief once the game is over).
        bridge = self.session.bridge
        for signal in (bridge.state_changed, bridge.game_replaced):
            signal.disconnect(self._on_state_changed)
            signal.connect(self._on_state_changed)
        self._seen_turn, self._over_seen = self.session.view.turn, self.session.view.over
        follow_language(self.page, self._say)
        self._say()
        self.page_ready.emit()
        self.changed.emit()

    def _on_state_changed(self) -> None:
        """A new view: after a turn ends, its report comes to the front (the debrief once the
        game is over), as after a turn of a local game."""
        if not self.session.ready():
            return
        view = self.session.view
        turn_ended, over_now = view.turn > self._seen_turn, view.over and not self._over_seen
        if self.page is not None and (turn_ended or over_now):
            self.page.report.show_turn(view.turn - 1 if turn_ended else view.turn)
            self.page.show_tab("debrief" if view.over and "debrief" in self.page.views
                               else "report")
        self._seen_turn, self._over_seen = view.turn, view.over
        self._say()
        self.changed.emit()

    def _on_answered(self, move: object, outcome: Outcome) -> None:
        if move is None:  # the phase end's answer
            self._problem = "" if outcome.ok or outcome.reason is None else tr(
                "remote.refused_end", reason=outcome.reason.text(language()))
            self._say()
            self.changed.emit()

    def _on_link(self, state: str) -> None:
        if state == RECONNECTING and not self._ended():
            if not self._gone_timer.isActive() and not self.gone:
                self._gone_timer.start()
        else:
            self._gone_timer.stop()
            self.gone = False
        if state == CONNECTED:
            self._problem = ""
        self._say()
        self.changed.emit()

    def _on_gone(self) -> None:
        if self.session.link == RECONNECTING:
            self.gone = True
            self._say()

    # ----- words --------------------------------------------------------------------------

    def _ended(self) -> bool:
        return self.session.ready() and self.session.view.closed

    def link_key(self) -> str:
        """The connection's state as the header words it: "gone" (reconnecting for long),
        "ended" (the facilitator ended the session: whatever the connection does now),
        "replaced" (another device took the seat), else the session's `link`."""
        link = self.session.link
        if self._ended() and not (link == LOST and self.session.failure_code == "replaced"):
            return "ended"
        if link == LOST and self.session.failure_code == "replaced":
            return "replaced"
        if self.gone and link == RECONNECTING:
            return "gone"
        return link

    def _say(self) -> None:
        key = self.link_key()
        colour = STATE_COLOURS.get(key, "")
        for label in (self.bar.link, self.joining.link):
            label.setText(tr(f"remote.state.{key}", address=self.joining.address))
            label.setStyleSheet(f"color: {colour};" if colour else "")
            label.setAccessibleName(label.text())
        self.joining.cancel.setText(tr("remote.cancel"))
        self.joining.cancel.setVisible(self.session.link != LOST)
        if self.session.link == LOST and self.session.failure:
            self.joining.text.setText(tr("remote.failed", reason=_sentence(
                self.session.failure_text(language()))))
        else:
            self.joining.text.setText(tr("remote.joining", address=self.joining.address))
        if not self.session.ready():
            return
        view = self.session.view
        self.bar.table.setText(tr("remote.table", table=view.table))
        self.bar.waiting.setText(tr("remote.sep").join(self._situation()))
        self.bar.problem.setText(self._problem)
        self.bar.problem.setVisible(bool(self._problem))
        for label in (self.bar.table, self.bar.waiting):
            label.setAccessibleName(label.text())

    def _situation(self) -> list[str]:
        view, names = self.session.view, self.session.directory
        lines: list[str] = []
        if view.closed:  # the header's state says it ended; nothing is awaited any more
            return lines
        if view.paused:
            lines.append(tr("remote.paused"))
        if view.held_by == "computer" and not view.over:
            lines.append(tr("remote.computer"))
        if view.ended and not view.over:
            lines.append(tr("remote.ended"))
        others = [u for u in view.waiting_for if u != view.seat]
        if others and not view.over:
            lines.append(tr("remote.waiting", units=tr("doc.list_sep").join(
                unit_name(names, u) for u in others)))
        return lines


def _shown_address(address: str) -> str:
    """The address as the connection will use it (host:port), or as typed if it is wrong."""
    try:
        return normalise_address(address).split("://", 1)[1].rstrip("/")
    except JoinError:
        return address.strip()


def _sentence(reason: str) -> str:
    """`reason` ending with one full stop (the host's reasons already have theirs)."""
    reason = reason.strip()
    if not reason or reason[-1] in "。.!！?？":
        return reason
    return reason + ("。" if language() == "zh" else ".")
