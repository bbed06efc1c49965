"""A seat's account of one turn, as a serialisable part of its view (the turn report's data).

Built only from the events that reach the seat (`game.engine.views.visible_events`) and their
visible data, through `game.engine.effects.move_effects` for what the seat's moves changed:
never an event's hidden part, never another unit's true capacity or output (the statistics a
unit keeps for itself, `unit_turn` and `execution`, reach only their actor). The window renders
it (`game.ui.play.turn_account`); a remote table sends it in the seat's view alike.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pydantic import BaseModel, ConfigDict

from game.engine.effects import TurnEffects, move_effects
from game.engine.views import Document, document, visible_events

if TYPE_CHECKING:
    from game.engine.events import Event
    from game.engine.world import World

#: The report's sections after the seat's own figures: section key -> the event kinds in it,
#: in the order the report shows them.
SECTIONS: dict[str, tuple[str, ...]] = {
    "judged": ("assessment", "ranking_published"),
    "sanctions": ("accountability", "inspection", "false_cause_detected",
                  "falsification_detected", "collusion", "report_missing", "request_unfounded"),
    "rewards": ("incentive",),
    "answers": ("request_answered",),
    "world": ("world_event", "task_closed", "ratchet", "game_over"),
}


class TurnReport(BaseModel):
    """What one turn held for one seat.

    Attributes:
        turn: the turn (from 1).
        finished: whether the turn has been assessed (False for the turn under way: the report
            is what happened so far).
        effects: the seat's moves of the turn, the replies they drew and what they changed
            (cadre-days, 万元, targets in the task's unit, trust and symmetry as 0-1 shares),
            its relations' trust and symmetry before and after, its funds (万元) at the end of
            the previous turn and of this one (`game.engine.effects.TurnEffects`).
        time: the seat's own `unit_turn` statistics as a document (cadre time, days spent by
            category, overload, formalism, morale, funds, standing), None before the turn's
            work is done.
        work: the seat's own `execution` statistics, one document per task it carries (output,
            levered, time, paper, delivered, target and external in the task's unit or
            cadre-days).
        sections: `SECTIONS`' keys -> the turn's documents of those kinds that reach the seat,
            oldest first (visible data only).
    """

    model_config = ConfigDict(frozen=True, allow_inf_nan=False)

    turn: int
    finished: bool
    effects: TurnEffects
    time: Document | None = None
    work: list[Document] = []
    sections: dict[str, list[Document]] = {}


def turn_report(game: World, seat: str, turn: int) -> TurnReport:
    """Build the seat's report of `turn` from what reaches it.

    Args:
        game: the game (its log, and the rules every player reads).
        seat: a unit of the scenario.
        turn: a turn from 1 to `game.turn`.

    Returns:
        The report; `finished` is False for the current turn of a running game.
    """
    events = visible_events(game, seat, turn)
    own = [e for e in events if e.actor == seat]
    unit_turn = next((e for e in own if e.kind == "unit_turn"), None)
    return TurnReport(
        turn=turn,
        finished=turn < game.turn or game.over,
        effects=move_effects(game, seat, turn),
        time=None if unit_turn is None else document(unit_turn, seat),
        work=[document(e, seat) for e in own if e.kind == "execution"],
        sections={key: _documents(events, kinds, seat) for key, kinds in SECTIONS.items()},
    )


def _documents(events: list[Event], kinds: tuple[str, ...], seat: str) -> list[Document]:
    return [document(e, seat) for e in events if e.kind in kinds]
