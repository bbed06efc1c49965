"""A turn's account for one seat, as HTML: work done, time spent, judgement, answers.

Drawn from the seat's view alone (`SeatView.history`'s turn reports, its stakes and its
directory of names), so a local game and a remote table give the same account.
"""

from __future__ import annotations

from html import escape
from typing import Any

from game.engine.effects import MoveEffect, TurnEffects
from game.engine.state import TIME_CATEGORIES
from game.engine.views import Document, Stake
from game.ui.common.i18n import register, tr
from game.ui.common.lang import number
from game.ui.common.vocab import task_measure, task_name, unit_name
from game.ui.play import documents as paper
from game.workshop.directory import Directory
from game.workshop.seat_view import SeatView

register({
    "account.title": ("第 {turn} 回合工作情况", "Turn {turn}: what happened"),
    "account.not_yet": ("第 {turn} 回合尚未结束，以下是到目前为止的情况。",
                        "Turn {turn} is not over yet; this is what has happened so far."),
    "account.tasks": ("任务现状（截至目前）", "Your tasks now"),
    "account.stake_line": ("{task}：下达指标 {external}{measure}，现目标 {target}，"
                           "已上报 {reported}，第 {deadline} 回合截止。",
                           "{task}: quota {external} {measure}, target now {target}, "
                           "{reported} on the record; due by turn {deadline}."),
    "account.stake_own": ("本单位实际完成 {delivered}，真实能力约 {capacity}。",
                          " Really done: {delivered}; your true capacity is about {capacity}."),
    "account.stake_sub": ("{unit}：目标 {target}，已上报 {reported}，你估计其能力约 {estimate}。",
                          "{unit}: target {target}, {reported} reported; you estimate it can "
                          "do about {estimate}."),
    "account.time": ("干部时间", "Cadre time"),
    "account.time_line": ("共 {cadre} 人日，实际使用 {used} 人日，负荷 {load}%，形式主义占比 "
                          "{formal}%，士气 {morale}，经费 {funds} 万元，政治资本 {standing}。",
                          "{cadre} cadre-days available, {used} used: workload {load}%, "
                          "formalities {formal}%, morale {morale}, funds {funds}, standing "
                          "{standing}."),
    "account.spent": ("时间去向", "Where the time went"),
    "account.local_line": ("群众诉求：需要 {required} 人日，实际给了 {given} 人日。",
                           "Villagers' needs: {required} cadre-days called for, {given} given."),
    "account.work": ("执行情况", "Work done"),
    "account.work_line": ("{task}：本回合完成 {output}{measure}（其中撬动社会资源 {levered}），"
                          "投入 {time} 人日，其中只留痕 {paper} 人日；累计 {delivered} / 目标 "
                          "{target}（下达指标 {external}）。",
                          "{task}: {output} {measure} this turn ({levered} levered from "
                          "society), {time} cadre-days of work of which {paper} on paper only; "
                          "{delivered} so far against a target of {target} (quota {external})."),
    "account.judged": ("考核与通报", "Assessment"),
    "account.sanctions": ("问责与核查", "Accountability and checks"),
    "account.rewards": ("激励", "Incentives"),
    "account.answers": ("答复", "Answers"),
    "account.world": ("外部情况与任务", "The world and the tasks"),
    "account.moves": ("本回合你的行动带来的变化", "What your moves changed"),
    "account.no_moves": ("本回合你没有采取行动。", "You made no move this turn."),
    "account.col.move": ("行动", "Move"),
    "account.col.reply": ("答复与理由", "Reply and reason"),
    "account.col.change": ("带来的变化", "What it changed"),
    "account.to": ("致{unit}", "to {unit}"),
    "account.finding": ("{title}：{body}", "{title}: {body}"),
    "account.waiting": ("尚待答复。", "Awaiting an answer."),
    "account.no_reply": ("（无需答复）", "(no reply needed)"),
    "account.totals": ("本回合行动共用干部时间 {days} 人日；经费 {before} → {after} 万元；"
                       "你受到问责 {sanctions} 次。",
                       "Your moves took {days} cadre-days; funds {before} → {after} (10,000 "
                       "yuan); accountability against you: {sanctions}."),
    "account.relations": ("本回合的信任与信息对称度", "Trust and information symmetry this turn"),
    "account.col.relation": ("谁对谁", "Who → whom"),
    "account.col.trust": ("信任", "Trust"),
    "account.col.symmetry": ("信息对称度", "Information symmetry"),
    "account.relation_up": ("{unit}对你", "{unit} → you"),
    "account.relation_down": ("你对{unit}", "You → {unit}"),
    "change.cadre_days": ("干部时间 −{value} 人日", "cadre time −{value} cadre-days"),
    "change.funds": ("经费 {value} 万元", "funds {value} (10,000 yuan)"),
    "change.standing": ("政治资本 {value}", "standing {value}"),
    "change.target": ("目标 {old} → {new}{measure}", "target {old} → {new} {measure}"),
    "change.grace_until": ("进度宽限至第 {value} 回合", "pace tolerated until turn {value}"),
    "change.relief": ("外部事务减轻约 {value} 人日", "outside burden eased by about {value} "
                      "cadre-days"),
    "change.capacity_added": ("新增完成能力约 {value}{measure}", "capacity +{value} {measure}"),
    "change.figure": ("上报累计 {value}{measure}", "on the record: {value} {measure}"),
    "change.pace": ("考核进度 {value}%", "assessed pace {value}%"),
    "change.trust": ("信任 {value} 个百分点", "trust {value} points"),
    "change.symmetry": ("信息对称度 +{value} 个百分点", "information symmetry +{value} points"),
    "change.sanctions": ("问责 {value} 次", "sanctions: {value}"),
    "change.levered": ("撬动社会资源约 {value}{measure}", "about {value} {measure} levered from "
                       "society"),
    "change.output": ("{task}完成 {value}{measure}", "{task}: {value} {measure} done"),
    "change.paper": ("只留痕 {value} 人日", "{value} cadre-days on paper only"),
    "change.morale_gain": ("对方士气 +{value}", "their morale +{value}"),
    "change.none": ("无可见变化", "no visible change"),
    "account.nothing": ("无。", "None."),
    "account.no_turn": ("还没有完成的回合。结束第一个回合后，这里会列出本回合的情况。",
                        "No turn has finished yet. After the first turn ends, its account "
                        "appears here."),
    "time.reports": ("报表", "reports"),
    "time.rework": ("返工整改", "rework"),
    "time.meetings": ("会议调研", "meetings"),
    "time.talk": ("沟通协商", "talks"),
    "time.work": ("实际工作", "real work"),
    "time.paper": ("只留痕", "paper only"),
    "time.local": ("群众诉求", "villagers' needs"),
    "time.outside": ("外部事务", "outside problems"),
})

