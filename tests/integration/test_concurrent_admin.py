"""Two admins (or one double submit) setting up the same channel's daily question at once.

SQLite's write lock runs them in turn; PostgreSQL needs bot.storage.locks to
do the same, or the second insert of the channel's config fails.  Runs on both
databases (tests/conftest.py).
"""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, time

from sqlalchemy import select

from bot.storage.daily_models import DailyConfig
from bot.study.runtime import Database
from tests.integration.builders import choice, deck
from tests.integration.daily_support import CHANNEL, load, setup_daily
from tests.integration.storage_helpers import sessions_of

NOW = datetime(2026, 11, 24, 22, 0, tzinfo=UTC)  # 07:00 in Seoul


async def test_the_same_channel_set_up_twice_at_once_keeps_one_config(
    database: Database,
) -> None:
    await load(database, deck("d", choice("c1", ["a", "b"], "a")), NOW)
    views = await asyncio.gather(
        *(setup_daily(database, NOW, at=at) for at in (time(9, 0), time(21, 0), time(12, 0)))
    )
    assert len(views) == 3
    async with sessions_of(database)() as session:
        configs = list(
            await session.scalars(select(DailyConfig).where(DailyConfig.channel_id == CHANNEL))
        )
    assert len(configs) == 1
    assert configs[0].post_time in (time(9, 0), time(21, 0), time(12, 0))
