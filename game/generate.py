"""Generated scenarios of a given size, for the benchmark and for balance experiments.

A generated scenario is a real `Scenario` built from the pydantic models (never from YAML
text): a county, a city or a province with its functional bureaus, townships and villages;
four concurrent central tasks flowing down bureau lines to every township (多中心工作);
seeded capacities, cadre time and funds; relation defaults with a few listed pairs; and a few
events. The same shape and seed always give the same scenario.

Counties must sit under a city (see `ALLOWED_PARENTS`), so a province is built as cities of
counties, and its task lines run province bureau -> city bureaus -> county bureaus ->
townships.
"""

from __future__ import annotations

import json
import random
import re
from dataclasses import dataclass
from typing import Any, Literal

from game.scenario.models import (
    Relation,
    RelationDefaults,
    Scenario,
    ScenarioEvent,
    Task,
    Text,
    Unit,
)

Top = Literal["county", "city", "province"]
_PLAIN = re.compile(r"[a-z][a-z0-9_]*")


@dataclass(frozen=True)
class Shape:
    """How big a generated hierarchy is.

    Attributes:
        top: the level of government at the top of every task line.
        cities: cities under the province (province only).
        counties: counties under each city (city and province).
        townships: townships (and subdistricts) per county.
        villages: villages per township.
    """

    top: Top
    cities: int = 1
    counties: int = 1
    townships: int = 18
    villages: int = 20

    def county_count(self) -> int:
        """How many counties the hierarchy holds."""
        if self.top == "county":
            return 1
        return self.counties * (self.cities if self.top == "province" else 1)

    def carrier_count(self) -> int:
        """How many townships and subdistricts carry the tasks."""
        return self.county_count() * self.townships

    def unit_count(self) -> int:
        """Every unit: governments, their bureaus, townships and villages."""
        per_government = 1 + len(TASKS)
        per_county = per_government + self.townships * (1 + self.villages)
        cities = {"county": 0, "city": 1, "province": self.cities}[self.top]
        province = per_government if self.top == "province" else 0
        return province + cities * per_government + self.county_count() * per_county


#: The sizes the benchmark measures.
SHAPES: dict[str, Shape] = {
    "county": Shape("county", townships=18, villages=20),
    "city": Shape("city", counties=10, townships=18, villages=20),
    "province": Shape("province", cities=10, counties=10, townships=20, villages=20),
}

#: The same levels, small enough for a smoke test.
QUICK_SHAPES: dict[str, Shape] = {
    "county": Shape("county", townships=6, villages=3),
    "city": Shape("city", counties=3, townships=4, villages=2),
    "province": Shape("province", cities=2, counties=2, townships=3, villages=2),
}


@dataclass(frozen=True)
class TaskSpec:
    """A kind of central task and the bureau that owns it at every level."""

    id: str
    bureau: str
    bureau_zh: str
    bureau_en: str
    name_zh: str
    name_en: str
    label_zh: str
    label_en: str
    capacity: float
    work_per_unit: float
    deadline: int
    cadence: Literal["daily", "weekly", "monthly"]
    regime: Literal["none", "ranking", "notice", "talk", "veto", "elimination"]
    fuzziness: float
    social_leverage: bool = False
    recurring: bool = False


#: Four concurrent tasks; each asks a township for about 10 cadre-days a turn.
TASKS: tuple[TaskSpec, ...] = (
    TaskSpec("grain", "agri", "农业农村局", "agriculture bureau", "粮食生产：双季稻扩面",
             "Grain: more double-season rice", "亩", "mu", 2000.0, 0.05, 10, "weekly",
             "notice", 0.1),
    TaskSpec("village", "housing", "住房和城乡建设局", "housing bureau", "美丽乡村建设",
             "Beautiful villages", "项", "projects", 12.0, 10.0, 12, "monthly", "ranking",
             0.7, social_leverage=True),
    TaskSpec("environment", "ecology", "生态环境局", "ecology bureau", "环境问题整改",
             "Environmental rectification", "件", "cases", 20.0, 2.5, 6, "weekly", "veto",
             0.3, recurring=True),
    TaskSpec("pension", "hrss", "人力资源和社会保障局", "human resources bureau",
             "城乡居民养老保险扩面", "Rural pension enrolment", "人", "persons", 900.0, 0.12,
             12, "weekly", "talk", 0.0),
)