#: The report's sections (`game.workshop.turn_report.SECTIONS`) and their headings.
_HEADINGS = {"judged": "account.judged", "sanctions": "account.sanctions",
             "rewards": "account.rewards", "answers": "account.answers",
             "world": "account.world"}


def account_html(view: SeatView, turn: int) -> str:
    """The whole account of `turn` for the seat whose view this is (from `view.history`)."""
    names = _names(view)
    report = view.history.report(turn) if view.history is not None else None
    parts = [f"<h2>{escape(tr('account.title', turn=turn))}</h2>"]
    if report is None:
        return parts[0] + f"<p>{escape(tr('account.nothing'))}</p>"
    if not report.finished:
        parts.append(f"<p><i>{escape(tr('account.not_yet', turn=turn))}</i></p>")
    parts.append(moves_html(view, view.seat, report.effects))
    parts.append(_stakes(names, view.stakes))
    parts.append(_time(report.time))
    parts.append(_work(names, report.work))
    for key, heading in _HEADINGS.items():
        parts.append(_section(view, heading, report.sections.get(key, [])))
    return "".join(p for p in parts if p)


def _names(view: SeatView) -> Directory:
    """The public names the view carries (a session always fills in the directory)."""
    if view.directory is None:
        raise LookupError("the seat's view lacks the game's directory")
    return view.directory


def _heading(key: str) -> str:
    return f"<h3>{escape(tr(key))}</h3>"


