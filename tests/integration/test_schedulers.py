"""Either scheduler on the answer path, switching between them, and `db verify` of both.

A learner studies for days, switches SM-2 -> FSRS -> SM-2 in /settings: every
switch rebuilds their states from the log in one transaction, the log itself
never changes, and coming back gives exactly the states they had.
"""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import func, select, update

from bot.srs import SchedulerKind, Scheduling
from bot.srs.fsrs_review import FsrsConfig, FsrsState
from bot.srs.rebuild import LoggedAnswer, rebuild_state
from bot.srs.sm2 import Sm2State
from bot.storage.models import ReviewLog, ReviewState, User
from bot.study.learners import LearnerDefaults
from bot.study.preferences import PreferenceChange, read_preferences, update_preferences
from bot.study.runtime import Database
from bot.study.scheduling import face_source, rng_for
from bot.study.session import AnswerStatus, SelfGrade, StudyService
from bot.study.verify import verify_states
from tests.integration.builders import basic, deck
from tests.integration.storage_helpers import sessions_of, sync_deck

START = datetime(2026, 11, 2, 1, 0, tzinfo=UTC)  # 10:00 in Seoul
LEARNER = 5001
DEFAULTS = LearnerDefaults()


async def _service(database: Database, scheduler: str | None = None) -> StudyService:
    snapshot = deck("d", *(basic(f"c{i}") for i in range(6)))
    if scheduler is not None:
        from dataclasses import replace

        snapshot = replace(snapshot, scheduler=scheduler)
    async with sessions_of(database).begin() as session:
        await sync_deck(session, snapshot, START)
    return StudyService(database.runner, DEFAULTS)


async def _study_day(service: StudyService, now: datetime, rng: random.Random) -> int:
    """Answer everything due today with grades drawn from ``rng``; how many were graded."""
    ref = await service.start(LEARNER, "d", "terminal", now)
    answered = 0
    while (view := await service.next_prompt(ref.id, LEARNER, now, rng)) is not None:
        grade = 4 if view.is_drill else rng.choice((1, 3, 4, 4, 5))
        outcome = await service.answer(view.prompt_id, LEARNER, SelfGrade(grade), now)
        assert outcome.status is AnswerStatus.RECORDED
        answered += 1
    await service.end(ref.id, LEARNER, now)
    return answered


async def _states(database: Database) -> dict[tuple[int, int], tuple[object, ...]]:
    async with sessions_of(database)() as session:
        rows = (await session.execute(select(
            ReviewState.card_pk, ReviewState.face, ReviewState.scheduler, ReviewState.ease_cents,
            ReviewState.repetitions, ReviewState.interval, ReviewState.due,
            ReviewState.stability, ReviewState.difficulty, ReviewState.last_review,
        ))).all()
    return {(r[0], r[1]): tuple(r[2:]) for r in rows}


async def _log_count(database: Database) -> int:
    async with sessions_of(database)() as session:
        return int((await session.execute(select(func.count()).select_from(ReviewLog))).scalar())


async def _switch(database: Database, scheduler: str, now: datetime) -> None:
    await update_preferences(
        database.runner, LEARNER, PreferenceChange(scheduler=scheduler), DEFAULTS, now)


async def test_switching_back_and_forth_rebuilds_from_the_log_and_loses_nothing(
    database: Database,
) -> None:
    service = await _service(database)
    rng = random.Random(11)
    for day in range(8):
        await _study_day(service, START + timedelta(days=day), rng)
    sm2_states = await _states(database)
    logged = await _log_count(database)
    assert {s[0] for s in sm2_states.values()} == {"sm2"}
    assert (await verify_states(database.runner)).ok

    now = START + timedelta(days=8)
    await _switch(database, "fsrs", now)
    fsrs_states = await _states(database)
    assert set(fsrs_states) == set(sm2_states)
    assert {s[0] for s in fsrs_states.values()} == {"fsrs"}
    assert all(s[1] is None and s[7] is not None for s in fsrs_states.values())
    assert fsrs_states != sm2_states
    assert (await verify_states(database.runner)).ok
    assert await _log_count(database) == logged  # the log is never rewritten

    await _switch(database, "sm2", now)
    assert await _states(database) == sm2_states  # exactly what SM-2 had
    await _switch(database, "fsrs", now)
    assert await _states(database) == fsrs_states
    assert await _log_count(database) == logged
    assert (await verify_states(database.runner)).ok


