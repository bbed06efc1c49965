"""The records export: tidy CSV that validates against its own codebook, keeps Chinese intact,
tells people's moves from the computer's, scores every turn, and replays to the logged game."""

from __future__ import annotations

import csv
import json
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from frictionless import validate

from game.app import main
from game.engine.game import INTERACTIVE, Game
from game.engine.save import mechanics_digest, to_save
from game.engine.world import Refusal
from game.policies import POLICIES, Hand
from game.scenario.loader import load_scenario
from game.scoring.report import score_game
from game.workshop.codebook import RESOURCES
from game.workshop.export import ExportError, TableRecord, write_export
from game.workshop.record import Record, SessionInfo
from game.workshop.recording import GameFactory, MoveRow, session_rebuild
from game.workshop.table import Table
from tests.workshop.helpers import SEATS, tutorial

ROOT = Path(__file__).resolve().parents[2]
SCENARIOS = ROOT / "scenarios"
LABELS = {"county_agri": "甲组·县农业农村局", "beiyuan": "乙组，北源乡（二号）"}
BROADCAST = "请各组注意时间 / Mind the time"


def _play(game: Game, seats: dict[str, str], until: tuple[int, str] | None = None,
          at_phase: Callable[[Game], None] | None = None) -> Game:
    """People play `seats` ({seat: policy}) until the end, or until `until` (turn, phase)."""
    hands = [(Hand(game, seat), POLICIES[policy].act) for seat, policy in seats.items()]
    while not game.over and (game.turn, game.phase) != until:
        if at_phase is not None:
            at_phase(game)
        if game.phase in INTERACTIVE:
            for hand, act in hands:
                if hand.seat in game.humans:
                    act(hand)
        game.advance()
    return game


def _handover_table() -> TableRecord:
    """Finished; two people from the start, and a person takes over hukou at turn 3's plan."""
    game = Game(load_scenario(SCENARIOS / "double_rice.yaml"), seed=4,
                humans=["county_agri", "beiyuan"])

    def take_hukou(game: Game) -> None:
        if (game.turn, game.phase) == (3, "plan"):
            game.take_seat("hukou")

    _play(game, {"county_agri": "thoughtful", "beiyuan": "falsify", "hukou": "thoughtful"},
          at_phase=take_hukou)
    return TableRecord("1", "沟通型 communicative", game, LABELS)


#: What the host answers a person whose seat the computer holds (a refused move it saw).
HELD = Refusal("computer_holds", "电脑官员正在代管这个席位，下一阶段交还给你。",
               "The computer official holds this seat; it is yours again at the next phase.")
#: Where the facilitator hands beiyuan to the computer at table 2.
RELEASE_AT = (2, "respond")


def _release_table() -> TableRecord:
    """Finished, pressure style; the facilitator broadcasts and hands beiyuan to the computer
    after turn 2's respond moves (a refused try of its person is on the host's record). Its
    rebuild replays through any factory, as a workshop's record does."""
    acts: list[MoveRow] = []

    def rebuild(factory: GameFactory) -> Game:
        scenario = load_scenario(SCENARIOS / "double_rice.yaml")
        game = factory(scenario, 9, ["county_agri", "beiyuan"], "pressure", "gaming")
        seats = {"county_agri": "pressure", "beiyuan": "thoughtful"}
        _play(game, seats, until=RELEASE_AT)
        for hand, act in [(Hand(game, s), POLICIES[p].act) for s, p in seats.items()]:
            act(hand)
        at = (len(game.log), game.turn, game.phase)
        acts[:] = [
            MoveRow(*at, "", "facilitator", "broadcast", {"text": BROADCAST}),
            MoveRow(*at, "beiyuan", "facilitator", "to_computer", {"seat": "beiyuan"}),
            MoveRow(*at, "beiyuan", "human", "report_progress",
                    {"kind": "report_progress", "task": "double_rice"}, accepted=False,
                    refusal=HELD),
        ]
        game.release_seat("beiyuan")
        game.advance()
        return _play(game, {"county_agri": "pressure"})

    game = rebuild(Game)
    return TableRecord("2", "压力型 pressure", game, {"county_agri": "丙组", "beiyuan": "丁组"},
                       acts=tuple(acts), rebuild=rebuild)


def _running_table() -> TableRecord:
    """A game still running: the tutorial's township played to turn 3's report phase."""
    scenario = load_scenario(SCENARIOS / "tutorial.yaml")
    game = _play(Game(scenario, seed=1, humans=["hexi"]), {"hexi": "thoughtful"},
                 until=(3, "report"))
    return TableRecord("3", "混合 mixed", game, {"hexi": "戊组"})


