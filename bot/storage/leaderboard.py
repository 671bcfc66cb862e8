"""Daily answers as a leaderboard reads them, and members' zones for their streaks."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import Connection, select, union

from bot.storage.daily_models import DailyAnswer, DailyConfig, DailyPost
from bot.storage.models import User
from bot.storage.rows import AnyRow

_COLUMNS = (DailyAnswer.user_id, DailyAnswer.correct, DailyAnswer.points, DailyAnswer.answered_at)


def channel_answers(conn: Connection, channel_id: int) -> list[AnyRow]:
    """(user_id, correct, points, answered_at) of every answer in the channel, oldest first."""
    query = (
        select(*_COLUMNS)
        .join(DailyPost, DailyPost.id == DailyAnswer.post_id)
        .where(DailyPost.channel_id == channel_id)
        .order_by(DailyAnswer.answered_at)
    )
    return list(conn.execute(query).all())


def member_answers(conn: Connection, user_id: int, guild_id: int | None) -> list[AnyRow]:
    """The same for one member, in one guild (or every guild), oldest first."""
    query = select(*_COLUMNS).where(DailyAnswer.user_id == user_id).order_by(
        DailyAnswer.answered_at
    )
    if guild_id is not None:
        query = query.join(DailyPost, DailyPost.id == DailyAnswer.post_id).where(
            DailyPost.guild_id == guild_id
        )
    return list(conn.execute(query).all())


def zones(conn: Connection, user_ids: Iterable[int]) -> dict[int, tuple[str, int]]:
    """user id -> (time zone, rollover hour) of those who have a row."""
    rows = conn.execute(
        select(User.id, User.timezone, User.rollover_hour).where(User.id.in_(list(user_ids)))
    )
    return {int(uid): (str(tz), int(hour)) for uid, tz, hour in rows}


def daily_channels(conn: Connection, guild_id: int) -> list[int]:
    """The guild's channels that have a daily question now or had posts before."""
    query = union(
        select(DailyConfig.channel_id).where(DailyConfig.guild_id == guild_id),
        select(DailyPost.channel_id).where(DailyPost.guild_id == guild_id),
    )
    return sorted({int(channel) for channel in conn.execute(query).scalars()})
