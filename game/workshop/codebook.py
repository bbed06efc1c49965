"""The codebook of an export: every column of every CSV, its type, unit, meaning and source.

One table of `Column`s per file drives both the CSV writer (the column order, and a row with a
column the codebook does not describe is an error) and the Frictionless `datapackage.json`
(Data Package v1: a tabular data resource per file, a Table Schema per resource; each field
keeps two extra properties, `unit` and `source`). The README of the export, in Chinese and
English, is written here too.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from game.engine.events import EVENT_KINDS

#: Who made a move: a person at their seat; the computer at a seat no person held; the computer
#: standing in for a person (a seat released after a dropout, or handed over by the
#: facilitator); the facilitator (an act outside the seats' moves: an injected event, a phase
#: ended for a table, a seat handed over).
WHO = ("human", "computer", "takeover", "facilitator")
PHASES = ("directives", "plan", "report", "respond", "execute", "assess", "over")
TASK_UNIT = "the task's own unit (task_unit_zh / task_unit_en: mu 亩, households 户, cases 件)"


@dataclass(frozen=True)
class Column:
    """One column of an exported CSV.

    Attributes:
        name: the header.
        type: a Table Schema type: string, integer, number, boolean.
        description: what it holds (English; the README says it in Chinese).
        unit: cadre-days, mu, 万元, percent, "0-100 score", "share 0-1", ... ("" for none).
        source: where the value comes from in the engine.
        enum: the only values it may hold, if closed.
        required: whether it is never empty.
    """

    name: str
    type: str
    description: str
    unit: str = ""
    source: str = ""
    enum: tuple[str, ...] = ()
    required: bool = False

    def field(self) -> dict[str, Any]:
        """The column as a Table Schema field descriptor."""
        field: dict[str, Any] = {"name": self.name, "type": self.type,
                                 "description": self.description}
        if self.unit:
            field["unit"] = self.unit
        if self.source:
            field["source"] = self.source
        constraints: dict[str, Any] = {}
        if self.required:
            constraints["required"] = True
        if self.enum:
            constraints["enum"] = list(self.enum)
        if constraints:
            field["constraints"] = constraints
        return field


def _c(name: str, type_: str, description: str, unit: str = "", source: str = "",
       enum: tuple[str, ...] = (), required: bool = False) -> Column:
    return Column(name, type_, description, unit, source, enum, required)


_TABLE = _c("table", "string", "The table's id within the session ('1' for a single game).",
            source="the session (TableRecord.table)", required=True)

TABLES = (
    _TABLE,
    _c("style_label", "string", "The superior style the table was set to, as the facilitator "
       "named it.", source="TableRecord.style_label"),
    _c("superior_style", "string", "The engine's style for computer superiors.",
       source="Game.superior_style", enum=("communicative", "mixed", "pressure")),
    _c("subordinate_style", "string", "The engine's style for computer subordinates.",
       source="Game.subordinate_style", enum=("honest", "mixed", "gaming")),
    _c("scenario_id", "string", "The scenario's id.", source="Scenario.id", required=True),
    _c("scenario_title_zh", "string", "The scenario's title in Chinese.", source="Scenario.title"),
    _c("scenario_title_en", "string", "The scenario's title in English.", source="Scenario.title"),
    _c("mechanics_digest", "string", "Fingerprint of the scenario's mechanics (32 hex digits): "
       "equal digests replay alike.", source="game.engine.save.mechanics_digest"),
    _c("seed", "integer", "The seed of the game's one random generator.", source="Game.seed"),
    _c("turns_planned", "integer", "Turns the scenario lasts.", "turns", "Scenario.turns"),
    _c("turn_days", "integer", "Days one turn stands for.", "days", "Scenario.turn_days"),
    _c("turn", "integer", "The turn the game reached.", "turns", "Game.turn"),
    _c("phase", "string", "The phase the game stands in ('over' when finished).",
       source="Game.phase", enum=PHASES),
    _c("over", "boolean", "Whether the game is finished.", source="Game.over"),
    _c("events", "integer", "Events in the log.", "events", "len(Game.log)"),
    _c("log_sha256", "string", "SHA-256 of the log as canonical JSON (UTF-8): two tables with "
       "the same digest played out identically.", source="Game.log.to_json()"),
    _c("people_at_start", "integer", "Seats people held from the start.", "seats",
       "Game.initial_humans"),
    _c("moves_human", "integer", "Accepted moves made by people.", "moves", "moves.csv"),
    _c("moves_computer", "integer", "Accepted moves made by the computer at its own seats.",
       "moves", "moves.csv"),
    _c("moves_takeover", "integer", "Accepted moves the computer made standing in for a person.",
       "moves", "moves.csv"),
    _c("moves_facilitator", "integer", "Facilitator acts recorded.", "acts", "moves.csv"),
    _c("moves_refused", "integer", "Moves the engine refused (the computer's own tries, and "
       "people's where the record kept them).", "moves", "moves.csv"),
)

SEATS = (
    _TABLE,
    _c("seat", "string", "The unit's id.", source="Scenario.units[].id", required=True),
    _c("unit_kind", "string", "The unit's level (county, bureau, township, village, ...).",
       source="Scenario.units[].kind"),
    _c("name_zh", "string", "The unit's name in Chinese.", source="Scenario.units[].name"),
    _c("name_en", "string", "The unit's name in English.", source="Scenario.units[].name"),
    _c("parent", "string", "The unit one level up in the hierarchy ('' at the top).",
       source="Scenario.units[].parent"),
    _c("is_seat", "boolean", "Whether a person may hold the unit (a seat of the scenario).",
       source="Scenario.seats"),
    _c("role", "string", "How the seat's own score judges it: 'bureau' (it splits a task for "
       "units below) or 'township'.", source="game.scoring.seat.seat_role",
       enum=("bureau", "township")),
    _c("person_at_start", "boolean", "A person held the seat from the start.",
       source="Game.initial_humans"),
    _c("person_at_end", "boolean", "A person held the seat when the export was made.",
       source="Game.humans"),
    _c("taken_turn", "integer", "Turn a person first took over this computer seat (a play-test), "
       "if so (a workshop seat handed back is a to_person row of moves.csv).",
       "turns", "Game.handovers"),
    _c("taken_phase", "string", "Phase a person first took over this computer seat, if so.",
       source="Game.handovers", enum=("plan", "report", "respond")),
    _c("moves_human", "integer", "Accepted moves people made at the seat.", "moves", "moves.csv"),
    _c("moves_computer", "integer", "Accepted moves the computer made at the seat (its own or "
       "standing in).", "moves", "moves.csv"),
    _c("seat_score", "number", "The seat's own score at the end (people's seats only; empty "
       "when no part of it applies).", "0-100 score", "game.scoring.seat.score_seat"),
)

PARTICIPANTS = (
    _TABLE,
    _c("seat", "string", "The seat the participant held.", source="TableRecord.participants",
       required=True),
    _c("label", "string", "The label the participant gave (no personal data is asked for).",
       source="TableRecord.participants"),
)

MOVES = (
    _TABLE,
    _c("step", "integer", "Order of the move at its table, from 1.", source="export",
       required=True),
    _c("at_seq", "integer", "Length of the log when the move was made: the first event it "
       "caused has this seq.", "events", "len(Game.log) at Game.submit"),
    _c("turn", "integer", "Turn of the move.", "turns", "Game.turn"),
    _c("phase", "string", "Phase of the move.", source="Game.phase", enum=PHASES),
    _c("seat", "string", "The unit that moved ('' for a facilitator act on the whole table).",
       source="Game.submit(seat, ...)"),
    _c("who", "string", "Who made it: human (a person at the seat), computer (the computer at "
       "a seat no person held), takeover (the computer standing in for a person), facilitator "
       "(an act of the host on the table: a seat handed to the computer or back, a broadcast).",
       source="Game.humans at the time; TableRecord.acts", enum=WHO, required=True),
    _c("participant", "string", "The participant's label, for a person's move.",
       source="TableRecord.participants"),
    _c("kind", "string", "The move's kind (game.engine.moves), or the facilitator act's "
       "(to_computer: a seat handed to the computer; to_person: handed back).",
       source="Move.kind", required=True),
    _c("direction", "string", "up (to the superior), down (to a subordinate), inside (the "
       "unit's own work), '' for a facilitator act.", source="game.engine.moves.DIRECTION",
       enum=("up", "down", "inside")),
    _c("task", "string", "The task the move concerns, if any.", source="Move.task"),
    _c("subordinate", "string", "The subordinate it addresses, if any.", source="Move.subordinate"),
    _c("request", "integer", "The request an answer answers.", source="Answer.request"),
    _c("task_unit_zh", "string", "The task's unit in Chinese (the unit of the move's figures).",
       source="Scenario.tasks[].unit_label"),
    _c("task_unit_en", "string", "The task's unit in English.",
       source="Scenario.tasks[].unit_label"),
    _c("funds", "number", "Public money the move spends (lever_social).", "万元 (10,000 yuan)",
       "LeverSocial.funds"),
    _c("cadre_days", "number", "Cadre time the move gives (respond_local_needs).",
       "cadre-days", "RespondLocalNeeds.days"),
    _c("fields_json", "string", "The whole move as JSON, exactly as Game.submit takes it "
       "(figures such as overstate, target, shares in " + TASK_UNIT + ").",
       source="Move.model_dump(mode='json')", required=True),
    _c("accepted", "boolean", "Whether the engine accepted the move.", source="MoveResult.ok",
       required=True),
    _c("refusal_code", "string", "Why it was refused (a code), when it was.",
       source="Refusal.code"),
    _c("refusal_zh", "string", "Why it was refused, in Chinese.", source="Refusal.zh"),
    _c("refusal_en", "string", "Why it was refused, in English.", source="Refusal.en"),
    _c("events", "integer", "Events the move caused (they follow at_seq in events.csv).",
       "events", "MoveResult.events"),
)

EVENTS = (
    _TABLE,
    _c("seq", "integer", "Position in the log, from 0.", source="Event.seq", required=True),
    _c("turn", "integer", "Turn it happened in.", "turns", "Event.turn"),
    _c("phase", "string", "Phase it happened in.", source="Event.phase", enum=PHASES),
    _c("kind", "string", "What happened (the kinds are listed in game.engine.events).",
       source="Event.kind", enum=tuple(EVENT_KINDS), required=True),
    _c("actor", "string", "The unit that acted ('' for the world).", source="Event.actor"),
    _c("target", "string", "The unit acted upon, if any.", source="Event.target"),
    _c("task", "string", "The task concerned, if any.", source="Event.task"),
    _c("private", "boolean", "Only its actor may see it (its own turn, its negotiation space).",
       source="game.engine.events.PRIVATE_KINDS"),
    _c("task_unit_zh", "string", "The task's unit in Chinese.",
       source="Scenario.tasks[].unit_label"),
    _c("task_unit_en", "string", "The task's unit in English.",
       source="Scenario.tasks[].unit_label"),
    _c("figure_target", "number", "A target figure the event names.", TASK_UNIT,
       "Event.data['target']"),
    _c("figure_reported", "number", "A reported (cumulative) figure the event names.", TASK_UNIT,
       "Event.data['reported']"),
    _c("request", "integer", "The request the event files or answers.",
       source="Event.data['request']"),
    _c("accepted", "boolean", "Whether a request was accepted.", source="Event.data['accepted']"),
    _c("reason_code", "string", "The code of the reason an answer, finding or sanction gives.",
       source="Event.data['reason']['code']"),
    _c("cadre_time", "number", "A unit's cadre time this turn (unit_turn).", "cadre-days",
       "Event.data['cadre_time']"),
    _c("time_spent", "number", "Cadre time the unit spent this turn, all uses (unit_turn).",
       "cadre-days", "sum(Event.data['spent'])"),
    _c("funds", "number", "A unit's funds left (unit_turn).", "万元 (10,000 yuan)",
       "Event.data['funds']"),
    _c("trust", "number", "A relation's trust (relation_turn).", "share 0-1",
       "Event.data['trust']"),
    _c("symmetry", "number", "A relation's information symmetry (relation_turn).",
       "share 0-1", "Event.data['symmetry']"),
    _c("hidden_delivered", "number", "The true delivered figure (hidden from the players).",
       TASK_UNIT, "Event.hidden['delivered']"),
    _c("hidden_overstate", "number", "How far a report exceeded the truth (hidden).", TASK_UNIT,
       "Event.hidden['overstate']"),
    _c("data_json", "string", "Everything the participants may see of the event, as JSON.",
       source="Event.data", required=True),
    _c("hidden_json", "string", "What only the debrief may see (the truth behind reports and "
       "explanations), as JSON; '{}' when nothing is hidden.", source="Event.hidden",
       required=True),
)

SCORES = (
    _TABLE,
    _c("turn", "integer", "The turn scored.", "turns", "Game.turn", required=True),
    _c("turn_complete", "boolean", "The game was scored at the end of the turn's assessment "
       "(false: a running game scored where it stands).", source="export", required=True),
    _c("scope", "string", "county: an indicator of the county report; seat: the own score (or "
       "one of its parts) of a seat a person held at some point of the game.",
       source="score_game", enum=("county", "seat"), required=True),
    _c("unit", "string", "The seat's unit id ('' for the county).", source="score_game['seats']"),
    _c("indicator", "string", "The indicator's key; for a seat 'score' (the whole) or a part's "
       "key.", source="game/scoring/rules.yaml; game.scoring.seat", required=True),
    _c("label_zh", "string", "The indicator's name in Chinese.", source="score_game"),
    _c("label_en", "string", "The indicator's name in English.", source="score_game"),
    _c("value", "number", "Its value at that point; empty when nothing in the game measures it "
       "yet (not applicable).", "see measure_unit", "game.scoring.report.score_game"),
    _c("measure_unit", "string", "The value's unit: score (0-100), percent, or count.",
       source="Indicator.unit", enum=("score", "percent", "count"), required=True),
)


@dataclass(frozen=True)
class Resource:
    """One CSV of the export and its place in the data package."""

    name: str
    title: str
    description: str
    columns: tuple[Column, ...]
    primary_key: tuple[str, ...]
    references: tuple[tuple[tuple[str, ...], str], ...] = ()

    @property
    def path(self) -> str:
        """The file's name in the export folder."""
        return f"{self.name}.csv"


