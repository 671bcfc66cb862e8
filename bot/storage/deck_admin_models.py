"""What maintainers need remembered: every deck reload's result, and where to report them.

- ``deck_reloads`` keeps one row per reload attempt of one deck file, good or
  broken, so ``/deck info`` can show the last result and a maintainer can see
  that a broken edit was refused while the previous version kept serving.
  ``deck_id`` is deliberately not a foreign key: a brand-new file that never
  loaded still has a result to show.
- ``deck_log_channels`` is one channel per guild that hears about every reload.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, BigInteger, Boolean, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from bot.storage.models import Base


class DeckReload(Base):
    """One reload of one deck file: what changed, or why it was refused."""

    __tablename__ = "deck_reloads"
    __table_args__ = (Index("ix_deck_reloads_deck_at", "deck_id", "at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    deck_id: Mapped[str] = mapped_column(String(64))
    path: Mapped[str] = mapped_column(Text)
    at: Mapped[datetime]
    ok: Mapped[bool] = mapped_column(Boolean)
    #: {"added": [...], "changed": [...], "retired": [...], "restored": [...]} card ids
    summary: Mapped[dict[str, Any]] = mapped_column(JSON)
    #: ``file:line:col: message`` lines, empty when the reload succeeded
    problems: Mapped[list[str]] = mapped_column(JSON)
    trigger: Mapped[str] = mapped_column(String(16))
    by_user: Mapped[int | None] = mapped_column(BigInteger)


class DeckLogChannel(Base):
    """The maintainers' log channel of one guild."""

    __tablename__ = "deck_log_channels"

    guild_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    channel_id: Mapped[int] = mapped_column(BigInteger)
    set_by: Mapped[int] = mapped_column(BigInteger)
    set_at: Mapped[datetime]
