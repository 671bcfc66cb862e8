"""Engine and session factory; SQLite gets the pragmas that make it a server-grade store.

WAL lets readers run while one writer commits, ``busy_timeout`` turns a
concurrent writer into a short wait instead of an error, and foreign keys are
off by default in SQLite.  ``synchronous=NORMAL`` is safe with WAL against a
crash of the process (only a power cut can lose the last commits).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, Engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import (
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)
from sqlalchemy.pool import ConnectionPoolEntry

SQLITE_BUSY_TIMEOUT_MS = 10_000
#: Connections one process keeps to a database server, and how many more it may
#: open under a burst: at most 10 per process (docs/deploying.md sizes
#: PostgreSQL's max_connections from it).  An answer holds one for a few ms.
SERVER_POOL_SIZE = 5
SERVER_POOL_OVERFLOW = 5


def set_sqlite_pragmas(dbapi_connection: Any, _record: ConnectionPoolEntry) -> None:
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
    finally:
        cursor.close()


def begin_immediate(engine: Engine) -> None:
    """Start every SQLite transaction with BEGIN IMMEDIATE.

    A deferred transaction that reads and then writes fails at once with
    "database is locked" when another connection committed in between (WAL
    cannot upgrade a stale snapshot, and the busy timeout does not apply).
    Taking the write lock up front turns that into a short, bounded wait.
    """

    @event.listens_for(engine, "connect")
    def _manual_transactions(dbapi_connection: Any, _record: ConnectionPoolEntry) -> None:
        dbapi_connection.isolation_level = None  # let SQLAlchemy's BEGIN below be the only one

    @event.listens_for(engine, "begin")
    def _begin_immediate(connection: Connection) -> None:
        connection.exec_driver_sql("BEGIN IMMEDIATE")


def is_sqlite(url: str) -> bool:
    return make_url(url).get_backend_name() == "sqlite"


def create_engine(url: str) -> AsyncEngine:
    """An async engine for ``url``; SQLite connections get WAL, FKs and a busy timeout."""
    kwargs: dict[str, Any] = {}
    if not is_sqlite(url):
        kwargs.update(
            pool_size=SERVER_POOL_SIZE,
            max_overflow=SERVER_POOL_OVERFLOW,
            pool_pre_ping=True,  # a server restart or an idle timeout drops connections
        )
    engine = create_async_engine(url, **kwargs)
    if is_sqlite(url):
        event.listen(engine.sync_engine, "connect", set_sqlite_pragmas)
        begin_immediate(engine.sync_engine)
    return engine


def session_factory(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    return async_sessionmaker(engine, expire_on_commit=False)
