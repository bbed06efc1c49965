"""Help ▸ How to play: one illustrated page per phase of a turn, in the window's language.

The pictures are the game's own screens, made by tools/help_screenshots.py and kept under
assets/help/<lang>/<page>.png; a page whose picture is missing still shows its text.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from game.ui.common.i18n import language, register, tr
from game.ui.common.lang import follow_language, plain

HELP_DIR = Path(__file__).resolve().parents[3] / "assets" / "help"
#: The pages, in the order of a turn; each has a picture assets/help/<lang>/<page>.png.
PAGES = ("directives", "plan", "report", "respond", "execute", "debrief")
#: Which page a phase of the game opens the help on.
PAGE_OF_PHASE = {"plan": "plan", "report": "report", "respond": "respond", "over": "debrief"}
#: The widest and narrowest a picture is shown, in pixels (they are made 960 wide); in between
#: it takes the width of the page.
MAX_WIDTH, MIN_WIDTH = 960, 480

register({
    "help.title": ("玩法说明", "How to play"),
    "help.pages": ("页面(&G)", "Pa&ges"),
    "help.page_view": ("说明内容", "Help page"),
    "help.previous": ("上一页(&P)", "&Previous"),
    "help.next": ("下一页(&N)", "&Next"),
    "help.close": ("关闭", "Close"),
    "help.no_picture": ("（图片缺失：{name}）", "(picture missing: {name})"),
    "help.turn": (
        "每回合依次是：公文下达 → 计划 → 汇报 → 答复 → 执行与考核。每个阶段做完要办的事，按"
        "页首的“结束本阶段”（Alt+E 或 Ctrl+Enter）。本单位无事可办的阶段会自动跳过。",
        "Each turn runs: directives → plan → report → respond → execution and assessment. "
        "Do what the phase asks, then press “End this phase” at the top (Alt+E or "
        "Ctrl+Enter). Phases with nothing for your unit to do are stepped past."),
    "help.page.directives": ("公文下达", "Directives"),
    "help.text.directives": (
        "<p>任务和指标从上往下逐级下达，每一级都可能加码。新来的公文出现在<b>收文</b>页，"
        "未读的加粗并带圆点；本单位自己发出的文件不算未读。</p>"
        "<ul><li>用“类别”和“回合”筛选，勾选“只看未读”只列出还没读过的文件；"
        "点开哪份，只有那份标为已读。</li>"
        "<li>读过哪些文件随存档一起保存，继续游戏时原样恢复。</li>"
        "<li>先读<b>下达任务</b>的通知：它写明指标、期限、报送频次和考核方式。</li></ul>",
        "<p>Tasks and quotas come down level by level, and each level may add a markup. New "
        "documents arrive in the <b>Inbox</b> tab, unread ones in bold with a dot; what your "
        "unit sent itself never counts as unread.</p>"
        "<ul><li>Filter by folder and turn; tick “Unread only” to list only what you have not "
        "read. Opening a document marks that one read, and only that one.</li>"
        "<li>What you have read is kept with the save and restored when you continue.</li>"
        "<li>Read the directive first: it gives the quota, the deadline, how often to report "
        "and how you will be assessed.</li></ul>"),
    "help.page.plan": ("计划", "Plan"),
    "help.text.plan": (
        "<p>在<b>办文</b>页选择本阶段可办的事项，填好后按“办理”。每件事都标明代价：干部时间"
        "（人日）、经费（万元）或政治资本。</p>"
        "<ul><li>上级单位：把指标分解给下级（可以加码，也可以不加），设定报送频次，下去调研、"
        "开座谈会或动员会。调研能提高你对下级真实能力的了解。</li>"
        "<li>乡镇：把本周干部时间分给各项任务和群众诉求，必要时投入少量经费撬动社会资源。"
        "</li></ul>",
        "<p>In the <b>Work</b> tab choose an action open in this phase, fill it in and press "
        "Submit. Each action shows its price: cadre time (cadre-days), funds (10,000 yuan) or "
        "political standing.</p>"
        "<ul><li>A bureau splits its quota among the units below (with a markup or without), "
        "sets how often they report, visits them, holds a symposium or a mobilization meeting. "
        "A visit teaches you what a unit can really do.</li>"
        "<li>A township shares this week's cadre time among its tasks and villagers' needs, "
        "and may spend a little money to lever social resources.</li></ul>"),
    "help.page.report": ("汇报", "Report"),
    "help.text.report": (
        "<p>向上级报送进度、作情况说明（列出可核实的客观原因，可同时提出新目标）、请求协调、"
        "提出调整目标或请求配套政策。</p>"
        "<ul><li>如实汇报可能当下挨批评；虚报、推诿、“做数据”也是可选的动作，但可能被查出，"
        "代价更大。</li><li>上级的每个答复都会说明理由，显示在批复和回合报告里。</li></ul>",
        "<p>Send progress up, explain a shortfall (naming causes the world can confirm, and a "
        "new target if you like), ask for coordination, propose a target or ask for supporting "
        "policy.</p>"
        "<ul><li>An honest shortfall may draw criticism now; falsifying, shifting blame or "
        "colluding are moves too, but they may be found out, at a higher price.</li>"
        "<li>Every answer from above gives its reason, in the reply and in the turn report."
        "</li></ul>"),
    "help.page.respond": ("答复", "Respond"),
    "help.text.respond": (
        "<p>上级单位在这里答复下级的来文。选“答复下级来文”会列出全部待答复的来文：谁、什么事、"
        "所列原因、建议目标，以及你对它能力的估计。</p>"
        "<ul><li>每一行的“决定”已按你掌握的情况给出默认：你的估计支持其说明时同意，并按所请"
        "目标；“做数据”的提议和数据不实的核查默认不同意。</li>"
        "<li>逐行改好后按“全部答复”，每行作一次答复；“本阶段已办”列出答复了谁、什么事、"
        "结果如何。</li><li>此外还可以督导、激励、调整目标或问责。</li></ul>",
        "<p>A bureau answers what came up from below here. “Answer a request” lists every "
        "request waiting: who sent it, what it is, the causes given, the target asked for, and "
        "your own estimate of what that unit can do.</p>"
        "<ul><li>Each row's decision starts from your own judgment: agree (at the target "
        "asked) when your estimate supports the explanation; never agree by default to a "
        "collusion offer or inflated figures.</li>"
        "<li>Change any row, then press “Send the answers”: one answer per row. “Done this phase” "
        "names who was answered, about what, and how.</li>"
        "<li>You may also supervise, reward, adjust a target or hold a unit to account.</li>"
        "</ul>"),
    "help.page.execute": ("执行与考核", "Execution and assessment"),
    "help.text.execute": (
        "<p>答复阶段结束后，各单位按能力、投入、资源和运气完成工作，上级按考核方式评判，"
        "激励兑现，问责落实，下一期指标随之调整。</p>"
        "<ul><li><b>回合报告</b>页列出你每个动作的结果和影响：目标、信任、信息对称、干部时间、"
        "经费和问责。</li><li><b>数据看板</b>和<b>县域地图</b>显示指标如何层层加码、"
        "讨价还价和实际完成。</li></ul>",
        "<p>When the respond phase ends, every unit works according to its capacity, effort, "
        "resources and luck; superiors assess by their regime, incentives are paid, "
        "sanctions fall, and the next targets follow.</p>"
        "<ul><li>The <b>Turn report</b> tab lists each of your moves, its reply and its effect "
        "on targets, trust, information, cadre time, funds and sanctions.</li>"
        "<li>The <b>Dashboard</b> and the <b>Map</b> show quotas escalated, bargained and "
        "delivered.</li></ul>"),
    "help.page.debrief": ("复盘", "Debrief"),
    "help.text.debrief": (
        "<p>对局结束后<b>复盘</b>页开放：先看本单位的得分及其构成，再看全县的各项指标，每项都"
        "可以展开到对局中的事件和论文的依据。</p>"
        "<ul><li>复盘会揭示对局中隐藏的真相：各单位的真实能力、哪些数字和原因不实、是否被"
        "查出。</li><li>可以用同一个种子重玩，比较换一种上级风格、或由电脑代你执政会怎样。"
        "</li></ul>",
        "<p>When the game ends the <b>Debrief</b> tab opens: your unit's score and its parts "
        "first, then the county's indicators, each expandable to the game's events and the "
        "paper's passage behind it.</p>"
        "<ul><li>The debrief reveals what was hidden: true capacities, which figures and "
        "causes were false, and whether they were caught.</li>"
        "<li>Replay the same seed to compare another superior style, or your seat played by "
        "a computer official.</li></ul>"),
})


def picture(page: str, lang: str | None = None) -> Path:
    """The picture of a help page in a language (it may be missing)."""
    return HELP_DIR / (lang or language()) / f"{page}.png"


def page_html(page: str, width: int = MAX_WIDTH) -> str:
    """A help page as HTML: its title, its picture (`width` px wide), what to do, and how a
    turn runs."""
    image = picture(page)
    if image.is_file():
        shot = (f'<p><img src="{QUrl.fromLocalFile(str(image)).toString()}" '
                f'width="{max(MIN_WIDTH, min(MAX_WIDTH, width))}"/></p>')
    else:
        shot = f"<p><i>{tr('help.no_picture', name=image.name)}</i></p>"
    return (f"<h2>{tr(f'help.page.{page}')}</h2>{shot}{tr(f'help.text.{page}')}"
            f"<p style='color:#555'>{tr('help.turn')}</p>")


class HelpDialog(QDialog):
    """The pages on the left, the chosen page on the right; Up/Down or the buttons move on."""

    def __init__(self, parent: QWidget | None = None, page: str = PAGES[0]) -> None:
        super().__init__(parent)
        self.setObjectName("HelpDialog")
        self.pages_label = QLabel()
        self.pages = QListWidget()
        self.pages_label.setBuddy(self.pages)
        self.pages.setMaximumWidth(200)
        self.browser = QTextBrowser(objectName="HelpPage")
        self.browser.setOpenExternalLinks(False)
        self._width = MAX_WIDTH
        self.previous_button, self.next_button = QPushButton(), QPushButton()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        self.buttons.addButton(self.previous_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.next_button, QDialogButtonBox.ButtonRole.ActionRole)
        side = QVBoxLayout()
        side.addWidget(self.pages_label)
        side.addWidget(self.pages, 1)
        body = QHBoxLayout()
        body.addLayout(side)
        body.addWidget(self.browser, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addWidget(self.buttons)
        self.pages.currentRowChanged.connect(self._on_page_changed)
        self.previous_button.clicked.connect(lambda: self._step(-1))
        self.next_button.clicked.connect(lambda: self._step(1))
        self.setTabOrder(self.pages, self.browser)
        follow_language(self, self.retranslate)
        self.retranslate()
        self.show_page(page)
        self.resize(1000, 720)

    @classmethod
    def open_for(cls, parent: QWidget | None, phase: str = "") -> HelpDialog:
        """Show the help (not modal) at the page of the game's phase, the first otherwise."""
        dialog = cls(parent, PAGE_OF_PHASE.get(phase, PAGES[0]))
        dialog.setModal(False)
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        dialog.pages.setFocus()
        return dialog

    def show_page(self, page: str) -> None:
        """Bring a page to the front."""
        self.pages.setCurrentRow(PAGES.index(page) if page in PAGES else 0)

    def current_page(self) -> str:
        """The page shown."""
        return PAGES[max(0, self.pages.currentRow())]

    def _step(self, delta: int) -> None:
        self.pages.setCurrentRow(min(len(PAGES) - 1, max(0, self.pages.currentRow() + delta)))

    def _on_page_changed(self, row: int) -> None:
        if row < 0:
            return
        self._width = self._picture_width()
        self.browser.setHtml(page_html(PAGES[row], self._width))
        self.previous_button.setEnabled(row > 0)
        self.next_button.setEnabled(row < len(PAGES) - 1)

    def _picture_width(self) -> int:
        return self.browser.width() - 48  # the frame, the margins and a scroll bar

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        """The picture follows the page's width."""
        super().resizeEvent(event)
        if abs(self._picture_width() - self._width) > 16:
            self._on_page_changed(self.pages.currentRow())

    def retranslate(self) -> None:
        """Every text in the current language."""
        self.setWindowTitle(tr("help.title"))
        self.pages_label.setText(tr("help.pages"))
        row = max(0, self.pages.currentRow())
        self.pages.blockSignals(True)
        self.pages.clear()
        self.pages.addItems([f"{n}. {tr(f'help.page.{p}')}" for n, p in enumerate(PAGES, 1)])
        self.pages.setCurrentRow(row)
        self.pages.blockSignals(False)
        self.previous_button.setText(tr("help.previous"))
        self.next_button.setText(tr("help.next"))
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setText(tr("help.close"))
        for widget, key in ((self.pages, "help.pages"), (self.browser, "help.page_view"),
                            (self.previous_button, "help.previous"),
                            (self.next_button, "help.next")):
            widget.setAccessibleName(plain(tr(key)))
        self._on_page_changed(row)
