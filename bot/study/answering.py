"""Grading one prompt: the hot path, one short transaction of the runner.

The statements live in bot.storage.answers; this is the use case around them:

1. claim the prompt: a second answer to the same prompt, a double click or a
   retry, claims nothing; on PostgreSQL, also lock the learner's row, so two
   answers of one learner to the same face from two prompts (DMs and a group
   at once) apply in turn, as SQLite's single writer does, instead of both
   starting from the old state;
2. read the card, session, learner and review state in one joined SELECT; an
   answer to a face reviewed since its prompt was shown (the second of those
   two) is a drill, so one face gets at most one SM-2 review a study day;
3. grade, run the learner's scheduler (SM-2 or FSRS, bot.study.scheduling:
   the face's random source, the exam in force), and write the new state and
   the append-only log row, which records that exam date.

Any refusal after the claim raises ``AnswerRejected`` so the transaction rolls
back and nothing at all is written.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from random import Random

from sqlalchemy import Connection

from bot.decks.matching import Verdict, match_answer
from bot.srs import scheduler
from bot.srs.grades import (
    ALMOST_ANSWER_QUALITY,
    RIGHT_ANSWER_QUALITY,
    WRONG_ANSWER_QUALITY,
    is_correct,
)
from bot.srs.scheduler import ReviewState, SchedulerKind
from bot.srs.sm2 import PASSING_QUALITY, Sm2State
from bot.storage import answers
from bot.storage.locks import lock_learner
from bot.storage.models import MAX_ROW_ID
from bot.storage.queue_queries import KIND_DRILL, KIND_NEW, KIND_REVIEW
from bot.storage.study_sessions import MODE_MISTAKES
from bot.study.cards import FaceText, face_text
from bot.study.learners import learner_today
from bot.study.scheduling import (
    exam_from_context,
    kind_of,
    rebuild_face,
    rng_for,
    scheduling_for,
    state_columns,
    state_of_row,
)

#: The random source of a review that draws nothing (SM-2 without an exam): never used.
_NO_DRAWS = Random(0)

#: Longest typed answer we look at; anything longer is refused, not stored.
MAX_TYPED_ANSWER = 1000


@dataclass(frozen=True, slots=True)
class SelfGrade:
    """Basic and cloze faces: the learner grades their own recall (0..5)."""

    quality: int


@dataclass(frozen=True, slots=True)
class ChoicePick:
    """A choice face: the index of the picked option, in the prompt's display order."""

    index: int


@dataclass(frozen=True, slots=True)
class TypedText:
    text: str


Response = SelfGrade | ChoicePick | TypedText


class AnswerStatus(StrEnum):
    RECORDED = "recorded"
    DUPLICATE = "duplicate"  # this prompt was answered already: nothing written
    NOT_YOURS = "not_yours"  # another learner's prompt
    UNKNOWN = "unknown"  # no such prompt
    RETIRED = "retired"  # the card left its deck
    SESSION_OVER = "session_over"
    INVALID = "invalid"  # a response that does not fit the face (wrong kind, out of range)


@dataclass(frozen=True, slots=True)
class AnswerOutcome:
    status: AnswerStatus
    quality: int | None = None
    correct: bool | None = None
    verdict: Verdict | None = None
    answer: str | None = None  # the right answer, to show after grading
    extra: str | None = None
    state: ReviewState | None = None  # the schedule after this answer
    drill: bool = False
    #: Days until the face is due again, when this answer scheduled it.
    next_in_days: int | None = None


class AnswerRejectedError(Exception):
    """Raised inside the transaction to roll back the claim of the prompt."""

    def __init__(self, outcome: AnswerOutcome) -> None:
        super().__init__(outcome.status)
        self.outcome = outcome


