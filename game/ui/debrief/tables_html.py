"""The comparison of tables as words: where the tables parted, the paper's predictions beside
what happened, Figure 1's bars per table, and the whole document for the room's PDF.

Everything is drawn from a `game.workshop.compare.TableComparison` (and its `Directory` for
names): no `Game` is needed, so a comparison read from a file draws the same.
"""

from __future__ import annotations

from html import escape
from typing import Any

from game.headless import style_words
from game.ui.common.i18n import language, register, tr
from game.ui.common.vocab import phase_name
from game.ui.debrief.debrief_html import (  # also registers the fig1.* strings
    figure_bars,
    figure_summary,
)
from game.ui.debrief.debrief_model import format_value, kind_label, section_label
from game.workshop.compare import EventRef, IndicatorRow, TableComparison, TableSummary
from game.workshop.compare_predictions import Contrast, PredictionCheck
from game.workshop.directory import Directory

register({
    "tables.title": ("各桌对比 · {title}", "Tables compared · {title}"),
    "tables.meta": ("{n} 桌 · 同一情景、同一种子 {seed} · {turns} 回合",
                    "{n} tables · one scenario, one seed ({seed}) · {turns} turns"),
    "tables.table": ("第{n}桌", "Table {n}"),
    "tables.table_style": ("第{n}桌 · {style}", "Table {n} · {style}"),
    "tables.stopped": ("{title}（停在第{turn}回合）", "{title} (stopped at turn {turn})"),
    "tables.style_line": ("上级风格：{style}", "Superiors: {style}"),
    "tables.seat_score": ("席位得分：{seat}", "Seat score: {seat}"),
    "tables.parted.title": ("各桌在哪一回合分化", "Where the tables parted"),
    "tables.parted.lead": ("每个指标：各桌第一次出现差别的回合，以及那一回合促成差别的事件"
                           "（评分规则引为证据的事件）。",
                           "For each indicator: the first turn the tables differed, and the "
                           "events of that turn that made the difference (the events the "
                           "scoring rules cite as evidence)."),
    "tables.parted.head": ("第{turn}回合 · {label}", "Turn {turn} · {label}"),
    "tables.parted.values": ("{table}：{before} → {value}", "{table}: {before} → {value}"),
    "tables.parted.same": ("各桌发生了同样的事件，只是数值不同：",
                           "The same events happened at every table, with other figures:"),
    "tables.parted.only": ("并非每桌都有的事件：", "Events not at every table:"),
    "tables.parted.summary": ("各指标首次分化的回合与当时的数值", "When each indicator first "
                              "parted, and its values then"),
    "tables.parted.details": ("分化的经过", "How they parted"),
    "tables.parted.value": ("{table}：{value}", "{table}: {value}"),
    "tables.parted.no_event": ("这一回合没有引为证据的事件", "no event of this turn cited"),
    "tables.parted.more": ("……另有 {n} 件", "… and {n} more"),
    "tables.parted.never": ("各桌在所有指标上始终一致。", "The tables never parted."),
    "tables.parted.same_all": ("始终一致的指标：{labels}", "Never parted: {labels}"),
    "tables.pred.title": ("论文的预测与各桌的结果", "The paper's predictions and what happened"),
    "tables.pred.lead": ("论文把沟通式动员与压力型动员对照。每一桌按它的上级风格，与其他风格的桌"
                         "比较；预测可能不成立，这正是讨论的起点。",
                         "The paper sets communicative against pressure-type mobilization. Each "
                         "table is compared, by its superiors' style, with the tables of other "
                         "styles; a prediction may fail, and that is where the discussion "
                         "starts."),
    "tables.pred.contrast": ("本桌 {this}，预期{expected}第{table}桌（{style}）的 {other}："
                             "{outcome}",
                             "Here {this}, expected {expected} table {table} ({style}) at "
                             "{other}: {outcome}"),
    "tables.pred.paper": ("论文 {section}：{quote}", "The paper, {section}: {quote}"),
    "tables.pred.col": ("论文的预测", "The paper predicts"),
    "tables.pred.details": ("逐项对照与论文原文", "Each contrast, and the paper's words"),
    "tables.expected.lower": ("低于", "lower than"),
    "tables.expected.higher": ("高于", "higher than"),
    "tables.expected.not_lower": ("不低于", "no lower than"),
    "tables.expected.not_higher": ("不高于", "no higher than"),
    "tables.outcome.held": ("✓ 得到印证", "✓ borne out"),
    "tables.outcome.reversed": ("✗ 结果相反", "✗ the other way"),
    "tables.outcome.mixed": ("± 部分印证", "± partly"),
    "tables.outcome.no_difference": ("= 没有差别", "= no difference"),
    "tables.outcome.not_applicable": ("— 无法衡量", "— not measurable"),
    "tables.outcome.no_contrast": ("— 没有其他风格的桌可比", "— no table of another style"),
    "tables.figure.title": ("图1：各桌的加码与协商", "Figure 1 at each table: markup and "
                            "bargaining"),
    "tables.scores.title": ("各桌的评分并列", "The tables' scores side by side"),
    "tables.col.indicator": ("指标", "Indicator"),
    "tables.col.parted": ("首次分化", "First parted"),
    "tables.turn": ("第{turn}回合", "turn {turn}"),
    "tables.never": ("—", "—"),
    "tables.event": ("#{seq} {phase} · {kind} · {who}", "#{seq} {phase} · {kind} · {who}"),
})


