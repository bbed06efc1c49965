"""`python main.py compare RECORD.db`: the tables of a session compared, headless."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from game.app import main
from game.workshop.compare_text import _width
from tests.workshop.compare_session import play_session


@pytest.fixture(scope="module")
def record(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("cli") / "session.db"
    play_session(path)
    return path


def test_the_comparison_prints_in_english(record: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["compare", str(record), "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "Tables compared · Tutorial" in out
    assert "Table 3 (pressure-type): Hexi town" in out
    assert "Accountability events [accountability_events] " in out
    assert "turn 3" in out and "borne out" in out


def test_the_comparison_prints_in_chinese(record: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["compare", str(record), "--lang", "zh"]) == 0
    out = capsys.readouterr().out
    assert "各桌对比" in out and "第1桌（沟通型）" in out and "河西镇" in out


def test_the_comparison_as_json(record: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["compare", str(record), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [t["superior_style"] for t in data["tables"]] == ["communicative", "mixed",
                                                               "pressure"]


def test_a_file_that_is_not_a_record_fails_with_its_reason(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "x.db"
    path.write_text("hello", encoding="utf-8")
    assert main(["compare", str(path)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("compare:") and "not a session's record" in err
    assert path.read_text(encoding="utf-8") == "hello"


def test_the_indicator_columns_are_named_by_table_and_aligned(
        record: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for lang, head, parted in (("en", "Table 1", "Parted"), ("zh", "第1桌", "分化于")):
        assert main(["compare", str(record), "--lang", lang]) == 0
        lines = capsys.readouterr().out.splitlines()
        at = next(i for i, line in enumerate(lines) if head in line and parted in line)
        header, rows = lines[at], lines[at + 1:]
        rows = rows[:rows.index("")]
        assert len(rows) > 10
        # every row's values end under their table's name
        for table in (1, 2, 3):
            name = head.replace("1", str(table))
            end = _width(header[:header.index(name) + len(name)])
            for row in rows:
                cut = row
                while _width(cut) > end:
                    cut = cut[:-1]
                assert _width(cut) == end and cut[-1] != " " and row[len(cut)] == " ", row


def test_one_table_is_one_table_and_an_empty_part_has_no_heading(record: Path) -> None:
    from game.workshop.compare import compare_tables
    from game.workshop.compare_text import render_comparison

    shipped = Path(__file__).resolve().parents[2] / "scenarios"
    full = compare_tables(record, [shipped])
    one = full.model_copy(update={"tables": [full.tables[0].model_copy(
        update={"predictions": []})], "indicators": [
        row.model_copy(update={"parted": None}) for row in full.indicators]})
    text = render_comparison(one, "en")
    assert ", 1 table)" in text and "1 tables" not in text
    assert "The paper's predictions" not in text
    assert "Where the tables parted:" not in text
    assert "The tables did not part on any indicator." in text
    assert "各桌在任何指标上都没有分化。" in render_comparison(one, "zh")
