"""The one way to the database: run a unit of work in one transaction.

A unit of work is a plain synchronous function of a SQLAlchemy ``Connection``
(the queries in this package, composed by the use cases in bot.study).  Every
write of the bot, the terminal and the jobs goes through `TransactionRunner.run`;
nothing else opens a transaction that writes.

On a SQLite file the work runs on threads that own plain sqlite3 connections:
one writer (SQLite allows one anyway), which takes urgent work first (what a
learner waits on before a click is acknowledged) and lets the answers waiting
in its queue share one commit, each in a savepoint of its own, so one refusal
rolls back only itself; and readers for work that only reads, which see a WAL
snapshot beside the writer and never wait for it.  Each job costs one hop to
that thread and one back, instead of one per statement through aiosqlite; an
urgent write that finds the writer idle skips even that and runs on the event
loop, with the urgent writes of the same turn, on the writer's connection and
under its lock (the two wake-ups cost more than an answer's statements).  It
never waits there for another process: a busy file sends it to the thread.

On any other database (PostgreSQL) the work runs through the async engine's
greenlet bridge (``AsyncConnection.run_sync``), so asyncpg stays fully
asynchronous and the server runs transactions side by side.
"""

from __future__ import annotations

import asyncio
import collections
import contextlib
import logging
import queue
import signal
import sqlite3
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Protocol, TypeVar, cast

from sqlalchemy import Engine, event
from sqlalchemy import create_engine as create_sync_engine
from sqlalchemy.engine import Connection, make_url
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncEngine
from sqlalchemy.pool import ConnectionPoolEntry

from bot.storage.engine import (
    SQLITE_BUSY_TIMEOUT_MS,
    is_sqlite,
    read_only_options,
    set_sqlite_pragmas,
)

logger = logging.getLogger(__name__)

T = TypeVar("T")
CHECKPOINT_EVERY_SECONDS = 1.0
#: Most answers that share one commit.  A group is whatever waited while the
#: previous transaction ran, so under a light load every answer commits alone.
MAX_GROUP = 32
#: Reader threads of a SQLite file: a long read (a leaderboard, an export) leaves
#: another reader free for the clicks' urgent reads.
READERS = 2
Work = Callable[[Connection], T]
_BEGIN_WRITE, _BEGIN_READ = "BEGIN IMMEDIATE", "BEGIN DEFERRED"
#: The savepoint each job of a shared commit runs in (released before the next one starts).
_SAVEPOINT, _RELEASE_SAVEPOINT = "SAVEPOINT job", "RELEASE SAVEPOINT job"
_ROLLBACK_TO_SAVEPOINT = "ROLLBACK TO SAVEPOINT job"


class TransactionRunner(Protocol):
    async def run(self, work: Work[T], *, urgent: bool = False, read_only: bool = False,
                  quick: bool = False) -> T:
        """Run ``work`` in one transaction; ``urgent`` work jumps the queue where
        there is one (what a learner is waiting on before the click is acknowledged),
        and urgent writes may share a commit with each other (each in its own savepoint).
        ``read_only`` work reads one snapshot and takes no write lock (it must not write).
        ``quick`` work is a few statements a learner waits on: like urgent work, it may
        run on the event loop when the writer is idle (never a deck sync or a rebuild)."""
        ...

    async def close(self) -> None: ...


class AsyncBridgeRunner:
    """Runs the work through the async engine (PostgreSQL, in-memory SQLite)."""

    def __init__(self, engine: AsyncEngine) -> None:
        self._engine = engine

    async def run(self, work: Work[T], *, urgent: bool = False, read_only: bool = False,
                  quick: bool = False) -> T:
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
        leave_signals_to_main_thread()
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


@dataclass(slots=True)
class _Job:
    """One unit of work on its way to a thread, and where its result goes."""

    work: Work[Any]
    loop: asyncio.AbstractEventLoop
    future: asyncio.Future[Any]
    groupable: bool
    outcome: tuple[Any, BaseException | None] = field(default=(None, None))


def _settle(future: asyncio.Future[Any], result: Any, error: BaseException | None) -> None:
    if future.done():  # the awaiting task was cancelled
        return
    if error is not None:
        future.set_exception(error)
    else:
        future.set_result(result)


def _loop_idle(loop: asyncio.AbstractEventLoop) -> bool:
    """Whether nothing else is ready to run on ``loop``: work done on it then delays
    nobody.  When other callbacks wait (clicks to acknowledge under load), the work goes
    to the writer thread, and the loop serves them while SQLite runs without the GIL.
    (asyncio's own loops keep their ready callbacks in ``_ready``; another loop is
    taken as busy.)"""
    ready = getattr(loop, "_ready", None)
    return ready is not None and not ready


