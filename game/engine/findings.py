"""Why a superior found something out, and why it chose to hold a unit to account.

The findings (a false cause, a request without grounds, an inflated figure) and a sanction of
the superior's own choosing carry a reason like an answer does (`game.engine.reasons`): a code,
the sentence in both languages and the figures it cites, from the superior's state and the
world's facts it checked — the information symmetry that let it see (paper 二.1: the superior
knows "whether you did it and how much").
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from game.engine.reasons import render

if TYPE_CHECKING:
    from game.engine.state import Request
    from game.engine.world import World

#: Reasons of the findings a superior makes and of the sanctions it chooses (zh, en).
FINDINGS: dict[str, tuple[str, str]] = {
    "cause_false": (
        "{finding}（信息对称度 {symmetry}）。",
        "{finding} (information symmetry {symmetry})."),
    "unfounded_coordination": (
        "没有发现超出你单位能力范围的问题（信息对称度 {symmetry}）。",
        "We found no problem beyond your reach (information symmetry {symmetry})."),
    "unfounded_policy": (
        "目标并未超出你单位的实际能力，无需配套政策（信息对称度 {symmetry}）。",
        "The target does not exceed your real capacity: no supporting policy is needed "
        "(information symmetry {symmetry})."),
    "unfounded_proposal": (
        "没有可以证实的客观原因支持放宽进度（信息对称度 {symmetry}）。",
        "No cause the facts confirm supports a slower pace (information symmetry {symmetry})."),
    "figure_inflated": (
        "上报数比实际多约 {amount}{measure}，相当于应完成进度的 {share}；{how}",
        "The figure sent is about {amount} {measure} above the truth, {share} of the progress "
        "due; {how}"),
    "false_figure": (
        "上报数据经核实虚高。", "The figures sent were found inflated."),
    "behind_pace": (
        "上期考核进度为应完成的 {ratio}（连续滞后 {lagging} 期）。",
        "The last assessment showed {ratio} of the pace due (assessments behind in a row: "
        "{lagging})."),
    "below_estimate": (
        "上报累计 {reported}{measure}，低于我们按能力估计应完成的 {feasible}。",
        "{reported} {measure} on the record, below the {feasible} our estimate of your "
        "capacity says was feasible."),
    "no_shortfall": (
        "记录并未显示滞后（上期进度 {ratio}）：这是上级的决定。",
        "The record shows no shortfall (last pace {ratio}): it is the superior's decision."),
}


def false_cause_reason(game: World, superior: str, sub: str, task: str,
                       causes: list[str], too_low: bool) -> dict[str, Any]:
    """Why the superior found an explanation or proposal untrue: the facts it checked."""
    relation = game.relations.get((superior, sub))
    figures = {"symmetry": round(relation.symmetry, 3) if relation else 0.0}
    values = {**figures, "causes": causes, "target_too_low": too_low}
    return _render(game, "cause_false", task, values, figures)


def unfounded_reason(game: World, request: Request) -> dict[str, Any]:
    """Why the superior found a request for coordination, policy or time without grounds."""
    relation = game.relations.get((request.receiver, request.sender))
    figures = {"symmetry": round(relation.symmetry, 3) if relation else 0.0}
    kind = request.kind if request.kind in ("coordination", "policy") else "proposal"
    return _render(game, f"unfounded_{kind}", request.task, figures, figures)


def inflated_reason(game: World, superior: str, sub: str, task: str, amount: float,
                    due: float, supervised: bool) -> dict[str, Any]:
    """Why the superior found a reported figure too high: the size of the lie against the
    progress due, what it knows of the unit, and whether it was there (supervision)."""
    relation = game.relations.get((superior, sub))
    figures = {"amount": round(amount, 3), "share": round(amount / due, 3) if due else 0.0,
               "symmetry": round(relation.symmetry, 3) if relation else 0.0,
               "supervised": supervised}
    how = {"zh": "督导中当场发现。" if supervised else "与我们掌握的情况不符（信息对称度 "
                 f"{100 * figures['symmetry']:.0f}%）。",
           "en": "seen on site during supervision." if supervised else "it does not square with "
                 f"what we know of you (information symmetry {100 * figures['symmetry']:.0f}%)."}
    return _render(game, "figure_inflated", task, {**figures, "how": how}, figures)


def sanction_reason(game: World, superior: str, sub: str, task: str) -> dict[str, Any]:
    """Why a superior chose to hold a unit to account: a false figure found lately, a pace
    behind, a record below what it estimates feasible — or nothing on the record."""
    assignment = game.assignments[(sub, task)]
    ratio = assignment.last_ratio
    figures: dict[str, Any] = {"ratio": round(ratio, 4), "lagging": assignment.lagging}
    caught = any(r.kind == "discrepancy" and r.task == task
                 for r in game.requests.recent_from(sub, game.turn - 1))
    relation = game.relations.get((superior, sub))
    known = relation.estimates.get(task) if relation else None
    done, length = game.elapsed(task)
    feasible = min(assignment.target, known) * (done - 1) / length if known else None
    if caught:
        code = "false_figure"
    elif ratio < 1.0:
        code = "behind_pace"
    elif feasible is not None and assignment.reported < 0.7 * feasible:
        code = "below_estimate"
        figures.update(reported=round(assignment.reported, 3), feasible=round(feasible, 3))
    else:
        code = "no_shortfall"
    values = {**figures, "ratio": f"{100 * ratio:.0f}%"}
    return _render(game, code, task, values, figures)



def _render(game: World, code: str, task: str, values: dict[str, Any],
            figures: dict[str, Any]) -> dict[str, Any]:
    return render(game, code, FINDINGS[code], task, values, figures)