def _stakes(names: Directory, stakes: list[Stake]) -> str:
    items = []
    for stake in stakes:
        measure = task_measure(names, stake.task)
        line = tr("account.stake_line", task=task_name(names, stake.task), measure=measure,
                  external=number(stake.external), target=number(stake.target),
                  reported=number(stake.reported), deadline=stake.deadline)
        if stake.delivered is not None:
            line += tr("account.stake_own", delivered=number(stake.delivered),
                       capacity=number(stake.capacity))
        subs = "".join(
            f"<li>{escape(tr('account.stake_sub', unit=unit_name(names, s.unit), target=number(s.target), reported=number(s.reported), estimate=number(s.estimate)))}</li>"  # noqa: E501
            for s in stake.subordinates)
        items.append(f"<li>{escape(line)}{f'<ul>{subs}</ul>' if subs else ''}</li>")
    return f"{_heading('account.tasks')}<ul>{''.join(items)}</ul>" if items else ""


def _time(doc: Document | None) -> str:
    if doc is None:
        return ""
    data: dict[str, Any] = doc.data
    spent = data.get("spent", {})
    used = sum(spent.values())
    line = tr("account.time_line", cadre=number(data["cadre_time"]), used=number(used),
              load=number(100 * data["overload"]), formal=number(100 * data["formalism"]),
              morale=number(data["morale"], 2), funds=number(data["funds"]),
              standing=number(data["standing"]))
    rows = "".join(
        f"<tr><td>{escape(tr(f'time.{cat}'))}</td><td align='right'>{number(spent[cat])}</td></tr>"
        for cat in (*TIME_CATEGORIES, "outside") if spent.get(cat))
    table = (f"<table cellspacing='0' cellpadding='3' border='1' style='border-color:#bbb'>"
             f"<tr><th colspan='2'>{escape(tr('account.spent'))}</th></tr>{rows}</table>")
    local = ""
    if data.get("local_required"):
        local = f"<p>{escape(tr('account.local_line', required=number(data['local_required']), given=number(data['local_given'])))}</p>"  # noqa: E501
    return f"{_heading('account.time')}<p>{escape(line)}</p>{table}{local}"


def _work(names: Directory, docs: list[Document]) -> str:
    if not docs:
        return ""
    lines = []
    for doc in docs:
        values = {k: number(v) for k, v in doc.data.items()}
        lines.append(tr("account.work_line", task=task_name(names, doc.task),
                        measure=task_measure(names, doc.task), **values))
    items = "".join(f"<li>{escape(line)}</li>" for line in lines)
    return f"{_heading('account.work')}<ul>{items}</ul>"


def _section(view: SeatView, key: str, docs: list[Document]) -> str:
    if not docs:
        return f"{_heading(key)}<p>{escape(tr('account.nothing'))}</p>"
    items = []
    for doc in docs:
        who = unit_name(_names(view), doc.sender)
        items.append(f"<li><b>{escape(_title(doc, view))}</b> "
                     f"<span style='color:#666'>({escape(who)})</span><br/>"
                     f"{escape(_body(doc, view))}</li>")
    return f"{_heading(key)}<ul>{''.join(items)}</ul>"


def _title(doc: Document, view: SeatView) -> str:
    return paper.title(doc, view)


def _body(doc: Document, view: SeatView) -> str:
    return paper.body(doc, view)


# ----- what your moves changed ---------------------------------------------------------------


def moves_html(view: SeatView, seat: str, effects: TurnEffects) -> str:
    """The opening section: each move, its reply with the reason, and what it changed."""
    head = _heading("account.moves")
    totals = _totals(_names(view), seat, effects)
    if not effects.moves:
        return f"{head}<p>{escape(tr('account.no_moves'))}</p>{totals}"
    cells = "".join(f"<th align='left'>{escape(tr(k))}</th>" for k in
                    ("account.col.move", "account.col.reply", "account.col.change"))
    rows = "".join(_move_row(view, seat, m) for m in effects.moves)
    return (f"{head}<table width='100%' cellspacing='0' cellpadding='4' border='1' "
            f"style='border-color:#bbb'><tr>{cells}</tr>{rows}</table>{totals}")


