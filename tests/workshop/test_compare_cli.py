"""`python main.py compare RECORD.db`: the tables of a session compared, headless."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from game.app import main
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
    assert "Accountability events [accountability_events]:" in out
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
