"""The inbox: this seat's documents, by folder and turn, with unread marks and a reader."""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from game.engine.views import CATEGORIES
from game.ui.common.i18n import register, tr
from game.ui.common.lang import follow_language, plain
from game.ui.play import documents as paper
from game.ui.play.inbox_model import InboxFilter, InboxModel
from game.ui.play.session import SeatSession

register({
    "inbox.folder": ("类别(&F)：", "&Folder:"),
    "inbox.turn": ("回合(&N)：", "Tur&n:"),
    "inbox.all_turns": ("全部回合", "All turns"),
    "inbox.turn_n": ("第 {turn} 回合", "Turn {turn}"),
    "inbox.unread_only": ("只看未读(&U)", "&Unread only"),
    "inbox.mark_all": ("全部标为已读(&K)", "Mar&k all read"),
    "inbox.unread_count": ("未读 {count} 件，共 {total} 件", "{count} unread of {total}"),
    "inbox.table": ("文件列表", "Documents"),
    "inbox.reader": ("文件内容", "Document"),
    "inbox.pick": ("从左侧选择一份文件阅读。", "Choose a document on the left to read it."),
})


class InboxView(QWidget):
    """Documents that reached the seat, in the register such papers use."""

    def __init__(self, session: SeatSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.model = InboxModel(session, self)
        self.proxy = InboxFilter(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.sort(0)
        self._shown: int | None = None
        self._build()
        self._connect()
        follow_language(self, self.retranslate)
        self.retranslate()

    def _build(self) -> None:
        self.folder_label, self.turn_label = QLabel(), QLabel()
        self.folder_combo, self.turn_combo = QComboBox(), QComboBox()
        for combo in (self.folder_combo, self.turn_combo):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.folder_label.setBuddy(self.folder_combo)
        self.turn_label.setBuddy(self.turn_combo)
        self.unread_check = QCheckBox()
        self.mark_button = QPushButton()
        self.count_label = QLabel(objectName="Muted")
        bar = QHBoxLayout()
        for widget in (self.folder_label, self.folder_combo, self.turn_label, self.turn_combo,
                       self.unread_check, self.mark_button):
            bar.addWidget(widget)
        bar.addStretch(1)
        bar.addWidget(self.count_label)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        # Fixed widths, not ResizeToContents: that would read every row on every change.
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        for column, width in ((0, 46), (1, 52), (2, 116), (4, 130), (5, 130)):
            header.resizeSection(column, width)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.reader = QTextBrowser(objectName="Paper")
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.table)
        splitter.addWidget(self.reader)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(splitter, 1)

    def _connect(self) -> None:
        bridge = self.session.bridge
        bridge.state_changed.connect(self._on_state_changed)
        bridge.game_replaced.connect(self._on_game_replaced)
        self.folder_combo.activated.connect(self._on_filter_changed)
        self.turn_combo.activated.connect(self._on_filter_changed)
        self.unread_check.toggled.connect(self._on_filter_changed)
        self.mark_button.clicked.connect(self._on_mark_all_clicked)
        self.table.selectionModel().selectionChanged.connect(self._on_selection_changed)
        self.model.dataChanged.connect(self._on_counts_changed)
        self.model.rowsInserted.connect(self._on_counts_changed)
        self.model.modelReset.connect(self._on_counts_changed)
        for first, second in ((self.folder_combo, self.turn_combo),
                              (self.turn_combo, self.unread_check),
                              (self.unread_check, self.mark_button),
                              (self.mark_button, self.table), (self.table, self.reader)):
            self.setTabOrder(first, second)

    # ----- handlers ---------------------------------------------------------------------------

    def _on_state_changed(self) -> None:
        self.model.append_new()
        self._fill_turns()

    def _on_game_replaced(self) -> None:
        self.model.reload()
        self._fill_turns()
        self._shown = None
        self._rerender()

    def _on_filter_changed(self, *_: object) -> None:
        self.proxy.set_filter(str(self.folder_combo.currentData() or ""),
                              int(self.turn_combo.currentData() or 0),
                              self.unread_check.isChecked())

    def _on_mark_all_clicked(self) -> None:
        self.model.mark_all_read()

    def _on_selection_changed(self, selected: QItemSelection, _: QItemSelection) -> None:
        rows = selected.indexes()
        if not rows:
            return
        source = self.proxy.mapToSource(rows[0])
        self._render(source.row())

    def _on_counts_changed(self, *_: object) -> None:
        self.count_label.setText(tr("inbox.unread_count", count=self.model.unread_count(),
                                    total=self.model.rowCount()))

    # ----- actions ----------------------------------------------------------------------------

    def show_document(self, row: int) -> None:
        """Open the document on the model's `row` in the reader and mark it read."""
        shown = self.proxy.mapFromSource(self.model.index(row, 0))
        if shown.isValid() and self.table.currentIndex().row() != shown.row():
            self.table.selectRow(shown.row())  # the selection handler renders it
        else:
            self._render(row)

    def _render(self, row: int) -> None:
        doc = self.model.document(row)
        self._shown = doc.seq
        self.proxy.keep(doc.seq)  # opened: it stays in view, and only it is marked read
        self.reader.setHtml(paper.html(doc, self.session.view, self.session.directory))
        self.model.mark_read(row)

    def _fill_turns(self) -> None:
        chosen = self.turn_combo.currentData()
        self.turn_combo.clear()
        self.turn_combo.addItem(tr("inbox.all_turns"), 0)
        for turn in self.model.turns():
            self.turn_combo.addItem(tr("inbox.turn_n", turn=turn), turn)
        self.turn_combo.setCurrentIndex(max(0, self.turn_combo.findData(chosen)))

    def _fill_folders(self) -> None:
        chosen = self.folder_combo.currentData()
        self.folder_combo.clear()
        self.folder_combo.addItem(tr("category.all"), "")
        for category in CATEGORIES:
            self.folder_combo.addItem(tr(f"category.{category}"), category)
        self.folder_combo.setCurrentIndex(max(0, self.folder_combo.findData(chosen)))

    def retranslate(self) -> None:
        """Every text in the current language."""
        self.folder_label.setText(tr("inbox.folder"))
        self.turn_label.setText(tr("inbox.turn"))
        self.unread_check.setText(tr("inbox.unread_only"))
        self.mark_button.setText(tr("inbox.mark_all"))
        self._fill_folders()
        self._fill_turns()
        self.model.retranslate()
        self._on_counts_changed()
        for widget, key in ((self.folder_combo, "inbox.folder"), (self.turn_combo, "inbox.turn"),
                            (self.unread_check, "inbox.unread_only"),
                            (self.mark_button, "inbox.mark_all"), (self.table, "inbox.table"),
                            (self.reader, "inbox.reader")):
            widget.setAccessibleName(plain(tr(key)))
        self._rerender()

    def _rerender(self) -> None:
        row = self.model.row_of(self._shown) if self._shown is not None else None
        if row is None:
            self.reader.setHtml(f"<p>{tr('inbox.pick')}</p>")
        else:
            self._render(row)
