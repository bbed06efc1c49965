"""The seat's view: one serialisable model of everything a seat may know and do.

Built from `game.engine.views` (which never lets an event's hidden part out, and gives a seat
only its own true figures and its estimates of the units below it) plus the table's state and,
after the game, the seat's own score. It lives here, not in the engine, because the score comes
from `game.scoring`, which stands above the engine; a local game and a remote table can both
give a window this one model (issue 11, item 1).
"""

from __future__ import annotations

import weakref
from typing import TYPE_CHECKING, Any, Literal

from pydantic import BaseModel, ConfigDict

from game.engine.views import (
    Document,
    MoveOption,
    PendingRequest,
    Resources,
    Stake,
    documents,
    move_options,
    moves_made,
    pending_requests,
    resources,
    stakes,
)
from game.workshop.debrief_part import DebriefPart, debrief_part
from game.workshop.directory import Directory, directory
from game.workshop.map_knowledge import MapKnowledge, map_knowledge_of
from game.workshop.seat_history import SeatHistory, seat_history
from game.workshop.seat_notes import SeatNotes, seat_notes

if TYPE_CHECKING:
    from game.engine.game import Game


class SeatView(BaseModel):
    """What one seat may know and do now.

    Attributes:
        table: the table's number (from 1); 0 for a local game.
        seat: the unit the seat plays.
        turn, turns, phase, over: where the game stands ("over" once it has ended).
        held_by: "person", or "computer" while the computer official stands in for a
            participant who dropped out.
        ended: the seat has ended the current phase and waits for the others.
        waiting_for: the seats held by people that have not ended the phase yet.
        resources: cadre time and time left (cadre-days), funds (万元), standing, morale.
        stakes: the seat's tasks (its own true capacity only where it carries the task itself;
            for units below it, what they reported and its own estimates).
        options: the moves open in this phase, with their prices.
        pending: requests sent up to the seat that await its answer.
        documents: the seat's inbox, oldest first (visible events only).
        moves_made: the seat's accepted moves in this turn and phase.
        score: after the game, the seat's own score (`game.scoring.seat`), else None.
        paused: the facilitator paused the table (moves and phase ends are refused).
        closed: the session has ended (the table takes no more moves).
        deadline: when the facilitator's phase timer runs out (seconds since the epoch, the
            host's clock), else None.
        directory: the public structure of the game (names, kinds, organisation, task lines;
            no capacities). A host sends it in the first view of a connection and may leave it
            out (None) after; a client keeps the last one it had.
        notes: what the window draws beside the state (`game.workshop.seat_notes.SeatNotes`):
            `suggestions`, the answer the seat's own knowledge points to for each request of
            `pending` (same order; the answer table's defaults), and `events`, the headline
            and text of each world event announced so far (the inbox's papers name them).
            Built from what the seat may know only; None in a view built without it.
        debrief: once the game is over, the seat's part of the debrief
            (`game.workshop.debrief_part.DebriefPart`: the county's report, the seat's own
            score, Figure 1, the reveal of what was hidden, the log entries it links to, the
            styles and seed, and the fair comparisons once played); None during play.
        map: what the county map may show (`game.workshop.map_knowledge.MapKnowledge`): the
            seat and the units next to it on its task lines with the figures the seat may
            know of them (never another unit's true capacity or output), and the task edges
            it stands on. None only in a view built without it.
        history: the seat's turns so far (`game.workshop.seat_history.SeatHistory`): the
            dashboard's series (targets, reported and, for a carrier, its own delivered figures
            in the task's unit; cadre-days by category, overload 0-1, funds 万元; trust 0-1 on
            its own relations) and one turn report per turn from 1 to the current one (its
            moves and what they changed, its own time and work, and the visible documents of
            assessments, sanctions, incentives, answers and the world). Only events that reach
            the seat enter, never a hidden field. None when the builder left it out: a host
            may leave it out while `seat_history` gives back the object it last sent the
            seat (nothing that reaches the seat has happened since); a client keeps the last.
    """

    model_config = ConfigDict(frozen=True, allow_inf_nan=False)

    table: int
    seat: str
    scenario_id: str
    turn: int
    turns: int
    phase: str
    over: bool
    held_by: Literal["person", "computer"]
    ended: bool
    waiting_for: list[str]
    resources: Resources
    stakes: list[Stake]
    options: list[MoveOption]
    pending: list[PendingRequest]
    documents: list[Document]
    moves_made: list[dict[str, Any]]
    score: dict[str, Any] | None = None
    paused: bool = False
    closed: bool = False
    deadline: float | None = None
    directory: Directory | None = None
    notes: SeatNotes | None = None
    debrief: DebriefPart | None = None
    map: MapKnowledge | None = None
    history: SeatHistory | None = None


