"""SQLAlchemy 2.0 typed models: the database is the source of truth.

Snowflakes are ``BigInteger``; every instant is stored in UTC (``UtcDateTime``
gives back aware datetimes on SQLite too); study dates are local ``Date``s.
``review_log`` is append-only: every answer ever given, from which stats are
computed and review_states can be rebuilt.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Date,
    DateTime,
    Double,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    SmallInteger,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

#: review_states.scheduler / users.scheduler / decks.scheduler values (bot.srs.SchedulerKind).
SCHEDULER_SM2 = "sm2"
SCHEDULER_FSRS = "fsrs"

#: The largest row id (prompts, posts, sessions): their columns are INTEGER,
#: 32-bit on PostgreSQL (64-bit on SQLite, which never holds that many rows).
#: Anything above it in a custom_id is forged, and must be refused before it
#: reaches the driver: asyncpg raises on an out-of-range int4 instead of matching nothing.
MAX_ROW_ID = 2**31 - 1

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UtcDateTime(TypeDecorator[datetime]):
    """A timestamp stored in UTC and always read back timezone-aware.

    SQLite has no time zones and returns naive datetimes; normalising here
    keeps "store UTC" a property of the schema rather than of every caller.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map: ClassVar[dict[Any, Any]] = {
        datetime: UtcDateTime,
        dict[str, Any]: JSON,
        list[int]: JSON,
    }


class User(Base):
    """A learner: a Discord user id, or the local terminal learner."""

    __tablename__ = "users"

    id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    timezone: Mapped[str] = mapped_column(String(64))
    locale: Mapped[str | None] = mapped_column(String(16))
    new_per_day: Mapped[int] = mapped_column(Integer)
    reviews_per_day: Mapped[int] = mapped_column(Integer)
    rollover_hour: Mapped[int] = mapped_column(SmallInteger)
    created_at: Mapped[datetime]
    #: The study day in progress when the zone or rollover hour last changed, kept
    #: until ``kept_until`` (bot.srs.day.keep_day): a day already spent stays spent.
    kept_day: Mapped[date | None] = mapped_column(Date)
    kept_until: Mapped[datetime | None]
    #: The scheduler the learner chose (``sm2`` or ``fsrs``); NULL: not chosen, so each
    #: deck's default applies (``decks.scheduler``), else SM-2.
    scheduler: Mapped[str | None] = mapped_column(String(8))
    #: FSRS's desired retention (0.70-0.97), used only under FSRS.
    desired_retention: Mapped[float] = mapped_column(Double, server_default="0.9")


class Deck(Base):
    __tablename__ = "decks"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    lang: Mapped[str] = mapped_column(String(8))
    path: Mapped[str] = mapped_column(Text)
    content_hash: Mapped[str] = mapped_column(String(64))
    loaded_at: Mapped[datetime]
    #: The deck file's ``scheduler:``: the default of learners who chose none.
    scheduler: Mapped[str | None] = mapped_column(String(8))


class Card(Base):
    """A card of a deck file; ``card_id`` is the file's id, the key of all history."""

    __tablename__ = "cards"
    __table_args__ = (UniqueConstraint("deck_id", "card_id"),)

    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    deck_id: Mapped[str] = mapped_column(ForeignKey("decks.id", ondelete="CASCADE"), index=True)
    card_id: Mapped[str] = mapped_column(String(64))
    type: Mapped[str] = mapped_column(String(16))
    position: Mapped[int] = mapped_column(Integer)
    line: Mapped[int | None] = mapped_column(Integer)
    content: Mapped[dict[str, Any]]
    faces: Mapped[list[int]]
    #: What the card's siblings share (bot.decks.siblings): the queue shows one of them a
    #: day.  Written by every deck sync; NULL only until the first one after revision 0007.
    sibling: Mapped[str | None] = mapped_column(String(16))
    retired_at: Mapped[datetime | None]
    updated_at: Mapped[datetime]


class CardFace(Base):
    """One reviewable face (a cloze card with c1..cN has N), so SQL can find new faces."""

    __tablename__ = "card_faces"

    card_pk: Mapped[int] = mapped_column(
        ForeignKey("cards.pk", ondelete="CASCADE"), primary_key=True
    )
    face: Mapped[int] = mapped_column(SmallInteger, primary_key=True)
    position: Mapped[int] = mapped_column(Integer)


class Enrollment(Base):
    """A learner studies a deck."""

    __tablename__ = "enrollments"

    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    deck_id: Mapped[str] = mapped_column(
        ForeignKey("decks.id", ondelete="CASCADE"), primary_key=True
    )
    joined_at: Mapped[datetime]


