"""Revision 0004 adds the shown options to prompts and daily posts, and takes them away again.

A row written before 0004 has no copy; it is read as before (see bot.study.cards).
"""

from __future__ import annotations

from sqlalchemy import inspect
from sqlalchemy.engine import Connection

from bot.storage import migrations
from bot.storage.engine import create_engine


def _has_shown(connection: Connection) -> dict[str, bool]:
    return {
        table: "shown" in {c["name"] for c in inspect(connection).get_columns(table)}
        for table in ("prompts", "daily_posts")
    }


async def test_0004_adds_the_shown_columns_and_goes_back_down(db_url: str) -> None:
    engine = create_engine(db_url)
    try:
        await migrations.upgrade(engine)
        async with engine.connect() as connection:
            assert await connection.run_sync(_has_shown) == {"prompts": True, "daily_posts": True}
        await migrations.downgrade(engine, "0003_deck_admin")
        async with engine.connect() as connection:
            assert await connection.run_sync(_has_shown) == {
                "prompts": False, "daily_posts": False}
        await migrations.upgrade(engine)
        async with engine.connect() as connection:
            assert await connection.run_sync(_has_shown) == {"prompts": True, "daily_posts": True}
    finally:
        await engine.dispose()
