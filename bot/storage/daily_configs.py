"""Study groups' daily question settings: one row per channel."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time
from typing import Any

from sqlalchemy import Connection, delete, func, insert, select, update

from bot.storage.daily_models import DailyConfig
from bot.storage.locks import Exclusive, hold_exclusive
from bot.storage.models import Card, CardFace, Deck


@dataclass(frozen=True, slots=True)
class ConfigRow:
    id: int
    guild_id: int
    channel_id: int
    deck_id: str
    post_time: time
    timezone: str
    reveal_after_minutes: int
    language: str
    paused: bool
    created_at: datetime


_CONFIG = select(
    DailyConfig.id,
    DailyConfig.guild_id,
    DailyConfig.channel_id,
    DailyConfig.deck_id,
    DailyConfig.post_time,
    DailyConfig.timezone,
    DailyConfig.reveal_after_minutes,
    DailyConfig.language,
    DailyConfig.paused,
    DailyConfig.created_at,
)


def _configs(conn: Connection, query: Any) -> list[ConfigRow]:
    return [ConfigRow(*row) for row in conn.execute(query)]


def deck_title(conn: Connection, deck_id: str) -> str | None:
    title = conn.execute(select(Deck.title).where(Deck.id == deck_id)).scalar()
    return None if title is None else str(title)


def live_face_count(conn: Connection, deck_id: str) -> int:
    """Faces of the deck's live cards: what a daily question can be drawn from."""
    return int(conn.execute(
        select(func.count())
        .select_from(CardFace)
        .join(Card, Card.pk == CardFace.card_pk)
        .where(Card.deck_id == deck_id, Card.retired_at.is_(None))
    ).scalar() or 0)


def save_config(conn: Connection, channel_id: int, values: dict[str, Any]) -> ConfigRow:
    """Create or replace the channel's config with ``values`` (every column but id)."""
    # Create-or-replace: on PostgreSQL two at once would both create.
    hold_exclusive(conn, Exclusive.GROUP_SETUP)
    if channel_config(conn, channel_id) is None:
        conn.execute(insert(DailyConfig).values(channel_id=channel_id, **values))
    else:
        conn.execute(
            update(DailyConfig).where(DailyConfig.channel_id == channel_id).values(**values))
    saved = channel_config(conn, channel_id)
    assert saved is not None
    return saved


def channel_config(conn: Connection, channel_id: int) -> ConfigRow | None:
    found = _configs(conn, _CONFIG.where(DailyConfig.channel_id == channel_id))
    return found[0] if found else None


def config_by_id(conn: Connection, config_id: int) -> ConfigRow | None:
    found = _configs(conn, _CONFIG.where(DailyConfig.id == config_id))
    return found[0] if found else None


def guild_configs(conn: Connection, guild_id: int) -> list[ConfigRow]:
    return _configs(conn, _CONFIG.where(DailyConfig.guild_id == guild_id).order_by(DailyConfig.id))


def active_configs(conn: Connection) -> list[ConfigRow]:
    """Every config not paused."""
    return _configs(conn, _CONFIG.where(DailyConfig.paused.is_(False)))


def set_paused(conn: Connection, guild_id: int, channel_id: int, paused: bool) -> bool:
    """False when the channel has no daily question in this guild."""
    result = conn.execute(
        update(DailyConfig)
        .where(DailyConfig.guild_id == guild_id, DailyConfig.channel_id == channel_id)
        .values(paused=paused)
    )
    return bool(result.rowcount)


def delete_config(conn: Connection, guild_id: int, channel_id: int) -> bool:
    """False when the channel has no daily question in this guild."""
    result = conn.execute(
        delete(DailyConfig).where(
            DailyConfig.guild_id == guild_id, DailyConfig.channel_id == channel_id
        )
    )
    return bool(result.rowcount)
