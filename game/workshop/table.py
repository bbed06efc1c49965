"""One table of a workshop: its `Game` (the only copy of the truth) and who holds which seat.

Everything done to a table is an `Act` (a move, a seat ending a phase, the table advancing, a
seat handed to the computer or back), written to the record in order; the same acts applied to
a new `Game` of the same scenario and seed give the same log byte for byte, which is how a
restarted host rebuilds its tables. A phase ends when every seat a person holds has ended it.
A participant gone past the grace period is replaced by the computer official
(`Game.release_seat`) and takes the seat back (`Game.take_seat`) at the next phase — or at once
if the computer has not yet decided anything in their place.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from game.engine.events import Event
from game.engine.game import INTERACTIVE, Game, MoveResult, Refusal
from game.engine.views import Document, documents
from game.scenario.models import Scenario
from game.workshop.record import Act, Record
from game.workshop.seat_view import SeatView, seat_view


@dataclass(frozen=True)
class Advanced:
    """The table left a phase: which one, and the events of running on to the next."""

    turn: int
    phase: str
    events: list[Event]


@dataclass
class Table:
    """A workshop table.

    Attributes:
        number: the table's number, from 1.
        game: its game.
        seats: the seats people hold (by the session's choice), in the order given.
        record: where acts are committed (None while replaying).
        ended: person-held seats that have ended the current phase.
        returning: seats whose participant came back, to be handed back at the next phase.
        released_at: for each seat the computer holds, the (turn, phase) it took over in.
        last_accepted_seq: per seat, the highest client sequence number recorded.
        scorer: computes the score report at the end (`game.scoring.report.score_game`).
    """

    number: int
    game: Game
    seats: list[str]
    record: Record | None = None
    ended: set[str] = field(default_factory=set)
    returning: set[str] = field(default_factory=set)
    released_at: dict[str, tuple[int, str]] = field(default_factory=dict)
    last_accepted_seq: dict[str, int] = field(default_factory=dict)
    scorer: Callable[[Game], dict[str, Any]] | None = None
    step: int = 0
    _score: dict[str, Any] | None = None
    #: Per seat: how much of the log its inbox has read, and the inbox (events never change).
    _inbox: dict[str, tuple[int, list[Document]]] = field(default_factory=dict)

    # ----- what people hold ---------------------------------------------------------------

    def person_held(self) -> list[str]:
        """The seats a person holds now (not the computer standing in)."""
        return [s for s in self.seats if s in self.game.humans]

    def waiting_for(self) -> list[str]:
        """Person-held seats that have not ended the current phase."""
        if self.game.over:
            return []
        return [s for s in self.person_held() if s not in self.ended]

    def view(self, seat: str, inbox_from: int = 0) -> SeatView:
        """The seat's view of this table (with its score once the game is over and scored:
        see `scores`); its documents from position `inbox_from` of the seat's inbox on (the
        rest a client has already)."""
        score = self._score.get("seats", {}).get(seat) if self._score is not None else None
        return seat_view(self.game, seat, table=self.number, ended=seat in self.ended,
                         waiting_for=self.waiting_for(), score=score,
                         inbox=self.inbox(seat)[inbox_from:])

    def inbox(self, seat: str) -> list[Document]:
        """The seat's documents, read from the log only where it grew since the last call."""
        read, inbox = self._inbox.get(seat, (0, []))
        log = self.game.log
        if read < len(log):
            inbox = inbox + documents(self.game, seat, log.since(read))
            self._inbox[seat] = (len(log), inbox)
        return inbox

    def scores(self) -> dict[str, Any]:
        """Every seat's own score once the game is over (computed once: half a second on a
        county, so a host runs it off its event loop), else {}."""
        if not self.game.over or self.scorer is None:
            return {}
        if self._score is None:
            self._score = self.scorer(self.game)
        seats: dict[str, Any] = self._score.get("seats", {})
        return seats

    # ----- acts --------------------------------------------------------------------------

    def submit(self, seat: str, move: dict[str, Any], client_seq: int | None) -> MoveResult:
        """A person's move: checked by `Game.submit`, recorded if accepted.

        Raises:
            sqlite3.Error: the record could not be written (the caller rebuilds the table).
        """
        if seat not in self.game.humans and not self.game.over:
            return MoveResult(False, refusal=_COMPUTER_HOLDS)
        turn, phase = self.game.turn, self.game.phase
        result = self.game.submit(seat, move)
        if result.ok:
            self._commit(Act(self.number, self.step, "move", turn, phase, seat, client_seq,
                             move))
        return result

    def end_phase(self, seat: str, turn: int, phase: str,
                  client_seq: int | None) -> Refusal | Advanced | None:
        """A seat ends the phase; the table advances when every person-held seat has.

        Returns:
            A refusal (stale phase, computer-held seat, game over), `Advanced` when the table
            moved on, or None when it still waits for others (or the seat had ended already).
        """
        if self.game.over:
            return Refusal("over", "对局已结束。", "The game is over.")
        if (turn, phase) != (self.game.turn, self.game.phase):
            return Refusal("stale", "这个阶段已经结束。",
                           f"Turn {turn} {phase} is not the current phase.")
        if seat not in self.game.humans:
            return _COMPUTER_HOLDS
        if seat in self.ended:
            return None
        self._commit(Act(self.number, self.step, "end_phase", turn, phase, seat, client_seq))
        self.ended.add(seat)
        return self._maybe_advance()

    def release(self, seat: str) -> Advanced | None:
        """The participant is gone past the grace period: the computer plays the seat."""
        if self.game.over or seat not in self.game.humans:
            return None
        self._commit(Act(self.number, self.step, "to_computer", self.game.turn,
                         self.game.phase, seat))
        self._apply_release(seat)
        return self._maybe_advance()

    def rejoin(self, seat: str) -> Advanced | None:
        """The participant of a computer-held seat is back.

        The seat is handed back at once if the computer has decided nothing in the
        participant's place yet (it took over in this very phase), else at the next phase.
        At a table nobody holds, that next phase is now.
        """
        if self.game.over or seat in self.game.humans or seat not in self.seats:
            return None
        if self.released_at.get(seat) == (self.game.turn, self.game.phase):
            self._hand_back(seat)
            return None
        self.returning.add(seat)
        return self._maybe_advance()

    def _maybe_advance(self) -> Advanced | None:
        if self.game.over or self.waiting_for():
            return None
        if not self.person_held() and not self.returning:
            return None  # nobody at the table: it waits for a participant to come back
        for seat in sorted(self.returning):
            self._hand_back(seat)
        turn, phase = self.game.turn, self.game.phase
        self._commit(Act(self.number, self.step, "advance", turn, phase, ""))
        events = self._apply_advance()
        if self.game.over and self.record is not None:
            self.record.finish(self.number, self.log_sha256(), len(self.game.log))
        return Advanced(turn, phase, events)

    def _hand_back(self, seat: str) -> None:
        self._commit(Act(self.number, self.step, "to_person", self.game.turn, self.game.phase,
                         seat))
        self._apply_take(seat)

    def log_sha256(self) -> str:
        """The fingerprint of the table's log (`EventLog.to_json`, UTF-8)."""
        return hashlib.sha256(self.game.log.to_json().encode("utf-8")).hexdigest()

    # ----- applying acts (live and on replay) ----------------------------------------------

    def _commit(self, act: Act) -> None:
        if self.record is not None:
            self.record.append(act)
        self.step += 1
        if act.client_seq is not None:
            self.last_accepted_seq[act.seat] = act.client_seq

    def _apply_release(self, seat: str) -> None:
        self.game.release_seat(seat)
        self.released_at[seat] = (self.game.turn, self.game.phase)
        self.ended.discard(seat)

    def _apply_take(self, seat: str) -> None:
        self.game.take_seat(seat)
        self.returning.discard(seat)
        self.released_at.pop(seat, None)

    def _apply_advance(self) -> list[Event]:
        self.ended.clear()
        return self.game.advance()

    def replay(self, act: Act) -> None:
        """Apply a recorded act to the game (on rebuilding a table).

        Raises:
            ValueError: the act does not apply (the record does not fit this scenario).
        """
        if act.step != self.step:
            raise ValueError(f"table {self.number}: act {act.step} out of order")
        if act.kind != "advance" and (act.turn, act.phase) != (self.game.turn, self.game.phase):
            raise ValueError(f"table {self.number}: act {act.step} belongs to turn {act.turn} "
                             f"{act.phase}, the game is at {self.game.turn} {self.game.phase}")
        if act.kind == "move":
            result = self.game.submit(act.seat, act.move or {})
            if not result.ok:
                raise ValueError(f"table {self.number}: recorded move {act.step} is refused")
        elif act.kind == "end_phase":
            self.ended.add(act.seat)
        elif act.kind == "advance":
            self._apply_advance()
        elif act.kind == "to_computer":
            self._apply_release(act.seat)
        elif act.kind == "to_person":
            self._apply_take(act.seat)
        self._commit(act)


_COMPUTER_HOLDS = Refusal("computer_holds", "电脑官员正在代管这个席位，下一阶段交还给你。",
                          "The computer official holds this seat; it is yours again at the "
                          "next phase.")


def new_game(scenario: Scenario, seed: int, seats: list[str]) -> Game:
    """The game of a new table: the seats given are held by people.

    Raises:
        ValueError: a seat is not a seat of the scenario.
    """
    return Game(scenario, seed=seed, humans=seats)


def rebuild(number: int, scenario: Scenario, seed: int, seats: list[str], acts: list[Act],
            scorer: Callable[[Game], dict[str, Any]] | None = None) -> Table:
    """A table rebuilt from its recorded acts (scenario + seed + acts: the same log).

    Raises:
        ValueError: the acts do not fit the scenario.
    """
    table = Table(number, new_game(scenario, seed, seats), list(seats), scorer=scorer)
    for act in acts:
        table.replay(act)
    return table


__all__ = ["INTERACTIVE", "Advanced", "Table", "new_game", "rebuild"]
