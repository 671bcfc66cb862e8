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
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Protocol, TypeVar

from sqlalchemy import Engine, event
from sqlalchemy import create_engine as create_sync_engine
from sqlalchemy.engine import Connection, make_url
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.storage.engine import is_sqlite, set_sqlite_pragmas

T = TypeVar("T")
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


class SqliteThreadRunner:
    """Runs the work on one thread that owns a plain sqlite3 connection to the same file."""

    def __init__(self, url: str) -> None:
        sync_url = make_url(url).set(drivername="sqlite")
        self._engine: Engine = create_sync_engine(sync_url, pool_size=1, max_overflow=0)
        event.listen(self._engine, "connect", set_sqlite_pragmas)
        self._thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="sqlite-writer")

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


def transaction_runner(engine: AsyncEngine) -> TransactionRunner:
    url = engine.url
    database = url.database or ""
    if is_sqlite(url.render_as_string(hide_password=False)) and database not in ("", ":memory:"):
        return SqliteThreadRunner(url.render_as_string(hide_password=False))
    return AsyncBridgeRunner(engine)
