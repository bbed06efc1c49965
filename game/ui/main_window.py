"""The main window: the start screen, the game page, menus, saving, loading and the autosave."""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QMainWindow, QStackedWidget, QWidget

from game.ui.common import dialogs, i18n
from game.ui.common.help_button import start_help_button
from game.ui.common.i18n import register, tr
from game.ui.common.lang import follow_language
from game.ui.common.replace_prompt import replace_box
from game.ui.common.settings import AppPaths, Settings, folder_problem
from game.ui.common.vocab import phase_name
from game.ui.menus import WindowMenus
from game.ui.play import inbox_state, saves
from game.ui.play.hotseat import HandOverView
from game.ui.play.session import GameSession
from game.ui.start.start_view import StartView

if TYPE_CHECKING:
    from game.engine.game import Game
    from game.ui.play.game_page import GamePage
    from game.ui.workshop.console_window import ConsoleWindow
    from game.ui.workshop.remote_play import RemotePlay

VERSION = "0.1.0"

register({
    "window.title": ("沟通式动员", "Communicative Mobilization"),
    "status.autosaved": ("已自动保存（第 {turn} 回合）", "Autosaved (turn {turn})"),
    "status.saved": ("已保存：{path}", "Saved: {path}"),
    "status.loaded": ("已载入：{path}", "Loaded: {path}"),
    "status.scenario_error": ("情景文件有误：{problem}", "The scenario file is wrong: {problem}"),
})


