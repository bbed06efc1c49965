"""The debrief as text: the details pane, Figure 1's bars and reading, and the PDF's HTML."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt

import game.ui.common.unit_model  # noqa: F401 - registers map.bureau.*, which Figure 1 names
from game.ui.common.i18n import language, register, tr
from game.ui.common.lang import number, text_of
from game.ui.common.vocab import unit_name
from game.ui.debrief.debrief_model import (
    GROUPS,
    Node,
    event_line,
    format_value,
    seat_title,
    section_label,
)
from game.ui.debrief.debrief_reveal import reveal_html

if TYPE_CHECKING:
    from game.ui.debrief.compare_model import CompareModel
    from game.workshop.debrief_part import DebriefPart
    from game.workshop.directory import Directory
    from game.workshop.seat_view import SeatView

register({
    "fig1.original": ("真实目标", "original target"),
    "fig1.level_one": ("下达到{kind}", "to the {kind}"),
    "fig1.level_many": ("下达到各{kind}（合计）", "{kind} total"),
    "fig1.negotiated": ("协商后目标", "negotiated"),
    "fig1.delivered": ("实际完成", "delivered"),
    "fig1.reported": ("上报", "reported"),
    "fig1.role.original": ("真实目标", "original target"),
    "fig1.role.escalated": ("逐级加码后的指标", "quota escalated level by level"),
    "fig1.role.negotiated": ("协商后目标", "negotiated target"),
    "fig1.role.delivered": ("实际完成", "delivered"),
    "fig1.role.reported": ("上报数", "reported"),
    "fig1.role.original_line": ("真实目标线", "original target line"),
    "fig1.summary": ("层层加码 {markup}（+{pct}%）；讨价还价让出 {bargained}；完成量为真实目标的 "
                     "{done}%。{verdict}",
                     "Markup added {markup} (+{pct}%); bargained away {bargained}; delivered "
                     "{done}% of the original target. {verdict}"),
    "fig1.covered": ("加码覆盖了协商让出的部分：协商后的目标仍不低于真实目标（论文图1）。",
                     "The markup covered what was bargained away: the negotiated target still "
                     "held the real one (the paper's Figure 1)."),
    "fig1.not_covered": ("协商后的目标已低于真实目标：让出的超过了加码。",
                         "The negotiated target fell below the real one: more was bargained away "
                         "than the markup added."),
    "html.title": ("复盘报告：{title}", "Debrief: {title}"),
    "html.meta": ("扮演：{seat}；种子 {seed}；上级风格 {sup}；下级风格 {sub}；第 {turn} 回合",
                  "Played as {seat}; seed {seed}; superiors {sup}; subordinates {sub}; turn "
                  "{turn}"),
    "html.rules": ("规则", "Rules"),
    "html.measured": ("测得 {value}", "measured {value}"),
    "html.contribution": ("贡献 {value}", "contribution {value}"),
    "html.weight": ("权重 {value}", "weight {value}"),
    "html.citation": ("论文依据（{section}）", "The paper ({section})"),
    "html.evidence": ("证据：{events}", "Evidence: {events}"),
    "html.figure": ("图1：加码与协商", "Figure 1: markup and bargaining"),
    "html.compare": ("公平对比", "Fair comparisons"),
    "html.seat": ("你的席位：{unit} — {score}", "Your seat: {unit} — {score}"),
    "html.county": ("全县的评分报告", "The county's report"),
    "html.original": ("原文：{quote}", "Original: {quote}"),
    "html.fired": ("✓ 触发", "✓ fired"),
    "html.not_fired": ("· 未触发", "· not fired"),
    "html.not_measured": ("本局没有可衡量的事件", "nothing to measure in this game"),
})


def _depths(names: Directory, task: str) -> dict[int, list[str]]:
    entry = names.task(task)
    depths: dict[int, list[str]] = {}
    for unit in (*entry.owners, *entry.carriers) if entry is not None else ():
        depth, cursor = 0, names.superior(unit, task)
        while cursor is not None:
            depth, cursor = depth + 1, names.superior(cursor, task)
        depths.setdefault(depth, []).append(unit)
    return depths


def _kind(names: Directory, unit: str) -> str:
    """The unit's kind in the current language (a bureau by the government it belongs to)."""
    entry = names.unit(unit)
    if entry is None:
        return unit
    parent = names.unit(entry.parent) if entry.parent is not None else None
    if entry.kind == "bureau" and parent is not None:
        return tr(f"map.bureau.{parent.kind}")
    return tr(f"kind.{entry.kind}")


