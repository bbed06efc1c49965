"""Numbers typed in the editor: read in the window's language, never guessed.

Qt reads a spin box's text with the system's locale and drops group separators, so `2,75`
became 275 where `,` groups thousands, and `2.25` became 225 under a German locale. Here every
spin box takes the locale of the UI language chosen in the game (not the system's), shows no
group separators, and refuses a text that holds one, or another decimal mark than the
locale's: the old value stays and `refused` says why.
"""

from __future__ import annotations

from PySide6.QtCore import QLocale, Signal
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import QDoubleSpinBox, QSpinBox, QToolTip, QWidget

from game.ui.common.i18n import language, register, tr

register({
    "editor.number.ambiguous": (
        "“{text}”有歧义，未采用：小数点请用“{decimal}”，不要用千位分隔符。",
        "'{text}' is ambiguous and was not taken: use '{decimal}' for the decimal point and "
        "no thousands separators."),
    "editor.number.whole": (
        "“{text}”未采用：这里只能填整数，不要用分隔符。",
        "'{text}' was not taken: this field takes a whole number, without separators."),
})

#: Marks that separate digits somewhere in the world: a decimal point or a group separator.
MARKS = frozenset(".,'’٫٬ \u00a0\u202f")
LOCALES = {"zh": (QLocale.Language.Chinese, QLocale.Country.China),
           "en": (QLocale.Language.English, QLocale.Country.UnitedStates)}


def ui_locale(lang: str | None = None) -> QLocale:
    """The locale of the UI language (the system's plays no part), without group separators."""
    locale = QLocale(*LOCALES[lang or language()])
    locale.setNumberOptions(QLocale.NumberOption.OmitGroupSeparator)
    return locale


def shown_number(value: object) -> str:
    """A number as the editor shows it: the UI locale's decimal point, no group separators,
    never an exponent (a capacity of 1000000 is not '1e+06')."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return str(value)
    if isinstance(value, int):
        return str(value)
    return ui_locale().toString(value, "g", 12)


def refusal(text: str, locale: QLocale, integer: bool) -> str | None:
    """Why `text` is not read as a number under `locale` (None: it may be read).

    A whole number may hold no mark at all; a decimal one only the locale's decimal point,
    once. A group separator is always refused: `2,75` is 2.75 to some and 275 to others.
    """
    marks = [char for char in text.strip() if char in MARKS]
    decimal = locale.decimalPoint()
    if integer and marks:
        return tr("editor.number.whole", text=text.strip())
    if any(mark != decimal for mark in marks) or len(marks) > 1:
        return tr("editor.number.ambiguous", text=text.strip(), decimal=decimal)
    return None


class _Refusing:
    """The shared part of the two spin boxes (a mixin over QSpinBox / QDoubleSpinBox)."""

    integer = False
    last_refusal = ""

    def follow_language(self) -> None:
        """Read and write numbers in the UI language's locale."""
        self.setLocale(ui_locale())  # type: ignore[attr-defined]

    def validate(self, text: str, pos: int) -> object:
        if self._why(text) is not None:
            return QValidator.State.Intermediate, text, pos  # typed on; refused on Enter
        return super().validate(text, pos)  # type: ignore[misc]

    def fixup(self, text: str) -> str:
        why = self._why(text)
        if why is not None:
            self.last_refusal = why
            self.refused.emit(why)  # type: ignore[attr-defined]
            QToolTip.showText(self.mapToGlobal(self.rect().bottomLeft()), why, self)  # type: ignore[attr-defined]
        return text

    def _why(self, text: str) -> str | None:
        special = self.specialValueText()  # type: ignore[attr-defined]
        if special and text == special:
            return None
        return refusal(text, self.locale(), self.integer)  # type: ignore[attr-defined]


class LocaleSpinBox(_Refusing, QSpinBox):
    """A whole-number spin box in the UI language's locale.

    Signals:
        refused(str): a typed text was not taken; why, in the window's language.
    """

    refused = Signal(str)
    integer = True

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.follow_language()


class LocaleDoubleSpinBox(_Refusing, QDoubleSpinBox):
    """A decimal spin box in the UI language's locale.

    Signals:
        refused(str): a typed text was not taken; why, in the window's language.
    """

    refused = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.follow_language()


register({
    "number.too_big": ("“{text}”未采用：这一栏最多填 {most}。", "'{text}' was not taken: the most "
                       "this field takes is {most}."),
    "number.too_small": ("“{text}”未采用：这一栏最少填 {least}。", "'{text}' was not taken: the "
                         "least this field takes is {least}."),
})


class FigureSpinBox(QDoubleSpinBox):
    """A figure a move names (mu, cadre-days, 万元): typed as digits, with the locale's group
    separators, or as an exponent (`1e8`), and never silently changed into another number.

    Qt's own spin box drops the characters it does not expect, so `1e8` became 18. Here a
    text Python reads as a number is taken when it lies within the bounds; beyond them the old
    value stays and `refused` says why (in the window's language).

    Signals:
        refused(str): a typed text was not taken; why.
    """

    refused = Signal(str)

    def _number(self, text: str) -> float | None:
        cleaned = text.strip().replace(self.locale().groupSeparator(), "").replace(" ", "")
        cleaned = cleaned.replace(self.locale().decimalPoint(), ".")
        try:
            value = float(cleaned)
        except ValueError:
            return None
        return value if value == value and abs(value) != float("inf") else None

    def validate(self, text: str, pos: int) -> object:
        value = self._number(text)
        if value is None:
            if any(c in "eE" for c in text):
                return QValidator.State.Intermediate, text, pos  # an exponent being typed
            return super().validate(text, pos)
        if self.minimum() <= value <= self.maximum():
            return QValidator.State.Acceptable, text, pos
        return QValidator.State.Intermediate, text, pos

    def valueFromText(self, text: str) -> float:
        value = self._number(text)
        return super().valueFromText(text) if value is None else value

    def fixup(self, text: str) -> str:
        value = self._number(text)
        if value is not None and not self.minimum() <= value <= self.maximum():
            key, bound = (("number.too_big", self.maximum()) if value > self.maximum()
                          else ("number.too_small", self.minimum()))
            why = tr(key, text=text.strip(), most=f"{bound:,.{self.decimals()}f}",
                     least=f"{bound:,.{self.decimals()}f}")
            self.refused.emit(why)
            QToolTip.showText(self.mapToGlobal(self.rect().bottomLeft()), why, self)
        return text
