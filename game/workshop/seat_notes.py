"""What the seat's window needs beside the bare state: suggested answers and world-event texts.

Two things a screen used to read from the `Game` itself: the answer the seat's own knowledge
points to for each pending request (`game.engine.views.suggested_answer`, the answer table's
default), and the headline and text of each world event announced so far (the inbox's papers
name them). Both are built here from the engine, for the seat alone, so that a local game and a
remote table give a window the same `SeatNotes` (`SeatView.notes`; issue 11, item 1).
"""

from __future__ import annotations

import weakref
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ConfigDict

from game.engine.views import PendingRequest, SuggestedAnswer, suggested_answer
from game.scenario.models import Text

if TYPE_CHECKING:
    from game.engine.world import World


class EventNote(BaseModel):
    """A world event as its document names it: what everyone was told, never its effects.

    Attributes:
        id: the scenario event's id (the `event` of a `world_event` document's data).
        kind: weather, petition_surge, new_central_task, cross_level_inspection,
            leader_attention …
        name: the document's headline, in both languages.
        text: the document's body in both languages, if the scenario wrote one (else the
            window words it from `kind` and the document's targets).
        turn: the turn it was announced on (from 1).
    """

    model_config = ConfigDict(frozen=True)

    id: str
    kind: str
    name: Text
    text: Text | None = None
    turn: int


class SeatNotes(BaseModel):
    """The seat's suggested answers and the world events announced so far.

    Attributes:
        suggestions: one `SuggestedAnswer` per pending request of the view, in the same order
            (`request` is the request's number). It rests only on what the seat knows: the
            request as sent, whether its causes were found false, the sender's current target
            and the seat's own estimate of the sender's capacity (never the true capacity).
        events: every world event announced so far, oldest first (world events are told to
            every seat: `actor` is the world).
    """

    model_config = ConfigDict(frozen=True)

    suggestions: list[SuggestedAnswer] = []
    events: list[EventNote] = []

    def suggestion(self, request: int) -> SuggestedAnswer | None:
        """The suggested answer to request number `request`, None if it is not pending."""
        return next((s for s in self.suggestions if s.request == request), None)

    def event(self, event_id: str) -> EventNote | None:
        """The announced world event with this id, None if none was announced."""
        return next((e for e in self.events if e.id == event_id), None)


#: Per game: the notes of the world events announced so far (announcements never change).
_EVENTS: weakref.WeakKeyDictionary[Any, dict[str, EventNote]] = weakref.WeakKeyDictionary()


def announced_events(game: World) -> list[EventNote]:
    """The world events fired so far in `game`, oldest first (then by id).

    Kept per game object: each event's note is built once, the first time it is asked for
    after the event fired, so a host building views after every move pays a dictionary look-up
    per fired event.
    """
    known = _EVENTS.setdefault(game, {})
    for event_id in game.fired_events:
        if event_id not in known:
            event = game.event_by_id[event_id]
            known[event_id] = EventNote(id=event.id, kind=event.kind, name=event.name,
                                        text=event.text, turn=game.fired_turns[event_id])
    return sorted((known[e] for e in game.fired_events), key=lambda note: (note.turn, note.id))


def seat_notes(game: World, seat: str, pending: list[PendingRequest]) -> SeatNotes:
    """Build the seat's notes.

    Args:
        game: the table's game.
        seat: the seat the notes are for.
        pending: the seat's pending requests (`views.pending_requests(game, seat)`).

    Returns:
        The notes: a suggestion per pending request, and the world events announced so far.
    """
    return SeatNotes(suggestions=[suggested_answer(game, seat, r) for r in pending],
                     events=announced_events(game))
