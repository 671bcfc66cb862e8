"""A learner's numbers: what is due, what they did, their streak.

Everything is counted from review_states (what is due) and the append-only
review_log (what happened), on the learner's local study days.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import Connection

from bot.srs.day import study_day_start
from bot.srs.queue import LeftToday
from bot.storage import stats
from bot.storage.learners import ensure_learner
from bot.storage.queue_queries import DeckScope
from bot.storage.transactions import TransactionRunner
from bot.study.day_plan import plan_day
from bot.study.learners import LearnerDefaults, limits_of, user_today


@dataclass(frozen=True, slots=True)
class DayCount:
    day: date
    reviews: int
    correct: int

    @property
    def correct_rate(self) -> float:
        return self.correct / self.reviews if self.reviews else 0.0


@dataclass(frozen=True, slots=True)
class LearnerStats:
    today: date
    due_today: int  # reviews due now (overdue included), before the daily limit
    left: LeftToday  # what /study shows today: within the limits, siblings buried
    forecast: list[tuple[date, int]]  # faces falling due on each coming day
    history: list[DayCount]  # reviews and correct answers per study day, oldest first
    streak: int  # consecutive study days with at least one review, up to today
    total_reviews: int
    faces_seen: int

    def due_within(self, days: int) -> int:
        """Faces due today or within ``days`` days from today."""
        horizon = self.today + timedelta(days=days)
        return self.due_today + sum(n for day, n in self.forecast if day <= horizon)


def current_streak(study_days: set[date], today: date) -> int:
    """Consecutive days with a review, ending today (or yesterday: today is not over)."""
    day = today if today in study_days else today - timedelta(days=1)
    streak = 0
    while day in study_days:
        streak += 1
        day -= timedelta(days=1)
    return streak


def _learner_stats(
    conn: Connection,
    user_id: int,
    defaults: LearnerDefaults,
    now: datetime,
    forecast_days: int,
    history_days: int,
) -> LearnerStats:
    user = ensure_learner(conn, user_id, defaults, now)
    today = user_today(user, now)
    scope = DeckScope(user_id, None)
    upcoming = stats.due_per_day(conn, scope, today, today + timedelta(days=forecast_days))
    forecast = [
        (today + timedelta(days=i), upcoming.get(today + timedelta(days=i), 0))
        for i in range(1, forecast_days + 1)
    ]
    day_began = study_day_start(today, user.timezone, user.rollover_hour)
    left = plan_day(conn, user_id, None, today, limits_of(user), day_began).left
    since = today - timedelta(days=history_days - 1)
    per_day = stats.reviews_per_day(conn, user_id, since)
    history = [
        DayCount(since + timedelta(days=i), *per_day.get(since + timedelta(days=i), (0, 0)))
        for i in range(history_days)
    ]
    return LearnerStats(
        today=today,
        due_today=stats.due_count(conn, scope, today),
        left=left,
        forecast=forecast,
        history=history,
        streak=current_streak(stats.study_days(conn, user_id), today),
        total_reviews=stats.answer_count(conn, user_id),
        faces_seen=stats.faces_seen(conn, user_id),
    )


async def learner_stats(
    runner: TransactionRunner,
    user_id: int,
    defaults: LearnerDefaults,
    now: datetime,
    *,
    forecast_days: int = 30,
    history_days: int = 30,
) -> LearnerStats:
    """The learner's numbers (a first-time learner's row is created, as on any command)."""
    return await runner.run(
        lambda conn: _learner_stats(conn, user_id, defaults, now, forecast_days, history_days)
    )
