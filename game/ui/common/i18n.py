"""The window's string table: stable ids, each with Chinese and English text.

Every view registers its strings here (`register`) at import time and looks them up with
`tr`. The language switches while running; views listen through `on_language_changed`.
A test checks that every id has both languages and that every id used exists.
"""

from __future__ import annotations

from collections.abc import Callable

LANGUAGES = ("zh", "en")
_table: dict[str, tuple[str, str]] = {}
_listeners: list[Callable[[str], None]] = []
_state = {"lang": "zh"}


def register(strings: dict[str, tuple[str, str]]) -> None:
    """Add strings (id -> (zh, en)); an id registered twice with other text is an error."""
    for key, pair in strings.items():
        if key in _table and _table[key] != pair:
            raise ValueError(f"string id {key!r} registered twice with different text")
        if len(pair) != 2 or not all(isinstance(t, str) and t for t in pair):
            raise ValueError(f"string id {key!r} needs non-empty zh and en text")
        _table[key] = pair


def tr(key: str, **values: object) -> str:
    """The text of `key` in the current language, formatted with `values`."""
    zh, en = _table[key]
    text = en if _state["lang"] == "en" else zh
    return text.format(**values) if values else text


def language() -> str:
    """The current language, 'zh' or 'en'."""
    return _state["lang"]


def set_language(lang: str) -> None:
    """Switch language and tell every listener."""
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}")
    _state["lang"] = lang
    for listener in list(_listeners):
        listener(lang)


def on_language_changed(listener: Callable[[str], None]) -> None:
    """Call `listener(lang)` whenever the language changes."""
    _listeners.append(listener)


def remove_listener(listener: Callable[[str], None]) -> None:
    """Stop telling `listener`."""
    if listener in _listeners:
        _listeners.remove(listener)


def all_strings() -> dict[str, tuple[str, str]]:
    """A copy of the whole table (for the completeness test)."""
    return dict(_table)