_BY_TABLE = ((("table",), "tables"),)
RESOURCES = (
    Resource("tables", "Tables", "One row per table: its scenario, seed, style and end.",
             TABLES, ("table",)),
    Resource("seats", "Seats", "One row per unit per table: who held it and the seat's score.",
             SEATS, ("table", "seat"), _BY_TABLE),
    Resource("participants", "Participants", "The label each participant gave, by seat.",
             PARTICIPANTS, ("table", "seat"), ((("table", "seat"), "seats"),)),
    Resource("moves", "Moves", "Every move submitted, by people and the computer, accepted or "
             "refused, and the facilitator's acts, in order.", MOVES, ("table", "step"),
             _BY_TABLE),
    Resource("events", "Events", "The event log of each table: visible data and hidden fields "
             "apart.", EVENTS, ("table", "seq"), _BY_TABLE),
    Resource("scores_by_turn", "Scores by turn", "The county report's indicators and the "
             "own score of every seat a person held, at the end of every turn.", SCORES,
             ("table", "turn", "turn_complete", "scope", "unit", "indicator"), _BY_TABLE),
)


def datapackage(name: str, title: str) -> dict[str, Any]:
    """The export's Frictionless data package descriptor (Data Package v1).

    Args:
        name: the package's name (lower case, digits, '-', '_', '.').
        title: a human title.

    Returns:
        The descriptor as plain JSON-ready data: one tabular data resource per CSV, each with
        its Table Schema, primary key and foreign keys to `tables` (and `seats`).
    """
    return {
        "profile": "tabular-data-package",
        "name": name,
        "title": title,
        "description": "A game of 沟通式动员 / Communicative Mobilization as tidy CSV: see "
                       "README.md. Every CSV is UTF-8 with a byte-order mark.",
        "resources": [_resource(r) for r in RESOURCES],
    }


