"""The reveal: after the game, what was hidden — true capacities, false figures and causes
(caught or not), who colluded — each linked to its events. It draws the seat's part of the
debrief (`SeatView.debrief.reveal`, made by game.scoring.debrief.reveal at the game's end)."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QUrl
from PySide6.QtWidgets import QHeaderView, QSplitter, QTableView, QTextBrowser, QVBoxLayout, QWidget

import game.ui.play.documents  # noqa: F401 - registers doc.list_sep, which the reveal's rows use
from game.ui.common.i18n import language, register, tr
from game.ui.common.lang import number
from game.ui.common.vocab import task_measure, task_name, unit_name
from game.ui.debrief.debrief_model import EventDetailModel, event_line

if TYPE_CHECKING:
    from game.workshop.debrief_part import DebriefPart
    from game.workshop.directory import Directory
    from game.workshop.seat_view import SeatView

register({
    "reveal.tab": ("真相揭晓", "The reveal"),
    "reveal.title": ("真相揭晓：隐藏的事实", "The reveal: what was hidden"),
    "reveal.not_over": ("对局结束后，这里会揭晓隐藏的事实：各单位的真实能力、哪些数字和原因是假的、"
                        "是否被发现、谁共谋。",
                        "When the game ends, this page reveals what was hidden: each unit's true "
                        "capacity, which figures and causes were false and whether they were "
                        "caught, and who colluded."),
    "reveal.intro": ("点击事件编号（#）可在下方查看该事件的全部内容，包括当时隐藏的真相。",
                     "Click an event number (#) to see that event in full below, with the truth "
                     "that was hidden at the time."),
    "reveal.figures": ("虚报的数字（{n} 次，其中被发现 {k} 次）",
                       "False figures ({n}, of which {k} caught)"),
    "reveal.requests": ("不实的说明与请求（{n} 份，其中被识破 {k} 份）",
                        "Untrue explanations and requests ({n}, of which {k} seen through)"),
    "reveal.collusions": ("共谋（{n} 次）", "Collusion ({n})"),
    "reveal.capacities": ("真实能力与上级的估计", "True capacities and the superiors' estimates"),
    "reveal.none": ("无。", "None."),
    "reveal.you": ("（你）", " (you)"),
    "reveal.col.turn": ("回合", "Turn"),
    "reveal.col.unit": ("单位", "Unit"),
    "reveal.col.superior": ("上级", "Superior"),
    "reveal.col.task": ("任务", "Task"),
    "reveal.col.overstate": ("虚报数", "Overstated"),
    "reveal.col.outcome": ("结果", "Outcome"),
    "reveal.col.events": ("事件", "Events"),
    "reveal.col.what": ("事由", "What"),
    "reveal.col.untrue": ("不实之处", "What was untrue"),
    "reveal.col.amount": ("数额", "Amount"),
    "reveal.col.how": ("方式", "How"),
    "reveal.col.capacity": ("真实能力", "True capacity"),
    "reveal.col.estimate": ("上级的估计", "Superior's estimate"),
    "reveal.col.target": ("目标", "Target"),
    "reveal.col.delivered": ("实际完成", "Delivered"),
    "reveal.col.reported": ("上报", "Reported"),
    "reveal.caught.check": ("被上级核查发现", "caught by the superior's check"),
    "reveal.caught.inspection": ("被跨级督查发现", "caught by a cross-level inspection"),
    "reveal.not_caught": ("未被发现", "never caught"),
    "reveal.seen_through": ("被识破", "seen through"),
    "reveal.not_seen": ("未被识破", "not seen through"),
    "reveal.granted": ("，上级仍同意", "; the superior agreed"),
    "reveal.refused": ("，上级未同意", "; not granted"),
    "reveal.lowball": ("所提目标比真实能力低 {pct}%", "target asked {pct}% below true capacity"),
    "reveal.untrue.request_coordination": ("并无超出本单位能力的问题",
                                           "no problem beyond the unit's reach"),
    "reveal.untrue.request_policy": ("目标并未超出真实能力", "the target did not exceed its "
                                     "true capacity"),
    "reveal.untrue.propose_target": ("没有可证实的原因", "no cause the facts confirm"),
    "reveal.untrue.default": ("所述不实", "untrue"),
    "reveal.how.proposed": ("接受下级“做数据”的提议", "took up a proposal to inflate figures"),
    "reveal.how.condoned": ("发现虚报后仍照报上级", "let a false figure it found stand"),
    "reveal.kind.explain_shortfall": ("情况说明", "explanation"),
    "reveal.kind.propose_target": ("调整目标请示", "target proposal"),
    "reveal.kind.request_coordination": ("协调请示", "coordination request"),
    "reveal.kind.request_policy": ("配套政策请示", "policy request"),
    "reveal.event_table": ("所选事件的详情", "The chosen event in full"),
    "reveal.body": ("真相揭晓", "The reveal"),
})


def reveal_html(names: Directory | None, part: DebriefPart | None, seat: str) -> str:
    """The reveal of a seat's part of the debrief as HTML (a note while there is no part:
    the game goes on); event numbers link as event:SEQ."""
    if part is None or names is None:
        return f"<p>{escape(tr('reveal.not_over'))}</p>"
    data = part.reveal
    figures, requests = data["false_figures"], data["false_requests"]
    ctx = (names, part, seat)
    parts = [f"<h2>{escape(tr('reveal.title'))}</h2>",
             f"<p style='color:#4b5563'>{escape(tr('reveal.intro'))}</p>",
             _heading("reveal.figures", n=len(figures), k=sum(r["caught"] for r in figures)),
             _table(("turn", "unit", "task", "overstate", "outcome", "events"),
                    [_figure_row(ctx, r) for r in _mine_first(figures, seat)]),
             _heading("reveal.requests", n=len(requests), k=sum(r["caught"] for r in requests)),
             _table(("turn", "unit", "what", "untrue", "outcome", "events"),
                    [_request_row(ctx, r) for r in _mine_first(requests, seat)]),
             _heading("reveal.collusions", n=len(data["collusions"])),
             _table(("turn", "superior", "unit", "task", "amount", "how", "events"),
                    [_collusion_row(ctx, r) for r in data["collusions"]]),
             f"<h3>{escape(tr('reveal.capacities'))}</h3>",
             _table(("task", "unit", "capacity", "estimate", "target", "delivered", "reported"),
                    [_capacity_row(ctx, r) for r in _mine_first(data["capacities"], seat)])]
    return "".join(parts)


#: What a reveal row is drawn with: the directory, the part (for event lines) and the seat.
Context = tuple["Directory", "DebriefPart", str]


def _heading(key: str, **values: Any) -> str:
    return f"<h3>{escape(tr(key, **values))}</h3>"


def _mine_first(rows: list[dict[str, Any]], seat: str) -> list[dict[str, Any]]:
    return sorted(rows, key=lambda r: seat not in (r.get("unit"), r.get("superior")))


def _table(columns: tuple[str, ...], rows: list[list[str]]) -> str:
    if not rows:
        return f"<p>{escape(tr('reveal.none'))}</p>"
    head = "".join(f"<th align='left'>{escape(tr(f'reveal.col.{c}'))}</th>" for c in columns)
    body = "".join("<tr>" + "".join(f"<td valign='top'>{cell}</td>" for cell in row) + "</tr>"
                   for row in rows)
    return (f"<table width='100%' cellspacing='0' cellpadding='3' border='1' "
            f"style='border-color:#bbb'><tr>{head}</tr>{body}</table>")


def _who(ctx: Context, unit: str) -> str:
    names, _, seat = ctx
    name = escape(unit_name(names, unit))
    return f"<b>{name}{escape(tr('reveal.you'))}</b>" if unit == seat else name


def _links(ctx: Context, seqs: list[int]) -> str:
    names, part, _ = ctx
    return " ".join(f"<a href='event:{s}' title='{escape(event_line(names, part, s))}'>#{s}</a>"
                    for s in seqs)


def _figure_row(ctx: Context, row: dict[str, Any]) -> list[str]:
    names = ctx[0]
    measure = task_measure(names, row["task"])
    if row["caught"]:
        outcome = escape(tr(f"reveal.caught.{row['how']}"))
    else:
        outcome = f"<span style='color:#b3261e'><b>{escape(tr('reveal.not_caught'))}</b></span>"
    return [str(row["turn"]), _who(ctx, row["unit"]), escape(task_name(names, row["task"])),
            escape(_amount(row["overstate"], measure)), outcome, _links(ctx, row["events"])]


def _request_row(ctx: Context, row: dict[str, Any]) -> list[str]:
    untrue = [tr(f"cause.{c}") for c in row["causes"]]
    if row["lowball"]:
        untrue.append(tr("reveal.lowball", pct=f"{100 * row['lowball']:.0f}"))
    if not untrue:
        key = f"reveal.untrue.{row['kind']}"
        try:
            untrue.append(tr(key))
        except KeyError:
            untrue.append(tr("reveal.untrue.default"))
    verdict = tr("reveal.seen_through") if row["caught"] else tr("reveal.not_seen")
    verdict += tr("reveal.granted") if row["accepted"] else tr("reveal.refused")
    colour = "#b3261e" if row["accepted"] else "#1f2937"
    return [str(row["turn"]), _who(ctx, row["unit"]),
            escape(tr(f"reveal.kind.{row['kind']}")), escape(tr("doc.list_sep").join(untrue)),
            f"<span style='color:{colour}'>{escape(verdict)}</span>", _links(ctx, row["events"])]


def _collusion_row(ctx: Context, row: dict[str, Any]) -> list[str]:
    names = ctx[0]
    measure = task_measure(names, row["task"])
    return [str(row["turn"]), _who(ctx, row["superior"]), _who(ctx, row["unit"]),
            escape(task_name(names, row["task"])), escape(_amount(row["amount"], measure)),
            escape(tr(f"reveal.how.{row['how']}")), _links(ctx, row["events"])]


def _amount(value: float, measure: str) -> str:
    return f"{number(value)}{measure}" if language() == "zh" else f"{number(value)} {measure}"


def _capacity_row(ctx: Context, row: dict[str, Any]) -> list[str]:
    return [escape(task_name(ctx[0], row["task"])), _who(ctx, row["unit"]),
            *(escape(number(row[k])) for k in ("capacity", "estimate", "target", "delivered",
                                                  "reported"))]


class RevealPage(QWidget):
    """The reveal's page: the tables above, the chosen event in full below."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view: SeatView | None = None
        self.browser = QTextBrowser(objectName="Paper")
        self.browser.setOpenLinks(False)
        self.browser.anchorClicked.connect(self._on_link)
        self.events = EventDetailModel(self)
        self.event_table = QTableView()
        self.event_table.setModel(self.events)
        self.event_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.event_table.verticalHeader().setVisible(False)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.browser)
        splitter.addWidget(self.event_table)
        splitter.setSizes([520, 180])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

    def show_view(self, view: SeatView) -> None:
        """Draw the reveal of the seat's view (a note while the game goes on)."""
        self.view = view
        self.browser.setHtml(reveal_html(view.directory, view.debrief, view.seat))
        self.browser.setAccessibleName(tr("reveal.body"))
        self.event_table.setAccessibleName(tr("reveal.event_table"))
        self.events.set_event(view.directory, None)

    def show_event(self, seq: int) -> None:
        """Show one linked event of the log in full (the truth included: the game is over)."""
        part = self.view.debrief if self.view is not None else None
        event = part.event(seq) if part is not None else None
        if event is not None and self.view is not None:
            self.events.set_event(self.view.directory, event)

    def _on_link(self, url: QUrl) -> None:
        scheme, _, rest = url.toString().partition(":")
        if scheme == "event" and rest.isdigit():
            self.show_event(int(rest))