_DIRECTORIES: weakref.WeakKeyDictionary[Any, Directory] = weakref.WeakKeyDictionary()


def directory_of(game: Game) -> Directory:
    """The game's `Directory`, built once per game object and kept while the game lives."""
    found = _DIRECTORIES.get(game)
    if found is None:
        found = _DIRECTORIES[game] = directory(game)
    return found


def seat_view(
    game: Game,
    seat: str,
    *,
    table: int = 0,
    ended: bool = False,
    waiting_for: list[str] | None = None,
    score: dict[str, Any] | None = None,
    inbox: list[Document] | None = None,
    paused: bool = False,
    closed: bool = False,
    deadline: float | None = None,
    with_directory: bool = True,
    comparisons: dict[str, Any] | None = None,
    comparisons_error: str | None = None,
    with_history: bool = True,
    with_map: bool = True,
) -> SeatView:
    """Build the seat's view of a game.

    Args:
        game: the table's game (the only copy of the truth).
        seat: a unit of the scenario.
        table: the table's number, 0 for a local game.
        ended: whether the seat has ended the current phase.
        waiting_for: the person-held seats still to end the phase (default: none).
        score: the seat's score after the game (from `score_game(game)["seats"][seat]`).
        inbox: the seat's documents if the caller keeps them (`views.documents` of the whole
            log, which a host extends as the log grows instead of reading it all again).
        paused, closed, deadline: the table's state the facilitator set (see `SeatView`).
        with_directory: include the game's `Directory` (a host leaves it out once the client
            has it).
        comparisons, comparisons_error: the seat's fair comparisons once played (or why
            they failed), for the debrief part (see `debrief_part`).
        with_history: include the seat's `SeatHistory` (series and turn reports; past turns
            are built once per game and seat, so this costs the turn under way only).
        with_map: include the seat's `MapKnowledge` (a host's table leaves the map and the
            history out and adds its own, built again only when something reached the seat).

    Raises:
        KeyError: `seat` is not a unit of the scenario.
    """
    options = [] if ended else move_options(game, seat)
    pending = pending_requests(game, seat)
    return SeatView.model_construct(
        table=table,
        seat=seat,
        scenario_id=game.scenario.id,
        turn=game.turn,
        turns=game.scenario.turns,
        phase=game.phase,
        over=game.over,
        held_by="person" if seat in game.humans else "computer",
        ended=ended,
        waiting_for=list(waiting_for or []),
        resources=resources(game, seat),
        stakes=stakes(game, seat),
        options=options,
        pending=pending,
        documents=documents(game, seat) if inbox is None else inbox,
        moves_made=moves_made(game, seat),
        score=score,
        paused=paused,
        closed=closed,
        deadline=deadline,
        directory=directory_of(game) if with_directory else None,
        notes=seat_notes(game, seat, pending),
        debrief=debrief_part(game, seat, comparisons, comparisons_error=comparisons_error),
        map=map_knowledge_of(game, seat) if with_map else None,
        history=seat_history(game, seat) if with_history else None,
    )
