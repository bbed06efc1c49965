"""Refuse a Qt binding known to crash the game.

PySide6 6.12.0 on Python 3.11 hands back None from every C++ `void` method and True from
every `Signal.emit()` without taking a reference to them; each call lowers their reference
count, and after some thousands of calls the interpreter aborts ("none_dealloc",
"bool_dealloc"). Python 3.12 made those objects immortal. pyproject.toml keeps PySide6 below
6.12; this check names the problem clearly when an environment has it anyway.
"""

from __future__ import annotations

import sys

import PySide6

BROKEN = ((6, 12),)


def qt_problem() -> str | None:
    """Why this PySide6 cannot run the game, or None when it can."""
    version = tuple(int(p) for p in PySide6.__version__.split(".")[:2])
    if sys.version_info < (3, 12) and version in BROKEN:
        return (f"PySide6 {PySide6.__version__} crashes on Python "
                f"{sys.version_info.major}.{sys.version_info.minor} (a reference-count bug); "
                f"install PySide6 below 6.12 (bash tools/setup.sh does).")
    return None