def table_title(summary: TableSummary) -> str:
    """'Table 2 · pressure-type' in the current language ('… (stopped at turn 4)' for a table
    whose game did not reach its end: its figures are where it stopped)."""
    title = tr("tables.table_style", n=summary.number,
               style=style_words(summary.superior_style, language()))
    return title if summary.over else tr("tables.stopped", title=title, turn=summary.turn)


def unit_text(directory: Directory, unit: str) -> str:
    """A unit's public name in the current language ('' stays '')."""
    return directory.unit_name(unit, language()) if unit else ""


def event_text(directory: Directory, event: EventRef) -> str:
    """One event as the room reads it: number, phase, kind, who acted on whom."""
    who = unit_text(directory, event.actor)
    if event.target:
        who = f"{who} → {unit_text(directory, event.target)}" if who else unit_text(
            directory, event.target)
    return tr("tables.event", seq=event.seq, phase=phase_name(event.phase),
              kind=kind_label(event.kind), who=who or "—")


def value_text(row: IndicatorRow, value: float | None) -> str:
    """An indicator's value as read (— when not applicable)."""
    return format_value(value, row.unit)


def label_of(row: IndicatorRow) -> str:
    """The indicator's name in the current language."""
    return row.label.get(language(), row.key)


# ----- where the tables parted ----------------------------------------------------------------


def parted_html(comparison: TableComparison) -> str:
    """A table of the indicators that parted, earliest first (turn, and each table's value at
    that turn's end), then for each the values before and after and the events that did it."""
    parts = [f"<h2>{escape(tr('tables.parted.title'))}</h2>",
             f"<p>{escape(tr('tables.parted.lead'))}</p>"]
    rows = comparison.parted()
    if not rows:
        parts.append(f"<p>{escape(tr('tables.parted.never'))}</p>")
        return "\n".join(parts)
    head = "".join(f"<th>{escape(table_title(t))}</th>" for t in comparison.tables)
    parts.append(f"{_TABLE}<tr><th>{escape(tr('tables.col.indicator'))}</th>"
                 f"<th>{escape(tr('tables.col.parted'))}</th>{head}</tr>")
    for row in rows:
        assert row.parted is not None
        values = "".join(
            f"<td align='center'>{escape(value_text(row, row.parted.values.get(t.number)))}</td>"
            for t in comparison.tables)
        turn = tr("tables.turn", turn=row.parted.turn)
        parts.append(f"<tr><td>{escape(label_of(row))}</td><td align='center'><b>{escape(turn)}"
                     f"</b></td>{values}</tr>")
    parts.append("</table>")
    same = [label_of(r) for r in comparison.indicators if r.parted is None]
    if same:
        labels = ("、" if language() == "zh" else ", ").join(same)
        parts.append(f"<p><i>{escape(tr('tables.parted.same_all', labels=labels))}</i></p>")
    parts.append(f"<h2>{escape(tr('tables.parted.details'))}</h2>")
    parts += [_parting_html(comparison, row) for row in rows]
    return "\n".join(parts)


