"""The comparison of tables as a PDF for the room: the scores side by side, Figure 1 per table,
where the tables parted and the paper's predictions — Chinese embedded as the single game's
debrief embeds it (a Noto CJK font cut to the document's characters: game.ui.debrief.debrief_pdf).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, QUrl
from PySide6.QtGui import QFont, QImage, QPageLayout, QPageSize, QPdfWriter, QTextDocument

from game.ui.common.charts import figure_one_chart, new_chart_view
from game.ui.common.i18n import language, tr
from game.ui.debrief.debrief_pdf import DocumentFont
from game.ui.debrief.tables_html import document_html, figure_bars, figure_reading, table_title
from game.workshop.compare import TableComparison

#: Pixels of a Figure 1 picture in the PDF (drawn at this size, shown 520 wide).
FIGURE_SIZE = QSize(900, 420)


def figure_images(comparison: TableComparison) -> dict[tuple[int, str], tuple[QImage, str]]:
    """{(table, task): (a picture of its Figure 1, the sentence that reads it)}."""
    images = {}
    for summary in comparison.tables:
        for task, figures in summary.figure1.items():
            bars, roles = figure_bars(comparison.directory, task, figures)
            name = comparison.directory.task_name(task, language())
            chart = figure_one_chart(f"{table_title(summary)} · {name}", bars, roles,
                                     comparison.directory.task_measure(task, language()))
            view = new_chart_view(chart, name)
            view.resize(FIGURE_SIZE)
            images[(summary.number, task)] = (view.grab().toImage(), figure_reading(figures))
            view.deleteLater()
    return images


def write_pdf(comparison: TableComparison, path: Path) -> Path:
    """Write the comparison (in the current language) as a PDF whose text extracts as written.

    Raises:
        game.ui.debrief.debrief_pdf.PdfFontError: no Noto Sans CJK font is installed.
        OSError: the file cannot be written.
    """
    images = figure_images(comparison)
    html = document_html(comparison, {key: reading for key, (_, reading) in images.items()})
    title = tr("tables.title", title=comparison.title.get(language(), comparison.scenario_id))
    reading = QTextDocument()
    reading.setHtml(html)
    with DocumentFont(reading.toPlainText() + title) as font:
        document = QTextDocument()
        document.setDefaultFont(QFont(font.family, 9))
        for (number, task), (image, _) in images.items():
            document.addResource(QTextDocument.ResourceType.ImageResource,
                                 QUrl(f"figure1://{number}/{task}"), image)
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
