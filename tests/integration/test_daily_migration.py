"""Revision 0002 (study groups) goes down to the baseline and back up without touching it.

Later revisions are first taken down to 0002, so the test measures 0002 alone.
"""

from __future__ import annotations

from sqlalchemy import inspect
from sqlalchemy.engine import Connection

from bot.storage import migrations
from bot.storage.engine import create_engine

DAILY_TABLES = {"daily_configs", "daily_posts", "daily_answers", "reminders"}


def _tables(connection: Connection) -> set[str]:
    return set(inspect(connection).get_table_names()) - {"alembic_version"}


def _unique_sets(connection: Connection, table: str) -> list[list[str]]:
    return [list(u["column_names"]) for u in inspect(connection).get_unique_constraints(table)]


async def test_down_to_baseline_drops_only_the_study_group_tables(db_url: str) -> None:
    engine = create_engine(db_url)
    try:
        await migrations.upgrade(engine)
        async with engine.connect() as connection:
            everything = await connection.run_sync(_tables)
            assert everything >= DAILY_TABLES
            assert ["channel_id", "local_date"] in await connection.run_sync(
                _unique_sets, "daily_posts"
            )
            assert ["post_id", "user_id"] in await connection.run_sync(
                _unique_sets, "daily_answers"
            )
        await migrations.downgrade(engine, "0002_study_groups")
        async with engine.connect() as connection:
            at_0002 = await connection.run_sync(_tables)
        await migrations.downgrade(engine, "0001_baseline")
        async with engine.connect() as connection:
            assert await connection.run_sync(_tables) == at_0002 - DAILY_TABLES
        await migrations.upgrade(engine)
        async with engine.connect() as connection:
            assert await connection.run_sync(_tables) == everything
    finally:
        await engine.dispose()
