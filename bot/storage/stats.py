"""What a learner's numbers are counted from: review_states (what is due) and review_log."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import Connection, Select, bindparam, case, func, select

from bot.storage.models import Card, CardFace, ReviewLog, ReviewState
from bot.storage.prepared import Prepared
from bot.storage.queue_queries import DeckScope, scope_condition

#: Most study days read back for a streak (ten years).
STREAK_DAYS = 3660


def _live(scope: DeckScope, *columns: Any) -> Select[Any]:
    """Review states of faces still in the learner's decks."""
    return (
        select(*columns)
        .select_from(ReviewState)
        .join(Card, Card.pk == ReviewState.card_pk)
        .join(
            CardFace,
            (CardFace.card_pk == ReviewState.card_pk) & (CardFace.face == ReviewState.face),
        )
        .where(ReviewState.user_id == scope.user_id, scope.condition())
    )


def due_count(conn: Connection, scope: DeckScope, today: date) -> int:
    """Faces due by ``today`` (overdue included), before any daily limit."""
    return int(conn.execute(_live(scope, func.count()).where(ReviewState.due <= today)).scalar()
               or 0)


def _due_per_day(one_deck: bool) -> Prepared:
    due = ReviewState.due
    return Prepared(
        select(due, func.count())
        .select_from(ReviewState)
        .join(Card, Card.pk == ReviewState.card_pk)
        .join(
            CardFace,
            (CardFace.card_pk == ReviewState.card_pk) & (CardFace.face == ReviewState.face),
        )
        .where(
            ReviewState.user_id == bindparam("scope_user"),
            scope_condition(one_deck),
            due > bindparam("after", type_=due.type),
            due <= bindparam("until", type_=due.type),
        )
        .group_by(due)
    )


#: Every session's summary reads these (its outlook and streak): built once.
_DUE_PER_DAY = {one_deck: _due_per_day(one_deck) for one_deck in (True, False)}
_STUDY_DAYS = Prepared(
    select(ReviewLog.study_date)
    .where(ReviewLog.user_id == bindparam("user"))
    .distinct()
    .order_by(ReviewLog.study_date.desc())
    .limit(STREAK_DAYS)
)


def due_per_day(conn: Connection, scope: DeckScope, after: date, until: date) -> dict[date, int]:
    """Faces falling due on each day in (after, until]."""
    rows = _DUE_PER_DAY[scope.deck_id is not None].tuples(
        conn, {**scope.params(), "after": after, "until": until}
    )
    return {d: int(n) for d, n in rows}


def reviews_per_day(conn: Connection, user_id: int, since: date) -> dict[date, tuple[int, int]]:
    """Study day -> (answers, right answers) from ``since`` on."""
    correct = func.sum(case((ReviewLog.quality >= 3, 1), else_=0))
    rows = conn.execute(
        select(ReviewLog.study_date, func.count(), correct)
        .where(ReviewLog.user_id == user_id, ReviewLog.study_date >= since)
        .group_by(ReviewLog.study_date)
    )
    return {d: (int(n), int(c or 0)) for d, n, c in rows}


def study_days(conn: Connection, user_id: int) -> set[date]:
    """The learner's study days with at least one answer, the latest `STREAK_DAYS`."""
    return {day for (day,) in _STUDY_DAYS.tuples(conn, {"user": user_id})}


def answer_count(conn: Connection, user_id: int) -> int:
    query = select(func.count()).select_from(ReviewLog).where(ReviewLog.user_id == user_id)
    return int(conn.execute(query).scalar() or 0)


def faces_seen(conn: Connection, user_id: int) -> int:
    query = select(func.count()).select_from(ReviewState).where(ReviewState.user_id == user_id)
    return int(conn.execute(query).scalar() or 0)
