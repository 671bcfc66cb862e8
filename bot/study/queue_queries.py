"""The queue of one learner, read with indexed queries instead of loading a deck.

The rules live in bot.srs.queue; these queries fetch just the candidates the
rules need (due faces by the (user, due) index, the first new faces in deck
order), so the next face costs the same with 10 cards or 1,000,000 states.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import ColumnElement, and_, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.srs.queue import DayProgress
from bot.storage.models import Card, CardFace, Enrollment, Prompt, ReviewLog, ReviewState

FaceKey = tuple[int, int]  # (card pk, face)

KIND_NEW = "new"
KIND_REVIEW = "review"
KIND_DRILL = "drill"
#: Log kinds that moved the schedule; replaying them rebuilds review_states.
SCHEDULING_KINDS = (KIND_NEW, KIND_REVIEW)


@dataclass(frozen=True, slots=True)
class DeckScope:
    """Which decks a session draws from: one deck, or all the learner's decks."""

    user_id: int
    deck_id: str | None

    def condition(self) -> ColumnElement[bool]:
        live = Card.retired_at.is_(None)
        if self.deck_id is not None:
            return and_(live, Card.deck_id == self.deck_id)
        enrolled = select(Enrollment.deck_id).where(Enrollment.user_id == self.user_id)
        return and_(live, Card.deck_id.in_(enrolled.scalar_subquery()))


async def due_face_keys(
    session: AsyncSession, scope: DeckScope, today: date, limit: int
) -> list[FaceKey]:
    """Due faces, most overdue first, then in deck order."""
    if limit <= 0:
        return []
    query = (
        select(ReviewState.card_pk, ReviewState.face)
        .join(Card, Card.pk == ReviewState.card_pk)
        .join(
            CardFace,
            and_(CardFace.card_pk == ReviewState.card_pk, CardFace.face == ReviewState.face),
        )
        .where(ReviewState.user_id == scope.user_id, ReviewState.due <= today, scope.condition())
        .order_by(ReviewState.due, Card.deck_id, CardFace.position, CardFace.face)
        .limit(limit)
    )
    return [(pk, face) for pk, face in (await session.execute(query)).all()]


async def new_face_keys(session: AsyncSession, scope: DeckScope, limit: int) -> list[FaceKey]:
    """Faces the learner has never reviewed, in deck order."""
    if limit <= 0:
        return []
    state = and_(
        ReviewState.user_id == scope.user_id,
        ReviewState.card_pk == CardFace.card_pk,
        ReviewState.face == CardFace.face,
    )
    query = (
        select(CardFace.card_pk, CardFace.face)
        .join(Card, Card.pk == CardFace.card_pk)
        .where(scope.condition(), ~select(ReviewState.face).where(state).exists())
        .order_by(Card.deck_id, CardFace.position, CardFace.face)
        .limit(limit)
    )
    return [(pk, face) for pk, face in (await session.execute(query)).all()]


async def day_progress(session: AsyncSession, user_id: int, today: date) -> DayProgress:
    """New faces introduced and reviews done on the learner's study day."""
    query = (
        select(ReviewLog.kind, func.count())
        .where(ReviewLog.user_id == user_id, ReviewLog.study_date == today)
        .group_by(ReviewLog.kind)
    )
    counts = {kind: n for kind, n in (await session.execute(query)).all()}
    return DayProgress(
        new_introduced=counts.get(KIND_NEW, 0), reviews_done=counts.get(KIND_REVIEW, 0)
    )


async def session_answers(session: AsyncSession, session_id: int) -> list[tuple[FaceKey, int]]:
    """The session's (face, quality) log in answer order, for the drill rules."""
    query = (
        select(ReviewLog.card_pk, ReviewLog.face, ReviewLog.quality)
        .where(ReviewLog.session_id == session_id)
        .order_by(ReviewLog.id)
    )
    return [((pk, face), q) for pk, face, q in (await session.execute(query)).all()]


async def skipped_faces(session: AsyncSession, session_id: int) -> set[FaceKey]:
    """Faces put aside in this session: not shown again until the next one."""
    query = select(Prompt.card_pk, Prompt.face).where(
        Prompt.session_id == session_id, Prompt.skipped.is_(True), Prompt.answered_at.is_(None)
    )
    return {(pk, face) for pk, face in (await session.execute(query)).all()}


def count_remaining(
    queue: Sequence[FaceKey],
    answers: Sequence[tuple[FaceKey, int]],
    drill: Sequence[FaceKey],
    skipped: Collection[FaceKey] = (),
) -> int:
    """Faces still to show in this session, drilled faces included."""
    done = {key for key, _ in answers} | set(skipped)
    return sum(1 for key in queue if key not in done) + sum(
        1 for key in drill if key not in skipped
    )
