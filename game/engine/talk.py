"""Shared checks and costs of moves, and the table of every move's check and effect."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from game.engine.world import Refusal, World

Check = Callable[[Any, str, Any], Refusal | None]
Apply = Callable[[Any, str, Any], None]


def refuse(code: str, zh: str, en: str) -> Refusal:
    """Build a bilingual refusal."""
    return Refusal(code, zh, en)


def need_task(game: World, seat: str, task: str) -> Refusal | None:
    """The task must exist, be running, and have the seat on its line."""
    if task not in game.tasks:
        return refuse("task", f"没有任务“{task}”。", f"There is no task '{task}'.")
    if not game.tasks[task].active:
        return refuse("inactive", "该任务当前不在执行期。", "That task is not running now.")
    if game.assignment(seat, task) is None:
        return refuse("off_line", "本单位不承担该任务。", "Your unit is not on that task's line.")
    return None


def need_superior(game: World, seat: str, task: str) -> Refusal | None:
    """The seat must be on the task and have a superior for it."""
    refusal = need_task(game, seat, task)
    if refusal is None and game.hierarchy.superior(seat, task) is None:
        return refuse("top", "本单位在该任务上没有上级。", "Nobody stands above you on that task.")
    return refusal


def need_subordinate(game: World, seat: str, sub: str, task: str) -> Refusal | None:
    """The seat must be the adjacent superior of `sub` on the task."""
    refusal = need_task(game, seat, task)
    if refusal is not None:
        return refusal
    if sub not in game.units:
        return refuse("unit", f"没有单位“{sub}”。", f"There is no unit '{sub}'.")
    if not game.hierarchy.adjacent(seat, sub, task):
        return refuse(
            "not_adjacent",
            "只能与相邻层级的直接下级沟通。",
            "You can only deal with a subordinate one level down on that task.",
        )
    return None


def free_time(game: World, seat: str) -> float:
    """Cadre-days the seat can still give this turn: days promised to villagers are taken."""
    unit = game.units[seat]
    return unit.time_left - unit.local_extra


def need_time(game: World, seat: str, kind: str) -> Refusal | None:
    """The seat must have the cadre time the move costs."""
    actor_cost, _ = game.params.move_costs[kind]
    left = free_time(game, seat)
    if actor_cost > 0 and left < actor_cost:
        return refuse(
            "time",
            f"干部时间不足：需要 {actor_cost:g} 人日，只剩 {max(left, 0.0):.1f}。",
            f"Not enough cadre time: {actor_cost:g} cadre-days needed, "
            f"{max(left, 0.0):.1f} left.",
        )
    return None


def need_funds(game: World, seat: str, amount: float) -> Refusal | None:
    """The seat must have the funds."""
    if game.units[seat].funds + 1e-9 < amount:
        return refuse(
            "funds",
            f"经费不足：需要 {amount:g} 万元，只有 {game.units[seat].funds:.1f}。",
            f"Not enough funds: {amount:g} needed, {game.units[seat].funds:.1f} available.",
        )
    return None


def pay_time(game: World, seat: str, kind: str, addressees: list[str], category: str) -> None:
    """Spend the move's cadre time on the actor and on each addressee."""
    actor_cost, each = game.params.move_costs[kind]
    if actor_cost:
        game.units[seat].spend(category, actor_cost)
    for unit in addressees:
        if each:
            game.units[unit].spend(category, each)


def need_once(game: World, kind: str, seat: str, target: str, task: str) -> Refusal | None:
    """Some moves count once a turn for the same addressee and task (a second meeting or
    commendation the same week adds nothing)."""
    if (kind, seat, target, task) in game.done_once:
        return refuse("once", "本回合已对同一对象做过此事。",
                      "Already done this turn for the same unit and task.")
    return None


def mark_once(game: World, kind: str, seat: str, target: str, task: str) -> None:
    """Remember a once-a-turn move."""
    game.done_once.add((kind, seat, target, task))
