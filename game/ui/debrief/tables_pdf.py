"""The comparison of tables as a PDF for the room: the scores side by side, Figure 1 per table,
where the tables parted and the paper's predictions — Chinese embedded as the single game's
debrief embeds it (a Noto CJK font cut to the document's characters: game.ui.debrief.debrief_pdf).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, QUrl
from PySide6.QtGui import QFont, QImage, QPageLayout, QPageSize, QPdfWriter, QTextDocument

from game.ui.common.charts import new_chart_view
from game.ui.common.i18n import language, tr
from game.ui.debrief.debrief_pdf import DocumentFont
from game.ui.debrief.tables_figure import tables_figure_chart
from game.ui.debrief.tables_html import document_html, figure_reading
from game.workshop.compare import TableComparison

#: Pixels of a Figure 1 picture in the PDF (drawn at this size, shown 640 wide).
FIGURE_SIZE = QSize(1100, 500)


def figure_images(comparison: TableComparison) -> dict[str, tuple[QImage, dict[int, str]]]:
    """{task: (a picture of Figure 1 at every table, {table: the sentence that reads its
    Figure 1})}."""
    images = {}
    tasks = list(dict.fromkeys(t for s in comparison.tables for t in s.figure1))
    for task in tasks:
        view = new_chart_view(tables_figure_chart(comparison, task, 16.0), task)
        view.resize(FIGURE_SIZE)
        readings = {s.number: figure_reading(s.figure1[task]) for s in comparison.tables
                    if task in s.figure1}
        images[task] = (view.grab().toImage(), readings)
        view.deleteLater()
    return images


def write_pdf(comparison: TableComparison, path: Path) -> Path:
    """Write the comparison (in the current language) as a PDF whose text extracts as written.

    Raises:
        game.ui.debrief.debrief_pdf.PdfFontError: no Noto Sans CJK font is installed.
        OSError: the file cannot be written.
    """
    images = figure_images(comparison)
    html = document_html(comparison, {task: readings for task, (_, readings) in images.items()})
    title = tr("tables.title", title=comparison.title.get(language(), comparison.scenario_id))
    reading = QTextDocument()
    reading.setHtml(html)
    with DocumentFont(reading.toPlainText() + title) as font:
        document = QTextDocument()
        document.setDefaultFont(QFont(font.family, 9))
        for task, (image, _) in images.items():
            document.addResource(QTextDocument.ResourceType.ImageResource,
                                 QUrl(f"figure1://{task}"), image)
        document.setHtml(html)
        writer = QPdfWriter(str(path))
        writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        writer.setPageOrientation(QPageLayout.Orientation.Landscape)
        writer.setTitle(title)
        document.print_(writer)
    if not Path(path).is_file():
        raise OSError(f"{path}: the PDF could not be written")
    return Path(path)


__all__ = ["FIGURE_SIZE", "figure_images", "write_pdf"]