def figure_bars(names: Directory, task: str, figures: dict[str, Any]) -> tuple[
        list[tuple[str, float, str]], dict[str, str]]:
    """Figure 1's bars (label, value, role) and the roles' names for the legend."""
    depths = _depths(names, task)
    bars = [(tr("fig1.original"), float(figures["original"]), "original")]
    for depth, value in enumerate(figures.get("escalated", [])):
        units = depths.get(depth, [])
        key = "fig1.level_one" if len(units) == 1 else "fig1.level_many"
        kind = (_kind(names, units[0]) if len(units) == 1 else
                tr(f"kind.{_unit_kind(names, units[0])}")) if units else str(depth + 1)
        bars.append((tr(key, kind=kind), float(value), "escalated"))
    for role in ("negotiated", "delivered", "reported"):
        if role in figures:
            bars.append((tr(f"fig1.{role}"), float(figures[role]), role))
    roles = {r: tr(f"fig1.role.{r}") for r in ("original", "escalated", "negotiated",
                                                "delivered", "reported", "original_line")}
    return bars, roles


def _unit_kind(names: Directory, unit: str) -> str:
    entry = names.unit(unit)
    return entry.kind if entry is not None else "county"


def figure_summary(figures: dict[str, Any]) -> str:
    """One sentence reading Figure 1: the markup, what was bargained away, what was done."""
    original = float(figures["original"]) or 1.0
    top = float(figures["escalated"][-1]) if figures.get("escalated") else original
    negotiated = float(figures.get("negotiated", top))
    verdict = tr("fig1.covered") if negotiated >= original else tr("fig1.not_covered")
    pct = f"{100 * (top / original - 1):.0f}"
    return tr("fig1.summary", markup=number(top - original), pct=pct,
              bargained=number(top - negotiated),
              done=f"{100 * float(figures.get('delivered', 0.0)) / original:.1f}",
              verdict=verdict)


# ----- the details pane -----------------------------------------------------------------------


def details_html(node: Node, part: DebriefPart, names: Directory | None) -> str:
    """HTML for the entry chosen in the report tree."""
    payload, lang = node.payload, language()
    if node.kind == "group":
        rows = [i for i in part.indicators.values() if i["group"] == payload]
        return f"<h2>{escape(tr(f'debrief.group.{payload}'))}</h2>" + "".join(
            f"<p><b>{escape(i['label'][lang])}</b>: {format_value(i['value'], i['unit'])}</p>"
            for i in rows)
    if node.kind == "rule":
        return _rule_html(payload, lang)
    if node.kind == "citation":
        return _citation_html(payload)
    if node.kind == "seat":
        return _seat_html(node.payload, lang, heading="h2", names=names)
    if node.kind == "part":
        return _part_html(payload, lang, heading="h2")
    return _indicator_html(payload, lang)


def _seat_html(seat: dict[str, Any], lang: str, heading: str = "h2",
               parts_heading: str = "p", names: Directory | None = None) -> str:
    head = (f"<{heading}>{escape(seat_title(names, seat))} "
            f"{format_value(seat['score'], 'score')}</{heading}>")
    return head + "".join(_part_html(part, lang, heading=parts_heading)
                          for part in seat["indicators"].values())


def _part_html(part: dict[str, Any], lang: str, heading: str = "p",
               citation: bool = True) -> str:
    title = f"{part['label'][lang]} — {format_value(part['value'], 'score')}"
    text = (f"<{heading}><b>{escape(title)}</b></{heading}>"
            f"<p>{escape(part['explanation'][lang])}</p>")
    return text + (_citation_html(part["citation"], small=heading == "p") if citation else "")


def _indicator_html(indicator: dict[str, Any], lang: str) -> str:
    description = indicator.get("description", {}).get(lang, "")
    parts = [f"<h2>{escape(indicator['label'][lang])} — "
             f"{format_value(indicator['value'], indicator['unit'])}</h2>",
             f"<p>{escape(description)}</p>" if description else "",
             f"<h3>{escape(tr('html.rules'))}</h3>",
             "".join(_rule_html(rule, lang, heading=False) for rule in indicator["rules"]),
             _citation_html(indicator["citation"])]
    return "".join(parts)


def _rule_html(rule: dict[str, Any], lang: str, heading: bool = True) -> str:
    mark = "✓" if rule["fired"] else "·"
    facts = " · ".join((
        tr("html.fired") if rule["fired"] else tr("html.not_fired"),
        tr("html.measured", value=_rounded(rule["measured"])),
        tr("html.contribution", value=f"{rule['contribution']:+.1f}"),
        tr("html.weight", value=_rounded(rule.get("weight")))))
    tag = "h3" if heading else "p"
    text = (f"<{tag}>{mark} {escape(rule['explanation'][lang])}</{tag}>"
            f"<p style='color:#4b5563'>{escape(facts)}</p>")
    if heading and rule.get("citation"):
        text += _citation_html(rule["citation"])
    return text


