"""The seat a window plays: `SeatSession`, the interface every screen holds, and
`GameSession`, the local game that provides it.

A screen draws `session.view` (the seat's `SeatView`: what the seat may know and do) and acts
only through `session.submit(move)` and `session.end_phase()`; it redraws when the bridge says
`state_changed` (the view changed) or `game_replaced` (another seat or another game). A local
game here and a remote workshop table (`game.ui.workshop`) provide the same interface, so no
screen assumes a local `Game` behind it (issue 11, item 1).

Hot-seat: when several seats are held by people at this computer (`humans`), `seat` is the one
whose person sits at the keyboard now. A person ends their part of a phase; the next seat
that still has something to do in it takes the keyboard (the window hands over,
`game/ui/play/hotseat.py`), and the game advances only once every such seat has ended the
phase (`ended`).
"""

from __future__ import annotations

import threading
from abc import ABC, abstractmethod
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from PySide6.QtCore import QObject, Qt, Signal, Slot

from game.ui.common.bridge import EngineBridge

if TYPE_CHECKING:
    from game.engine.game import Game
    from game.engine.moves import Move
    from game.engine.views import Document
    from game.engine.world import Refusal
    from game.workshop.directory import Directory
    from game.workshop.seat_view import SeatView


@dataclass(frozen=True)
class Outcome:
    """What acting returns: accepted, or refused with the reason in both languages.

    Attributes:
        ok: the move (or the phase end) was accepted.
        reason: why it was refused (`code`, `zh`, `en`, `text(lang)`); None when accepted.
        pending: sent, the answer still to come (a table over the network: it arrives as
            the bridge's `answered(move, outcome)`); `ok` is False and `reason` None.
    """

    ok: bool
    reason: Refusal | None = None
    pending: bool = False

    @property
    def refusal(self) -> Refusal | None:
        """The reason, under the engine's name for it (`MoveResult.refusal`)."""
        return self.reason


class SeatSession(ABC):
    """What every screen of the game window holds: one seat's view, and the two ways to act.

    A local game (`GameSession`) and a remote table provide it alike; no screen may assume a
    local `Game` behind it (issue 11, item 1).

    Attributes:
        seat: the unit the person at the keyboard plays.
        bridge: the signal bridge every view listens to (`state_changed` after any change of
            the view, `game_replaced` when the seat or the game changed).
        read: the `seq` numbers of the documents opened at this computer.
        local: whether the game runs in this process (saving, hot-seat); False for a table
            played over the network.
    """

    seat: str
    bridge: EngineBridge
    read: set[int]
    local: bool

    @property
    @abstractmethod
    def view(self) -> SeatView:
        """The seat's view now (`game.workshop.seat_view.SeatView`).

        Its `documents` are the seat's whole inbox, oldest first, and its `directory` is
        always set: a host sends the documents in parts and the directory once per
        connection, so a remote session joins the parts and fills in the last directory.
        """

    @property
    def directory(self) -> Directory:
        """The public names and structure of the game (the view's directory): what screens
        name units and tasks from.

        Raises:
            LookupError: the view lacks it (a session that forgot to fill it in).
        """
        found = self.view.directory
        if found is None:
            raise LookupError("the seat's view lacks the game's directory: a session fills "
                              "in the last one it was sent")
        return found

    @abstractmethod
    def submit(self, move: Move | dict[str, Any]) -> Outcome:
        """Make a move for the seat; the outcome has `ok` and, when refused, `reason`."""

    @abstractmethod
    def end_phase(self) -> Outcome:
        """End the seat's part of the current phase."""

    def compare(self, style: str) -> bool:
        """Ask for the debrief's fair comparisons against the superior `style`; they arrive
        in `view.debrief.comparisons` (then `state_changed`). False when this session cannot
        play them (a remote table: its host plays them once, at game over)."""
        del style
        return False


