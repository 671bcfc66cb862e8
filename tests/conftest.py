"""Shared fixtures: a fresh database per test, migrated by the app's own code.

SQLite always; PostgreSQL too when ``STUDYBOT_TEST_POSTGRES_URL`` names a
server (``.ci/run`` starts one): then ``db_url`` / ``database`` are
parametrized over both, and every PostgreSQL test gets a database of its own,
created from that URL's role and dropped afterwards.  Tests about SQLite
itself (pragmas, the writer thread) carry ``@pytest.mark.sqlite_only``.
"""

from __future__ import annotations

import asyncio
import os
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import pytest
from hypothesis import HealthCheck, settings

if TYPE_CHECKING:
    from bot.study.runtime import Database


# The suite's runs draw the same examples every time (derandomize), so a red CI is
# a regression, never the luck of the draw; search new ground on purpose with
# HYPOTHESIS_PROFILE=explore (random, more examples) and pin what it finds as an
# @example or a unit test.
settings.register_profile(
    "ci", max_examples=60, deadline=None, derandomize=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile("dev", max_examples=30, deadline=None, derandomize=True)
settings.register_profile(
    "explore", max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "dev"))

POSTGRES_URL_ENV = "STUDYBOT_TEST_POSTGRES_URL"
SQLITE, POSTGRESQL = "sqlite", "postgresql"
BACKENDS = [SQLITE, POSTGRESQL] if os.environ.get(POSTGRES_URL_ENV) else [SQLITE]

DROP_ATTEMPTS = 10
T = TypeVar("T")


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        "sqlite_only: about SQLite itself (pragmas, writer thread); skipped on PostgreSQL",
    )


# -- PostgreSQL: one database per test -----------------------------------------------------------


def _blocking(make: Callable[[], Awaitable[T]]) -> T:
    """Run a coroutine to completion from sync code, even inside a running event loop."""

    async def _main() -> T:
        return await make()

    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, _main()).result()


def _asyncpg_params(url: str) -> dict[str, Any]:
    from sqlalchemy.engine import make_url

    parsed = make_url(url)
    return {
        "host": parsed.host or "127.0.0.1",
        "port": parsed.port or 5432,
        "user": parsed.username,
        "password": parsed.password,
        "database": parsed.database,
    }


def create_postgres_database() -> str:
    """A new, empty database on the test server; its SQLAlchemy URL."""
    import asyncpg
    from sqlalchemy.engine import make_url

    server = os.environ[POSTGRES_URL_ENV]
    name = f"studybot_t_{uuid.uuid4().hex[:16]}"

    async def create() -> None:
        conn = await asyncpg.connect(**_asyncpg_params(server))
        try:
            await conn.execute(f'CREATE DATABASE "{name}"')
        finally:
            await conn.close()

    _blocking(create)
    return make_url(server).set(database=name).render_as_string(hide_password=False)


def drop_postgres_database(url: str) -> None:
    """Drop a database made by `create_postgres_database`, closing what still uses it."""
    import asyncpg
    from sqlalchemy.engine import make_url

    server = os.environ[POSTGRES_URL_ENV]
    name = make_url(url).database

    async def drop() -> None:
        conn = await asyncpg.connect(**_asyncpg_params(server))
        try:
            for attempt in range(DROP_ATTEMPTS):
                try:
                    await conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
                    return
                except asyncpg.PostgresError:
                    # A server process (autovacuum, if the server runs it) still in there.
                    if attempt == DROP_ATTEMPTS - 1:
                        raise
                    await asyncio.sleep(0.2)
        finally:
            await conn.close()

    _blocking(drop)


def postgres_query(url: str, sql: str, *params: Any) -> list[tuple[Any, ...]]:
    """Rows of ``sql`` (written with ``?`` placeholders, as for sqlite3) as plain tuples."""
    import asyncpg

    parts = sql.split("?")
    numbered = parts[0] + "".join(f"${i}{part}" for i, part in enumerate(parts[1:], 1))

    async def fetch() -> list[tuple[Any, ...]]:
        conn = await asyncpg.connect(**_asyncpg_params(url))
        try:
            return [tuple(row) for row in await conn.fetch(numbered, *params)]
        finally:
            await conn.close()

    return _blocking(fetch)


# -- fixtures ---------------------------------------------------------------------------------


@pytest.fixture(params=BACKENDS)
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == SQLITE:
        yield f"sqlite+aiosqlite:///{tmp_path / 'studybot.db'}"
        return
    if request.node.get_closest_marker("sqlite_only") is not None:
        pytest.skip("about SQLite only")
    url = create_postgres_database()
    try:
        yield url
    finally:
        drop_postgres_database(url)


@pytest.fixture
async def database(db_url: str) -> AsyncIterator[Database]:
    from bot.study.runtime import open_database

    db = await open_database(db_url)
    try:
        yield db
    finally:
        await db.close()


@pytest.fixture(scope="module", params=BACKENDS)
def bot_database(request: pytest.FixtureRequest) -> Iterator[str]:
    """Runs a module's bot subprocesses on SQLite, then again on PostgreSQL.

    On PostgreSQL each new bot work directory gets a fresh database
    (tests/e2e/support_bot.py asks through its ``database_hook``); they are
    dropped when the module is done.
    """
    from tests.e2e import support_bot

    if request.param == SQLITE:
        yield SQLITE
        return
    made: dict[Path, str] = {}

    def url_for(workdir: Path) -> str:
        if workdir not in made:
            made[workdir] = create_postgres_database()
        return made[workdir]

    support_bot.database_hook = support_bot.DatabaseHook(url_for, postgres_query)
    try:
        yield POSTGRESQL
    finally:
        support_bot.database_hook = None
        for url in made.values():
            drop_postgres_database(url)
