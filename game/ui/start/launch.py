"""Open the game window (`python main.py` with no arguments): one window per data folder.

Two windows on one data folder would share one autosave and one "still running" flag: the
second would report that the first had crashed, then overwrite its game. So a window holds a
lock file in the data folder (QLockFile: freed by the system's process check when a game
dies, so a crash never locks anyone out), and listens on a local socket named after that
folder. A second start finds the lock, asks the running window to come to the front, and
exits without writing anything. (A separate autosave per window was the other choice: it
would leave the player several "last games" to choose from after a crash, and the editor's
drafts would still be shared; one window per folder keeps one game, one autosave.)
"""

from __future__ import annotations

import hashlib
import os
import sys
from collections.abc import Mapping

from PySide6.QtCore import QLockFile, QObject, QTimer, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from game.ui.common import i18n, qt_translation
from game.ui.common.compat import qt_problem
from game.ui.common.i18n import register, tr
from game.ui.common.settings import APP_NAME, ORGANIZATION, AppPaths, Settings
from game.ui.common.style import apply_style

_state = {"following": False}
#: How long a second start waits for the running window to answer, in milliseconds.
_ANSWER_MS = 3000

register({
    "instance.title": ("游戏已经打开", "The game is already open"),
    "instance.text": ("《沟通式动员》已经在另一个窗口中运行（数据文件夹：{folder}）。\n\n"
                      "请切换到那个窗口继续；同一个数据文件夹只能打开一个游戏窗口，以免两个窗口"
                      "互相覆盖自动存档。",
                      "Communicative Mobilization is already running in another window (data "
                      "folder: {folder}).\n\nSwitch to that window: one data folder holds one "
                      "game window, so that two windows never overwrite each other's autosave."),
})


def make_app(argv: list[str] | None = None) -> QApplication:
    """The QApplication, named (for the user-data folder) and styled."""
    problem = qt_problem()
    if problem is not None:
        raise SystemExit(problem)
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationDisplayName("沟通式动员")
    apply_style(app)
    if not _state["following"]:
        i18n.on_language_changed(qt_translation.follow)
        _state["following"] = True
    qt_translation.follow(i18n.language())
    return app


def start_language(settings: Settings) -> str:
    """The language remembered, else the system's."""
    from game.app import system_language

    return settings.language or system_language()


class SingleWindow(QObject):
    """The one game window of a data folder: its lock, and the socket later starts call.

    Args:
        paths: the data folder to hold.
    """

    #: A second start asked this window to come to the front.
    activation_requested = Signal()

    def __init__(self, paths: AppPaths, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.paths = paths
        self.lock = QLockFile(str(paths.lock_file))
        self.lock.setStaleLockTime(0)  # stale only when its process is gone, never by age
        digest = hashlib.sha256(str(paths.data_dir.resolve()).encode("utf-8")).hexdigest()
        self.server_name = f"{APP_NAME}-{digest[:24]}"
        self.server: QLocalServer | None = None

    def acquire(self) -> bool:
        """Hold the data folder; False when another window holds it.

        A folder the lock cannot be written in (read-only, full) is held without a lock:
        nothing can be written there either, and the window names the folder.
        """
        try:
            self.paths.data_dir.mkdir(parents=True, exist_ok=True)
        except OSError:
            return True
        if not self.lock.tryLock(0):
            return self.lock.error() != QLockFile.LockError.LockFailedError
        QLocalServer.removeServer(self.server_name)  # left by a window that crashed
        self.server = QLocalServer(self)
        self.server.newConnection.connect(self._on_new_connection)
        self.server.listen(self.server_name)
        return True

    def release(self) -> None:
        """Let the data folder go (on exit)."""
        if self.server is not None:
            self.server.close()
            self.server = None
        self.lock.unlock()

    def call_running(self) -> bool:
        """Ask the window that holds the folder to come to the front; True when it answered."""
        socket = QLocalSocket()
        socket.connectToServer(self.server_name)
        if not socket.waitForConnected(_ANSWER_MS):
            return False
        socket.write(b"raise\n")
        sent = socket.waitForBytesWritten(_ANSWER_MS)
        answered = sent and socket.waitForReadyRead(_ANSWER_MS)
        socket.disconnectFromServer()
        return bool(answered)

    def _on_new_connection(self) -> None:
        while self.server is not None and (socket := self.server.nextPendingConnection()):
            socket.readyRead.connect(lambda s=socket: self._on_request(s))

    def _on_request(self, socket: QLocalSocket) -> None:
        if bytes(socket.readAll().data()).startswith(b"raise"):
            self.activation_requested.emit()
            socket.write(b"ok\n")
            socket.flush()


def bring_to_front(window: QWidget) -> None:
    """Show a window over the others (restored if minimised)."""
    window.showNormal()
    window.raise_()
    window.activateWindow()


def display_problem(environ: Mapping[str, str] | None = None,
                    platform: str | None = None) -> str:
    """One line saying why no window can open here ('' when one can): on Linux without a
    display (no DISPLAY or WAYLAND_DISPLAY, no QT_QPA_PLATFORM), Qt would abort with a page of
    plugin messages."""
    environ = os.environ if environ is None else environ
    platform = sys.platform if platform is None else platform
    if not platform.startswith("linux") or environ.get("QT_QPA_PLATFORM"):
        return ""
    if environ.get("DISPLAY") or environ.get("WAYLAND_DISPLAY"):
        return ""
    return ("main.py: no display found (DISPLAY is not set). Run the game on a desktop, or "
            "under a virtual screen: xvfb-run -a .venv/bin/python main.py; the headless "
            "commands (play, validate, tournament, host, ...) need no display: main.py --help")


def launch(paths: AppPaths | None = None) -> int:
    """Show the window and run until it closes; returns the exit code.

    A second start on a data folder that a window already holds brings that window to the
    front and returns 0 (or names the folder and returns 1 when that window does not answer).
    """
    problem = display_problem()
    if problem:
        print(problem, file=sys.stderr)
        return 2
    app = make_app()
    paths = paths or AppPaths.default()
    single = SingleWindow(paths)
    settings = Settings(paths)
    i18n.set_language(start_language(settings))
    if not single.acquire():
        if single.call_running():
            print(tr("instance.text", folder=paths.data_dir), file=sys.stderr)
            return 0
        QMessageBox.information(None, tr("instance.title"),
                                tr("instance.text", folder=paths.data_dir))
        return 1
    from game.ui.main_window import MainWindow

    window = MainWindow(paths)
    single.activation_requested.connect(lambda: bring_to_front(window))
    window.show()
    QTimer.singleShot(0, window.check_data_folder)
    QTimer.singleShot(0, window.offer_resume)
    try:
        return app.exec()
    finally:
        single.release()