def _resource(resource: Resource) -> dict[str, Any]:
    schema: dict[str, Any] = {
        "fields": [c.field() for c in resource.columns],
        "primaryKey": list(resource.primary_key),
        "missingValues": [""],
    }
    if resource.references:
        schema["foreignKeys"] = [
            {"fields": list(fields), "reference": {"resource": target, "fields": list(fields)}}
            for fields, target in resource.references]
    return {
        "name": resource.name,
        "path": resource.path,
        "title": resource.title,
        "description": resource.description,
        "profile": "tabular-data-resource",
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "dialect": {"delimiter": ",", "quoteChar": '"', "header": True},
        "schema": schema,
    }


_README_ZH = """# 对局记录导出（沟通式动员）

本文件夹是一局或一次工作坊各桌的记录，整理为"整洁"的 CSV（每行一个观察、每列一个变量），
均为带 BOM 的 UTF-8，Excel 可直接打开并正确显示中文。`datapackage.json` 是代码本
（Frictionless Data Package）：逐列说明类型、单位（干部·天、亩、万元、百分比、0–100 分）、
含义和来源。

- tables.csv：每桌一行：剧本、随机种子、上级风格、结束时的回合与阶段、日志摘要
- seats.csv：每桌每个单位一行：是否由人扮演、何时接管、席位得分
- participants.csv：参与者自填的标签（只有标签，不含个人信息）
- moves.csv：每个提交的动作：谁（人、电脑、电脑代管、主持人）、席位、回合、阶段、
  动作字段（JSON）、是否被接受及理由
- events.csv：事件日志：参与者可见的数据（data_json）与仅复盘可见的隐藏字段（hidden_json）分列
- scores_by_turn.csv：每回合结束时县里各项指标与每个真人席位的得分（长表）

说明：数字的单位以各任务自己的单位为准（见 task_unit_zh 列）。moves.csv 中 who=human 且被接受的
动作，连同 seats.csv 的接管时间与主持人交接席位的记录，按顺序经 `Game.submit` 重放，可得到与原局
逐字节相同的事件日志（tables.csv 的 log_sha256）。scores_by_turn.csv 在每回合考核结束时计分；
对局未结束时，最后一行 turn_complete=false 是当前所在位置的得分。单机存档里被拒绝的真人动作
没有保存，因此不在表中；电脑的每次尝试（包括被拒绝的）都在。
"""

