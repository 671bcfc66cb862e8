"""Opt-in DM reminders: at most one per study day, at the learner's local time, when cards wait.

Sending is claimed first (the day is written before the DM goes out), so a
restart or a second process never sends a second reminder the same day.  A
learner whose DMs are closed (Discord's 50007) has reminders switched off
and is told so the next time they use a command.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import Connection

from bot.srs.backlog import Backlog
from bot.srs.day import local_instant, study_day_start
from bot.srs.queue import DailyLimits, LeftToday
from bot.storage import reminders as rows
from bot.storage.learners import Learner, ensure_learner, learner
from bot.storage.locks import lock_learner
from bot.storage.queue_queries import DeckScope
from bot.storage.transactions import TransactionRunner
from bot.study.day_plan import plan_day
from bot.study.learners import LearnerDefaults, learner_today, user_today
from bot.study.plans import learner_backlog

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
    left: LeftToday  # what /study would show today, reviews and new cards apart
    locale: str | None
    #: More due than the daily review limit: the reminder says how long catching up takes.
    backlog: Backlog | None = None

    @property
    def waiting(self) -> int:
        return self.left.total


def reminder_instant(day: date, at: time, tz: str, rollover_hour: int) -> datetime:
    """When the reminder of study day ``day`` falls: ``at`` within that day.

    A time before the rollover hour (01:00 with a 04:00 rollover) belongs to
    the night that ends the study day, i.e. the next calendar date.
    """
    calendar_day = day if at.hour >= rollover_hour else day + timedelta(days=1)
    return local_instant(calendar_day, at, tz)


def _set(
    conn: Connection,
    user_id: int,
    enabled: bool,
    at: time | None,
    now: datetime,
    defaults: LearnerDefaults,
) -> ReminderView:
    user = ensure_learner(conn, user_id, defaults, now)
    # On PostgreSQL a double click would otherwise insert the row twice.
    lock_learner(conn, user_id)
    rows.save_reminder(conn, user_id, enabled, at, DEFAULT_TIME, now)
    setting = rows.reminder_setting(conn, user_id)
    assert setting is not None
    return _view(setting.enabled, setting.local_time, setting.last_sent_date, user, now)


async def set_reminder(
    runner: TransactionRunner,
    user_id: int,
    enabled: bool,
    at: time | None,
    now: datetime,
    defaults: LearnerDefaults,
) -> ReminderView:
    """Turn reminders on (optionally at a new time) or off."""
    return await runner.run(lambda conn: _set(conn, user_id, enabled, at, now, defaults))


def _view(
    enabled: bool, local_time: time, last_sent: date | None, user: Learner, now: datetime
) -> ReminderView:
    next_at = None
    if enabled:
        today = user_today(user, now)
        for day in (today, today + timedelta(days=1), today + timedelta(days=2)):
            at = reminder_instant(day, local_time, user.timezone, user.rollover_hour)
            if at >= now and last_sent != day:
                next_at = at
                break
    return ReminderView(enabled, local_time, user.timezone, next_at)


def _status(conn: Connection, user_id: int, now: datetime) -> ReminderView | None:
    setting = rows.reminder_setting(conn, user_id)
    user = learner(conn, user_id)
    if setting is None or user is None:
        return None
    return _view(setting.enabled, setting.local_time, setting.last_sent_date, user, now)


async def reminder_status(
    runner: TransactionRunner, user_id: int, now: datetime
) -> ReminderView | None:
    return await runner.run(lambda conn: _status(conn, user_id, now), read_only=True)


def left_today(
    conn: Connection, user_id: int, limits: DailyLimits, today: date, day_began: datetime
) -> LeftToday:
    """What is left of the learner's day, as /study would count it (up to `COUNT_CAP` a kind)."""
    return plan_day(conn, user_id, None, today, limits, day_began, cap=COUNT_CAP).left


def _due(conn: Connection, now: datetime) -> list[DueReminder]:
    due: list[DueReminder] = []
    for row in rows.enabled_reminders(conn):
        today = learner_today(now, row.timezone, row.rollover_hour, row.kept_day, row.kept_until)
        if row.last_sent_date == today:
            continue
        at = reminder_instant(today, row.local_time, row.timezone, row.rollover_hour)
        if at > now:
            continue
        left = left_today(conn, row.user_id, DailyLimits(row.new_per_day, row.reviews_per_day),
                          today, study_day_start(today, row.timezone, row.rollover_hour))
        if left.total:
            backlog = learner_backlog(conn, DeckScope(row.user_id, None), today,
                                      row.reviews_per_day)
            due.append(DueReminder(row.user_id, today, left, row.locale, backlog))
    return due


async def due_reminders(runner: TransactionRunner, now: datetime) -> list[DueReminder]:
    """Learners whose reminder time has come today, not yet sent, with cards waiting."""
    return await runner.run(lambda conn: _due(conn, now), read_only=True)


async def claim_reminder(runner: TransactionRunner, user_id: int, day: date) -> bool:
    """Mark the day's reminder as sent before sending; False when someone already did."""
    return await runner.run(lambda conn: rows.claim_day(conn, user_id, day))


async def dms_closed(runner: TransactionRunner, user_id: int, now: datetime) -> None:
    """Discord refused the DM (50007): stop reminding, and say so at the next command."""
    await runner.run(lambda conn: rows.switch_off(conn, user_id, REASON_DMS_CLOSED, now))


async def take_notice(runner: TransactionRunner, user_id: int) -> str | None:
    """The reason reminders were switched off, once; None when there is nothing to tell.

    Read first, so the common case (nothing pending) takes no write lock.
    """
    if not await runner.run(lambda conn: rows.notice_pending(conn, user_id), read_only=True):
        return None
    taken = await runner.run(lambda conn: rows.take_notice(conn, user_id))
    if taken is None or taken[0] is None:
        return None
    return str(taken[0] or REASON_DMS_CLOSED)
