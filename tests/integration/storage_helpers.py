"""A test's own way into the database, beside the runner the code under test uses.

Tests set up rows and read them back through an ``AsyncSession`` of the
database's engine; these run the app's own storage functions in it, so a
test builds exactly the rows the bot would.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.storage import deck_sync as sync
from bot.storage import learners
from bot.storage.deck_sync import DeckSnapshot, SyncResult
from bot.storage.engine import session_factory
from bot.storage.learners import Learner, LearnerDefaults
from bot.study.runtime import Database


def sessions_of(db: Database) -> async_sessionmaker[AsyncSession]:
    """Sessions on the database's engine, for a test's own reads and set-up."""
    return session_factory(db.engine)


async def sync_deck(session: AsyncSession, snapshot: DeckSnapshot, now: datetime) -> SyncResult:
    """`bot.storage.deck_sync.sync_deck` in ``session``'s transaction."""
    return await session.run_sync(lambda s: sync.sync_deck(s.connection(), snapshot, now))


async def get_or_create_user(
    session: AsyncSession, user_id: int, defaults: LearnerDefaults, now: datetime
) -> Learner:
    return await session.run_sync(
        lambda s: learners.ensure_learner(s.connection(), user_id, defaults, now))


async def enroll(session: AsyncSession, user_id: int, deck_id: str, now: datetime) -> bool:
    return await session.run_sync(lambda s: learners.enroll(s.connection(), user_id, deck_id, now))


async def enrolled_deck_ids(session: AsyncSession, user_id: int) -> list[str]:
    return await session.run_sync(lambda s: learners.enrolled_deck_ids(s.connection(), user_id))
