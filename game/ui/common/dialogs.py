"""The window's dialogs: about, resume, save problems, file choosers — built here, shown there.

Each dialog is built by a function (tests grab and inspect them); `Prompts` shows them
modally and returns the answer, and tests replace it with a stand-in that answers at once.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from game.ui.common.i18n import language, register, tr
from game.ui.play.saves import SaveProblem

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
    "problem.corrupt": ("存档文件已损坏，无法读取：\n{path}",
                        "The save file is corrupt and cannot be read:\n{path}"),
    "problem.newer": ("这个存档由更新版本的游戏写成，本版本无法读取：\n{path}\n\n请升级游戏后"
                      "再打开。",
                      "This save was written by a newer version of the game and this version "
                      "cannot read it:\n{path}\n\nUpgrade the game to open it."),
    "problem.limit": ("这个文件超出了存档的限度（过大、嵌套过深、数字过长或步数过多），不予读取：\n"
                      "{path}", "This file is beyond what a save can be (too large, nested too "
                      "deep, a number too long or too many moves) and is not read:\n{path}"),
    "problem.tampered": ("这个存档在写成之后被改动过（种子、座位或操作与校验值不符），如果读入"
                         "会变成另一局游戏，因此不予读取：\n{path}",
                         "This save was changed after it was written (its seed, seats or moves "
                         "no longer match its check digest); it would load as another game, so "
                         "it is not read:\n{path}"),
    "problem.scenario": ("存档所用的情景不在情景库中：\n{path}\n\n存档只能打开情景库里的情景"
                         "（程序自带的情景，以及 {folder} 中你自己的情景）。",
                         "The scenario this save was played on is not in the library:\n{path}"
                         "\n\nA save opens only scenarios of the library (the shipped ones, and "
                         "your own in {folder})."),
    "problem.mismatch": ("存档与现有情景文件不一致（情景可能已被修改）：\n{path}",
                         "The save does not match the scenario file (it may have been "
                         "edited):\n{path}"),
    "problem.changed": ("存档所用情景的规则（单位、任务、数字或事件）已经改变，这个存档无法继续：\n"
                        "{path}", "The rules of this save's scenario (its units, tasks, numbers "
                        "or events) have changed since, so the save cannot go on:\n{path}"),
    "problem.restart": ("要用同样的种子（{seed}）、座位和风格重新开始这个情景吗？",
                        "Start the scenario afresh with the same seed ({seed}), seat and styles?"),
    "problem.left_alone": ("文件保持原样，没有被改动或覆盖。",
                           "The file has been left as it was; nothing was changed or "
                           "overwritten."),
    "problem.kept_aside": ("无法读取的自动存档已改名保存为：\n{path}\n下次启动不会再询问。",
                           "The unreadable autosave has been kept under a new name:\n{path}\n"
                           "The next start will not ask about it again."),
    "problem.reason": ("原因：{detail}", "Reason: {detail}"),
    "problem.detail": ("技术细节（程序给出的英文原文）：\n{detail}", "Technical detail:\n{detail}"),
    "folder.title": ("无法写入数据文件夹", "Cannot write to the data folder"),
    "folder.text": ("游戏无法在数据文件夹中写入文件：\n{folder}\n\n{detail}\n\n游戏照常打开，"
                    "但自动存档、设置和编辑器草稿都无法保存。请检查这个文件夹的权限和磁盘空间。",
                    "The game cannot write files in its data folder:\n{folder}\n\n{detail}\n\n"
                    "The game opens as usual, but the autosave, settings and the editor's drafts "
                    "cannot be kept. Check the folder's permissions and the free disk space."),
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


def problem_box(parent: QWidget | None, problem: SaveProblem, aside: Path | None,
                folder: Path | None = None) -> QMessageBox:
    """Names what is wrong with a save (corrupt, newer, ...), and where it was kept.

    The file is either left alone or (an autosave) kept aside under `aside`: the box says
    which, once. A save whose scenario changed asks whether to start it afresh (Yes / No).
    """
    box = QMessageBox(parent)
    box.setWindowTitle(tr("problem.title"))
    text = tr(f"problem.{problem.reason}", path=str(problem.path), detail=problem.detail,
              folder=str(folder or ""))
    if language() == "en":
        text += "\n\n" + tr("problem.reason", detail=problem.detail)
    else:  # the engine's reason is English: kept out of the Chinese text, one click away
        box.setDetailedText(tr("problem.detail", detail=problem.detail))
    text += "\n\n" + (tr("problem.kept_aside", path=str(aside)) if aside is not None
                       else tr("problem.left_alone"))
    if problem.restart is not None:
        text += "\n\n" + tr("problem.restart", seed=problem.restart.seed)
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        box.setDefaultButton(QMessageBox.StandardButton.Yes)
    box.setText(text)
    box.setIcon(QMessageBox.Icon.Warning)
    return box


def folder_box(parent: QWidget | None, folder: Path, detail: str) -> QMessageBox:
    """The data folder cannot be written: named, with the system's reason."""
    box = QMessageBox(parent)
    box.setWindowTitle(tr("folder.title"))
    box.setText(tr("folder.text", folder=str(folder), detail=detail))
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
