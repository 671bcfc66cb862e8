"""Learners' rows and the decks they study."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import Connection, bindparam, delete, exists, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from bot.storage.models import Deck, Enrollment, ReviewLog, User


@dataclass(frozen=True, slots=True)
class LearnerDefaults:
    """Settings a new learner starts with (from the bot's configuration)."""

    timezone: str = "Asia/Seoul"
    new_per_day: int = 20
    reviews_per_day: int = 200
    rollover_hour: int = 4
    locale: str | None = None


@dataclass(frozen=True, slots=True)
class Learner:
    """A learner's row: their settings and the study day they keep (bot.srs.day.keep_day)."""

    id: int
    timezone: str
    locale: str | None
    new_per_day: int
    reviews_per_day: int
    rollover_hour: int
    kept_day: date | None
    kept_until: datetime | None
    scheduler: str | None = None  # None: each deck's default, else SM-2
    desired_retention: float = 0.9


def _insert(conn: Connection) -> Any:
    return pg_insert if conn.dialect.name == "postgresql" else sqlite_insert


def insert_user_if_missing(
    conn: Connection, user_id: int, defaults: LearnerDefaults, now: datetime
) -> None:
    """Create the learner's row with the defaults on first contact.

    INSERT ... ON CONFLICT DO NOTHING, so two first interactions at once (a
    double click) cannot fail on the primary key.
    """
    conn.execute(
        _insert(conn)(User)
        .values(
            id=user_id,
            timezone=defaults.timezone,
            locale=defaults.locale,
            new_per_day=defaults.new_per_day,
            reviews_per_day=defaults.reviews_per_day,
            rollover_hour=defaults.rollover_hour,
            created_at=now,
        )
        .on_conflict_do_nothing()
    )


_LEARNER = select(
    User.id,
    User.timezone,
    User.locale,
    User.new_per_day,
    User.reviews_per_day,
    User.rollover_hour,
    User.kept_day,
    User.kept_until,
    User.scheduler,
    User.desired_retention,
).where(User.id == bindparam("user"))


def learner(conn: Connection, user_id: int) -> Learner | None:
    row = conn.execute(_LEARNER, {"user": user_id}).first()
    return None if row is None else Learner(**row._mapping)


def ensure_learner(
    conn: Connection, user_id: int, defaults: LearnerDefaults, now: datetime
) -> Learner:
    """The learner's row, created with the defaults on first contact."""
    found = learner(conn, user_id)
    if found is not None:
        return found
    insert_user_if_missing(conn, user_id, defaults, now)
    created = learner(conn, user_id)
    assert created is not None
    return created


def update_learner(conn: Connection, user_id: int, **values: Any) -> None:
    """Set columns of the learner's row (timezone, locale, limits, rollover, kept day,
    scheduler, desired retention)."""
    conn.execute(update(User).where(User.id == user_id).values(**values))


def saved_locale(conn: Connection, user_id: int) -> str | None:
    """The language the learner chose, or None (also for someone never seen)."""
    locale = conn.execute(select(User.locale).where(User.id == user_id)).scalar()
    return None if locale is None else str(locale)


def learner_exists(conn: Connection, user_id: int) -> bool:
    return conn.execute(select(exists().where(User.id == user_id))).scalar() is True


def studied_on(conn: Connection, user_id: int, day: date) -> bool:
    """Whether the learner answered anything on study day ``day``."""
    query = select(exists().where(ReviewLog.user_id == user_id, ReviewLog.study_date == day))
    return conn.execute(query).scalar() is True


def deck_exists(conn: Connection, deck_id: str) -> bool:
    return conn.execute(select(exists().where(Deck.id == deck_id))).scalar() is True


def deck_ids(conn: Connection) -> list[str]:
    return list(conn.execute(select(Deck.id).order_by(Deck.id)).scalars())


def enrolled_deck_ids(conn: Connection, user_id: int) -> list[str]:
    rows = conn.execute(
        select(Enrollment.deck_id).where(Enrollment.user_id == user_id).order_by(Enrollment.deck_id)
    )
    return list(rows.scalars())


def enroll(conn: Connection, user_id: int, deck_id: str, now: datetime) -> bool:
    """Join a deck; False when already joined (two joins at once: one of them)."""
    result = conn.execute(
        _insert(conn)(Enrollment)
        .values(user_id=user_id, deck_id=deck_id, joined_at=now)
        .on_conflict_do_nothing()
    )
    return bool(result.rowcount)


def leave(conn: Connection, user_id: int, deck_id: str) -> bool:
    """Leave a deck; the learner's history stays, so rejoining resumes it."""
    result = conn.execute(
        delete(Enrollment).where(Enrollment.user_id == user_id, Enrollment.deck_id == deck_id)
    )
    return bool(result.rowcount)
