"""A learner's numbers: what is due, what they did, their streak.

Everything is counted from review_states (what is due) and the append-only
review_log (what happened), on the learner's local study days.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import Select, case, func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from sqlalchemy.orm import Session

from bot.srs.queue import remaining_allowance
from bot.storage.models import Card, CardFace, ReviewLog, ReviewState
from bot.study.learners import LearnerDefaults, get_or_create_user, limits_of, user_today
from bot.study.queue_queries import DeckScope, day_progress, new_face_keys


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
    new_available: int  # new faces the learner may still start today
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


async def learner_stats(
    sessions: async_sessionmaker[AsyncSession],
    user_id: int,
    defaults: LearnerDefaults,
    now: datetime,
    *,
    forecast_days: int = 30,
    history_days: int = 30,
) -> LearnerStats:
    async with sessions.begin() as db:
        user = await get_or_create_user(db, user_id, defaults, now)
        today = user_today(user, now)
        scope = DeckScope(user_id, None)
        def live(*columns: Any) -> Select[Any]:
            """Review states of faces still in the learner's decks."""
            return (
                select(*columns)
                .select_from(ReviewState)
                .join(Card, Card.pk == ReviewState.card_pk)
                .join(
                    CardFace,
                    (CardFace.card_pk == ReviewState.card_pk)
                    & (CardFace.face == ReviewState.face),
                )
                .where(ReviewState.user_id == user_id, scope.condition())
            )

        due_today = int(await db.scalar(live(func.count()).where(ReviewState.due <= today)) or 0)
        horizon = today + timedelta(days=forecast_days)
        upcoming_rows = await db.execute(
            live(ReviewState.due, func.count())
            .where(ReviewState.due > today, ReviewState.due <= horizon)
            .group_by(ReviewState.due)
        )
        upcoming = {d: int(n) for d, n in upcoming_rows.all()}
        forecast = [
            (today + timedelta(days=i), upcoming.get(today + timedelta(days=i), 0))
            for i in range(1, forecast_days + 1)
        ]
        limits = limits_of(user)

        def new_available_today(sync: Session) -> int:
            conn = sync.connection()
            new_left, _ = remaining_allowance(limits, day_progress(conn, user_id, today))
            return len(new_face_keys(conn, scope, new_left))

        new_available = await db.run_sync(new_available_today)
        since = today - timedelta(days=history_days - 1)
        correct = func.sum(case((ReviewLog.quality >= 3, 1), else_=0))
        per_day = {
            d: (int(n), int(c or 0))
            for d, n, c in (
                await db.execute(
                    select(ReviewLog.study_date, func.count(), correct)
                    .where(ReviewLog.user_id == user_id, ReviewLog.study_date >= since)
                    .group_by(ReviewLog.study_date)
                )
            ).all()
        }
        history = [
            DayCount(since + timedelta(days=i), *per_day.get(since + timedelta(days=i), (0, 0)))
            for i in range(history_days)
        ]
        days = set(
            await db.scalars(
                select(ReviewLog.study_date)
                .where(ReviewLog.user_id == user_id)
                .distinct()
                .order_by(ReviewLog.study_date.desc())
                .limit(3660)
            )
        )
        total = await db.scalar(
            select(func.count()).select_from(ReviewLog).where(ReviewLog.user_id == user_id)
        )
        seen = await db.scalar(
            select(func.count()).select_from(ReviewState).where(ReviewState.user_id == user_id)
        )
    return LearnerStats(
        today=today,
        due_today=due_today,
        new_available=new_available,
        forecast=forecast,
        history=history,
        streak=current_streak(days, today),
        total_reviews=int(total or 0),
        faces_seen=int(seen or 0),
    )
