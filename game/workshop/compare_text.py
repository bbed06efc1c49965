"""The comparison of tables as plain text, for `python main.py compare RECORD.db` (zh or en)."""

from __future__ import annotations

import unicodedata

from game.headless import style_words
from game.workshop.compare import IndicatorRow, TableComparison, TableSummary

_WORDS = {
    "title": ("各桌对比 · {title}（种子 {seed}，{turns} 回合，{n} 桌）",
              "Tables compared · {title} (seed {seed}, {turns} turns, {n} tables)"),
    "title_one": ("各桌对比 · {title}（种子 {seed}，{turns} 回合，{n} 桌）",
                  "Tables compared · {title} (seed {seed}, {turns} turns, {n} table)"),
    "table": ("第{n}桌（{style}）", "Table {n} ({style})"),
    "table_short": ("第{n}桌", "Table {n}"),
    "indicator": ("指标", "Indicator"),
    "parted_at": ("分化于", "Parted"),
    "parted_none": ("各桌在任何指标上都没有分化。", "The tables did not part on any indicator."),
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


def _width(text: str) -> int:
    """Columns `text` takes in a terminal (a Chinese character takes two)."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _left(text: str, width: int) -> str:
    return text + " " * max(0, width - _width(text))


def _right(text: str, width: int) -> str:
    return " " * max(0, width - _width(text)) + text


def _indicator_table(comparison: TableComparison, lang: str) -> list[str]:
    """The indicators as aligned columns: the indicator, each table's final value under the
    table's name, and the turn the tables parted."""
    names = [f"{row.label.get(lang, row.key)} [{row.key}]" for row in comparison.indicators]
    heads = [_w("table_short", lang, n=t.number) for t in comparison.tables]
    cells = [[_value(row, row.final.get(t.number)) for t in comparison.tables]
             for row in comparison.indicators]
    parted = [_w("turn", lang, turn=row.parted.turn) if row.parted else "—"
              for row in comparison.indicators]
    first = max(_width(text) for text in [_w("indicator", lang), *names])
    widths = [max(_width(text) for text in [head, *(c[i] for c in cells)])
              for i, head in enumerate(heads)]
    lines = ["  " + "  ".join([_left(_w("indicator", lang), first),
                               *(_right(h, w) for h, w in zip(heads, widths, strict=True)),
                               _w("parted_at", lang)])]
    for name, values, turn in zip(names, cells, parted, strict=True):
        lines.append("  " + "  ".join([_left(name, first),
                                       *(_right(v, w) for v, w in zip(values, widths,
                                                                     strict=True)),
                                       turn]))
    return lines


def render_comparison(comparison: TableComparison, lang: str = "zh") -> str:
    """The comparison as text: seats' scores, indicators side by side with the turn each
    parted, the events that did it, and the paper's predictions per table.

    Args:
        comparison: from `game.workshop.compare.compare_tables`.
        lang: "zh" or "en".
    """
    directory = comparison.directory
    title = comparison.title.get(lang, comparison.scenario_id)
    title_key = "title_one" if len(comparison.tables) == 1 else "title"
    lines = [_w(title_key, lang, title=title, seed=comparison.seed, turns=comparison.turns,
                n=len(comparison.tables))]
    scored = [summary for summary in comparison.tables if summary.seat_scores]
    if scored:
        lines += ["", _w("seats", lang) + ":"]
    for summary in scored:
        seats = ", ".join(f"{directory.unit_name(s.seat, lang)} "
                          f"{'—' if s.score is None else f'{s.score:.1f}'}"
                          for s in summary.seat_scores)
        lines.append(f"  {_table(summary, lang)}: {seats}")
    if comparison.indicators:
        lines += ["", _w("indicators", lang) + ":"]
        lines += _indicator_table(comparison, lang)
    parted_rows = comparison.parted()
    lines += ["", _w("parted", lang) + ":" if parted_rows else _w("parted_none", lang)]
    for row in parted_rows:
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
    predicted = [summary for summary in comparison.tables if summary.predictions]
    if predicted:
        lines += ["", _w("predictions", lang) + ":"]
    for summary in predicted:
        lines.append(f"  {_table(summary, lang)}:")
        for check in summary.predictions:
            prediction = check.prediction
            lines.append(f"    {prediction.claim.get(lang, prediction.claim['zh'])} "
                         f"[{prediction.indicator}] → {_w(check.outcome, lang)} "
                         f"({prediction.citation.section})")
    return "\n".join(lines)


__all__ = ["render_comparison"]
