"""What scheduling reads and writes beyond one answer: exam dates, a face's log, rebuilds.

bot.study.scheduling composes these with the pure core (bot/srs): the exam in
force for a learner's deck, the log a face is rebuilt from when its learner
switches scheduler, and the states written back in one transaction.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    Connection,
    Exists,
    and_,
    bindparam,
    delete,
    func,
    literal,
    select,
    union_all,
    update,
)
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from bot.storage.daily_models import DailyAnswer, DailyConfig, DailyPost
from bot.storage.models import (
    Card,
    CardFace,
    Deck,
    Enrollment,
    ExamDate,
    ReviewLog,
    ReviewState,
    User,
    schedule_columns,
)
from bot.storage.prepared import Prepared
from bot.storage.queue_queries import KIND_NEW, KIND_REVIEW, SCHEDULING_KINDS, DeckScope
from bot.storage.rows import AnyRow

FaceKey = tuple[int, int]  # (card pk, face)

def _learner_answered_there() -> Exists:
    """The learner (bound as ``user``) belongs to the study group: a member is whoever has
    answered the group's daily question."""
    return (
        select(DailyAnswer.id)
        .join(DailyPost, DailyPost.id == DailyAnswer.post_id)
        .where(
            DailyPost.channel_id == DailyConfig.channel_id,
            DailyAnswer.user_id == bindparam("user"),
        )
        .exists()
    )


#: The exam dates of study groups whose daily question asks from the deck and which the
#: learner belongs to.
_GROUP_EXAMS = Prepared(
    select(DailyConfig.exam_date)
    .where(
        DailyConfig.deck_id == bindparam("deck"),
        DailyConfig.exam_date.is_not(None),
        _learner_answered_there(),
    )
)
_OWN_EXAM = Prepared(
    select(ExamDate.exam_date).where(
        ExamDate.user_id == bindparam("user"), ExamDate.deck_id == bindparam("deck")
    )
)
_FACE_LOG = Prepared(
    select(ReviewLog.kind, ReviewLog.quality, ReviewLog.study_date, ReviewLog.exam_date)
    .where(
        ReviewLog.user_id == bindparam("user"),
        ReviewLog.card_pk == bindparam("card"),
        ReviewLog.face == bindparam("face"),
        ReviewLog.kind.in_(SCHEDULING_KINDS),
    )
    .order_by(ReviewLog.id)
)


_FACE_SCHEDULE = Prepared(
    select(
        User.scheduler.label("chosen_scheduler"),
        User.desired_retention,
        Deck.scheduler.label("deck_scheduler"),
        Card.deck_id,
        select(ExamDate.exam_date)
        .where(ExamDate.user_id == bindparam("user"), ExamDate.deck_id == Card.deck_id)
        .scalar_subquery()
        .label("own_exam"),
        *schedule_columns(),
    )
    .select_from(Card)
    .join(Deck, Deck.id == Card.deck_id)
    .join(User, User.id == bindparam("user"))
    .outerjoin(
        ReviewState,
        and_(ReviewState.user_id == bindparam("user"), ReviewState.card_pk == Card.pk,
             ReviewState.face == bindparam("face")),
    )
    .where(Card.pk == bindparam("card"))
)


def face_schedule(conn: Connection, user_id: int, card_pk: int, face: int) -> AnyRow | None:
    """What the next review of a face depends on: the learner's scheduler and retention, the
    deck's default and id, the learner's own exam for it, and the face's stored state."""
    return _FACE_SCHEDULE.first(conn, {"user": user_id, "card": card_pk, "face": face})


def _insert(conn: Connection) -> Any:
    return pg_insert if conn.dialect.name == "postgresql" else sqlite_insert


# -- exam dates -----------------------------------------------------------------------------


def own_exam(conn: Connection, user_id: int, deck_id: str) -> date | None:
    """The exam date the learner set for the deck, if any."""
    found: date | None = _OWN_EXAM.scalar(conn, {"user": user_id, "deck": deck_id})
    return found


def group_exams(conn: Connection, user_id: int, deck_id: str) -> list[date]:
    """Exam dates of the learner's study groups on this deck (usually none)."""
    return [day for (day,) in _GROUP_EXAMS.tuples(conn, {"user": user_id, "deck": deck_id})]