_SYLLABLES = (
    ("东", "Dong"), ("西", "Xi"), ("南", "Nan"), ("北", "Bei"), ("青", "Qing"), ("石", "Shi"),
    ("河", "He"), ("山", "Shan"), ("桥", "Qiao"), ("湖", "Hu"), ("林", "Lin"), ("田", "Tian"),
    ("沙", "Sha"), ("龙", "Long"), ("凤", "Feng"), ("白", "Bai"), ("黄", "Huang"), ("新", "Xin"),
    ("安", "An"), ("平", "Ping"), ("溪", "Xi"), ("塘", "Tang"), ("岭", "Ling"), ("源", "Yuan"),
)


@dataclass
class _Builder:
    """Collects units, relations and the task lines while walking the hierarchy."""

    rng: random.Random
    units: list[Unit]
    relations: list[Relation]
    owners: dict[str, list[str]]
    carriers: list[str]
    capacity: dict[str, float]
    slow_start: dict[str, int]

    def name(self, suffix_zh: str, suffix_en: str) -> Text:
        first, second = self.rng.choice(_SYLLABLES), self.rng.choice(_SYLLABLES)
        en = f"{first[1]}{second[1].lower()} {suffix_en}"
        return Text(zh=f"{first[0]}{second[0]}{suffix_zh}", en=en)


def generate_scenario(size: str | Shape, seed: int = 0, turns: int = 12) -> Scenario:
    """Build a valid scenario of the given size.

    Args:
        size: "county", "city" or "province" (see SHAPES), or a Shape of one's own.
        seed: seeds every drawn figure; the same seed gives the same scenario.
        turns: how many turns the game lasts (at least 12: the tasks' deadlines).

    Returns:
        The validated scenario.
    """
    shape = SHAPES[size] if isinstance(size, str) else size
    builder = _Builder(random.Random(seed), [], [], {t.id: [] for t in TASKS}, [], {}, {})
    top = _add_top(builder, shape)
    prefix = {"county": "c01_", "city": "c01_", "province": "y01_c01_"}[shape.top]
    seats = [u.id for u in builder.units if u.kind in ("bureau", "township", "subdistrict")
             and u.id.startswith(prefix)]
    return Scenario(
        schema_version=1,
        id=f"generated_{shape.top}",
        title=Text(zh=f"生成的{_LEVEL_ZH[shape.top]}情景", en=f"Generated {shape.top} scenario"),
        briefing=Text(
            zh=f"自动生成的{_LEVEL_ZH[shape.top]}：四项中心工作同时下达到每个乡镇。",
            en=f"A generated {shape.top}: four central tasks reach every township at once.",
        ),
        author="game.generate",
        turns=turns,
        turn_days=7,
        units=builder.units,
        relation_defaults=_relation_defaults(builder.rng),
        relations=builder.relations,
        tasks=[_task(builder, spec) for spec in TASKS],
        events=_events(builder, top if shape.top != "county" else None),
        seats=seats,
    )


_LEVEL_ZH = {"county": "县", "city": "市", "province": "省"}
_UPPER_TIME = (30.0, 45.0)


def _add_top(builder: _Builder, shape: Shape) -> str:
    """Add the top government and everything under it; return the top's id."""
    if shape.top == "county":
        _add_county(builder, shape, "c01", None)
        return "c01"
    if shape.top == "city":
        _add_government(builder, "city01", "city", None, ("市", "City"), _UPPER_TIME)
        for county in range(1, shape.counties + 1):
            _add_county(builder, shape, f"c{county:02d}", "city01")
        return "city01"
    _add_government(builder, "prov", "province", None, ("省", "Province"), _UPPER_TIME)
    for city in range(1, shape.cities + 1):
        city_id = f"y{city:02d}"
        _add_government(builder, city_id, "city", "prov", ("市", "City"), _UPPER_TIME)
        for county in range(1, shape.counties + 1):
            _add_county(builder, shape, f"{city_id}_c{county:02d}", city_id)
    return "prov"