_README_EN = """# Game records export (Communicative Mobilization)

This folder holds the records of one game, or of every table of a workshop, as tidy CSV (one
observation a row, one variable a column), each UTF-8 with a byte-order mark so that Excel
opens the Chinese intact. `datapackage.json` is the codebook (a Frictionless Data Package): for
every column its type, unit (cadre-days, mu, 万元 = 10,000 yuan, percent, 0-100 score), meaning
and where it comes from.

- tables.csv: one row per table: scenario, seed, superior style, where it ended, the log's
  digest
- seats.csv: one row per unit per table: whether a person held it, takeovers, the seat's score
- participants.csv: the labels participants gave (labels only, no personal data)
- moves.csv: every move submitted: who (human, computer, takeover, facilitator), seat, turn,
  phase, the move's fields (JSON), accepted or refused with the reason
- events.csv: the event log: what participants could see (data_json) and the hidden fields
  only the debrief sees (hidden_json), apart
- scores_by_turn.csv: the county's indicators and the score of every seat a person held, at
  each turn's end (long form)

Figures are in each task's own unit (column task_unit_en). The accepted moves with who=human in
moves.csv, submitted in order through `Game.submit` with the takeovers of seats.csv and the
facilitator's hand-overs, replay the table to the identical event log (log_sha256 in
tables.csv). scores_by_turn.csv scores each turn at the end of its assessment; for a game still
running, the rows with turn_complete=false score it where it stands.
A single game's save does not keep a person's refused moves, so they are not here; every try of
the computer, refused or not, is.
"""


def readme() -> str:
    """The export's README.md: Chinese first, then English."""
    return _README_ZH + "\n---\n\n" + _README_EN
