"""The facilitator's side: a headless client of the workshop host, and its command line.

`FacilitatorClient` is what a console window drives (issue 12, "Act on a table or on all"): it
holds the room's latest `status` (every table, its seats' states and times, the alerts), the
views of the seats it mirrors (read-only: the participant's connection does not change), and
sends the facilitator's acts, each answered per table (done, or refused with a reason in both
languages). `python main.py facilitate ADDRESS --token T COMMAND [ARGS]` runs one act for
scripts (`run_facilitate`).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import logging
import sys
import urllib.parse
from collections.abc import Callable
from typing import Any

from pydantic import ValidationError
from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed, InvalidHandshake, InvalidURI

from game.workshop.client import JoinError, normalise_address
from game.workshop.protocol import (
    MAX_HOST_MESSAGE,
    ActedMessage,
    ErrorMessage,
    Facilitate,
    FacilitatorHello,
    HostBye,
    MirrorMessage,
    StatusMessage,
    TableResult,
    encode,
    parse_host,
)
from game.workshop.seat_view import SeatView

log = logging.getLogger("game.workshop.facilitator")


class FacilitatorClient:
    """The facilitator's connection to a workshop host.

    Args:
        address: the host's address ('host:port' or a ws:// URL).
        token: the facilitator's token (printed by the host; case and dashes do not matter).
        on_status: called with every status received (a window refreshes its grid).
        on_mirror: called with (table, seat, view) for every mirrored view received.
        first_delay, max_delay: the reconnection backoff, in seconds.

    Attributes:
        status: the room as last reported, None before the first status.
        mirrors: the watched seats' views, by (table, seat).
        state: "disconnected", "connected", "reconnecting" or "closed".
        refused: the host's refusal of the token, (zh, en), else None.
    """

    def __init__(self, address: str, token: str, *,
                 on_status: Callable[[StatusMessage], None] | None = None,
                 on_mirror: Callable[[int, str, SeatView], None] | None = None,
                 first_delay: float = 0.05, max_delay: float = 2.0) -> None:
        self.error: JoinError | None = None
        try:
            self.url = normalise_address(address)
        except JoinError as err:  # connect() raises it, as for a token the host refuses
            self.url, self.error = "", err
        self.token = "".join(ch for ch in token.upper() if ch not in " -")
        self.on_status, self.on_mirror = on_status, on_mirror
        self.first_delay, self.max_delay = first_delay, max_delay
        self.status: StatusMessage | None = None
        self.mirrors: dict[tuple[int, str], SeatView] = {}
        self.state = "closed" if self.error is not None else "disconnected"
        #: The host's refusal of the token, (zh, en), once it refused it.
        self.refused: tuple[str, str] | None = None
        self._watching: set[tuple[int, str]] = set()
        self._seq = 0
        self._pending: dict[int, asyncio.Future[ActedMessage]] = {}
        self._socket: ClientConnection | None = None
        self._task: asyncio.Task[None] | None = None
        self._closing = False
        self._changed = asyncio.Event()

    # ----- the connection -----------------------------------------------------------------

    async def connect(self) -> StatusMessage:
        """Connect and wait for the room's first status (callers bound the wait).

        Raises:
            JoinError: the host refused the token.
        """
        if self._task is None and self.error is None:
            self._task = asyncio.create_task(self._run())
        return await self.wait_for(lambda status: True)

    async def close(self) -> None:
        """Stop (pending acts are cancelled)."""
        self._closing = True
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
        self.state = "closed"
        self._fail_pending(None)

    async def _run(self) -> None:
        delay = self.first_delay
        while not self._closing:
            try:
                async with connect(self.url, max_size=MAX_HOST_MESSAGE, compression=None,
                                   proxy=None, open_timeout=5) as socket:
                    self._socket, self.state = socket, "connected"
                    delay = self.first_delay
                    await socket.send(encode(FacilitatorHello(seq=self._next(),
                                                              token=self.token)))
                    for table, seat in sorted(self._watching):  # mirrors start afresh
                        self.mirrors.pop((table, seat), None)
                        await socket.send(self._encode_act("watch", table=table, seat=seat))
                    async for raw in socket:
                        self._on_frame(raw)
            except (OSError, ConnectionClosed, InvalidHandshake, TimeoutError) as err:
                log.info("connection to %s lost: %s", self.url, err)
            except (InvalidURI, JoinError) as err:
                self.error, self._closing, self.state = JoinError(str(err)), True, "closed"
                self._changed.set()
                self._fail_pending(self.error)
                return
            self._socket = None
            # An act whose answer was lost may or may not have been done: the caller learns
            # which from the status (acts are not idempotent, so none is sent again).
            self._fail_pending(ConnectionError("the connection to the host was lost"))
            if self._closing:
                return
            self.state = "reconnecting"
            await asyncio.sleep(delay)
            delay = min(self.max_delay, delay * 2)

    def _fail_pending(self, error: Exception | None) -> None:
        pending, self._pending = self._pending, {}
        for future in pending.values():
            if not future.done():
                if error is None:
                    future.cancel()
                else:
                    future.set_exception(error)

    def _on_frame(self, raw: str | bytes) -> None:
        text = raw if isinstance(raw, str) else raw.decode("utf-8")
        try:
            message = parse_host(text)
        except ValidationError as err:
            log.warning("unreadable frame from the host: %s", err)
            return
        if isinstance(message, StatusMessage):
            self.status = message
            if self.on_status is not None:
                self.on_status(message)
        elif isinstance(message, MirrorMessage):
            self._on_mirror(message)
        elif isinstance(message, ActedMessage):
            future = self._pending.pop(message.reply_to, None)
            if future is not None and not future.done():
                future.set_result(message)
        elif isinstance(message, ErrorMessage):
            if message.code == "token":
                self.refused = (message.zh, message.en)
                raise JoinError(message.en)
            log.warning("host error: %s", message.en)
        elif isinstance(message, HostBye):
            raise JoinError(f"the host closed the console's connection: {message.reason}")
        self._changed.set()

    def _on_mirror(self, message: MirrorMessage) -> None:
        key = (message.table, message.seat)
        known = self.mirrors[key].documents if key in self.mirrors else []
        if message.inbox_from > len(known):
            log.warning("mirror of %s skips documents: watching again", key)
            if self._socket is not None:
                self._socket.transport.abort()
            return
        inbox = [*known[:message.inbox_from], *message.view.documents]
        view = message.view.model_copy(update={"documents": inbox})
        self.mirrors[key] = view
        if self.on_mirror is not None:
            self.on_mirror(message.table, message.seat, view)

    # ----- acting -------------------------------------------------------------------------

    def _next(self) -> int:
        self._seq += 1
        return self._seq

    def _encode_act(self, act: str, **fields: Any) -> str:
        return encode(Facilitate.model_validate(
            {"seq": self._next(), "token": self.token, "act": act, **fields}))

    async def act(self, act: str, *, table: int | None = None, seat: str | None = None,
                  zh: str = "", en: str = "", event: str = "",
                  seconds: float = 0.0) -> list[TableResult]:
        """Send one act (see `protocol.Facilitate`) and wait for the host's answer: the result
        at each table concerned (callers bound the wait).

        Raises:
            JoinError: the token was refused.
            ConnectionError: the connection dropped before the answer (check the status).
            pydantic.ValidationError: the act's fields are not valid (nothing was sent).
        """
        if self.error is not None:
            raise self.error
        text = self._encode_act(act, table=table, seat=seat, zh=zh, en=en, event=event,
                                seconds=seconds)
        seq = self._seq
        future: asyncio.Future[ActedMessage] = asyncio.get_running_loop().create_future()
        self._pending[seq] = future
        if self._socket is None:
            del self._pending[seq]
            raise ConnectionError("not connected to the host")
        await self._socket.send(text)
        return (await future).results

    async def pause(self, table: int | None = None) -> list[TableResult]:
        """Pause a table (None: every table)."""
        return await self.act("pause", table=table)

    async def resume(self, table: int | None = None) -> list[TableResult]:
        """Resume a paused table (None: every table)."""
        return await self.act("resume", table=table)

    async def broadcast(self, zh: str, en: str, table: int | None = None) -> list[TableResult]:
        """A notice from the facilitator in every seat's inbox (of a table, or all)."""
        return await self.act("broadcast", table=table, zh=zh, en=en)

    async def inject(self, event: str, table: int | None = None) -> list[TableResult]:
        """Fire one of the scenario's events now (at a table, or all)."""
        return await self.act("inject", table=table, event=event)

    async def timer(self, seconds: float, table: int | None = None) -> list[TableResult]:
        """End the phase as the seats stand in `seconds` (0 clears the timer)."""
        return await self.act("timer", table=table, seconds=seconds)

    async def end_phase(self, table: int | None = None) -> list[TableResult]:
        """End the phase now as the seats stand."""
        return await self.act("end_phase", table=table)

    async def to_computer(self, table: int, seat: str) -> list[TableResult]:
        """Hand a person's seat to the computer official."""
        return await self.act("to_computer", table=table, seat=seat)

    async def to_person(self, table: int, seat: str) -> list[TableResult]:
        """Hand a computer-held seat back to its person (now, or when the phase ends)."""
        return await self.act("to_person", table=table, seat=seat)

    async def end_session(self) -> list[TableResult]:
        """End the session: every table takes no more acts."""
        return await self.act("end_session")

    async def refresh(self) -> StatusMessage:
        """Ask for the status now and return it."""
        before = self.status
        await self.act("status")
        return await self.wait_for(lambda status: status is not before)

    async def watch(self, table: int, seat: str) -> SeatView:
        """Mirror a seat's view (read-only); returns the first view (callers bound the wait)."""
        self._watching.add((table, seat))
        self.mirrors.pop((table, seat), None)
        results = await self.act("watch", table=table, seat=seat)
        if not results[0].ok:
            self._watching.discard((table, seat))
            raise ValueError(results[0].en)
        return await self.wait_for_mirror(table, seat, lambda view: True)

    async def unwatch(self, table: int, seat: str) -> None:
        """Stop mirroring a seat."""
        self._watching.discard((table, seat))
        await self.act("unwatch", table=table, seat=seat)
        self.mirrors.pop((table, seat), None)

    async def wait_for(self, predicate: Callable[[StatusMessage], bool]) -> StatusMessage:
        """Wait until the status satisfies `predicate` (callers bound the wait).

        Raises:
            JoinError: the token was refused.
        """
        while True:
            if self.error is not None:
                raise self.error
            if self.status is not None and predicate(self.status):
                return self.status
            self._changed.clear()
            await self._changed.wait()

    async def wait_for_mirror(self, table: int, seat: str,
                              predicate: Callable[[SeatView], bool]) -> SeatView:
        """Wait until the mirrored view of a seat satisfies `predicate` (bounded by callers)."""
        while True:
            if self.error is not None:
                raise self.error
            view = self.mirrors.get((table, seat))
            if view is not None and predicate(view):
                return view
            self._changed.clear()
            await self._changed.wait()


