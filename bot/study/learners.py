"""Learners and the decks they study."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import Connection, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession

from bot.srs.day import KeptDay, learner_date
from bot.srs.queue import DailyLimits
from bot.storage.models import Deck, Enrollment, User


@dataclass(frozen=True, slots=True)
class LearnerDefaults:
    """Settings a new learner starts with (from the bot's configuration)."""

    timezone: str = "Asia/Seoul"
    new_per_day: int = 20
    reviews_per_day: int = 200
    rollover_hour: int = 4
    locale: str | None = None


def limits_of(user: User) -> DailyLimits:
    return DailyLimits(new_per_day=user.new_per_day, reviews_per_day=user.reviews_per_day)


def kept_of(day: date | None, until: datetime | None) -> KeptDay | None:
    """The stored kept study day (bot.srs.day.keep_day), if there is one."""
    return None if day is None or until is None else KeptDay(day, until)


def learner_today(
    now: datetime,
    timezone: str,
    rollover_hour: int,
    kept_day: date | None,
    kept_until: datetime | None,
) -> date:
    """The learner's study date at ``now``, from the users row's day columns."""
    return learner_date(now, timezone, rollover_hour, kept_of(kept_day, kept_until))


def user_today(user: User, now: datetime) -> date:
    return learner_today(now, user.timezone, user.rollover_hour, user.kept_day, user.kept_until)


def insert_user_if_missing(
    conn: Connection, user_id: int, defaults: LearnerDefaults, now: datetime
) -> None:
    """Create the learner's row with the defaults on first contact.

    INSERT ... ON CONFLICT DO NOTHING, so two first interactions at once (a
    double click) cannot fail on the primary key.
    """
    insert = pg_insert if conn.dialect.name == "postgresql" else sqlite_insert
    conn.execute(
        insert(User)
        .values(
            id=user_id,
            timezone=defaults.timezone,
            locale=defaults.locale,
            new_per_day=defaults.new_per_day,
            reviews_per_day=defaults.reviews_per_day,
            rollover_hour=defaults.rollover_hour,
            created_at=now,
        )
        .on_conflict_do_nothing()
    )


async def get_or_create_user(
    session: AsyncSession, user_id: int, defaults: LearnerDefaults, now: datetime
) -> User:
    """The learner's row, created with the defaults on first contact."""
    user = await session.get(User, user_id)
    if user is not None:
        return user
    await session.run_sync(
        lambda sync: insert_user_if_missing(sync.connection(), user_id, defaults, now)
    )
    user = await session.get(User, user_id, populate_existing=True)
    assert user is not None
    return user


async def enrolled_deck_ids(session: AsyncSession, user_id: int) -> list[str]:
    rows = await session.scalars(
        select(Enrollment.deck_id).where(Enrollment.user_id == user_id).order_by(Enrollment.deck_id)
    )
    return list(rows)


async def enroll(session: AsyncSession, user_id: int, deck_id: str, now: datetime) -> bool:
    """Join a deck; False when already joined."""
    if await session.get(Enrollment, (user_id, deck_id)) is not None:
        return False
    session.add(Enrollment(user_id=user_id, deck_id=deck_id, joined_at=now))
    await session.flush()
    return True


async def leave(session: AsyncSession, user_id: int, deck_id: str) -> bool:
    """Leave a deck; the learner's history stays, so rejoining resumes it."""
    enrollment = await session.get(Enrollment, (user_id, deck_id))
    if enrollment is None:
        return False
    await session.delete(enrollment)
    await session.flush()
    return True


async def deck_exists(session: AsyncSession, deck_id: str) -> bool:
    return await session.get(Deck, deck_id) is not None


async def all_deck_ids(session: AsyncSession) -> list[str]:
    return list(await session.scalars(select(Deck.id).order_by(Deck.id)))
