"""One table of a workshop: its `Game` (the only copy of the truth) and who holds which seat.

Everything done to a table is an `Act` (a move, a seat ending a phase, the table advancing, a
seat handed to the computer or back), written to the record in order; the same acts applied to
a new `Game` of the same scenario and seed give the same log byte for byte, which is how a
restarted host rebuilds its tables. A phase ends when every seat a person holds has ended it.
A participant gone past the grace period is replaced by the computer official
(`Game.release_seat`) and takes the seat back (`Game.take_seat`) at the next phase — or at once
if the computer has not yet decided anything in their place.

The facilitator's acts are acts too (DESIGN.md: "Facilitator acts are moves too, so they
replay"): pausing and resuming the table, a notice to every seat (`Game.notify`), one of the
scenario's events fired now (`Game.inject_event`), a phase timer, ending the phase as the seats
stand, handing a seat to the computer and back, closing the table at the session's end. Each is
committed to the record before it takes effect.
"""

from __future__ import annotations

import hashlib
import inspect
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, cast, get_args

from game.engine.events import Event
from game.engine.game import INTERACTIVE, MAX_NOTICE, Game, MoveResult, Refusal
from game.engine.views import Document, documents
from game.scenario.models import Scenario, SuperiorStyle
from game.workshop.record import Act, Record
from game.workshop.seat_view import SeatView, directory_of, seat_view
from game.workshop.view_parts import same_parts


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
    #: The facilitator paused the table: moves and phase ends are refused, it does not advance.
    paused: bool = False
    #: The session ended: the table takes no more acts.
    closed: bool = False
    #: The phase timer: (turn, phase, deadline in seconds since the epoch), or None.
    timer: tuple[int, str, float] | None = None
    #: Seats the facilitator handed to the computer: a participant's return does not take
    #: them back, only the facilitator's `to_person`.
    pinned: set[str] = field(default_factory=set)
    #: When (seconds since the epoch, this process's clock) the phase began and the last act
    #: was done (the console's time in phase and stuck-table alert; not replayed).
    phase_since: float = field(default_factory=time.time)
    last_act_at: float = field(default_factory=time.time)
    #: Called after every act committed (the host refreshes the facilitator's status).
    on_act: Callable[[], None] | None = None
    _score: dict[str, Any] | None = None
    #: Every act done to the table, in order (what the record holds: `replayed.replayable`).
    acts: list[Act] = field(default_factory=list)
    #: Per seat: how much of the log its inbox has read, and the inbox (events never change).
    _inbox: dict[str, tuple[int, list[Document]]] = field(default_factory=dict)
    #: Per seat: the game's part of its last view, and the state of the game it was built at.
    _views: dict[str, tuple[tuple[Any, ...], SeatView]] = field(default_factory=dict)
    #: Per seat: how much of the log was read for it and how many events reached it; and
    #: its history and map parts with the key they were built at (`_seat_parts`).
    _seen: dict[str, tuple[int, int]] = field(default_factory=dict)
    _parts: dict[str, tuple[tuple[Any, ...], dict[str, Any]]] = field(default_factory=dict)
    #: Per seat: its fair comparisons, once played (`compare`).
    _comparisons: dict[str, dict[str, Any]] = field(default_factory=dict)

    # ----- what people hold ---------------------------------------------------------------

    def person_held(self) -> list[str]:
        """The seats a person holds now (not the computer standing in)."""
        return [s for s in self.seats if s in self.game.humans]

    def waiting_for(self) -> list[str]:
        """Person-held seats that have not ended the current phase."""
        if self.game.over:
            return []
        return [s for s in self.person_held() if s not in self.ended]

    def view(self, seat: str, inbox_from: int = 0, with_directory: bool = True) -> SeatView:
        """The seat's view of this table (with its score and its part of the debrief once the
        game is over: see `scores`); its documents from position `inbox_from` of the seat's
        inbox on (the rest a client has already), and the game's `Directory` if
        `with_directory`.

        What comes from the game is built again only when the game changed since the seat's
        last view (an event, a move, a phase, a seat changing hands), the seat ended the
        phase or its comparisons arrived; the table's own part (who it waits for, pause,
        timer, score) is always fresh. A part of the view equal to the one of the seat's last
        view is that very object (`game.workshop.view_parts`: a host sends a client only what
        changed).
        A finished game is scored here if `scores` was not called first (a host calls it in
        an executor).
        """
        game = self.game
        if game.over:
            self.scores()
        ended = seat in self.ended
        compared = self._comparisons.get(seat)
        key = (len(game.log), len(game.recorded), game.turn, game.phase, game.over,
               frozenset(game.humans), self._score is not None, id(compared))
        cached = self._views.get(seat)
        if cached is None or cached[0] != key:
            extra: dict[str, Any] = {} if compared is None else {"comparisons": compared}
            if _SEAT_PARTS:
                extra.update(with_history=False, with_map=False)
            core = seat_view(game, seat, table=self.number, inbox=[], with_directory=False,
                             **extra)
            if _SEAT_PARTS:
                core = core.model_copy(update=self._seat_parts(seat))
            cached = self._views[seat] = (key, same_parts(core, cached[1] if cached else None))
        if ended:  # the game's part stands; what the seat may do now is nothing
            cached = (key, cached[1].model_copy(update={"ended": True, "options": []}))
        score = self._score.get("seats", {}).get(seat) if self._score is not None else None
        return cached[1].model_copy(update={
            "waiting_for": self.waiting_for(), "score": score,
            "documents": self.inbox(seat)[inbox_from:], "paused": self.paused,
            "closed": self.closed, "deadline": self._deadline(),
            "directory": directory_of(game) if with_directory else None})

    def _seat_parts(self, seat: str) -> dict[str, Any]:
        """The seat's history and map, built again only when something reached the seat
        since (an event it may see; its own moves make such events), the phase moved or the
        game ended: another seat's moves that do not reach it change neither."""
        from game.workshop.map_knowledge import map_knowledge_of
        from game.workshop.seat_history import seat_history

        game = self.game
        read, seen = self._seen.get(seat, (0, 0))
        if read < len(game.log):
            seen += sum(1 for e in game.log.since(read) if e.visible_to(seat))
            self._seen[seat] = (len(game.log), seen)
        key = (seen, game.turn, game.phase, game.over)
        kept = self._parts.get(seat)
        if kept is None or kept[0] != key:
            kept = self._parts[seat] = (key, {"history": seat_history(game, seat),
                                              "map": map_knowledge_of(game, seat)})
        return kept[1]

    def inbox(self, seat: str) -> list[Document]:
        """The seat's documents, read from the log only where it grew since the last call."""
        read, inbox = self._inbox.get(seat, (0, []))
        log = self.game.log
        if read < len(log):
            inbox = inbox + documents(self.game, seat, log.since(read))
            self._inbox[seat] = (len(log), inbox)
        return inbox

    def scores(self) -> dict[str, Any]:
        """Every seat's own score once the game is over (computed once, with each person's
        part of the debrief: half a second on a county, so a host runs it off its event
        loop), else {}."""
        if not self.game.over or self.scorer is None:
            return {}
        if self._score is None:
            report = self.scorer(self.game)
            _debrief_parts(self.game, self.seats, report)
            self._score = report
        seats: dict[str, Any] = self._score.get("seats", {})
        return seats

    def adopt(self, report: dict[str, Any]) -> None:
        """Take the finished game's score report made in another process
        (`game.workshop.replayed.score_replayed`) as this table's, and build each person's
        part of the debrief from it."""
        if self._score is None:
            _debrief_parts(self.game, self.seats, report)
            self._score = report

    def adopt_comparisons(self, comparisons: dict[str, dict[str, Any]]) -> None:
        """Take the seats' fair comparisons played in another process (`replayed`)."""
        self._comparisons.update(comparisons)

    def scored(self) -> bool:
        """Whether the table's views are cheap to build: the game goes on, or it is scored."""
        return not self.game.over or self.scorer is None or self._score is not None

    def compare(self, seat: str) -> bool:
        """Play the seat's fair comparisons for its debrief (seconds: a host runs it in an
        executor, once per seat at game over). False when there is nothing to play (the game
        goes on, they were played, or this build has no comparisons)."""
        if not self.game.over or seat in self._comparisons:
            return False
        try:
            from game.workshop.debrief_part import comparisons_of
        except ImportError:
            return False
        self._comparisons[seat] = comparisons_of(self.game, seat)
        return True

    # ----- acts --------------------------------------------------------------------------

    def submit(self, seat: str, move: dict[str, Any], client_seq: int | None) -> MoveResult:
        """A person's move: checked by `Game.submit`, recorded if accepted.

        Raises:
            sqlite3.Error: the record could not be written (the caller rebuilds the table).
        """
        if seat not in self.game.humans and not self.game.over:
            return MoveResult(False, refusal=_COMPUTER_HOLDS)
        held = self._held()
        if held is not None:
            return MoveResult(False, refusal=held)
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
        held = self._held()
        if held is not None:
            return held
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
        if seat in self.pinned or self.closed:
            return None  # the facilitator handed it to the computer: only they hand it back
        if self.released_at.get(seat) == (self.game.turn, self.game.phase):
            self._hand_back(seat)
            return None
        self.returning.add(seat)
        return self._maybe_advance()

    def _maybe_advance(self) -> Advanced | None:
        if self.game.over or self.waiting_for() or self.paused or self.closed:
            return None
        if not self.person_held() and not self.returning:
            return None  # nobody at the table: it waits for a participant to come back
        return self._advance()

    def _advance(self) -> Advanced:
        for seat in sorted(self.returning):
            self._hand_back(seat)
        turn, phase = self.game.turn, self.game.phase
        self._commit(Act(self.number, self.step, "advance", turn, phase, ""))
        events = self._apply_advance()
        if self.game.over and self.record is not None:
            self.record.finish(self.number, self.log_sha256(), len(self.game.log))
        return Advanced(turn, phase, events)

    def _hand_back(self, seat: str, by: str = "") -> None:
        self._commit(Act(self.number, self.step, "to_person", self.game.turn, self.game.phase,
                         seat, data={"by": by} if by else None))
        self._apply_take(seat)

    def _held(self) -> Refusal | None:
        """Why participants cannot act now (the session ended, the table is paused), or None."""
        if self.closed:
            return _CLOSED
        if self.paused:
            return _PAUSED
        return None

    # ----- the facilitator's acts ------------------------------------------------------------

    def _facilitator_act(self, kind: str, seat: str = "",
                         data: dict[str, Any] | None = None) -> None:
        self._commit(Act(self.number, self.step, kind, self.game.turn, self.game.phase, seat,
                         data=data))

    def _open(self) -> Refusal | None:
        if self.closed:
            return _CLOSED
        if self.game.over:
            return Refusal("over", "对局已结束。", "The game is over.")
        return None

    def pause(self) -> Refusal | None:
        """The facilitator pauses the table: participants' moves and phase ends are refused
        with a reason, and the table does not advance (not even by its timer) until resumed.

        Returns:
            A refusal (already paused, game over, session ended) or None.
        """
        refusal = self._open()
        if refusal is None and self.paused:
            refusal = Refusal("paused", "本桌已暂停。", "The table is paused already.")
        if refusal is not None:
            return refusal
        self._facilitator_act("pause", data={"by": "facilitator"})
        self.paused = True
        return None

    def resume(self) -> Refusal | Advanced | None:
        """The facilitator resumes a paused table; it advances at once if every seat had ended
        the phase. (A timer that ran out meanwhile is the host's to act on.)

        Returns:
            A refusal (not paused, session ended), `Advanced`, or None.
        """
        if self.closed:
            return _CLOSED
        if not self.paused:
            return Refusal("not_paused", "本桌没有暂停。", "The table is not paused.")
        self._facilitator_act("resume", data={"by": "facilitator"})
        self.paused = False
        return self._maybe_advance()

    def notice(self, zh: str, en: str) -> Refusal | list[Event]:
        """A notice from the facilitator to every seat of the table (`Game.notify`).

        Returns:
            The events it made (one `facilitator_notice`), or a refusal (no text, too long,
            game over, session ended).
        """
        refusal = self._open()
        if refusal is not None:
            return refusal
        if not zh.strip() and not en.strip():
            return Refusal("empty", "通知没有内容。", "The notice has no text.")
        if max(len(zh.strip()), len(en.strip())) > MAX_NOTICE:
            return Refusal("too_long", f"通知最多 {MAX_NOTICE} 字。",
                           f"A notice is at most {MAX_NOTICE} characters.")
        start = len(self.game.log)
        self._facilitator_act("notice", data={"by": "facilitator", "zh": zh, "en": en})
        self.game.notify(zh, en)
        return self.game.log.since(start)

    def inject(self, event_id: str) -> Refusal | list[Event]:
        """Fire one of the scenario's events now (`Game.inject_event`).

        Returns:
            The events it made, or a refusal (no such event, game over, session ended).
        """
        refusal = self._open()
        if refusal is not None:
            return refusal
        if event_id not in {e.id for e in self.game.scenario.events}:
            known = ", ".join(e.id for e in self.game.scenario.events) or "—"
            return Refusal("event", f"剧本中没有事件“{event_id}”（可选：{known}）。",
                           f"The scenario has no event '{event_id}' (its events: {known}).")
        start = len(self.game.log)
        self._facilitator_act("inject", data={"by": "facilitator", "event": event_id})
        self.game.inject_event(event_id)
        return self.game.log.since(start)

    def set_timer(self, seconds: float, now: float | None = None) -> Refusal | None:
        """Set (or with 0, clear) the phase timer: when it runs out, the host ends the phase
        as the seats stand (`force_end`). It holds for this phase only.

        Args:
            seconds: from now; 0 clears the timer.
            now: the time now, seconds since the epoch (default: the clock).

        Returns:
            A refusal (negative or over a day, game over, session ended) or None.
        """
        refusal = self._open()
        if refusal is not None:
            return refusal
        if not 0 <= seconds <= 86_400:
            return Refusal("timer", "计时须在 0 到 86400 秒之间。",
                           "A timer is 0 to 86,400 seconds.")
        deadline = (time.time() if now is None else now) + seconds if seconds else None
        self._facilitator_act("timer", data={"by": "facilitator", "seconds": seconds,
                                             "deadline": deadline})
        self._apply_timer(deadline)
        return None

    def _deadline(self) -> float | None:
        if self.timer is None or self.timer[:2] != (self.game.turn, self.game.phase):
            return None
        return self.timer[2]

    def timer_left(self, now: float | None = None) -> float | None:
        """Seconds left on this phase's timer (0 when it ran out), or None without one."""
        if self.timer is None or self.timer[:2] != (self.game.turn, self.game.phase):
            return None
        return max(0.0, self.timer[2] - (time.time() if now is None else now))

    def force_end(self, by: str = "facilitator") -> Refusal | Advanced:
        """End the phase now as the seats stand: the moves made stand, the seats still acting
        make no more (`Game.advance`). A paused table is not ended by its timer.

        Args:
            by: "facilitator", or "timer" when the phase timer ran out.

        Returns:
            `Advanced`, or a refusal (game over, session ended, paused and by the timer).
        """
        refusal = self._open()
        if refusal is not None:
            return refusal
        if self.paused and by == "timer":
            return _PAUSED
        self._facilitator_act("force_end", data={"by": by,
                                                 "waiting_for": self.waiting_for()})
        return self._advance()

    def to_computer(self, seat: str) -> Refusal | Advanced | None:
        """The facilitator hands a person's seat to the computer official (from its next
        decision on); the participant's return does not take it back (see `to_person`).

        Returns:
            A refusal (not a seat of this table, held by the computer already, game over,
            session ended), `Advanced` if that was the last seat the table waited for, or None.
        """
        refusal = self._open() or self._seat_refusal(seat)
        if refusal is None and seat not in self.game.humans:
            zh, en = self._unit_name(seat)
            refusal = Refusal("computer_holds", f"电脑官员已在代管{zh}的席位。",
                              f"The computer already plays {en}.")
        if refusal is not None:
            return refusal
        self._facilitator_act("to_computer", seat, {"by": "facilitator"})
        self._apply_release(seat)
        self.pinned.add(seat)
        return self._maybe_advance()

    def to_person(self, seat: str) -> Refusal | Advanced | None:
        """The facilitator hands a computer-held seat back to its person: at once if the
        computer has decided nothing in the person's place yet (it took over in this phase),
        else when the phase ends (the computer's decisions of this phase stand).

        Returns:
            A refusal (not a seat of this table, a person holds it, game over, session ended),
            `Advanced` (a table nobody held moves on to hand it back), or None.
        """
        refusal = self._open() or self._seat_refusal(seat)
        if refusal is None and seat in self.game.humans:
            zh, en = self._unit_name(seat)
            refusal = Refusal("person_holds", f"{zh}的席位已由参与者掌握。",
                              f"A person already plays {en}.")
        if refusal is not None:
            return refusal
        self.pinned.discard(seat)
        if self.released_at.get(seat) == (self.game.turn, self.game.phase):
            self._hand_back(seat, by="facilitator")
            return None
        self._facilitator_act("to_person", seat, {"by": "facilitator", "deferred": True})
        self.returning.add(seat)
        return self._maybe_advance()

    def close(self) -> Refusal | None:
        """The session ends: the table takes no more acts (its game stays where it is)."""
        if self.closed:
            return _CLOSED
        self._facilitator_act("close", data={"by": "facilitator"})
        self.closed = True
        return None

    def _seat_refusal(self, seat: str) -> Refusal | None:
        if seat in self.seats:
            return None
        zh, en = self._unit_name(seat)
        return Refusal("seat", f"本桌没有由参与者担任的席位“{zh}”。",
                       f"{en} is not a seat people hold at table {self.number}.")

    def _unit_name(self, seat: str) -> tuple[str, str]:
        """A seat's unit by name, (zh, en) — the id quoted only for no unit of the scenario."""
        try:
            name = self.game.scenario.unit(seat).name
        except KeyError:
            return seat, f"'{seat}'"
        return name.zh, name.en

    def _apply_timer(self, deadline: float | None) -> None:
        self.timer = None if deadline is None else (self.game.turn, self.game.phase, deadline)

    def log_sha256(self) -> str:
        """The fingerprint of the table's log (`EventLog.to_json`, UTF-8)."""
        return hashlib.sha256(self.game.log.to_json().encode("utf-8")).hexdigest()

    # ----- applying acts (live and on replay) ----------------------------------------------

    def _commit(self, act: Act) -> None:
        if self.record is not None:
            self.record.append(act)
        self.acts.append(act)
        self.step += 1
        if act.client_seq is not None:
            self.last_accepted_seq[act.seat] = act.client_seq
        self.last_act_at = time.time()
        if self.on_act is not None:
            self.on_act()

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
        self.timer = None
        self.phase_since = time.time()
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
        data = act.data or {}
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
            if data.get("by") == "facilitator":
                self.pinned.add(act.seat)
        elif act.kind == "to_person":
            self.pinned.discard(act.seat)
            if data.get("deferred"):
                self.returning.add(act.seat)
            else:
                self._apply_take(act.seat)
        else:
            self._replay_facilitator(act, data)
        self._commit(act)

    def _replay_facilitator(self, act: Act, data: dict[str, Any]) -> None:
        if act.kind == "pause":
            self.paused = True
        elif act.kind == "resume":
            self.paused = False
        elif act.kind == "notice":
            self.game.notify(str(data.get("zh", "")), str(data.get("en", "")))
        elif act.kind == "inject":
            self.game.inject_event(str(data.get("event", "")))
        elif act.kind == "timer":
            deadline = data.get("deadline")
            self._apply_timer(float(deadline) if deadline is not None else None)
        elif act.kind == "close":
            self.closed = True
        elif act.kind != "force_end":  # a force_end's advance is the act after it
            raise ValueError(f"table {self.number}: act {act.step} of unknown kind "
                             f"{act.kind!r}")


