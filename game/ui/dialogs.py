"""The window's dialogs: about, resume, save problems, file choosers — built here, shown there.

Each dialog is built by a function (tests grab and inspect them); `Prompts` shows them
modally and returns the answer, and tests replace it with a stand-in that answers at once.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from game.ui.i18n import register, tr
from game.ui.saves import SaveProblem

register({
    "about.title": ("关于《沟通式动员》", "About Communicative Mobilization"),
    "about.text": (
        "<h3>沟通式动员</h3><p>一款县乡干部角色扮演游戏：上级层层加码，你来分解、执行、解释、"
        "协调、激励——或者虚报、推诿、应付。规则引擎依据论文的分析框架为结局评分，并用对局中的"
        "事件说明原因。</p><p>本游戏依据：<br/>杨华、张丹丹：《沟通式动员：县域上下级政府间政策"
        "协商机制及其功能》，《华中农业大学学报（社会科学版）》2022年第5期，第59-67页。"
        "DOI: 10.13300/j.cnki.hnwkxb.2022.05.007</p><p>版本 {version}</p>",
        "<h3>Communicative Mobilization</h3><p>A role-play of county and township officials: "
        "quotas come down escalated at every level, and you split, carry out, explain, "
        "coordinate and reward — or falsify, shift blame and go through the motions. A rule "
        "engine scores the outcome against the paper's framework and shows why, with the "
        "game's own events.</p><p>Based on: Yang Hua and Zhang Dandan, “沟通式动员：县域上下级"
        "政府间政策协商机制及其功能” (Communicative Mobilization: the Negotiation Between "
        "Higher and Lower Levels of Grass-roots Governments), Journal of Huazhong Agricultural "
        "University (Social Sciences) 2022(5):59-67. DOI: 10.13300/j.cnki.hnwkxb.2022.05.007"
        "</p><p>Version {version}</p>"),
    "resume.title": ("恢复上次的游戏", "Resume the last game"),
    "resume.text": ("上次游戏没有正常退出。要从自动存档（第 {turn} 回合{phase}阶段）继续吗？",
                    "The last session did not close properly. Resume from the autosave "
                    "(turn {turn}, {phase} phase)?"),
    "resume.text_plain": ("上次游戏没有正常退出。要从自动存档继续吗？",
                          "The last session did not close properly. Resume from the autosave?"),
    "problem.title": ("无法打开存档", "Cannot open the save"),
    "problem.corrupt": ("存档文件已损坏，无法读取：\n{path}\n\n文件保持原样，没有被改动或覆盖。",
                        "The save file is corrupt and cannot be read:\n{path}\n\nThe file has "
                        "been left as it was; nothing was changed or overwritten."),
    "problem.newer": ("这个存档由更新版本的游戏写成，本版本无法读取：\n{path}\n\n请升级游戏后"
                      "再打开。文件保持原样，没有被改动或覆盖。",
                      "This save was written by a newer version of the game and this version "
                      "cannot read it:\n{path}\n\nUpgrade the game to open it. The file has been "
                      "left as it was; nothing was changed or overwritten."),
    "problem.scenario": ("找不到存档所用的情景“{detail}”：\n{path}\n\n文件保持原样。",
                         "The scenario '{detail}' this save was played on cannot be "
                         "found:\n{path}\n\nThe file has been left as it was."),
    "problem.mismatch": ("存档与现有情景文件不一致（情景可能已被修改）：\n{path}\n\n文件保持原样。",
                         "The save does not match the scenario file (it may have been "
                         "edited):\n{path}\n\nThe file has been left as it was."),
    "problem.kept_aside": ("无法读取的自动存档已改名保存为：\n{path}",
                           "The unreadable autosave has been kept under a new name:\n{path}"),
    "problem.write": ("无法写入存档：\n{path}\n\n{detail}", "Could not write the save:\n{path}"
                      "\n\n{detail}"),
    "file.open": ("载入存档", "Load a saved game"),
    "file.save": ("保存游戏", "Save the game"),
    "file.filter": ("存档 (*.json)", "Saved games (*.json)"),
    "over.title": ("对局结束", "Game over"),
    "over.text": ("全部回合已结束。请在“复盘”页查看评分和证据。",
                  "Every turn has been played. The debrief tab shows the score and the "
                  "evidence."),
})


def about_box(parent: QWidget | None, version: str) -> QMessageBox:
    """The about box, with the paper's citation."""
    box = QMessageBox(parent)
    box.setWindowTitle(tr("about.title"))
    box.setTextFormat(Qt.TextFormat.RichText)
    box.setText(tr("about.text", version=version))
    box.setIcon(QMessageBox.Icon.Information)
    box.setObjectName("AboutBox")
    return box


def resume_box(parent: QWidget | None, turn: int | None, phase: str) -> QMessageBox:
    """'The last session did not close: resume?' — Yes or No."""
    box = QMessageBox(parent)
    box.setWindowTitle(tr("resume.title"))
    if turn is None:
        box.setText(tr("resume.text_plain"))
    else:
        box.setText(tr("resume.text", turn=turn, phase=phase))
    box.setIcon(QMessageBox.Icon.Question)
    box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    box.setDefaultButton(QMessageBox.StandardButton.Yes)
    return box


def problem_box(parent: QWidget | None, problem: SaveProblem, aside: Path | None) -> QMessageBox:
    """Names what is wrong with a save (corrupt, newer, ...), and where it was kept."""
    box = QMessageBox(parent)
    box.setWindowTitle(tr("problem.title"))
    text = tr(f"problem.{problem.reason}", path=str(problem.path), detail=problem.detail)
    if aside is not None:
        text += "\n\n" + tr("problem.kept_aside", path=str(aside))
    box.setText(text)
    box.setDetailedText(problem.detail)
    box.setIcon(QMessageBox.Icon.Warning)
    return box


def message_box(parent: QWidget | None, title_key: str, text: str) -> QMessageBox:
    """A plain information box."""
    box = QMessageBox(parent)
    box.setWindowTitle(tr(title_key))
    box.setText(text)
    box.setIcon(QMessageBox.Icon.Information)
    return box


class Prompts:
    """Shows dialogs modally and returns what the player answered."""

    def __init__(self, parent: QWidget) -> None:
        self.parent = parent

    def show(self, box: QMessageBox) -> bool:
        """Show a box; True when the answer was Yes (or OK)."""
        answer = box.exec()
        return answer in (QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.Ok)

    def open_file(self, folder: Path) -> Path | None:
        """Ask for a save file to open."""
        name, _ = QFileDialog.getOpenFileName(self.parent, tr("file.open"), str(folder),
                                              tr("file.filter"))
        return Path(name) if name else None

    def save_file(self, suggestion: Path) -> Path | None:
        """Ask where to save."""
        name, _ = QFileDialog.getSaveFileName(self.parent, tr("file.save"), str(suggestion),
                                              tr("file.filter"))
        if not name:
            return None
        path = Path(name)
        return path if path.suffix else path.with_suffix(".json")
