"""The window's benchmark figures, each measured in a fresh process (`python main.py bench`).

Run as `python -m game.ui.bench_ui WHAT [STARTED]`; it prints one JSON object. WHAT is:
- `bare`: a bare PySide6 window shown and painted (the yardstick for start-up);
- `startup`: the game's start screen shown, painted and ready for input;
- `end_turn`: ending each phase of a double_rice turn in the window, until repainted;
- `province_map`: opening the county map of a generated 42,000-unit province, and panning.
STARTED is the wall-clock time (time.time()) at which the parent launched the process, so
start-up includes the interpreter and the imports, as a player waits for them.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parents[2]


def _bare(started: float) -> dict[str, Any]:
    from PySide6.QtWidgets import QApplication, QWidget

    app = QApplication([])
    window = QWidget()
    window.resize(1280, 720)
    window.show()
    app.processEvents()
    return {"seconds": time.time() - started}


def _startup(started: float) -> dict[str, Any]:
    from PySide6.QtCore import QEvent, QObject

    from game.ui.common.settings import AppPaths
    from game.ui.main_window import MainWindow
    from game.ui.start.launch import make_app

    class FirstPaint(QObject):
        """Notes when the start screen is first painted: from then on the player can act."""

        at: float | None = None

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
            if event.type() == QEvent.Type.Paint and self.at is None:
                self.at = time.time()
            return False

    app = make_app([])
    folder = Path(tempfile.mkdtemp())
    window = MainWindow(AppPaths(data_dir=folder / "data", settings_file=folder / "s.ini"))
    window.resize(1280, 720)
    painted = FirstPaint()
    window.start.installEventFilter(painted)
    window.show()
    while window.start.library.rowCount() == 0 or painted.at is None:
        app.processEvents()
    return {"seconds": (painted.at or time.time()) - started,
            "library_seconds": time.time() - started}


def _end_turn(started: float) -> dict[str, Any]:
    del started
    from PySide6.QtGui import QAction

    from game.engine.game import Game
    from game.scenario.loader import load_scenario
    from game.ui.play.game_page import GamePage
    from game.ui.play.session import GameSession
    from game.ui.start.launch import make_app

    app = make_app([])
    path = ROOT / "scenarios" / "double_rice.yaml"
    session = GameSession(Game(load_scenario(path), seed=0, humans=["county_agri"]),
                          "county_agri", path)
    page = GamePage(session, QAction())
    page.resize(1280, 720)
    page.show()
    app.processEvents()
    timings = []
    for _ in range(6):  # two turns: plan, report, respond each
        begin = time.perf_counter()
        session.end_phase()
        app.processEvents()
        timings.append(time.perf_counter() - begin)
    return {"max_ms": 1000 * max(timings), "mean_ms": 1000 * sum(timings) / len(timings)}


def _province_map(started: float) -> dict[str, Any]:
    del started
    from game.engine.game import Game
    from game.generate import generate_scenario
    from game.ui.map.map_view import MapView
    from game.ui.play.session import GameSession
    from game.ui.start.launch import make_app

    app = make_app([])
    scenario = generate_scenario("province", 0)
    seat = scenario.seats[-1]
    session = GameSession(Game(scenario, seed=0, humans=[seat]), seat, Path("province.yaml"))
    begin = time.perf_counter()
    view = MapView(session)
    view.resize(1280, 720)
    view.show()
    app.processEvents()
    opened = time.perf_counter() - begin
    pans = []
    for step in range(10):
        begin = time.perf_counter()
        for bar in (view.canvas.horizontalScrollBar(), view.canvas.verticalScrollBar()):
            bar.setValue(bar.value() + (40 if step % 2 else -40))
        app.processEvents()
        pans.append(time.perf_counter() - begin)
    return {"units": len(scenario.units), "open_s": opened,
            "pan_max_ms": 1000 * max(pans)}


MEASURES = {"bare": _bare, "startup": _startup, "end_turn": _end_turn,
            "province_map": _province_map}


def main(argv: list[str]) -> int:
    """Measure one thing and print it as JSON."""
    what = argv[0]
    started = float(argv[1]) if len(argv) > 1 else time.time()
    print(json.dumps(MEASURES[what](started)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
