"""The statements of grading one prompt: claim it, read its context, write state and log.

The hot path of the bot (bot.study.answering composes these with SM-2), so
every statement is built once: constructing a SQLAlchemy statement costs
several times more than executing a cached one on SQLite.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import Connection, bindparam, exists, func, insert, or_, select, update
from sqlalchemy.orm import aliased

from bot.storage.daily_models import DailyAnswer, DailyConfig, DailyPost
from bot.storage.models import (
    SCHEDULE_COLUMNS,
    Card,
    Deck,
    ExamDate,
    Prompt,
    ReviewLog,
    ReviewState,
    StudySession,
    User,
    schedule_columns,
)
from bot.storage.prepared import Prepared
from bot.storage.queue_queries import KIND_NEW, KIND_REVIEW
from bot.storage.rows import AnyRow

#: The prompt, claimed: ``UPDATE … WHERE answered_at IS NULL RETURNING …``.  A second
#: answer to the same prompt (a double click, a retry) claims nothing; on PostgreSQL it
#: waits for the first one's row lock, then finds it answered.
CLAIM = (
    update(Prompt)
    .where(
        Prompt.id == bindparam("claim_prompt"),
        Prompt.user_id == bindparam("claim_user"),
        Prompt.answered_at.is_(None),
    )
    .values(answered_at=bindparam("claim_now", type_=Prompt.answered_at.type))
    .returning(
        Prompt.card_pk,
        Prompt.face,
        Prompt.session_id,
        Prompt.choice_order,
        Prompt.shown,
        Prompt.shown_at,
    )
)
#: The same for a click replayed after a crash: only a prompt still on offer.
CLAIM_OPEN = CLAIM.where(Prompt.skipped.is_(False))

_STATE = aliased(ReviewState)
#: Card, session, learner and current state of the claimed face, in one SELECT, with
#: whether it was graded in this session (a drill) or reviewed anywhere since shown.
CONTEXT = (
    select(
        Card.type,
        Card.content,
        Card.faces,
        Card.retired_at,
        Card.deck_id,
        StudySession.ended_at,
        StudySession.mode,
        User.timezone,
        User.rollover_hour,
        User.kept_day,
        User.kept_until,
        User.scheduler.label("chosen_scheduler"),
        User.desired_retention,
        Deck.scheduler.label("deck_scheduler"),
        select(ExamDate.exam_date)
        .where(ExamDate.user_id == bindparam("user_id"), ExamDate.deck_id == Card.deck_id)
        .scalar_subquery()
        .label("own_exam"),
        # The earliest exam of the learner's study groups on the deck not long past (see
        # bot.study.scheduling.exam_from_context): one statement instead of a second query.
        select(func.min(DailyConfig.exam_date))
        .where(
            DailyConfig.deck_id == Card.deck_id,
            DailyConfig.exam_date >= bindparam("exam_floor", type_=DailyConfig.exam_date.type),
            select(DailyAnswer.id)
            .join(DailyPost, DailyPost.id == DailyAnswer.post_id)
            .where(DailyPost.channel_id == DailyConfig.channel_id,
                   DailyAnswer.user_id == bindparam("user_id"))
            .exists(),
        )
        .scalar_subquery()
        .label("group_exam"),
        *schedule_columns(_STATE),
        exists()
        .where(
            ReviewLog.session_id == bindparam("session_id"),
            ReviewLog.card_pk == bindparam("card_pk"),
            ReviewLog.face == bindparam("face"),
        )
        .label("drilled"),
        exists()
        .where(
            ReviewLog.user_id == bindparam("user_id"),
            ReviewLog.card_pk == bindparam("card_pk"),
            ReviewLog.face == bindparam("face"),
            # The scheduling kinds, spelled out: an IN list is rendered anew each time.
            or_(ReviewLog.kind == KIND_NEW, ReviewLog.kind == KIND_REVIEW),
            ReviewLog.reviewed_at >= bindparam("shown_at", type_=ReviewLog.reviewed_at.type),
        )
        .label("reviewed_since"),
    )
    .select_from(Card)
    .join(Deck, Deck.id == Card.deck_id)
    .join(StudySession, StudySession.id == bindparam("session_id"))
    .join(User, User.id == bindparam("user_id"))
    .outerjoin(
        _STATE,
        (_STATE.user_id == bindparam("user_id"))
        & (_STATE.card_pk == Card.pk)
        & (_STATE.face == bindparam("face")),
    )
    .where(Card.pk == bindparam("card_pk"))
)

INSERT_STATE = insert(ReviewState)
UPDATE_STATE = (
    update(ReviewState)
    .where(
        ReviewState.user_id == bindparam("key_user"),
        ReviewState.card_pk == bindparam("key_card"),
        ReviewState.face == bindparam("key_face"),
    )
    .values(lapses=ReviewState.lapses + bindparam("lapse"))
)
INSERT_LOG = insert(ReviewLog)

_STATE_VALUES = [*SCHEDULE_COLUMNS, "last_reviewed_at"]
_LOG_VALUES = ["user_id", "card_pk", "face", "prompt_id", "session_id", "kind", "quality",
               "answer", "reviewed_at", "study_date", "ease_cents", "repetitions", "interval",
               "due", "exam_date"]
# Every answer runs these: compiled once, run on SQLite's own connection (bot.storage.prepared).
_FAST_CLAIM = Prepared(CLAIM)
_FAST_CLAIM_OPEN = Prepared(CLAIM_OPEN)
_FAST_CONTEXT = Prepared(CONTEXT)
_FAST_UPDATE_STATE = Prepared(UPDATE_STATE, _STATE_VALUES)
_FAST_INSERT_STATE = Prepared(INSERT_STATE, ["user_id", "card_pk", "face", "lapses",
                                             *_STATE_VALUES])
_FAST_INSERT_LOG = Prepared(INSERT_LOG, _LOG_VALUES)

_DISTRACTORS = Prepared(select(Card.content).where(
    Card.deck_id == bindparam("deck"),
    Card.type == "typed",
    Card.pk != bindparam("card"),
    Card.retired_at.is_(None),
))
_OWNER = select(Prompt.user_id).where(Prompt.id == bindparam("prompt"))
_LOGGED = select(
    ReviewLog.quality,
    ReviewLog.kind,
    ReviewLog.ease_cents,
    ReviewLog.repetitions,
    ReviewLog.interval,
    ReviewLog.due,
).where(ReviewLog.prompt_id == bindparam("prompt"))


def claim_prompt(
    conn: Connection, prompt_id: int, user_id: int, now: datetime, *, open_only: bool = False
) -> AnyRow | None:
    """Mark the learner's prompt answered: (card_pk, face, session_id, choice_order,
    shown, shown_at), or None when it is not theirs, not there, or answered already."""
    return (_FAST_CLAIM_OPEN if open_only else _FAST_CLAIM).first(
        conn, {"claim_prompt": prompt_id, "claim_user": user_id, "claim_now": now}
    )


def answer_context(
    conn: Connection, card_pk: int, face: int, session_id: int, user_id: int, shown_at: datetime
) -> AnyRow | None:
    """The claimed face's card, session, learner and state (see `CONTEXT`).

    ``group_exam`` looks at study groups' exams from two days before ``shown_at``'s UTC
    date on: whatever the learner's zone, an earlier one has passed.
    """
    return _FAST_CONTEXT.first(
        conn,
        {
            "card_pk": card_pk,
            "face": face,
            "session_id": session_id,
            "user_id": user_id,
            "shown_at": shown_at,
            "exam_floor": exam_floor(shown_at),
        },
    )


def exam_floor(now: datetime) -> date:
    """A day every exam before which has passed for every learner at ``now``."""
    return now.astimezone(UTC).date() - timedelta(days=2)


def write_state(
    conn: Connection,
    user_id: int,
    card_pk: int,
    face: int,
    schedule: dict[str, Any],
    lapse: int,
    now: datetime,
    *,
    new: bool,
) -> None:
    """Store a face's schedule (every one of `SCHEDULE_COLUMNS`) and a lapse."""
    values = {**schedule, "last_reviewed_at": now}
    if new:
        _FAST_INSERT_STATE.run(
            conn,
            {"user_id": user_id, "card_pk": card_pk, "face": face, "lapses": lapse, **values},
        )
    else:
        _FAST_UPDATE_STATE.run(
            conn,
            {"key_user": user_id, "key_card": card_pk, "key_face": face, "lapse": lapse,
             **values},
        )


def append_review(conn: Connection, values: dict[str, Any]) -> None:
    """One row of the append-only review log (every column of `_LOG_VALUES`)."""
    _FAST_INSERT_LOG.run(conn, values)


def typed_answers(conn: Connection, deck_id: str, card_pk: int) -> list[str]:
    """Answers of the deck's other live typed cards (a near-miss of one is not "almost")."""
    rows = _DISTRACTORS.tuples(conn, {"deck": deck_id, "card": card_pk})
    return [str(content.get("back", "")) for (content,) in rows]


def prompt_owner(conn: Connection, prompt_id: int) -> int | None:
    owner = conn.execute(_OWNER, {"prompt": prompt_id}).scalar()
    return None if owner is None else int(owner)


def logged_answer(conn: Connection, prompt_id: int) -> AnyRow | None:
    """The log row of a prompt's answer: (quality, kind, ease_cents, repetitions,
    interval, due), or None when it was never answered (skipped, or an older row)."""
    return conn.execute(_LOGGED, {"prompt": prompt_id}).first()
