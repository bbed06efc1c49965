"""A turn's account for one seat, as HTML: work done, time spent, judgement, answers."""

from __future__ import annotations

from html import escape
from typing import Any

from game.engine.events import Event
from game.engine.game import Game
from game.engine.state import TIME_CATEGORIES
from game.engine.views import document, stakes, visible_events
from game.ui import documents as paper
from game.ui.i18n import register, tr
from game.ui.lang import number
from game.ui.vocab import task_measure, task_name, unit_name

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
                          "Really done: {delivered}; your true capacity is about {capacity}."),
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

_SECTIONS: dict[str, tuple[str, ...]] = {
    "account.judged": ("assessment", "ranking_published"),
    "account.sanctions": ("accountability", "inspection", "false_cause_detected",
                          "falsification_detected", "collusion", "report_missing",
                          "request_unfounded"),
    "account.rewards": ("incentive",),
    "account.answers": ("request_answered",),
    "account.world": ("world_event", "task_closed", "ratchet", "game_over"),
}


def account_html(game: Game, seat: str, turn: int) -> str:
    """The whole account of `turn` for the seat."""
    events = visible_events(game, seat, turn)
    parts = [f"<h2>{escape(tr('account.title', turn=turn))}</h2>"]
    if turn == game.turn and not game.over:
        parts.append(f"<p><i>{escape(tr('account.not_yet', turn=turn))}</i></p>")
    parts.append(_stakes(game, seat))
    own = [e for e in events if e.actor == seat]
    parts.append(_time(next((e for e in own if e.kind == "unit_turn"), None)))
    parts.append(_work(game, [e for e in own if e.kind == "execution"]))
    for key, kinds in _SECTIONS.items():
        chosen = [e for e in events if e.kind in kinds]
        parts.append(_section(game, seat, key, chosen))
    return "".join(p for p in parts if p)


def _heading(key: str) -> str:
    return f"<h3>{escape(tr(key))}</h3>"


def _stakes(game: Game, seat: str) -> str:
    items = []
    for stake in stakes(game, seat):
        measure = task_measure(game, stake.task)
        line = tr("account.stake_line", task=task_name(game, stake.task), measure=measure,
                  external=number(stake.external), target=number(stake.target),
                  reported=number(stake.reported), deadline=stake.deadline)
        if stake.delivered is not None:
            line += tr("account.stake_own", delivered=number(stake.delivered),
                       capacity=number(stake.capacity))
        subs = "".join(
            f"<li>{escape(tr('account.stake_sub', unit=unit_name(game, s.unit), target=number(s.target), reported=number(s.reported), estimate=number(s.estimate)))}</li>"  # noqa: E501
            for s in stake.subordinates)
        items.append(f"<li>{escape(line)}{f'<ul>{subs}</ul>' if subs else ''}</li>")
    return f"{_heading('account.tasks')}<ul>{''.join(items)}</ul>" if items else ""


def _time(event: Event | None) -> str:
    if event is None:
        return ""
    data: dict[str, Any] = event.data
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


def _work(game: Game, events: list[Event]) -> str:
    if not events:
        return ""
    lines = []
    for event in events:
        values = {k: number(v) for k, v in event.data.items()}
        lines.append(tr("account.work_line", task=task_name(game, event.task),
                        measure=task_measure(game, event.task), **values))
    items = "".join(f"<li>{escape(line)}</li>" for line in lines)
    return f"{_heading('account.work')}<ul>{items}</ul>"


def _section(game: Game, seat: str, key: str, events: list[Event]) -> str:
    if not events:
        return f"{_heading(key)}<p>{escape(tr('account.nothing'))}</p>"
    items = []
    for event in events:
        doc = document(event, seat)
        who = unit_name(game, doc.sender)
        items.append(f"<li><b>{escape(paper.title(doc, game))}</b> "
                     f"<span style='color:#666'>({escape(who)})</span><br/>"
                     f"{escape(paper.body(doc, game))}</li>")
    return f"{_heading(key)}<ul>{''.join(items)}</ul>"