class GameSession(SeatSession):
    """The window's handle on one local game.

    Every change to the world goes through `submit` or `end_phase`, which call the engine and
    then tell the views through the bridge (events first, then `state_changed`).

    Attributes:
        game: the running game.
        seat: the unit the person at the keyboard plays.
        humans: every seat people hold at this computer, in the order they take the keyboard.
        ended: the seats (of `humans`) that have ended the current phase.
        bridge: the signal bridge every view listens to.
        scenario_path: the scenario file the game was built from.
        read: event numbers of the documents opened at this computer (the inbox keeps it up
            to date; saves keep it beside the game).
    """

    local = True

    def __init__(
        self, game: Game, seat: str, scenario_path: Path, bridge: EngineBridge | None = None,
        read: set[int] | None = None,
    ) -> None:
        self.bridge = bridge if bridge is not None else EngineBridge()
        self.game = game
        self.seat = seat
        self.humans = _humans_of(game, seat)
        self.ended: set[str] = set()
        self.scenario_path = Path(scenario_path)
        self.read: set[int] = set(read or ())
        self.bridge.attach(game.log)
        self._view: tuple[tuple[object, ...], SeatView] | None = None
        #: Per seat: how much of the log its documents were read from, and the documents.
        self._inbox: dict[str, tuple[int, list[Document]]] = {}
        #: Per seat: the debrief's fair comparisons once played, (result, None) or
        #: (None, error).
        self._compared: dict[str, tuple[dict[str, Any] | None, str | None]] = {}
        self._jobs: list[_Comparisons] = []  # running; the last one asked for wins

    @property
    def view(self) -> SeatView:
        """The seat's view of the game (`game.workshop.seat_view.SeatView`): what every
        screen draws. Built again only when the log, the phase, the seat or the ended seats
        changed."""
        from game.workshop.seat_view import seat_view

        game = self.game
        compared, failed = self._compared.get(self.seat, (None, None))
        key = (id(game), len(game.log), len(game.recorded), game.turn, game.phase, self.seat,
               frozenset(self.ended), id(compared), failed)
        if self._view is None or self._view[0] != key:
            waiting = [s for s in self.humans if s not in self.ended]
            self._view = (key, seat_view(game, self.seat, ended=self.seat in self.ended,
                                         waiting_for=waiting, inbox=self._documents(),
                                         comparisons=compared, comparisons_error=failed))
        return self._view[1]

    def _documents(self) -> list[Document]:
        """The seat's documents, read from the log only where it grew since the last view
        (documents never change once made)."""
        from game.engine.views import documents

        read, docs = self._inbox.get(self.seat, (0, []))
        log = self.game.log
        if read < len(log):
            docs = docs + documents(self.game, self.seat, log.since(read))
            self._inbox[self.seat] = (len(log), docs)
        return docs

    def submit(self, move: Move | dict[str, Any]) -> Outcome:
        """Make a move for the seat (the engine checks it); on success the views hear of it."""
        result = self.game.submit(self.seat, move)
        if result.ok:
            self.bridge.flush()
            self.bridge.state_changed.emit()
        return Outcome(result.ok, result.refusal)

    def end_phase(self) -> Outcome:
        """End the seat's part of the phase. When no other seat held here still has something
        to do in it, run on to the next decision (or the game's end); the keyboard then goes
        to the first seat with something to do (`seat` changes: the window hands over).
        Refused once the game is over."""
        if self.game.over:
            from game.engine.world import Refusal

            return Outcome(False, Refusal("over", "对局已结束。", "The game is over."))
        self.ended.add(self.seat)
        if self._hand_to(self.still_to_act()):
            return Outcome(True)
        self.ended.clear()
        self.game.advance()
        self.bridge.flush()
        self.bridge.state_changed.emit()
        self._hand_to(self.still_to_act())
        return Outcome(True)

    def compare(self, style: str) -> bool:
        """Play the seat's fair comparisons against `style` on a worker thread (seconds); the
        view carries them when done (`game.workshop.debrief_part.comparisons_of`)."""
        if not self.game.over:
            return False
        from game.headless import figures
        from game.workshop.debrief_part import comparisons_of

        game, seat = self.game, self.seat
        yours = figures(game, seat)  # here: the worker only reads the game's seed and moves
        job = _Comparisons(lambda: comparisons_of(game, seat, style, yours),
                           lambda result: self._on_compared(game, seat, result, job))
        self._jobs.append(job)
        return True

    def _on_compared(self, game: Game, seat: str, result: object, job: _Comparisons) -> None:
        latest = self._jobs[-1] is job
        self._jobs.remove(job)
        if game is not self.game or not latest:
            return  # another game was taken up, or other comparisons asked for, meanwhile
        self._compared[seat] = (None, result) if isinstance(result, str) else \
            (cast("dict[str, Any]", result), None)
        self.bridge.state_changed.emit()

    def identity(self) -> dict[str, object]:
        """What names this game and seat beside a save: scenario id, seed and seat (the
        inbox's read state is kept only for the same three)."""
        from game.ui.play.inbox_state import identity

        return identity(self.game.scenario.id, self.game.seed, self.seat)

    def still_to_act(self) -> list[str]:
        """The seats held here that have not ended the phase and have moves open in it."""
        from game.engine.views import move_options

        if self.game.over:
            return []
        return [s for s in self.humans if s not in self.ended and move_options(self.game, s)]

    def idle(self) -> bool:
        """Whether no seat held here has anything to do in this phase (and the game goes on)."""
        return not self.game.over and not self.still_to_act()

    def step_past_idle(self) -> list[tuple[int, str]]:
        """Run on through the phases in which no seat held here has anything to do.

        Returns:
            The (turn, phase) of each phase stepped past, in order; empty when a seat has
            something to do now (or the game is over). The keyboard then goes to the first
            seat with something to do.
        """
        passed: list[tuple[int, str]] = []
        while self.idle():
            passed.append((self.game.turn, self.game.phase))
            self.ended.clear()
            self.game.advance()
        if passed:
            self.bridge.flush()
            self.bridge.state_changed.emit()
            self._hand_to(self.still_to_act())
        return passed

    def _hand_to(self, seats: list[str]) -> bool:
        if not seats or seats[0] == self.seat:
            return bool(seats)
        self.seat = seats[0]
        self.bridge.game_replaced.emit()  # every view redraws for the next seat
        return True

    def replace(self, game: Game, seat: str, path: Path, read: set[int] | None = None) -> None:
        """Take up another game (new or loaded); the views rebuild themselves."""
        self.game = game
        self.seat = seat
        self._inbox = {}
        self.read = set(read or ())
        self.humans = _humans_of(game, seat)
        self.ended = set()
        self._compared = {}
        self.scenario_path = Path(path)
        self.bridge.attach(game.log)
        self.bridge.game_replaced.emit()


class _Comparisons(QObject):
    """Runs `work` on a worker thread and hands its result (or the error, as text) to `done`
    on the window's thread (a queued signal)."""

    finished = Signal(object)

    def __init__(self, work: Callable[[], object], done: Callable[[object], None]) -> None:
        super().__init__()
        self._done = done
        self.finished.connect(self._deliver, Qt.ConnectionType.QueuedConnection)
        threading.Thread(target=self._run, args=(work,), daemon=True).start()

    def _run(self, work: Callable[[], object]) -> None:
        try:
            result = work()
        except Exception as err:  # noqa: BLE001 - the debrief shows whatever went wrong
            result = f"{type(err).__name__}: {err}"
        self.finished.emit(result)

    @Slot(object)
    def _deliver(self, result: object) -> None:
        self._done(result)


def _humans_of(game: Game, seat: str) -> list[str]:
    """The seats people hold, `seat` first, then in the scenario's order."""
    return [seat, *(s for s in game.scenario.seats if s in game.humans and s != seat)]
