"""The start screen: the scenario library, seat and styles, continue, load, language, about."""

from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, Qt, QTimer, Signal
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QSpinBox,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from game.ui.common.i18n import language, register, tr
from game.ui.common.lang import follow_language, plain, text_of
from game.ui.common.vocab import unit_name_in
from game.ui.play.hotseat import PeopleButton
from game.ui.start.library import OPENED, ScenarioEntry, ScenarioLibraryModel, where
from game.ui.start.library_files import LibraryFiles

register({
    "start.title": ("沟通式动员", "Communicative Mobilization"),
    "start.subtitle": (
        "县域上下级政府间的政策协商 —— 一场关于层层加码与讨价还价的角色扮演",
        "Policy negotiation between county-level governments: a role-play of layered "
        "quotas and bargaining",
    ),
    "start.library": ("情景库(&S)", "&Scenarios"),
    "start.new_game": ("新游戏", "New game"),
    "start.seat": ("扮演单位(&U)：", "Your &unit:"),
    "start.superior": ("上级风格(&P)：", "Su&periors:"),
    "start.subordinate": ("下级风格(&B)：", "Su&bordinates:"),
    "start.seed": ("随机种子(&D)：", "See&d:"),
    "start.begin": ("开始新游戏(&N)", "Start a &new game"),
    "start.continue": ("继续上次游戏(&C)", "&Continue the last game"),
    "start.load": ("载入存档(&M)…", "Load a saved ga&me…"),
    "start.language": ("语言(&I)：", "Language (&i):"),
    "start.about": ("关于(&A)", "&About"),
    "start.back": ("返回当前游戏(&K)", "Bac&k to the current game"),
    "start.meta": ("共 {turns} 回合，每回合 {days} 天 · {units} 个单位 · {tasks}",
                   "{turns} turns of {days} days · {units} units · {tasks}"),
    "start.tasks_one": ("{n} 项任务", "{n} task"),
    "start.tasks_many": ("{n} 项任务", "{n} tasks"),
    "start.briefing": ("情景简介", "Briefing"),
    "start.notes": ("教学提示", "Instructor's note"),
    "start.seat_kind": ("{name}（{kind}）", "{name} ({kind})"),
    "start.seed_help": ("同一情景、同一种子、同样的操作，结果完全相同。",
                        "The same scenario, seed and moves always give the same game."),
    "start.no_scenarios": ("scenarios 文件夹里没有可用的情景。",
                           "No usable scenario in the scenarios folder."),
    "start.open_file": ("打开情景文件(&O)…", "&Open a scenario file…"),
    "start.file_filter": ("情景文件 (*.yaml *.yml)", "Scenario files (*.yaml *.yml)"),
    "start.copy_in": ("复制到我的情景文件夹(&M)", "Copy into &my scenarios"),
    "start.copy_failed": ("无法复制：{error}", "Could not copy: {error}"),
    "start.broken_title": ("无法读取 {name}", "{name} cannot be read"),
    "start.broken_text": (
        "这个情景文件有误，不能开始游戏。可以在情景编辑器中打开它（Ctrl+E）修改：",
        "This scenario file has a fault and cannot be played. Open it in the scenario editor "
        "(Ctrl+E) to fix it:"),
})

STYLE_CHOICES = {
    "superior": ("default", "communicative", "mixed", "pressure"),
    "subordinate": ("default", "honest", "mixed", "gaming"),
}