def _add_government(
    builder: _Builder, gov_id: str, kind: str, parent: str | None, suffix: tuple[str, str],
    bureau_time: tuple[float, float],
) -> None:
    """A government and one bureau per task, each bureau joining its task's owners."""
    rng, name = builder.rng, builder.name(*suffix)
    builder.units.append(Unit(id=gov_id, kind=kind, parent=parent, name=name))
    for spec in TASKS:
        bureau_id = f"{gov_id}_{spec.bureau}"
        builder.units.append(Unit(
            id=bureau_id, kind="bureau", parent=gov_id,
            name=Text(zh=f"{name.zh}{spec.bureau_zh}", en=f"{name.en} {spec.bureau_en}"),
            cadre_time=round(rng.uniform(*bureau_time), 1),
            funds=round(rng.uniform(20, 40), 1),
        ))
        builder.owners[spec.id].append(bureau_id)


def _add_county(builder: _Builder, shape: Shape, county_id: str, parent: str | None) -> None:
    rng = builder.rng
    _add_government(builder, county_id, "county", parent, ("县", "County"), (40, 60))
    for town in range(1, shape.townships + 1):
        town_id = f"{county_id}_t{town:02d}"
        _add_township(builder, town_id, county_id)
        for village in range(1, shape.villages + 1):
            builder.units.append(Unit(id=f"{town_id}_v{village:02d}", kind="village",
                                      parent=town_id, name=builder.name("村", "village")))
    first = f"{county_id}_t01"
    for spec in TASKS[:2]:
        builder.relations.append(Relation(
            superior=f"{county_id}_{spec.bureau}", subordinate=first,
            familiarity=round(rng.uniform(0.65, 0.85), 2),
            information_symmetry=round(rng.uniform(0.65, 0.85), 2),
            trust=round(rng.uniform(0.55, 0.75), 2),
        ))
    builder.slow_start[f"{county_id}_t{rng.randint(1, shape.townships):02d}"] = 2


def _add_township(builder: _Builder, town_id: str, county_id: str) -> None:
    rng = builder.rng
    kind = "subdistrict" if rng.random() < 0.1 else "township"
    capacity = {}
    for spec in TASKS:
        value = round(spec.capacity * rng.lognormvariate(0.0, 0.25), 1)
        capacity[spec.id] = value
        builder.capacity[spec.id] = builder.capacity.get(spec.id, 0.0) + value
    builder.units.append(Unit(
        id=town_id, kind=kind, parent=county_id,
        name=builder.name("镇" if kind == "township" else "街道",
                          "town" if kind == "township" else "subdistrict"),
        capacity=capacity,
        cadre_time=float(rng.randint(50, 80)),
        funds=round(rng.uniform(4, 12), 1),
        morale=round(rng.uniform(0.6, 0.8), 2),
        local_needs=round(rng.uniform(0.1, 0.2), 2),
        social_resources=round(rng.choice((0.0, 0.0, 0.5, 1.0, 1.5)), 1),
        main_responsibility=round(rng.uniform(0.35, 0.7), 2),
        region="north" if rng.random() < 0.5 else "south",
    ))
    builder.carriers.append(town_id)


def _relation_defaults(rng: random.Random) -> RelationDefaults:
    return RelationDefaults(
        familiarity=round(rng.uniform(0.5, 0.6), 2),
        information_symmetry=round(rng.uniform(0.45, 0.55), 2),
        trust=round(rng.uniform(0.5, 0.6), 2),
    )


def _task(builder: _Builder, spec: TaskSpec) -> Task:
    """The task: its original target a little under what the carriers can really do."""
    rng = builder.rng
    original = round(builder.capacity[spec.id] * rng.uniform(0.88, 0.98), 1)
    slow = dict(builder.slow_start) if spec.id == "pension" else {}
    return Task(
        id=spec.id,
        name=Text(zh=spec.name_zh, en=spec.name_en),
        unit_label=Text(zh=spec.label_zh, en=spec.label_en),
        original_target=original,
        owners=list(builder.owners[spec.id]),
        carriers=list(builder.carriers),
        markup=round(rng.uniform(0.1, 0.2), 2),
        deadline=spec.deadline,
        cadence=spec.cadence,
        regime=spec.regime,
        fuzziness=spec.fuzziness,
        work_per_unit=spec.work_per_unit,
        social_leverage=spec.social_leverage,
        slow_start=slow,
        recurring=spec.recurring,
    )


