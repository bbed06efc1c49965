"""What the paper predicts for a table by its superiors' style, and whether the tables bore it out.

The paper contrasts communicative mobilization with pressure-type ("traditional bureaucratic")
mobilization (DOMAIN.md section 5). Each `Prediction` names one indicator of the county's report,
which way it should move the more pressure-type the superiors are, and the passage that says so.
The prediction is never written into the game's mechanics (GAME.md, "Mechanisms, not verdicts"):
here it is only set beside what the tables did, and it may fail.

A table is checked against every table whose superiors had another style: a communicative
table should show less overload than a pressure-type one, a pressure-type table more; a mixed
table sits between them. A table whose style no other table differs from has nothing to be
checked against (`held` None).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Literal

from pydantic import BaseModel, ConfigDict

#: Superior styles from the most communicative to the most pressure-type.
STYLE_ORDER = {"communicative": 0, "mixed": 1, "pressure": 2}
#: Differences smaller than this (in the indicator's unit) are no difference.
TOLERANCE = 0.05


class Citation(BaseModel):
    """A passage of the paper: its section (一, 二.3, 三（第二）...), the Chinese original and an
    English translation."""

    model_config = ConfigDict(frozen=True)

    section: str
    quote: str
    quote_en: str


class Prediction(BaseModel):
    """One of the paper's claims about an indicator.

    Attributes:
        indicator: a key of the county's report (`score_game(game)["indicators"]`).
        direction: +1 when the indicator should be higher the more pressure-type the
            superiors, -1 when lower.
        strict: True: the difference must show (beyond `TOLERANCE`); False: it is enough that
            the indicator is not worse ("communicative mobilization still meets the real
            target" is a claim of no loss, not of a gain).
        claim: the claim in words, {"zh", "en"}, as said of communicative superiors.
        citation: the passage that makes it.
    """

    model_config = ConfigDict(frozen=True)

    indicator: str
    direction: Literal[1, -1]
    strict: bool = True
    claim: dict[str, str]
    citation: Citation


PREDICTIONS: tuple[Prediction, ...] = (
    Prediction(
        indicator="overload", direction=1,
        claim={"zh": "沟通型上级之下，干部的超负荷更轻。",
               "en": "Under communicative superiors, cadres are less overloaded."},
        citation=Citation(
            section="三（第二）",
            quote="这样政策执行的松紧度就可以把握，而不会动不动就“一票否决”或“末位淘汰”，"
                  "进而减少干部的超负荷程度和体制的刚性程度。",
            quote_en="So the tightness of implementation can be judged, without resorting "
                     "at every turn to a \"one-vote veto\" or \"last-place elimination\", "
                     "which lessens cadres' overload and the rigidity of the system.")),
    Prediction(
        indicator="formalism", direction=1,
        claim={"zh": "压力型上级之下，形式主义更多。",
               "en": "Under pressure-type superiors, there is more formalism."},
        citation=Citation(
            section="二.3",
            quote="一般而言，基层治理“层层加码”的后果是形式主义增加，因为上下级之间没有政策"
                  "协商空间。",
            quote_en="Generally speaking, the consequence of \"layer-by-layer escalation\" in "
                     "grassroots governance is more formalism, because there is no room for "
                     "policy negotiation between superior and subordinate.")),
    Prediction(
        indicator="accountability_events", direction=1,
        claim={"zh": "沟通型上级之下，问责更少（非问责体制）。",
               "en": "Under communicative superiors, fewer sanctions fall (a "
                     "non-accountability system)."},
        citation=Citation(
            section="三（第二）",
            quote="沟通式动员在共同体内部塑造了一种非问责体制，作为整个多层级单一政府体制的"
                  "缓冲机制，来调节政策执行压力。",
            quote_en="Communicative mobilization shapes a non-accountability system inside "
                     "the community, a buffer of the whole multi-level unitary system that "
                     "regulates the pressure of implementation.")),
    Prediction(
        indicator="blame_avoidance", direction=1,
        claim={"zh": "沟通型上级之下，消极避责更少。",
               "en": "Under communicative superiors, there is less blame avoidance."},
        citation=Citation(
            section="二.3",
            quote="沟通式的政策动员机制，能够在上下级之间构建出一个政策协商空间，并发挥积极的"
                  "政策动员功能，而非产生基层共谋下的消极避责。",
            quote_en="The communicative mechanism of policy mobilization can build a space for "
                     "policy negotiation between superior and subordinate and mobilize "
                     "positively, instead of producing passive blame avoidance under "
                     "collusion at the base.")),
    Prediction(
        indicator="local_autonomy", direction=-1,
        claim={"zh": "沟通型上级之下，地方执行的自主空间更大。",
               "en": "Under communicative superiors, local implementation has more room."},
        citation=Citation(
            section="三（第三）",
            quote="经过下级的反馈、沟通和协商，可以酌情压缩目标值，如果下级的政策建议具有"
                  "普遍性，上级甚至会对政策目标进行调整。",
            quote_en="After the lower level's feedback, communication and negotiation, the "
                     "target value can be compressed as fits; if its suggestion is general, "
                     "the superior may even adjust the policy target.")),
    Prediction(
        indicator="delivered_vs_original", direction=-1, strict=False,
        claim={"zh": "沟通型上级之下，真实目标照样完成：加码覆盖了讨价还价让出的部分。",
               "en": "Under communicative superiors, the real target is still met: the markup "
                     "covers what is bargained away."},
        citation=Citation(
            section="一（图1）",
            quote="只要保证加码的部分能够弥补下级讨价还价的部分，则依然能够达成上级政策目标"
                  "（见图1）。",
            quote_en="As long as the part added by escalation makes up for the part the "
                     "subordinates bargain away, the superior's policy target can still be "
                     "achieved (see Figure 1).")),
    Prediction(
        indicator="resilience", direction=-1,
        claim={"zh": "沟通型上级之下，制度韧性更强（减压阀）。",
               "en": "Under communicative superiors, the system is more resilient (a "
                     "pressure-relief valve)."},
        citation=Citation(
            section="三",
            quote="沟通式动员作为上下政府层级间的一种谈判形式，在公共政策执行过程中充当着多层次"
                  "单一政府体制的减压阀，为政策指标层层加码提供弹性机制和现实路径，能够维持"
                  "多层次单一政府体制的制度韧性。",
            quote_en="Communicative mobilization, a form of negotiation between levels of "
                     "government, acts in implementation as the pressure-relief valve of the "
                     "multi-level unitary system, gives layer-by-layer escalation an elastic "
                     "mechanism and a practical path, and sustains the system's institutional "
                     "resilience.")),
)


#: How a contrast came out: the values bore the claim out, went the other way, did not differ
#: (beyond `TOLERANCE`), or one of them is not applicable.
Outcome = Literal["held", "reversed", "no_difference", "not_applicable"]


class Contrast(BaseModel):
    """This table against one table of another style on one indicator.

    Attributes:
        table: the other table's number.
        style: its superiors' style.
        expected: "lower", "higher" (strict claims), "not_lower" or "not_higher".
        this: this table's final value (the indicator's unit), None when not applicable.
        other: the other table's final value.
        outcome: how it came out (`Outcome`); a claim of no loss ("not_lower") holds on equal
            values, a strict one shows "no_difference".
    """

    model_config = ConfigDict(frozen=True)

    table: int
    style: str
    expected: Literal["lower", "higher", "not_lower", "not_higher"]
    this: float | None
    other: float | None
    outcome: Outcome


class PredictionCheck(BaseModel):
    """A prediction set beside what one table did.

    Attributes:
        prediction: the claim and its passage.
        contrasts: one per table of another superior style (empty: nothing to compare).
        outcome: "held" (every contrast held), "reversed" (every contrast that differed went
            the other way), "mixed" (held against some
            tables, not against others), "no_difference" (no contrast
            showed a difference, or none was applicable), "no_contrast" (no table of another
            style).
    """

    model_config = ConfigDict(frozen=True)

    prediction: Prediction
    contrasts: list[Contrast]
    outcome: Literal["held", "reversed", "mixed", "no_difference", "no_contrast"]

    @property
    def held(self) -> bool | None:
        """True when held, False when reversed or mixed, None otherwise."""
        return {"held": True, "reversed": False, "mixed": False}.get(self.outcome)


def check_predictions(number: int, styles: Mapping[int, str | None],
                      finals: Mapping[int, Mapping[str, float | None]],
                      predictions: Sequence[Prediction] = PREDICTIONS) -> list[PredictionCheck]:
    """Every prediction for table `number`, checked against the tables of other styles.

    Args:
        number: the table checked.
        styles: {table: its superiors' style ("communicative", "mixed", "pressure"; None or an
            unknown style is left out of every contrast)}.
        finals: {table: {indicator key: final value (its unit), or None}}.
        predictions: the claims to check.

    Returns:
        One `PredictionCheck` per prediction, in order.
    """
    rank = STYLE_ORDER.get(styles.get(number) or "")
    checks = []
    for prediction in predictions:
        contrasts = []
        for other, style in sorted(styles.items()):
            other_rank = STYLE_ORDER.get(style or "")
            if rank is None or other_rank is None or other_rank == rank:
                continue
            contrasts.append(_contrast(prediction, rank - other_rank, other, str(style),
                                       finals[number].get(prediction.indicator),
                                       finals[other].get(prediction.indicator)))
        checks.append(PredictionCheck(prediction=prediction, contrasts=contrasts,
                                      outcome=_overall([c.outcome for c in contrasts])))
    return checks


def _contrast(prediction: Prediction, steps: int, other: int, style: str,
              this: float | None, that: float | None) -> Contrast:
    """`steps` > 0: this table's superiors are more pressure-type than the other's."""
    higher = prediction.direction * steps > 0
    if prediction.strict:
        expected: Literal["lower", "higher", "not_lower", "not_higher"] = (
            "higher" if higher else "lower")
    else:
        expected = "not_lower" if higher else "not_higher"
    outcome: Outcome = "not_applicable"
    if this is not None and that is not None:
        diff = this - that
        if abs(diff) <= TOLERANCE:
            outcome = "no_difference" if prediction.strict else "held"
        else:
            want_higher = expected in ("higher", "not_lower")
            outcome = "held" if (diff > 0) == want_higher else "reversed"
    return Contrast(table=other, style=style, expected=expected, this=this, other=that,
                    outcome=outcome)


def _overall(outcomes: list[Outcome]) -> Literal["held", "reversed", "mixed", "no_difference",
                                                 "no_contrast"]:
    if not outcomes:
        return "no_contrast"
    held, reversed_ = "held" in outcomes, "reversed" in outcomes
    if held and reversed_:
        return "mixed"
    if held:
        return "held" if all(o == "held" for o in outcomes) else "mixed"
    return "reversed" if reversed_ else "no_difference"


__all__ = ["PREDICTIONS", "STYLE_ORDER", "TOLERANCE", "Citation", "Contrast", "Outcome",
           "Prediction", "PredictionCheck", "check_predictions"]
