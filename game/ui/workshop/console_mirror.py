"""The one-way mirror: a seat's screen as its participant sees it, read-only.

The host sends the console the watched seat's own `SeatView` (as the seat itself is sent it,
and nothing to the participant). `MirrorFeed` stands where a seat's connection stands, so the
very page a remote participant plays on draws it (`MirrorPage`, the remote page with every way
to act taken away: no send, no end of phase, forms disabled).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from game.ui.common.i18n import language, register, tr
from game.ui.common.lang import follow_language, plain
from game.ui.workshop.remote_page import RemotePage
from game.workshop.client import Reply
from game.workshop.seat_view import SeatView

register({
    "mirror.state": ("● 旁观（只读）", "● Watching (read-only)"),
    "mirror.title": ("旁观：第 {table} 桌 · {seat}（只读；参与者那边没有任何变化）",
                     "Watching table {table} · {seat} (read-only; nothing changes for the "
                     "participant)"),
    "mirror.none": ("在“桌况”中选一个席位格子，再按“旁观此席位”。",
                    "Select a seat's cell under Tables, then press Watch this seat."),
    "mirror.stop": ("停止旁观(&O)", "St&op watching"),
    "mirror.read_only": ("旁观时不能替参与者操作。", "Watching cannot act for the participant."),
})


class MirrorFeed(QObject):
    """A seat connection's stand-in that only ever receives: views in, no act out.

    Signals:
        view_changed(SeatView), state_changed(str), replied(object, object), failed(str):
            as `WorkshopConnection`'s (only the first is ever emitted).
    """

    view_changed = Signal(object)
    state_changed = Signal(str)
    replied = Signal(object, object)
    failed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.state = "mirror"
        self.view: SeatView | None = None

    def show(self, view: SeatView) -> None:
        """A new view of the watched seat."""
        self.view = view
        self.view_changed.emit(view)

    def submit(self, move: dict[str, Any], tag: object = None) -> None:
        """Refused: a mirror does not act."""
        self.replied.emit(Reply(False, code="read_only", zh=tr("mirror.read_only"),
                                en=tr("mirror.read_only")), tag)

    def end_phase(self, tag: object = None) -> None:
        """Refused: a mirror does not act."""
        self.submit({}, tag)


class MirrorPage(RemotePage):
    """The remote seat's page drawing a mirrored view, with no way to act."""

    def __init__(self, feed: MirrorFeed, folders: list[Path],
                 parent: QWidget | None = None) -> None:
        super().__init__(feed, folders, parent)  # type: ignore[arg-type]
        self.end_button.hide()
        self.send_button.hide()

    def _can_end(self) -> bool:
        return False

    def _title(self, doc: Any) -> str:
        # Until every document reads its names from the seat's view (issue 11 item 1), a
        # title that needs the engine's game falls back to the document's own words.
        try:
            return super()._title(doc)
        except (AttributeError, KeyError, TypeError):
            data = doc.data if isinstance(doc.data, dict) else {}
            words = data.get("zh" if language() == "zh" else "en") or data.get("event")
            return str(words or doc.kind)

    def _read(self, row: int) -> None:
        try:
            super()._read(row)
        except (AttributeError, KeyError, TypeError):
            view = self.view
            if view is not None and 0 <= row < len(view.documents):
                self.reader.setPlainText(self._title(list(reversed(view.documents))[row]))

    def send(self) -> None:
        """A mirror sends nothing."""

    def _choose(self, row: int) -> None:
        super()._choose(row)
        if self.form is not None:
            self.form.setEnabled(False)
        self.send_button.setEnabled(False)

    def _on_state(self, state: str) -> None:
        self.link.setText(tr("mirror.state"))
        self.link.setStyleSheet("color: #7a4fa0")
        self.link.setAccessibleName(plain(self.link.text()))
        self.end_button.setEnabled(False)


class MirrorPanel(QWidget):
    """The console's mirror tab: which seat is watched, the stop button, the page.

    Signals:
        stop_requested(): the facilitator stops watching.
    """

    stop_requested = Signal()

    def __init__(self, folders: list[Path], seat_name: Any,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.seat_name = seat_name
        self.watched: tuple[int, str] | None = None
        self.feed = MirrorFeed(self)
        self.page = MirrorPage(self.feed, folders)
        self.title = QLabel(objectName="Muted", wordWrap=True)
        self.stop = QPushButton(clicked=lambda: self.stop_requested.emit())
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.stop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.page, 1)
        follow_language(self, self.retranslate)
        self.set_watched(None)

    def set_watched(self, watched: tuple[int, str] | None) -> None:
        """The seat watched now (None: none)."""
        self.watched = watched
        self.page.setVisible(watched is not None)
        self.stop.setEnabled(watched is not None)
        self.retranslate()

    def show_view(self, table: int, seat: str, view: SeatView) -> None:
        """A mirrored view: drawn if it is the watched seat's."""
        if self.watched == (table, seat):
            self.feed.show(view)

    def retranslate(self) -> None:
        """Every text in the current language."""
        self.stop.setText(tr("mirror.stop"))
        if self.watched is None:
            self.title.setText(tr("mirror.none"))
        else:
            self.title.setText(tr("mirror.title", table=self.watched[0],
                                  seat=self.seat_name(self.watched[1])))
