"""The queue of one learner, read with indexed queries instead of loading a deck.

The rules live in bot.srs.queue; these queries fetch just the candidates the
rules need (due faces by the (user, due) index, the first new faces in deck
order), so the next face costs the same with 10 cards or 1,000,000 states.
They are synchronous functions of a ``Connection`` with statements built once,
run by the use cases of bot.study through the transaction runner.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import (
    ColumnElement,
    Connection,
    Select,
    and_,
    bindparam,
    func,
    select,
    union_all,
)

from bot.srs.queue import DayProgress
from bot.srs.sm2 import PASSING_QUALITY
from bot.storage.daily_models import DailyAnswer, DailyPost
from bot.storage.models import Card, CardFace, Enrollment, Prompt, ReviewLog, ReviewState
from bot.storage.prepared import Prepared

FaceKey = tuple[int, int]  # (card pk, face)
#: A face and its card's sibling key (None until the card's deck is next synced).
Candidate = tuple[FaceKey, str | None]

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

    def params(self) -> dict[str, object]:
        return {"scope_user": self.user_id, "scope_deck": self.deck_id}


def scope_condition(one_deck: bool) -> ColumnElement[bool]:
    """`DeckScope.condition` with its values bound by name (``DeckScope.params``), for
    statements built once."""
    live = Card.retired_at.is_(None)
    if one_deck:
        return and_(live, Card.deck_id == bindparam("scope_deck"))
    enrolled = select(Enrollment.deck_id).where(Enrollment.user_id == bindparam("scope_user"))
    return and_(live, Card.deck_id.in_(enrolled.scalar_subquery()))


def _due_query(one_deck: bool) -> Select[int, int, str | None]:
    return (
        select(ReviewState.card_pk, ReviewState.face, Card.sibling)
        .join(Card, Card.pk == ReviewState.card_pk)
        .join(
            CardFace,
            and_(CardFace.card_pk == ReviewState.card_pk, CardFace.face == ReviewState.face),
        )
        .where(
            ReviewState.user_id == bindparam("scope_user"),
            ReviewState.due <= bindparam("today"),
            scope_condition(one_deck),
        )
        .order_by(ReviewState.due, Card.deck_id, CardFace.position, CardFace.face)
        .limit(bindparam("limit"))
        .offset(bindparam("offset"))
    )


def _new_query(one_deck: bool) -> Select[int, int, str | None]:
    state = and_(
        ReviewState.user_id == bindparam("scope_user"),
        ReviewState.card_pk == CardFace.card_pk,
        ReviewState.face == CardFace.face,
    )
    return (
        select(CardFace.card_pk, CardFace.face, Card.sibling)
        .join(Card, Card.pk == CardFace.card_pk)
        .where(scope_condition(one_deck), ~select(ReviewState.face).where(state).exists())
        .order_by(Card.deck_id, CardFace.position, CardFace.face)
        .limit(bindparam("limit"))
        .offset(bindparam("offset"))
    )


def _missed_query(one_deck: bool) -> Select[int, int, str | None]:
    return (
        select(ReviewLog.card_pk, ReviewLog.face, Card.sibling)
        .join(Card, Card.pk == ReviewLog.card_pk)
        .join(
            CardFace,
            and_(CardFace.card_pk == ReviewLog.card_pk, CardFace.face == ReviewLog.face),
        )
        .where(
            ReviewLog.user_id == bindparam("scope_user"),
            ReviewLog.study_date >= bindparam("since"),
            ReviewLog.quality < PASSING_QUALITY,
            scope_condition(one_deck),
        )
        .group_by(ReviewLog.card_pk, ReviewLog.face, Card.sibling)
        .order_by(func.max(ReviewLog.id).desc())
        .limit(bindparam("limit"))
        .offset(bindparam("offset"))
    )


_DUE = {one: Prepared(_due_query(one)) for one in (True, False)}
_NEW = {one: Prepared(_new_query(one)) for one in (True, False)}
_MISSED = {one: Prepared(_missed_query(one)) for one in (True, False)}
_PROGRESS = Prepared(
    select(ReviewLog.kind, func.count())
    .where(ReviewLog.user_id == bindparam("user"), ReviewLog.study_date == bindparam("today"))
    .group_by(ReviewLog.kind)
)
_ANSWERS = Prepared(
    select(ReviewLog.card_pk, ReviewLog.face, ReviewLog.quality)
    .where(ReviewLog.session_id == bindparam("session"))
    .order_by(ReviewLog.id)
)
_SKIPPED = Prepared(select(Prompt.card_pk, Prompt.face).where(
    Prompt.session_id == bindparam("session"),
    Prompt.skipped.is_(True),
    Prompt.answered_at.is_(None),
))
#: The faces answered on a study day: its review log, then the daily questions answered
#: since the day began (one statement: every card drawn reads it).
_ANSWERED_TODAY = Prepared(union_all(
    select(ReviewLog.card_pk, ReviewLog.face, Card.sibling)
    .join(Card, Card.pk == ReviewLog.card_pk)
    .where(ReviewLog.user_id == bindparam("user"), ReviewLog.study_date == bindparam("today")),
    select(DailyPost.card_pk, DailyPost.face, Card.sibling)
    .select_from(DailyAnswer)
    .join(DailyPost, DailyPost.id == DailyAnswer.post_id)
    .join(Card, Card.pk == DailyPost.card_pk)
    .where(
        DailyAnswer.user_id == bindparam("user"),
        DailyAnswer.answered_at >= bindparam("since", type_=DailyAnswer.answered_at.type),
    ),
))


def due_candidates(
    conn: Connection, scope: DeckScope, today: date, limit: int, offset: int = 0
) -> list[Candidate]:
    """Due faces with their sibling keys, most overdue first, then in deck order."""
    if limit <= 0:
        return []
    rows = _DUE[scope.deck_id is not None].tuples(
        conn, {**scope.params(), "today": today, "limit": limit, "offset": offset}
    )
    return [((pk, face), sibling) for pk, face, sibling in rows]


def new_candidates(
    conn: Connection, scope: DeckScope, limit: int, offset: int = 0
) -> list[Candidate]:
    """Faces the learner has never reviewed, with their sibling keys, in deck order."""
    if limit <= 0:
        return []
    rows = _NEW[scope.deck_id is not None].tuples(
        conn, {**scope.params(), "limit": limit, "offset": offset}
    )
    return [((pk, face), sibling) for pk, face, sibling in rows]


def missed_candidates(
    conn: Connection, scope: DeckScope, since: date, limit: int, offset: int = 0
) -> list[Candidate]:
    """Faces the learner got wrong (q < 3) on a study day since ``since``, with their sibling
    keys, most recently missed first."""
    if limit <= 0:
        return []
    rows = _MISSED[scope.deck_id is not None].tuples(
        conn, {**scope.params(), "since": since, "limit": limit, "offset": offset}
    )
    return [((pk, face), sibling) for pk, face, sibling in rows]


def due_face_keys(conn: Connection, scope: DeckScope, today: date, limit: int) -> list[FaceKey]:
    """Due faces, most overdue first, then in deck order (siblings not buried)."""
    return [key for key, _ in due_candidates(conn, scope, today, limit)]


def new_face_keys(conn: Connection, scope: DeckScope, limit: int) -> list[FaceKey]:
    """Faces the learner has never reviewed, in deck order (siblings not buried)."""
    return [key for key, _ in new_candidates(conn, scope, limit)]


def answered_on(
    conn: Connection, user_id: int, today: date, day_began: datetime
) -> list[Candidate]:
    """Every face the learner answered on this study day, with its sibling key.

    The review log holds every answer of a session and every daily question
    counted as a review; a daily question answered otherwise (the face not due,
    or a deck the member does not study) is read from its answer, since
    ``day_began``.
    """
    rows = _ANSWERED_TODAY.tuples(conn, {"user": user_id, "today": today, "since": day_began})
    return [((pk, face), sibling) for pk, face, sibling in rows]


def day_progress(conn: Connection, user_id: int, today: date) -> DayProgress:
    """New faces introduced and reviews done on the learner's study day."""
    counts = {kind: n for kind, n in _PROGRESS.tuples(conn, {"user": user_id, "today": today})}
    return DayProgress(
        new_introduced=counts.get(KIND_NEW, 0), reviews_done=counts.get(KIND_REVIEW, 0)
    )


def session_answers(conn: Connection, session_id: int) -> list[tuple[FaceKey, int]]:
    """The session's (face, quality) log in answer order, for the drill rules."""
    return [((pk, face), q) for pk, face, q in _ANSWERS.tuples(conn, {"session": session_id})]


def skipped_faces(conn: Connection, session_id: int) -> set[FaceKey]:
    """Faces put aside in this session: not shown again until the next one."""
    return {(pk, face) for pk, face in _SKIPPED.tuples(conn, {"session": session_id})}
