"""The book of requests sent up (and discrepancies found), indexed for the hot paths."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from game.engine.state import Request


class RequestBook:
    """Every request of the game in order, with indexes by receiver, by filing and by sender.

    A request's id is its position; the list only grows, as the log does.
    """

    def __init__(self) -> None:
        self._all: list[Request] = []
        self._pending: dict[str, list[Request]] = {}
        self._filed: set[tuple[int, str, str, str]] = set()
        self._turns: dict[tuple[str, str], list[int]] = {}

    def __len__(self) -> int:
        return len(self._all)

    def __getitem__(self, index: int) -> Request:
        return self._all[index]

    def __iter__(self) -> Iterator[Request]:
        return iter(self._all)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, RequestBook) and self._all == other._all

    def add(
        self,
        turn: int,
        kind: str,
        sender: str,
        receiver: str,
        task: str,
        data: dict[str, Any],
        truthful: bool = True,
        detected: bool = False,
    ) -> Request:
        """File a new request and index it."""
        request = Request(len(self._all), turn, kind, sender, receiver, task, data, truthful,
                          detected)
        self._all.append(request)
        self._pending.setdefault(receiver, []).append(request)
        self._filed.add((turn, sender, task, kind))
        self._turns.setdefault((sender, kind), []).append(turn)
        return request

    def pending_for(self, unit: str) -> list[Request]:
        """Unanswered requests addressed to the unit, oldest first."""
        waiting = [r for r in self._pending.get(unit, ()) if r.answered is None]
        self._pending[unit] = waiting
        return list(waiting)

    def filed(self, turn: int, sender: str, task: str, kind: str) -> bool:
        """Whether the sender already filed this kind of request on the task this turn."""
        return (turn, sender, task, kind) in self._filed

    def count_since(self, sender: str, kind: str, first_turn: int) -> int:
        """How many requests of a kind the sender filed from `first_turn` on."""
        return sum(1 for turn in self._turns.get((sender, kind), ()) if turn >= first_turn)

    def recent_from(self, sender: str, first_turn: int) -> list[Request]:
        """The sender's requests filed from `first_turn` on, newest first."""
        found: list[Request] = []
        for request in reversed(self._all):
            if request.turn < first_turn:
                break
            if request.sender == sender:
                found.append(request)
        return found

    def unanswered(self) -> list[Request]:
        """Every request still waiting for an answer, oldest first."""
        return [r for waiting in self._pending.values() for r in waiting if r.answered is None]
