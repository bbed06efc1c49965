"""The Game: a scenario's world, its seeded generator, its phases and the one way to act on it.

A game is scenario + seed + the human moves: replaying them gives the same event log, byte for
byte. Everything a window can do goes through `submit` and `advance`; computer officials use
the same `submit`.
"""

from __future__ import annotations

import copy
import gc
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError

from game.engine.assessment import assess
from game.engine.counterparts import bots_act
from game.engine.directives import close_plan, fire_event, start_turn
from game.engine.events import Event
from game.engine.execution import execute
from game.engine.handlers import HANDLERS
from game.engine.moves import MOVE_ADAPTER, PHASE_OF, Move
from game.engine.params import DEFAULT_PARAMS, Params
from game.engine.setup import build_world
from game.engine.world import RecordedMove, Refusal, World
from game.scenario.models import Scenario, SubordinateStyle, SuperiorStyle

__all__ = [
    "INTERACTIVE",
    "PHASES",
    "Game",
    "GameOver",
    "Intervention",
    "MoveResult",
    "RecordedMove",
    "Refusal",
    "World",
    "collector_paused",
]

PHASES = ("directives", "plan", "report", "respond", "execute", "assess")
INTERACTIVE = ("plan", "report", "respond")


@dataclass
class MoveResult:
    """What `submit` returns: accepted with the events it caused, or refused with a reason."""

    ok: bool
    events: list[Event] = field(default_factory=list)
    refusal: Refusal | None = None


#: The longest facilitator notice, in characters per language.
MAX_NOTICE = 500


@dataclass(frozen=True)
class Intervention:
    """A workshop facilitator's act on the game, recorded so that a save replays it.

    Attributes:
        kind: "notice" (a message to every seat) or "inject" (a scenario event fired now).
        turn, phase: when it was made (an interactive phase).
        after: how many human moves the game had recorded then (`len(game.recorded)`): its
            place among the phase's moves on replay.
        event: the scenario event's id ("inject").
        zh, en: the notice's text ("notice").
    """

    kind: str
    turn: int
    phase: str
    after: int
    event: str = ""
    zh: str = ""
    en: str = ""


class GameOver(Exception):
    """Raised when a finished game is asked to advance."""