#: At the workshop table: hexi's participant drops out, and comes back.
DROPPED, BACK = (2, "plan"), (4, "plan")


def _workshop_table() -> TableRecord:
    """A real workshop table (game.workshop.table) on the tutorial, its acts in a record: the
    township's participant drops out at turn 2 and is back at turn 4; exported through the
    rebuild of its record's acts."""
    scenario, record = tutorial(), Record(":memory:")
    table = Table(1, Game(scenario, seed=5, humans=SEATS), list(SEATS), record=record)
    moves = {"plan": {"kind": "allocate_time", "weights": {"reclaim": 2, "local_needs": 1}},
             "report": {"kind": "report_progress", "task": "reclaim"}}
    while not table.game.over:
        turn, phase = table.game.turn, table.game.phase
        if (turn, phase) == DROPPED:
            table.release("hexi")
        if (turn, phase) == BACK:
            table.rejoin("hexi")
        if "hexi" in table.game.humans and phase in moves:
            assert table.submit("hexi", moves[phase], None).ok
        for seat in table.person_held():
            table.end_phase(seat, turn, phase, None)
    return TableRecord("W1", "工作坊 workshop", table.game, {"hexi": "己组", "county_agri": "庚组"},
                       rebuild=session_rebuild(1, scenario, 5, SEATS, record.acts(1)))


@pytest.fixture(scope="module")
def tables() -> list[TableRecord]:
    return [_handover_table(), _release_table(), _running_table(), _workshop_table()]


