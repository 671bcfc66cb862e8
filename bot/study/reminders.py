"""Opt-in DM reminders: at most one per study day, at the learner's local time, when cards wait.

Sending is claimed first (the day is written before the DM goes out), so a
restart or a second process never sends a second reminder the same day.  A
learner whose DMs are closed (Discord's 50007) has reminders switched off
and is told so the next time they use a command.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from sqlalchemy.orm import Session

from bot.srs.day import local_instant
from bot.storage.daily_models import Reminder
from bot.storage.engine import reading
from bot.storage.locks import lock_learner
from bot.storage.models import User
from bot.study.learners import LearnerDefaults, get_or_create_user, user_today
from bot.study.queue_queries import DeckScope, day_progress, due_face_keys, new_face_keys

DEFAULT_TIME = time(19, 0)
REASON_DMS_CLOSED = "dms_closed"
#: Most faces counted for the reminder's "N cards are waiting".
COUNT_CAP = 999


@dataclass(frozen=True, slots=True)
class ReminderView:
    enabled: bool
    local_time: time
    timezone: str
    next_at: datetime | None


@dataclass(frozen=True, slots=True)
class DueReminder:
    user_id: int
    study_date: date
    waiting: int
    locale: str | None


def reminder_instant(day: date, at: time, tz: str, rollover_hour: int) -> datetime:
    """When the reminder of study day ``day`` falls: ``at`` within that day.

    A time before the rollover hour (01:00 with a 04:00 rollover) belongs to
    the night that ends the study day, i.e. the next calendar date.
    """
    calendar_day = day if at.hour >= rollover_hour else day + timedelta(days=1)
    return local_instant(calendar_day, at, tz)


async def set_reminder(
    sessions: async_sessionmaker[AsyncSession],
    user_id: int,
    enabled: bool,
    at: time | None,
    now: datetime,
    defaults: LearnerDefaults,
) -> ReminderView:
    """Turn reminders on (optionally at a new time) or off."""
    async with sessions.begin() as db:
        user = await get_or_create_user(db, user_id, defaults, now)
        # On PostgreSQL a double click would otherwise insert the row twice.
        await db.run_sync(lambda sync: lock_learner(sync.connection(), user_id))
        reminder = await db.get(Reminder, user_id)
        if reminder is None:
            reminder = Reminder(
                user_id=user_id,
                local_time=at or DEFAULT_TIME,
                last_sent_date=None,
                notice_pending=False,
            )
            db.add(reminder)
        reminder.enabled = enabled
        if at is not None:
            reminder.local_time = at
        reminder.disabled_reason = None
        reminder.notice_pending = False
        reminder.updated_at = now
        await db.flush()
        return _view(reminder, user, now)


def _view(reminder: Reminder, user: User, now: datetime) -> ReminderView:
    next_at = None
    if reminder.enabled:
        today = user_today(user, now)
        for day in (today, today + timedelta(days=1), today + timedelta(days=2)):
            at = reminder_instant(day, reminder.local_time, user.timezone, user.rollover_hour)
            if at >= now and reminder.last_sent_date != day:
                next_at = at
                break
    return ReminderView(reminder.enabled, reminder.local_time, user.timezone, next_at)


async def reminder_status(
    sessions: async_sessionmaker[AsyncSession], user_id: int, now: datetime
) -> ReminderView | None:
    async with reading(sessions) as db:
        row = (
            await db.execute(
                select(Reminder, User).join(User, User.id == Reminder.user_id).where(
                    Reminder.user_id == user_id
                )
            )
        ).first()
    return None if row is None else _view(row[0], row[1], now)


async def waiting_faces(db: AsyncSession, user: User, today: date) -> int:
    """Due reviews plus the new faces today's allowance still lets in (as /study would show)."""
    scope = DeckScope(user.id, None)
    user_id, reviews_per_day, new_per_day = user.id, user.reviews_per_day, user.new_per_day

    def count(sync: Session) -> int:
        conn = sync.connection()
        progress = day_progress(conn, user_id, today)
        reviews_left = max(0, reviews_per_day - progress.reviews_done)
        new_left = max(0, new_per_day - progress.new_introduced)
        due = due_face_keys(conn, scope, today, min(reviews_left, COUNT_CAP))
        new = new_face_keys(conn, scope, min(new_left, COUNT_CAP))
        return len(due) + len(new)

    return await db.run_sync(count)


async def due_reminders(
    sessions: async_sessionmaker[AsyncSession], now: datetime
) -> list[DueReminder]:
    """Learners whose reminder time has come today, not yet sent, with cards waiting."""
    async with reading(sessions) as db:
        rows = (
            await db.execute(
                select(Reminder, User)
                .join(User, User.id == Reminder.user_id)
                .where(Reminder.enabled.is_(True))
                .order_by(Reminder.user_id)
            )
        ).all()
        due: list[DueReminder] = []
        for reminder, user in rows:
            today = user_today(user, now)
            if reminder.last_sent_date == today:
                continue
            at = reminder_instant(today, reminder.local_time, user.timezone, user.rollover_hour)
            if at > now:
                continue
            waiting = await waiting_faces(db, user, today)
            if waiting:
                due.append(DueReminder(user.id, today, waiting, user.locale))
        return due


async def claim_reminder(
    sessions: async_sessionmaker[AsyncSession], user_id: int, day: date
) -> bool:
    """Mark the day's reminder as sent before sending; False when someone already did."""
    async with sessions.begin() as db:
        result = await db.execute(
            update(Reminder)
            .where(
                Reminder.user_id == user_id,
                Reminder.enabled.is_(True),
                or_(Reminder.last_sent_date.is_(None), Reminder.last_sent_date != day),
            )
            .values(last_sent_date=day)
        )
        return bool(getattr(result, "rowcount", 0))


async def dms_closed(
    sessions: async_sessionmaker[AsyncSession], user_id: int, now: datetime
) -> None:
    """Discord refused the DM (50007): stop reminding, and say so at the next command."""
    async with sessions.begin() as db:
        await db.execute(
            update(Reminder)
            .where(Reminder.user_id == user_id)
            .values(
                enabled=False,
                disabled_reason=REASON_DMS_CLOSED,
                notice_pending=True,
                updated_at=now,
            )
        )


async def take_notice(sessions: async_sessionmaker[AsyncSession], user_id: int) -> str | None:
    """The reason reminders were switched off, once; None when there is nothing to tell.

    Read first, so the common case (nothing pending) takes no write lock.
    """
    async with reading(sessions) as db:
        pending = await db.scalar(
            select(Reminder.user_id).where(
                Reminder.user_id == user_id, Reminder.notice_pending.is_(True)
            )
        )
    if pending is None:
        return None
    async with sessions.begin() as db:
        reason = await db.scalar(
            update(Reminder)
            .where(Reminder.user_id == user_id, Reminder.notice_pending.is_(True))
            .values(notice_pending=False)
            .returning(Reminder.disabled_reason)
        )
    return None if reason is None else str(reason or REASON_DMS_CLOSED)