class Game(World):
    """A running game: a `World` with its phase machine and the one way to act on it.

    Args:
        scenario: the validated scenario.
        seed: the seed of the game's one random generator.
        humans: units played by people; every other unit is played by the computer.
        superior_style: overrides the scenario's style for computer superiors.
        subordinate_style: overrides the scenario's style for computer subordinates.
        params: mechanics constants (tests and balance may vary them).

    Raises:
        ValueError: one of `humans` is not a seat of the scenario.
    """

    def __init__(
        self,
        scenario: Scenario,
        seed: int = 0,
        humans: Iterable[str] = (),
        superior_style: SuperiorStyle | None = None,
        subordinate_style: SubordinateStyle | None = None,
        params: Params = DEFAULT_PARAMS,
    ) -> None:
        super().__init__(scenario, seed, humans, superior_style, subordinate_style, params)
        self._bots_acting = False
        self.interventions: list[Intervention] = []
        build_world(self)
        self.assign_styles()
        self._run_until_interactive()

    # ----- the one way in -------------------------------------------------------------------

    def submit(self, seat: str, move: Move | dict[str, Any]) -> MoveResult:
        """Make a move for `seat`. Refused moves change nothing and say why.

        Args:
            seat: the unit making the move.
            move: a move model, or a plain dict in its JSON form (as saved or sent by a UI);
                anything else is refused as malformed.
        """
        if self.over:
            return self._refuse("over", "对局已结束。", "The game is over.")
        try:
            # A dict is validated; anything neither a dict nor a move model is refused.
            move = MOVE_ADAPTER.validate_python(move)
        except ValidationError as err:
            first = err.errors()[0]
            where = ".".join(str(p) for p in first["loc"])
            msg = f"{where}: {first['msg']}" if where else str(first["msg"])
            return self._refuse("invalid", f"动作格式不对：{msg}", f"Malformed move: {msg}")
        if not isinstance(seat, str) or seat not in self.units:
            return self._refuse("seat", f"没有单位“{seat}”。", f"There is no unit '{seat}'.")
        if seat not in self.humans and not self._bots_acting:
            # Only human moves are saved: a move made from outside for a computer seat
            # would be lost on replay.
            return self._refuse(
                "computer_seat",
                f"“{seat}”由电脑扮演，不能替它行动。",
                f"The computer plays '{seat}'; you cannot move for it.",
            )
        wanted = PHASE_OF[move.kind]
        if self.phase != wanted:
            return self._refuse(
                "phase",
                f"此动作只能在“{_PHASE_ZH[wanted]}”阶段进行。",
                f"This move belongs to the {wanted} phase; it is now the {self.phase} phase.",
            )
        check, apply = HANDLERS[move.kind]
        refusal = check(self, seat, move)
        if refusal is not None:
            return MoveResult(False, refusal=refusal)
        start = len(self.log)
        apply(self, seat, move)
        if seat in self.humans:
            self.recorded.append(
                RecordedMove(self.turn, self.phase, seat, move.model_dump(mode="json"))
            )
        return MoveResult(True, events=self.log.since(start))

    def take_seat(self, seat: str) -> None:
        """A person takes over a computer seat from this point on (play-testing from a turn).

        Raises:
            ValueError: the unit is not a seat of the scenario, or a person holds it already.
            GameOver: the game is over.
        """
        if self.over:
            raise GameOver("the game is over")
        if seat not in self.scenario.seats:
            raise ValueError(f"'{seat}' is not a seat of scenario '{self.scenario.id}'")
        if seat in self.humans:
            raise ValueError(f"a person already plays '{seat}'")
        self.humans = self.humans | {seat}
        self.handovers.append((seat, self.turn, self.phase))

    def release_seat(self, seat: str) -> None:
        """The computer official plays a person's seat from its next decision on (the inverse
        of `take_seat`: a workshop participant who dropped out). Computer officials decide at
        the start of an interactive phase, so the seat is played by the computer from the next
        phase on; the person's moves made so far stand.

        The save format does not record releases; the workshop's record does (it replays
        every `submit`, `advance`, `take_seat` and `release_seat` in order).

        Raises:
            ValueError: no person holds the seat.
            GameOver: the game is over.
        """
        if self.over:
            raise GameOver("the game is over")
        if seat not in self.humans:
            raise ValueError(f"no person plays '{seat}'")
        self.humans = self.humans - {seat}

    # ----- a facilitator's acts (workshops) -------------------------------------------------

    def inject_event(self, event_id: str) -> list[Event]:
        """Fire one of the scenario's events now (a workshop facilitator's act): a cross-level
        inspection, a new central task, weather. Its effects apply as when it fires on its own
        (`directives.fire_event`: an inspection checks its targets at this turn's assessment);
        having fired, it does not fire again at its scheduled turn. Recorded in
        `interventions`, so a save replays it at the same place among the moves.

        Args:
            event_id: the id of an event of the scenario.

        Returns:
            The events it caused (one `world_event`).

        Raises:
            GameOver: the game is over.
            ValueError: the scenario has no such event.
        """
        if self.over:
            raise GameOver("the game is over")
        event = next((e for e in self.scenario.events if e.id == event_id), None)
        if event is None:
            known = ", ".join(e.id for e in self.scenario.events) or "none"
            raise ValueError(f"scenario '{self.scenario.id}' has no event '{event_id}' "
                             f"(its events: {known})")
        start = len(self.log)
        self.interventions.append(
            Intervention("inject", self.turn, self.phase, len(self.recorded), event=event_id))
        fire_event(self, event)
        return self.log.since(start)

    def notify(self, zh: str, en: str) -> Event:
        """A workshop facilitator's notice to every seat: a `facilitator_notice` event of the
        world (every seat's inbox files it under "world"). Recorded in `interventions`, so a
        save replays it.

        Args:
            zh, en: the text in both languages (one may be empty, not both), at most
                MAX_NOTICE characters each.

        Raises:
            GameOver: the game is over.
            ValueError: both texts are empty, or one is too long.
        """
        if self.over:
            raise GameOver("the game is over")
        zh, en = zh.strip(), en.strip()
        if not zh and not en:
            raise ValueError("a notice needs a text (zh or en)")
        if max(len(zh), len(en)) > MAX_NOTICE:
            raise ValueError(f"a notice is at most {MAX_NOTICE} characters per language")
        self.interventions.append(
            Intervention("notice", self.turn, self.phase, len(self.recorded), zh=zh, en=en))
        return self.emit("facilitator_notice", data={"zh": zh or en, "en": en or zh})

    def intervene(self, kind: str, turn: int, phase: str, *, event: str = "", zh: str = "",
                  en: str = "") -> None:
        """Apply a recorded intervention again (replaying a save): the fields of an
        `Intervention` (its `after` is where the caller applies it).

        Raises:
            ValueError: it is of an unknown kind, names no event of the scenario, or belongs
                to another turn and phase.
            GameOver: the game is over.
        """
        if (turn, phase) != (self.turn, self.phase):
            raise ValueError(f"an intervention of turn {turn} {phase} at turn {self.turn} "
                             f"{self.phase}")
        if kind == "inject":
            self.inject_event(event)
        elif kind == "notice":
            self.notify(zh, en)
        else:
            raise ValueError(f"unknown intervention {kind!r}")

    def snapshot(self) -> dict[str, Any]:
        """A deep copy of every piece of mutable state, comparable with `==`.

        Two snapshots are equal exactly when nothing a move or a phase can change differs:
        tests use it to show that a refused move changes nothing.
        """
        state = {
            "turn": self.turn,
            "phase": self.phase,
            "over": self.over,
            "units": self.units,
            "assignments": self.assignments,
            "relations": self.relations,
            "tasks": self.tasks,
            "requests": self.requests,
            "recorded": self.recorded,
            "interventions": self.interventions,
            "fired_events": self.fired_events,
            "fired_turns": self.fired_turns,
            "inspected": self.inspected,
            "rework_due": self.rework_due,
            "levered": self.levered,
            "supervised": self.supervised,
            "unsplit": self.unsplit,
            "comm": self.comm,
            "honesty": self.honesty,
            "log_length": len(self.log),
            "rng": self.rng.getstate(),
        }
        return copy.deepcopy(state)

    def _refuse(self, code: str, zh: str, en: str) -> MoveResult:
        return MoveResult(False, refusal=Refusal(code, zh, en))

    def advance(self) -> list[Event]:
        """End the current interactive phase and run on to the next one (or the end)."""
        if self.over:
            raise GameOver("the game is over")
        start = len(self.log)
        with collector_paused():
            if self.phase == "plan":
                close_plan(self)
            self._next_phase()
            self._run_until_interactive()
        return self.log.since(start)

    def run_to_end(self) -> None:
        """Advance until the game is over (every unheld seat plays itself)."""
        while not self.over:
            self.advance()

    # ----- phase machine ------------------------------------------------------------------

    def _next_phase(self) -> None:
        index = PHASES.index(self.phase)
        if index + 1 < len(PHASES):
            self.phase = PHASES[index + 1]
        else:
            self.phase = PHASES[0]

    def _run_until_interactive(self) -> None:
        while not self.over:
            if self.phase == "directives":
                if self.turn >= self.scenario.turns:
                    self._finish()
                    return
                self.turn += 1
                start_turn(self)
            elif self.phase == "execute":
                execute(self)
            elif self.phase == "assess":
                assess(self)
            else:
                self._bots_acting = True
                try:
                    bots_act(self, self.phase)
                finally:
                    self._bots_acting = False
                return
            self._next_phase()

    def _finish(self) -> None:
        self.over = True
        self.phase = "over"
        self.emit("game_over", data={"turns": self.turn})


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector while the engine runs a phase: the engine makes
    tens of thousands of short-lived objects a turn and no cycles, and the collector's passes
    over them cost a quarter of a province turn."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


_PHASE_ZH = {"plan": "计划", "report": "汇报", "respond": "答复"}