class MainWindow(QMainWindow):
    """The game's one window.

    Args:
        paths: where settings and saves live (tests pass a temporary folder).
        prompts: shows dialogs; tests pass a stand-in that answers at once.
    """

    def __init__(self, paths: AppPaths | None = None, prompts: dialogs.Prompts | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.paths = paths or AppPaths.default()
        self.settings = Settings(self.paths)
        self.prompts = prompts or dialogs.Prompts(self)
        self.session: GameSession | None = None
        self.page: GamePage | None = None
        self.save_path: Path | None = None
        self._told_over = False
        self._handing_over = False
        self.remote: RemotePlay | None = None  # a seat played at a workshop table
        self._workshop_address = ""
        self.console: ConsoleWindow | None = None  # Game ▸ Host a workshop
        self._folder_warned = False
        self.stack = QStackedWidget()
        self.start = StartView(user_dir=self.paths.scenarios_dir)
        self.stack.addWidget(self.start)
        self.handover = HandOverView()  # hot-seat: hides the game between two people
        self.stack.addWidget(self.handover)
        self.setCentralWidget(self.stack)
        self.menus = WindowMenus(self)
        self.help_button = start_help_button(self.start, self.start.about_button)
        self.menus.actions["stop_idle"].setChecked(self.settings.stop_at_idle)
        self._connect()
        follow_language(self, self.retranslate)
        self.retranslate()
        self._refresh_actions()
        self.resize(1280, 720)
        if self.settings.geometry:
            self.restoreGeometry(QByteArray(self.settings.geometry))

    def _connect(self) -> None:
        actions = self.menus.actions
        actions["new"].triggered.connect(self._on_new_triggered)
        actions["continue"].triggered.connect(self._on_continue_requested)
        actions["open"].triggered.connect(self._on_open_triggered)
        actions["save"].triggered.connect(self._on_save_triggered)
        actions["save_as"].triggered.connect(self._on_save_as_triggered)
        actions["quit"].triggered.connect(self.close)
        actions["end_phase"].triggered.connect(self._on_end_phase_triggered)
        actions["about"].triggered.connect(self._on_about_requested)
        actions["help"].triggered.connect(self._on_help_requested)
        actions["stop_idle"].toggled.connect(self._on_stop_idle_toggled)
        self.help_button.clicked.connect(self._on_help_requested)
        actions["editor"].triggered.connect(self._on_editor_requested)
        actions["open_scenario"].triggered.connect(self._on_open_scenario_triggered)
        actions["join"].triggered.connect(self._on_join_triggered)
        actions["host"].triggered.connect(self._on_host_triggered)
        actions["open_record"].triggered.connect(self._on_open_record_triggered)
        self.stack.currentChanged.connect(lambda _index: self._refresh_actions())
        self.menus.languages.triggered.connect(
            lambda action: self.set_language(str(action.data())))
        self.start.new_game_requested.connect(self._on_new_game_requested)
        self.start.continue_requested.connect(self._on_continue_requested)
        self.start.load_requested.connect(self._on_open_triggered)
        self.start.language_requested.connect(self.set_language)
        self.start.about_requested.connect(self._on_about_requested)
        self.start.back_requested.connect(self._on_back_requested)
        self.handover.confirmed.connect(self._on_handover_confirmed)

    # ----- opening games ----------------------------------------------------------------------

    def new_game(self, path: Path, seat: str, superior: str = "", subordinate: str = "",
                 seed: int = 0, others: list[str] | None = None) -> bool:
        """Start a new game of the scenario in `path` with a person in `seat` (and, hot-seat,
        in each of `others`, taking turns at this computer)."""
        from game.scenario.loader import ScenarioError, load_scenario

        try:
            scenario = load_scenario(path)
        except ScenarioError as err:
            self.statusBar().showMessage(tr("status.scenario_error", problem=err.problems[0]))
            return False
        from game.engine.game import Game

        game = Game(scenario, seed=seed, humans=[seat, *(others or [])],
                    superior_style=superior or None, subordinate_style=subordinate or None)  # type: ignore[arg-type]
        self.save_path = None
        self._open(game, seat, Path(path))
        return True

    def load_game(self, path: Path, autosave: bool = False) -> bool:
        """Open a saved game; a save that cannot be read is named and left untouched.

        An autosave that cannot be read is set aside (renamed) instead, so that no later start
        asks about it again; a save whose scenario changed offers the same seed afresh.
        """
        try:
            loaded = saves.load_save(path, saves.library_folders(self.paths))
        except saves.SaveProblem as problem:
            self._refuse_save(problem, autosave)
            return False
        self.save_path = None if autosave else Path(path)
        if not autosave:
            self.settings.last_save = str(path)
        game = loaded.game
        read = inbox_state.read_read_state(
            inbox_state.identity(game.scenario.id, game.seed, loaded.seat), len(game.log),
            Path(path))
        self._open(loaded.game, loaded.seat, loaded.scenario_path, read)
        self.statusBar().showMessage(tr("status.loaded", path=str(path)), 5000)
        if self.session is not None and len(self.session.humans) > 1:
            self._hand_over()  # hot-seat: whoever sits here may not be the first seat's person
        return True

    def _refuse_save(self, problem: saves.SaveProblem, autosave: bool) -> None:
        """Name the problem once; set an autosave aside; offer a fresh start when one fits."""
        aside = None
        if autosave and problem.path.exists():
            try:
                aside = saves.keep_aside(problem.path)
            except OSError:
                aside = None
        box = dialogs.problem_box(self, problem, aside, self.paths.scenarios_dir)
        if self.prompts.show(box) and problem.restart is not None and self.confirm_replace():
            restart = problem.restart
            self.new_game(restart.scenario_path, restart.seat, restart.superior,
                          restart.subordinate, restart.seed)
        self._refresh_actions()

    def check_data_folder(self) -> bool:
        """On start: name the data folder in a dialog when it cannot be written; True if fine."""
        detail = folder_problem(self.paths.data_dir)
        if detail:
            self._folder_warned = True
            self.prompts.show(dialogs.folder_box(self, self.paths.data_dir, detail))
        return not detail

    def _open(self, game: Game, seat: str, path: Path, read: set[int] | None = None) -> None:
        self.leave_workshop()  # one window plays one game (the seat's code still rejoins)
        self._told_over = game.over
        if self.session is None:
            self.session = GameSession(game, seat, path, read=read)
            # Imported on the first game: the views, charts and engine are not needed to show
            # the start screen, and importing them would treble the window's start-up.
            from game.ui.play.game_page import GamePage

            self.page = GamePage(self.session, self.menus.actions["end_phase"])
            self.stack.addWidget(self.page)
            self.session.bridge.state_changed.connect(self._on_state_changed)
            self.page.inbox.model.dataChanged.connect(self._on_read_changed)
            for action in self.menus.set_tabs(self.page.keys()):
                action.triggered.connect(self._on_tab_action)
            self.menus.retranslate(i18n.language(), self._end_key())
        else:
            self.session.replace(game, seat, path, read)
        self._handing_over = False
        self.stack.setCurrentWidget(self.page)
        self.page.show_tab("inbox")
        self.settings.running = True
        self._autosave()
        self._refresh_actions()

    def offer_resume(self) -> bool:
        """On start: if the last session did not close cleanly, offer its autosave."""
        if not (self.settings.running and self.paths.autosave.exists()):
            return False
        try:
            save = saves.read_save(self.paths.autosave)
        except saves.SaveProblem as problem:  # nothing to resume: set aside, said once
            self._refuse_save(problem, autosave=True)
            return False
        if not self.prompts.show(dialogs.resume_box(self, save.turn, phase_name(save.phase))):
            return False
        return self.load_game(self.paths.autosave, autosave=True)

    # ----- playing ----------------------------------------------------------------------------

    def end_phase(self) -> None:
        """End the phase (or the turn), and step past phases in which the seat has nothing to
        do (unless the player chose to stop there); after a turn, show its report."""
        if self.session is None or self.session.view.over or self.page is None:
            return
        if self._handing_over:
            return
        before, seat = self.session.view, self.session.seat
        turn, phase = before.turn, before.phase
        self.session.end_phase()
        # Phases in which no seat held here has anything to do say so and step past, unless
        # the player chose to stop there.
        passed = [] if self.settings.stop_at_idle else self.session.step_past_idle()
        self.page.header.show_passed(passed)
        if self.session.seat != seat:  # hot-seat: the next person takes the keyboard
            self._hand_over()
        now = self.session.view
        if (turn, phase) != (now.turn, now.phase) and (now.turn != turn or now.over):
            self.page.report.show_turn(turn if now.over and now.turn == turn else now.turn - 1)
            self.page.show_tab("debrief" if now.over and "debrief" in self.page.views
                               else "report")

    def _hand_over(self) -> None:
        """Hide the game until the person for the session's seat confirms they sit here."""
        from game.ui.common.vocab import unit_name

        session = self.session
        assert session is not None
        self._handing_over = True
        self.statusBar().clearMessage()
        self.handover.hand_to(lambda: unit_name(session.directory, session.seat))
        self.stack.setCurrentWidget(self.handover)
        self.handover.button.setFocus()
        self._refresh_actions()

    def _on_handover_confirmed(self) -> None:
        self._handing_over = False
        self._show_game()
        self._refresh_actions()

    def _show_game(self) -> None:
        """The workshop seat, the game page, or the hand-over screen while the computer
        changes hands."""
        if self.remote is not None:
            self.stack.setCurrentWidget(self.remote.widget())
        elif self.page is not None:
            self.stack.setCurrentWidget(self.handover if self._handing_over else self.page)

    def confirm_replace(self) -> bool:
        """Before a new, loaded or play-tested game takes the running one's place: ask.

        True when there is no game to lose, or the player agreed to replace it.
        """
        if self.session is None:
            return True
        from game.ui.common.lang import text_of
        from game.ui.common.vocab import unit_name

        names, view = self.session.directory, self.session.view
        return self.prompts.show(replace_box(self, text_of(names.title),
                                             unit_name(names, view.seat), view.turn))

    def _on_state_changed(self) -> None:
        self._autosave()
        self._refresh_actions()
        if self.session is not None and self.session.view.over and not self._told_over:
            self._told_over = True
            self.prompts.show(dialogs.message_box(self, "over.title", tr("over.text")))

    def _autosave(self) -> None:
        if self.session is None:
            return
        try:
            saves.autosave(self.session, self.paths)
            inbox_state.write_read_state(self.session, self.paths.autosave)
        except OSError as err:
            self.statusBar().showMessage(tr("problem.write", path=str(self.paths.autosave),
                                            detail=str(err)))
            if not self._folder_warned:  # said once a session, in a dialog
                self._folder_warned = True
                self.prompts.show(dialogs.folder_box(self, self.paths.data_dir,
                                                     err.strerror or str(err)))
            return
        self.statusBar().showMessage(tr("status.autosaved", turn=self.session.view.turn),
                                     3000)

    def _on_read_changed(self, *_: object) -> None:
        """A document opened: the autosave's read state follows at once (it is small)."""
        if self.session is None or not self.paths.autosave.exists():
            return
        try:
            inbox_state.write_read_state(self.session, self.paths.autosave)
        except OSError:
            return  # the next autosave names the problem

    def save_to(self, path: Path) -> bool:
        """Write the game to `path`."""
        if self.session is None:
            return False
        try:
            saves.write_save(self.session, path)
            inbox_state.write_read_state(self.session, path)
        except OSError as err:
            self.prompts.show(dialogs.message_box(self, "problem.title", tr(
                "problem.write", path=str(path), detail=str(err))))
            return False
        self.save_path = Path(path)
        self.settings.last_save = str(path)
        self.statusBar().showMessage(tr("status.saved", path=str(path)), 5000)
        return True

    # ----- handlers ---------------------------------------------------------------------------

    def _on_new_game_requested(self, path: Path, seat: str, superior: str, subordinate: str,
                               seed: int) -> None:
        if self.confirm_replace():
            self.new_game(path, seat, superior, subordinate, seed,
                          self.start.people_button.chosen())

    def _on_new_triggered(self) -> None:
        self.start.set_can_continue(self.paths.autosave.exists())
        self.start.set_can_go_back(self.session is not None)
        self.stack.setCurrentWidget(self.start)
        self.start.scenario_list.setFocus()

    def _on_open_scenario_triggered(self) -> None:
        self._on_new_triggered()
        self.start.choose_scenario_file()

    def _on_back_requested(self) -> None:
        self._show_game()

    def _on_continue_requested(self) -> None:
        if self.paths.autosave.exists():
            self.load_game(self.paths.autosave, autosave=True)

    def _on_open_triggered(self) -> None:
        with contextlib.suppress(OSError):  # an unwritable data folder: the dialog opens anyway
            self.paths.saves_dir.mkdir(parents=True, exist_ok=True)
        path = self.prompts.open_file(self.paths.saves_dir)
        if path is not None and self.confirm_replace():
            self.load_game(path)

    def _on_save_triggered(self) -> None:
        if self.save_path is None:
            self._on_save_as_triggered()
        else:
            self.save_to(self.save_path)

    def _on_save_as_triggered(self) -> None:
        if self.session is None:
            return
        with contextlib.suppress(OSError):
            self.paths.saves_dir.mkdir(parents=True, exist_ok=True)
        view = self.session.view
        name = f"{view.scenario_id}-{view.seat}-t{view.turn}.json"
        path = self.prompts.save_file(self.paths.saves_dir / name)
        if path is not None:
            self.save_to(path)

    def _on_end_phase_triggered(self) -> None:
        if self._remote_shown():
            self.remote.end_phase()  # type: ignore[union-attr]
            return
        self.end_phase()

    def _on_editor_requested(self) -> None:
        from game.ui.editor import ScenarioEditorWindow

        on_start = self.stack.currentWidget() is self.start
        entry = self.start.current_entry()
        if on_start and entry is not None:
            path: Path | None = entry.path
        else:
            path = self.session.scenario_path if self.session is not None else None
        editor = ScenarioEditorWindow(path, parent=self, drafts_dir=self.paths.data_dir / "drafts",
                                      user_dir=self.paths.scenarios_dir)
        editor.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        editor.play_requested.connect(self._on_play_from_editor)
        editor.saved.connect(self.start.refresh_library)
        editor.show()
        self.editor = editor

    def _on_play_from_editor(self, game: Game, seat: str, path: Path) -> None:
        """A play-test handed to a person: play it here from the chosen turn."""
        if not self.confirm_replace():
            return
        self.save_path = None
        self._open(game, seat, path)
        self.raise_()
        self.activateWindow()

    def _on_join_triggered(self) -> None:
        """Game ▸ Join a workshop…: ask for the address and the code (window-modal)."""
        from game.ui.workshop.join_dialog import JoinDialog

        self.join_dialog = JoinDialog(self, self._workshop_address)
        self.join_dialog.accepted.connect(
            lambda: self.join_workshop(*self.join_dialog.values()))
        self.join_dialog.open()

    def _on_host_triggered(self) -> None:
        """Game ▸ Host a workshop…: the facilitator's console, a window of its own."""
        from game.ui.workshop.console_window import ConsoleWindow

        if self.console is None:
            self.console = ConsoleWindow(self.paths.data_dir / "workshops",
                                         self.paths.scenarios_dir)
        self.console.show()
        self.console.raise_()
        self.console.activateWindow()

    def join_workshop(self, address: str, code: str, label: str = "") -> None:
        """Play the seat of `code` at the workshop at `address`: the game page draws the
        seat's view as the host sends it (`game.ui.workshop.remote_play`), and the connection
        reconnects by itself."""
        from game.ui.workshop.remote_play import RemotePlay

        self.leave_workshop()
        self._workshop_address = address
        self.remote = RemotePlay(address, code, label, self.menus.actions["end_phase"], self)
        self.remote.changed.connect(self._on_remote_changed)
        self.remote.page_ready.connect(self._on_remote_page)
        self.remote.cancelled.connect(self.leave_workshop)
        self.stack.addWidget(self.remote.joining)
        self.stack.setCurrentWidget(self.remote.joining)
        self.remote.start()

    def _on_remote_page(self) -> None:
        """The seat's first view arrived: its game page takes the joining page's place."""
        remote = self.remote
        if remote is None or remote.page is None:
            return
        self.stack.addWidget(remote.page)
        if self.stack.currentWidget() is remote.joining:
            self.stack.setCurrentWidget(remote.page)
        self.stack.removeWidget(remote.joining)
        remote.page.show_tab("inbox")
        self._set_tabs(remote.page.keys())
        self._refresh_actions()

    def _on_remote_changed(self) -> None:
        self._refresh_actions()

    def _remote_shown(self) -> bool:
        """Whether the window shows the workshop seat (its game page or the joining page)."""
        return self.remote is not None and self.stack.currentWidget() in (
            self.remote.page, self.remote.joining)

    def _on_open_record_triggered(self) -> None:
        """Game ▸ Open a workshop record…: a session's record (.db), read only."""
        from PySide6.QtWidgets import QFileDialog

        name, _ = QFileDialog.getOpenFileName(self, tr("act.open_record").replace("&", ""),
                                              str(self.paths.data_dir), "*.db *.sqlite")
        if name:
            self.open_record(Path(name))

    def open_record(self, path: Path) -> QWidget | None:
        """Open a past workshop session from its record: its tables, a read-only replay of
        any table to any turn, the comparison of tables (game.ui.workshop.session_open).
        A file that is not a record is named with the reason, and left as it was."""
        from game.ui.workshop.session_open import SessionOpenWindow

        opened = SessionOpenWindow.open(path, saves.library_folders(self.paths), self)
        if isinstance(opened, str):
            self.statusBar().showMessage(opened)
            return None
        self.statusBar().clearMessage()  # an earlier failure is no longer the news
        opened.show()
        self.record_window = opened
        return opened

    def leave_workshop(self) -> None:
        """Say bye to the workshop's host and drop its pages."""
        if self.remote is None:
            return
        remote, self.remote = self.remote, None
        for widget in (remote.page, remote.joining):
            if widget is not None:
                self.stack.removeWidget(widget)
        remote.close()
        remote.deleteLater()
        self._set_tabs(self.page.keys() if self.page is not None else [])
        self._refresh_actions()

    def _set_tabs(self, keys: list[str]) -> None:
        """The View menu's tab actions for the page shown (the local game's or the seat's)."""
        for action in self.menus.set_tabs(keys):
            action.triggered.connect(self._on_tab_action)
        self.menus.retranslate(i18n.language(), self._end_key())

    def _on_help_requested(self) -> None:
        from game.ui.common.help_view import HelpDialog

        phase = self.session.view.phase if self.session is not None else ""
        HelpDialog.open_for(self, phase)

    def _on_stop_idle_toggled(self, checked: bool) -> None:
        self.settings.stop_at_idle = checked

    def _on_about_requested(self) -> None:
        self.prompts.show(dialogs.about_box(self, VERSION))

    def _on_tab_action(self) -> None:
        action = self.sender()
        page = self.remote.page if self.remote is not None else self.page
        if page is not None and action is not None and not self._handing_over:
            self.stack.setCurrentWidget(page)
            page.show_tab(str(action.data()))

    # ----- language and state -----------------------------------------------------------------

    def set_language(self, lang: str) -> None:
        """Switch the whole window's language and remember it."""
        if lang == i18n.language():
            return
        i18n.set_language(lang)
        self.settings.language = lang
        for session in (self.session, self.remote.session if self.remote else None):
            if session is not None:
                session.bridge.language_changed.emit(lang)

    def _end_key(self) -> str:
        view = self.session.view if self.session else None
        if self._remote_shown():
            remote = self.remote.session  # type: ignore[union-attr]
            view = remote.view if remote.ready() else None
        if view is None or view.over:
            return "act.over" if view else "act.end_phase"
        return "act.end_turn" if view.phase == "respond" else "act.end_phase"

    def _refresh_actions(self) -> None:
        playing = self.session is not None
        over = playing and self.session.view.over  # type: ignore[union-attr]
        remote = self._remote_shown()  # the host keeps a workshop seat's game, not this window
        self.menus.actions["save"].setEnabled(playing and not remote)
        self.menus.actions["save_as"].setEnabled(playing and not remote)
        if remote:  # a workshop seat: while it can act, over the network
            self.menus.actions["end_phase"].setEnabled(self.remote.can_end())  # type: ignore[union-attr]
        else:
            self.menus.actions["end_phase"].setEnabled(playing and not over
                                                       and not self._handing_over)
        self.menus.actions["end_phase"].setText(tr(self._end_key()))
        self.menus.actions["continue"].setEnabled(self.paths.autosave.exists())
        self.start.set_can_continue(self.paths.autosave.exists())

    def retranslate(self) -> None:
        """Title and menus in the current language."""
        self.setWindowTitle(tr("window.title"))
        self.menus.retranslate(i18n.language(), self._end_key())
        self.statusBar().clearMessage()  # a passing message in the old language goes

    def closeEvent(self, event: QCloseEvent) -> None:
        """A clean exit: the autosave is current and the next start will not offer to resume."""
        self.leave_workshop()
        self._autosave()
        self.settings.running = False
        self.settings.geometry = bytes(self.saveGeometry().data())
        super().closeEvent(event)