def _usable(connection: Connection | None) -> bool:
    """A connection a job can run on: open and not invalidated by a lost file."""
    return connection is not None and not connection.invalidated and not connection.closed


def _outcome(job: _Job) -> Any:
    """The result of a job run on the caller's thread, or its error raised."""
    result, error = job.outcome
    if error is not None:
        raise error
    return result


def _settle_all(jobs: list[_Job]) -> None:
    for job in jobs:
        _settle(job.future, *job.outcome)


def _deliver(jobs: list[_Job]) -> None:
    """Hand every outcome back to its event loop: one wake-up per loop, not per job."""
    by_loop: dict[asyncio.AbstractEventLoop, list[_Job]] = {}
    for job in jobs:
        by_loop.setdefault(job.loop, []).append(job)
    for loop, settled in by_loop.items():
        # A closed loop raises: nobody waits for these any more.
        with contextlib.suppress(RuntimeError):
            loop.call_soon_threadsafe(_settle_all, settled)


class _Lane:
    """A queue of jobs served by threads that each own one connection of ``engine``.

    Urgent jobs go first.  Two deques and a counter of waiting jobs (a C
    ``SimpleQueue`` of tokens) cost a fraction of a ``PriorityQueue``'s locking.
    """

    def __init__(
        self, name: str, engine: Engine, threads: int, *, group: bool, begin: str
    ) -> None:
        self._engine = engine
        self._group = group
        self._begin = begin
        self._urgent: collections.deque[_Job] = collections.deque()
        self._normal: collections.deque[_Job] = collections.deque()
        self._tokens: queue.SimpleQueue[bool] = queue.SimpleQueue()
        #: Held while a job uses ``_connection``: by the lane's thread, or by a caller
        #: running an urgent job on its own thread (`run_here`).  Only a lane of one
        #: thread shares its connection that way.
        self._busy = threading.Lock()
        self._connection: Connection | None = None
        self._threads = [
            threading.Thread(target=self._serve, name=f"{name}-{i}", daemon=True)
            for i in range(threads)
        ]
        for thread in self._threads:
            thread.start()

    def submit(self, job: _Job, urgent: bool) -> None:
        (self._urgent if urgent else self._normal).append(job)
        self._tokens.put(True)

    def _take(self) -> _Job:
        try:
            return self._urgent.popleft()
        except IndexError:
            return self._normal.popleft()

    def _more(self) -> list[_Job]:
        """Urgent writes already waiting, to share the commit of the one just taken."""
        extra: list[_Job] = []
        while len(extra) < MAX_GROUP - 1:
            try:
                job = self._urgent.popleft()
            except IndexError:
                break
            if not job.groupable:
                self._urgent.appendleft(job)
                break
            # Every job put in comes with a token (maybe a moment after it): take its own.
            if not self._tokens.get():
                self._tokens.put(False)  # a stop that came meanwhile: keep it for the loop
            extra.append(job)
        return extra

    def _serve(self) -> None:
        leave_signals_to_main_thread()
        shared = len(self._threads) == 1
        connection: Connection | None = None
        try:
            while self._tokens.get():
                with self._busy if shared else contextlib.nullcontext():
                    if shared:
                        connection = self._connection
                    job = self._take()
                    jobs = [job, *self._more()] if self._group and job.groupable else [job]
                    if not _usable(connection):
                        connection = self._connect(jobs)
                        if shared:
                            self._connection = connection
                    if connection is not None:
                        self._run(connection, jobs)
                # Delivered once the lane is free: the awaiting task, woken, may find the
                # writer idle and run its next write itself.
                _deliver(jobs)
        finally:
            if connection is not None:
                connection.close()

    def run_here(self, jobs: list[_Job]) -> bool:
        """Run urgent ``jobs`` on the caller's thread if the lane is idle (True), else
        leave them to be queued (False): a job waiting or running, no connection yet,
        or the file's write lock held by another process.

        The hop to the writer thread and back (two thread wake-ups) cost more than an
        answer's own statements.  An idle lane has nothing to overtake, so the jobs run
        at once on its connection, under its lock, sharing one commit as in the queue.
        They never wait for another process: BEGIN IMMEDIATE is tried with no busy
        timeout, and a busy file sends them to the queue, where the writer thread
        waits, off the event loop.
        """
        acquired = False
        try:
            if self._urgent or self._normal:
                return False
            acquired = self._busy.acquire(blocking=False)
            if not acquired:
                return False
            connection = self._connection
            if connection is None or not _usable(connection):
                return False
            driver = connection.connection.driver_connection
            assert driver is not None
            try:
                driver.execute("PRAGMA busy_timeout=0")
                try:
                    driver.execute(self._begin)
                finally:
                    driver.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
            except sqlite3.Error:  # another process writes (or the file is gone): queue
                return False
            self._run(connection, jobs, begun=True)
            return True
        finally:
            if acquired:  # (a Ctrl-C never leaves the writer thread locked out)
                self._busy.release()

    def _connect(self, jobs: list[_Job]) -> Connection | None:
        try:
            return self._engine.connect()
        except BaseException as error:  # handed to the awaiting tasks, not lost here
            for job in jobs:
                job.outcome = (None, error)
            return None

    def _run(self, connection: Connection, jobs: list[_Job], *, begun: bool = False) -> None:
        if len(jobs) == 1:
            self._run_alone(connection, jobs[0], begun=begun)
        else:
            self._run_group(connection, jobs, begun=begun)

    def _run_group(self, connection: Connection, jobs: list[_Job], *,
                   begun: bool = False) -> None:
        """Jobs in one transaction, each in a savepoint of its own: a job that raises is
        rolled back to its savepoint (only itself); a commit that fails fails them all.

        The transaction and the savepoints are run on the driver, as in `_run_alone`:
        SQLAlchemy's nested transactions cost more than SQLite's SAVEPOINT and RELEASE.
        """
        driver = connection.connection.driver_connection
        assert driver is not None

        def on_driver(sql: str) -> None:
            _on_driver(connection, lambda: driver.execute(sql), sql)

        try:
            if not begun:
                on_driver(self._begin)
            try:
                for job in jobs:
                    on_driver(_SAVEPOINT)
                    try:
                        result = job.work(connection)
                    except Exception as error:  # rolled back to its savepoint: only itself
                        on_driver(_ROLLBACK_TO_SAVEPOINT)
                        on_driver(_RELEASE_SAVEPOINT)
                        job.outcome = (None, error)
                    else:
                        on_driver(_RELEASE_SAVEPOINT)
                        job.outcome = (result, None)
            except BaseException:
                _end(connection, driver, commit=False)
                raise
            _end(connection, driver, commit=True)
        except BaseException as error:  # the commit failed: nothing of the group was written
            for job in jobs:
                if job.outcome[1] is None:
                    job.outcome = (None, error)

    def _run_alone(self, connection: Connection, job: _Job, *, begun: bool = False) -> None:
        """One job, one transaction, begun and committed on the driver itself.

        SQLAlchemy's transaction bookkeeping costs more than SQLite's BEGIN and
        COMMIT; a statement that goes through ``Connection.execute`` still opens
        SQLAlchemy's own (the begin listener sees the driver's and adds none), and
        is then committed or rolled back through it.
        """
        driver = connection.connection.driver_connection
        assert driver is not None
        try:
            if not begun:
                _on_driver(connection, lambda: driver.execute(self._begin), self._begin)
            try:
                result = job.work(connection)
            except BaseException:
                _end(connection, driver, commit=False)
                raise
            _end(connection, driver, commit=True)
            job.outcome = (result, None)
        except BaseException as error:  # handed to the awaiting task, not lost here
            job.outcome = (None, error)

    def stop(self) -> None:
        for _ in self._threads:
            self._tokens.put(False)
        for thread in self._threads:
            thread.join()
        self._engine.dispose()


