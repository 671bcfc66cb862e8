"""Study groups: daily channel questions, their answers, and learners' DM reminders.

Same ``Base`` as bot.storage.models, so one metadata (and one Alembic head)
describes the whole schema.  The rows here are the source of truth for the
jobs: the scheduler only wakes the bot, which then reads what is due.

- ``daily_posts`` has one row per (channel, local date); inserting it *is*
  claiming the post, so a restart, a retry or a second process that tries
  the same day gets an IntegrityError instead of posting twice.
- ``daily_answers`` has one row per (post, member): the first answer counts.
"""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Date,
    ForeignKey,
    Index,
    Integer,
    SmallInteger,
    String,
    Text,
    Time,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from bot.storage.models import Base

#: daily_posts.status values, in the order a post goes through them.
POST_CLAIMED = "claimed"  # row inserted, message not sent yet
POST_POSTED = "posted"  # message in the channel, answers open
POST_REVEALED = "revealed"  # answer shown, post closed
POST_SKIPPED = "skipped"  # time passed beyond the grace period while the bot was down
POST_FAILED = "failed"  # Discord refused the message (channel gone, permissions)


class DailyConfig(Base):
    """One study group's daily question: which channel, deck and local time."""

    __tablename__ = "daily_configs"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    guild_id: Mapped[int] = mapped_column(BigInteger, index=True)
    channel_id: Mapped[int] = mapped_column(BigInteger, unique=True)
    deck_id: Mapped[str] = mapped_column(ForeignKey("decks.id", ondelete="CASCADE"))
    post_time: Mapped[time] = mapped_column(Time)
    timezone: Mapped[str] = mapped_column(String(64))
    reveal_after_minutes: Mapped[int] = mapped_column(Integer)
    language: Mapped[str] = mapped_column(String(8))
    paused: Mapped[bool] = mapped_column(Boolean, default=False)
    created_by: Mapped[int] = mapped_column(BigInteger)
    created_at: Mapped[datetime]
    #: The group's exam date: its members studying the deck get the exam plan.
    exam_date: Mapped[date | None] = mapped_column(Date)


class DailyPost(Base):
    """One day's question in one channel; the row is inserted before anything is sent."""

    __tablename__ = "daily_posts"
    __table_args__ = (
        UniqueConstraint("channel_id", "local_date"),
        Index("ix_daily_posts_status_reveal", "status", "reveal_due_at"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    guild_id: Mapped[int] = mapped_column(BigInteger)
    channel_id: Mapped[int] = mapped_column(BigInteger)
    local_date: Mapped[date] = mapped_column(Date)
    card_pk: Mapped[int | None] = mapped_column(ForeignKey("cards.pk", ondelete="SET NULL"))
    face: Mapped[int] = mapped_column(SmallInteger)
    choice_order: Mapped[list[int] | None] = mapped_column(JSON)
    #: A choice face's options as posted, and its answer: every member's click is
    #: graded by these, whatever a reload does (bot.study.cards.shown_choice).
    shown: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    seed: Mapped[int] = mapped_column(BigInteger)
    message_id: Mapped[int | None] = mapped_column(BigInteger)
    claimed_at: Mapped[datetime]
    posted_at: Mapped[datetime | None]
    reveal_due_at: Mapped[datetime]
    revealed_at: Mapped[datetime | None]
    status: Mapped[str] = mapped_column(String(16))


class DailyAnswer(Base):
    """A member's one answer to one post; a second attempt finds this row and changes nothing."""

    __tablename__ = "daily_answers"
    __table_args__ = (
        UniqueConstraint("post_id", "user_id"),
        Index("ix_daily_answers_user", "user_id", "answered_at"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    post_id: Mapped[int] = mapped_column(ForeignKey("daily_posts.id", ondelete="CASCADE"))
    user_id: Mapped[int] = mapped_column(BigInteger)
    response: Mapped[str] = mapped_column(Text)
    correct: Mapped[bool] = mapped_column(Boolean)
    points: Mapped[int] = mapped_column(Integer)
    answered_at: Mapped[datetime]


class Reminder(Base):
    """A learner's opt-in daily DM: at most one per study day, only when cards are due."""

    __tablename__ = "reminders"

    user_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    enabled: Mapped[bool] = mapped_column(Boolean)
    local_time: Mapped[time] = mapped_column(Time)
    last_sent_date: Mapped[date | None] = mapped_column(Date)
    disabled_reason: Mapped[str | None] = mapped_column(String(32))
    notice_pending: Mapped[bool] = mapped_column(Boolean, default=False)
    updated_at: Mapped[datetime]
