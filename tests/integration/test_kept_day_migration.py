"""Revision 0005 adds the kept study day to users, keeps every learner, and goes back down."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import insert, inspect, select
from sqlalchemy.engine import Connection

from bot.storage import migrations
from bot.storage.engine import create_engine
from bot.storage.models import User


def _columns(connection: Connection) -> set[str]:
    return {c["name"] for c in inspect(connection).get_columns("users")}


async def test_0005_adds_the_kept_day_and_goes_back_down(db_url: str) -> None:
    engine = create_engine(db_url)
    try:
        await migrations.upgrade(engine)
        await migrations.downgrade(engine, "0004_shown_choices")
        async with engine.begin() as connection:
            assert not {"kept_day", "kept_until"} & await connection.run_sync(_columns)
            await connection.execute(
                insert(User.__table__).values(
                    id=77, timezone="Asia/Seoul", locale=None, new_per_day=20,
                    reviews_per_day=200, rollover_hour=4,
                    created_at=datetime(2026, 11, 25, tzinfo=UTC),
                )
            )
        await migrations.upgrade(engine)
        async with engine.connect() as connection:
            assert {"kept_day", "kept_until"} <= await connection.run_sync(_columns)
            row = (await connection.execute(
                select(User.id, User.kept_day, User.kept_until)
            )).one()
        assert tuple(row) == (77, None, None)  # nothing kept: the learner's zone decides
        await migrations.downgrade(engine, "0004_shown_choices")
        async with engine.connect() as connection:
            assert not {"kept_day", "kept_until"} & await connection.run_sync(_columns)
            assert (await connection.execute(select(User.id))).scalars().all() == [77]
    finally:
        await engine.dispose()
