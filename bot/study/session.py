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

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from bot.srs.day import study_date
from bot.srs.grades import is_correct
from bot.srs.queue import next_face, pending_drill, remaining_allowance
from bot.storage.models import Card, Prompt, ReviewLog, ReviewState, StudySession, User
from bot.storage.transactions import AsyncBridgeRunner, TransactionRunner
from bot.study.answering import (
    MAX_TYPED_ANSWER,
    AnswerOutcome,
    AnswerRejectedError,
    AnswerStatus,
    ChoicePick,
    Response,
    SelfGrade,
    TypedText,
    record_answer,
)
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
    DeckScope,
    FaceKey,
    count_remaining,
    day_progress,
    due_face_keys,
    new_face_keys,
    session_answers,
    skipped_faces,
)

# The answer types live in bot.study.answering; front ends import them from here.
__all__ = [
    "MAX_TYPED_ANSWER",
    "AnswerOutcome",
    "AnswerStatus",
    "ChoicePick",
    "PromptView",
    "Response",
    "SelfGrade",
    "SessionRef",
    "SessionSummary",
    "StudyService",
    "TypedText",
    "UnknownDeckError",
]


class UnknownDeckError(LookupError):
    """The learner asked for a deck that is not loaded."""

    def __init__(self, deck_id: str) -> None:
        super().__init__(deck_id)
        self.deck_id = deck_id


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
        self,
        sessions: async_sessionmaker[AsyncSession],
        defaults: LearnerDefaults,
        *,
        runner: TransactionRunner | None = None,
    ) -> None:
        """``runner`` runs the answer transaction; pass ``Database.runner`` for speed
        (SQLite's writer thread).  Without it the async engine is used."""
        self._sessions = sessions
        self._defaults = defaults
        bind = sessions.kw.get("bind")
        if runner is None:
            if not isinstance(bind, AsyncEngine):
                raise TypeError("sessions must be bound to an AsyncEngine, or pass a runner")
            runner = AsyncBridgeRunner(bind)
        self._runner = runner

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
        try:
            return await self._runner.run(
                lambda conn: record_answer(conn, prompt_id, user_id, response, now)
            )
        except AnswerRejectedError as rejected:
            return rejected.outcome


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