#: Signals a person or a supervisor sends the process: Ctrl-C, a stop, a deck reload.
_PROCESS_SIGNALS = frozenset(
    getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, name)
)


def leave_signals_to_main_thread() -> None:
    """Block the process's signals in the calling database thread.

    The kernel hands a process signal to any thread that does not block it.  Taken by a
    database thread, a Ctrl-C only sets Python's flag, and the main thread, blocked in
    the terminal's ``readline``, never returns to see it: the study session hung until
    Enter was pressed (an intermittent failure of the Ctrl-C test).  Blocked here, it is
    delivered to the main thread, whose read is interrupted at once.
    """
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_BLOCK, _PROCESS_SIGNALS)


def _end(connection: Connection, driver: sqlite3.Connection, *, commit: bool) -> None:
    """Commit or roll back the job's transaction: through SQLAlchemy when a statement
    opened its bookkeeping, else on the sqlite3 connection itself."""
    if connection.in_transaction():
        connection.commit() if commit else connection.rollback()
    elif commit:
        _on_driver(connection, driver.commit, "COMMIT")
    else:
        _on_driver(connection, driver.rollback, "ROLLBACK")


def _on_driver(connection: Connection, call: Callable[[], object], sql: str) -> None:
    """``call`` on the sqlite3 connection, its errors raised as SQLAlchemy's (an
    OperationalError for a database that is locked or gone, as ``execute`` raises)."""
    try:
        call()
    except connection.dialect.loaded_dbapi.Error as error:
        raise DBAPIError.instance(
            sql, None, error, connection.dialect.loaded_dbapi.Error,
            dialect=connection.dialect) from error


