"""A study group's leaderboard and members' streaks of right daily answers.

A streak is counted in each member's own study days (their time zone and
rollover hour), not the group's: a member in another zone keeps a streak by
answering once in each of their own days.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum

from sqlalchemy import Connection

from bot.srs.day import study_date
from bot.storage import leaderboard as answers
from bot.storage.rows import AnyRow
from bot.storage.transactions import TransactionRunner
from bot.study.learners import LearnerDefaults
from bot.study.stats import current_streak


class Period(StrEnum):
    WEEK = "week"
    MONTH = "month"
    ALL = "all"


PERIOD_DAYS = {Period.WEEK: 7, Period.MONTH: 30}
DEFAULT_LIMIT = 10


@dataclass(frozen=True, slots=True)
class LeaderRow:
    user_id: int
    points: int
    answered: int
    correct: int
    streak: int

    @property
    def correct_rate(self) -> float:
        return self.correct / self.answered if self.answered else 0.0


@dataclass(frozen=True, slots=True)
class StreakView:
    current: int
    best: int
    correct_days: int
    answered: int
    points: int


def correct_days(instants: Iterable[datetime], tz: str, rollover_hour: int) -> set[date]:
    """The member's study days on which they answered a daily question right."""
    return {study_date(at, tz, rollover_hour) for at in instants}


def best_streak(days: set[date]) -> int:
    best = 0
    for day in days:
        if day - timedelta(days=1) in days:
            continue  # not the start of a run
        run = 0
        while day + timedelta(days=run) in days:
            run += 1
        best = max(best, run)
    return best


def _zones(
    conn: Connection, user_ids: Iterable[int], defaults: LearnerDefaults
) -> dict[int, tuple[str, int]]:
    ids = list(set(user_ids))
    found = answers.zones(conn, ids)
    fallback = (defaults.timezone, defaults.rollover_hour)
    return {uid: found.get(uid, fallback) for uid in ids}


def _with_zones(
    conn: Connection, rows: list[AnyRow], defaults: LearnerDefaults
) -> tuple[list[AnyRow], dict[int, tuple[str, int]]]:
    return rows, _zones(conn, (r.user_id for r in rows), defaults)


async def leaderboard(
    runner: TransactionRunner,
    channel_id: int,
    period: Period,
    now: datetime,
    defaults: LearnerDefaults,
    limit: int = DEFAULT_LIMIT,
) -> list[LeaderRow]:
    """Members by points in the period (ties: correct rate, fewer answers); streaks as of now."""
    rows, zones = await runner.run(
        lambda conn: _with_zones(conn, answers.channel_answers(conn, channel_id), defaults),
        read_only=True,
    )
    since = now - timedelta(days=PERIOD_DAYS[period]) if period in PERIOD_DAYS else None
    points: dict[int, int] = defaultdict(int)
    answered: dict[int, int] = defaultdict(int)
    right: dict[int, int] = defaultdict(int)
    right_at: dict[int, list[datetime]] = defaultdict(list)
    for row in rows:
        user_id, correct, pts, at = row.user_id, row.correct, row.points, row.answered_at
        if correct:
            right_at[user_id].append(at)
        if since is not None and at < since:
            continue
        points[user_id] += pts
        answered[user_id] += 1
        right[user_id] += 1 if correct else 0
    board = []
    for user_id in answered:
        tz, hour = zones[user_id]
        today = study_date(now, tz, hour)
        streak = current_streak(correct_days(right_at[user_id], tz, hour), today)
        board.append(LeaderRow(user_id, points[user_id], answered[user_id], right[user_id], streak))
    board.sort(key=lambda r: (-r.points, -r.correct_rate, r.answered, r.user_id))
    return board[:limit]


async def member_streak(
    runner: TransactionRunner,
    user_id: int,
    now: datetime,
    defaults: LearnerDefaults,
    guild_id: int | None = None,
) -> StreakView:
    """One member's streak over the daily questions of a guild (or of every guild)."""
    rows, zones = await runner.run(
        lambda conn: (answers.member_answers(conn, user_id, guild_id),
                      _zones(conn, [user_id], defaults)),
        read_only=True,
    )
    tz, hour = zones[user_id]
    days = correct_days((r.answered_at for r in rows if r.correct), tz, hour)
    return StreakView(
        current=current_streak(days, study_date(now, tz, hour)),
        best=best_streak(days),
        correct_days=len(days),
        answered=len(rows),
        points=sum(r.points for r in rows),
    )


@dataclass(frozen=True, slots=True)
class DailyPlaces:
    """Where a guild's daily questions are, seen from one channel."""

    here: bool
    channels: list[int]  # every channel of the guild with a daily question (or its history)


async def daily_places(runner: TransactionRunner, guild_id: int, channel_id: int) -> DailyPlaces:
    """Whether ``channel_id`` is one of the guild's daily channels, and which those are:
    a leaderboard asked for elsewhere points there instead of saying nobody answered."""
    channels = await runner.run(
        lambda conn: answers.daily_channels(conn, guild_id), read_only=True)
    return DailyPlaces(channel_id in channels, channels)
