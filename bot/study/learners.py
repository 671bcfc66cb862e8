"""A learner's study day and limits, from the settings their row keeps."""

from __future__ import annotations

from datetime import date, datetime

from bot.srs.day import KeptDay, learner_date
from bot.srs.queue import DailyLimits
from bot.storage.learners import Learner, LearnerDefaults

__all__ = ["Learner", "LearnerDefaults", "kept_of", "learner_today", "limits_of", "user_today"]


def limits_of(user: Learner) -> DailyLimits:
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


def user_today(user: Learner, now: datetime) -> date:
    return learner_today(now, user.timezone, user.rollover_hour, user.kept_day, user.kept_until)