#: An HTML table as the pages draw it (Qt's rich text takes these attributes, not CSS).
_TABLE = "<table border='1' cellspacing='0' cellpadding='4' width='100%'>"


def _parting_html(comparison: TableComparison, row: IndicatorRow) -> str:
    parting = row.parted
    assert parting is not None
    head = tr("tables.parted.head", turn=parting.turn, label=label_of(row))
    out = [f"<h3>{escape(head)}</h3>"]
    if parting.same_events:
        out.append(f"<p>{escape(tr('tables.parted.same'))}</p>")
    out.append("<ul>")
    for summary in comparison.tables:
        number = summary.number
        value = value_text(row, parting.values.get(number))
        values = (tr("tables.parted.values", table=table_title(summary), value=value,
                     before=value_text(row, parting.before.get(number))) if parting.turn > 1
                  else tr("tables.parted.value", table=table_title(summary), value=value))
        events = parting.events.get(number, [])
        lines = [escape(event_text(comparison.directory, e)) for e in events]
        if parting.more.get(number):
            lines.append(escape(tr("tables.parted.more", n=parting.more[number])))
        if not lines:
            lines = [f"<i>{escape(tr('tables.parted.no_event'))}</i>"]
        lead = "" if parting.same_events else escape(tr("tables.parted.only")) + "<br>"
        out.append(f"<li><b>{escape(values)}</b><br>{lead}{'<br>'.join(lines)}</li>")
    out.append("</ul>")
    return "\n".join(out)


# ----- the paper's predictions ----------------------------------------------------------------


def predictions_html(comparison: TableComparison) -> str:
    """A table of the paper's predictions against the tables (each table's final value and
    how the prediction came out there, by its style), then each prediction's contrasts and
    the passage that makes it."""
    parts = [f"<h2>{escape(tr('tables.pred.title'))}</h2>",
             f"<p>{escape(tr('tables.pred.lead'))}</p>"]
    head = "".join(f"<th>{escape(table_title(t))}</th>" for t in comparison.tables)
    parts.append(f"{_TABLE}<tr><th>{escape(tr('tables.pred.col'))}</th>{head}</tr>")
    lang = language()
    for index, check in enumerate(comparison.tables[0].predictions):
        prediction = check.prediction
        row = comparison.indicator(prediction.indicator)
        claim = prediction.claim.get(lang, prediction.claim["zh"])
        cells = []
        for summary in comparison.tables:
            mine = summary.predictions[index]
            cells.append(f"<td align='center'>"
                         f"{escape(value_text(row, row.final.get(summary.number)))}<br>"
                         f"<b>{escape(outcome_text(mine.outcome))}</b></td>")
        parts.append(f"<tr><td><b>{escape(label_of(row))}</b><br><small>{escape(claim)}"
                     f"</small></td>{''.join(cells)}</tr>")
    parts.append(f"</table><h2>{escape(tr('tables.pred.details'))}</h2>")
    for summary in comparison.tables:
        parts.append(f"<h3>{escape(table_title(summary))}</h3><ul>")
        parts += [_check_html(comparison, check) for check in summary.predictions]
        parts.append("</ul>")
    return "\n".join(parts)


def outcome_text(outcome: str) -> str:
    """How a prediction came out, with its mark (✓ ✗ ± = —)."""
    return tr(f"tables.outcome.{outcome}")