def _rounded(value: Any) -> str:
    """A measure as read: at most two decimals; — when there is none."""
    if value is None:
        return tr("html.not_measured")
    if isinstance(value, float):
        return f"{value:,.2f}".rstrip("0").rstrip(".")
    return str(value)


def _citation_html(citation: dict[str, Any], small: bool = False) -> str:
    """The paper's passage; in English mode the translation with the original beside it."""
    title = escape(tr("html.citation", section=section_label(citation["section"])))
    head = f"<p style='color:#4b5563'><i>{title}</i></p>" if small else f"<h3>{title}</h3>"
    english = citation.get("quote_en") if language() == "en" else None
    if not english:
        return f"{head}<blockquote>{escape(citation['quote'])}</blockquote>"
    original = escape(tr("html.original", quote=citation["quote"]))
    return (f"{head}<blockquote>{escape(english)}</blockquote>"
            f"<blockquote style='color:#4b5563'>{original}</blockquote>")


# ----- the PDF -------------------------------------------------------------------------------


def report_html(view: SeatView, figure_texts: dict[str, str], compare: CompareModel | None,
                extra: str = "") -> str:
    """The seat's debrief as one HTML page (Figure 1 images as figure1://TASK resources): the
    seat's own score and its parts first, then the county's report with every rule (fired or
    not), Figure 1, the comparisons when made, the reveal, and `extra` (HTML) at the end.
    Everything comes from the seat's view (`view.debrief`, `view.directory`)."""
    lang, part, names = language(), view.debrief, view.directory
    if part is None or names is None:
        return f"<p>{escape(tr('reveal.not_over'))}</p>{extra}"
    meta = tr("html.meta", seat=unit_name(names, view.seat), seed=part.seed,
              sup=tr(f"style.{part.superior_style}"), sub=tr(f"style.{part.subordinate_style}"),
              turn=view.turn)
    parts = [f"<h1>{escape(tr('html.title', title=text_of(names.title)))}</h1>",
             f"<p>{escape(meta)}</p>"]
    if part.score is not None:
        parts.append(_seat_html(part.score, lang, heading="h2", parts_heading="h3",
                                names=names))
    parts.append(f"<h2>{escape(tr('html.county'))}</h2>")
    for group in GROUPS:
        members = [i for i in part.indicators.values() if i["group"] == group]
        if members:
            parts.append(f"<h2>{escape(tr(f'debrief.group.{group}'))}</h2>")
            parts += [_indicator_pdf(names, part, i, lang) for i in members]
    parts.append(f"<h2>{escape(tr('html.figure'))}</h2>")
    for task, text in figure_texts.items():
        parts.append(f"<p><img src='figure1://{task}' width='640'></p><p>{escape(text)}</p>")
    if compare is not None:
        parts.append(f"<h2>{escape(tr('html.compare'))}</h2>"
                     f"<p>{escape(tr('debrief.compare_intro'))}</p>{_table_html(compare)}")
    parts.append(reveal_html(names, part, view.seat))
    return "".join(parts) + extra


def _indicator_pdf(names: Directory, part: DebriefPart, indicator: dict[str, Any],
                   lang: str) -> str:
    events = "; ".join(event_line(names, part, seq) for seq in indicator["evidence"][:8])
    return (f"<h3>{escape(indicator['label'][lang])} — "
            f"{format_value(indicator['value'], indicator['unit'])}</h3>"
            + "".join(_rule_html(rule, lang, heading=False) for rule in indicator["rules"])
            + _citation_html(indicator["citation"], small=True)
            + (f"<p style='color:#6b7280'>{escape(tr('html.evidence', events=events))}</p>"
               if events else ""))


def _table_html(model: CompareModel) -> str:
    head = "".join(f"<th>{escape(str(model.headerData(c, Qt.Orientation.Horizontal)))}</th>"
                   for c in range(model.columnCount()))
    rows = "".join("<tr>" + "".join(f"<td>{escape(str(model.index(r, c).data()))}</td>"
                                    for c in range(model.columnCount())) + "</tr>"
                   for r in range(model.rowCount()))
    return f"<table border='1' cellpadding='3' cellspacing='0'><tr>{head}</tr>{rows}</table>"