def record_answer(
    conn: Connection,
    prompt_id: int,
    user_id: int,
    response: Response,
    now: datetime,
    *,
    recovering: bool = False,
) -> AnswerOutcome:
    """Grade ``prompt_id`` for ``user_id``: state + log row, at most once per prompt.

    ``recovering`` marks a click replayed from the answer journal after a
    crash: it may only claim a prompt still on offer, not one put aside since
    (skipped, or set aside when its card left the deck), which answers DUPLICATE.
    """
    if not 0 < prompt_id <= MAX_ROW_ID:
        return AnswerOutcome(AnswerStatus.UNKNOWN)  # forged: no prompt can have this id
    if isinstance(response, TypedText) and len(response.text) > MAX_TYPED_ANSWER:
        return AnswerOutcome(AnswerStatus.INVALID)
    claimed = answers.claim_prompt(conn, prompt_id, user_id, now, open_only=recovering)
    if claimed is None:
        return _refusal(conn, prompt_id, user_id)
    card_pk, face, session_id, order, shown, shown_at = claimed
    lock_learner(conn, user_id)
    row = answers.answer_context(conn, card_pk, face, session_id, user_id, shown_at)
    if row is None or row.retired_at is not None or face not in row.faces:
        raise AnswerRejectedError(AnswerOutcome(AnswerStatus.RETIRED))
    if row.ended_at is not None:
        raise AnswerRejectedError(AnswerOutcome(AnswerStatus.SESSION_OVER))
    # A choice face is graded as it was shown, whatever the deck says since.
    text = face_text(row.type, row.content, face, order, shown)
    graded = _grade(conn, row.deck_id, card_pk, text, response)
    if graded is None:
        raise AnswerRejectedError(AnswerOutcome(AnswerStatus.INVALID))
    quality, verdict, given = graded
    today = learner_today(now, row.timezone, row.rollover_hour, row.kept_day, row.kept_until)
    scheduling = scheduling_for(
        row.chosen_scheduler, row.deck_scheduler, row.desired_retention
    )
    stored = state_of_row(row)
    is_new = stored is None
    # A face whose deck's default scheduler changed since its last review: rebuilt from
    # its log first, so it is reviewed by the scheduler that now applies.
    before = (
        scheduler.new_state(scheduling) if stored is None
        else stored if kind_of(stored) is scheduling.kind
        else rebuild_face(conn, user_id, card_pk, face, scheduling)
    )  # fmt: skip
    # A face graded earlier in this session is being drilled, and one reviewed elsewhere
    # since this prompt was shown (another session, the daily question) was shown for a
    # schedule that is gone; a mistakes drill reviews what was scheduled already: in
    # each case, log the answer and keep the schedule, whichever scheduler the learner uses.
    drilled = bool(row.drilled or row.reviewed_since or row.mode == MODE_MISTAKES)
    exam: date | None = None
    after = before
    if not drilled:
        exam = exam_from_context(conn, user_id, row.deck_id, today, row.own_exam,
                                 row.group_exam)
        # SM-2 without an exam draws nothing: the face's random source is not even made.
        rng = (
            rng_for(user_id, card_pk, face, today)
            if exam is not None or scheduling.kind is not SchedulerKind.SM2
            else _NO_DRAWS
        )
        after = scheduler.review(before, quality, today, scheduling, rng, exam)
    schedule = state_columns(after)
    if not drilled:
        lapse = 1 if quality < PASSING_QUALITY else 0
        answers.write_state(conn, user_id, card_pk, face, schedule, lapse, now, new=is_new)
    answers.append_review(
        conn,
        {
            "user_id": user_id,
            "card_pk": card_pk,
            "face": face,
            "prompt_id": prompt_id,
            "session_id": session_id,
            "kind": KIND_DRILL if drilled else (KIND_NEW if is_new else KIND_REVIEW),
            "quality": quality,
            "answer": given,
            "reviewed_at": now,
            "study_date": today,
            "ease_cents": schedule["ease_cents"],
            "repetitions": schedule["repetitions"],
            "interval": schedule["interval"],
            "due": schedule["due"],
            "exam_date": exam,
        },
    )
    return AnswerOutcome(
        status=AnswerStatus.RECORDED,
        quality=quality,
        correct=is_correct(quality),
        verdict=verdict,
        answer=text.answer,
        extra=text.extra,
        state=after,
        drill=drilled,
        next_in_days=None if drilled or after.due is None else (after.due - today).days,
    )


def _grade(
    conn: Connection,
    deck_id: str,
    card_pk: int,
    text: FaceText,
    response: Response,
) -> tuple[int, Verdict | None, str | None] | None:
    """(quality, verdict, the learner's own words), or None when the response does not fit."""
    card_type = text.type
    if isinstance(response, SelfGrade):
        if card_type not in ("basic", "cloze") or not 0 <= response.quality <= 5:
            return None
        return response.quality, None, None
    if isinstance(response, ChoicePick):
        if card_type != "choice" or not 0 <= response.index < len(text.choices):
            return None
        picked = text.choices[response.index]
        right = picked == text.answer
        return (RIGHT_ANSWER_QUALITY if right else WRONG_ANSWER_QUALITY), None, picked
    if card_type != "typed":
        return None
    verdict = match_answer(
        response.text, text.answer, text.accept, answers.typed_answers(conn, deck_id, card_pk)
    )
    quality = {
        Verdict.RIGHT: RIGHT_ANSWER_QUALITY,
        Verdict.ALMOST: ALMOST_ANSWER_QUALITY,
        Verdict.WRONG: WRONG_ANSWER_QUALITY,
    }[verdict]
    return quality, verdict, response.text


def _refusal(conn: Connection, prompt_id: int, user_id: int) -> AnswerOutcome:
    """Why a prompt could not be claimed; nothing has been written."""
    owner = answers.prompt_owner(conn, prompt_id)
    if owner is None:
        return AnswerOutcome(AnswerStatus.UNKNOWN)
    if owner != user_id:
        return AnswerOutcome(AnswerStatus.NOT_YOURS)
    logged = answers.logged_answer(conn, prompt_id)
    if logged is None:
        return AnswerOutcome(AnswerStatus.DUPLICATE)
    state = (
        None if logged.ease_cents is None  # FSRS: the log keeps no memory state
        else Sm2State.from_cents(logged.ease_cents, logged.repetitions, logged.interval,
                                 logged.due)
    )
    return AnswerOutcome(
        AnswerStatus.DUPLICATE,
        quality=logged.quality,
        correct=is_correct(logged.quality),
        state=state,
        drill=logged.kind == KIND_DRILL,
    )
