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
import logging
import sqlite3
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any, Protocol, TypeVar

from sqlalchemy import Engine, event
from sqlalchemy import create_engine as create_sync_engine
from sqlalchemy.engine import Connection, make_url
from sqlalchemy.ext.asyncio import AsyncEngine
from sqlalchemy.pool import ConnectionPoolEntry

from bot.storage.engine import begin_immediate, is_sqlite, set_sqlite_pragmas

logger = logging.getLogger(__name__)

T = TypeVar("T")
CHECKPOINT_EVERY_SECONDS = 1.0
Work = Callable[[Connection], T]


class TransactionRunner(Protocol):
    async def run(self, work: Work[T]) -> T: ...

    async def close(self) -> None: ...


class AsyncBridgeRunner:
    """Runs the work through the async engine (PostgreSQL, in-memory SQLite)."""

    def __init__(self, engine: AsyncEngine) -> None:
        self._engine = engine

    async def run(self, work: Work[T]) -> T:
        async with self._engine.begin() as connection:
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


class SqliteThreadRunner:
    """Runs the work on one thread that owns a plain sqlite3 connection to the same file."""

    def __init__(self, url: str, async_engine: AsyncEngine | None = None) -> None:
        sync_url = make_url(url).set(drivername="sqlite")
        self._engine: Engine = create_sync_engine(sync_url, pool_size=1, max_overflow=0)
        event.listen(self._engine, "connect", set_sqlite_pragmas)
        event.listen(self._engine, "connect", _no_autocheckpoint)
        begin_immediate(self._engine)
        if async_engine is not None:
            event.listen(async_engine.sync_engine, "connect", _no_autocheckpoint)
        self._thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="sqlite-writer")
        self._checkpointer = _Checkpointer(str(sync_url.database), CHECKPOINT_EVERY_SECONDS)

    def _run_here(self, work: Work[T]) -> T:
        with self._engine.begin() as connection:
            return work(connection)

    async def run(self, work: Work[T]) -> T:
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._thread, self._run_here, work)

    async def close(self) -> None:
        loop = asyncio.get_running_loop()
        await loop.run_in_executor(self._thread, self._engine.dispose)
        self._thread.shutdown(wait=True)
        await asyncio.to_thread(self._checkpointer.stop)


def transaction_runner(engine: AsyncEngine) -> TransactionRunner:
    url = engine.url
    database = url.database or ""
    if is_sqlite(url.render_as_string(hide_password=False)) and database not in ("", ":memory:"):
        return SqliteThreadRunner(url.render_as_string(hide_password=False), engine)
    return AsyncBridgeRunner(engine)