@pytest.fixture(scope="module")
def exported(tables: list[TableRecord], tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("export")
    write_export(tables, out)
    return out


def _rows(out: Path, name: str) -> list[dict[str, str]]:
    with (out / f"{name}.csv").open(encoding="utf-8-sig", newline="") as stream:
        return list(csv.DictReader(stream))


def _of(rows: list[dict[str, str]], table: str) -> list[dict[str, str]]:
    return [row for row in rows if row["table"] == table]


# ----- the codebook ----------------------------------------------------------------------


def test_the_export_validates_against_its_own_datapackage(exported: Path) -> None:
    report = validate(exported / "datapackage.json")
    assert report.valid, report.flatten(["resourceName", "rowNumber", "fieldName", "note"])[:10]


def test_the_codebook_catches_a_tampered_file(exported: Path, tmp_path: Path) -> None:
    for resource in RESOURCES:
        (tmp_path / resource.path).write_bytes((exported / resource.path).read_bytes())
    (tmp_path / "datapackage.json").write_bytes((exported / "datapackage.json").read_bytes())
    rows = _rows(tmp_path, "moves")
    rows[5]["who"] = "robot"
    rows[6]["step"] = rows[7]["step"]
    with (tmp_path / "moves.csv").open("w", encoding="utf-8-sig", newline="") as stream:
        writer = csv.DictWriter(stream, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    report = validate(tmp_path / "datapackage.json")
    errors = {(e[0], e[1]) for e in report.flatten(["type", "fieldName"])}
    assert ("constraint-error", "who") in errors
    assert any(kind == "primary-key" for kind, _ in errors)


def test_every_column_has_a_type_description_and_source(exported: Path) -> None:
    package = json.loads((exported / "datapackage.json").read_text(encoding="utf-8"))
    assert [r["path"] for r in package["resources"]] == [r.path for r in RESOURCES]
    for resource in package["resources"]:
        with (exported / resource["path"]).open(encoding="utf-8-sig", newline="") as stream:
            header = next(csv.reader(stream))
        fields = resource["schema"]["fields"]
        assert header == [f["name"] for f in fields]
        for entry in fields:
            assert entry["type"] in ("string", "integer", "number", "boolean")
            assert entry["description"] and entry["source"], (resource["name"], entry["name"])


def test_columns_name_their_units(exported: Path) -> None:
    package = json.loads((exported / "datapackage.json").read_text(encoding="utf-8"))
    units = {(r["name"], f["name"]): f.get("unit", "") for r in package["resources"]
             for f in r["schema"]["fields"]}
    assert units[("moves", "cadre_days")] == "cadre-days"
    assert units[("events", "time_spent")] == "cadre-days"
    assert units[("moves", "funds")].startswith("万元")
    assert "mu" in units[("events", "figure_reported")]
    assert units[("seats", "seat_score")] == "0-100 score"


def test_the_readme_speaks_both_languages_and_lists_every_file(exported: Path) -> None:
    text = (exported / "README.md").read_text(encoding="utf-8")
    assert "整洁" in text and "tidy CSV" in text
    for resource in RESOURCES:
        assert text.count(resource.path) >= 2, resource.path


# ----- Chinese, intact ---------------------------------------------------------------------


def test_every_csv_starts_with_a_byte_order_mark(exported: Path) -> None:
    for resource in RESOURCES:
        assert (exported / resource.path).read_bytes().startswith(b"\xef\xbb\xbf")


def test_chinese_labels_and_names_round_trip(exported: Path,
                                             tables: list[TableRecord]) -> None:
    participants = {(r["table"], r["seat"]): r["label"] for r in _rows(exported, "participants")}
    for table in tables:
        for seat, label in table.participants.items():
            assert participants[(table.table, seat)] == label
        names = {r["seat"]: r["name_zh"] for r in _of(_rows(exported, "seats"), table.table)}
        assert names == {u.id: u.name.zh for u in table.game.scenario.units}
    titles = {r["table"]: (r["style_label"], r["scenario_title_zh"])
              for r in _rows(exported, "tables")}
    assert titles["2"] == ("压力型 pressure", tables[1].game.scenario.title.zh)


def test_events_keep_visible_and_hidden_fields_apart_and_intact(
        exported: Path, tables: list[TableRecord]) -> None:
    rows = _rows(exported, "events")
    for table in tables:
        mine = _of(rows, table.table)
        assert [int(r["seq"]) for r in mine] == list(range(len(table.game.log)))
        for row, event in zip(mine, table.game.log, strict=True):
            assert json.loads(row["data_json"]) == event.data
            assert json.loads(row["hidden_json"]) == event.hidden
            assert (row["kind"], row["actor"], row["target"]) == (event.kind, event.actor,
                                                                 event.target)
    reasons = [json.loads(r["data_json"])["reason"]["zh"] for r in rows
               if r["kind"] == "request_answered"]
    assert reasons and all(any("\u4e00" <= ch <= "\u9fff" for ch in zh) for zh in reasons)
    reports = [r for r in rows if r["kind"] == "report_progress" and r["hidden_overstate"]]
    assert reports and all("overstate" not in json.loads(r["data_json"]) for r in reports)


# ----- who moved ---------------------------------------------------------------------------


def test_moves_tell_people_from_the_computer(exported: Path) -> None:
    moves = _of(_rows(exported, "moves"), "1")
    who = {(m["seat"], m["who"]) for m in moves}
    assert ("county_agri", "human") in who and ("city_agri", "computer") in who
    assert not any(m["who"] == "human" for m in moves
                   if m["seat"] not in ("county_agri", "beiyuan", "hukou"))
    # A person takes hukou at turn 3's plan, after the computer made that phase's moves.
    hukou = [(int(m["turn"]), m["who"]) for m in moves if m["seat"] == "hukou"]
    assert {w for t, w in hukou if t < 3} == {"computer"}
    assert (3, "human") in hukou
    assert {w for t, w in hukou if t > 3} == {"human"}
    labels = {m["participant"] for m in moves if m["who"] == "human" and m["seat"] == "beiyuan"}
    assert labels == {LABELS["beiyuan"]}


def test_a_released_seat_is_played_by_the_computer_as_a_takeover(exported: Path) -> None:
    moves = _of(_rows(exported, "moves"), "2")
    beiyuan = [(int(m["turn"]), m["who"]) for m in moves if m["seat"] == "beiyuan"
               and m["who"] != "facilitator"]
    assert {w for t, w in beiyuan if t <= RELEASE_AT[0]} == {"human"}
    assert {w for t, w in beiyuan if t > RELEASE_AT[0]} == {"takeover"}
    acts = [(m["kind"], json.loads(m["fields_json"])) for m in moves if m["who"] == "facilitator"]
    assert acts == [("broadcast", {"text": BROADCAST}), ("to_computer", {"seat": "beiyuan"})]
    refused = [m for m in moves if m["accepted"] == "false"]
    assert [(m["seat"], m["refusal_code"], m["refusal_zh"]) for m in refused] == [
        ("beiyuan", HELD.code, HELD.zh)]
    table = _of(_rows(exported, "tables"), "2")[0]
    assert (table["moves_facilitator"], table["moves_refused"]) == ("2", "1")
    assert int(table["moves_takeover"]) > 0


def test_a_workshop_seat_is_the_computer_s_while_its_person_is_away(exported: Path) -> None:
    moves = _of(_rows(exported, "moves"), "W1")
    acts = [(m["kind"], m["seat"], (int(m["turn"]), m["phase"])) for m in moves
            if m["who"] == "facilitator"]
    assert acts == [("to_computer", "hexi", DROPPED), ("to_person", "hexi", (BACK[0], "plan"))]
    hexi = [(int(m["turn"]), m["phase"], m["who"]) for m in moves if m["seat"] == "hexi"
            and m["who"] != "facilitator"]
    assert {w for t, _, w in hexi if t < DROPPED[0]} == {"human"}
    assert {w for t, _, w in hexi if DROPPED[0] < t < BACK[0]} == {"takeover"}
    assert {w for t, _, w in hexi if t > BACK[0]} == {"human"}
    seats = {s["seat"]: s for s in _of(_rows(exported, "seats"), "W1")}
    assert (seats["hexi"]["person_at_start"], seats["hexi"]["taken_turn"]) == ("true", "")


def test_a_game_that_its_save_cannot_rebuild_is_refused(tables: list[TableRecord],
                                                        tmp_path: Path) -> None:
    released = tables[1]
    without = TableRecord("2", released.style_label, released.game)
    with pytest.raises(ExportError, match="does not reach its log"):
        write_export([without], tmp_path)
    assert not (tmp_path / "moves.csv").exists()


# ----- replay ------------------------------------------------------------------------------


def _replay_from_csv(out: Path, table: str) -> Game:
    """Rebuild a table from the CSVs alone: seed and styles (tables.csv), who held which
    seat (seats.csv), people's accepted moves and the facilitator's hand-overs (moves.csv)."""
    head = _of(_rows(out, "tables"), table)[0]
    seats = _of(_rows(out, "seats"), table)
    game = Game(load_scenario(SCENARIOS / f"{head['scenario_id']}.yaml"), int(head["seed"]),
                [s["seat"] for s in seats if s["person_at_start"] == "true"],
                head["superior_style"], head["subordinate_style"])  # type: ignore[arg-type]
    taken = {(int(s["taken_turn"]), s["taken_phase"]): s["seat"] for s in seats
             if s["taken_turn"]}

    def reach(turn: int, phase: str) -> None:
        while True:
            if (game.turn, game.phase) in taken:
                game.take_seat(taken.pop((game.turn, game.phase)))
            if (game.turn, game.phase) == (turn, phase) or game.over:
                return
            game.advance()

    for move in _of(_rows(out, "moves"), table):
        reach(int(move["turn"]), move["phase"])
        if move["who"] == "human" and move["accepted"] == "true":
            assert game.submit(move["seat"], json.loads(move["fields_json"])).ok
        elif move["kind"] == "to_computer":
            game.release_seat(move["seat"])
        elif move["kind"] == "to_person":
            game.take_seat(move["seat"])
    reach(int(head["turn"]), head["phase"])
    return game


@pytest.mark.parametrize("table", ["1", "2", "3", "W1"])
def test_people_s_moves_replay_to_the_logged_final_state(exported: Path, table: str,
                                                          tables: list[TableRecord]) -> None:
    game = _replay_from_csv(exported, table)
    original = next(t.game for t in tables if t.table == table)
    assert game.log.to_json() == original.log.to_json()
    head = _of(_rows(exported, "tables"), table)[0]
    assert int(head["events"]) == len(game.log)


# ----- scores by turn ----------------------------------------------------------------------


def _scores(out: Path, table: str) -> dict[tuple[int, str, str, str], str]:
    return {(int(r["turn"]), r["turn_complete"], r["unit"], r["indicator"]): r["value"]
            for r in _of(_rows(out, "scores_by_turn"), table)}


def _number(text: str) -> float | None:
    return float(text) if text else None


def test_every_turn_scores_the_county_and_each_person_s_seat(exported: Path,
                                                             tables: list[TableRecord]) -> None:
    game = tables[0].game
    scores = _scores(exported, "1")
    indicators = list(score_game(game)["indicators"])
    for turn in range(1, game.turn + 1):
        for key in indicators:
            assert (turn, "true", "", key) in scores
        for seat in ("county_agri", "beiyuan", "hukou"):
            assert (turn, "true", seat, "score") in scores
    assert {turn for turn, _, unit, _ in scores if unit == "hukou"} == set(range(1, 9))


def test_the_last_turn_s_scores_are_the_finished_game_s(exported: Path,
                                                        tables: list[TableRecord]) -> None:
    game = tables[0].game
    report, scores = score_game(game), _scores(exported, "1")
    for key, entry in report["indicators"].items():
        assert _number(scores[(game.turn, "true", "", key)]) == entry["value"], key
    for seat, entry in report["seats"].items():
        assert _number(scores[(game.turn, "true", seat, "score")]) == entry["score"]
    seat_scores = {r["seat"]: _number(r["seat_score"]) for r in _of(_rows(exported, "seats"), "1")}
    assert seat_scores["beiyuan"] == report["seats"]["beiyuan"]["score"]


def test_scores_move_from_turn_to_turn(exported: Path) -> None:
    scores = _scores(exported, "1")
    series = [scores[(t, "true", "", "delivered_vs_original")] for t in range(1, 9)]
    assert len(set(series)) > 2


def test_a_running_game_is_scored_where_it_stands(exported: Path,
                                                  tables: list[TableRecord]) -> None:
    game = tables[2].game
    scores = _scores(exported, "3")
    assert {(t, c) for t, c, _, _ in scores} == {(1, "true"), (2, "true"), (3, "false")}
    report = score_game(game)
    assert _number(scores[(3, "false", "hexi", "score")]) == report["seats"]["hexi"]["score"]


# ----- the command line --------------------------------------------------------------------


def test_the_command_line_exports_a_saved_game(tables: list[TableRecord], tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    game = tables[0].game
    save = tmp_path / "game.json"
    save.write_text(to_save(game, "double_rice.yaml").model_dump_json(), encoding="utf-8")
    assert main(["export", str(save), "--out", str(tmp_path / "out")]) == 0
    assert "moves.csv" in capsys.readouterr().out
    head = _rows(tmp_path / "out", "tables")[0]
    assert head["events"] == str(len(game.log))
    assert head["phase"] == "over"
    first = {r.path: (tmp_path / "out" / r.path).read_bytes() for r in RESOURCES}
    assert main(["export", str(save), "--out", str(tmp_path / "again")]) == 0
    assert {r.path: (tmp_path / "again" / r.path).read_bytes() for r in RESOURCES} == first


def test_the_command_line_exports_a_session_s_record(tmp_path: Path) -> None:
    scenario, path = tutorial(), tmp_path / "session.db"
    record = Record(path)
    info = SessionInfo("tutorial", "tutorial.yaml", mechanics_digest(scenario), 5, SEATS, 30.0)
    record.start_session(info, {1: {"county_agri": "A1", "hexi": "B1"},
                                2: {"county_agri": "A2", "hexi": "B2"}})
    record.participant(1, "hexi", "己组（河西）")
    table = Table(1, Game(scenario, seed=5, humans=SEATS), list(SEATS), record=record)
    assert table.submit("hexi", {"kind": "allocate_time", "weights": {"reclaim": 1}}, 1).ok
    assert isinstance(table.notice("请注意时间", "Mind the time"), list)
    table.release("hexi")
    for seat in table.person_held():
        table.end_phase(seat, 1, "plan", 2)
    record.close()
    assert main(["export", str(path), "--out", str(tmp_path / "out")]) == 0
    heads = {r["table"]: r for r in _rows(tmp_path / "out", "tables")}
    assert heads["1"]["log_sha256"] == table.log_sha256()
    assert (heads["2"]["turn"], heads["2"]["phase"]) == ("1", "plan")
    assert [(r["table"], r["seat"], r["label"]) for r in _rows(tmp_path / "out", "participants")
            ] == [("1", "hexi", "己组（河西）")]
    moves = _of(_rows(tmp_path / "out", "moves"), "1")
    assert ("hexi", "facilitator", "to_computer") in {(m["seat"], m["who"], m["kind"])
                                                     for m in moves}
    assert ("hexi", "takeover") in {(m["seat"], m["who"]) for m in moves}
    notices = [json.loads(m["fields_json"]) for m in moves if m["kind"] == "notice"]
    assert [(n["zh"], n["en"]) for n in notices] == [("请注意时间", "Mind the time")]
    assert all(m["who"] == "facilitator" for m in moves if m["kind"] == "notice")
    assert validate(tmp_path / "out" / "datapackage.json").valid


def test_an_sqlite_file_that_is_no_record_is_refused_and_left_alone(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "other.db"
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE notes (text TEXT)")
    db.commit()
    db.close()
    before = path.read_bytes()
    assert main(["export", str(path), "--out", str(tmp_path / "out")]) == 1
    assert "not a session's record" in capsys.readouterr().err
    assert path.read_bytes() == before


def test_the_command_line_names_a_bad_save(tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    save = tmp_path / "broken.json"
    save.write_text('{"save_version": 2, "moves": [', encoding="utf-8")
    assert main(["export", str(save), "--out", str(tmp_path / "out")]) == 1
    assert "corrupt save file" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()