async def test_fsrs_reviews_what_its_package_computes_and_verify_agrees(
    database: Database,
) -> None:
    service = await _service(database)
    await _switch(database, "fsrs", START)
    rng = random.Random(5)
    for day in range(0, 40, 3):
        await _study_day(service, START + timedelta(days=day), rng)
    states = await _states(database)
    assert {s[0] for s in states.values()} == {"fsrs"}
    # Each state is the package's replay of the face's log with its own random source.
    async with sessions_of(database)() as session:
        log = (await session.execute(
            select(ReviewLog.card_pk, ReviewLog.face, ReviewLog.quality, ReviewLog.study_date)
            .where(ReviewLog.kind.in_(("new", "review"))).order_by(ReviewLog.id)
        )).all()
    scheduling = Scheduling(SchedulerKind.FSRS, FsrsConfig())
    for (card_pk, face), stored in states.items():
        answers = [
            LoggedAnswer(day, q, True) for pk, f, q, day in log if (pk, f) == (card_pk, face)
        ]
        rebuilt = rebuild_state(answers, scheduling, lambda d, k=(card_pk, face): rng_for(
            LEARNER, k[0], k[1], d))
        assert isinstance(rebuilt, FsrsState)
        assert stored == ("fsrs", None, None, rebuilt.interval, rebuilt.due, rebuilt.stability,
                          rebuilt.difficulty, rebuilt.last_review)
    assert any(s[3] > 2 for s in states.values())  # long enough to be fuzzed
    assert (await verify_states(database.runner)).ok
    # A tampered FSRS state is caught.
    async with sessions_of(database).begin() as session:
        await session.execute(update(ReviewState).values(stability=ReviewState.stability + 1))
    assert not (await verify_states(database.runner)).ok


async def test_the_grade_buttons_show_the_days_the_answer_then_schedules(
    database: Database,
) -> None:
    for scheduler in ("sm2", "fsrs"):
        service = await _service(database)
        await _switch(database, scheduler, START)
        rng = random.Random(3)
        for day in range(0, 30, 4):
            now = START + timedelta(days=day)
            ref = await service.start(LEARNER, "d", "terminal", now)
            while (view := await service.next_prompt(
                ref.id, LEARNER, now, rng, previews=True)) is not None:
                grade = 4 if view.is_drill else rng.choice((1, 3, 4, 5))
                if view.is_drill:
                    assert view.intervals is None
                else:
                    assert view.intervals is not None and set(view.intervals) == {1, 3, 4, 5}
                outcome = await service.answer(view.prompt_id, LEARNER, SelfGrade(grade), now)
                if not view.is_drill:
                    assert view.intervals is not None
                    assert outcome.next_in_days == view.intervals[grade]
            await service.end(ref.id, LEARNER, now)
        async with sessions_of(database).begin() as session:
            await session.execute(ReviewLog.__table__.delete())
            await session.execute(ReviewState.__table__.delete())


async def test_sm2_buttons_are_exact_and_easy_does_not_lengthen_the_first_two(
    database: Database,
) -> None:
    service = await _service(database)
    ref = await service.start(LEARNER, "d", "terminal", START)
    view = await service.next_prompt(ref.id, LEARNER, START, random.Random(0), previews=True)
    assert view is not None and view.intervals == {1: 1, 3: 1, 4: 1, 5: 1}
    await service.answer(view.prompt_id, LEARNER, SelfGrade(5), START)
    await service.end(ref.id, LEARNER, START)
    tomorrow = START + timedelta(days=1)
    ref = await service.start(LEARNER, "d", "terminal", tomorrow)
    view = await service.next_prompt(ref.id, LEARNER, tomorrow, random.Random(0), previews=True)
    assert view is not None and not view.is_new
    assert view.intervals == {1: 1, 3: 6, 4: 6, 5: 6}


async def test_a_deck_default_applies_until_the_learner_chooses(database: Database) -> None:
    service = await _service(database, scheduler="fsrs")
    await _study_day(service, START, random.Random(2))
    assert {s[0] for s in (await _states(database)).values()} == {"fsrs"}
    prefs = await read_preferences(database.runner, LEARNER, DEFAULTS, START)
    assert prefs.scheduler is None
    await _switch(database, "sm2", START)
    assert {s[0] for s in (await _states(database)).values()} == {"sm2"}
    await _switch(database, "deck", START)
    assert {s[0] for s in (await _states(database)).values()} == {"fsrs"}
    assert (await verify_states(database.runner)).ok


async def test_a_new_retention_rebuilds_fsrs_states(database: Database) -> None:
    service = await _service(database)
    await _switch(database, "fsrs", START)
    rng = random.Random(8)
    for day in (0, 1, 4, 9):
        await _study_day(service, START + timedelta(days=day), rng)
    before = await _states(database)
    await update_preferences(database.runner, LEARNER, PreferenceChange(desired_retention=0.8),
                             DEFAULTS, START + timedelta(days=9))
    after = await _states(database)
    assert after != before
    assert (await verify_states(database.runner)).ok
    async with sessions_of(database)() as session:
        assert (await session.execute(select(User.desired_retention))).scalar() == 0.8
    assert face_source(1, 2, 3) == "1:2:3"  # the random source's key never changes


async def test_sm2_states_stay_exactly_sm2(database: Database) -> None:
    service = await _service(database)
    await _study_day(service, START, random.Random(1))
    for stored in (await _states(database)).values():
        assert stored[0] == "sm2"
        assert Sm2State.from_cents(stored[1], stored[2], stored[3], stored[4]).due == (
            date(2026, 11, 3)
        )
