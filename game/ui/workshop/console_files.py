"""The console's files: the code sheet printed, the ended session's records exported, and its
record opened for the debrief. A mixin of `ConsoleWindow`, as the editor's `FileOps` is of
its window: the window builds and shows, this writes and opens files."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog, QWidget

from game.ui.common.i18n import register, tr
from game.ui.common.lang import plain

if TYPE_CHECKING:
    from PySide6.QtWidgets import QStatusBar

    from game.ui.workshop.console_codes import CodesPanel
    from game.workshop.protocol import StatusMessage
    from game.workshop.runner import SessionPlan

register({
    "console.export": ("导出研讨记录(&E)…", "&Export the session's records…"),
    "console.exported": ("已导出 {n} 个文件到 {path}", "{n} files exported to {path}"),
    "console.export_failed": ("未能导出：{reason}", "Could not export: {reason}"),
    "console.open_record": ("复盘：打开本场记录，比较各桌(&R)…",
                            "Debrief: open the session's record, compare the tables (&R)…"),
    "console.sheet_filter": ("PDF 文件 (*.pdf)", "PDF files (*.pdf)"),
    "console.sheet_saved": ("加入码已写入：{path}", "Join codes written: {path}"),
    "console.sheet_failed": ("未能写入加入码：{reason}", "Could not write the codes: {reason}"),
})


class ConsoleFiles:
    """Writing and opening the session's files, for the console window."""

    if TYPE_CHECKING:  # what the window provides
        plan: SessionPlan | None
        status: StatusMessage | None
        codes: list[tuple[int, str, str]]
        address: str
        record_dir: Path
        folders: list[Path]
        codes_panel: CodesPanel
        record_window: QWidget | None

        def statusBar(self) -> QStatusBar: ...  # noqa: N802

    def write_code_sheet(self, path: Path) -> Path:
        """Write the code sheet PDF (one card per seat) to `path`.

        Raises:
            PdfFontError: no Noto Sans CJK font is installed.
            OSError: the file could not be written.
        """
        assert self.plan is not None
        return self.codes_panel.write_sheet(path, self.plan.scenario, self.address)

    def print_codes(self) -> None:
        """Ask where to write the code sheet, and write it."""
        if not self.codes or self.plan is None:
            return
        suggestion = self.record_dir / f"{self.plan.record.stem}-codes.pdf"
        name, _ = QFileDialog.getSaveFileName(self, plain(tr("console.print")), str(suggestion),
                                              tr("console.sheet_filter"))
        if not name:
            return
        try:
            path = self.write_code_sheet(Path(name))
        except (OSError, RuntimeError) as err:
            self.statusBar().showMessage(tr("console.sheet_failed", reason=str(err)))
            return
        self.statusBar().showMessage(tr("console.sheet_saved", path=str(path)), 10_000)

    def export_records(self, out: Path | None = None) -> list[Path]:
        """Export the ended session's record as tidy CSV with its codebook (asks where, unless
        `out` is given); the files written (none if cancelled or refused, said in the status
        bar)."""
        from game.workshop.sources import export_file

        if self.plan is None or self.status is None or not self.status.ended:
            return []
        if out is None:
            name = QFileDialog.getExistingDirectory(self, plain(tr("console.export")),
                                                    str(self.record_dir))
            if not name:
                return []
            out = Path(name) / f"{self.plan.record.stem}-export"
        try:
            files = export_file(self.plan.record, out, self.folders)
        except Exception as err:  # noqa: BLE001 — shown to the facilitator; the record stays
            self.statusBar().showMessage(tr("console.export_failed", reason=str(err)))
            return []
        self.statusBar().showMessage(tr("console.exported", n=len(files), path=str(out)),
                                     10_000)
        return files

    def open_record(self) -> QWidget | None:
        """After the end: the session's record opened for the debrief — its tables side by
        side, any table replayed read-only (`game.ui.workshop.session_open`)."""
        from game.ui.workshop.session_open import SessionOpenWindow

        if self.plan is None or self.status is None or not self.status.ended:
            return None
        opened = SessionOpenWindow.open(self.plan.record, self.folders, self)
        if isinstance(opened, str):
            self.statusBar().showMessage(opened)
            return None
        self.statusBar().clearMessage()  # an earlier failure is no longer the news
        opened.show()
        self.record_window = opened
        return opened