class StartView(LibraryFiles, QWidget):
    """The first screen. It asks the window for things through its signals."""

    new_game_requested = Signal(Path, str, str, str, int)
    continue_requested = Signal()
    load_requested = Signal()
    language_requested = Signal(str)
    about_requested = Signal()
    back_requested = Signal()
    library_loaded = Signal()

    def __init__(self, parent: QWidget | None = None, user_dir: Path | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("StartView")
        self.problems: list[str] = []
        self.user_dir = user_dir
        self.opened: list[Path] = []  # files opened by hand, listed until the window closes
        self.library = ScenarioLibraryModel([], self)
        self._filled = False
        self._watcher = QFileSystemWatcher(self)
        self._rescan = QTimer(self, singleShot=True, interval=200)
        self._build()
        self._connect()
        follow_language(self, self.retranslate)
        self.retranslate()
        # The scenarios are read once the screen is painted: reading and checking eight files
        # (and importing the scenario language) would double the window's start-up.
        self._fill_scheduled = False

    def fill_library(self) -> None:
        """Read the scenario library and select its first entry."""
        if self._filled:
            return
        self._filled = True
        self._watch_user_dir()
        self.refresh_library()
        self.library_loaded.emit()

    # ----- building ---------------------------------------------------------------------------

    def _build(self) -> None:
        self.heading = QLabel(objectName="StartTitle")
        self.subtitle = QLabel(objectName="StartSubtitle", wordWrap=True)
        self.language_label = QLabel()
        self.language_combo = QComboBox()
        self.language_combo.addItem("简体中文", "zh")
        self.language_combo.addItem("English", "en")
        self.language_label.setBuddy(self.language_combo)
        self.about_button = QPushButton()
        top = QHBoxLayout()
        titles = QVBoxLayout()
        titles.addWidget(self.heading)
        titles.addWidget(self.subtitle)
        top.addLayout(titles, 1)
        top.addWidget(self.language_label)
        top.addWidget(self.language_combo)
        top.addWidget(self.about_button)
        body = QHBoxLayout()
        body.addWidget(self._build_library(), 2)
        body.addWidget(self._build_details(), 5)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 18, 24, 18)
        layout.addLayout(top)
        layout.addLayout(body, 1)

    def _build_library(self) -> QWidget:
        self.library_box = QGroupBox()
        self.scenario_list = QListView()
        self.scenario_list.setModel(self.library)
        self.scenario_list.setEditTriggers(QListView.EditTrigger.NoEditTriggers)
        self.scenario_list.setWordWrap(True)
        self.scenario_list.setResizeMode(QListView.ResizeMode.Adjust)
        self.scenario_list.setSpacing(2)
        self.scenario_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.library_label = QLabel(objectName="SectionLabel")
        self.library_label.setBuddy(self.scenario_list)
        self.open_file_button = QPushButton()
        box = QVBoxLayout(self.library_box)
        box.addWidget(self.library_label)
        box.addWidget(self.scenario_list)
        box.addWidget(self.open_file_button)
        return self.library_box

    def _build_details(self) -> QWidget:
        panel = QWidget()
        self.scenario_title = QLabel(objectName="ScenarioTitle", wordWrap=True)
        self.other_title = QLabel(objectName="Muted", wordWrap=True)
        self.scenario_meta = QLabel(objectName="Muted", wordWrap=True)
        self.scenario_where = QLabel(objectName="Muted", wordWrap=True)
        self.scenario_where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.briefing = QTextBrowser()
        self.briefing.setOpenExternalLinks(False)
        self.new_box = QGroupBox()
        form = QFormLayout(self.new_box)
        self.seat_combo, self.superior_combo, self.subordinate_combo = (
            QComboBox(), QComboBox(), QComboBox())
        self.seed_spin = QSpinBox(minimum=0, maximum=999_999)
        self.seat_label, self.superior_label, self.subordinate_label, self.seed_label = (
            QLabel(), QLabel(), QLabel(), QLabel())
        for label, field in ((self.seat_label, self.seat_combo),
                             (self.superior_label, self.superior_combo),
                             (self.subordinate_label, self.subordinate_combo),
                             (self.seed_label, self.seed_spin)):
            label.setBuddy(field)
            form.addRow(label, field)
            if field is self.seat_combo:  # hot-seat: other seats people play here
                self.people_button, self.people_label = PeopleButton(), QLabel()
                self.people_label.setBuddy(self.people_button)
                form.addRow(self.people_label, self.people_button)
        self.begin_button = QPushButton(objectName="Primary")
        self.begin_button.setDefault(True)
        self.continue_button, self.load_button = QPushButton(), QPushButton()
        self.back_button = QPushButton()
        self.back_button.hide()
        buttons = QHBoxLayout()
        buttons.addWidget(self.begin_button)
        buttons.addWidget(self.back_button)
        buttons.addStretch(1)
        buttons.addWidget(self.continue_button)
        buttons.addWidget(self.load_button)
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.scenario_title)
        layout.addWidget(self.other_title)
        layout.addWidget(self.scenario_meta)
        self.copy_in_button = QPushButton()
        self.copy_in_button.hide()
        where_row = QHBoxLayout()
        where_row.addWidget(self.scenario_where, 1)
        where_row.addWidget(self.copy_in_button)
        layout.addLayout(where_row)
        layout.addWidget(self.briefing, 1)
        layout.addWidget(self.new_box)
        layout.addLayout(buttons)
        return panel

    def _connect(self) -> None:
        self.scenario_list.selectionModel().currentChanged.connect(self._on_scenario_chosen)
        self.begin_button.clicked.connect(self._on_begin_clicked)
        self.continue_button.clicked.connect(self.continue_requested)
        self.load_button.clicked.connect(self.load_requested)
        self.about_button.clicked.connect(self.about_requested)
        self.open_file_button.clicked.connect(self.choose_scenario_file)
        self.copy_in_button.clicked.connect(self.copy_into_library)
        self._watcher.directoryChanged.connect(lambda *_: self._rescan.start())
        self._rescan.timeout.connect(self.refresh_library)
        self.back_button.clicked.connect(self.back_requested)
        self.language_combo.activated.connect(self._on_language_chosen)
        self.setTabOrder(self.scenario_list, self.open_file_button)
        self.setTabOrder(self.open_file_button, self.seat_combo)
        for first, second in ((self.seat_combo, self.superior_combo),
                              (self.superior_combo, self.subordinate_combo),
                              (self.subordinate_combo, self.seed_spin),
                              (self.seed_spin, self.begin_button),
                              (self.begin_button, self.back_button),
                              (self.back_button, self.continue_button),
                              (self.continue_button, self.load_button),
                              (self.load_button, self.language_combo),
                              (self.language_combo, self.about_button)):
            self.setTabOrder(first, second)
        self.setTabOrder(self.seat_combo, self.people_button)
        self.setTabOrder(self.people_button, self.superior_combo)
        self.seat_combo.currentIndexChanged.connect(self._fill_people)

    # ----- state ------------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt's name)
        super().paintEvent(event)
        if not self._fill_scheduled:
            self._fill_scheduled = True
            QTimer.singleShot(0, self.fill_library)

    def current_entry(self) -> ScenarioEntry | None:
        """The scenario selected in the library (read now if it has not been yet)."""
        self.fill_library()
        return self._selected()

    def _selected(self) -> ScenarioEntry | None:
        return self.library.entry(self.scenario_list.currentIndex().row())

    def set_can_continue(self, possible: bool) -> None:
        """Whether an autosave is there to continue from."""
        self.continue_button.setEnabled(possible)

    def set_can_go_back(self, possible: bool) -> None:
        """Whether a game is open to go back to."""
        self.back_button.setVisible(possible)

    def select_seat(self, seat: str) -> None:
        """Choose the seat to play (used by tests and by 'play again')."""
        index = self.seat_combo.findData(seat)
        if index >= 0:
            self.seat_combo.setCurrentIndex(index)

    def _fill_seats(self, entry: ScenarioEntry) -> None:
        chosen = self.seat_combo.currentData()
        self.seat_combo.clear()
        scenario = entry.scenario
        for seat in scenario.seats:
            kind = tr(f"kind.{scenario.unit(seat).kind}")
            self.seat_combo.addItem(tr("start.seat_kind", name=unit_name_in(scenario, seat),
                                       kind=kind), seat)
        self.select_seat(chosen or "")
        self._fill_people()

    def _fill_people(self, *_: object) -> None:
        seats = {self.seat_combo.itemData(i): self.seat_combo.itemText(i)
                 for i in range(self.seat_combo.count())}
        self.people_button.fill(seats, str(self.seat_combo.currentData()))

    def _fill_styles(self) -> None:
        for combo, side in ((self.superior_combo, "superior"),
                            (self.subordinate_combo, "subordinate")):
            chosen = combo.currentIndex()
            combo.clear()
            for style in STYLE_CHOICES[side]:
                combo.addItem(tr(f"style.{style}"), "" if style == "default" else style)
            combo.setCurrentIndex(max(0, chosen))

    def _show_entry(self, entry: ScenarioEntry | None) -> None:
        if entry is None or entry.scenario is None:
            self._show_broken(entry)
            return
        scenario = entry.scenario
        self.scenario_where.setText(where(entry))
        self.scenario_where.setVisible(not entry.shipped)
        self.copy_in_button.setVisible(entry.origin == OPENED and self.user_dir is not None)
        self.other_title.show()
        self.scenario_meta.show()
        self.scenario_title.setText(text_of(scenario.title))
        other = "en" if language() == "zh" else "zh"
        self.other_title.setText(scenario.title.get(other))
        self.scenario_meta.setText(tr("start.meta", turns=scenario.turns, days=scenario.turn_days,
                                      units=len(scenario.units), tasks=_tasks(len(scenario.tasks))))
        html = f"<h3>{tr('start.briefing')}</h3><p>{escape(text_of(scenario.briefing))}</p>"
        if scenario.notes is not None:
            html += f"<h3>{tr('start.notes')}</h3><p>{escape(text_of(scenario.notes))}</p>"
        self.briefing.setHtml(html)
        self._fill_seats(entry)
        self.begin_button.setEnabled(True)

    def _show_broken(self, entry: ScenarioEntry | None) -> None:
        """No scenario to start: none at all, or a file that cannot be read (and why)."""
        self.begin_button.setEnabled(False)
        self.copy_in_button.hide()
        self.seat_combo.clear()
        self.other_title.hide()
        self.scenario_meta.hide()
        if entry is None:
            self.scenario_title.setText(tr("start.no_scenarios") if self._filled else "")
            self.scenario_where.hide()
            self.briefing.clear()
            return
        self.scenario_title.setText(tr("start.broken_title", name=entry.path.name))
        self.scenario_where.setText(where(entry))
        self.scenario_where.show()
        problem = entry.problem.replace(str(entry.path), entry.path.name, 1)  # path: above
        self.briefing.setHtml(f"<p>{escape(tr('start.broken_text'))}</p>"
                              f"<p><code>{escape(problem)}</code></p>")

    # ----- handlers ---------------------------------------------------------------------------

    def _on_scenario_chosen(self, *_: object) -> None:
        self._show_entry(self._selected())

    def _on_begin_clicked(self) -> None:
        entry = self.current_entry()
        if entry is None or entry.broken:
            return
        self.new_game_requested.emit(entry.path, str(self.seat_combo.currentData()),
                                     str(self.superior_combo.currentData()),
                                     str(self.subordinate_combo.currentData()),
                                     self.seed_spin.value())

    def _on_language_chosen(self, index: int) -> None:
        self.language_requested.emit(str(self.language_combo.itemData(index)))

    def retranslate(self) -> None:
        """Every text in the current language."""
        self.heading.setText(tr("start.title"))
        self.subtitle.setText(tr("start.subtitle"))
        self.library_label.setText(tr("start.library"))
        self.new_box.setTitle(tr("start.new_game"))
        self.seat_label.setText(tr("start.seat"))
        self.people_label.setText(tr("start.people"))
        self.superior_label.setText(tr("start.superior"))
        self.subordinate_label.setText(tr("start.subordinate"))
        self.seed_label.setText(tr("start.seed"))
        self.seed_spin.setToolTip(tr("start.seed_help"))
        self.begin_button.setText(tr("start.begin"))
        self.continue_button.setText(tr("start.continue"))
        self.load_button.setText(tr("start.load"))
        self.language_label.setText(tr("start.language"))
        self.about_button.setText(tr("start.about"))
        self.open_file_button.setText(tr("start.open_file"))
        self.copy_in_button.setText(tr("start.copy_in"))
        self.back_button.setText(tr("start.back"))
        self.language_combo.setCurrentIndex(self.language_combo.findData(language()))
        self._name_for_access()
        self._fill_styles()
        self.library.retranslate()
        self._show_entry(self._selected())

    def _name_for_access(self) -> None:
        for widget, key in ((self.scenario_list, "start.library"), (self.seat_combo, "start.seat"),
                            (self.superior_combo, "start.superior"),
                            (self.subordinate_combo, "start.subordinate"),
                            (self.seed_spin, "start.seed"), (self.begin_button, "start.begin"),
                            (self.continue_button, "start.continue"),
                            (self.load_button, "start.load"),
                            (self.open_file_button, "start.open_file"),
                            (self.copy_in_button, "start.copy_in"),
                            (self.language_combo, "start.language"),
                            (self.about_button, "start.about"), (self.briefing, "start.briefing"),
                            (self.back_button, "start.back")):
            widget.setAccessibleName(plain(tr(key)))


def _tasks(count: int) -> str:
    """'1 task' / '3 tasks' (Chinese has no plural)."""
    return tr("start.tasks_one" if count == 1 else "start.tasks_many", n=count)
