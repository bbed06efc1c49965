"""The scenario editor: `ScenarioEditorWindow(path)` opens a scenario file (None: a new one)."""

from game.ui.editor.editor_window import ScenarioEditorWindow

__all__ = ["ScenarioEditorWindow"]
