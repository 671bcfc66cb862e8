"""Study sessions: the use cases the terminal and Discord front ends share.

``StudyService`` is the async face of short synchronous transactions
(bot.study.prompting for sessions and prompts, bot.study.answering for
grading).  Each runs through the database's ``TransactionRunner``: on SQLite
one hop to the writer thread, so a flood of clicks is a queue of short
transactions instead of a crowd of connections fighting for the lock.  Time
and randomness come in as arguments.
"""

from __future__ import annotations

import random
from datetime import datetime

from sqlalchemy import Connection

from bot.storage.learners import ensure_learner
from bot.storage.study_sessions import MODE_MISTAKES, MODE_REVIEW
from bot.storage.transactions import TransactionRunner
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
from bot.study.learners import LearnerDefaults, user_today
from bot.study.plans import StudyNotices, study_notices
from bot.study.prompting import (
    DeckChoiceNeededError,
    PromptView,
    SessionRef,
    SessionSummary,
    UnknownDeckError,
    end_session,
    next_prompt,
    session_summary,
    skip_prompt,
    start_session,
)

# The types live beside their transactions; front ends import them from here.
__all__ = [
    "MAX_TYPED_ANSWER",
    "MODE_MISTAKES",
    "MODE_REVIEW",
    "AnswerOutcome",
    "AnswerStatus",
    "ChoicePick",
    "DeckChoiceNeededError",
    "PromptView",
    "Response",
    "SelfGrade",
    "SessionRef",
    "SessionSummary",
    "StudyNotices",
    "StudyService",
    "TypedText",
    "UnknownDeckError",
]


class StudyService:
    """The study use cases over one database."""

    def __init__(self, runner: TransactionRunner, defaults: LearnerDefaults) -> None:
        """``runner`` is ``Database.runner``, the one way to the database."""
        self._defaults = defaults
        self._runner = runner

    async def start(
        self,
        user_id: int,
        deck_id: str | None,
        front_end: str,
        now: datetime,
        *,
        mode: str = MODE_REVIEW,
    ) -> SessionRef:
        """Resume the learner's open ``mode`` session on these decks today, or start one.

        Raises UnknownDeckError for a deck that is not loaded, DeckChoiceNeededError
        for a learner who studies no deck yet while several are loaded.
        """
        defaults = self._defaults
        return await self._runner.run(
            lambda conn: start_session(conn, user_id, deck_id, front_end, now, defaults, mode)
        )

    async def next_prompt(
        self,
        session_id: int,
        user_id: int,
        now: datetime,
        rng: random.Random,
        *,
        previews: bool = False,
    ) -> PromptView | None:
        """The face to show now (the unanswered one again, if any), or None when done.

        ``previews``: with each grade's next interval, for the grade buttons.
        """
        return await self._runner.run(
            lambda conn: next_prompt(conn, session_id, user_id, now, rng, previews=previews),
            quick=True,
        )

    async def answer(
        self,
        prompt_id: int,
        user_id: int,
        response: Response,
        now: datetime,
        *,
        recovering: bool = False,
    ) -> AnswerOutcome:
        """Grade one prompt: state + log row in one transaction, at most once per prompt.

        ``recovering``: a journalled click replayed at start (see `record_answer`).
        """
        try:
            return await self._runner.run(
                lambda conn: record_answer(
                    conn, prompt_id, user_id, response, now, recovering=recovering
                ),
                urgent=True,
            )
        except AnswerRejectedError as rejected:
            return rejected.outcome

    async def skip(self, prompt_id: int, user_id: int) -> bool:
        """Put a face aside for this session; it stays due and comes back next time."""
        return await self._runner.run(lambda conn: skip_prompt(conn, prompt_id, user_id))

    async def end(self, session_id: int, user_id: int, now: datetime) -> SessionSummary:
        """Close the session and sum it up, with what was still left for today."""
        return await self._runner.run(lambda conn: end_session(conn, session_id, user_id, now))

    async def notices(self, user_id: int, deck_id: str | None, now: datetime) -> StudyNotices:
        """A backlog (more due than the daily review limit) and exams that raise today's new
        cards, for the decks a session on ``deck_id`` covers: told as the session starts."""
        defaults = self._defaults

        def read(conn: Connection) -> StudyNotices:
            user = ensure_learner(conn, user_id, defaults, now)
            return study_notices(conn, user_id, deck_id, user_today(user, now),
                                 user.new_per_day, user.reviews_per_day)

        return await self._runner.run(read)

    async def summary(self, session_id: int, now: datetime) -> SessionSummary:
        return await self._runner.run(lambda conn: session_summary(conn, session_id, now))
