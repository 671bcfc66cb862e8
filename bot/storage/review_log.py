"""Reading the append-only review log and the states it rebuilds, whole: exports and checks."""

from __future__ import annotations

from collections.abc import Iterator

from sqlalchemy import Connection, select

from bot.storage.models import Card, ReviewLog, ReviewState, User, schedule_columns
from bot.storage.queue_queries import SCHEDULING_KINDS
from bot.storage.rows import AnyRow

#: Rows fetched at a time when streaming the whole log.
STREAM_ROWS = 10_000


def learner_log(conn: Connection, user_id: int) -> list[AnyRow]:
    """Every answer the learner gave, oldest first: (reviewed_at, study_date, deck_id,
    card_id, face, kind, quality, answer, ease_cents, interval, due)."""
    query = (
        select(
            ReviewLog.reviewed_at, ReviewLog.study_date, Card.deck_id, Card.card_id,
            ReviewLog.face, ReviewLog.kind, ReviewLog.quality, ReviewLog.answer,
            ReviewLog.ease_cents, ReviewLog.interval, ReviewLog.due,
        )
        .join(Card, Card.pk == ReviewLog.card_pk)
        .where(ReviewLog.user_id == user_id)
        .order_by(ReviewLog.reviewed_at, ReviewLog.id)
    )
    return list(conn.execute(query).all())


def stored_states(conn: Connection) -> Iterator[AnyRow]:
    """Every review state with its learner's FSRS retention: (user_id, card_pk, face,
    scheduler, ease_cents, repetitions, interval, due, stability, difficulty, last_review,
    desired_retention)."""
    yield from conn.execution_options(yield_per=STREAM_ROWS).execute(
        select(
            ReviewState.user_id,
            ReviewState.card_pk,
            ReviewState.face,
            *schedule_columns(),
            User.desired_retention,
        ).join(User, User.id == ReviewState.user_id)
    )


def scheduling_log(conn: Connection) -> Iterator[AnyRow]:
    """Every review that moved a schedule, in (user, card, face, id) order:
    (user_id, card_pk, face, quality, study_date, exam_date)."""
    yield from conn.execution_options(yield_per=STREAM_ROWS).execute(
        select(
            ReviewLog.user_id,
            ReviewLog.card_pk,
            ReviewLog.face,
            ReviewLog.quality,
            ReviewLog.study_date,
            ReviewLog.exam_date,
        )
        .where(ReviewLog.kind.in_(SCHEDULING_KINDS))
        .order_by(ReviewLog.user_id, ReviewLog.card_pk, ReviewLog.face, ReviewLog.id)
    )