def _check_html(comparison: TableComparison, check: PredictionCheck) -> str:
    prediction = check.prediction
    row = comparison.indicator(prediction.indicator)
    lang = language()
    claim = prediction.claim.get(lang, prediction.claim["zh"])
    lines = [f"<b>{escape(label_of(row))}</b> — {escape(claim)} "
             f"<b>{escape(outcome_text(check.outcome))}</b>"]
    lines += [escape(contrast_text(row, c)) for c in check.contrasts]
    citation = prediction.citation
    quote = (f"{citation.quote_en} ({citation.quote})" if lang == "en" else citation.quote)
    paper = tr("tables.pred.paper", section=section_label(citation.section), quote=quote)
    lines.append(f"<small>{escape(paper)}</small>")
    return "<li>" + "<br>".join(lines) + "</li>"


def contrast_text(row: IndicatorRow, contrast: Contrast) -> str:
    """'Here 25.3, expected higher than table 1 (communicative) at 27.1: ✗ the other way'."""
    return tr("tables.pred.contrast", this=value_text(row, contrast.this),
              expected=tr(f"tables.expected.{contrast.expected}"), table=contrast.table,
              style=style_words(contrast.style, language()),
              other=value_text(row, contrast.other), outcome=outcome_text(contrast.outcome))


# ----- Figure 1 and the scores ----------------------------------------------------------------


def figure_reading(figures: dict[str, Any]) -> str:
    """The sentence that reads one table's Figure 1 (the single game's debrief's)."""
    return figure_summary(figures)


def scores_html(comparison: TableComparison) -> str:
    """The seats' scores and the county's indicators, one column per table, as an HTML table
    (the PDF's; the window shows the same rows in `TablesScoreModel`)."""
    from game.ui.debrief.tables_model import score_rows

    head = "".join(f"<th>{escape(table_title(t))}</th>" for t in comparison.tables)
    out = [f"<h2>{escape(tr('tables.scores.title'))}</h2>", _TABLE,
           f"<tr><th>{escape(tr('tables.col.indicator'))}</th>{head}"
           f"<th>{escape(tr('tables.col.parted'))}</th></tr>"]
    for cells in score_rows(comparison):
        tds = "".join(f"<td>{escape(c)}</td>" for c in cells)
        out.append(f"<tr>{tds}</tr>")
    out.append("</table>")
    return "\n".join(out)


def document_html(comparison: TableComparison, figures: dict[str, dict[int, str]]) -> str:
    """The whole comparison for the room's PDF: title, scores, Figure 1 (one picture per
    task, named figure1://<task>, with each table's reading), where the tables parted, and the
    paper's predictions.

    Args:
        comparison: the tables compared.
        figures: {task: {table: the reading of its Figure 1}} for the pictures the caller adds.
    """
    title = tr("tables.title", title=comparison.title.get(language(), comparison.scenario_id))
    meta = tr("tables.meta", n=len(comparison.tables), seed=comparison.seed,
              turns=comparison.turns)
    parts = [f"<h1>{escape(title)}</h1>", f"<p>{escape(meta)}</p>", scores_html(comparison),
             f"<h2>{escape(tr('tables.figure.title'))}</h2>"]
    colon = "：" if language() == "zh" else ": "
    for task, readings in figures.items():
        parts.append(f"<p><img src='figure1://{task}' width='640'></p>")
        parts += [f"<p><b>{escape(table_title(comparison.table(number)))}</b>{colon}"
                  f"{escape(reading)}</p>" for number, reading in readings.items()]
    parts += [parted_html(comparison), predictions_html(comparison)]
    return "\n".join(parts)


__all__ = ["contrast_text", "document_html", "event_text", "figure_bars", "figure_reading",
           "label_of", "outcome_text", "parted_html", "predictions_html", "scores_html",
           "table_title", "unit_text", "value_text"]
