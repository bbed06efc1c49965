"""The host's edge: join codes, the message-rate limit, and the seat and connection records.

A join code is a seat's token: six characters of an alphabet without look-alikes, drawn with
`secrets`. A client over the message rate waits (a token bucket), it is not cut off.
"""

from __future__ import annotations

import asyncio
import secrets
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel
from websockets.asyncio.server import ServerConnection

from game.workshop.protocol import CODE_ALPHABET, CODE_LENGTH, encode
from game.workshop.table import Table

#: Messages a client may send per second on average, and in one burst.
RATE_PER_S = 20.0
BURST = 40.0


class TokenBucket:
    """A message-rate limit: `take` says how long to wait before handling the next message.

    Args:
        rate: messages per second on average.
        burst: messages allowed at once.
    """

    def __init__(self, rate: float = RATE_PER_S, burst: float = BURST) -> None:
        self.rate, self.burst = rate, burst
        self.tokens, self.stamp = burst, None  # type: float, float | None

    def take(self, now: float) -> float:
        """Take one token at time `now` (seconds); the delay to wait, 0 when within the rate."""
        if self.stamp is not None:
            self.tokens = min(self.burst, self.tokens + (now - self.stamp) * self.rate)
        self.stamp = now
        self.tokens -= 1.0
        return max(0.0, -self.tokens / self.rate)


def new_code(taken: set[str]) -> str:
    """A join code not in `taken`: CODE_LENGTH characters of CODE_ALPHABET, from `secrets`."""
    while True:
        code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
        if code not in taken:
            taken.add(code)
            return code


def normalise_code(text: str) -> str:
    """A typed code as stored: capitals, without spaces or dashes."""
    return "".join(ch for ch in text.upper() if ch not in " -")


@dataclass(eq=False)
class Seat:
    """A human seat of a table: its code, its live connection, its grace timer."""

    table: Table
    seat: str
    code: str
    connection: Connection | None = None
    last_seq: int = -1
    grace: asyncio.TimerHandle | None = None
    #: Whether a participant has joined the seat since the host started.
    joined: bool = False
    #: The label the participant gave on joining.
    label: str = ""


@dataclass(eq=False)
class Connection:
    """One client connection and its outgoing queue (sent in order by its own task)."""

    socket: ServerConnection | None
    bucket: TokenBucket = field(default_factory=TokenBucket)
    seat: Seat | None = None
    out_seq: int = 0
    #: How many documents of the seat's inbox this connection has been sent.
    inbox_sent: int = 0
    #: The parts of the seat's view this connection has (`view_parts.unsent`): part name -> the
    #: object sent ("reports": the ids of the history's reports sent last).
    parts: dict[str, Any] = field(default_factory=dict)
    #: How many of the history's reports (finished turns) this connection has.
    reports_sent: int = 0
    queue: asyncio.Queue[str | None] = field(default_factory=asyncio.Queue)
    #: Where outgoing frames go: the queue, or the host's hold while a commit is pending.
    post: Callable[[Connection, str | None], None] | None = None
    #: The facilitator's console (said `facilitator_hello` with the right token).
    facilitator: bool = False
    #: The console's highest sequence number seen.
    last_seq: int = -1
    #: Seats the console mirrors: (table, seat) -> how many of its documents were sent.
    watching: dict[tuple[int, str], int] = field(default_factory=dict)

    def send(self, message: BaseModel) -> None:
        """Queue a message (its sequence number is this connection's next)."""
        self._put(encode(message.model_copy(update={"seq": self.out_seq})))
        self.out_seq += 1

    def close(self) -> None:
        """Unbind the seat and close the socket once the queued messages are sent."""
        self.seat = None
        self._put(None)

    def _put(self, text: str | None) -> None:
        if self.post is None:
            self.queue.put_nowait(text)
        else:
            self.post(self, text)