#: Whether this build's seat views have a history and a map that `seat_view` can leave out
#: for the table to add its own (`Table._seat_parts`).
_SEAT_PARTS = {"history", "map"} <= set(SeatView.model_fields) and {
    "with_history", "with_map"} <= set(inspect.signature(seat_view).parameters)
def _debrief_parts(game: Game, seats: list[str], report: dict[str, Any]) -> None:
    """Build each person's part of the debrief from the table's report (kept with the game
    by `debrief_part`, so that views built later only look it up)."""
    try:
        from game.workshop.debrief_part import debrief_part
    except ImportError:
        return
    for seat in seats:
        debrief_part(game, seat, report=report)


_COMPUTER_HOLDS = Refusal("computer_holds", "电脑官员正在代管这个席位，下一阶段交还给你。",
                          "The computer official holds this seat; it is yours again at the "
                          "next phase.")


_PAUSED = Refusal("paused", "主持人暂停了本桌，请稍候。",
                  "The facilitator has paused this table; please wait.")
_CLOSED = Refusal("closed", "本场研讨已结束。", "The session has ended.")


#: The styles a table's computer superiors may play (`game.scenario.models.SuperiorStyle`).
SUPERIOR_STYLES: tuple[str, ...] = get_args(SuperiorStyle)


def as_style(name: str | None) -> SuperiorStyle | None:
    """A table's recorded style as the engine takes it (None, or not a style: the
    scenario's own)."""
    return cast(SuperiorStyle, name) if name in SUPERIOR_STYLES else None


def new_game(scenario: Scenario, seed: int, seats: list[str],
             superior_style: SuperiorStyle | None = None) -> Game:
    """The game of a new table: the seats given are held by people; `superior_style` (if
    given) is the computer superiors' style at this table instead of the scenario's.

    Raises:
        ValueError: a seat is not a seat of the scenario.
    """
    return Game(scenario, seed=seed, humans=seats, superior_style=superior_style)


def rebuild(number: int, scenario: Scenario, seed: int, seats: list[str], acts: list[Act],
            scorer: Callable[[Game], dict[str, Any]] | None = None,
            superior_style: SuperiorStyle | None = None) -> Table:
    """A table rebuilt from its recorded acts (scenario + seed + style + acts: the same log).

    Raises:
        ValueError: the acts do not fit the scenario.
    """
    table = Table(number, new_game(scenario, seed, seats, superior_style), list(seats),
                  scorer=scorer)
    for act in acts:
        table.replay(act)
    return table


__all__ = ["INTERACTIVE", "SUPERIOR_STYLES", "Advanced", "Table", "as_style", "new_game",
           "rebuild"]
