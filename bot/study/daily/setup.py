"""Setting up a channel's daily question: what an admin types, checked before it is stored."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time, timedelta

from sqlalchemy import Connection

from bot.srs.day import zone
from bot.srs.post_times import local_today, next_post_instant, skipped_day
from bot.storage import daily_configs as configs
from bot.storage import daily_posts as posts
from bot.storage.daily_configs import ConfigRow
from bot.storage.daily_models import POST_POSTED
from bot.storage.transactions import TransactionRunner
from bot.study.daily.fairness import deck_questions
from bot.study.daily.problems import DailySetupError, ProblemKind

DEFAULT_REVEAL_MINUTES = 8 * 60
#: A reveal must come before the next day's post.
MAX_REVEAL_MINUTES = 23 * 60
MIN_REVEAL_MINUTES = 1


@dataclass(frozen=True, slots=True)
class DailySetup:
    guild_id: int
    channel_id: int
    deck_id: str
    post_time: time
    timezone: str
    reveal_after_minutes: int
    language: str
    created_by: int


@dataclass(frozen=True, slots=True)
class ConfigView:
    id: int
    guild_id: int
    channel_id: int
    deck_id: str
    deck_title: str
    post_time: time
    timezone: str
    reveal_after_minutes: int
    language: str
    paused: bool
    next_post_at: datetime | None
    next_reveal_at: datetime | None


def check_setup(setup: DailySetup, now: datetime) -> None:
    """Raise `DailySetupError` for a zone, time or reveal delay that cannot work."""
    try:
        zone(setup.timezone)
    except ValueError as exc:
        raise DailySetupError(ProblemKind.UNKNOWN_ZONE, setup.timezone) from exc
    if not MIN_REVEAL_MINUTES <= setup.reveal_after_minutes <= MAX_REVEAL_MINUTES:
        raise DailySetupError(ProblemKind.BAD_REVEAL, str(setup.reveal_after_minutes))
    today = now.astimezone(zone(setup.timezone)).date()
    gap = skipped_day(setup.post_time, setup.timezone, today)
    if gap is not None:
        raise DailySetupError(ProblemKind.SKIPPED_TIME, gap.isoformat())


# -- configuration --------------------------------------------------------------------------


def _configure(conn: Connection, setup: DailySetup, now: datetime) -> ConfigView:
    if configs.deck_title(conn, setup.deck_id) is None:
        raise DailySetupError(ProblemKind.UNKNOWN_DECK, setup.deck_id)
    if not configs.live_face_count(conn, setup.deck_id):
        raise DailySetupError(ProblemKind.EMPTY_DECK, setup.deck_id)
    questions = deck_questions(conn, setup.deck_id)
    faces = [(pk, face) for pk, face, _ in posts.live_faces(conn, setup.deck_id)]
    if not questions.fair_faces(faces):
        raise DailySetupError(ProblemKind.NO_FAIR_CARD, setup.deck_id)
    config = configs.save_config(conn, setup.channel_id, {
        "guild_id": setup.guild_id,
        "deck_id": setup.deck_id,
        "post_time": setup.post_time,
        "timezone": setup.timezone,
        "reveal_after_minutes": setup.reveal_after_minutes,
        "language": setup.language,
        "paused": False,
        "created_by": setup.created_by,
        # A config changed today must not post for a time that passed before the change.
        "created_at": now,
    })
    return config_view(conn, config, now)


async def configure(runner: TransactionRunner, setup: DailySetup, now: datetime) -> ConfigView:
    """Create or replace the channel's daily question (one config per channel)."""
    check_setup(setup, now)
    return await runner.run(lambda conn: _configure(conn, setup, now))


async def guild_configs(
    runner: TransactionRunner, guild_id: int, now: datetime
) -> list[ConfigView]:
    return await runner.run(
        lambda conn: [config_view(conn, c, now) for c in configs.guild_configs(conn, guild_id)],
        read_only=True,
    )


def _channel_view(conn: Connection, channel_id: int, now: datetime) -> ConfigView | None:
    config = configs.channel_config(conn, channel_id)
    return None if config is None else config_view(conn, config, now)


async def channel_config(
    runner: TransactionRunner, channel_id: int, now: datetime
) -> ConfigView | None:
    return await runner.run(lambda conn: _channel_view(conn, channel_id, now), read_only=True)


async def set_paused(
    runner: TransactionRunner, guild_id: int, channel_id: int, paused: bool
) -> bool:
    """Pause or resume; False when the channel has no daily question in this guild."""
    return await runner.run(lambda conn: configs.set_paused(conn, guild_id, channel_id, paused))


async def remove(runner: TransactionRunner, guild_id: int, channel_id: int) -> bool:
    """Stop the channel's daily question; its posts and answers stay for the leaderboard."""
    return await runner.run(lambda conn: configs.delete_config(conn, guild_id, channel_id))


def config_view(conn: Connection, config: ConfigRow, now: datetime) -> ConfigView:
    """The config with its deck's title and when it next posts and reveals."""
    title = configs.deck_title(conn, config.deck_id) or config.deck_id
    today = local_today(now, config.timezone)
    rows = posts.channel_days(conn, config.channel_id, today - timedelta(days=1))
    taken = {row.local_date for row in rows}
    open_reveals = [row.reveal_due_at for row in rows if row.status == POST_POSTED]
    next_post = (
        None if config.paused
        else next_post_instant(config.post_time, config.timezone, now, taken)
    )
    reveal_after = timedelta(minutes=config.reveal_after_minutes)
    candidates = [*open_reveals, *([next_post + reveal_after] if next_post else [])]
    return ConfigView(
        id=config.id,
        guild_id=config.guild_id,
        channel_id=config.channel_id,
        deck_id=config.deck_id,
        deck_title=title,
        post_time=config.post_time,
        timezone=config.timezone,
        reveal_after_minutes=config.reveal_after_minutes,
        language=config.language,
        paused=config.paused,
        next_post_at=next_post,
        next_reveal_at=min(candidates) if candidates else None,
    )
