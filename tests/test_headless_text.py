"""The play report as a player reads it: styles in words, figures rounded, no ids."""

from __future__ import annotations

import re
from pathlib import Path

from game.headless import play_report, render_text
from game.scenario.loader import load_scenario

ROOT = Path(__file__).resolve().parents[1]


def test_plain_text_has_words_and_rounded_figures() -> None:
    scenario = load_scenario(ROOT / "scenarios" / "double_rice.yaml")
    report = play_report(scenario, 1, None, None)
    names = {t.id: t.name.zh for t in scenario.tasks}
    zh = render_text(report, "zh", plain=True, names=names)
    assert "上级风格 混合型" in zh and "mixed" not in zh
    assert not re.search(r"\d\.\d{3,}", zh), re.findall(r"\S*\d\.\d{3,}\S*", zh)
    assert "[objective_attribution]" not in zh and "[double_rice]" not in zh
    assert f"[{names['double_rice']}]" in zh
    en = render_text(report, "en", plain=True)
    assert "superiors mixed" in en and not re.search(r"\d\.\d{3,}", en)
    # The command line keeps the ids for those who script it.
    assert "[objective_attribution]" in render_text(report, "en")
