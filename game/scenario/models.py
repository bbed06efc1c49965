"""The scenario language: pydantic models for what instructors write.

Every field carries a title and a description: they are the editor's help text and the
published JSON Schema (`python main.py schema`). Cross-references (parents, task lines,
events, seats) are checked after the fields, so that an error names the field that is wrong.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

SCHEMA_VERSION = 1

#: The pattern of every id: lower-case letters, digits and underscores, from a letter.
ID_PATTERN = r"^[a-z][a-z0-9_]*$"

Identifier = Annotated[
    str,
    Field(
        pattern=ID_PATTERN,
        max_length=64,
        title="Identifier",
        description="Lower-case letters, digits and underscores, starting with a letter.",
    ),
]
Share = Annotated[float, Field(ge=0.0, le=1.0)]

# Bounds of the numbers a scenario holds. Each is far above what a real county (or the
# benchmark's generated province) uses and far below where arithmetic stops being exact:
# with them no product or sum the engine forms can overflow to inf or lose a whole unit.
#: Output a unit can deliver per task (mu, houses, cases): a county has ~1e6 mu of land.
MAX_CAPACITY = 1e7
#: A task's real goal at the top of its line (a province's rice area is a few million mu).
#: Marked up by at most 200% at each of up to three owning levels, it stays within the 1e9
#: that the engine's moves accept for a quota (game.engine.moves.MAX_FIGURE).
MAX_TARGET = 1e7
#: Cadre-days per turn: 1,000 cadres for a 92-day turn is ~1e5.
MAX_CADRE_TIME = 1e5
#: Funds, in 10,000 yuan (万元): 1e6 is 10 billion yuan, a large city's yearly budget, and
#: what the engine's moves accept as an amount (game.engine.moves.MAX_FUNDS).
MAX_FUNDS = 1e6
#: Funds an event adds or takes once: a tenth of the funds bound.
MAX_FUNDS_DELTA = 1e5
#: Units of output one unit of money levers: the shipped scenarios use 0 to 7.
MAX_LEVERAGE = 100.0
#: Cadre-days of work per unit of output, and the least a unit of output may take.
MAX_WORK_PER_UNIT = 1e4
MIN_WORK_PER_UNIT = 1e-4
#: Turn numbers (start, deadline, event turns and windows): a game lasts at most 120 turns;
#: later turns are allowed (lint says when nothing can happen in them) but bounded.
MAX_TURN = 1000
#: Rule thresholds set by a scenario: measures are counts, shares and percentages.
MAX_THRESHOLD = 1e9

Turn = Annotated[int, Field(ge=1, le=MAX_TURN)]

UnitKind = Literal["province", "city", "county", "bureau", "township", "subdistrict", "village"]
Cadence = Literal["daily", "weekly", "monthly"]
Regime = Literal["none", "ranking", "notice", "talk", "veto", "elimination"]
SuperiorStyle = Literal["communicative", "mixed", "pressure"]
SubordinateStyle = Literal["honest", "mixed", "gaming"]
EventKind = Literal[
    "weather",
    "petition_surge",
    "new_central_task",
    "cross_level_inspection",
    "leader_attention",
]

#: Which kinds of unit may stand directly above each kind ("a parent one level up").
ALLOWED_PARENTS: dict[str, tuple[str, ...]] = {
    "province": (),
    "city": ("province",),
    "county": ("city",),
    "bureau": ("province", "city", "county"),
    "township": ("county",),
    "subdistrict": ("county",),
    "village": ("township", "subdistrict"),
}
CARRIER_KINDS = ("township", "subdistrict")
GOVERNMENT_KINDS = ("province", "city", "county")


class Strict(BaseModel):
    """Base of every scenario model: unknown keys are errors, values are checked on assignment.

    Infinite and NaN numbers (YAML's .inf and .nan) are errors too: no figure of a
    scenario is meant to be either, and they would poison every ratio the engine computes.
    """

    model_config = ConfigDict(extra="forbid", validate_assignment=True, allow_inf_nan=False)


class Text(Strict):
    """A piece of text in both languages of the game."""

    zh: str = Field(min_length=1, title="简体中文", description="The text in Simplified Chinese.")
    en: str = Field(min_length=1, title="English", description="The text in English.")

    def get(self, lang: str) -> str:
        """The text in `lang` ("zh" or "en"); Chinese for any other value."""
        return self.en if lang == "en" else self.zh


class Unit(Strict):
    """A government unit: a level of government, a functional bureau, a township or a village."""

    id: Identifier = Field(title="Id", description="Unique id, used by tasks, events and seats.")
    kind: UnitKind = Field(
        title="Kind",
        description="province, city, county (party committee and government), bureau (a "
        "functional department 条 of the government it belongs to), township or subdistrict "
        "(块), village.",
    )
    name: Text = Field(title="Name", description="The unit's name in both languages.")
    parent: Identifier | None = Field(
        default=None,
        title="Parent",
        description="The unit one level up: a bureau belongs to a province, city or county "
        "government; a township or subdistrict to a county; a village to a township.",
    )
    capacity: dict[Identifier, Annotated[float, Field(ge=0, le=MAX_CAPACITY)]] = Field(
        default_factory=dict,
        title="True capacity per task",
        description="The internal consensus: how much of each task (by task id) this unit can "
        "really deliver by the deadline. Private to the unit; its superior only estimates it. "
        "0 to 10,000,000 (a county has about a million mu of land).",
    )
    cadre_time: float = Field(
        default=60.0,
        gt=0,
        le=MAX_CADRE_TIME,
        title="Cadre time per turn",
        description="Cadre-days the unit can spend each turn on reports, meetings, talks and "
        "work. A township of ~30 cadres with half their time on central tasks gives ~60 a week. "
        "Above 0, at most 100,000 (1,000 cadres for a 92-day turn).",
    )
    funds: float = Field(
        default=20.0,
        ge=0,
        le=MAX_FUNDS,
        title="Funds",
        description="Discretionary funds, in 10,000 yuan, for incentives and for levering "
        "social resources. 0 to 1,000,000 (10 billion yuan, a large city's yearly budget).",
    )
    morale: Share = Field(
        default=0.7, title="Morale", description="Cadres' morale, 0 to 1; scales output."
    )
    local_needs: Share = Field(
        default=0.15,
        title="Local needs",
        description="Share of cadre time that villagers' own demands call for each turn "
        "(inward accountability 对内负责). Time not given to them lowers main responsibility.",
    )
    social_resources: float = Field(
        default=0.0,
        ge=0,
        le=MAX_LEVERAGE,
        title="Social resources",
        description="How many units of task output one unit of public money can lever from "
        "villages and society (horizontal mobilization 横向动员) on tasks that allow it. "
        "0 to 100 (the shipped scenarios use up to 7).",
    )
    main_responsibility: Share = Field(
        default=0.5,
        title="Main responsibility",
        description="Internalized main responsibility (主体责任内化): how far the unit treats "
        "the task as its own territory's job. Low values let joint responsibility drift into "
        "collusion (paper 二.2).",
    )
    region: str | None = Field(
        default=None,
        title="Region",
        description="Free label for the map, e.g. 'north' (agriculture) or 'south' (industry).",
    )


class Relation(Strict):
    """What a superior and an adjacent subordinate know of each other at the start."""

    superior: Identifier = Field(title="Superior", description="The unit one level up.")
    subordinate: Identifier = Field(title="Subordinate", description="The unit one level down.")
    familiarity: Share = Field(
        default=0.5,
        title="Familiarity",
        description="How well the cadres know each other; makes estimates better and "
        "incentives larger (paper 一.4).",
    )
    information_symmetry: Share = Field(
        default=0.5,
        title="Information symmetry",
        description="How well the superior knows the subordinate's true capacity and effort "
        "(paper 二.1: 'whether you did it and how much, I know'). Raises the chance that a "
        "false explanation or report is caught.",
    )
    trust: Share = Field(
        default=0.5,
        title="Trust",
        description="The superior's trust in the subordinate: makes explanations likelier "
        "to be accepted. Moves with explanations, favours, lies detected and sanctions.",
    )


class RelationDefaults(Strict):
    """Values for every adjacent pair a scenario does not list in `relations`."""

    familiarity: Share = Field(default=0.5, title="Familiarity", description="See Relation.")
    information_symmetry: Share = Field(
        default=0.5, title="Information symmetry", description="See Relation."
    )
    trust: Share = Field(default=0.5, title="Trust", description="See Relation.")


class Task(Strict):
    """A policy with a quantified target that travels down the hierarchy."""

    id: Identifier = Field(title="Id", description="Unique task id.")
    name: Text = Field(title="Name", description="The task's name.")
    description: Text | None = Field(
        default=None, title="Description", description="The directive's text for the inbox."
    )
    unit_label: Text = Field(
        title="Unit of measure", description="What the target counts, e.g. 亩 / mu."
    )
    original_target: float = Field(
        gt=0,
        le=MAX_TARGET,
        title="Original target",
        description="The real, unescalated goal at the top of the task's line (the level "
        "that issues it). Above 0, at most 10,000,000 (a province's rice area is a few million "
        "mu).",
    )
    owners: list[Identifier] = Field(
        min_length=1,
        title="Owning units",
        description="The governments or bureaus the task flows through, top first, e.g. the "
        "city agriculture bureau and the county agriculture bureau. Each must sit one level "
        "above the next; the first receives the original target.",
    )
    carriers: list[Identifier] = Field(
        min_length=1,
        title="Carrying units",
        description="Townships and subdistricts that carry the task out. Each carrier's "
        "superior for the task is the owner of its own county.",
    )
    markup: Annotated[float, Field(ge=0, le=2)] = Field(
        default=0.15,
        title="Markup per level",
        description="The share each level adds when it passes the target down (层层加码). "
        "DOMAIN.md 7: provinces set growth targets ~36% above the national one (10.9% vs 8%).",
    )
    markup_by_unit: dict[Identifier, Annotated[float, Field(ge=0, le=2)]] = Field(
        default_factory=dict,
        title="Markup by unit",
        description="Markup that a given owner adds instead of the default.",
    )
    start_turn: int = Field(
        default=1, ge=1, le=MAX_TURN, title="Start turn", description="First turn (1 to 1000)."
    )
    deadline: int = Field(
        ge=1, le=MAX_TURN, title="Deadline", description="Last turn of the task (1 to 1000)."
    )
    cadence: Cadence = Field(
        default="weekly",
        title="Reporting cadence",
        description="How often progress must be reported: daily, weekly or monthly. Each "
        "report costs cadre time (formalism when it outruns the work).",
    )
    regime: Regime = Field(
        default="notice",
        title="Assessment regime",
        description="none; ranking (published every turn, last place criticised); notice "
        "(criticism notice when behind pace); talk (约谈 after repeated lag); veto "
        "(一票否决 at the deadline); elimination (末位淘汰 of the last at the deadline).",
    )
    fuzziness: Share = Field(
        default=0.0,
        title="Fuzziness",
        description="0 for a quantified task (rice acreage), 1 for a fuzzy one (a 'beautiful "
        "village'): fuzzy tasks take more paperwork to show and are easier to do on paper.",
    )
    work_per_unit: float = Field(
        default=1.0,
        ge=MIN_WORK_PER_UNIT,
        le=MAX_WORK_PER_UNIT,
        title="Work per unit",
        description="Cadre-days of real work per unit of output: 0.0001 to 10,000.",
    )
    central: bool = Field(
        default=True,
        title="Central task",
        description="A central task (中心工作) that the leadership watches; several at once "
        "strain the base (paper 三, first effect).",
    )
    social_leverage: bool = Field(
        default=False,
        title="Social leverage",
        description="Whether public money can lever social resources for this task.",
    )
    slow_start: dict[Identifier, Annotated[int, Field(ge=0, le=12)]] = Field(
        default_factory=dict,
        title="Data-first start",
        description="Carriers that gather all data first (K town, paper 三): turns of slow "
        "preparation, after which their work goes faster.",
    )
    recurring: bool = Field(
        default=False,
        title="Recurring",
        description="Whether the task starts again after its deadline with ratcheted targets.",
    )
    ratchet_up: Share = Field(
        default=0.6,
        title="Ratchet after over-delivery",
        description="Weitzman's lambda when the result beat the target: next = target + "
        "lambda x (result - target).",
    )
    ratchet_down: Share = Field(
        default=0.2,
        title="Ratchet after shortfall",
        description="Lambda when the result fell short: targets fall slowly.",
    )

    @model_validator(mode="after")
    def _deadline_after_start(self) -> Task:
        if self.deadline < self.start_turn:
            raise ValueError(f"deadline {self.deadline} comes before start_turn {self.start_turn}")
        return self


class EventEffects(Strict):
    """What an event does to the units it touches."""

    capacity_factor: float = Field(
        default=1.0,
        ge=0,
        le=2,
        title="Capacity factor",
        description="Multiplies the remaining true capacity of the event's task (a flood "
        "that ruins seedlings: 0.8). An objective cause a unit may truthfully cite.",
    )
    cadre_time_factor: float = Field(
        default=1.0,
        ge=0,
        le=2,
        title="Cadre time factor",
        description="Multiplies the touched units' cadre time for this turn (a hotline surge "
        "eats a third: 0.67).",
    )
    funds_delta: float = Field(
        default=0.0,
        ge=-MAX_FUNDS_DELTA,
        le=MAX_FUNDS_DELTA,
        title="Funds change",
        description="Funds added (or taken) once, in 10,000 yuan: -100,000 to 100,000.",
    )
    local_needs_delta: float = Field(
        default=0.0,
        ge=-1,
        le=1,
        title="Local needs change",
        description="Added to local needs for the rest of the game (petitions).",
    )
    beyond_unit: bool = Field(
        default=False,
        title="Beyond the unit",
        description="The problem lies beyond the unit's reach: a coordination request to "
        "the superior or the party committee is the right answer (paper 一.2).",
    )
    activates_task: Identifier | None = Field(
        default=None,
        title="Activates task",
        description="A new central task that starts on this event's turn.",
    )
    inspector: Identifier | None = Field(
        default=None,
        title="Inspector",
        description="For a cross-level inspection: the province or city that inspects the "
        "carriers directly, allowing no explanation (paper 二.1).",
    )


class ScenarioEvent(Strict):
    """Something that happens to the world: scheduled on a turn, or by chance in a window."""

    id: Identifier = Field(title="Id", description="Unique event id.")
    kind: EventKind = Field(title="Kind", description="What sort of event it is.")
    name: Text = Field(title="Name", description="Headline of the document it sends.")
    text: Text | None = Field(default=None, title="Text", description="The document's body.")
    turn: int | None = Field(
        default=None,
        ge=1,
        le=MAX_TURN,
        title="Turn",
        description="Fixed turn (1 to 1000); leave empty for chance.",
    )
    chance: Share = Field(
        default=0.0,
        title="Chance per turn",
        description="For an unscheduled event: the chance it fires on each turn of its window "
        "(once at most).",
    )
    window: tuple[Turn, Turn] | None = Field(
        default=None,
        title="Window",
        description="First and last turn on which a chance event may fire (1 to 1000).",
    )
    task: Identifier | None = Field(
        default=None, title="Task", description="The task it concerns, if any."
    )
    targets: list[Identifier] = Field(
        default_factory=list,
        title="Targets",
        description="Units it touches; empty means every carrier of its task (or of all "
        "tasks when it names none).",
    )
    effects: EventEffects = Field(
        default_factory=EventEffects, title="Effects", description="What it does."
    )

    @model_validator(mode="after")
    def _timing(self) -> ScenarioEvent:
        if self.turn is None and self.chance == 0.0:
            raise ValueError("an event needs a turn or a chance above 0")
        if self.window is not None and self.window[0] > self.window[1]:
            raise ValueError("window starts after it ends")
        if self.kind == "cross_level_inspection" and self.effects.inspector is None:
            raise ValueError("a cross_level_inspection needs effects.inspector")
        return self


class Styles(Strict):
    """How the computer plays the seats no human holds."""

    superior: SuperiorStyle = Field(
        default="mixed",
        title="Superiors' style",
        description="communicative: researches, accepts honest explanations, coordinates, "
        "differentiates incentives; pressure: ranks, demands daily reports, sanctions first.",
    )
    subordinate: SubordinateStyle = Field(
        default="mixed",
        title="Subordinates' style",
        description="honest: reports and explains truthfully; gaming: inflates reports, "
        "cites causes that did not happen, does things on paper.",
    )
    by_unit: dict[Identifier, SuperiorStyle | SubordinateStyle] = Field(
        default_factory=dict,
        title="Style by unit",
        description="A style for a particular unit, overriding the defaults.",
    )


class ScoringOverrides(Strict):
    """Per-scenario changes to the scoring rules (see the rule file in game/scoring)."""

    weights: dict[str, Annotated[float, Field(ge=0, le=10)]] = Field(
        default_factory=dict,
        title="Rule weights",
        description="New weight for a rule, by rule id.",
    )
    thresholds: dict[str, Annotated[float, Field(ge=-MAX_THRESHOLD, le=MAX_THRESHOLD)]] = Field(
        default_factory=dict,
        title="Rule thresholds",
        description="New threshold for a rule, by rule id (-1e9 to 1e9).",
    )
    rules: list[dict[str, Any]] = Field(
        default_factory=list,
        title="Extra rules",
        description="Rules of the scenario's own, in the rule file's format.",
    )


class Scenario(Strict):
    """A whole scenario: metadata, hierarchy, relations, tasks, events and seats."""

    schema_version: Literal[1] = Field(
        title="Schema version", description="Version of this language; currently 1."
    )
    id: Identifier = Field(title="Id", description="The scenario's id.")
    title: Text = Field(title="Title", description="Title shown in the library.")
    briefing: Text = Field(title="Briefing", description="The player's briefing.")
    author: str = Field(default="", title="Author", description="Who wrote it.")
    version: str = Field(default="1.0", title="Version", description="The scenario's own version.")
    turns: int = Field(ge=1, le=120, title="Turns", description="How many turns the game lasts.")
    turn_days: int = Field(
        default=7,
        ge=1,
        le=92,
        title="Days per turn",
        description="Calendar days a turn stands for; sets how many reports a cadence asks for.",
    )
    units: list[Unit] = Field(min_length=1, title="Units", description="The hierarchy.")
    relation_defaults: RelationDefaults = Field(
        default_factory=RelationDefaults,
        title="Relation defaults",
        description="Starting values for adjacent pairs not listed in relations.",
    )
    relations: list[Relation] = Field(
        default_factory=list, title="Relations", description="Adjacent pairs that differ."
    )
    tasks: list[Task] = Field(min_length=1, title="Tasks", description="The policies.")
    events: list[ScenarioEvent] = Field(
        default_factory=list, title="Events", description="What may happen."
    )
    seats: list[Identifier] = Field(
        min_length=1,
        title="Seats",
        description="Units a human player may take (a bureau or a township).",
    )
    styles: Styles = Field(
        default_factory=Styles, title="Computer styles", description="How bots play."
    )
    scoring: ScoringOverrides = Field(
        default_factory=ScoringOverrides,
        title="Scoring overrides",
        description="Weights, thresholds and extra rules for this scenario.",
    )
    notes: Text | None = Field(
        default=None,
        title="Instructor's note",
        description="Learning goals, what to watch in the debrief, questions for discussion.",
    )

    @model_validator(mode="after")
    def _cross_references(self) -> Scenario:
        from game.scenario.references import check_references

        check_references(self)
        return self

    def unit(self, unit_id: str) -> Unit:
        """The unit with this id (KeyError when there is none)."""
        for unit in self.units:
            if unit.id == unit_id:
                return unit
        raise KeyError(unit_id)