def _sqlite_engine(url: str, *, read_only: bool, size: int) -> Engine:
    """A synchronous engine on the file of ``url``: pragmas set once per connection.

    The writer's transactions begin IMMEDIATE (see bot.storage.engine.begin_immediate:
    read-then-write never fails on a stale snapshot); a reader's begin DEFERRED on a
    ``query_only`` connection, a WAL snapshot that never waits for the writer.
    """
    sync_url = make_url(url).set(drivername="sqlite")
    # Not bound to a thread: the writer's connection is also used, under the lane's
    # lock, by a caller running an urgent job itself (`_Lane.run_here`).
    engine = create_sync_engine(sync_url, pool_size=size, max_overflow=0,
                                connect_args={"check_same_thread": False})
    begin = _BEGIN_READ if read_only else _BEGIN_WRITE

    @event.listens_for(engine, "connect")
    def _connect(dbapi_connection: Any, record: ConnectionPoolEntry) -> None:
        set_sqlite_pragmas(dbapi_connection, record)
        _no_autocheckpoint(dbapi_connection, record)
        dbapi_connection.isolation_level = None  # our BEGIN below is the only one
        if read_only:
            dbapi_connection.execute("PRAGMA query_only=1")

    @event.listens_for(engine, "begin")
    def _begin(connection: Connection) -> None:
        # Straight to the driver: once per transaction, SQLAlchemy's execution costs more.
        # The lane may have begun it already (`_Lane._run_alone`).
        driver = connection.connection.driver_connection
        assert driver is not None
        if not driver.in_transaction:
            _on_driver(connection, lambda: driver.execute(begin), begin)

    return engine


class SqliteThreadRunner:
    """Runs the work on threads that own plain sqlite3 connections to the same file."""

    def __init__(self, url: str, async_engine: AsyncEngine | None = None) -> None:
        if async_engine is not None:
            event.listen(async_engine.sync_engine, "connect", _no_autocheckpoint)
        self._writer = _Lane(
            "sqlite-writer", _sqlite_engine(url, read_only=False, size=1), 1, group=True,
            begin=_BEGIN_WRITE)
        self._readers = _Lane(
            "sqlite-reader", _sqlite_engine(url, read_only=True, size=READERS), READERS,
            group=False, begin=_BEGIN_READ)
        self._here: dict[asyncio.AbstractEventLoop, list[_Job]] = {}
        path = make_url(url).database
        self._checkpointer = _Checkpointer(str(path), CHECKPOINT_EVERY_SECONDS)

    async def run(self, work: Work[T], *, urgent: bool = False, read_only: bool = False,
                  quick: bool = False) -> T:
        loop = asyncio.get_running_loop()
        future: asyncio.Future[T] = loop.create_future()
        job = _Job(work, loop, future, groupable=urgent and not read_only)
        if quick and not job.groupable and not read_only and _loop_idle(loop) \
                and self._writer.run_here([job]):
            return cast(T, _outcome(job))
        if not job.groupable:
            (self._readers if read_only else self._writer).submit(job, urgent)
            return await future
        # Urgent writes submitted in one turn of the loop share one transaction, run by
        # the first of them on the loop itself when the writer is idle (`_Lane.run_here`).
        waiting = self._here.setdefault(loop, [])
        waiting.append(job)
        if len(waiting) > 1:
            return await future
        try:
            await asyncio.sleep(0)  # one turn: the others submitted in it join this one
        except asyncio.CancelledError:  # the others still wait: queue them all, as before
            for queued in self._here.pop(loop):
                self._writer.submit(queued, urgent=True)
            raise
        jobs = self._here.pop(loop)
        if not _loop_idle(loop) or not self._writer.run_here(jobs):
            for queued in jobs:
                self._writer.submit(queued, urgent=True)
            return await future
        _settle_all(jobs[1:])
        return cast(T, _outcome(job))

    async def close(self) -> None:
        await asyncio.to_thread(self._readers.stop)
        await asyncio.to_thread(self._writer.stop)
        await asyncio.to_thread(self._checkpointer.stop)


def transaction_runner(engine: AsyncEngine) -> TransactionRunner:
    url = engine.url
    database = url.database or ""
    if is_sqlite(url.render_as_string(hide_password=False)) and database not in ("", ":memory:"):
        return SqliteThreadRunner(url.render_as_string(hide_password=False), engine)
    return AsyncBridgeRunner(engine)
