"""A workshop client on asyncio: join a seat, keep its view, send moves, reconnect by itself.

Used by the tests and the bench, and meant for the window's "Join a workshop": `view` is the
seat's `SeatView`, `submit` and `end_phase` are the only ways to act. The connection is kept
up with exponential backoff; a request the host never answered is sent again after
reconnecting unless the host says it recorded it (`last_accepted_seq` in the view).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from pydantic import BaseModel, ValidationError
from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed, InvalidHandshake, InvalidURI

from game.engine.game import INTERACTIVE
from game.engine.moves import Answer, ReportProgress, SplitQuota
from game.engine.views import Document
from game.workshop.protocol import (
    MAX_HOST_MESSAGE,
    Bye,
    EndPhase,
    ErrorMessage,
    EventsMessage,
    Hello,
    HostBye,
    MoveMessage,
    Ping,
    Pong,
    RefusalMessage,
    ViewMessage,
    encode,
    parse_host,
)
from game.workshop.seat_view import SeatView
from game.workshop.view_parts import whole

log = logging.getLogger("game.workshop.client")


@dataclass(frozen=True)
class Reply:
    """The host's answer to a move or a phase end: accepted (with the seat's new documents)
    or refused (code and reason in both languages)."""

    ok: bool
    documents: list[Document] = field(default_factory=list)
    code: str = ""
    zh: str = ""
    en: str = ""


class JoinError(Exception):
    """The host refused the join code (or the connection was taken over by another).

    Args:
        en: the reason in English (also the exception's text).
        zh: the reason in Chinese (default: the English).
        code: "token" (no seat has the code), "replaced" (another device took the seat),
            "address" (the address cannot be a host's), or "" (anything else).
    """

    def __init__(self, en: str, zh: str = "", code: str = "") -> None:
        super().__init__(en)
        self.en, self.zh, self.code = en, zh or en, code


#: The host's default port (`python main.py host … --port`), used when an address has none.
DEFAULT_PORT = 8765
#: Why the connection ended when another device joined with the same code.
SESSION_ENDED = ("本场研讨已结束。", "The session has ended.")
REPLACED = ("这个席位已在另一台设备上接管。", "This seat was taken over on another device.")


def normalise_address(address: str) -> str:
    """The WebSocket URL of an address as a person types it.

    '192.168.1.5:8765', 'ws://192.168.1.5:8765/', 'http://192.168.1.5:8765/' and
    '192.168.1.5' (the host's default port, `DEFAULT_PORT`) all give 'ws://192.168.1.5:8765/';
    'https://' and 'wss://' give a wss:// URL. A path after the host is dropped.

    Raises:
        JoinError: (code "address") nothing is left of the address, or its port is no number.
    """
    text = address.strip()
    scheme = "ws"
    lowered = text.lower()
    for prefix, kind in (("https://", "wss"), ("wss://", "wss"), ("http://", "ws"),
                         ("ws://", "ws")):
        if lowered.startswith(prefix):
            text, scheme = text[len(prefix):], kind
            break
    host = text.split("/", 1)[0].strip()
    port: int | None = None
    name: str | None = None
    try:
        port = urlsplit(f"//{host}").port
        name = urlsplit(f"//{host}").hostname
    except ValueError:
        if host:
            raise JoinError(f"{address!r} has no valid port.",
                            f"地址 {address!r} 的端口不对。", "address") from None
    if not host or not name:
        raise JoinError(f"{address!r} is no host's address.",
                        f"{address!r} 不是主持人的地址。", "address")
    if port is None:
        host = f"{host.rstrip(':')}:{DEFAULT_PORT}"
    return f"{scheme}://{host}/"


Factory = Callable[[int], BaseModel]
Policy = Callable[[SeatView], Iterable[BaseModel | dict[str, Any]]]


class WorkshopClient:
    """One participant's connection to a workshop host.

    Args:
        address: the host's address ('host:port' or a ws:// URL).
        code: the seat's join code (case, spaces and dashes do not matter).
        label: how the facilitator will see the participant (no personal data needed).
        on_frame: called with every raw frame received (tests check what a seat receives).
        first_delay, max_delay: the reconnection backoff, in seconds.
    """

    def __init__(self, address: str, code: str, label: str = "", *,
                 on_frame: Callable[[str], None] | None = None,
                 first_delay: float = 0.05, max_delay: float = 2.0) -> None:
        self.error: JoinError | None = None
        try:
            self.url = normalise_address(address)
        except JoinError as err:  # connect() raises it: the window says why
            self.url, self.error, self._closing = "", err, True
        self.code = "".join(ch for ch in code.upper() if ch not in " -")
        self.label = label
        self.on_frame = on_frame
        self.first_delay, self.max_delay = first_delay, max_delay
        self.view: SeatView | None = None
        self.state = "closed" if self.error is not None else "disconnected"
        self.accepted: list[tuple[int, str, dict[str, Any]]] = []
        self.reconnections = 0
        self._seq = 0
        self._pending: dict[int, tuple[asyncio.Future[Reply], Factory]] = {}
        self._socket: ClientConnection | None = None
        self._task: asyncio.Task[None] | None = None
        self._closing = self.error is not None
        self._fresh = False
        self._changed = asyncio.Event()
        self._acted: set[tuple[int, str]] = set()

    @property
    def seat(self) -> str:
        """The seat this code holds (known once the first view arrived)."""
        return self.view.seat if self.view else ""

    # ----- the connection -----------------------------------------------------------------

    async def connect(self) -> SeatView:
        """Start the connection and wait for the seat's first view (callers bound the wait).

        Raises:
            JoinError: the host does not know the code.
        """
        if self._task is None and self.error is None:
            self._task = asyncio.create_task(self._run())
        return await self.wait_for(lambda view: True)

    async def close(self) -> None:
        """Say bye and stop (the host starts the seat's grace period)."""
        self._closing = True
        if self._socket is not None and self.view is not None:
            with contextlib.suppress(ConnectionClosed):
                await self._socket.send(encode(Bye(seq=self._next(), token=self.code,
                                                   seat=self.seat)))
        await self._stop()

    async def abort(self) -> None:
        """Drop the connection without a word, as a crashed laptop would (for tests)."""
        self._closing = True
        if self._socket is not None:
            self._socket.transport.abort()
        await self._stop()

    async def _stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
        self.state = "closed"
        for future, _ in self._pending.values():
            if not future.done():
                future.cancel()

    async def _run(self) -> None:
        delay = self.first_delay
        while not self._closing:
            try:
                async with connect(self.url, max_size=MAX_HOST_MESSAGE, compression=None,
                                   proxy=None, open_timeout=5) as socket:
                    self._socket, self.state, self._fresh = socket, "connected", True
                    delay = self.first_delay
                    await socket.send(encode(Hello(seq=self._next(), token=self.code,
                                                   label=self.label)))
                    async for raw in socket:
                        self._on_frame(raw)
            except (OSError, ConnectionClosed, InvalidHandshake, TimeoutError) as err:
                log.info("connection to %s lost: %s", self.url, err)
            except JoinError as err:
                self._fail(err)
                return
            except InvalidURI as err:
                self._fail(JoinError(str(err), f"地址不对：{err}", "address"))
                return
            self._socket = None
            if self._closing:
                return
            if self.view is not None and self.view.closed:
                self._session_ended()
                return
            self.state = "reconnecting"
            self.reconnections += 1
            await asyncio.sleep(delay)
            delay = min(self.max_delay, delay * 2)

    def _session_ended(self) -> None:
        """The facilitator ended the session and the host has gone since: nothing to
        reconnect to. The last view stays (the debrief, the turn reports); requests are
        refused as "closed"."""
        self._closing, self.state = True, "ended"
        for future, _ in self._pending.values():
            if not future.done():
                future.set_result(Reply(False, [], "closed", *SESSION_ENDED))
        self._pending.clear()
        self._changed.set()

    def _fail(self, error: JoinError) -> None:
        self.error, self._closing, self.state = error, True, "closed"
        self._changed.set()
        for future, _ in self._pending.values():
            if not future.done():
                future.set_exception(error)

    # ----- what the host says -------------------------------------------------------------

    def _on_frame(self, raw: str | bytes) -> None:
        text = raw if isinstance(raw, str) else raw.decode("utf-8")
        if self.on_frame is not None:
            self.on_frame(text)
        try:
            message = parse_host(text)
        except ValidationError as err:
            log.warning("unreadable frame from the host: %s", err)
            return
        if isinstance(message, ViewMessage):
            self._on_view(message)
        elif isinstance(message, EventsMessage | RefusalMessage | Pong):
            self._answer(message)
        elif isinstance(message, ErrorMessage):
            if message.code == "token" and self.view is None:
                raise JoinError(message.en, message.zh, "token")
            log.warning("host error: %s", message.en)
        elif isinstance(message, HostBye):
            if message.reason == "replaced":
                raise JoinError(REPLACED[1], REPLACED[0], "replaced")
            raise JoinError(f"The host closed the seat's connection ({message.reason}).",
                            f"主持人关闭了这个席位的连接（{message.reason}）。", message.reason)

    def _on_view(self, message: ViewMessage) -> None:
        old = self.view
        known = old.documents if old is not None else []
        history = getattr(old, "history", None)
        reports = history.reports if history is not None else []
        if message.inbox_from > len(known) or message.reports_from > len(reports) or (
                message.kept and old is None):
            log.warning("view skips what this client lacks: asking again")
            if self._socket is not None:
                self._socket.transport.abort()  # reconnect: the host sends the whole view
            return
        self.view = whole(message, old)
        self._seq = max(self._seq, message.last_seq + 1)
        if self._fresh:
            self._fresh = False
            self._settle_after_reconnect(message.last_accepted_seq)
        self._changed.set()

    def _settle_after_reconnect(self, last_accepted: int) -> None:
        """Requests sent before the connection dropped: recorded ones are done, the others
        go again under new numbers (one request is in flight at a time)."""
        for seq, (future, factory) in sorted(self._pending.items()):
            del self._pending[seq]
            if seq <= last_accepted:
                future.set_result(Reply(True))
            else:
                self._send_request(future, factory)

    def _answer(self, message: EventsMessage | RefusalMessage | Pong) -> None:
        if message.reply_to is None:
            return
        entry = self._pending.pop(message.reply_to, None)
        if entry is None or entry[0].done():
            return
        if isinstance(message, RefusalMessage):
            entry[0].set_result(Reply(False, [], message.code, message.zh, message.en))
        elif isinstance(message, EventsMessage):
            entry[0].set_result(Reply(True, message.documents))
        else:
            entry[0].set_result(Reply(True))

    # ----- acting -------------------------------------------------------------------------

    def _next(self) -> int:
        self._seq += 1
        return self._seq

    def _send_request(self, future: asyncio.Future[Reply], factory: Factory) -> None:
        seq = self._next()
        self._pending[seq] = (future, factory)
        if self._socket is not None and not self._fresh:
            socket = self._socket
            asyncio.ensure_future(_send_quietly(socket, encode(factory(seq))))

    async def _request(self, factory: Factory) -> Reply:
        if self.error is not None:
            raise self.error
        if self.state == "ended":
            return Reply(False, [], "closed", *SESSION_ENDED)
        future: asyncio.Future[Reply] = asyncio.get_running_loop().create_future()
        self._send_request(future, factory)
        return await future

    async def submit(self, move: BaseModel | dict[str, Any]) -> Reply:
        """Send a move for the seat; the host's answer (sent again after a reconnection)."""
        data = move.model_dump(mode="json") if isinstance(move, BaseModel) else dict(move)
        view = self.view
        reply = await self._request(lambda seq: MoveMessage(
            seq=seq, token=self.code, seat=self.seat, move=data))
        if reply.ok and view is not None:
            self.accepted.append((view.turn, view.phase, data))
        return reply

    async def end_phase(self, turn: int, phase: str) -> Reply:
        """End the seat's part of the phase (refused as stale once the table moved on)."""
        return await self._request(lambda seq: EndPhase(
            seq=seq, token=self.code, seat=self.seat, turn=turn, phase=phase))

    async def ping(self) -> Reply:
        """Ask the host for a pong."""
        return await self._request(lambda seq: Ping(seq=seq, token=self.code, seat=self.seat))

    async def wait_for(self, predicate: Callable[[SeatView], bool]) -> SeatView:
        """Wait until the seat's view satisfies `predicate` (callers bound the wait).

        Raises:
            JoinError: the code was refused or the seat was taken by another connection.
        """
        while True:
            if self.error is not None:
                raise self.error
            if self.view is not None and predicate(self.view):
                return self.view
            self._changed.clear()
            await self._changed.wait()

    async def play(self, policy: Policy) -> SeatView:
        """Play the seat to the end of the game with `policy` (see `play_phase`); returns
        the final view, with the seat's score — or the view when the facilitator ended the
        session (callers bound the wait). A paused table is waited for."""
        while not ((view := await self.play_phase(policy)).over or view.closed):
            pass
        if view.closed and not view.over:
            return view  # the facilitator ended the session first
        return await self.wait_for(lambda v: v.score is not None)

    async def play_phase(self, policy: Policy) -> SeatView:
        """Wait for the next phase the seat holds, submit what `policy` proposes (once per
        phase, even across reconnections), end the phase and wait until the host noted it.
        Returns the view then (or the final view once the game is over)."""
        view = await self.wait_for(_my_move)
        if view.over or view.closed:
            return view
        at = (view.turn, view.phase)
        if at not in self._acted:
            self._acted.add(at)
            for move in policy(view):
                await self.submit(move)
        reply = await self.end_phase(*at)
        if not reply.ok and reply.code == "paused":  # paused meanwhile: again once resumed
            return await self.wait_for(lambda v: not v.paused or v.closed)
        return await self.wait_for(lambda v: v.over or v.closed or v.ended
                                   or (v.turn, v.phase) != at or v.held_by != "person")


async def _send_quietly(socket: ClientConnection, text: str) -> None:
    # A send that fails is sent again after the reconnection (the request stays pending).
    with contextlib.suppress(ConnectionClosed):
        await socket.send(text)


def _my_move(view: SeatView) -> bool:
    """The seat can act (the facilitator has not paused the table), or never will again."""
    return view.over or view.closed or (view.held_by == "person" and not view.ended
                                        and not view.paused and view.phase in INTERACTIVE)


def simple_policy(view: SeatView) -> list[BaseModel]:
    """A plain participant, deciding from the seat's view only: split each new quota as the
    window suggests, report the true progress, accept what is sent up."""
    moves: list[BaseModel] = []
    offered = {o.action: o for o in view.options}
    if view.phase == "plan" and "split_quota" in offered:
        for stake in view.stakes:
            if stake.task in offered["split_quota"].tasks and stake.subordinates:
                shares = {s.unit: round(s.suggested, 3) for s in stake.subordinates}
                if sum(shares.values()) > 0:
                    moves.append(SplitQuota(task=stake.task, shares=shares))
    elif view.phase == "report" and "report_progress" in offered:
        moves += [ReportProgress(task=t) for t in offered["report_progress"].tasks]
    elif view.phase == "respond":
        moves += [Answer(request=r.id, accept=True) for r in view.pending]
    return moves
