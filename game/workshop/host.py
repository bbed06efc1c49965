"""The workshop host: tables of one scenario served over WebSockets on the local network.

`python main.py host SCENARIO --tables N --seats UNIT,UNIT... [--port P] [--db FILE]` runs
headless on asyncio. Every message is checked at the edge — size, JSON, protocol, token, seat,
sequence number — and a refused one is logged and changes nothing; a client over the message
rate is slowed (a token bucket), not cut off. Accepted moves are committed to the record before
they are acknowledged; a host restarted on the same record rebuilds its tables by replay.

The facilitator's console connects with the facilitator's token (`facilitator_token`, printed
beside the seat codes, kept in the record): it acts on one table or all (`Table`'s facilitator
acts, each recorded before it takes effect), receives the room's status on every change and
every `status_s` seconds (with an alert for a table where nothing was done for `stuck_s`), and
may mirror any seat's view read-only.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import functools
import json
import logging
import multiprocessing
import secrets
import sqlite3
import time
from collections.abc import Callable
from typing import Any

from websockets.asyncio.server import Server, ServerConnection, serve
from websockets.exceptions import ConnectionClosed

from game.engine import views
from game.engine.events import Event
from game.engine.game import Refusal
from game.engine.save import mechanics_digest
from game.scenario.models import Scenario
from game.workshop.gate import Connection, Seat, new_code, normalise_code
from game.workshop.outbox import Outbox
from game.workshop.protocol import (
    CODE_ALPHABET,
    MAX_CLIENT_MESSAGE,
    ActedMessage,
    Alert,
    Bye,
    EndPhase,
    ErrorMessage,
    EventsMessage,
    Facilitate,
    FacilitatorHello,
    Hello,
    HostBye,
    MirrorMessage,
    MoveMessage,
    PhaseEnded,
    Ping,
    Pong,
    ProtocolError,
    RefusalMessage,
    SeatStatus,
    StatusMessage,
    TableResult,
    TableStatus,
    ViewMessage,
    parse_client,
)
from game.workshop.record import Record, RecordError, SessionInfo
from game.workshop.replayed import replayable, score_replayed, warm_scoring
from game.workshop.table import (
    SUPERIOR_STYLES,
    Advanced,
    Table,
    as_style,
    new_game,
    rebuild,
)
from game.workshop.view_parts import unsent

log = logging.getLogger("game.workshop.host")

DEFAULT_GRACE_S = 60.0
#: Seconds a seat of a new session waits for its participant's first join before the computer
#: official takes it (a laptop that never comes must not hold its table for ever).
FIRST_JOIN_S = 300.0
#: Seconds without any act at a playing table before the console shows a "stuck" alert.
DEFAULT_STUCK_S = 300.0
#: Seconds between the status sent to the console when nothing changes (times, alerts).
DEFAULT_STATUS_S = 5.0
#: Characters of the facilitator's token (CODE_ALPHABET).
FACILITATOR_TOKEN_LENGTH = 10


class WorkshopHost:
    """The tables of one session and the network around them.

    Args:
        scenario: the scenario every table plays.
        record: the session's record (new, or holding the session to resume).
        tables: how many tables (for a new session).
        seats: the seats people hold at every table (for a new session).
        seed: every table's seed (the same world at each table, for comparison).
        grace_s: seconds a seat's client may be gone before the computer takes it over.
        scenario_path: where the scenario was read from (noted in the record).
        stuck_s: seconds without an act before a playing table is flagged stuck.
        status_s: seconds between status messages to the console when nothing changes.
        styles: {table number: superior style} for a new session, where a table's computer
            superiors play another style than the scenario's (kept in the record).
        labels: {(table, seat): participant label} the facilitator chose for a new session
            (kept in the record; a participant's own label on joining replaces it).

    Attributes:
        facilitator_token: the console's token (new for a new session, else the record's).

    Raises:
        RecordError: the record holds a session of another scenario or version of it.
        ValueError: a seat is not a seat of the scenario, no seat or table is given, or a
            style or label names no table or seat of the session.
    """

    def __init__(self, scenario: Scenario, record: Record, tables: int = 1,
                 seats: list[str] | None = None, seed: int = 0,
                 grace_s: float = DEFAULT_GRACE_S, scenario_path: str = "",
                 stuck_s: float = DEFAULT_STUCK_S, status_s: float = DEFAULT_STATUS_S,
                 styles: dict[int, str] | None = None,
                 labels: dict[tuple[int, str], str] | None = None) -> None:
        self.scenario = scenario
        self.stuck_s, self.status_s = stuck_s, status_s
        self.facilitator_token = ""
        self.ended = False
        #: Set when the facilitator ends the session (a terminal host then stops).
        self.session_ended = asyncio.Event()
        self._facilitators: set[Connection] = set()
        self._status_due: asyncio.TimerHandle | None = None
        self._ticker: asyncio.Task[None] | None = None
        self._timers: dict[int, asyncio.TimerHandle] = {}
        self.record = record
        self.grace_s = grace_s
        self.seats: dict[str, Seat] = {}
        self.tables: dict[int, Table] = {}
        self._by_table: dict[int, list[Seat]] = {}
        self._pending_scores: set[asyncio.Task[None]] = set()
        #: Seats whose view is to be sent (see `_send_view`), in order.
        self._views_due: dict[Seat, None] = {}
        self._views_scheduled = False
        self.outbox = Outbox(record, self._record_lost)
        self._server: Server | None = None
        self._resumed = False
        self._scorer = _scorer(scenario)
        #: One worker scores finished tables, one at a time: scoring is pure Python, so
        #: parallel threads would only fight the event loop for the interpreter.
        self._scoring: concurrent.futures.ThreadPoolExecutor | None = None
        #: The worker process finished tables are scored in (started at the first end).
        self._pool: concurrent.futures.ProcessPoolExecutor | None = None
        info = record.session()
        if info is None:
            self._start(tables, seats or [], seed, scenario_path, styles or {}, labels or {})
        else:
            self._resume(info)

    # ----- setting up ---------------------------------------------------------------------

    def _start(self, tables: int, seats: list[str], seed: int, path: str,
               styles: dict[int, str], labels: dict[tuple[int, str], str]) -> None:
        if tables < 1 or not seats:
            raise ValueError("a workshop needs at least one table and one seat held by a person")
        unknown = [s for s in seats if s not in self.scenario.seats]
        if unknown or len(set(seats)) != len(seats):
            raise ValueError(f"not seats of scenario '{self.scenario.id}' (or repeated): "
                             f"{', '.join(unknown) or ', '.join(seats)}; its seats are "
                             f"{', '.join(self.scenario.seats)}")
        _check_plan(tables, seats, styles, labels)
        taken: set[str] = set()
        codes = {n: {s: new_code(taken) for s in seats} for n in range(1, tables + 1)}
        self.facilitator_token = "".join(secrets.choice(CODE_ALPHABET)
                                         for _ in range(FACILITATOR_TOKEN_LENGTH))
        info = SessionInfo(self.scenario.id, path, mechanics_digest(self.scenario), seed,
                           list(seats), self.grace_s, self.facilitator_token)
        self.record.start_session(info, codes, styles, labels)
        for number, table_codes in codes.items():
            game = new_game(self.scenario, seed, seats, as_style(styles.get(number)))
            table = Table(number, game, list(seats), record=self.record, scorer=self._scorer)
            self._add(table, table_codes, labels)

    def _resume(self, info: SessionInfo) -> None:
        self._resumed = True
        self.facilitator_token = info.facilitator_token
        if info.scenario_id != self.scenario.id:
            raise RecordError(
                f"{self.record.path} is a record of scenario '{info.scenario_id}', not "
                f"'{self.scenario.id}': host it with scenario '{info.scenario_id}', or give "
                f"another record file / 这份记录属于情景“{info.scenario_id}”，"
                f"不是“{self.scenario.id}”：请用情景“{info.scenario_id}”主持，或换一个记录文件")
        if info.scenario_digest != mechanics_digest(self.scenario):
            raise RecordError(
                f"{self.record.path} is a session of scenario '{info.scenario_id}' whose "
                "units, tasks, numbers or events have changed since the session was recorded "
                f"/ 这份记录所用情景“{info.scenario_id}”的单位、任务、数值或事件在记录之后"
                "已被修改")
        labels = self.record.labels()
        for number, table_codes in self.record.codes().items():
            table = self._rebuilt(number, info)
            self._add(table, table_codes, labels)
        self.ended = bool(self.tables) and all(t.closed for t in self.tables.values())
        log.info("resumed %d tables from %s", len(self.tables), self.record.path)

    def _rebuilt(self, number: int, info: SessionInfo) -> Table:
        table = rebuild(number, self.scenario, info.seed, info.seats, self.record.acts(number),
                        scorer=self._scorer,
                        superior_style=as_style(self.record.styles().get(number)))
        table.record = self.record
        table.on_act = self._status_changed
        return table

    def seats_of(self, number: int) -> list[Seat]:
        """The human seats of one table."""
        return self._by_table[number]

    def _add(self, table: Table, codes: dict[str, str],
             labels: dict[tuple[int, str], str]) -> None:
        table.on_act = self._status_changed
        self.tables[table.number] = table
        for seat, code in codes.items():
            last = table.last_accepted_seq.get(seat, -1)
            self.seats[code] = Seat(table, seat, code, last_seq=last,
                                    label=labels.get((table.number, seat), ""))
            self._by_table.setdefault(table.number, []).append(self.seats[code])

    def codes(self) -> list[tuple[int, str, str]]:
        """(table, seat, join code) of every human seat, in order."""
        return [(s.table.number, s.seat, s.code) for s in self.seats.values()]

    # ----- the network --------------------------------------------------------------------

    async def start(self, bind: str = "127.0.0.1", port: int = 0) -> int:
        """Listen on `bind`:`port` (0: any free port); the port listened on. Every seat's
        grace period starts now (after a restart, clients have that long to come back)."""
        self.record.batching = True
        self._scoring = concurrent.futures.ThreadPoolExecutor(1, "workshop-score")
        self._server = await serve(self._serve, bind, port, max_size=4 * MAX_CLIENT_MESSAGE,
                                   compression=None)
        for seat in self.seats.values():
            self._start_grace(seat)
        for table in self.tables.values():
            if table.game.over:
                self._score_later(table)
            self._schedule_timer(table)
        self._ticker = asyncio.get_running_loop().create_task(self._tick())
        return int(self._server.sockets[0].getsockname()[1])

    async def stop(self) -> None:
        """Close every connection and stop listening (the record is already complete)."""
        for seat in self.seats.values():
            if seat.grace is not None:
                seat.grace.cancel()
        for handle in [*self._timers.values(), self._status_due]:
            if handle is not None:
                handle.cancel()
        if self._ticker is not None:
            self._ticker.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._ticker
        await self.outbox.drain()
        for task in list(self._pending_scores):  # a table still being scored: not any more
            task.cancel()
        if self._scoring is not None:
            self._scoring.shutdown(wait=False, cancel_futures=True)
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = None
        if self._server is not None:
            self._server.close()
            await self._server.wait_closed()
        self.record.batching = False

    async def _serve(self, socket: ServerConnection) -> None:
        connection = Connection(socket, post=self.outbox.post)
        writer = asyncio.create_task(self._write(connection))
        loop = asyncio.get_running_loop()
        try:
            async for raw in socket:
                delay = connection.bucket.take(loop.time())
                if delay > 0:
                    await asyncio.sleep(delay)  # slowed, not cut off
                self.receive(connection, raw)
        except ConnectionClosed:
            pass
        finally:
            connection.queue.put_nowait(None)
            self._gone(connection)
            with contextlib.suppress(asyncio.CancelledError):
                await writer

    async def _write(self, connection: Connection) -> None:
        assert connection.socket is not None
        try:
            while (text := await connection.queue.get()) is not None:
                await connection.socket.send(text)
            await connection.socket.close()
        except ConnectionClosed:
            return

    def _gone(self, connection: Connection) -> None:
        self._facilitators.discard(connection)
        seat = connection.seat
        if seat is not None and seat.connection is connection:
            seat.connection = None
            log.info("table %d seat %s: connection lost", seat.table.number, seat.seat)
            self._start_grace(seat)
            self._status_changed()

    def _start_grace(self, seat: Seat) -> None:
        if seat.grace is not None:
            seat.grace.cancel()
        if seat.connection is None and seat.seat in seat.table.game.humans:
            try:
                loop = asyncio.get_running_loop()
            except RuntimeError:
                return  # handled outside a running host (tests of the message checks)
            # A participant of a new session who has not joined yet gets longer: typing a code
            # at the start of a workshop takes minutes, not seconds.
            wait = self.grace_s if seat.joined or self._resumed else max(self.grace_s,
                                                                          FIRST_JOIN_S)
            seat.grace = loop.call_later(wait, self._grace_over, seat)

    def _grace_over(self, seat: Seat) -> None:
        seat.grace = None
        if seat.connection is not None:
            return
        log.info("table %d seat %s: gone past the grace period, the computer takes over",
                 seat.table.number, seat.seat)
        self._act(seat, None, lambda: seat.table.release(seat.seat))

    def _record_lost(self, err: sqlite3.Error, held: list[Connection]) -> None:
        """A commit failed: the games may hold acts the record lacks. Rebuild every table
        from the record and close every connection (what was held is dropped): the clients
        come back and send again what the record does not have."""
        log.error("the record could not be written (%s); rebuilding the tables", err)
        for table in list(self.tables.values()):
            self._rebuild_table(table)
        for connection in held:
            connection.queue.put_nowait(None)
        for seat in self.seats.values():
            if seat.connection is not None:
                seat.connection.queue.put_nowait(None)
                seat.connection.seat = None
                seat.connection = None
            self._start_grace(seat)

    # ----- messages -----------------------------------------------------------------------

    def receive(self, connection: Connection, raw: str | bytes) -> None:
        """Handle one frame from a client; replies are queued on the connections concerned.

        Nothing here raises: a frame that cannot be read, or is not allowed, is refused.
        """
        try:
            message = parse_client(raw)
        except ProtocolError as err:
            self._refuse(connection, _seq_of(raw), err.code, err.zh, err.en)
            return
        if isinstance(message, Hello):
            self._hello(connection, message)
            return
        if isinstance(message, FacilitatorHello | Facilitate):
            self._facilitator_message(connection, message)
            return
        seat = connection.seat
        if seat is None:
            self._refuse(connection, message.seq, "hello_first", "请先用加入码打招呼。",
                         "Say hello with your join code first.")
            return
        if not secrets.compare_digest(message.token.encode(), seat.code.encode()):
            self._refuse(connection, message.seq, "token", "加入码不对。", "Wrong token.")
            return
        if message.seat != seat.seat:
            self._refuse(connection, message.seq, "seat", "这不是你的席位。",
                         f"You hold '{seat.seat}', not '{message.seat}'.")
            return
        if message.seq <= seat.last_seq:
            self._refuse(connection, message.seq, "replayed", "消息序号没有递增（重复的消息）。",
                         f"Sequence number {message.seq} is not above {seat.last_seq}.")
            return
        seat.last_seq = message.seq
        try:
            self._dispatch(connection, seat, message)
        except Exception:  # an engine fault must not take the other tables down
            log.exception("table %d seat %s: failed on %s", seat.table.number, seat.seat,
                          message.kind)
            if self.record.pending():  # what was recorded before the fault stands
                self.record.commit_batch(self.record.take_batch())
            self._rebuild_table(seat.table)  # the game may be half-changed: the record is not
            self._refuse(connection, message.seq, "internal", "主机出错，这一步没有生效。",
                         "The host failed on this message; nothing of it took effect.")

    def _dispatch(self, connection: Connection, seat: Seat,
                  message: MoveMessage | EndPhase | Ping | Bye) -> None:
        if isinstance(message, Ping):
            connection.send(Pong(seq=0, reply_to=message.seq))
        elif isinstance(message, Bye):
            seat.connection = None
            connection.close()
            self._start_grace(seat)
        elif isinstance(message, MoveMessage):
            self._move(connection, seat, message)
        else:
            self._end_phase(connection, seat, message)

    def _hello(self, connection: Connection, hello: Hello) -> None:
        seat = self.seats.get(normalise_code(hello.token))
        if seat is None or connection.seat not in (None, seat) or connection.facilitator:
            log.warning("refused a hello with an unknown code")
            connection.send(ErrorMessage(seq=0, code="token", zh="没有这个加入码。",
                                         en="No seat has this join code."))
            return
        old = seat.connection
        if old is not None and old is not connection:
            old.send(HostBye(seq=0, reason="replaced"))
            old.close()
        seat.connection, connection.seat, seat.joined = connection, seat, True
        connection.inbox_sent = 0  # a (re)joining client is sent the whole inbox
        connection.parts, connection.reports_sent = {}, 0  # and every part of the view
        if seat.grace is not None:
            seat.grace.cancel()
            seat.grace = None
        if hello.label:
            seat.label = hello.label
            self.record.participant(seat.table.number, seat.seat, hello.label)
        log.info("table %d seat %s: joined", seat.table.number, seat.seat)
        self._act(seat, None, lambda: seat.table.rejoin(seat.seat))
        self._send_view(seat)
        self._status_changed()

    def _move(self, connection: Connection, seat: Seat, message: MoveMessage) -> None:
        table = seat.table
        start = len(table.game.log)
        try:
            result = table.submit(seat.seat, message.move, message.seq)
        except sqlite3.Error as err:
            self._record_failed(table, err)
            self._refuse(connection, message.seq, *_RECORD_FAILED)
            return
        if not result.ok:
            refusal = result.refusal
            assert refusal is not None
            self._refuse(connection, message.seq, refusal.code, refusal.zh, refusal.en)
            return
        events = table.game.log.since(start)
        connection.send(EventsMessage(seq=0, reply_to=message.seq,
                                      documents=views.documents(table.game, seat.seat, events)))
        self._send_view(seat)
        self._tell_others(table, seat.seat, events)

    def _end_phase(self, connection: Connection, seat: Seat, message: EndPhase) -> None:
        table = seat.table
        try:
            outcome = table.end_phase(seat.seat, message.turn, message.phase, message.seq)
        except sqlite3.Error as err:
            self._record_failed(table, err)
            self._refuse(connection, message.seq, *_RECORD_FAILED)
            return
        if outcome is not None and not isinstance(outcome, Advanced):
            self._refuse(connection, message.seq, outcome.code, outcome.zh, outcome.en)
            return
        connection.send(EventsMessage(seq=0, reply_to=message.seq, documents=[]))
        if isinstance(outcome, Advanced):
            self._advanced(table, outcome)
        else:
            # Only the seat's own view changed (the others' `waiting_for` is refreshed with
            # their next view: sending every seat a whole view here tripled the traffic).
            self._send_view(seat)

    def _act(self, seat: Seat, seq: int | None, action: Callable[[], Any]) -> Any:
        """Run a table act; broadcast the phase's end if the table advanced."""
        table = seat.table
        try:
            outcome = action()
        except sqlite3.Error as err:
            self._record_failed(table, err)
            if seat.connection is not None:
                self._refuse(seat.connection, seq, *_RECORD_FAILED)
            return _FAILED
        if isinstance(outcome, Advanced):
            self._advanced(table, outcome)
        return outcome

    def _advanced(self, table: Table, advanced: Advanced) -> None:
        log.info("table %d: %s of turn %d ended", table.number, advanced.phase, advanced.turn)
        for other in self.seats_of(table.number):
            if other.connection is not None:
                other.connection.send(PhaseEnded(seq=0, turn=advanced.turn,
                                                 phase=advanced.phase))
            self._send_view(other)
            self._start_grace(other)  # a seat handed back with nobody connected
        self._schedule_timer(table)
        if table.game.over:
            self._score_later(table)
        elif table.game.turn == self.scenario.turns:
            self._warm_pool()  # the last turn: ready to score by its end

    def _score_later(self, table: Table) -> None:
        """Score a finished table off the event loop (the other tables play on), then send
        every seat its view with its score and its part of the debrief; then play the
        people's fair comparisons for the debrief and send them.

        The scoring and the comparisons run in a worker process (`score_replayed`, on the
        table's acts): seconds of pure Python at fifteen tables' ends would otherwise hold
        the interpreter the event loop needs. Where the worker fails, a thread does it.
        """
        async def score() -> None:
            loop = asyncio.get_running_loop()
            seats = [s.seat for s in self.seats_of(table.number)]
            try:
                done = await self._replayed(table)
                if done is None:
                    await loop.run_in_executor(self._scoring, table.scores)
                else:
                    await loop.run_in_executor(self._scoring, table.adopt, done["report"])
            except Exception:  # a failed score must not take the host down
                log.exception("table %d: scoring failed", table.number)
                return
            for seat in self.seats_of(table.number):
                self._send_view(seat)
            try:
                done = await self._replayed(table, seats)
                if done is not None:
                    table.adopt_comparisons(done["comparisons"])
                else:
                    for seat_id in seats:
                        await loop.run_in_executor(self._scoring, table.compare, seat_id)
            except Exception:  # the debrief goes without them
                log.exception("table %d: the comparisons failed", table.number)
                return
            for seat in self.seats_of(table.number):
                self._send_view(seat)

        with contextlib.suppress(RuntimeError):  # no running loop: scored when asked
            task = asyncio.get_running_loop().create_task(score())
            self._pending_scores.add(task)
            task.add_done_callback(self._pending_scores.discard)

    def _warm_pool(self) -> None:
        """Start the scoring process and have it read the rule book (once)."""
        if self._pool is None:
            self._pool = concurrent.futures.ProcessPoolExecutor(
                1, mp_context=multiprocessing.get_context("spawn"))
            self._pool.submit(warm_scoring)

    async def _replayed(self, table: Table, compare: list[str] | None = None
                        ) -> dict[str, Any] | None:
        """`score_replayed` of the table in the worker process; None where that failed or
        rebuilt another log (then the caller works in a thread)."""
        self._warm_pool()
        assert self._pool is not None
        try:
            work = functools.partial(score_replayed, replayable(table), compare)
            done: dict[str, Any] = await asyncio.get_running_loop().run_in_executor(
                self._pool, work)
        except Exception:  # a broken worker: the thread does it
            log.exception("table %d: the scoring process failed", table.number)
            return None
        if done.get("log_sha256") != table.log_sha256():
            log.error("table %d: the scoring process rebuilt another log", table.number)
            return None
        return done

    def _tell_others(self, table: Table, mover: str, events: list[Event]) -> None:
        """The other seats a move reached get their new view (its documents among them:
        no separate frame, whose documents the view would carry again)."""
        for other in self.seats_of(table.number):
            if other.seat == mover:
                continue
            if other.connection is None:
                self._mirror(other)
            elif any(views.reaches(e, other.seat) for e in events):
                self._send_view(other)

    def _send_view(self, seat: Seat) -> None:
        """Send the seat its view (and to the consoles that mirror it), soon.

        The views due go out from two turns of the event loop later, one per seat however
        many changes it saw meanwhile, one view per turn of the loop: after the
        acknowledgements of the moves that changed them (a mover hears "accepted" before any
        view is built), and between the frames that keep coming in. Without a running loop
        (the message checks' tests) the view goes at once.
        """
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            self._view_now(seat)
            return
        self._views_due[seat] = None
        if not self._views_scheduled:
            self._views_scheduled = True
            loop.call_soon(loop.call_soon, self._send_views_due)

    def _send_views_due(self) -> None:
        """Send the first view due, and come back for the next one after whatever else is
        ready to run: a frame that came in meanwhile (a move to acknowledge) does not wait
        for every view of a busy moment to be built."""
        if not self._views_due:
            self._views_scheduled = False
            return
        seat = next(iter(self._views_due))
        del self._views_due[seat]
        self._view_now(seat)
        if self._views_due:
            asyncio.get_running_loop().call_soon(self._send_views_due)
        else:
            self._views_scheduled = False

    def _view_now(self, seat: Seat) -> None:
        table = seat.table
        if not table.scored():
            return  # a finished table's views go once it is scored (`_score_later`)
        self._mirror(seat)
        if seat.connection is None:
            return
        connection = seat.connection
        sent = connection.inbox_sent
        view = table.view(seat.seat, inbox_from=sent)
        connection.inbox_sent = sent + len(view.documents)
        view, kept, reports_from = unsent(view, connection)
        connection.send(ViewMessage.model_construct(
            v=1, seq=0, kind="view", last_seq=seat.last_seq,
            last_accepted_seq=table.last_accepted_seq.get(seat.seat, -1), inbox_from=sent,
            kept=kept, reports_from=reports_from, view=view))

    def _refuse(self, connection: Connection, seq: int | None, code: str, zh: str,
                en: str) -> None:
        seat = connection.seat
        where = f"table {seat.table.number} seat {seat.seat}" if seat else "unbound connection"
        log.warning("refused (%s) from %s: %s", code, where, en)
        if seat is None:
            connection.send(ErrorMessage(seq=0, code=code, zh=zh, en=en))
        else:
            connection.send(RefusalMessage(seq=0, reply_to=seq, code=code, zh=zh, en=en))

    def _record_failed(self, table: Table, err: sqlite3.Error) -> None:
        """The game may hold an act the record lacks: rebuild the table from the record."""
        log.error("table %d: the record could not be written (%s); rebuilding", table.number,
                  err)
        self._rebuild_table(table)

    def _rebuild_table(self, table: Table) -> None:
        info = self.record.session()
        assert info is not None
        fresh = self._rebuilt(table.number, info)
        self.tables[table.number] = fresh
        for seat in self.seats_of(table.number):
            seat.table = fresh
        self._schedule_timer(fresh)

    # ----- the facilitator ----------------------------------------------------------------

    def _facilitator_message(self, connection: Connection,
                             message: FacilitatorHello | Facilitate) -> None:
        """A console's message: the token is checked on every one; a refused one changes
        nothing."""
        right = secrets.compare_digest(normalise_code(message.token).encode(),
                                       self.facilitator_token.encode())
        if isinstance(message, FacilitatorHello):
            if not right or connection.seat is not None or not self.facilitator_token:
                log.warning("refused a facilitator hello with a wrong token")
                connection.send(ErrorMessage(seq=0, code="token", zh="主持人口令不对。",
                                             en="Wrong facilitator token."))
                return
            connection.facilitator = True
            self._facilitators.add(connection)
            log.info("the facilitator's console joined")
            connection.send(self.status())
            return
        if not connection.facilitator or not right:
            log.warning("refused a facilitator act (%s): not the facilitator", message.act)
            connection.send(ErrorMessage(seq=0, code="token", zh="主持人口令不对。",
                                         en="Wrong facilitator token."))
            return
        if message.seq <= connection.last_seq:
            self._acted(connection, message, [TableResult(
                table=0, ok=False, code="replayed", zh="消息序号没有递增（重复的消息）。",
                en=f"Sequence number {message.seq} is not above {connection.last_seq}.")])
            return
        connection.last_seq = message.seq
        self._acted(connection, message, self._facilitate(connection, message))

    def _acted(self, connection: Connection, message: Facilitate,
               results: list[TableResult]) -> None:
        connection.send(ActedMessage(seq=0, reply_to=message.seq, act=message.act,
                                     results=results))

    def _facilitate(self, connection: Connection, message: Facilitate) -> list[TableResult]:
        act = message.act
        if message.table is not None and message.table not in self.tables:
            return [_refused(message.table, "table", f"没有第 {message.table} 桌。",
                             f"There is no table {message.table}.")]
        numbers = [message.table] if message.table is not None else sorted(self.tables)
        if act == "status":
            connection.send(self.status())
            return [TableResult(table=n, ok=True) for n in numbers]
        if act in ("watch", "unwatch", "to_computer", "to_person"):
            if message.table is None or not message.seat:
                return [_refused(0, "seat", "请指明桌号和席位。", "Name a table and a seat.")]
            if message.seat not in self.tables[message.table].seats:
                return [_refused(message.table, "seat",
                                 f"第 {message.table} 桌没有由参与者担任的席位“{message.seat}”。",
                                 f"'{message.seat}' is not a seat people hold at table "
                                 f"{message.table}.")]
        if act in ("watch", "unwatch"):
            return [self._watch(connection, message.table or 0, message.seat or "",
                                act == "watch")]
        if act == "end_session":
            numbers = sorted(self.tables)
        results = [self._table_act(self.tables[n], message) for n in numbers]
        if act == "end_session":
            self.ended = True
            self.session_ended.set()
            log.info("the facilitator ended the session")
        self._status_changed()
        return results

    def _watch(self, connection: Connection, number: int, seat: str,
               on: bool) -> TableResult:
        key = (number, seat)
        if on:
            connection.watching[key] = 0
            held = next(s for s in self.seats_of(number) if s.seat == seat)
            self._mirror(held)
        else:
            connection.watching.pop(key, None)
        return TableResult(table=number, ok=True)

    def _table_act(self, table: Table, message: Facilitate) -> TableResult:
        """Run one facilitator act at one table and tell its seats what changed."""
        act, seat = message.act, message.seat or ""
        actions: dict[str, Callable[[], Any]] = {
            "pause": table.pause,
            "resume": table.resume,
            "broadcast": lambda: table.notice(message.zh, message.en),
            "inject": lambda: table.inject(message.event),
            "timer": lambda: table.set_timer(message.seconds),
            "end_phase": lambda: table.force_end("facilitator"),
            "to_computer": lambda: table.to_computer(seat),
            "to_person": lambda: table.to_person(seat),
            "end_session": table.close,
        }
        try:
            outcome = actions[act]()
        except sqlite3.Error as err:
            self._record_failed(table, err)
            return _refused(table.number, *_RECORD_FAILED)
        except Exception:  # an engine fault must not take the other tables down
            log.exception("table %d: the facilitator's %s failed", table.number, act)
            if self.record.pending():
                self.record.commit_batch(self.record.take_batch())
            self._rebuild_table(table)
            return _refused(table.number, "internal", "主机出错，这一步没有生效。",
                            "The host failed on this act; nothing of it took effect.")
        if isinstance(outcome, Refusal):
            log.info("table %d: the facilitator's %s refused: %s", table.number, act,
                     outcome.en)
            return _refused(table.number, outcome.code, outcome.zh, outcome.en)
        log.info("table %d: the facilitator's %s", table.number, act)
        if isinstance(outcome, Advanced):
            self._advanced(table, outcome)
        elif isinstance(outcome, list):
            for other in self.seats_of(table.number):
                documents = views.documents(table.game, other.seat, outcome)
                if documents and other.connection is not None:
                    other.connection.send(EventsMessage(seq=0, documents=documents))
                self._send_view(other)
        else:
            for other in self.seats_of(table.number):
                self._send_view(other)
        if act in ("timer", "resume"):
            self._schedule_timer(table)
        if act == "resume":
            self._timer_out(table.number)  # one that ran out while paused ends the phase now
        return TableResult(table=table.number, ok=True)

    def _mirror(self, seat: Seat) -> None:
        """Send the seat's view to every console watching it (as the seat is sent it)."""
        key = (seat.table.number, seat.seat)
        if not seat.table.scored():
            return  # a finished table is mirrored once it is scored (`_score_later`)
        for console in self._facilitators:
            if key not in console.watching:
                continue
            sent = console.watching[key]
            # The whole view, its parts included every time: a console keeps none of them.
            view = seat.table.view(seat.seat, inbox_from=sent)
            console.watching[key] = sent + len(view.documents)
            console.send(MirrorMessage.model_construct(
                v=1, seq=0, kind="mirror", table=key[0], seat=key[1], inbox_from=sent,
                view=view))

    def _schedule_timer(self, table: Table) -> None:
        handle = self._timers.pop(table.number, None)
        if handle is not None:
            handle.cancel()
        left = table.timer_left()
        if left is None or table.paused:
            return
        with contextlib.suppress(RuntimeError):  # no running loop: not served
            self._timers[table.number] = asyncio.get_running_loop().call_later(
                left, self._timer_out, table.number)

    def _timer_out(self, number: int) -> None:
        """The phase timer ran out: the phase ends as the seats stand (not while paused)."""
        table = self.tables[number]
        if table.timer_left() != 0.0 or table.paused or table.closed or table.game.over:
            return
        log.info("table %d: the phase timer ran out", number)
        try:
            outcome = table.force_end("timer")
        except sqlite3.Error as err:
            self._record_failed(table, err)
            return
        if isinstance(outcome, Advanced):
            self._advanced(table, outcome)

    # ----- the console's status -----------------------------------------------------------

    def status(self, now: float | None = None) -> StatusMessage:
        """The room now: every table with its seats' states and times, and the alerts.

        Args:
            now: seconds since the epoch (default: the clock).
        """
        now = time.time() if now is None else now
        tables, alerts = [], []
        for number in sorted(self.tables):
            table = self.tables[number]
            idle = now - table.last_act_at
            playing = not (table.game.over or table.closed or table.paused)
            stuck = playing and idle >= self.stuck_s
            if playing and not table.game.humans:
                # by design the computer does not play a table alone: it waits for a person
                alerts.append(Alert(
                    table=number, code="no_person",
                    zh=f"第 {number} 桌的席位都由电脑代管：要等有人回到席位才会继续。",
                    en=f"Table {number}: the computer holds every seat; the table waits for "
                       "a person to return."))
            elif stuck:
                minutes = int(idle // 60)
                alerts.append(Alert(table=number, code="stuck",
                                    zh=f"第 {number} 桌已 {minutes} 分钟没有动作。",
                                    en=f"Table {number}: no act for {minutes} min."))
            tables.append(TableStatus(
                table=number, turn=table.game.turn, turns=self.scenario.turns,
                phase=table.game.phase, over=table.game.over, paused=table.paused,
                closed=table.closed, waiting_for=table.waiting_for(),
                seats=[self._seat_status(s) for s in self.seats_of(number)],
                phase_s=round(now - table.phase_since, 1), idle_s=round(idle, 1),
                timer_left=table.timer_left(now), events=len(table.game.log), stuck=stuck))
        return StatusMessage(seq=0, at=now, scenario_id=self.scenario.id, tables=tables,
                             alerts=alerts, ended=self.ended, stuck_s=self.stuck_s)

    def _seat_status(self, seat: Seat) -> SeatStatus:
        table = seat.table
        state: str
        if seat.seat not in table.game.humans:
            state = "computer"
        elif seat.connection is None:
            state = "disconnected"
        elif table.paused or table.closed or table.game.over:
            state = "waiting"
        elif seat.seat in table.ended:
            state = "done"
        else:
            state = "acting"
        return SeatStatus.model_validate({
            "seat": seat.seat, "state": state, "label": seat.label,
            "connected": seat.connection is not None, "returning": seat.seat in table.returning,
            "joined": seat.joined or bool(seat.label)})

    def _status_changed(self) -> None:
        """Something changed: send the consoles the status soon (changes of one moment are
        sent together)."""
        if not self._facilitators or self._status_due is not None:
            return
        with contextlib.suppress(RuntimeError):  # no running loop: nobody to tell
            self._status_due = asyncio.get_running_loop().call_later(0.1, self._push_status)

    def _push_status(self) -> None:
        self._status_due = None
        if self._facilitators:
            status = self.status()
            for console in list(self._facilitators):
                console.send(status)

    async def _tick(self) -> None:
        """Send the status every `status_s` seconds (times in phase, stuck alerts)."""
        while True:
            await asyncio.sleep(self.status_s)
            self._push_status()


def _seq_of(raw: str | bytes) -> int | None:
    """The sequence number of an unreadable frame, if one can be found (for the refusal)."""
    with contextlib.suppress(ValueError, UnicodeDecodeError, RecursionError):
        data = json.loads(raw)
        if isinstance(data, dict) and type(data.get("seq")) is int:
            return int(data["seq"])
    return None


def _check_plan(tables: int, seats: list[str], styles: dict[int, str],
                labels: dict[tuple[int, str], str]) -> None:
    """Raise ValueError if a style or label names no table or seat of the session, or a
    style is not one of the engine's."""
    for number, style in styles.items():
        if not 1 <= number <= tables or style not in SUPERIOR_STYLES:
            raise ValueError(f"no superior style '{style}' for table {number}: the tables are "
                             f"1-{tables}, the styles {', '.join(SUPERIOR_STYLES)}")
    for number, seat in labels:
        if not 1 <= number <= tables or seat not in seats:
            raise ValueError(f"a label for table {number} seat '{seat}', which people do not "
                             f"hold in this session")


def _refused(table: int, code: str, zh: str, en: str) -> TableResult:
    return TableResult(table=table, ok=False, code=code, zh=zh, en=en)


_FAILED = object()
_RECORD_FAILED = ("record", "记录写入失败，请重试。", "The record could not be written; try again.")


def _scorer(scenario: Scenario) -> Callable[[Any], dict[str, Any]]:
    """`score_game` with the scenario's rule book read once, here: read at each table's
    end, fifteen tables ending together parsed the rule file fifteen times at once."""
    from game.scoring.overrides import effective_rulebook
    from game.scoring.report import score_game

    book = effective_rulebook(scenario)
    return lambda game: score_game(game, book)
