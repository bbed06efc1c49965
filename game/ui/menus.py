"""The main window's actions and menus, with their shortcuts."""

from __future__ import annotations

from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMainWindow

from game.ui.common.i18n import register, tr

register({
    "menu.game": ("游戏(&G)", "&Game"),
    "menu.turn": ("回合(&R)", "&Round"),
    "menu.view": ("查看(&V)", "&View"),
    "menu.language": ("语言(&L)", "&Language"),
    "menu.help": ("帮助(&H)", "&Help"),
    "act.new": ("新游戏(&N)…", "&New game…"),
    "act.continue": ("继续上次游戏(&C)", "&Continue the last game"),
    "act.open": ("载入存档(&O)…", "&Open a saved game…"),
    "act.open_scenario": ("打开情景文件(&F)…", "Open a scenario &file…"),
    "act.save": ("保存(&S)", "&Save"),
    "act.save_as": ("另存为(&A)…", "Save &as…"),
    "act.quit": ("退出(&Q)", "&Quit"),
    "act.join": ("加入工作坊(&J)…", "&Join a workshop…"),
    "act.host": ("主持工作坊(&W)…", "Host a &workshop…"),
    "act.open_record": ("打开工作坊记录(&R)…", "Open a workshop &record…"),
    "act.editor": ("情景编辑器(&D)…", "Scenario e&ditor…"),
    "act.end_phase": ("结束本阶段(&E)", "&End this phase"),
    "act.end_turn": ("结束本回合(&E)", "&End this turn"),
    "act.over": ("对局已结束", "Game over"),
    "act.about": ("关于(&A)…", "&About…"),
    "act.help": ("玩法说明(&P)", "How to &play"),
    "act.stop_idle": ("在无事可办的阶段停下(&S)", "&Stop at phases with nothing to do"),
    "act.zh": ("简体中文", "简体中文"),
    "act.en": ("English", "English"),
})

ACTIONS = ("new", "continue", "open", "open_scenario", "save", "save_as", "editor", "quit",
           "end_phase", "stop_idle", "help", "about", "join", "host", "open_record")
SHORTCUTS = {
    "new": QKeySequence.StandardKey.New,
    "open": QKeySequence.StandardKey.Open,
    "save": QKeySequence.StandardKey.Save,
    "save_as": QKeySequence.StandardKey.SaveAs,
    "quit": QKeySequence.StandardKey.Quit,
}


class WindowMenus:
    """Builds the actions and the menu bar of a main window; retranslates them."""

    def __init__(self, window: QMainWindow) -> None:
        self.window = window
        self.actions = {name: QAction(window) for name in ACTIONS}
        for name, key in SHORTCUTS.items():
            self.actions[name].setShortcut(QKeySequence(key))
        self.actions["editor"].setShortcut(QKeySequence("Ctrl+E"))
        self.actions["join"].setShortcut(QKeySequence("Ctrl+J"))
        self.actions["host"].setShortcut(QKeySequence("Ctrl+Shift+W"))
        # Alt+E as well: the header's button shows "(E)", and a QToolButton takes no mnemonic
        # from its action's text.
        self.actions["end_phase"].setShortcuts([QKeySequence("Ctrl+Return"),
                                                QKeySequence("Ctrl+Enter"), QKeySequence("F5"),
                                                QKeySequence("Alt+E")])
        self.actions["help"].setShortcut(QKeySequence(QKeySequence.StandardKey.HelpContents))
        self.actions["stop_idle"].setCheckable(True)
        self.languages = QActionGroup(window)
        self.language_actions = {}
        for lang in ("zh", "en"):
            action = QAction(window, checkable=True)
            action.setData(lang)
            self.languages.addAction(action)
            self.language_actions[lang] = action
        self.tab_actions: list[QAction] = []
        bar = window.menuBar()
        self.game_menu = bar.addMenu("")
        for name in ("new", "continue", "open", "save", "save_as"):
            self.game_menu.addAction(self.actions[name])
        self.game_menu.addSeparator()
        self.game_menu.addAction(self.actions["join"])  # a workshop table, over the network
        self.game_menu.addAction(self.actions["host"])  # the facilitator's console
        self.game_menu.addAction(self.actions["open_record"])  # a past session's record
        self.game_menu.addSeparator()
        self.game_menu.addAction(self.actions["open_scenario"])
        self.game_menu.addAction(self.actions["editor"])
        self.game_menu.addSeparator()
        self.game_menu.addAction(self.actions["quit"])
        self.turn_menu = bar.addMenu("")
        self.turn_menu.addAction(self.actions["end_phase"])
        self.turn_menu.addSeparator()
        self.turn_menu.addAction(self.actions["stop_idle"])
        self.view_menu = bar.addMenu("")
        self.view_menu.menuAction().setEnabled(False)
        self.language_menu = bar.addMenu("")
        for action in self.language_actions.values():
            self.language_menu.addAction(action)
        self.help_menu = bar.addMenu("")
        self.help_menu.addAction(self.actions["help"])
        self.help_menu.addSeparator()
        self.help_menu.addAction(self.actions["about"])

    def set_tabs(self, keys: list[str]) -> list[QAction]:
        """One action per tab (Ctrl+1, Ctrl+2, ...) in the View menu."""
        self.view_menu.clear()
        self.view_menu.menuAction().setEnabled(bool(keys))  # empty until a game is open
        self.tab_actions = []
        for number, key in enumerate(keys, 1):
            action = QAction(self.window)
            action.setData(key)
            action.setShortcut(QKeySequence(f"Ctrl+{number}"))
            self.view_menu.addAction(action)
            self.tab_actions.append(action)
        return self.tab_actions

    def retranslate(self, lang: str, end_key: str) -> None:
        """Menu and action texts in the current language."""
        for menu, key in ((self.game_menu, "menu.game"), (self.turn_menu, "menu.turn"),
                          (self.view_menu, "menu.view"), (self.language_menu, "menu.language"),
                          (self.help_menu, "menu.help")):
            menu.setTitle(tr(key))
        for name, action in self.actions.items():
            action.setText(tr(f"act.{name}"))
        self.actions["end_phase"].setText(tr(end_key))
        for code, action in self.language_actions.items():
            action.setText(tr(f"act.{code}"))
            action.setChecked(code == lang)
        for action in self.tab_actions:
            action.setText(tr(f"tab.{action.data()}"))
