"""A font for the debrief's PDF whose text extracts exactly as written.

Qt's PDF writer writes each embedded font's ToUnicode map by looking every glyph up in the
font's own cmap. Noto Sans CJK maps the Kangxi radicals (U+2F00-2FDF) and the CJK radicals
supplement (U+2E80-2EFF) to the very glyphs of 入, 门, 风, 子 … so text copied or searched in
the PDF came out as ⼊⻔ and ⻛格; and digits drawn after Latin text extracted as control
characters. A font made for the one document — Noto CJK cut down (fontTools' subsetter) to
exactly the characters the document uses — has one code point per glyph and every glyph the
page draws, so the writer's map is right: each glyph names the one character it stands for.
"""

from __future__ import annotations

import io
import itertools
import shutil
import subprocess
from functools import cache
from pathlib import Path

from PySide6.QtCore import QByteArray, QUrl
from PySide6.QtGui import QFont, QFontDatabase, QImage, QPageSize, QPdfWriter, QTextDocument

FONT_DIRS = (Path("/usr/share/fonts"), Path("/usr/local/share/fonts"),
             Path.home() / ".local/share/fonts", Path("/Library/Fonts"),
             Path("C:/Windows/Fonts"))
WANTED = "Noto Sans CJK SC"
_numbers = itertools.count(1)


class PdfFontError(RuntimeError):
    """No Noto Sans CJK font on this machine (tools/setup.sh installs fonts-noto-cjk)."""


def _fc_match(style: str) -> Path | None:
    if shutil.which("fc-match") is None:
        return None
    try:
        out = subprocess.run(["fc-match", "-f", "%{file}", f"{WANTED}:style={style}"],
                             capture_output=True, text=True, timeout=10, check=False).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    path = Path(out.strip()) if out.strip() else None
    return path if path is not None and "CJK" in path.name and path.is_file() else None


@cache
def font_file(bold: bool) -> tuple[Path, int]:
    """The Noto Sans CJK file (regular or bold) and the index of its SC face.

    Raises:
        PdfFontError: no such font is installed.
    """
    from fontTools.ttLib import TTCollection

    style = "Bold" if bold else "Regular"
    found = _fc_match(style)
    if found is None:
        for folder in FONT_DIRS:
            if folder.is_dir():
                found = next(iter(sorted(folder.rglob(f"NotoSansCJK*-{style}.tt[cf]"))), None)
            if found is not None:
                break
    if found is None:
        raise PdfFontError(f"{WANTED} ({style}) is not installed")
    if found.suffix.lower() != ".ttc":
        return found, 0
    names = [face["name"].getDebugName(1) for face in TTCollection(str(found), lazy=True).fonts]
    return found, names.index(WANTED) if WANTED in names else 0


def _subset(text: str, bold: bool, family: str) -> bytes:
    from fontTools import subset
    from fontTools.ttLib import TTFont

    path, number = font_file(bold)
    font = TTFont(str(path), fontNumber=number, lazy=True)
    options = subset.Options()
    options.name_IDs = ["*"]
    options.notdef_outline = True
    options.layout_features = []
    subsetter = subset.Subsetter(options)
    subsetter.populate(text=text)
    subsetter.subset(font)
    style = "Bold" if bold else "Regular"
    for record in list(font["name"].names):
        if record.nameID in (1, 4, 6, 16, 17):
            font["name"].removeNames(nameID=record.nameID)
    font["name"].setName(family, 1, 3, 1, 0x409)
    font["name"].setName(style, 2, 3, 1, 0x409)
    font["name"].setName(f"{family} {style}", 4, 3, 1, 0x409)
    font["name"].setName(f"{family}-{style}", 6, 3, 1, 0x409)
    buffer = io.BytesIO()
    font.save(buffer)
    return buffer.getvalue()


class DocumentFont:
    """A font family holding exactly `text`'s characters (regular and bold), registered with
    Qt for as long as the `with` block runs.

    Raises:
        PdfFontError: no Noto Sans CJK font is installed.
    """

    def __init__(self, text: str) -> None:
        self.family = f"DebriefPDF{next(_numbers)}"
        characters = "".join(sorted(set(text) | set("0123456789 .,:;%+-−—/()（）：；，。")))
        self._ids: list[int] = []
        self._data = [_subset(characters, bold, self.family) for bold in (False, True)]

    def __enter__(self) -> DocumentFont:
        for data in self._data:
            number = QFontDatabase.addApplicationFontFromData(QByteArray(data))
            if number < 0:
                raise PdfFontError("Qt could not load the document's font")
            self._ids.append(number)
        return self

    def __exit__(self, *exc: object) -> None:
        for number in self._ids:
            QFontDatabase.removeApplicationFont(number)
        self._ids.clear()


def write_pdf(path: Path, html: str, title: str, images: dict[str, QImage]) -> Path:
    """Print the debrief's HTML (Figure 1 images as figure1://TASK resources) to an A4 PDF
    set in a font cut to exactly its characters.

    Raises:
        PdfFontError: no Noto Sans CJK font is installed.
    """
    reading = QTextDocument()
    reading.setHtml(html)
    with DocumentFont(reading.toPlainText() + title) as font:
        document = QTextDocument()
        document.setDefaultFont(QFont(font.family, 9))
        for task, image in images.items():
            document.addResource(QTextDocument.ResourceType.ImageResource,
                                 QUrl(f"figure1://{task}"), image)
        document.setHtml(html)
        writer = QPdfWriter(str(path))
        writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        writer.setTitle(title)
        document.print_(writer)
    return path