# ----- the command line -----------------------------------------------------------------------

def run_facilitate(args: argparse.Namespace) -> int:
    """Run one facilitator command (`game.app`'s `facilitate`: address, token, table, json,
    timeout, action, args); the exit code: 0 done, 1 refused at some table, 2 the
    command is malformed or the host cannot be reached or refused the token."""
    try:
        request = _request(args.action, list(args.args), args.table)
    except ValueError as err:
        print(f"facilitate: error: {err}", file=sys.stderr)
        return 2
    try:
        url = normalise_address(args.address)
    except JoinError as err:
        print(f"facilitate: error: {err.zh} / {err.en}", file=sys.stderr)
        return 2
    try:
        return asyncio.run(asyncio.wait_for(
            _run_command(args.address, args.token, request, args.json), args.timeout))
    except JoinError as err:
        print(f"facilitate: error: {err.zh} / {err.en}" if err.zh != err.en
              else f"facilitate: error: {err}", file=sys.stderr)
        return 2
    except (ConnectionError, OSError, TimeoutError):
        print(f"facilitate: error: {unreachable(url)}", file=sys.stderr)
        return 2


def unreachable(url: str) -> str:
    """The sentence for a host that does not answer, in zh and en.

    Args:
        url: the host's WebSocket URL (`normalise_address`): it is named as HOST:PORT, so a
            port added by default is seen.
    """
    parts = urllib.parse.urlsplit(url)
    where = f"{parts.hostname}:{parts.port}" if parts.port else (parts.hostname or url)
    return (f"在 {where} 连不上主持端（地址、端口是否正确？主持端是否在运行？） / "
            f"the host cannot be reached at {where} (is the address right and the host "
            "running?)")