def _move_row(view: SeatView, seat: str, effect: MoveEffect) -> str:
    doc, names = effect.move, _names(view)
    what = f"<b>{escape(_title(doc, view))}</b>"
    other = doc.recipient if doc.recipient and doc.recipient != seat else ""
    if other:
        what += f"<br/><span style='color:#666'>{escape(tr('account.to', unit=unit_name(names, other)))}</span>"  # noqa: E501
    if effect.move_kind == "answer":
        reply = escape(_body(doc, view))
    elif effect.replies:
        reply = "<br/>".join(
            tr("account.finding", title=f"<b>{escape(_title(r, view))}</b>",
               body=escape(_body(r, view)))
            if r.kind != "request_answered" else escape(_body(r, view))
            for r in effect.replies)
    elif "request" in doc.data:
        reply = escape(tr("account.waiting"))
    else:
        reply = f"<span style='color:#666'>{escape(tr('account.no_reply'))}</span>"
    return (f"<tr><td valign='top'>{what}</td><td valign='top'>{reply}</td>"
            f"<td valign='top'>{escape(change_text(names, effect))}</td></tr>")


def change_text(names: Directory, effect: MoveEffect) -> str:
    """What one move changed, as a list of short phrases (its cost first); names from the
    seat view's directory."""
    measure = task_measure(names, effect.move.task)
    phrases = []
    for key, value in effect.changes.items():
        if key == "cadre_days" and not value:
            continue
        if key == "target":
            phrases.append(tr("change.target", old=number(value[0]), new=number(value[1]),
                              measure=measure))
        elif key == "output":
            phrases += [tr("change.output", task=task_name(names, t), value=number(v),
                           measure=task_measure(names, t)) for t, v in value.items()]
        elif key in ("trust", "symmetry"):
            shown = number(100 * value, 0) if key == "symmetry" else _signed(100 * value, 0)
            phrases.append(tr(f"change.{key}", value=shown))
        elif key == "pace":
            phrases.append(tr("change.pace", value=number(100 * float(value))))
        elif key in ("grace_until", "sanctions"):
            phrases.append(tr(f"change.{key}", value=value))
        elif key in ("funds", "standing"):
            phrases.append(tr(f"change.{key}", value=_signed(float(value))))
        elif value is not None:
            phrases.append(tr(f"change.{key}", value=number(float(value), 2 if key ==
                                                            "morale_gain" else 1),
                              measure=measure))
    return tr("doc.list_sep").join(phrases) or tr("change.none")


def _totals(names: Directory, seat: str, effects: TurnEffects) -> str:
    before, after = effects.funds
    line = tr("account.totals", days=number(effects.cadre_days), before=number(before),
              after=number(after), sanctions=effects.sanctions_received)
    rows = []
    for rel in effects.relations:
        up = rel.subordinate == seat
        who = tr("account.relation_up" if up else "account.relation_down",
                 unit=unit_name(names, rel.superior if up else rel.subordinate))
        rows.append(f"<tr><td>{escape(who)}</td>"
                    f"<td>{_moved(rel.trust_before, rel.trust_after)}</td>"
                    f"<td>{_moved(rel.symmetry_before, rel.symmetry_after)}</td></tr>")
    table = ""
    if rows:
        head = "".join(f"<th align='left'>{escape(tr(k))}</th>" for k in (
            "account.col.relation", "account.col.trust", "account.col.symmetry"))
        table = (f"<p><b>{escape(tr('account.relations'))}</b></p>"
                 f"<table cellspacing='0' cellpadding='3' border='1' style='border-color:#bbb'>"
                 f"<tr>{head}</tr>{''.join(rows)}</table>")
    return f"<p>{escape(line)}</p>{table}"


def _moved(before: float | None, after: float | None) -> str:
    """A share before and after the turn; a fall in red."""
    text = escape(f"{_pct(before)} → {_pct(after)}")
    fell = before is not None and after is not None and round(after, 2) < round(before, 2)
    return f"<span style='color:#b3261e'>{text}</span>" if fell else text


def _signed(value: float, digits: int = 1) -> str:
    """A change with its sign (a true minus sign, as the cost phrases use)."""
    text = number(abs(value), digits)
    return f"−{text}" if value < 0 else f"+{text}"


def _pct(value: float | None) -> str:
    return "—" if value is None else f"{100 * value:.0f}%"
