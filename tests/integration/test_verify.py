"""`db verify` on a log an older version wrote: one face reviewed twice on one study day."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import insert, update

from bot.srs.sm2 import Sm2State, review
from bot.storage.models import ReviewLog, ReviewState
from bot.study.learners import LearnerDefaults
from bot.study.runtime import Database
from bot.study.session import SelfGrade, StudyService
from bot.study.verify import verify_states
from tests.integration.builders import basic, deck
from tests.integration.storage_helpers import sessions_of, sync_deck

NOW = datetime(2026, 11, 25, 1, 0, tzinfo=UTC)  # 10:00 in Seoul
TODAY = date(2026, 11, 25)
LEARNER = 4001


async def test_two_scheduling_reviews_of_a_face_on_one_study_day_are_flagged(
    database: Database,
) -> None:
    async with sessions_of(database).begin() as session:
        await sync_deck(session, deck("d", basic("a")), NOW)
    service = StudyService(database.runner, LearnerDefaults())
    ref = await service.start(LEARNER, "d", "terminal", NOW)
    view = await service.next_prompt(ref.id, LEARNER, NOW, random.Random(0))
    assert view is not None
    await service.answer(view.prompt_id, LEARNER, SelfGrade(4), NOW)
    assert (await verify_states(database.runner)).ok
    # What a second session used to write for the same face minutes later: a second
    # review that took the new face to n=2, I=6 on the day it was introduced.
    twice = review(review(Sm2State.new(), 4, TODAY), 4, TODAY)
    later = NOW + timedelta(minutes=5)
    async with sessions_of(database).begin() as session:
        await session.execute(
            insert(ReviewLog).values(
                user_id=LEARNER, card_pk=view.card_pk, face=1, prompt_id=None, session_id=None,
                kind="review", quality=4, answer=None, reviewed_at=later, study_date=TODAY,
                ease_cents=twice.ease_cents, repetitions=twice.repetitions,
                interval=twice.interval, due=twice.due,
            )
        )
        await session.execute(
            update(ReviewState)
            .where(ReviewState.user_id == LEARNER)
            .values(repetitions=twice.repetitions, interval=twice.interval, due=twice.due)
        )
    report = await verify_states(database.runner)
    assert not report.ok
    assert report.mismatches == [
        f"user {LEARNER} card {view.card_pk} face 1: two scheduling reviews on study day "
        "2026-11-25"
    ]