def _request(action: str, args: list[str], table: int | None) -> dict[str, Any]:
    """The `Facilitate` fields of a command line.

    Raises:
        ValueError: the arguments do not fit the command.
    """
    wanted = {"broadcast": (1, 2), "inject": (1, 1), "timer": (1, 1), "to-computer": (2, 2),
              "to-person": (2, 2)}.get(action, (0, 0))
    if not wanted[0] <= len(args) <= wanted[1]:
        raise ValueError(f"{action} takes {wanted[0]}"
                         f"{'' if wanted[0] == wanted[1] else f' to {wanted[1]}'} "
                         f"argument(s), not {len(args)}")
    fields: dict[str, Any] = {"act": action.replace("-", "_"), "table": table}
    if action == "end":
        fields = {"act": "end_session"}
    elif action == "broadcast":
        fields.update(zh=args[0], en=args[1] if len(args) > 1 else "")
    elif action == "inject":
        fields["event"] = args[0]
    elif action == "timer":
        try:
            fields["seconds"] = float(args[0])
        except ValueError:
            raise ValueError(f"timer takes seconds, not {args[0]!r}") from None
    elif action in ("to-computer", "to-person"):
        if not args[0].isdigit():
            raise ValueError(f"{action} takes TABLE SEAT; {args[0]!r} is not a table")
        fields.update(table=int(args[0]), seat=args[1])
    try:
        Facilitate.model_validate({"seq": 0, "token": "T", **fields})
    except ValidationError as err:
        first = err.errors()[0]
        raise ValueError(f"{'.'.join(str(p) for p in first['loc'])}: {first['msg']}") from None
    return fields


