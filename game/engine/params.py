"""The engine's calibration: every number the mechanics use, with why it has its value.

None of these names a style: styles change what officials *do* (counterparts.py); these
numbers say what acts cost and cause. DOMAIN.md section 7 is the source where one exists.
"""

from __future__ import annotations

from dataclasses import dataclass, field

REPORTS_PER_DAY = {"daily": 1.0, "weekly": 1.0 / 7.0, "monthly": 1.0 / 30.0}


def _p(value: float, why: str) -> float:
    return field(default=value, metadata={"why": why})


@dataclass(frozen=True)
class Params:
    """Mechanics constants. Cadre time is counted in cadre-days."""

    report_cost: float = _p(
        0.8, "Cadre-days to fill one progress report for one task: forms, photos, ledgers."
    )
    report_cost_fuzzy: float = _p(
        1.6, "Extra cadre-days per report for a fully fuzzy task, which must be shown on paper."
    )
    rework_notice: float = _p(
        5.0, "Cadre-days a criticism notice costs: a rectification report and a meeting."
    )
    rework_talk: float = _p(8.0, "Cadre-days a talk (约谈) costs: preparation, review, follow-up.")
    rework_veto: float = _p(12.0, "Cadre-days a veto costs in reviews and rectification.")
    central_paper: float = _p(
        1.0,
        "Cadre-days of ledgers and briefings a central task (中心工作) costs a unit each turn, "
        "raised by half for every other central task it runs at the same time.",
    )
    inspection_cost: float = _p(
        6.0, "Cadre-days a township spends receiving a cross-level inspection."
    )
    move_costs: dict[str, tuple[float, float]] = field(
        default_factory=lambda: {
            # move kind: (actor cadre-days, each addressee's cadre-days)
            "report_progress": (0.5, 0.0),
            "explain_shortfall": (1.5, 0.5),
            "request_coordination": (1.0, 0.5),
            "propose_target": (1.5, 0.5),
            "cite_rule": (0.5, 0.2),
            "request_policy": (1.0, 0.3),
            "collude": (0.5, 0.0),
            "answer": (0.5, 0.0),
            "split_quota": (1.0, 0.0),
            "allocate_time": (0.0, 0.0),
            "lever_social": (2.0, 0.0),
            "set_reporting": (0.2, 0.0),
            "research_visit": (3.0, 1.0),
            "symposium": (2.0, 1.0),
            "mobilization_meeting": (2.0, 1.5),
            "supervise": (1.5, 0.5),
            "incentive": (0.5, 0.0),
            "adjust_target": (0.5, 0.0),
            "sanction": (1.0, 0.0),
            "respond_local_needs": (0.0, 0.0),
            "symbolic_execution": (0.0, 0.0),
            "quasi_exit": (0.0, 0.0),
            "shift_blame": (1.0, 0.0),
        },
        metadata={"why": "What each move costs its maker and each unit it addresses."},
    )
    estimate_error: float = _p(
        0.35,
        "Log-scale spread of a superior's capacity estimate with no information at all; "
        "shrinks with information symmetry and familiarity.",
    )
    detect_base: float = _p(0.08, "Chance a false cause or figure is caught with no information.")
    detect_slope: float = _p(
        0.8, "Added chance of catching it at full information symmetry (paper 二.1)."
    )
    inspection_detect: float = _p(
        0.9, "Chance a cross-level inspection finds an inflated figure: it checks on the ground."
    )
    visit_symmetry: float = _p(0.12, "Information symmetry a research visit adds.")
    symposium_symmetry: float = _p(0.05, "Information symmetry a symposium adds to each unit.")
    supervise_symmetry: float = _p(0.06, "Information symmetry participatory supervision adds.")
    symmetry_decay: float = _p(0.015, "Information symmetry lost per turn without contact.")
    familiarity_gain: float = _p(0.03, "Familiarity each face-to-face contact adds.")
    trust_lie: float = _p(0.22, "Trust lost when a false cause or figure is caught.")
    trust_honest: float = _p(0.04, "Trust gained when a truthful explanation is heard.")
    lowball_share: float = _p(
        0.85,
        "A proposed target below this share of what the unit can really do (its capacity, up "
        "to its target) makes an explanation or proposal untruthful.",
    )
    trust_sanction: float = _p(0.02, "Trust a superior loses in a unit it sanctions.")
    trust_missing_report: float = _p(
        0.03, "Trust lost when a report the cadence asks for does not arrive."
    )
    pressure_missing_report: float = _p(
        0.1, "Felt pressure a missing report brings (the superior asks after it)."
    )
    memory_half_life: float = _p(
        4.0, "Turns after which a remembered favour or explanation counts half."
    )
    pressure_effort: float = _p(
        0.35,
        "Extra effort (overtime) at full felt pressure: pressure raises short-term output and "
        "overload alike.",
    )
    pressure_decay: float = _p(0.6, "Share of felt pressure carried into the next turn.")
    pressure_notice: float = _p(0.25, "Felt pressure a notice adds.")
    pressure_talk: float = _p(0.4, "Felt pressure a talk adds.")
    pressure_veto: float = _p(0.7, "Felt pressure a veto adds.")
    pressure_daily: float = _p(0.15, "Felt pressure from having to report daily.")
    pressure_ranking: float = _p(0.2, "Felt pressure of a published ranking on the lower half.")
    morale_overload: float = _p(0.12, "Morale lost per unit of overload above 1.")
    morale_sanction: float = _p(0.05, "Morale lost per sanction.")
    morale_veto: float = _p(0.2, "Morale lost by a veto.")
    morale_accept: float = _p(0.03, "Morale gained when an explanation is accepted.")
    morale_recovery: float = _p(0.02, "Morale regained each calm turn (no overload, no sanction).")
    incentive_morale: dict[str, float] = field(
        default_factory=lambda: {
            "economic": 0.04,
            "political": 0.08,
            "spiritual": 0.05,
            "supporting_policy": 0.03,
            "experiment": 0.06,
        },
        metadata={"why": "Morale each kind of incentive gives, before familiarity scales it."},
    )
    policy_capacity: float = _p(
        0.03,
        "Share of the original capacity that one unit (10,000 yuan) of supporting policy adds, "
        "e.g. subsidies that bring large growers into double-season rice (paper 一.1).",
    )
    experiment_productivity: float = _p(
        0.08, "Productivity a recognised local method adds on the task (合理性认可)."
    )
    supervise_productivity: float = _p(
        0.04, "Productivity participatory supervision adds: problems caught during the work."
    )
    meeting_consensus: float = _p(0.04, "Morale a mobilization meeting adds (shared consensus).")
    coordination_relief: float = _p(
        0.6, "Share of an outside problem's lost cadre time that accepted coordination restores."
    )
    party_push: float = _p(
        0.1, "Productivity a party-committee push adds for the turn (高位推动); costs standing."
    )
    slow_start_factor: float = _p(0.35, "Productivity while gathering data first (K town).")
    fast_finish_factor: float = _p(
        1.45, "Productivity after a data-first start: households are visited once, not twice."
    )
    symbolic_share: float = _p(0.25, "Share of time on a task done on paper that yields output.")
    quasi_exit_share: float = _p(0.3, "Share of effort left in a task a unit quietly exits.")
    output_noise: float = _p(0.1, "Spread of chance in output (weather, luck, villagers).")
    local_needs_responsibility: float = _p(
        0.03, "Main responsibility gained (lost) per turn villagers' needs are met (squeezed)."
    )
    lever_responsibility: float = _p(0.03, "Main responsibility gained by levering society.")
    pace_notice: float = _p(0.75, "Reported pace below this share of the target draws a notice.")
    veto_threshold: float = _p(0.9, "Share of the target below which a veto task fails.")
    standing_start: float = _p(5.0, "Political standing a unit starts with.")
    policy_answer_funds: float = _p(
        2.0, "Funds (10,000 yuan) a superior spends to grant a requested supporting policy."
    )
    party_committee_standing: float = _p(
        1.0, "Standing a unit spends to ask the party committee for a push (高位推动)."
    )
    political_incentive_standing: float = _p(
        1.0, "Standing a superior spends on a political incentive (and the unit gains)."
    )
    central_overload: int = 3
    base_symmetry_floor: float = 0.2
    noise_style: float = 0.08


DEFAULT_PARAMS = Params()

#: Style knobs for computer-controlled officials: how communicative (superiors) or how honest
#: (subordinates) they are, from 0 to 1.
SUPERIOR_STYLE = {"communicative": 0.9, "mixed": 0.5, "pressure": 0.1}
SUBORDINATE_STYLE = {"honest": 0.95, "mixed": 0.6, "gaming": 0.15}