def learner_exams(conn: Connection, user_id: int) -> list[AnyRow]:
    """(deck_id, deck title, exam_date) of every exam the learner set, soonest first."""
    return list(conn.execute(
        select(ExamDate.deck_id, Deck.title, ExamDate.exam_date)
        .join(Deck, Deck.id == ExamDate.deck_id)
        .where(ExamDate.user_id == user_id)
        .order_by(ExamDate.exam_date, ExamDate.deck_id)
    ).all())


def group_exams_of(conn: Connection, user_id: int) -> list[AnyRow]:
    """(deck_id, deck title, exam_date) of the exams of the learner's study groups."""
    member = (
        select(DailyAnswer.id)
        .join(DailyPost, DailyPost.id == DailyAnswer.post_id)
        .where(DailyPost.channel_id == DailyConfig.channel_id, DailyAnswer.user_id == user_id)
        .exists()
    )
    return list(conn.execute(
        select(DailyConfig.deck_id, Deck.title, func.min(DailyConfig.exam_date))
        .join(Deck, Deck.id == DailyConfig.deck_id)
        .where(DailyConfig.exam_date.is_not(None), member)
        .group_by(DailyConfig.deck_id, Deck.title)
        .order_by(func.min(DailyConfig.exam_date))
    ).all())


def set_exam(conn: Connection, user_id: int, deck_ids: Iterable[str], day: date,
             now: datetime) -> None:
    """Set (or move) the learner's exam date for each deck."""
    values = [
        {"user_id": user_id, "deck_id": deck, "exam_date": day, "set_at": now}
        for deck in deck_ids
    ]
    if not values:
        return
    statement = _insert(conn)(ExamDate)
    conn.execute(
        statement.on_conflict_do_update(
            index_elements=["user_id", "deck_id"],
            set_={"exam_date": statement.excluded.exam_date, "set_at": statement.excluded.set_at},
        ),
        values,
    )


def clear_exams(conn: Connection, user_id: int, deck_id: str | None) -> int:
    """Forget the learner's exam date for one deck, or for all; how many were set."""
    query = delete(ExamDate).where(ExamDate.user_id == user_id)
    if deck_id is not None:
        query = query.where(ExamDate.deck_id == deck_id)
    return int(conn.execute(query).rowcount or 0)


def set_group_exam(conn: Connection, channel_id: int, day: date | None) -> bool:
    """Set or clear a study group's exam date; False when the channel has no daily question."""
    result = conn.execute(
        update(DailyConfig).where(DailyConfig.channel_id == channel_id).values(exam_date=day)
    )
    return bool(result.rowcount)


# -- the exam plan's counts -----------------------------------------------------------------


def unmet_faces(conn: Connection, user_id: int, deck_id: str) -> int:
    """Live faces of the deck the learner has never reviewed."""
    state = and_(
        ReviewState.user_id == user_id,
        ReviewState.card_pk == CardFace.card_pk,
        ReviewState.face == CardFace.face,
    )
    return int(conn.execute(
        select(func.count())
        .select_from(CardFace)
        .join(Card, Card.pk == CardFace.card_pk)
        .where(Card.deck_id == deck_id, Card.retired_at.is_(None),
               ~select(ReviewState.face).where(state).exists())
    ).scalar_one())


def met_today(conn: Connection, user_id: int, deck_id: str, today: date) -> int:
    """Faces of the deck the learner met for the first time on study day ``today``."""
    return int(conn.execute(
        select(func.count())
        .select_from(ReviewLog)
        .join(Card, Card.pk == ReviewLog.card_pk)
        .where(ReviewLog.user_id == user_id, ReviewLog.study_date == today,
               ReviewLog.kind == KIND_NEW, Card.deck_id == deck_id)
    ).scalar_one())


def exam_decks(conn: Connection, user_id: int, deck_id: str | None) -> list[str]:
    """The decks in scope (one, or every deck the learner studies) that may have an exam."""
    if deck_id is not None:
        return [deck_id]
    return list(conn.execute(
        select(Enrollment.deck_id).where(Enrollment.user_id == user_id)
        .order_by(Enrollment.deck_id)
    ).scalars())


# -- a face's log, and the learner's whole log for a rebuild -------------------------------


def face_log(conn: Connection, user_id: int, card_pk: int, face: int) -> list[AnyRow]:
    """The face's scheduling answers in the order written: (kind, quality, study_date, exam)."""
    return _FACE_LOG.rows(conn, {"user": user_id, "card": card_pk, "face": face})