async def _run_command(address: str, token: str, request: dict[str, Any], as_json: bool) -> int:
    client = FacilitatorClient(address, token, max_delay=0.5)
    try:
        await client.connect()
        if request["act"] == "status":
            status = await client.refresh()
            print(status.model_dump_json(indent=2) if as_json else format_status(status))
            return 0
        results = await client.act(request.pop("act"), **request)
    finally:
        await client.close()
    if as_json:
        print(json.dumps([r.model_dump() for r in results], ensure_ascii=False, indent=2))
    else:
        for result in results:
            said = "ok" if result.ok else f"refused ({result.code}): {result.zh} / {result.en}"
            print(f"table {result.table}: {said}")
    return 0 if all(r.ok for r in results) else 1


def format_status(status: StatusMessage) -> str:
    """The room as lines of text: a table per line, then its seats, then the alerts."""
    lines = [f"{status.scenario_id}: {len(status.tables)} table(s)"
             f"{' — session ended / 研讨已结束' if status.ended else ''}"]
    for table in status.tables:
        flags = [f for f, on in (("paused", table.paused), ("closed", table.closed),
                                 ("over", table.over), ("STUCK", table.stuck)) if on]
        timer = f", timer {table.timer_left:.0f}s" if table.timer_left is not None else ""
        lines.append(f"table {table.table}: turn {table.turn}/{table.turns} {table.phase}, "
                     f"{table.phase_s:.0f}s in phase{timer}"
                     f"{' [' + ', '.join(flags) + ']' if flags else ''}")
        lines += [f"  {s.seat:<20} {s.state:<12} {s.label}" for s in table.seats]
    lines += [f"alert: {a.zh} / {a.en}" for a in status.alerts]
    return "\n".join(lines)