class ReviewState(Base):
    """The schedule of one face for one learner; absent means never reviewed.

    ``scheduler`` says which columns hold it: SM-2's ``ease_cents`` and
    ``repetitions``, or FSRS's ``stability``, ``difficulty`` and ``last_review``;
    ``interval`` and ``due`` are both's.
    """

    __tablename__ = "review_states"
    __table_args__ = (Index("ix_review_states_user_due", "user_id", "due"),)

    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    card_pk: Mapped[int] = mapped_column(
        ForeignKey("cards.pk", ondelete="CASCADE"), primary_key=True
    )
    face: Mapped[int] = mapped_column(SmallInteger, primary_key=True)
    scheduler: Mapped[str] = mapped_column(String(8), server_default=SCHEDULER_SM2)
    ease_cents: Mapped[int | None] = mapped_column(SmallInteger)
    repetitions: Mapped[int | None] = mapped_column(Integer)
    interval: Mapped[int] = mapped_column(BigInteger)  # SM-2 intervals have no cap
    due: Mapped[date | None] = mapped_column(Date)
    stability: Mapped[float | None] = mapped_column(Double)
    difficulty: Mapped[float | None] = mapped_column(Double)
    #: FSRS's study day of the last scheduling review.
    last_review: Mapped[date | None] = mapped_column(Date)
    lapses: Mapped[int] = mapped_column(Integer, default=0)
    last_reviewed_at: Mapped[datetime | None]


#: The columns that hold a face's schedule under either scheduler, in the order
#: bot.study.scheduling.stored_state takes them.
SCHEDULE_COLUMNS = ("scheduler", "ease_cents", "repetitions", "interval", "due", "stability",
                    "difficulty", "last_review")


def schedule_columns(states: Any = ReviewState) -> list[Any]:
    """`SCHEDULE_COLUMNS` of review_states (or of an alias of it), for a select."""
    return [getattr(states, name) for name in SCHEDULE_COLUMNS]



class StudySession(Base):
    __tablename__ = "study_sessions"
    __table_args__ = (Index("ix_study_sessions_user_open", "user_id", "ended_at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    deck_id: Mapped[str | None] = mapped_column(ForeignKey("decks.id", ondelete="SET NULL"))
    front_end: Mapped[str] = mapped_column(String(16))
    #: ``review`` (today's queue) or ``mistakes`` (a drill of the week's misses, which
    #: never reschedules): bot.study.prompting's SESSION_MODES.
    mode: Mapped[str] = mapped_column(String(16), default="review", server_default="review")
    study_date: Mapped[date] = mapped_column(Date)
    started_at: Mapped[datetime]
    ended_at: Mapped[datetime | None]


class Prompt(Base):
    """One showing of a face: the key a button or a typed answer refers to.

    Answering marks it answered in the same transaction as the review, so a
    second answer to the same prompt (a double click) records nothing.
    """

    __tablename__ = "prompts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    session_id: Mapped[int] = mapped_column(
        ForeignKey("study_sessions.id", ondelete="CASCADE"), index=True
    )
    user_id: Mapped[int] = mapped_column(BigInteger)
    card_pk: Mapped[int] = mapped_column(ForeignKey("cards.pk", ondelete="CASCADE"))
    face: Mapped[int] = mapped_column(SmallInteger)
    choice_order: Mapped[list[int] | None] = mapped_column(JSON)
    #: A choice face's options in the order shown, and its answer: the click is graded
    #: by these, not by the card as a later edit left it (bot.study.cards.shown_choice).
    shown: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    shown_at: Mapped[datetime]
    answered_at: Mapped[datetime | None]
    skipped: Mapped[bool] = mapped_column(Boolean, default=False)


class ReviewLog(Base):
    """Append-only: one row per answer ever given.  Never updated or deleted."""

    __tablename__ = "review_log"
    __table_args__ = (
        Index("ix_review_log_user_date", "user_id", "study_date"),
        Index("ix_review_log_user_face", "user_id", "card_pk", "face"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(BigInteger)
    card_pk: Mapped[int] = mapped_column(ForeignKey("cards.pk", ondelete="CASCADE"))
    face: Mapped[int] = mapped_column(SmallInteger)
    prompt_id: Mapped[int | None] = mapped_column(
        ForeignKey("prompts.id", ondelete="SET NULL"), unique=True
    )
    session_id: Mapped[int | None] = mapped_column(Integer, index=True)
    kind: Mapped[str] = mapped_column(String(16))
    quality: Mapped[int] = mapped_column(SmallInteger)
    answer: Mapped[str | None] = mapped_column(Text)
    reviewed_at: Mapped[datetime]
    study_date: Mapped[date] = mapped_column(Date)
    #: The schedule after the answer; ease and repetitions are NULL under FSRS.
    ease_cents: Mapped[int | None] = mapped_column(SmallInteger)
    repetitions: Mapped[int | None] = mapped_column(Integer)
    interval: Mapped[int] = mapped_column(BigInteger)  # SM-2 intervals have no cap
    due: Mapped[date | None] = mapped_column(Date)
    #: The exam date in force for the face's deck when it was answered (it may have
    #: moved the due date), so a replay and `db verify` apply the same cap.
    exam_date: Mapped[date | None] = mapped_column(Date)


class ExamDate(Base):
    """A learner's exam date for one deck (bot/srs/exam.py): plan and last-week cap."""

    __tablename__ = "exam_dates"

    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    deck_id: Mapped[str] = mapped_column(
        ForeignKey("decks.id", ondelete="CASCADE"), primary_key=True
    )
    exam_date: Mapped[date] = mapped_column(Date)
    set_at: Mapped[datetime]
