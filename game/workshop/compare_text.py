"""The comparison of tables as plain text, for `python main.py compare RECORD.db` (zh or en)."""

from __future__ import annotations

from game.headless import style_words
from game.workshop.compare import IndicatorRow, TableComparison, TableSummary

_WORDS = {
    "title": ("各桌对比 · {title}（种子 {seed}，{turns} 回合，{n} 桌）",
              "Tables compared · {title} (seed {seed}, {turns} turns, {n} tables)"),
    "table": ("第{n}桌（{style}）", "Table {n} ({style})"),
    "seats": ("席位得分", "Seat scores"),
    "indicators": ("全县指标（各桌最终值；首次分化的回合）",
                   "The county's indicators (each table's final value; the turn they parted)"),
    "turn": ("第{turn}回合", "turn {turn}"),
    "parted": ("各桌在哪一回合分化", "Where the tables parted"),
    "events": ("事件", "events"),
    "predictions": ("论文的预测与结果", "The paper's predictions and what happened"),
    "held": ("得到印证", "borne out"), "reversed": ("结果相反", "the other way"),
    "mixed": ("部分印证", "partly"), "no_difference": ("没有差别", "no difference"),
    "no_contrast": ("没有其他风格的桌可比", "no table of another style"),
}


def _w(key: str, lang: str, **values: object) -> str:
    zh, en = _WORDS[key]
    return (en if lang == "en" else zh).format(**values)


def _value(row: IndicatorRow, value: float | None) -> str:
    if value is None:
        return "—"
    if row.unit == "percent":
        return f"{value:.1f}%"
    return f"{value:g}" if row.unit == "count" else f"{value:.1f}"


def _table(summary: TableSummary, lang: str) -> str:
    return _w("table", lang, n=summary.number, style=style_words(summary.superior_style, lang))


def render_comparison(comparison: TableComparison, lang: str = "zh") -> str:
    """The comparison as text: seats' scores, indicators side by side with the turn each
    parted, the events that did it, and the paper's predictions per table.

    Args:
        comparison: from `game.workshop.compare.compare_tables`.
        lang: "zh" or "en".
    """
    directory = comparison.directory
    title = comparison.title.get(lang, comparison.scenario_id)
    lines = [_w("title", lang, title=title, seed=comparison.seed, turns=comparison.turns,
                n=len(comparison.tables)), "", _w("seats", lang) + ":"]
    for summary in comparison.tables:
        seats = ", ".join(f"{directory.unit_name(s.seat, lang)} "
                          f"{'—' if s.score is None else f'{s.score:.1f}'}"
                          for s in summary.seat_scores)
        lines.append(f"  {_table(summary, lang)}: {seats}")
    lines += ["", _w("indicators", lang) + ":"]
    for row in comparison.indicators:
        values = "  ".join(f"{_value(row, row.final.get(t.number)):>8}"
                           for t in comparison.tables)
        parted = _w("turn", lang, turn=row.parted.turn) if row.parted else "—"
        lines.append(f"  {row.label.get(lang, row.key)} [{row.key}]: {values}   {parted}")
    lines += ["", _w("parted", lang) + ":"]
    for row in comparison.parted():
        assert row.parted is not None
        lines.append(f"  {_w('turn', lang, turn=row.parted.turn)} · "
                     f"{row.label.get(lang, row.key)}")
        for summary in comparison.tables:
            events = row.parted.events.get(summary.number, [])
            named = "; ".join(f"#{e.seq} {e.kind} {directory.unit_name(e.actor, lang)}"
                              + (f"→{directory.unit_name(e.target, lang)}" if e.target else "")
                              for e in events)
            value = _value(row, row.parted.values.get(summary.number))
            lines.append(f"    {_table(summary, lang)}: {value}"
                         + (f" — {_w('events', lang)}: {named}" if named else ""))
    lines += ["", _w("predictions", lang) + ":"]
    for summary in comparison.tables:
        lines.append(f"  {_table(summary, lang)}:")
        for check in summary.predictions:
            prediction = check.prediction
            lines.append(f"    {prediction.claim.get(lang, prediction.claim['zh'])} "
                         f"[{prediction.indicator}] → {_w(check.outcome, lang)} "
                         f"({prediction.citation.section})")
    return "\n".join(lines)


__all__ = ["render_comparison"]
