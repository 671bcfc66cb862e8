"""Learners' opt-in DM reminders: the setting, the claim of a day's DM, the closed-DMs notice."""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any

from sqlalchemy import Connection, insert, or_, select, update

from bot.storage.daily_models import Reminder
from bot.storage.models import User
from bot.storage.rows import AnyRow


def reminder_setting(conn: Connection, user_id: int) -> AnyRow | None:
    """(enabled, local_time, last_sent_date) of the learner's reminder, if ever set."""
    return conn.execute(
        select(Reminder.enabled, Reminder.local_time, Reminder.last_sent_date).where(
            Reminder.user_id == user_id
        )
    ).first()


def save_reminder(
    conn: Connection, user_id: int, enabled: bool, at: time | None, default: time, now: datetime
) -> None:
    """Switch the learner's reminder on or off (at ``at`` when given, first at ``default``);
    a closed-DMs notice still pending is dropped: the learner has just chosen."""
    values: dict[str, Any] = {
        "enabled": enabled, "disabled_reason": None, "notice_pending": False, "updated_at": now}
    if at is not None:
        values["local_time"] = at
    if reminder_setting(conn, user_id) is None:
        conn.execute(insert(Reminder).values(
            user_id=user_id, last_sent_date=None, **{"local_time": default, **values}))
    else:
        conn.execute(update(Reminder).where(Reminder.user_id == user_id).values(**values))


def enabled_reminders(conn: Connection) -> list[AnyRow]:
    """Every reminder switched on, with its learner: (user_id, local_time, last_sent_date,
    timezone, rollover_hour, kept_day, kept_until, locale, new_per_day, reviews_per_day)."""
    return list(conn.execute(
        select(
            Reminder.user_id, Reminder.local_time, Reminder.last_sent_date,
            User.timezone, User.rollover_hour, User.kept_day, User.kept_until, User.locale,
            User.new_per_day, User.reviews_per_day,
        )
        .join(User, User.id == Reminder.user_id)
        .where(Reminder.enabled.is_(True))
        .order_by(Reminder.user_id)
    ).all())


def claim_day(conn: Connection, user_id: int, day: date) -> bool:
    """Mark the day's reminder as sent; False when it was, or reminders are off."""
    result = conn.execute(
        update(Reminder)
        .where(
            Reminder.user_id == user_id,
            Reminder.enabled.is_(True),
            or_(Reminder.last_sent_date.is_(None), Reminder.last_sent_date != day),
        )
        .values(last_sent_date=day)
    )
    return bool(result.rowcount)


def switch_off(conn: Connection, user_id: int, reason: str, now: datetime) -> None:
    """Stop reminding, with a reason to tell the learner at their next command."""
    conn.execute(
        update(Reminder)
        .where(Reminder.user_id == user_id)
        .values(enabled=False, disabled_reason=reason, notice_pending=True, updated_at=now)
    )


def notice_pending(conn: Connection, user_id: int) -> bool:
    query = select(Reminder.user_id).where(
        Reminder.user_id == user_id, Reminder.notice_pending.is_(True))
    return conn.execute(query).first() is not None


def take_notice(conn: Connection, user_id: int) -> tuple[str | None] | None:
    """Clear the pending notice: (its reason,), or None when none was pending."""
    row = conn.execute(
        update(Reminder)
        .where(Reminder.user_id == user_id, Reminder.notice_pending.is_(True))
        .values(notice_pending=False)
        .returning(Reminder.disabled_reason)
    ).first()
    return None if row is None else (row[0],)
