"""The debrief that compares tables: three tables of one session, one superior style each,
replayed from their record and set side by side."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from game.workshop.compare import (
    CompareError,
    TableComparison,
    TableSource,
    compare_tables,
    load_record,
    replay_to,
)
from game.workshop.compare_predictions import (
    PREDICTIONS,
    TOLERANCE,
    Citation,
    Prediction,
    check_predictions,
)
from game.workshop.record import Record
from game.workshop.table import Table
from tests.workshop.compare_session import (
    LABELS,
    NOTICE,
    SCENARIOS,
    SEATS,
    STYLES,
    play_session,
)

PAPER = Path("/work/shared/paper/000_6342e5a37101d001.txt")


@pytest.fixture(scope="module")
def session(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[int, Table]]:
    path = tmp_path_factory.mktemp("compare") / "session.db"
    return path, play_session(path)


@pytest.fixture(scope="module")
def comparison(session: tuple[Path, dict[int, Table]]) -> TableComparison:
    return compare_tables(session[0], [SCENARIOS])


def test_the_record_gives_three_tables_with_their_styles_and_labels(
        session: tuple[Path, dict[int, Table]]) -> None:
    sources = load_record(session[0], [SCENARIOS])
    assert [s.number for s in sources] == [1, 2, 3]
    assert {s.number: s.superior_style for s in sources} == STYLES
    assert sources[0].labels == {"hexi": LABELS[(1, "hexi")]}
    assert tuple(sources[2].seats) == tuple(SEATS)


def test_the_comparison_has_three_tables_each_at_its_recorded_end(
        session: tuple[Path, dict[int, Table]], comparison: TableComparison) -> None:
    path, tables = session
    finished = Record(path).finished()
    assert [t.number for t in comparison.tables] == [1, 2, 3]
    for summary in comparison.tables:
        table = tables[summary.number]
        assert summary.superior_style == STYLES[summary.number]
        assert summary.over and summary.events == len(table.game.log)
        assert summary.log_sha256 == table.log_sha256() == finished[summary.number]


def test_every_human_seat_has_its_own_score_at_every_table(
        comparison: TableComparison) -> None:
    for summary in comparison.tables:
        assert [s.seat for s in summary.seat_scores] == SEATS
        assert all(s.score is not None and 0 <= s.score <= 100 for s in summary.seat_scores)
    assert comparison.table(1).seat_scores[0].label == LABELS[(1, "hexi")]
    scores = {t.number: t.seat_scores[0].score for t in comparison.tables}
    assert len(set(scores.values())) > 1  # the styles made a difference to the seats


def test_figure_one_per_table(comparison: TableComparison) -> None:
    for summary in comparison.tables:
        assert set(summary.figure1) == {"reclaim"}
        figure = summary.figure1["reclaim"]
        assert figure["escalated"][0] >= figure["original"] > 0


def test_an_indicator_that_differs_parted_at_the_first_turn_it_differed(
        comparison: TableComparison) -> None:
    differing = [row for row in comparison.indicators
                 if max(v for v in row.final.values() if v is not None)
                 - min(v for v in row.final.values() if v is not None) > TOLERANCE]
    assert len(differing) >= 5
    for row in differing:
        assert row.parted is not None, row.key
        turn = row.parted.turn
        at = [series[turn - 1] for series in row.by_turn.values()]
        assert max(at) - min(at) > TOLERANCE  # type: ignore[type-var,operator]
        assert row.parted.values == {n: s[turn - 1] for n, s in row.by_turn.items()}
        for earlier in range(turn - 1):
            values = [series[earlier] for series in row.by_turn.values()]
            assert max(values) - min(values) <= TOLERANCE  # type: ignore[type-var,operator]


def test_an_indicator_that_never_differed_did_not_part(comparison: TableComparison) -> None:
    same = [row for row in comparison.indicators
            if all(len(set(values)) == 1 for values in zip(*row.by_turn.values(), strict=True))]
    assert same  # the tutorial's blame avoidance stays at nothing everywhere
    assert all(row.parted is None for row in same)


def test_the_parting_names_the_events_that_did_it(comparison: TableComparison) -> None:
    row = comparison.indicator("accountability_events")
    assert row.parted is not None and not row.parted.same_events
    assert row.parted.values[3] > row.parted.values[1] == row.parted.values[2]
    pressure = row.parted.events[3]
    assert pressure and all(e.turn == row.parted.turn for e in pressure)
    assert {e.kind for e in pressure} == {"accountability"}
    assert row.parted.events[1] == row.parted.events[2] == []


def test_the_paper_predictions_sit_beside_what_happened(comparison: TableComparison) -> None:
    pressure = {c.prediction.indicator: c for c in comparison.table(3).predictions}
    assert set(pressure) == {p.indicator for p in PREDICTIONS}
    accountability = pressure["accountability_events"]
    assert [c.table for c in accountability.contrasts] == [1, 2]
    assert {c.expected for c in accountability.contrasts} == {"higher"}
    assert accountability.outcome == "held"
    assert all(c.prediction.citation.section for c in comparison.table(1).predictions)


@pytest.mark.parametrize("prediction", PREDICTIONS, ids=lambda p: p.indicator)
def test_each_prediction_quotes_the_paper_word_for_word(prediction: Prediction) -> None:
    if not PAPER.exists():
        pytest.skip("the paper is not beside the project here")
    text = PAPER.read_text(encoding="utf-8").replace(",", "，").replace("(", "（").replace(
        ")", "）").replace(";", "；").replace(":", "：")
    for part in prediction.citation.quote.split("……"):
        assert part.rstrip("。") in text, part


def _claim(strict: bool = True) -> Prediction:
    return Prediction(indicator="overload", direction=1, strict=strict,
                      claim={"zh": "", "en": ""},
                      citation=Citation(section="三", quote="", quote_en=""))


@pytest.mark.parametrize(("values", "strict", "outcome"), [
    ({1: 10.0, 2: 30.0}, True, "held"),
    ({1: 30.0, 2: 10.0}, True, "reversed"),
    ({1: 10.0, 2: 10.01}, True, "no_difference"),
    ({1: 10.0, 2: 10.01}, False, "held"),
    ({1: None, 2: 10.0}, True, "no_difference"),
])
def test_a_communicative_table_against_a_pressure_type_one(
        values: dict[int, float | None], strict: bool, outcome: str) -> None:
    styles = {1: "communicative", 2: "pressure"}
    finals = {n: {"overload": v} for n, v in values.items()}
    [check] = check_predictions(1, styles, finals, [_claim(strict)])
    assert check.outcome == outcome
    assert check.contrasts[0].expected == ("lower" if strict else "not_higher")


def test_tables_of_one_style_have_nothing_to_contrast() -> None:
    [check] = check_predictions(1, {1: "pressure", 2: "pressure"},
                                {1: {"overload": 1.0}, 2: {"overload": 9.0}}, [_claim()])
    assert check.outcome == "no_contrast" and check.held is None


def test_replaying_a_table_to_turn_k_gives_a_prefix_of_its_log(
        session: tuple[Path, dict[int, Table]]) -> None:
    path, tables = session
    sources = load_record(path, [SCENARIOS])
    for source in sources:
        whole = [e.to_dict() for e in tables[source.number].game.log]
        lengths = []
        for turn in range(1, source.scenario.turns + 1):
            game = replay_to(source, turn).game
            assert (game.turn, game.phase) == (turn, "plan")
            prefix = [e.to_dict() for e in game.log]
            assert prefix == whole[:len(prefix)]
            assert all(e["turn"] <= turn for e in prefix)
            lengths.append(len(prefix))
        assert lengths == sorted(set(lengths))  # each turn further on
        assert replay_to(source).game.log.to_json() == tables[source.number].game.log.to_json()


def test_a_facilitator_notice_replays_into_its_table(
        session: tuple[Path, dict[int, Table]]) -> None:
    source = load_record(session[0], [SCENARIOS])[1]
    log = replay_to(source, 3).game.log
    notices = [e for e in log if e.kind == "facilitator_notice"]
    assert [(e.turn, e.data.get("zh")) for e in notices] == [(2, NOTICE[0])]


def test_the_comparison_is_serialisable_and_shows_no_hidden_part(
        comparison: TableComparison) -> None:
    text = comparison.model_dump_json()
    again = TableComparison.model_validate_json(text)
    assert again == comparison
    assert '"hidden' not in text and "overstate" not in text
    assert json.loads(text)["tables"][2]["superior_style"] == "pressure"


def test_a_file_that_is_not_a_record_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("not a database", encoding="utf-8")
    with pytest.raises(CompareError, match="not a session's record"):
        compare_tables(path, [SCENARIOS])
    assert path.read_text(encoding="utf-8") == "not a database"  # left as it was


def test_no_tables_or_tables_of_two_numbers_alike_are_refused(
        session: tuple[Path, dict[int, Table]]) -> None:
    with pytest.raises(CompareError):
        compare_tables([])
    source = load_record(session[0], [SCENARIOS])[0]
    with pytest.raises(CompareError):
        compare_tables([source, source])


def test_a_table_whose_acts_do_not_fit_is_named(
        session: tuple[Path, dict[int, Table]]) -> None:
    source = load_record(session[0], [SCENARIOS])[0]
    broken = TableSource(source.number, source.scenario, source.seed, source.seats,
                         source.acts[1:], source.superior_style)
    with pytest.raises(CompareError, match="table 1 does not replay"):
        replay_to(broken)


def test_reading_a_record_changes_nothing_in_it(tmp_path: Path) -> None:
    path = tmp_path / "session.db"
    play_session(path)
    before = path.read_bytes()
    load_record(path, [SCENARIOS])
    compare_tables(path, [SCENARIOS])
    assert path.read_bytes() == before


def test_a_record_of_another_format_is_refused(tmp_path: Path) -> None:
    import sqlite3

    path = tmp_path / "session.db"
    play_session(path)
    db = sqlite3.connect(path)
    db.execute("UPDATE session SET format = 99")
    db.commit()
    db.close()
    with pytest.raises(CompareError, match="record format 99"):
        load_record(path, [SCENARIOS])