def _sample(builder: _Builder, share: float) -> list[str]:
    count = max(1, round(share * len(builder.carriers)))
    return sorted(builder.rng.sample(builder.carriers, count))


def _events(builder: _Builder, inspector: str | None) -> list[ScenarioEvent]:
    """A cold snap, a leader's attention, a hotline surge and (above a county) an inspection."""
    events = [
        ScenarioEvent(id="cold_snap", kind="weather", turn=3, task="grain",
                      name=Text(zh="倒春寒", en="A late-spring cold snap"),
                      targets=_sample(builder, 0.15), effects={"capacity_factor": 0.85}),
        ScenarioEvent(id="leader_attention", kind="leader_attention", turn=2, task="village",
                      name=Text(zh="领导调度美丽乡村建设", en="Leaders meet on villages")),
        ScenarioEvent(id="hotline_surge", kind="petition_surge", chance=0.3, window=(3, 6),
                      name=Text(zh="12345 热线工单激增", en="A surge of hotline cases"),
                      targets=_sample(builder, 0.2),
                      effects={"cadre_time_factor": 0.75, "beyond_unit": True,
                               "local_needs_delta": 0.03}),
    ]
    if inspector is not None:
        events.append(ScenarioEvent(
            id="inspection", kind="cross_level_inspection", turn=5, task="environment",
            name=Text(zh="跨级环保督查", en="A cross-level environmental inspection"),
            targets=_sample(builder, 0.05), effects={"inspector": inspector},
        ))
    return events


def scenario_data(scenario: Scenario) -> dict[str, Any]:
    """The scenario as plain data, leaving out every value equal to its default."""
    return scenario.model_dump(mode="json", exclude_defaults=True)


def scenario_yaml(scenario: Scenario) -> str:
    """The scenario as block YAML that `game.scenario.loader.parse_scenario` reads back.

    Leaves (scalars, and mappings or lists of scalars only) are written as JSON, which is
    valid YAML flow style; ruamel's pure-Python emitter would take ~20 s on a province.
    """
    lines: list[str] = [f"# Generated by game.generate: {scenario.title.en}"]
    _emit_mapping(scenario_data(scenario), "", lines)
    return "\n".join(lines) + "\n"


def _is_leaf(value: Any) -> bool:
    if isinstance(value, dict):
        return not any(isinstance(v, dict | list) for v in value.values())
    if isinstance(value, list):
        return not any(isinstance(v, dict | list) for v in value)
    return True


_NOT_PLAIN = {"true", "false", "null", "yes", "no", "on", "off", "y", "n"}


def _scalar(value: Any) -> str:
    """A scalar as plain YAML where that is unambiguous (identifiers), else as JSON."""
    if isinstance(value, str) and _PLAIN.fullmatch(value) and value not in _NOT_PLAIN:
        return value
    return json.dumps(value, ensure_ascii=False)


def _flow(value: Any) -> str:
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {_scalar(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(_scalar(v) for v in value) + "]"
    return _scalar(value)


def _emit_mapping(data: dict[str, Any], indent: str, lines: list[str]) -> None:
    for key, value in data.items():
        if _is_leaf(value):
            lines.append(f"{indent}{key}: {_flow(value)}")
        elif isinstance(value, dict):
            lines.append(f"{indent}{key}:")
            _emit_mapping(value, indent + "  ", lines)
        else:
            lines.append(f"{indent}{key}:")
            _emit_list(value, indent + "  ", lines)


def _emit_list(items: list[Any], indent: str, lines: list[str]) -> None:
    for item in items:
        if _is_leaf(item) or not isinstance(item, dict):
            lines.append(f"{indent}- {_flow(item)}")
            continue
        first = len(lines)
        _emit_mapping(item, indent + "  ", lines)
        lines[first] = f"{indent}- {lines[first][len(indent) + 2:]}"
