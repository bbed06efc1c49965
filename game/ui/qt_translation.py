"""Qt's own texts (standard buttons, file dialogs, text-field menus) in the game's language."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QTranslator

_state: dict[str, QTranslator | None] = {"installed": None}


def follow(lang: str) -> bool:
    """Install Qt's Chinese translations for 'zh', remove them for 'en'; True when the
    translations for `lang` are in place."""
    app = QCoreApplication.instance()
    if app is None:
        return False
    old = _state["installed"]
    if old is not None:
        app.removeTranslator(old)
        _state["installed"] = None
    if lang != "zh":
        return True
    translator = QTranslator(app)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if not translator.load("qtbase_zh_CN", folder) and not translator.load("qt_zh_CN", folder):
        return False
    app.installTranslator(translator)
    _state["installed"] = translator
    return True
