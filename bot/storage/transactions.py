"""Run one unit of work in one transaction, with as few event-loop hops as possible.

The hot paths (answering a card) are written as plain synchronous functions of
a SQLAlchemy ``Connection``.  On SQLite they run in one dedicated thread with
the standard ``sqlite3`` driver: one hop to that thread per transaction instead
of one per statement through aiosqlite, and one writer per process, which is
all SQLite allows anyway.  On any other database they run through the async
engine's greenlet bridge (``AsyncConnection.run_sync``), so asyncpg stays
fully asynchronous.
"""

from __future__ import annotations

import asyncio
import itertools
import logging
import queue
import sqlite3
import threading
from collections.abc import Callable
from typing import Any, Protocol, TypeVar

from sqlalchemy import Engine, event
from sqlalchemy import create_engine as create_sync_engine
from sqlalchemy.engine import Connection, make_url
from sqlalchemy.ext.asyncio import AsyncEngine
from sqlalchemy.pool import ConnectionPoolEntry

from bot.storage.engine import begin_immediate, is_sqlite, read_only_options, set_sqlite_pragmas

logger = logging.getLogger(__name__)

T = TypeVar("T")
CHECKPOINT_EVERY_SECONDS = 1.0
Work = Callable[[Connection], T]


class TransactionRunner(Protocol):
    async def run(self, work: Work[T], *, urgent: bool = False, read_only: bool = False) -> T:
        """Run ``work`` in one transaction; ``urgent`` work jumps the queue where
        there is one (what a learner is waiting on before the click is acknowledged).
        ``read_only`` work reads one snapshot and takes no write lock (it must not write)."""
        ...

    async def close(self) -> None: ...


class AsyncBridgeRunner:
    """Runs the work through the async engine (PostgreSQL, in-memory SQLite)."""

    def __init__(self, engine: AsyncEngine) -> None:
        self._engine = engine

    async def run(self, work: Work[T], *, urgent: bool = False, read_only: bool = False) -> T:
        async with self._engine.connect() as connection:
            if read_only:
                await connection.execution_options(
                    **read_only_options(self._engine.dialect.name))
            async with connection.begin():
                return await connection.run_sync(work)

    async def close(self) -> None:
        return None


def _no_autocheckpoint(dbapi_connection: Any, _record: ConnectionPoolEntry) -> None:
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA wal_autocheckpoint=0")
    finally:
        cursor.close()


class _Checkpointer:
    """Copies the WAL back into the database file from its own thread.

    SQLite's automatic checkpoint runs inside whichever commit crosses the
    threshold, so one answer in a few hundred would wait for it (and its
    fsync).  A PASSIVE checkpoint from another connection never blocks writers.
    """

    def __init__(self, path: str, every_seconds: float) -> None:
        self._path = path
        self._every = every_seconds
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, name="sqlite-checkpoint", daemon=True)
        self._thread.start()

    def _loop(self) -> None:
        connection = sqlite3.connect(self._path, timeout=10)
        try:
            while not self._stop.wait(self._every):
                connection.execute("PRAGMA wal_checkpoint(PASSIVE)")
            connection.execute("PRAGMA wal_checkpoint(PASSIVE)")
        except sqlite3.Error:
            logger.exception("WAL checkpoint failed; SQLite will checkpoint on close")
        finally:
            connection.close()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()


_URGENT, _NORMAL = 0, 1


class SqliteThreadRunner:
    """Runs the work on one thread that owns a plain sqlite3 connection to the same file.

    The thread takes urgent work first (answers, the reads a click needs before
    it is acknowledged), then the rest in arrival order, so a crowd of clicks
    is acknowledged as soon as each answer is written, not after everyone's
    next card has been drawn.
    """

    def __init__(self, url: str, async_engine: AsyncEngine | None = None) -> None:
        sync_url = make_url(url).set(drivername="sqlite")
        self._engine: Engine = create_sync_engine(sync_url, pool_size=1, max_overflow=0)
        event.listen(self._engine, "connect", set_sqlite_pragmas)
        event.listen(self._engine, "connect", _no_autocheckpoint)
        begin_immediate(self._engine)
        if async_engine is not None:
            event.listen(async_engine.sync_engine, "connect", _no_autocheckpoint)
        self._queue: queue.PriorityQueue[tuple[int, int, Callable[[], None] | None]] = (
            queue.PriorityQueue()
        )
        self._order = itertools.count()
        self._thread = threading.Thread(target=self._serve, name="sqlite-writer", daemon=True)
        self._thread.start()
        self._checkpointer = _Checkpointer(str(sync_url.database), CHECKPOINT_EVERY_SECONDS)

    def _serve(self) -> None:
        while True:
            _, _, job = self._queue.get()
            if job is None:
                return
            job()

    def _submit(self, priority: int, call: Callable[[], T]) -> asyncio.Future[T]:
        loop = asyncio.get_running_loop()
        future: asyncio.Future[T] = loop.create_future()

        def settle(result: T | None, error: BaseException | None) -> None:
            if future.done():  # the awaiting task was cancelled
                return
            if error is not None:
                future.set_exception(error)
            else:
                future.set_result(result)  # type: ignore[arg-type]

        def job() -> None:
            try:
                result = call()
            except BaseException as error:  # handed to the awaiting task, not lost here
                loop.call_soon_threadsafe(settle, None, error)
            else:
                loop.call_soon_threadsafe(settle, result, None)

        self._queue.put((priority, next(self._order), job))
        return future

    def _run_here(self, work: Work[T], read_only: bool) -> T:
        with self._engine.connect() as connection:
            if read_only:
                connection.execution_options(**read_only_options("sqlite"))
            with connection.begin():
                return work(connection)

    async def run(self, work: Work[T], *, urgent: bool = False, read_only: bool = False) -> T:
        return await self._submit(
            _URGENT if urgent else _NORMAL, lambda: self._run_here(work, read_only))

    async def close(self) -> None:
        await self._submit(_NORMAL, self._engine.dispose)
        self._queue.put((_NORMAL + 1, next(self._order), None))
        await asyncio.to_thread(self._thread.join)
        await asyncio.to_thread(self._checkpointer.stop)


def transaction_runner(engine: AsyncEngine) -> TransactionRunner:
    url = engine.url
    database = url.database or ""
    if is_sqlite(url.render_as_string(hide_password=False)) and database not in ("", ":memory:"):
        return SqliteThreadRunner(url.render_as_string(hide_password=False), engine)
    return AsyncBridgeRunner(engine)
