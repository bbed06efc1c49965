"""Widgets follow the window's language: a listener that leaves with its widget."""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from game.ui.common import i18n


def follow_language(widget: QWidget, retranslate: Callable[[], None]) -> None:
    """Call `retranslate()` whenever the language changes, until `widget` is destroyed."""

    def listener(lang: str) -> None:
        del lang
        retranslate()

    i18n.on_language_changed(listener)
    widget.destroyed.connect(lambda *_: i18n.remove_listener(listener))


def text_of(value: object) -> str:
    """A scenario Text (zh/en) in the current language; plain strings pass through."""
    getter = getattr(value, "get", None)
    return str(getter(i18n.language())) if callable(getter) else str(value)


def number(value: float | None, digits: int = 1) -> str:
    """A figure as players read it: grouped thousands, few decimals, a dash for unknown."""
    if value is None:
        return "—"
    if abs(value) >= 100:
        return f"{value:,.0f}"
    return f"{value:,.{digits}f}"


def plain(text: str) -> str:
    """A label as an accessible name: no mnemonic, no trailing colon or ellipsis."""
    text = re.sub(r"\(&\w\)", "", text).replace("&&", "\0").replace("&", "").replace("\0", "&")
    return text.rstrip("：:…. ").strip()
