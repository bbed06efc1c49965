"""The workshop's wire protocol: versioned pydantic messages, one JSON object per WebSocket frame.

A client speaks first with `hello` (its seat's join code as token); every later message carries
the token, the seat and a sequence number that must grow. The facilitator's console speaks
first with `facilitator_hello` (the facilitator's token, printed by the host beside the seat
codes), then sends `facilitate` messages (an act on one table or all, a status request, or a
seat to mirror); the host answers each with `acted` (the result per table) and keeps the
console fed with `status` (every table and seat, alerts) and `mirror` (a watched seat's view,
the very view the seat is sent). The host answers a `hello` with the
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


#: What the facilitator can do: acts on tables (recorded), and asking (status, mirrors).
FACILITATOR_ACTS = ("pause", "resume", "broadcast", "inject", "timer", "end_phase",
                    "to_computer", "to_person", "end_session", "status", "watch", "unwatch")
FacilitatorAct = Literal["pause", "resume", "broadcast", "inject", "timer", "end_phase",
                         "to_computer", "to_person", "end_session", "status", "watch",
                         "unwatch"]
Text = Annotated[str, Field(max_length=500)]


class FacilitatorHello(_Message):
    """The first message of the facilitator's console: the facilitator's token."""

    kind: Literal["facilitator_hello"] = "facilitator_hello"
    token: Token


class Facilitate(_Message):
    """A facilitator's act, or a question.

    Attributes:
        act: pause / resume (a table or all); broadcast (`zh`, `en`: a notice to every seat);
            inject (`event`: one of the scenario's events, now); timer (`seconds` from now the
            phase ends as the seats stand; 0 clears it); end_phase (end it now, as the seats
            stand); to_computer / to_person (`table` and `seat`); end_session (every table);
            status (the host answers with `status`); watch / unwatch (`table` and `seat`:
            the seat's view is mirrored to this console, read-only).
        table: the table (from 1); None for every table.
    """

    kind: Literal["facilitate"] = "facilitate"
    token: Token
    act: FacilitatorAct
    table: Annotated[int, Field(ge=1, le=10_000)] | None = None
    seat: SeatId | None = None
    zh: Text = ""
    en: Text = ""
    event: Annotated[str, Field(max_length=100)] = ""
    seconds: Annotated[float, Field(ge=0, le=86_400)] = 0.0


ClientMessage = Annotated[
    Hello | MoveMessage | EndPhase | Ping | Bye | FacilitatorHello | Facilitate,
    Field(discriminator="kind"),
]
CLIENT_ADAPTER: TypeAdapter[ClientMessage] = TypeAdapter(ClientMessage)


# ----- host -> client -------------------------------------------------------------------------


class ViewMessage(_Message):
    """The seat's view now; `last_seq` is the highest sequence number the host has seen from
    the seat and `last_accepted_seq` the highest it recorded (a move or phase end).

    The inbox only grows, so `view.documents` holds the seat's documents from position
    `inbox_from` on: the first view on a connection has them all (inbox_from 0), later ones
    only the new ones, which the client appends to those it has.

    The larger parts of a view are sent on a connection only when they changed: `kept` names
    those the client keeps from its last view ("directory", "notes", "map", "debrief",
    "history"; their field here is None), and "series" when only the history's series is
    kept (its field here is empty). The history's reports of finished turns never change, so
    `view.history.reports` holds them from position `reports_from` on, as the inbox does.
    """

    kind: Literal["view"] = "view"
    last_seq: int = -1
    last_accepted_seq: int = -1
    inbox_from: int = Field(default=0, ge=0)
    kept: list[str] = []
    reports_from: int = Field(default=0, ge=0)
    view: SeatView


class EventsMessage(_Message):
    """New documents for the seat; `reply_to` is the accepted move's sequence number, or None
    when a facilitator's act reached the seat. (Another seat's move reaches it in its next
    view, which carries the new documents.)"""

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


class SeatStatus(BaseModel):
    """One human seat as the console shows it.

    Attributes:
        state: "acting" (a person holds it and has not ended the phase), "done" (ended it,
            waits for the others), "waiting" (the table is paused, the game over or the
            session ended), "disconnected" (a person holds it, no client is connected), or
            "computer" (the computer official plays it).
        label: what the participant typed on joining ("" before anyone joined).
        returning: handed back to its person when the phase ends.
        joined: someone has joined the seat (since the host started, or named in the record);
            False for a seat whose participant has not come yet.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    seat: str
    state: Literal["acting", "done", "waiting", "disconnected", "computer"]
    label: str = ""
    connected: bool = False
    returning: bool = False
    joined: bool = True


class TableStatus(BaseModel):
    """One table as the console shows it.

    Attributes:
        phase_s: seconds since the phase began (since the host started, after a restart).
        idle_s: seconds since the last act at the table.
        timer_left: seconds left on the phase timer (0: ran out), None without one.
        events: the length of the table's event log.
        stuck: no act for the host's `stuck_s` seconds while the table plays.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    table: int
    turn: int
    turns: int
    phase: str
    over: bool
    paused: bool
    closed: bool
    waiting_for: list[str]
    seats: list[SeatStatus]
    phase_s: float
    idle_s: float
    timer_left: float | None
    events: int
    stuck: bool


class Alert(BaseModel):
    """Something the facilitator should look at: `code` "stuck" (no act for `idle_s`) or
    "no_person" (the computer holds every seat: the table waits for a person to return)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    table: int
    code: str
    zh: str
    en: str


class StatusMessage(_Message):
    """The whole room for the console: every table, and the alerts (sent on every change
    and every few seconds). `at` is the host's clock (seconds since the epoch)."""

    kind: Literal["status"] = "status"
    at: float
    scenario_id: str
    tables: list[TableStatus]
    alerts: list[Alert]
    ended: bool
    stuck_s: float


class TableResult(BaseModel):
    """What one table made of a facilitator's act: done, or refused with a reason."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    table: int
    ok: bool
    code: str = ""
    zh: str = ""
    en: str = ""


class ActedMessage(_Message):
    """The answer to a `facilitate`: the result at each table it concerned."""

    kind: Literal["acted"] = "acted"
    reply_to: int
    act: str
    results: list[TableResult]


class MirrorMessage(_Message):
    """A watched seat's view, as the seat itself is sent it (the documents from position
    `inbox_from` of the seat's inbox on, as in `ViewMessage`). The participant's connection
    knows nothing of it."""

    kind: Literal["mirror"] = "mirror"
    table: int
    seat: str
    inbox_from: int = Field(default=0, ge=0)
    view: SeatView


HostMessage = Annotated[
    ViewMessage | EventsMessage | RefusalMessage | PhaseEnded | Pong | ErrorMessage | HostBye
    | StatusMessage | ActedMessage | MirrorMessage,
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
