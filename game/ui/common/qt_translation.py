"""Qt's own texts (standard buttons, file dialogs, text-field menus) in the game's language."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QTranslator

_state: dict[str, QTranslator | None] = {"installed": None, "missing": None}


class _Missing(QTranslator):
    """Qt's own texts that Qt's Chinese catalogue lacks (its file dialog's form asks for
    "&Look in:" and "Files of &type:" with mnemonics, the catalogue has them only without)."""

    TEXTS = {
        ("QFileDialog", "&Look in:"): "查找范围(&L)：",
        ("QFileDialog", "Files of &type:"): "文件类型(&T)：",
    }

    def translate(self, context: str, source: str, disambiguation: str | None = None,
                  n: int = -1) -> str | None:
        del disambiguation, n
        return self.TEXTS.get((context, source))  # None: not ours, Qt asks the next one

    def isEmpty(self) -> bool:
        return False


def follow(lang: str) -> bool:
    """Install Qt's Chinese translations for 'zh', remove them for 'en'; True when the
    translations for `lang` are in place."""
    app = QCoreApplication.instance()
    if app is None:
        return False
    for key in ("installed", "missing"):
        old = _state[key]
        if old is not None:
            app.removeTranslator(old)
            _state[key] = None
    if lang != "zh":
        return True
    translator = QTranslator(app)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if not translator.load("qtbase_zh_CN", folder) and not translator.load("qt_zh_CN", folder):
        return False
    app.installTranslator(translator)
    _state["installed"] = translator
    missing = _Missing(app)
    app.installTranslator(missing)
    _state["missing"] = missing
    return True
