"""Game ▸ Host a workshop: the facilitator's console, a window of its own for the projector.

First the set-up (`ConsoleSetup`); then the session: the host started in-process
(`game.workshop.runner.HostRunner`, its own thread and loop) or one already running elsewhere,
and the console connected to it as the facilitator (`ConsoleLink`). The session page shows
the address and alerts on top, and three tabs: the tables (the live grid and the acts), the
join codes (with the printable sheet), and the mirror of a seat.
"""

from __future__ import annotations

import errno
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from game.scenario.models import Scenario
from game.ui.common import i18n
from game.ui.common.i18n import language, register, tr
from game.ui.common.lang import follow_language, text_of
from game.ui.start.library import SCENARIO_DIR
from game.ui.workshop.console_codes import CodesPanel
from game.ui.workshop.console_files import ConsoleFiles
from game.ui.workshop.console_link import ConsoleLink
from game.ui.workshop.console_mirror import MirrorPanel
from game.ui.workshop.console_setup import ConsoleSetup
from game.ui.workshop.console_tables import TablesPanel
from game.workshop.protocol import StatusMessage, TableResult
from game.workshop.runner import HostRunner, SessionPlan
from game.workshop.terminal import lan_address

register({
    "console.title": ("研讨主持台 · 沟通式动员", "Workshop console · Communicative Mobilization"),
    "console.menu": ("研讨(&S)", "&Session"),
    "console.menu_language": ("语言(&L)", "&Language"),
    "console.zoom_in": ("放大文字(&I)", "Larger text (&I)"),
    "console.zoom_out": ("缩小文字(&D)", "Smaller text (&D)"),
    "console.zoom_reset": ("文字原大(&N)", "&Normal text size"),
    "console.close": ("关闭主持台(&C)", "&Close the console"),
    "console.tab.tables": ("桌况(&1)", "Tables (&1)"),
    "console.tab.codes": ("加入码(&2)", "Join codes (&2)"),
    "console.tab.mirror": ("旁观(&3)", "Watch (&3)"),
    "console.starting": ("正在启动主机…", "Starting the host…"),
    "console.start_failed": ("主机未能启动：{reason}", "The host did not start: {reason}"),
    "console.port_taken": ("端口 {port} 已被占用（也许另一个主机正在运行）：换一个端口，或填 0 "
                           "由系统挑选。",
                           "Port {port} is taken (another host may be running): choose another, "
                           "or 0 to let the system pick one."),
    "console.address": ("加入地址：{address}", "Join address: {address}"),
    "console.state.connecting": ("● 正在连接主机…", "● Connecting to the host…"),
    "console.state.connected": ("● 已连接", "● Connected"),
    "console.state.reconnecting": ("● 连接中断，正在重连…", "● Connection lost, reconnecting…"),
    "console.state.closed": ("● 连接已关闭", "● Connection closed"),
    "console.failed": ("主机拒绝了主持台：{reason}", "The host refused the console: {reason}"),
    "console.no_alerts": ("没有需要注意的桌。", "No table needs attention."),
    "console.ended": ("研讨已结束，记录已保存：“研讨”菜单可打开记录比较各桌、导出记录；"
                      "关闭主持台即停止主机。",
                      "The session has ended and its record is kept: the Session menu opens it "
                      "to compare the tables, or exports it; closing the console stops the "
                      "host."),
    "console.confirm_end": ("结束研讨？所有桌都将不再接受任何操作（记录会保留）。",
                            "End the session? No table will take any act after this (the "
                            "record is kept)."),
    "console.confirm_close": ("关闭主持台会停止主机，参与者将断开连接（记录会保留，可用同一记录文件"
                              "恢复）。确定关闭？",
                              "Closing the console stops the host and disconnects everyone (the "
                              "record is kept; start again with the same record file to "
                              "resume). Close it?"),
})


def start_problem(error: BaseException, port: int) -> str:
    """Why the host did not start, in the current language where it is a common case."""
    if isinstance(error, OSError) and error.errno == errno.EADDRINUSE:
        return tr("console.port_taken", port=port)
    if isinstance(error, OSError) and error.strerror:
        return error.strerror
    return str(error) or type(error).__name__


