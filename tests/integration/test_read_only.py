"""Work that only reads takes no write lock, sees one snapshot, and cannot write.

On SQLite every transaction used to begin IMMEDIATE, so a long read held the
one write lock of the file; now a read-only one begins DEFERRED (a WAL snapshot)
under ``query_only``.  On PostgreSQL it is READ ONLY and REPEATABLE READ, so its
statements agree with each other while writers commit beside it.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from datetime import UTC, datetime

import pytest
from sqlalchemy import func, insert, select, update
from sqlalchemy.engine import Connection
from sqlalchemy.exc import DBAPIError

from bot.storage.engine import reading
from bot.storage.models import User
from bot.study.learners import LearnerDefaults
from bot.study.runtime import Database
from tests.integration.storage_helpers import get_or_create_user, sessions_of

NOW = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)


async def add_learner(db: Database, user_id: int) -> None:
    async with sessions_of(db).begin() as session:
        await get_or_create_user(session, user_id, LearnerDefaults(), NOW)


def learners(conn: Connection) -> int:
    return int(conn.scalar(select(func.count()).select_from(User)) or 0)


def add_learner_sync(conn: Connection, user_id: int) -> None:
    conn.execute(insert(User), [{
        "id": user_id, "timezone": "UTC", "locale": None, "new_per_day": 20,
        "reviews_per_day": 200, "rollover_hour": 4, "created_at": NOW}])


def rename_zone(zone: str) -> Callable[[Connection], None]:
    def work(conn: Connection) -> None:
        conn.execute(update(User).values(timezone=zone))

    return work


async def test_a_reader_holds_one_snapshot_while_a_writer_commits_beside_it(
    database: Database,
) -> None:
    await add_learner(database, 1)
    async with reading(sessions_of(database)) as reader:
        assert await reader.scalar(select(func.count()).select_from(User)) == 1
        # A writer (the bot's runner, another connection) commits at once, not after the read.
        await asyncio.wait_for(database.runner.run(lambda c: add_learner_sync(c, 2)), 5)
        assert await database.runner.run(learners, read_only=True) == 2
        # The reader still sees the moment it started at.
        assert await reader.scalar(select(func.count()).select_from(User)) == 1



async def test_a_read_only_transaction_cannot_write_and_leaves_the_next_one_free(
    database: Database,
) -> None:
    await add_learner(database, 1)
    with pytest.raises(DBAPIError):
        await database.runner.run(rename_zone("Asia/Tokyo"), read_only=True)
    async with reading(sessions_of(database)) as session:
        with pytest.raises(DBAPIError):
            await session.execute(update(User).values(timezone="Asia/Tokyo"))
    # The pooled connections the refused writes ran on write normally again.
    await database.runner.run(rename_zone("Europe/Paris"))
    async with sessions_of(database).begin() as session:
        await session.execute(update(User).values(rollover_hour=5))
    async with reading(sessions_of(database)) as session:
        assert (await session.execute(select(User.timezone, User.rollover_hour))).one() == (
            "Europe/Paris", 5)
