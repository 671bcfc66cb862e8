"""Study sessions: start or resume, the next face, answer, skip, summary.

These use cases are shared by the terminal and Discord front ends.  Time and
randomness come in as arguments.  One answer is one transaction: the prompt
is claimed first (an UPDATE that only succeeds once), then the schedule and
the append-only log row are written, so a double click or a retry after a
network error records exactly one review.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.decks.matching import Verdict, match_answer
from bot.srs.day import study_date
from bot.srs.grades import (
    ALMOST_ANSWER_QUALITY,
    RIGHT_ANSWER_QUALITY,
    WRONG_ANSWER_QUALITY,
    is_correct,
)
from bot.srs.queue import next_face, pending_drill, remaining_allowance
from bot.srs.sm2 import Sm2State, review
from bot.storage.models import Card, Prompt, ReviewLog, ReviewState, StudySession, User
from bot.study.cards import FaceText, choice_order, face_text
from bot.study.learners import (
    LearnerDefaults,
    all_deck_ids,
    enroll,
    enrolled_deck_ids,
    get_or_create_user,
    limits_of,
)
from bot.study.queue_queries import (
    KIND_DRILL,
    KIND_NEW,
    KIND_REVIEW,
    DeckScope,
    FaceKey,
    count_remaining,
    day_progress,
    due_face_keys,
    new_face_keys,
    session_answers,
    skipped_faces,
)

#: Longest typed answer we look at; anything longer is refused, not stored.
MAX_TYPED_ANSWER = 1000


class UnknownDeckError(LookupError):
    """The learner asked for a deck that is not loaded."""

    def __init__(self, deck_id: str) -> None:
        super().__init__(deck_id)
        self.deck_id = deck_id


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
class SessionRef:
    id: int
    user_id: int
    deck_id: str | None
    study_date: date
    resumed: bool


@dataclass(frozen=True, slots=True)
class PromptView:
    """One face to show, with everything a front end needs and nothing of its own."""

    prompt_id: int
    session_id: int
    user_id: int
    deck_id: str
    card_id: str
    card_pk: int
    face: int
    text: FaceText
    is_new: bool
    is_drill: bool
    remaining: int  # faces left in this session today, this one included


@dataclass(frozen=True, slots=True)
class AnswerOutcome:
    status: AnswerStatus
    quality: int | None = None
    correct: bool | None = None
    verdict: Verdict | None = None
    answer: str | None = None  # the right answer, to show after grading
    extra: str | None = None
    state: Sm2State | None = None  # the schedule after this answer
    drill: bool = False


@dataclass(frozen=True, slots=True)
class SessionSummary:
    session_id: int
    answered: int
    correct: int
    new: int
    drilled: int
    remaining: int

    @property
    def correct_rate(self) -> float:
        return self.correct / self.answered if self.answered else 0.0


class StudyService:
    """The study use cases over one database."""

    def __init__(
        self, sessions: async_sessionmaker[AsyncSession], defaults: LearnerDefaults
    ) -> None:
        self._sessions = sessions
        self._defaults = defaults

    # -- sessions -------------------------------------------------------------------------

    async def start(
        self, user_id: int, deck_id: str | None, front_end: str, now: datetime
    ) -> SessionRef:
        """Resume the learner's open session on these decks, or start one.

        Without a deck the session covers every deck the learner studies; a
        learner who studies none yet is enrolled in every loaded deck.
        """
        async with self._sessions.begin() as db:
            user = await get_or_create_user(db, user_id, self._defaults, now)
            if deck_id is not None:
                if deck_id not in await all_deck_ids(db):
                    raise UnknownDeckError(deck_id)
                await enroll(db, user_id, deck_id, now)
            elif not await enrolled_deck_ids(db, user_id):
                for known in await all_deck_ids(db):
                    await enroll(db, user_id, known, now)
            today = study_date(now, user.timezone, user.rollover_hour)
            open_session = await db.scalar(
                select(StudySession)
                .where(
                    StudySession.user_id == user_id,
                    StudySession.ended_at.is_(None),
                    StudySession.front_end == front_end,
                    StudySession.deck_id.is_(None)
                    if deck_id is None
                    else StudySession.deck_id == deck_id,
                )
                .order_by(StudySession.id.desc())
                .limit(1)
            )
            if open_session is not None and open_session.study_date == today:
                return _ref(open_session, resumed=True)
            if open_session is not None:
                open_session.ended_at = now  # yesterday's session: its drill is over
            fresh = StudySession(
                user_id=user_id,
                deck_id=deck_id,
                front_end=front_end,
                study_date=today,
                started_at=now,
                ended_at=None,
            )
            db.add(fresh)
            await db.flush()
            return _ref(fresh, resumed=False)

    async def end(self, session_id: int, user_id: int, now: datetime) -> SessionSummary:
        async with self._sessions.begin() as db:
            await db.execute(
                update(StudySession)
                .where(
                    StudySession.id == session_id,
                    StudySession.user_id == user_id,
                    StudySession.ended_at.is_(None),
                )
                .values(ended_at=now)
            )
            await db.execute(
                update(Prompt)
                .where(Prompt.session_id == session_id, Prompt.answered_at.is_(None))
                .values(skipped=True)
            )
        return await self.summary(session_id, now)

    async def summary(self, session_id: int, now: datetime) -> SessionSummary:
        async with self._sessions() as db:
            study = await db.get(StudySession, session_id)
            if study is None:
                return SessionSummary(session_id, 0, 0, 0, 0, 0)
            rows = (
                await db.execute(
                    select(ReviewLog.kind, ReviewLog.quality).where(
                        ReviewLog.session_id == session_id
                    )
                )
            ).all()
            remaining = 0
            if study.ended_at is None:
                remaining = (await self._plan(db, study, now))[1]
        return SessionSummary(
            session_id=session_id,
            answered=len(rows),
            correct=sum(1 for _, q in rows if is_correct(q)),
            new=sum(1 for kind, _ in rows if kind == KIND_NEW),
            drilled=sum(1 for kind, _ in rows if kind == KIND_DRILL),
            remaining=remaining,
        )

    # -- prompts --------------------------------------------------------------------------

    async def next_prompt(
        self, session_id: int, user_id: int, now: datetime, rng: random.Random
    ) -> PromptView | None:
        """The face to show now, or None when the session is done for today.

        An unanswered prompt of the session is shown again rather than a new
        one created, so resuming (or asking twice) never skips a face.
        """
        async with self._sessions.begin() as db:
            study = await db.get(StudySession, session_id)
            if study is None or study.user_id != user_id or study.ended_at is not None:
                return None
            pending = await db.scalar(
                select(Prompt)
                .where(
                    Prompt.session_id == session_id,
                    Prompt.answered_at.is_(None),
                    Prompt.skipped.is_(False),
                )
                .order_by(Prompt.id.desc())
                .limit(1)
            )
            answers = await session_answers(db, session_id)
            skipped = await skipped_faces(db, session_id)
            queue, remaining = await self._plan(db, study, now, answers, skipped)
            if pending is not None:
                card = await db.get(Card, pending.card_pk)
                if card is not None and card.retired_at is None and pending.face in card.faces:
                    is_new = await db.get(ReviewState, (user_id, card.pk, pending.face)) is None
                    return _view(pending, card, answers, max(remaining, 1), is_new=is_new)
                pending.skipped = True
            key = next_face(queue, answers, skipped=skipped)
            if key is None:
                return None
            card = await db.get(Card, key[0])
            assert card is not None
            prompt = Prompt(
                session_id=session_id,
                user_id=user_id,
                card_pk=card.pk,
                face=key[1],
                choice_order=choice_order(card.content, rng) if card.type == "choice" else None,
                shown_at=now,
                answered_at=None,
                skipped=False,
            )
            db.add(prompt)
            await db.flush()
            is_new = await db.get(ReviewState, (user_id, card.pk, key[1])) is None
            return _view(prompt, card, answers, remaining, is_new=is_new)

    async def _plan(
        self,
        db: AsyncSession,
        study: StudySession,
        now: datetime,
        answers: list[tuple[FaceKey, int]] | None = None,
        skipped: set[FaceKey] | None = None,
    ) -> tuple[list[FaceKey], int]:
        """(today's queue, faces remaining with the drill) for a session."""
        user = await db.get(User, study.user_id)
        assert user is not None
        today = study_date(now, user.timezone, user.rollover_hour)
        if answers is None:
            answers = await session_answers(db, study.id)
        if skipped is None:
            skipped = await skipped_faces(db, study.id)
        progress = await day_progress(db, user.id, today)
        new_left, reviews_left = remaining_allowance(limits_of(user), progress)
        scope = DeckScope(user.id, study.deck_id)
        # The queries implement bot.srs.queue.session_queue (due first, most
        # overdue first, then new in deck order, within the limits) in SQL;
        # tests/integration check that both agree.
        queue = await due_face_keys(db, scope, today, reviews_left)
        queue += await new_face_keys(db, scope, new_left)
        return queue, count_remaining(queue, answers, pending_drill(answers), skipped)

    async def skip(self, prompt_id: int, user_id: int) -> bool:
        """Put a face aside for this session; it stays due and comes back next time."""
        async with self._sessions.begin() as db:
            result = await db.execute(
                update(Prompt)
                .where(
                    Prompt.id == prompt_id,
                    Prompt.user_id == user_id,
                    Prompt.answered_at.is_(None),
                )
                .values(skipped=True)
            )
            return bool(getattr(result, "rowcount", 0))

    # -- answers --------------------------------------------------------------------------

    async def answer(
        self, prompt_id: int, user_id: int, response: Response, now: datetime
    ) -> AnswerOutcome:
        """Grade one prompt: state + log row in one transaction, at most once per prompt."""
        if isinstance(response, TypedText) and len(response.text) > MAX_TYPED_ANSWER:
            return AnswerOutcome(AnswerStatus.INVALID)
        try:
            async with self._sessions.begin() as db:
                return await _record_answer(db, prompt_id, user_id, response, now)
        except _RejectedError as rejected:
            return rejected.outcome


class _RejectedError(Exception):
    """Raised inside the answer transaction to roll back its claim of the prompt."""

    def __init__(self, outcome: AnswerOutcome) -> None:
        super().__init__(outcome.status)
        self.outcome = outcome


async def _record_answer(
    db: AsyncSession, prompt_id: int, user_id: int, response: Response, now: datetime
) -> AnswerOutcome:
    # Claim the prompt first: the write lock is taken up front, and a second
    # answer to the same prompt finds nothing left to claim.
    claimed = await db.execute(
        update(Prompt)
        .where(Prompt.id == prompt_id, Prompt.user_id == user_id, Prompt.answered_at.is_(None))
        .values(answered_at=now)
    )
    prompt = await db.get(Prompt, prompt_id)
    if not getattr(claimed, "rowcount", 0):
        return await _refusal(db, prompt, user_id)
    assert prompt is not None
    card = await db.get(Card, prompt.card_pk)
    if card is None or card.retired_at is not None or prompt.face not in card.faces:
        raise _RejectedError(AnswerOutcome(AnswerStatus.RETIRED))
    study = await db.get(StudySession, prompt.session_id)
    if study is None or study.ended_at is not None:
        raise _RejectedError(AnswerOutcome(AnswerStatus.SESSION_OVER))
    text = face_text(card.type, card.content, prompt.face, prompt.choice_order)
    graded = await _grade(db, card, text, response)
    if graded is None:
        raise _RejectedError(AnswerOutcome(AnswerStatus.INVALID))
    quality, verdict, given = graded
    user = await db.get(User, user_id)
    assert user is not None
    today = study_date(now, user.timezone, user.rollover_hour)
    row = await db.get(ReviewState, (user_id, card.pk, prompt.face))
    is_drill = bool(
        await db.scalar(
            select(func.count())
            .select_from(ReviewLog)
            .where(
                ReviewLog.session_id == study.id,
                ReviewLog.card_pk == card.pk,
                ReviewLog.face == prompt.face,
            )
        )
    )
    before = _state_of(row)
    # A drilled face was graded earlier in this session: log it, keep its schedule.
    after = before if is_drill else review(before, quality, today)
    kind = KIND_DRILL if is_drill else (KIND_NEW if row is None else KIND_REVIEW)
    if not is_drill:
        _write_state(db, row, user_id, card.pk, prompt.face, after, quality, now)
    db.add(
        ReviewLog(
            user_id=user_id,
            card_pk=card.pk,
            face=prompt.face,
            prompt_id=prompt.id,
            session_id=study.id,
            kind=kind,
            quality=quality,
            answer=given,
            reviewed_at=now,
            study_date=today,
            ease_cents=after.ease_cents,
            repetitions=after.repetitions,
            interval=after.interval,
            due=after.due,
        )
    )
    return AnswerOutcome(
        status=AnswerStatus.RECORDED,
        quality=quality,
        correct=is_correct(quality),
        verdict=verdict,
        answer=text.answer,
        extra=text.extra,
        state=after,
        drill=is_drill,
    )


def _ref(study: StudySession, *, resumed: bool) -> SessionRef:
    return SessionRef(study.id, study.user_id, study.deck_id, study.study_date, resumed)


def _view(
    prompt: Prompt,
    card: Card,
    answers: list[tuple[FaceKey, int]],
    remaining: int,
    *,
    is_new: bool,
) -> PromptView:
    key = (card.pk, prompt.face)
    return PromptView(
        prompt_id=prompt.id,
        session_id=prompt.session_id,
        user_id=prompt.user_id,
        deck_id=card.deck_id,
        card_id=card.card_id,
        card_pk=card.pk,
        face=prompt.face,
        text=face_text(card.type, card.content, prompt.face, prompt.choice_order),
        is_new=is_new,
        is_drill=any(k == key for k, _ in answers),
        remaining=remaining,
    )


def _state_of(row: ReviewState | None) -> Sm2State:
    if row is None:
        return Sm2State.new()
    return Sm2State.from_cents(row.ease_cents, row.repetitions, row.interval, row.due)


def _write_state(
    db: AsyncSession,
    row: ReviewState | None,
    user_id: int,
    card_pk: int,
    face: int,
    state: Sm2State,
    quality: int,
    now: datetime,
) -> None:
    lapse = 1 if quality < 3 else 0
    if row is None:
        db.add(
            ReviewState(
                user_id=user_id,
                card_pk=card_pk,
                face=face,
                ease_cents=state.ease_cents,
                repetitions=state.repetitions,
                interval=state.interval,
                due=state.due,
                lapses=lapse,
                last_reviewed_at=now,
            )
        )
        return
    row.ease_cents = state.ease_cents
    row.repetitions = state.repetitions
    row.interval = state.interval
    row.due = state.due
    row.lapses += lapse
    row.last_reviewed_at = now


async def _grade(
    db: AsyncSession, card: Card, text: FaceText, response: Response
) -> tuple[int, Verdict | None, str | None] | None:
    """(quality, verdict, the learner's own words) or None when the response does not fit."""
    if isinstance(response, SelfGrade):
        if card.type not in ("basic", "cloze") or not 0 <= response.quality <= 5:
            return None
        return response.quality, None, None
    if isinstance(response, ChoicePick):
        if card.type != "choice" or not 0 <= response.index < len(text.choices):
            return None
        picked = text.choices[response.index]
        right = picked == text.answer
        return (RIGHT_ANSWER_QUALITY if right else WRONG_ANSWER_QUALITY), None, picked
    if card.type != "typed":
        return None
    distractors = await _typed_distractors(db, card)
    verdict = match_answer(response.text, text.answer, text.accept, distractors)
    quality = {
        Verdict.RIGHT: RIGHT_ANSWER_QUALITY,
        Verdict.ALMOST: ALMOST_ANSWER_QUALITY,
        Verdict.WRONG: WRONG_ANSWER_QUALITY,
    }[verdict]
    return quality, verdict, response.text


async def _typed_distractors(db: AsyncSession, card: Card) -> list[str]:
    """Answers of the deck's other typed cards: a near-miss of one of them is not "almost"."""
    rows = await db.scalars(
        select(Card.content).where(
            Card.deck_id == card.deck_id,
            Card.type == "typed",
            Card.pk != card.pk,
            Card.retired_at.is_(None),
        )
    )
    return [str(content.get("back", "")) for content in rows]


async def _refusal(db: AsyncSession, prompt: Prompt | None, user_id: int) -> AnswerOutcome:
    """Why a prompt could not be claimed; nothing has been written."""
    if prompt is None:
        return AnswerOutcome(AnswerStatus.UNKNOWN)
    if prompt.user_id != user_id:
        return AnswerOutcome(AnswerStatus.NOT_YOURS)
    logged = await db.scalar(select(ReviewLog).where(ReviewLog.prompt_id == prompt.id))
    if logged is None:
        return AnswerOutcome(AnswerStatus.DUPLICATE)
    return AnswerOutcome(
        AnswerStatus.DUPLICATE,
        quality=logged.quality,
        correct=is_correct(logged.quality),
        state=Sm2State.from_cents(
            logged.ease_cents, logged.repetitions, logged.interval, logged.due
        ),
        drill=logged.kind == KIND_DRILL,
    )