class ConsoleWindow(ConsoleFiles, QMainWindow):
    """The facilitator's console.

    Args:
        record_dir: where new record files (and code sheets) are suggested.
        user_dir: the author's scenarios folder (listed after the shipped ones).
        confirm: asks a yes/no question (tests answer at once); default a message box.
        lan: this machine's address on the room's network (default: `lan_address()`).
        bind: the address the host listens on ("0.0.0.0": every network of this machine;
            tests use "127.0.0.1").

    Signals:
        host_started(object): the port (int), or the exception that stopped the start.
    """

    host_started = Signal(object)

    def __init__(self, record_dir: Path, user_dir: Path | None = None,
                 confirm: Callable[[str], bool] | None = None, lan: str | None = None,
                 bind: str = "0.0.0.0", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ConsoleWindow")
        self.record_dir = record_dir
        self.folders = [SCENARIO_DIR] + ([user_dir] if user_dir is not None else [])
        self.confirm = confirm or self._ask
        self.lan = lan or lan_address()
        self.bind = bind
        self.plan: SessionPlan | None = None
        #: The session's scenario: the plan's, or found in the library by the host's id.
        self.scenario: Scenario | None = None
        self.runner: HostRunner | None = None
        self.link: ConsoleLink | None = None
        self.address = ""
        self.token = ""
        self.codes: list[tuple[int, str, str]] = []
        self.status: StatusMessage | None = None
        self.record_window: QWidget | None = None
        self.stack = QStackedWidget()
        self.setup = ConsoleSetup(user_dir, record_dir)
        self.setup.start_requested.connect(self.start_session)
        self.setup.connect_requested.connect(self.connect_to)
        self.stack.addWidget(self.setup)
        self.session = self._build_session()
        self.stack.addWidget(self.session)
        self.setCentralWidget(self.stack)
        self.host_started.connect(self._on_host_started)
        self._build_menus()
        self.zoom = 1.0
        self._base_size = self.font().pointSizeF()
        self.set_zoom(1.0)
        follow_language(self, self.retranslate)
        self.retranslate()
        self.resize(1280, 720)

    # ----- building ---------------------------------------------------------------------------

    def _build_session(self) -> QWidget:
        self.heading = QLabel(objectName="ScenarioTitle")
        self.join_line = QLabel(objectName="ScenarioTitle")
        self.join_line.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.state = QLabel()
        self.alerts = QLabel(wordWrap=True)
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.join_line)
        top.addSpacing(16)
        top.addWidget(self.state)
        self.tables_panel = TablesPanel(self.seat_name)
        self.grid_model, self.grid = self.tables_panel.model, self.tables_panel.grid
        self.acts = self.tables_panel.acts
        self.acts.act_requested.connect(self._on_act_requested)
        self.acts.end_requested.connect(self.end_session)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.tables_panel, "")
        self.codes_panel = CodesPanel(self.seat_name)
        self.codes_panel.print_requested.connect(self.print_codes)
        self.tabs.addTab(self.codes_panel, "")
        self.mirror = MirrorPanel(self.folders, self.seat_name)
        self.mirror.stop_requested.connect(self.stop_watching)
        self.tabs.addTab(self.mirror, "")
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addLayout(top)
        layout.addWidget(self.alerts)
        layout.addWidget(self.tabs, 1)
        return page

    def _build_menus(self) -> None:
        self.print_action = QAction(self, triggered=self.print_codes)
        self.print_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Print))
        self.export_action = QAction(self, triggered=self.export_records)
        self.export_action.setEnabled(False)
        self.record_action = QAction(self, triggered=self.open_record)
        self.record_action.setEnabled(False)
        self.close_action = QAction(self, triggered=self.close)
        self.close_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Close))
        self.menu = self.menuBar().addMenu("")
        self.menu.addAction(self.print_action)
        self.menu.addAction(self.export_action)
        self.menu.addAction(self.record_action)
        self.menu.addSeparator()
        self.zoom_actions = []
        for key, change, shortcut in (("console.zoom_in", 1.15, QKeySequence.StandardKey.ZoomIn),
                                      ("console.zoom_out", 1 / 1.15,
                                       QKeySequence.StandardKey.ZoomOut),
                                      ("console.zoom_reset", 0.0, QKeySequence("Ctrl+0"))):
            action = QAction(self)
            action.setData(key)
            action.setShortcut(QKeySequence(shortcut))
            action.triggered.connect(lambda _checked=False, c=change: self.set_zoom(
                self.zoom * c if c else 1.0))
            self.menu.addAction(action)
            self.zoom_actions.append(action)
        self.menu.addSeparator()
        self.menu.addAction(self.close_action)
        self.language_menu = self.menuBar().addMenu("")
        self.languages = QActionGroup(self)
        for lang, name in (("zh", "简体中文"), ("en", "English")):
            action = QAction(name, self, checkable=True)
            action.setData(lang)
            self.languages.addAction(action)
            self.language_menu.addAction(action)
        self.languages.triggered.connect(lambda action: i18n.set_language(action.data()))

    def set_zoom(self, zoom: float) -> None:
        """Text size for the room: 1.0 is the desktop's; the grid and the codes are read from
        across the room, so they stand larger still (from 0.8 to 2.5 times). A style sheet
        of the window's own, since widgets styled by the program's sheet take no font from
        their parent."""
        self.zoom = min(2.5, max(0.8, zoom))
        size = self._base_size * self.zoom
        self.setStyleSheet(
            f"QWidget {{ font-size: {size:.1f}pt; }}\n"
            f"QLabel#ScenarioTitle {{ font-size: {size * 1.5:.1f}pt; font-weight: 600; }}\n"
            f"QTableView#ConsoleGrid {{ font-size: {size * 1.25:.1f}pt; }}\n"
            f"QTableWidget#ConsoleCodes {{ font-size: {size * 1.4:.1f}pt; }}")

    # ----- names ------------------------------------------------------------------------------

    def seat_name(self, seat: str) -> str:
        """A seat's name in the current language (its id without the scenario)."""
        scenario = self.scenario
        if scenario is None:
            return seat
        try:
            return text_of(scenario.unit(seat).name)
        except KeyError:
            return seat

    # ----- starting ---------------------------------------------------------------------------

    def start_session(self, plan: SessionPlan) -> None:
        """Start the host in-process (off the GUI thread); `host_started` follows."""
        if self.runner is not None:
            return
        plan.bind = self.bind
        self.plan = plan
        self.scenario = plan.scenario
        self.runner = HostRunner(plan)
        self.setup.start_button.setEnabled(False)
        self.setup.show_problem(tr("console.starting"))
        runner = self.runner

        def start() -> None:
            try:
                self.host_started.emit(runner.start())
            except Exception as err:  # noqa: BLE001 — shown to the facilitator, nothing lost
                self.host_started.emit(err)

        threading.Thread(target=start, name="console-start", daemon=True).start()

    def _on_host_started(self, outcome: object) -> None:
        runner = self.runner
        if runner is None:
            return
        if isinstance(outcome, BaseException):
            port = self.plan.port if self.plan is not None else 0
            self.runner, self.plan, self.scenario = None, None, None
            self.setup.start_button.setEnabled(True)
            self.setup.show_problem(tr("console.start_failed",
                                       reason=start_problem(outcome, port)))
            return
        token, codes, styles, labels = runner.call(lambda host: (
            host.facilitator_token, host.codes(), host.record.styles(), host.record.labels()))
        assert self.plan is not None
        self.plan.styles = {n: s for n, s in styles.items() if s}
        self.plan.labels = labels
        self.codes = codes
        bind = self.plan.bind
        address = self.lan if bind in ("0.0.0.0", "") else bind
        self._open(f"{address}:{outcome}", token, f"127.0.0.1:{outcome}")

    def connect_to(self, address: str, token: str) -> None:
        """Be the console of a host already running (its codes are in its own terminal)."""
        self._open(address, token, address)

    def _open(self, address: str, token: str, local: str) -> None:
        self.address, self.token = address, token
        self.grid_model.styles = dict(self.plan.styles) if self.plan is not None else {}
        self._use_scenario(self.scenario)
        self.link = ConsoleLink(local, token, self)
        self.link.status_changed.connect(self._on_status)
        self.link.mirrored.connect(self.mirror.show_view)
        self.link.acted.connect(self._on_acted)
        self.link.state_changed.connect(self._on_link_state)
        self.link.failed.connect(self._on_link_failed)
        self.link.start()
        plan = self.plan
        self.codes_panel.show_session(token, self.codes, plan.labels if plan else {},
                                      plan.record if plan else None)
        self.print_action.setEnabled(bool(self.codes))
        self.stack.setCurrentWidget(self.session)
        self.retranslate()
        self.grid.setFocus()

    # ----- the room ---------------------------------------------------------------------------

    def _use_scenario(self, scenario: Scenario | None) -> None:
        self.scenario = scenario
        self.grid_model.scenario_style = scenario.styles.superior if scenario else None
        self.acts.set_events(scenario)
        self.retranslate()

    def _on_status(self, status: StatusMessage) -> None:
        if self.scenario is None or self.scenario.id != status.scenario_id:
            # a host run elsewhere: its scenario's names and events from this library
            found = next((e.scenario for e in self.setup.entries if e.scenario is not None
                          and e.scenario.id == status.scenario_id), None)
            if found is not None:
                self._use_scenario(found)
        self.status = status
        self.tables_panel.set_status(status)
        self.export_action.setEnabled(status.ended and self.plan is not None)
        self.record_action.setEnabled(status.ended and self.plan is not None)
        self._show_alerts()

    def select(self, table: int, seat: str | None = None) -> None:
        """Select a table (and a seat's cell) in the grid."""
        self.tables_panel.select(table, seat)

    def _show_alerts(self) -> None:
        status = self.status
        if status is None:
            self.alerts.clear()
            return
        if status.ended:
            self.alerts.setStyleSheet("color: #2e5e8c; font-weight: 600")
            self.alerts.setText(tr("console.ended"))
            return
        if not status.alerts:
            self.alerts.setStyleSheet("color: #5f5f5f")
            self.alerts.setText(tr("console.no_alerts"))
            return
        self.alerts.setStyleSheet("color: #b3261e; background: #fde7e4; font-weight: 600; "
                                  "padding: 4px")
        self.alerts.setText("⚠ " + "  ".join(a.en if language() == "en" else a.zh
                                             for a in status.alerts))

    def _on_link_state(self, state: str) -> None:
        self.state.setText(tr(f"console.state.{state}"))
        colour = {"connected": "#2e7d32", "closed": "#b3261e"}.get(state, "#b26a00")
        self.state.setStyleSheet(f"color: {colour}")

    def _on_link_failed(self, reason: str) -> None:
        if self.runner is None:
            # a host run elsewhere refused the token: back to the connect form, the reason
            # shown and the token selected to be typed again
            if self.link is not None:
                self.link.close()
                self.link = None
            self.address, self.token, self.status = "", "", None
            self.stack.setCurrentWidget(self.setup)
            self.setup.show_problem(tr("console.failed", reason=reason))
            self.setup.token.setFocus()
            self.setup.token.selectAll()
            self.retranslate()
            return
        self.alerts.setStyleSheet("color: #b3261e; font-weight: 600")
        self.alerts.setText(tr("console.failed", reason=reason))

    # ----- acting -----------------------------------------------------------------------------

    def _on_act_requested(self, act: str, fields: dict[str, Any]) -> None:
        if self.link is None:
            return
        if act == "watch":
            self.watch(fields["table"], fields["seat"])
            return
        self.link.act(act, None, **fields)

    def _on_acted(self, act: str, _tag: object, results: list[TableResult]) -> None:
        if act == "watch" and results and results[0].ok:
            self.tabs.setCurrentWidget(self.mirror)
        self.acts.show_results(act, results)

    def watch(self, table: int, seat: str) -> None:
        """Mirror a seat (the one watched before is let go)."""
        if self.link is None:
            return
        if self.mirror.watched is not None and self.mirror.watched != (table, seat):
            self.link.unwatch(*self.mirror.watched)
        self.mirror.set_watched((table, seat))
        self.link.watch(table, seat)

    def stop_watching(self) -> None:
        """Stop the mirror."""
        if self.link is not None and self.mirror.watched is not None:
            self.link.unwatch(*self.mirror.watched)
        self.mirror.set_watched(None)
        self.tabs.setCurrentIndex(0)

    def end_session(self) -> None:
        """End the session, once the facilitator confirms."""
        if self.link is not None and self.confirm(tr("console.confirm_end")):
            self.link.act("end_session")

    # ----- the codes --------------------------------------------------------------------------

    # ----- closing ----------------------------------------------------------------------------

    def _ask(self, text: str) -> bool:
        answer = QMessageBox.question(self, tr("console.title"), text)
        return answer == QMessageBox.StandardButton.Yes

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 — Qt's name
        running = self.runner is not None and self.runner.running
        ended = self.status is not None and self.status.ended
        if running and not ended and not self.confirm(tr("console.confirm_close")):
            event.ignore()
            return
        self.shut_down()
        super().closeEvent(event)

    def shut_down(self) -> None:
        """Close the console's connection and stop the host it started."""
        if self.link is not None:
            self.link.close()
            self.link = None
        if self.runner is not None:
            self.runner.stop()
            self.runner = None

    # ----- language ---------------------------------------------------------------------------

    def retranslate(self) -> None:
        """Every text in the current language."""
        self.setWindowTitle(tr("console.title"))
        self.menu.setTitle(tr("console.menu"))
        self.language_menu.setTitle(tr("console.menu_language"))
        self.print_action.setText(tr("console.print"))
        self.export_action.setText(tr("console.export"))
        self.record_action.setText(tr("console.open_record"))
        self.close_action.setText(tr("console.close"))
        for action in self.zoom_actions:
            action.setText(tr(action.data()))
        for action in self.languages.actions():
            action.setChecked(action.data() == language())
        for index, key in enumerate(("tables", "codes", "mirror")):
            self.tabs.setTabText(index, tr(f"console.tab.{key}"))
        if self.scenario is not None:
            self.heading.setText(text_of(self.scenario.title))
        self.join_line.setText(tr("console.address", address=self.address) if self.address
                               else "")
        if self.link is not None:
            self._on_link_state(self.link.state)
        self._show_alerts()
