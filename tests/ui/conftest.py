"""Fixtures for the window's tests: screenshots, a session over the tutorial, clean settings."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from game.engine.game import Game
from game.scenario.loader import load_scenario
from game.ui.common import i18n
from game.ui.common.compat import qt_problem

if qt_problem() is not None:  # fail loudly rather than crash midway (see game/ui/common/compat.py)
    pytest.exit(qt_problem(), returncode=3)

ROOT = Path(__file__).resolve().parents[2]
SHOTS = ROOT / "test-screenshots"
TUTORIAL = ROOT / "scenarios" / "tutorial.yaml"
_written: list[Path] = []


@pytest.fixture
def screenshot() -> Callable[..., Path]:
    """`screenshot(widget, name)` saves the widget as test-screenshots/<lang>/<name>.png."""

    def take(widget, name: str) -> Path:  # type: ignore[no-untyped-def]
        folder = SHOTS / i18n.language()
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"{name}.png"
        QApplication.processEvents()  # pending layout requests first, so the picture is current
        assert widget.grab().save(str(path)), f"could not write {path}"
        _written.append(path)
        return path

    return take


def pytest_terminal_summary(terminalreporter) -> None:  # type: ignore[no-untyped-def]
    """Say where the screenshots went, when any were written."""
    if _written:
        terminalreporter.write_line(f"screenshots ({len(_written)}) written under {SHOTS}")


@pytest.fixture
def make_session(qapp) -> Callable[..., object]:  # type: ignore[no-untyped-def]
    """`make_session(seat, seed=0, scenario=TUTORIAL)` builds a GameSession for that seat."""
    from game.ui.play.session import GameSession

    def build(seat: str = "county_agri", seed: int = 0, scenario: Path = TUTORIAL, **styles):
        game = Game(load_scenario(scenario), seed=seed, humans=[seat], **styles)
        return GameSession(game, seat, scenario)

    return build


@pytest.fixture
def tutorial_session(make_session):  # type: ignore[no-untyped-def]
    """A session over scenarios/tutorial.yaml played as the county agriculture bureau."""
    return make_session("county_agri")


@pytest.fixture(autouse=True)
def _language_back_to_chinese() -> Iterator[None]:
    """Each test starts and ends in Chinese, whatever it switched to."""
    i18n.set_language("zh")
    yield
    i18n.set_language("zh")


@pytest.fixture
def app_paths(tmp_path):  # type: ignore[no-untyped-def]
    """Settings and user data in a temporary folder, never the real user's."""
    from game.ui.common.settings import AppPaths

    return AppPaths(data_dir=tmp_path / "data", settings_file=tmp_path / "settings.ini")


@pytest.fixture(autouse=True, scope="session")
def _styled_app(qapp):  # type: ignore[no-untyped-def]
    """The game's fonts (Chinese-capable) and style sheet, as the real window has them."""
    from game.ui.common.style import apply_style

    apply_style(qapp)


@pytest.fixture(autouse=True)
def _forget_dead_listeners() -> Iterator[None]:
    """Language listeners added by a test's widgets leave with the test."""
    before = list(i18n._listeners)  # noqa: SLF001 — test hygiene only
    yield
    for listener in list(i18n._listeners):  # noqa: SLF001
        if listener not in before:
            i18n.remove_listener(listener)


class FakePrompts:
    """Answers dialogs at once and remembers what was shown (no modal loops in tests)."""

    def __init__(self) -> None:
        self.shown: list[tuple[str, str]] = []
        self.answer = True
        self.open_path: Path | None = None
        self.save_path: Path | None = None

    def show(self, box) -> bool:  # type: ignore[no-untyped-def]
        detail = box.detailedText() if hasattr(box, "detailedText") else ""
        # what the player can read: the text, and the details one click away
        self.shown.append((box.windowTitle(), box.text() + (f"\n\n{detail}" if detail else "")))
        box.deleteLater()
        return self.answer

    def open_file(self, folder: Path) -> Path | None:
        del folder
        return self.open_path

    def save_file(self, suggestion: Path) -> Path | None:
        return self.save_path or suggestion


@pytest.fixture
def prompts() -> FakePrompts:
    """The dialogs' stand-in."""
    return FakePrompts()


@pytest.fixture
def window(qtbot, app_paths, prompts):  # type: ignore[no-untyped-def]
    """The main window on the start screen, with temporary settings and saves."""
    from game.ui.main_window import MainWindow

    win = MainWindow(app_paths, prompts=prompts)
    qtbot.addWidget(win)
    win.resize(1280, 720)
    win.show()
    qtbot.waitExposed(win)
    # The library is read just after the first paint, as a player sees it appear.
    qtbot.waitUntil(lambda: win.start.library.rowCount() > 0)
    return win
