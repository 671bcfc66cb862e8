"""One learner answering the same face from two places at once (DMs and a group's session).

SQLite serialises every writer, so the second answer always sees the first's
state.  PostgreSQL runs them side by side: without a lock both would read "never
reviewed", and the second INSERT of the state would fail (or an UPDATE would
overwrite the first review).  Whichever goes second finds the face reviewed
since its prompt was shown and counts as a drill.  Runs on both databases
(tests/conftest.py).
"""

from __future__ import annotations

import asyncio
import random
from datetime import UTC, date, datetime, time

from sqlalchemy import select

from bot.srs.sm2 import Sm2State, review
from bot.storage.daily_models import Reminder
from bot.storage.models import ReviewLog, ReviewState
from bot.study import reminders
from bot.study.learners import LearnerDefaults
from bot.study.runtime import Database
from bot.study.session import AnswerStatus, SelfGrade, StudyService
from bot.study.verify import verify_states
from tests.integration.builders import basic, deck
from tests.integration.storage_helpers import get_or_create_user, sessions_of, sync_deck

NOW = datetime(2026, 11, 25, 1, 0, tzinfo=UTC)  # 10:00 in Seoul
TODAY = date(2026, 11, 25)
#: (learner, the two grades given at once): a pass on a pass, a lapse and a pass, ...
CASES = [(3001, (5, 5)), (3002, (1, 4)), (3003, (4, 0)), (3004, (3, 3))]


async def _two_prompts_of_one_face(service: StudyService, learner: int) -> tuple[int, int]:
    """Two open sessions (the deck, all decks) both showing the deck's only face."""
    rng = random.Random(learner)
    one = await service.start(learner, "d", "discord", NOW)
    every = await service.start(learner, None, "discord", NOW)
    assert one.id != every.id
    first = await service.next_prompt(one.id, learner, NOW, rng)
    second = await service.next_prompt(every.id, learner, NOW, rng)
    assert first is not None and second is not None
    assert first.prompt_id != second.prompt_id
    return first.prompt_id, second.prompt_id


async def test_two_answers_to_one_face_at_once_schedule_it_once(database: Database) -> None:
    async with sessions_of(database).begin() as session:
        await sync_deck(session, deck("d", basic("a")), NOW)
    service = StudyService(database.runner, LearnerDefaults())
    prompts = {learner: await _two_prompts_of_one_face(service, learner) for learner, _ in CASES}
    outcomes = await asyncio.gather(
        *(
            service.answer(prompt, learner, SelfGrade(quality), NOW)
            for learner, grades in CASES
            for prompt, quality in zip(prompts[learner], grades, strict=True)
        )
    )
    assert [o.status for o in outcomes] == [AnswerStatus.RECORDED] * 2 * len(CASES)
    for learner, _ in CASES:
        async with sessions_of(database)() as session:
            logs = list(
                await session.scalars(
                    select(ReviewLog).where(ReviewLog.user_id == learner).order_by(ReviewLog.id)
                )
            )
            state = await session.scalar(
                select(ReviewState).where(ReviewState.user_id == learner)
            )
        # Whichever came first scheduled the face; the other, shown for a schedule that
        # was gone by then, is logged as a drill: a new face is not at n=2, I=6 on day one.
        assert [log.kind for log in logs] == ["new", "drill"]
        expected = review(Sm2State.new(), logs[0].quality, TODAY)
        assert state is not None
        assert Sm2State.from_cents(
            state.ease_cents, state.repetitions, state.interval, state.due
        ) == expected
    assert (await verify_states(database.runner)).ok


async def test_reminder_switched_on_twice_at_once_keeps_one_row(database: Database) -> None:
    """A double click on "remind me": the second finds the first's row instead of failing."""
    learner = 3100
    async with sessions_of(database).begin() as session:  # a learner the bot already knows
        await get_or_create_user(session, learner, LearnerDefaults(), NOW)
    views = await asyncio.gather(
        *(
            reminders.set_reminder(database.runner, learner, True, at, NOW, LearnerDefaults())
            for at in (time(19, 0), time(20, 0), None)
        )
    )
    assert all(view.enabled for view in views)
    async with sessions_of(database)() as session:
        rows = list(await session.scalars(select(Reminder).where(Reminder.user_id == learner)))
    assert len(rows) == 1
    assert rows[0].local_time in (time(19, 0), time(20, 0))
