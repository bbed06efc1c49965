"""Open the game window (`python main.py` with no arguments)."""

from __future__ import annotations

import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from game.ui import i18n, qt_translation
from game.ui.compat import qt_problem
from game.ui.settings import APP_NAME, ORGANIZATION, AppPaths, Settings
from game.ui.style import apply_style

_state = {"following": False}


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


def launch(paths: AppPaths | None = None) -> int:
    """Show the window and run until it closes; returns the exit code."""
    app = make_app()
    from game.ui.main_window import MainWindow

    paths = paths or AppPaths.default()
    i18n.set_language(start_language(Settings(paths)))
    window = MainWindow(paths)
    window.show()
    QTimer.singleShot(0, window.offer_resume)
    return app.exec()
