"""Make the pictures of Help ▸ How to play from the real window, offscreen, in both languages.

    QT_QPA_PLATFORM=offscreen python tools/help_screenshots.py [--out assets/help]

Plays the tutorial (seed 0) through the game's own window: the inbox with the first
directive (directives), the bureau's split (plan), a township's explanation (report), the
bureau's answer table (respond), the turn report (execute), the debrief (debrief). Each
picture is scaled to 960 px wide and written as an 8-bit PNG (a few tens of kB).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtGui import QImage  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

WIDTH = 960
TUTORIAL = ROOT / "scenarios" / "tutorial.yaml"


class _Prompts:
    """Answers every dialog at once (no modal loops offscreen)."""

    def show(self, box) -> bool:  # type: ignore[no-untyped-def]
        box.deleteLater()
        return True

    def open_file(self, folder: Path) -> None:
        return None

    def save_file(self, suggestion: Path) -> Path:
        return suggestion


def _save(widget: QWidget, path: Path) -> None:
    QApplication.processEvents()
    image = widget.grab().toImage()
    image = image.scaledToWidth(WIDTH, Qt.TransformationMode.SmoothTransformation)
    image = image.convertToFormat(QImage.Format.Format_Indexed8,
                                  Qt.ImageConversionFlag.ThresholdDither)
    path.parent.mkdir(parents=True, exist_ok=True)
    if not image.save(str(path), "PNG", 0):  # 0: the strongest compression
        raise OSError(f"could not write {path}")


def _window(data: Path):  # type: ignore[no-untyped-def]
    from game.ui.common.settings import AppPaths
    from game.ui.main_window import MainWindow

    window = MainWindow(AppPaths(data / "data", data / "settings.ini"), prompts=_Prompts())
    window.resize(1280, 800)
    window.show()
    QApplication.processEvents()
    window.start.fill_library()
    return window


def _bureau(window, out: Path) -> None:  # type: ignore[no-untyped-def]
    from game.engine.game import Game
    from game.engine.moves import Collude, ExplainShortfall
    from game.scenario.loader import load_scenario

    game = Game(load_scenario(TUTORIAL), seed=0, humans=["county_agri", "hexi"])
    window._open(game, "county_agri", TUTORIAL)  # noqa: SLF001 — a prepared game
    page = window.page
    page.show_tab("inbox")
    page.inbox.show_document(0)
    _save(window, out / "directives.png")
    page.show_tab("composer")
    page.composer.select_action("split_quota")
    _save(window, out / "plan.png")
    window.settings.stop_at_idle = True  # wait in the report phase while the township writes
    window.end_phase()
    game.submit("hexi", ExplainShortfall(task="reclaim", causes=["capacity_limit"],
                                         proposed_target=1150.0))
    game.submit("hexi", Collude(task="reclaim"))
    window.settings.stop_at_idle = False
    window.end_phase()  # on to the respond phase
    page.show_tab("composer")
    page.composer.select_action("answer")
    _save(window, out / "respond.png")
    window.end_phase()
    _save(window, out / "execute.png")
    while not game.over:
        window.end_phase()
    page.show_tab("debrief")
    _save(window, out / "debrief.png")


def _township(window, out: Path) -> None:  # type: ignore[no-untyped-def]
    from game.engine.game import Game
    from game.scenario.loader import load_scenario

    game = Game(load_scenario(TUTORIAL), seed=0, humans=["hexi"])
    window._open(game, "hexi", TUTORIAL)  # noqa: SLF001
    window.end_phase()
    page = window.page
    page.show_tab("composer")
    page.composer.select_action("explain_shortfall")
    form = page.composer.form
    causes = next(f for f in form.fields if getattr(f, "key", "") == "causes")
    causes.checks["capacity_limit"].setChecked(True)
    _save(window, out / "report.png")


def main(argv: list[str] | None = None) -> int:
    """Write every help picture in both languages under --out (default assets/help)."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=ROOT / "assets" / "help")
    args = parser.parse_args(argv)
    app = QApplication.instance() or QApplication([])
    from game.ui.common import i18n
    from game.ui.common.style import apply_style

    apply_style(app)
    with tempfile.TemporaryDirectory() as data:
        for lang in ("zh", "en"):
            i18n.set_language(lang)
            window = _window(Path(data) / lang)
            _bureau(window, args.out / lang)
            _township(window, args.out / lang)
            window.close()
    for path in sorted(args.out.rglob("*.png")):
        print(f"{path.relative_to(ROOT)}  {path.stat().st_size // 1024} kB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
