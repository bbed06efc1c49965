"""The rule language: indicators and rules as data, validated with located errors.

A rule measures something in a game's event log with a small declarative vocabulary
(count, sum, mean, share, distinct, ratio, rate, figure), maps the measure onto 0-100 with a
linear scale, and feeds one indicator with a weight. Indicators may compose others (resilience).
Nothing here is ever evaluated as code.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import Discriminator, Field, Tag, ValidationError, field_validator, model_validator

from game.engine.events import EVENT_KINDS
from game.scenario.loader import Problem, ScenarioError, locate, plain, read_yaml
from game.scenario.models import Identifier, Strict, Text
from game.scenario.references import _Errors
from game.scoring.rule_checks import check_operand, check_template

RULES_FILE = Path(__file__).with_name("rules.yaml")
GROUPS = ("forms", "mechanisms", "effects", "pathologies", "outcome")
FIGURES = ("delivered_vs_original", "delivered_vs_external")
PER = ("turns", "carriers", "carrier_turns", "owner_turns", "leverage_carrier_turns")
EVENT_FIELDS = ("actor", "target", "task", "turn", "phase", "kind", "actor_kind", "target_kind")
OPERATORS = ("eq", "ne", "in", "gt", "gte", "lt", "lte")
#: Largest magnitude of a rule's scale ends, threshold and empty value: measures are counts,
#: shares and percentages, so 1e9 is never reached, and sums stay finite.
MAX_RULE_NUMBER = 1e9
RuleNumber = Annotated[float, Field(ge=-MAX_RULE_NUMBER, le=MAX_RULE_NUMBER)]


def _check_path(path: str) -> str:
    if path in EVENT_FIELDS or path.startswith(("data.", "hidden.")):
        return path
    raise ValueError(
        f"unknown field '{path}': use one of {', '.join(EVENT_FIELDS)}, data.NAME or hidden.NAME"
    )


class Selector(Strict):
    """Which events a measure looks at: kinds, and conditions on their fields."""

    kind: str | list[str] = Field(title="Event kind(s)", description="One kind or a list.")
    where: dict[str, Any] = Field(
        default_factory=dict,
        title="Conditions",
        description="field -> value, or field -> {eq|ne|in|gt|gte|lt|lte: value}. Fields: "
        "actor, target, task, turn, phase, actor_kind, target_kind, data.NAME, hidden.NAME.",
    )

    @field_validator("kind")
    @classmethod
    def _known_kinds(cls, value: str | list[str]) -> str | list[str]:
        for kind in [value] if isinstance(value, str) else value:
            if kind not in EVENT_KINDS:
                raise ValueError(f"event kind '{kind}' does not exist")
        return value

    @field_validator("where")
    @classmethod
    def _known_fields(cls, value: dict[str, Any]) -> dict[str, Any]:
        for path, condition in value.items():
            _check_path(path)
            if isinstance(condition, dict):
                for op, operand in condition.items():
                    if op not in OPERATORS:
                        raise ValueError(f"unknown operator '{op}' on '{path}'")
                    check_operand(path, op, operand)
            else:
                check_operand(path, "eq", condition)
        return value

    def kinds(self) -> list[str]:
        """The kinds as a list."""
        return [self.kind] if isinstance(self.kind, str) else list(self.kind)


class FieldSelector(Selector):
    """A selector that also names the field to read."""

    field: str = Field(title="Field", description="The field whose values are used.")
    over: str | None = Field(
        default=None,
        title="Divided by",
        description="Another field of the same event to divide by (a per-event ratio).",
    )

    @field_validator("field", "over")
    @classmethod
    def _path(cls, value: str | None) -> str | None:
        return None if value is None else _check_path(value)


class ShareSelector(Selector):
    """A selector with a test: the share of selected events passing it."""

    test: dict[str, Any] = Field(title="Test", description="Conditions, as in `where`.")

    @field_validator("test")
    @classmethod
    def _test_fields(cls, value: dict[str, Any]) -> dict[str, Any]:
        return Selector._known_fields(value)


class Count(Strict):
    count: Selector = Field(title="Count", description="How many events match.")


class Sum(Strict):
    sum: FieldSelector = Field(title="Sum", description="The sum of a field over matches.")


class Mean(Strict):
    mean: FieldSelector = Field(title="Mean", description="The mean of a field over matches.")


class Share(Strict):
    share: ShareSelector = Field(title="Share", description="Share of matches passing a test.")


class Distinct(Strict):
    distinct: FieldSelector = Field(title="Distinct", description="How many distinct values.")


class RatioSpec(Strict):
    numerator: Measure = Field(title="Numerator", description="A measure.")
    denominator: Measure = Field(title="Denominator", description="A measure.")


class Ratio(Strict):
    ratio: RatioSpec = Field(title="Ratio", description="One measure over another.")


class RateSpec(Strict):
    measure: Measure = Field(title="Measure", description="A measure.")
    per: Literal["turns", "carriers", "carrier_turns", "owner_turns", "leverage_carrier_turns"] = (
        Field(
            title="Per",
            description="What to divide by; leverage_carrier_turns counts only carriers of tasks "
            "that can lever social resources (none: the rule has nothing to measure).",
        )
    )


class Rate(Strict):
    rate: RateSpec = Field(title="Rate", description="A measure per turn, carrier or both.")


class Figure(Strict):
    figure: Literal["delivered_vs_original", "delivered_vs_external"] = Field(
        title="Figure", description="An outcome figure of the game, in percent."
    )


MEASURE_KINDS = ("count", "sum", "mean", "share", "distinct", "ratio", "rate", "figure")


def _measure_tag(value: Any) -> str | None:
    if isinstance(value, dict):
        keys = [k for k in value if k in MEASURE_KINDS]
        return keys[0] if len(keys) == 1 else None
    for kind in MEASURE_KINDS:
        if hasattr(value, kind):
            return kind
    return None


Measure = Annotated[
    Annotated[Count, Tag("count")]
    | Annotated[Sum, Tag("sum")]
    | Annotated[Mean, Tag("mean")]
    | Annotated[Share, Tag("share")]
    | Annotated[Distinct, Tag("distinct")]
    | Annotated[Ratio, Tag("ratio")]
    | Annotated[Rate, Tag("rate")]
    | Annotated[Figure, Tag("figure")],
    Discriminator(
        _measure_tag,
        custom_error_type="measure",
        custom_error_message="a measure is one of: " + ", ".join(MEASURE_KINDS),
    ),
]
RatioSpec.model_rebuild()
RateSpec.model_rebuild()


class Citation(Strict):
    """Where in the paper a rule or indicator is grounded."""

    section: str = Field(title="Section", description="e.g. 一.1 or 三 (second effect).")
    quote: str = Field(min_length=1, title="Quote", description="A short quote from the paper.")
    quote_en: str | None = Field(default=None, title="Quote in English",
                                 description="A faithful English translation of the quote.")


class Explanation(Text):
    """An explanation template in both languages: may use {measured} and {value}."""

    @field_validator("zh", "en")
    @classmethod
    def _template(cls, value: str) -> str:
        return check_template(value)


class Rule(Strict):
    """One rule: a measure, its scale onto 0-100, the indicator it feeds and its weight."""

    id: Identifier = Field(title="Id", description="Unique rule id (scenarios override by it).")
    key: str = Field(title="Indicator", description="The indicator key this rule feeds.")
    weight: float = Field(default=1.0, ge=0, le=10, title="Weight", description="0 to 10.")
    measure: Measure = Field(title="Measure", description="What is measured in the log.")
    scale: tuple[RuleNumber, RuleNumber] | None = Field(
        default=None,
        title="Scale",
        description="[a, b]: a maps to 0 and b to 100, linearly, clipped (a > b inverts). "
        "Leave empty for counts and percentages used as they are. Ends within ±1e9.",
    )
    threshold: RuleNumber | None = Field(
        default=None,
        title="Threshold",
        description="The rule fires when the measure reaches it (within ±1e9).",
    )
    fires_below: bool = Field(
        default=False, title="Fires below", description="Fire when the measure is at or below."
    )
    empty: RuleNumber | None = Field(
        default=None,
        title="Value when unmeasurable",
        description="Measure to assume when there is nothing to measure (a ratio over zero); "
        "empty means the rule is left out of its indicator.",
    )
    explanation: Explanation = Field(title="Explanation", description="zh/en template.")
    citation: Citation = Field(title="Citation", description="The paper's passage.")

    @model_validator(mode="after")
    def _scale_not_flat(self) -> Rule:
        if self.scale is not None and self.scale[0] == self.scale[1]:
            raise ValueError("scale needs two different ends")
        return self


class Indicator(Strict):
    """A score key of GAME.md."""

    key: Identifier = Field(title="Key", description="The stable key in the report.")
    group: Literal["forms", "mechanisms", "effects", "pathologies", "outcome"] = Field(
        title="Group", description="Where it stands in the paper's framework."
    )
    label: Text = Field(title="Label", description="Its name.")
    description: Text = Field(title="Description", description="What it means.")
    unit: Literal["score", "percent", "count"] = Field(
        default="score", title="Unit", description="score 0-100, percent, or a count."
    )
    citation: Citation = Field(title="Citation", description="The paper's passage.")
    compose: dict[str, Annotated[float, Field(ge=0, le=10)]] | None = Field(
        default=None,
        title="Composition",
        description="Weights over other indicators (their weighted mean); pathologies listed "
        "in `invert` count as 100 minus their value.",
    )
    invert: list[str] = Field(
        default_factory=list, title="Inverted", description="Composed keys read as 100 - value."
    )


class RuleBook(Strict):
    """The whole rule file."""

    schema_version: Literal[1] = Field(title="Schema version", description="Currently 1.")
    indicators: list[Indicator] = Field(title="Indicators", description="The score keys.")
    rules: list[Rule] = Field(title="Rules", description="The rules feeding them.")

    @model_validator(mode="after")
    def _references(self) -> RuleBook:
        errors = _Errors()
        keys = [i.key for i in self.indicators]
        for index, ident in enumerate(keys):
            if keys.count(ident) > 1 and keys.index(ident) != index:
                errors.add(("indicators", index, "key"), f"indicator '{ident}' defined twice")
        ids = [r.id for r in self.rules]
        for index, rule in enumerate(self.rules):
            if ids.count(rule.id) > 1 and ids.index(rule.id) != index:
                errors.add(("rules", index, "id"), f"rule id '{rule.id}' used twice")
            if rule.key not in keys:
                errors.add(("rules", index, "key"), f"unknown indicator '{rule.key}'")
        _check_composition(self.indicators, errors)
        errors.raise_if_any()
        return self


def _check_composition(indicators: list[Indicator], errors: _Errors) -> None:
    by_key = {i.key: i for i in indicators}
    for index, indicator in enumerate(indicators):
        for part in [*(indicator.compose or {}), *indicator.invert]:
            if part not in by_key:
                errors.add(("indicators", index, "compose"), f"unknown indicator '{part}'")
        if _cycle(indicator.key, by_key, []):
            errors.add(("indicators", index, "compose"),
                       f"circular composition through '{indicator.key}'")


def _cycle(key: str, by_key: dict[str, Indicator], path: list[str]) -> bool:
    if key in path:
        return True
    indicator = by_key.get(key)
    if indicator is None or not indicator.compose:
        return False
    return any(_cycle(part, by_key, [*path, key]) for part in indicator.compose)


def parse_rulebook(text: str, file: str) -> RuleBook:
    """Validate rule-file text; raise ScenarioError with `file:line:col` problems."""
    root = read_yaml(text, file)
    if not isinstance(root, dict):
        raise ScenarioError([Problem(file, 1, 1, "a rule file must be a YAML mapping")])
    try:
        return RuleBook.model_validate(plain(root))
    except ValidationError as err:
        raise ScenarioError(located_problems(err, root, file)) from None


def clean_loc(loc: tuple[str | int, ...]) -> tuple[str | int, ...]:
    """Drop the tags pydantic inserts for tagged unions (measure.count.count -> measure.count)."""
    out: list[str | int] = []
    for part in loc:
        if out and part == out[-1] and part in MEASURE_KINDS:
            continue
        if isinstance(part, str) and part.startswith("function-"):
            continue
        out.append(part)
    return tuple(out)


def located_problems(
    err: ValidationError,
    root: Any,
    file: str,
    shift: tuple[tuple[str | int, ...], int] | None = None,
    indexes: list[int] | None = None,
) -> list[Problem]:
    """Problems of a rule validation error, located in the YAML tree.

    Args:
        shift: for rules appended to the shipped ones (scenario overrides): the location of
            the scenario's rule list and how many shipped rules come before it.
        indexes: the place in the scenario's list of each appended rule, when only some of
            its rules were appended (by default the n-th appended rule is its n-th).
    """
    problems = []
    for error in err.errors():
        loc = clean_loc(tuple(error["loc"]))
        if shift is not None:
            prefix, offset = shift
            if len(loc) >= 2 and loc[0] == "rules" and isinstance(loc[1], int):
                index = loc[1] - offset
                index = indexes[index] if indexes is not None and 0 <= index < len(indexes) \
                    else index
                loc = (*prefix, index, *loc[2:])
            else:
                loc = prefix
        line, col = locate(root, loc)
        where = ".".join(str(p) for p in loc)
        message = error["msg"].removeprefix("Value error, ")
        if error["type"] == "extra_forbidden":
            message = f"unknown key '{loc[-1]}'"
        elif error["type"] == "missing":
            message = "missing required field"
        problems.append(Problem(file, line, col, f"{where}: {message}" if where else message))
    return sorted(problems, key=lambda p: (p.line, p.col, p.message))


@cache
def default_rulebook() -> RuleBook:
    """The shipped rule file."""
    return parse_rulebook(RULES_FILE.read_text(encoding="utf-8"), str(RULES_FILE))


def known_rule_ids() -> set[str]:
    """Ids of the shipped rules."""
    return {rule.id for rule in default_rulebook().rules}
