"""The workshop's wire protocol: versioned pydantic messages, one JSON object per WebSocket frame.

A client speaks first with `hello` (its seat's join code as token); every later message carries
the token, the seat and a sequence number that must grow. The host answers a `hello` with the
seat's `view`, a `move` with `events` (accepted) or `refusal`, an `end_phase` with `refusal`
or, when the whole table has ended the phase, `phase_ended` and a new `view` to every seat.
Parsing is strict: unknown fields, NaN and infinity, oversize frames are refused (DESIGN.md,
"The network and the record").
"""

from __future__ import annotations

import json
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, ValidationError

from game.engine.views import Document
from game.workshop.seat_view import SeatView

#: The protocol's version; a client of another version is refused at hello.
PROTOCOL_VERSION = 1
#: The largest frame a client may send (bytes of UTF-8 JSON): a move is well under 2 KiB.
MAX_CLIENT_MESSAGE = 64 * 1024
#: The largest frame the host sends (a late-game view carries the whole inbox).
MAX_HOST_MESSAGE = 8 * 1024 * 1024
#: Join codes: no 0/O, 1/I/L, so that a code read aloud or from a projector is typed right.
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 6

Seq = Annotated[int, Field(ge=0, le=2**53)]
Token = Annotated[str, Field(min_length=1, max_length=32)]
SeatId = Annotated[str, Field(min_length=1, max_length=100)]


class _Message(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, allow_inf_nan=False)

    v: Literal[1] = 1  # PROTOCOL_VERSION
    seq: Seq


# ----- client -> host -------------------------------------------------------------------------


class Hello(_Message):
    """The first message of a connection: the join code, and a label the facilitator sees."""

    kind: Literal["hello"] = "hello"
    token: Token
    label: Annotated[str, Field(max_length=40)] = ""


class MoveMessage(_Message):
    """A move for the seat, in the engine's JSON form (`game.engine.moves`)."""

    kind: Literal["move"] = "move"
    token: Token
    seat: SeatId
    move: dict[str, Any]


class EndPhase(_Message):
    """The seat ends the named phase (a stale one, already over, is refused)."""

    kind: Literal["end_phase"] = "end_phase"
    token: Token
    seat: SeatId
    turn: Annotated[int, Field(ge=1, le=10_000)]
    phase: Literal["plan", "report", "respond"]


class Ping(_Message):
    """Are you there? (the host answers `pong`)."""

    kind: Literal["ping"] = "ping"
    token: Token
    seat: SeatId


class Bye(_Message):
    """The participant leaves on purpose (the grace period starts at once)."""

    kind: Literal["bye"] = "bye"
    token: Token
    seat: SeatId


ClientMessage = Annotated[
    Hello | MoveMessage | EndPhase | Ping | Bye, Field(discriminator="kind")
]
CLIENT_ADAPTER: TypeAdapter[ClientMessage] = TypeAdapter(ClientMessage)


# ----- host -> client -------------------------------------------------------------------------


class ViewMessage(_Message):
    """The seat's view now; `last_seq` is the highest sequence number the host has seen from
    the seat and `last_accepted_seq` the highest it recorded (a move or phase end).

    The inbox only grows, so `view.documents` holds the seat's documents from position
    `inbox_from` on: the first view on a connection has them all (inbox_from 0), later ones
    only the new ones, which the client appends to those it has.
    """

    kind: Literal["view"] = "view"
    last_seq: int = -1
    last_accepted_seq: int = -1
    inbox_from: int = Field(default=0, ge=0)
    view: SeatView


class EventsMessage(_Message):
    """New documents for the seat; `reply_to` is the accepted move's sequence number, or None
    when another seat's move reached this one."""

    kind: Literal["events"] = "events"
    reply_to: int | None = None
    documents: list[Document]


class RefusalMessage(_Message):
    """A message refused: nothing changed. `code` says why (as the engine's refusals do)."""

    kind: Literal["refusal"] = "refusal"
    reply_to: int | None = None
    code: str
    zh: str
    en: str


class PhaseEnded(_Message):
    """Every person at the table ended the phase: the table moved on (a new view follows)."""

    kind: Literal["phase_ended"] = "phase_ended"
    turn: int
    phase: str


class Pong(_Message):
    """The answer to a ping."""

    kind: Literal["pong"] = "pong"
    reply_to: int


class ErrorMessage(_Message):
    """A message the host could not read at all (before any seat is known)."""

    kind: Literal["error"] = "error"
    code: str
    zh: str
    en: str


class HostBye(_Message):
    """The host closes this connection (another connection took the seat, or shutdown)."""

    kind: Literal["bye"] = "bye"
    reason: str


HostMessage = Annotated[
    ViewMessage | EventsMessage | RefusalMessage | PhaseEnded | Pong | ErrorMessage | HostBye,
    Field(discriminator="kind"),
]
HOST_ADAPTER: TypeAdapter[HostMessage] = TypeAdapter(HostMessage)


class ProtocolError(Exception):
    """A frame that is not a message of this protocol: too large, not JSON, or malformed.

    Attributes:
        code: "oversize", "json" or "malformed".
        zh, en: the reason in both languages.
    """

    def __init__(self, code: str, zh: str, en: str) -> None:
        super().__init__(en)
        self.code, self.zh, self.en = code, zh, en


def parse_client(raw: str | bytes) -> ClientMessage:
    """Read one client frame.

    Raises:
        ProtocolError: the frame is over `MAX_CLIENT_MESSAGE` bytes, not UTF-8 JSON, or not a
            message of this protocol and version.
    """
    size = len(raw.encode("utf-8", "surrogatepass") if isinstance(raw, str) else raw)
    if size > MAX_CLIENT_MESSAGE:
        raise ProtocolError("oversize", f"消息过大（{size} 字节，上限 {MAX_CLIENT_MESSAGE}）。",
                            f"Message too large ({size} bytes, limit {MAX_CLIENT_MESSAGE}).")
    try:
        data = json.loads(raw, parse_constant=_no_constant)
    except (ValueError, UnicodeDecodeError) as err:
        raise ProtocolError("json", "消息不是 JSON。", f"Not JSON: {err}") from None
    try:
        return CLIENT_ADAPTER.validate_python(data)
    except ValidationError as err:
        first = err.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        text = f"{where}: {first['msg']}" if where else str(first["msg"])
        raise ProtocolError("malformed", f"消息格式不对：{text}", f"Malformed message: {text}") \
            from None


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not allowed")


def encode(message: BaseModel) -> str:
    """A message as one JSON text frame."""
    return message.model_dump_json()


def parse_host(raw: str | bytes) -> HostMessage:
    """Read one host frame (the client's side).

    Raises:
        pydantic.ValidationError: the frame is not a host message of this protocol.
    """
    return HOST_ADAPTER.validate_json(raw)