def learner_scheduling_log(conn: Connection, user_id: int) -> list[AnyRow]:
    """Every scheduling answer of the learner that has a state, by face then in id order:
    (card_pk, face, quality, study_date, exam_date, deck scheduler)."""
    return list(conn.execute(
        select(ReviewLog.card_pk, ReviewLog.face, ReviewLog.quality, ReviewLog.study_date,
               ReviewLog.exam_date, Deck.scheduler)
        .join(Card, Card.pk == ReviewLog.card_pk)
        .join(Deck, Deck.id == Card.deck_id)
        .join(ReviewState, and_(ReviewState.user_id == ReviewLog.user_id,
                                ReviewState.card_pk == ReviewLog.card_pk,
                                ReviewState.face == ReviewLog.face))
        .where(ReviewLog.user_id == user_id,
               ReviewLog.kind.in_((KIND_NEW, KIND_REVIEW)))
        .order_by(ReviewLog.card_pk, ReviewLog.face, ReviewLog.id)
    ).all())


def put_state(
    conn: Connection, user_id: int, card_pk: int, face: int, values: Mapping[str, Any]
) -> None:
    """Overwrite one face's schedule columns (a rebuild from the log)."""
    conn.execute(
        update(ReviewState)
        .where(ReviewState.user_id == user_id, ReviewState.card_pk == card_pk,
               ReviewState.face == face)
        .values(**values)
    )


def set_learner_scheduler(
    conn: Connection, user_id: int, scheduler: str | None, retention: float | None
) -> None:
    values: dict[str, Any] = {"scheduler": scheduler}
    if retention is not None:
        values["desired_retention"] = retention
    conn.execute(update(User).where(User.id == user_id).values(**values))


# -- the queue: a backlog, exams in scope ---------------------------------------------------


def due_faces(conn: Connection, scope: DeckScope, today: date) -> list[AnyRow]:
    """Every face due by ``today`` in scope: (card_pk, face, due, interval, deck_id,
    position, sibling), for the backlog's order (read only when more are due than the
    day takes)."""
    return list(conn.execute(
        select(ReviewState.card_pk, ReviewState.face, ReviewState.due, ReviewState.interval,
               Card.deck_id, CardFace.position, Card.sibling)
        .join(Card, Card.pk == ReviewState.card_pk)
        .join(CardFace, and_(CardFace.card_pk == ReviewState.card_pk,
                             CardFace.face == ReviewState.face))
        .where(ReviewState.user_id == scope.user_id, ReviewState.due <= today,
               scope.condition())
    ).all())


def due_counts(conn: Connection, scope: DeckScope, until: date) -> dict[date, int]:
    """How many faces in scope fall due on each day up to ``until`` (overdue ones included)."""
    rows = conn.execute(
        select(ReviewState.due, func.count())
        .join(Card, Card.pk == ReviewState.card_pk)
        .where(ReviewState.user_id == scope.user_id, ReviewState.due <= until,
               scope.condition())
        .group_by(ReviewState.due)
    )
    return {day: int(n) for day, n in rows if day is not None}


#: The learner's own exams (mine = 1), then those of the study groups they belong to
#: (mine = 0): one statement, since every card drawn reads them.
_EXAMS = Prepared(union_all(
    select(ExamDate.deck_id, ExamDate.exam_date, literal(1).label("mine"))
    .where(ExamDate.user_id == bindparam("user")),
    select(DailyConfig.deck_id, DailyConfig.exam_date, literal(0).label("mine")).where(
        DailyConfig.exam_date.is_not(None),
        _learner_answered_there(),
    ),
))


def exams_of(conn: Connection, user_id: int) -> tuple[dict[str, date], dict[str, list[date]]]:
    """(the learner's own exam per deck, their study groups' exams per deck)."""
    own: dict[str, date] = {}
    groups: dict[str, list[date]] = {}
    for deck, day, mine in _EXAMS.tuples(conn, {"user": user_id}):
        if mine:
            own[str(deck)] = day
        else:
            groups.setdefault(str(deck), []).append(day)
    return own, groups


def deck_title(conn: Connection, deck_id: str) -> str:
    """The deck's title as learners see it (its id when it has none)."""
    title = conn.execute(select(Deck.title).where(Deck.id == deck_id)).scalar()
    return str(title or deck_id)
