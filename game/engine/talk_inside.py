"""Moves inside a unit: planning its time, levering society, and quiet withdrawals."""

from __future__ import annotations

from typing import TYPE_CHECKING

from game.engine.talk import (
    Apply,
    Check,
    free_time,
    need_funds,
    need_task,
    need_time,
    pay_time,
    refuse,
)

if TYPE_CHECKING:
    from game.engine.moves import (
        AllocateTime,
        LeverSocial,
        QuasiExit,
        RespondLocalNeeds,
        SymbolicExecution,
    )
    from game.engine.world import Refusal, World


def _carrier(game: World, seat: str, task: str) -> Refusal | None:
    refusal = need_task(game, seat, task)
    if refusal is None and game.hierarchy.subordinates(seat, task):
        return refuse("not_carrier", "只有具体执行的乡镇（街道）能这样做。",
                      "Only a carrying township or subdistrict can do that.")
    return refusal


def check_allocate(game: World, seat: str, move: AllocateTime) -> Refusal | None:
    for key in move.weights:
        if key == "local_needs":
            continue
        refusal = _carrier(game, seat, key)
        if refusal is not None:
            return refusal
    if sum(move.weights.values()) <= 0:
        return refuse("zero", "权重之和须大于零。", "The weights must add up to more than zero.")
    return None


def apply_allocate(game: World, seat: str, move: AllocateTime) -> None:
    game.units[seat].allocation = dict(move.weights)
    game.units[seat].overtime = move.overtime
    game.emit("allocate_time", actor=seat, data={"weights": dict(sorted(move.weights.items())),
                                                 "overtime": move.overtime})


def check_lever(game: World, seat: str, move: LeverSocial) -> Refusal | None:
    refusal = _carrier(game, seat, move.task)
    if refusal is None and not game.task_by_id[move.task].social_leverage:
        return refuse("no_leverage", "该任务无法撬动社会资源。",
                      "That task cannot lever social resources.")
    return refusal or need_funds(game, seat, move.funds) or need_time(game, seat, "lever_social")


def apply_lever(game: World, seat: str, move: LeverSocial) -> None:
    unit = game.units[seat]
    unit.funds -= move.funds
    levered = move.funds * unit.social_resources
    game.levered[(seat, move.task)] = game.levered.get((seat, move.task), 0.0) + levered
    unit.main_responsibility = min(
        1.0, unit.main_responsibility + game.params.lever_responsibility
    )
    pay_time(game, seat, "lever_social", [], "work")
    game.emit("lever_social", actor=seat, task=move.task,
              data={"funds": move.funds, "levered": round(levered, 3)})


def check_local(game: World, seat: str, move: RespondLocalNeeds) -> Refusal | None:
    free = free_time(game, seat)
    if move.days > free:
        return refuse(
            "time",
            f"干部时间不足：需要 {move.days:g} 人日，只剩 {max(free, 0.0):.1f}。",
            f"Not enough cadre time: {move.days:g} cadre-days needed, "
            f"{max(free, 0.0):.1f} left.",
        )
    return None


def apply_local(game: World, seat: str, move: RespondLocalNeeds) -> None:
    game.units[seat].local_extra += move.days
    game.emit("respond_local_needs", actor=seat, data={"days": move.days})


def check_symbolic(game: World, seat: str, move: SymbolicExecution) -> Refusal | None:
    refusal = _carrier(game, seat, move.task)
    if refusal is None and game.assignments[(seat, move.task)].symbolic:
        return refuse("twice", "已经这样做了。", "Already done this turn.")
    return refusal or need_time(game, seat, "symbolic_execution")


def apply_symbolic(game: World, seat: str, move: SymbolicExecution) -> None:
    game.assignments[(seat, move.task)].symbolic = True
    game.emit("symbolic_execution", actor=seat, task=move.task)


def check_exit(game: World, seat: str, move: QuasiExit) -> Refusal | None:
    refusal = _carrier(game, seat, move.task)
    if refusal is None and game.assignments[(seat, move.task)].quasi_exit:
        return refuse("twice", "已经这样做了。", "Already done this turn.")
    return refusal


def apply_exit(game: World, seat: str, move: QuasiExit) -> None:
    game.assignments[(seat, move.task)].quasi_exit = True
    game.emit("quasi_exit", actor=seat, task=move.task)


HANDLERS: dict[str, tuple[Check, Apply]] = {
    "allocate_time": (check_allocate, apply_allocate),
    "lever_social": (check_lever, apply_lever),
    "respond_local_needs": (check_local, apply_local),
    "symbolic_execution": (check_symbolic, apply_symbolic),
    "quasi_exit": (check_exit, apply_exit),
}
