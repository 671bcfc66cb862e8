"""Engine and session factory; SQLite gets the pragmas that make it a server-grade store.

WAL lets readers run while one writer commits, ``busy_timeout`` turns a
concurrent writer into a short wait instead of an error, and foreign keys are
off by default in SQLite.  ``synchronous=NORMAL`` is safe with WAL against a
crash of the process (only a power cut can lose the last commits).

Work that only reads says so (`reading`, ``TransactionRunner.run(read_only=True)``):
it then reads one consistent snapshot without taking the write lock, so a
long read (``studybot db verify``, a leaderboard, an export) never holds up an
answer, in this process or another one.
"""

from __future__ import annotations

import time
from typing import Any, Final

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

#: Execution option of a connection whose transactions only read (see `read_only_options`).
READ_ONLY: Final = "studybot_read_only"


def set_sqlite_pragmas(dbapi_connection: Any, _record: ConnectionPoolEntry) -> None:
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        _use_wal(cursor)
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA foreign_keys=ON")
    finally:
        cursor.close()


#: How long a connection keeps trying to switch a new database file to WAL.
WAL_SWITCH_ATTEMPTS: Final = 40


def _use_wal(cursor: Any) -> None:
    """Switch the file to WAL once; a process that finds it switched leaves it.

    Switching takes the whole file, and SQLite answers "database is locked" at once,
    without its busy timeout, when another connection is opening the same new file
    (shards or a CLI command starting beside the bot): such a start retries for a
    couple of seconds instead of failing.
    """
    for attempt in range(WAL_SWITCH_ATTEMPTS):
        try:
            cursor.execute("PRAGMA journal_mode")
            row = cursor.fetchone()
            if row is None or str(row[0]).lower() != "wal":
                cursor.execute("PRAGMA journal_mode=WAL")
            return
        except Exception as exc:  # sqlite3's, or the async adapter's copy of it
            if "locked" not in str(exc) or attempt == WAL_SWITCH_ATTEMPTS - 1:
                raise
            time.sleep(0.005 * (attempt + 1))  # about 4 s in all


def begin_immediate(engine: Engine) -> None:
    """Start every SQLite transaction with BEGIN IMMEDIATE, except the read-only ones.

    A deferred transaction that reads and then writes fails at once with
    "database is locked" when another connection committed in between (WAL
    cannot upgrade a stale snapshot, and the busy timeout does not apply).
    Taking the write lock up front turns that into a short, bounded wait.

    A transaction marked `READ_ONLY` begins DEFERRED instead: WAL gives it a
    snapshot and every writer goes on committing beside it.  ``query_only``
    holds it to its word (a write in it fails at once instead of upgrading a
    stale snapshot); it is set on every begin, so a pooled connection never
    carries it into the next transaction.
    """

    @event.listens_for(engine, "connect")
    def _manual_transactions(dbapi_connection: Any, _record: ConnectionPoolEntry) -> None:
        dbapi_connection.isolation_level = None  # let SQLAlchemy's BEGIN below be the only one

    @event.listens_for(engine, "begin")
    def _begin_immediate(connection: Connection) -> None:
        if connection.get_execution_options().get(READ_ONLY):
            connection.exec_driver_sql("PRAGMA query_only=1")
            connection.exec_driver_sql("BEGIN DEFERRED")
        else:
            connection.exec_driver_sql("PRAGMA query_only=0")
            connection.exec_driver_sql("BEGIN IMMEDIATE")


def read_only_options(dialect_name: str) -> dict[str, Any]:
    """Execution options for work that only reads, on ``dialect_name``'s database.

    SQLite: a deferred transaction (see `begin_immediate`).  PostgreSQL: READ
    ONLY and REPEATABLE READ, one snapshot for every statement of the work, so
    reading the states and then the log of a live database compares the same
    moment of both (READ COMMITTED would see answers committed in between).
    """
    options: dict[str, Any] = {READ_ONLY: True}
    if dialect_name == "postgresql":
        options.update(isolation_level="REPEATABLE READ", postgresql_readonly=True)
    return options


def read_only(engine: AsyncEngine) -> AsyncEngine:
    """``engine`` (same pool) for work that only reads."""
    return engine.execution_options(**read_only_options(engine.dialect.name))


def reading(sessions: async_sessionmaker[AsyncSession]) -> AsyncSession:
    """A session of ``sessions`` for work that only reads: no write lock, one snapshot."""
    bind = sessions.kw["bind"]
    assert isinstance(bind, AsyncEngine)
    return sessions(bind=read_only(bind))


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
