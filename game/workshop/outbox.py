"""Frames to the clients, held until the acts before them are in the record.

The host applies an act to its game at once, but no client hears of it — not the mover's
acknowledgement, not another seat's view — before the record has committed it: every frame
posted while writes wait is held, and released in order after one transaction commits them all
(a group commit). A host killed at any moment has told nobody of an act its record lacks.
"""

from __future__ import annotations

import asyncio
import sqlite3
import time
from collections.abc import Callable

from game.workshop.gate import Connection
from game.workshop.record import Record


class Outbox:
    """The host's outgoing frames and the record's commits, in one order.

    Args:
        record: the session's record, with `batching` on while the host runs.
        on_lost: called if a commit fails, with the connections whose frames were dropped
            (the host rebuilds its tables from the record and lets the clients reconnect).
    """

    def __init__(self, record: Record,
                 on_lost: Callable[[sqlite3.Error, list[Connection]], None]) -> None:
        self.record = record
        self._on_lost = on_lost
        self._held: list[tuple[Connection, str | None]] = []
        self._flusher: asyncio.Task[None] | None = None
        #: (writes, seconds) of every group commit, for the benchmark.
        self.commits: list[tuple[int, float]] = []

    def post(self, connection: Connection, text: str | None) -> None:
        """Send a frame now, or hold it until the writes before it are committed (every
        connection's frames keep their order). None closes the connection."""
        if self._held or self.record.pending() or self._flusher is not None:
            self._held.append((connection, text))
            if self._flusher is None:
                self._flusher = asyncio.get_running_loop().create_task(self._flush())
        else:
            connection.queue.put_nowait(text)

    async def drain(self) -> None:
        """Wait until everything held has been committed and released."""
        if self._flusher is not None:
            await self._flusher

    async def _flush(self) -> None:
        """Commit the writes waiting in one transaction, then release the frames held behind
        them; again while more came in meanwhile."""
        try:
            while self._held or self.record.pending():
                held, self._held = self._held, []
                batch = self.record.take_batch()
                if batch:
                    start = time.perf_counter()
                    try:
                        if self.record.durable:  # the disk's wait off the event loop
                            await asyncio.to_thread(self.record.commit_batch, batch)
                        else:  # a fraction of a millisecond: no fsync in WAL mode
                            self.record.commit_batch(batch)
                    except sqlite3.Error as err:
                        self.record.discard_batch()
                        dropped = [*held, *self._held]
                        self._held = []
                        self._on_lost(err, list({id(c): c for c, _ in dropped}.values()))
                        return
                    self.commits.append((len(batch), time.perf_counter() - start))
                for connection, text in held:
                    connection.queue.put_nowait(text)
        finally:
            self._flusher = None
