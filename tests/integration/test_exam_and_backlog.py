"""An exam date and a backlog on the real answer path: what a learner is served and told.

- An exam raises today's new cards when the deck needs it (and says why),
  caps intervals into the exam's last week, and logs the exam in force with
  each review so `db verify` reproduces the cap.
- A learner back from a break gets the day's share of a backlog most
  overdue relative to interval first, and how many days catching up takes.
"""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import select, text, update

from bot.srs.exam import REASON_RAISED, last_week
from bot.storage.models import ReviewLog, ReviewState
from bot.study.exams import (
    ExamProblem,
    ExamRefusedError,
    clear_exam,
    exam_overview,
    set_exam,
)
from bot.study.learners import LearnerDefaults
from bot.study.runtime import Database
from bot.study.session import AnswerStatus, SelfGrade, StudyService
from bot.study.verify import verify_states
from tests.integration.builders import basic, deck
from tests.integration.storage_helpers import sessions_of, sync_deck

START = datetime(2026, 11, 2, 1, 0, tzinfo=UTC)  # 10:00 in Seoul, study day 2026-11-02
TODAY = date(2026, 11, 2)
LEARNER = 6001


async def _service(database: Database, faces: int, **limits: int) -> StudyService:
    async with sessions_of(database).begin() as session:
        await sync_deck(session, deck("d", *(basic(f"c{i:03}") for i in range(faces))), START)
    return StudyService(database.runner, LearnerDefaults(**limits))  # type: ignore[arg-type]


async def _day(service: StudyService, now: datetime, grade: int = 4) -> list[tuple[int, int]]:
    """Study everything served today with one grade; the faces answered, in order."""
    ref = await service.start(LEARNER, "d", "terminal", now)
    seen = []
    rng = random.Random(0)
    while (view := await service.next_prompt(ref.id, LEARNER, now, rng)) is not None:
        outcome = await service.answer(view.prompt_id, LEARNER,
                                       SelfGrade(4 if view.is_drill else grade), now)
        assert outcome.status is AnswerStatus.RECORDED
        if not view.is_drill:
            seen.append((view.card_pk, view.face))
    await service.end(ref.id, LEARNER, now)
    return seen


async def test_an_exam_raises_the_new_cards_says_why_and_every_card_is_met_twice(
    database: Database,
) -> None:
    service = await _service(database, 60, new_per_day=5)
    exam = TODAY + timedelta(days=10)
    await service.start(LEARNER, "d", "terminal", START)  # joins the deck
    overview = await set_exam(database.runner, LEARNER, "d", exam, START, LearnerDefaults())
    [planned] = overview.exams
    # 60 cards, introduced by two days before the exam (9 study days): 7 a day, not 5.
    assert (planned.plan.reason, planned.plan.new_per_day, planned.plan.cards_left) == (
        REASON_RAISED, 7, 60)
    notices = await service.notices(LEARNER, "d", START)
    assert [e.deck_id for e in notices.raised] == ["d"]
    reviewed: dict[tuple[int, int], int] = {}
    for offset in range(10):
        served = await _day(service, START + timedelta(days=offset))
        if offset == 0:
            assert len(served) == 7
        for key in served:
            reviewed[key] = reviewed.get(key, 0) + 1
    assert len(reviewed) == 60
    assert min(reviewed.values()) >= 2  # every card reviewed twice before the exam
    async with sessions_of(database)() as session:
        logged = (await session.execute(
            select(ReviewLog.card_pk, ReviewLog.face, ReviewLog.study_date,
                   ReviewLog.exam_date).where(ReviewLog.kind.in_(("new", "review")))
        )).all()
    assert {row.exam_date for row in logged} == {exam}
    first, last = last_week(exam)
    in_last_week = {(r.card_pk, r.face) for r in logged if first <= r.study_date <= last}
    assert in_last_week == set(reviewed)  # every card comes back in the exam's last week
    assert (await verify_states(database.runner)).ok


async def test_an_interval_that_would_jump_past_the_exam_comes_back_in_its_last_week(
    database: Database,
) -> None:
    service = await _service(database, 1)
    await _day(service, START)  # SM-2: 1 day
    await _day(service, START + timedelta(days=1))  # then 6 days: due on day 7
    exam = TODAY + timedelta(days=19)
    await set_exam(database.runner, LEARNER, "d", exam, START, LearnerDefaults())
    await _day(service, START + timedelta(days=7))  # ceil(6 * 2.5) = 15 days: day 22
    async with sessions_of(database)() as session:
        [(due, interval)] = (await session.execute(
            select(ReviewState.due, ReviewState.interval))).all()
        [(logged_exam,)] = (await session.execute(
            select(ReviewLog.exam_date).order_by(ReviewLog.id.desc()).limit(1))).all()
    first, last = last_week(exam)
    assert interval == 15  # SM-2's own interval is kept: only the date moves
    assert first <= due <= last < exam
    assert logged_exam == exam
    assert (await verify_states(database.runner)).ok
    # Without the logged exam, the replay would not reproduce the capped date.
    async with sessions_of(database).begin() as session:
        await session.execute(update(ReviewLog).values(exam_date=None))
    assert not (await verify_states(database.runner)).ok


async def test_exam_dates_are_refused_in_the_past_and_cleared_back_to_normal(
    database: Database,
) -> None:
    service = await _service(database, 3)
    await service.start(LEARNER, "d", "terminal", START)
    defaults = LearnerDefaults()
    with pytest.raises(ExamRefusedError) as refused:
        await set_exam(database.runner, LEARNER, "d", TODAY, START, defaults)
    assert refused.value.problem is ExamProblem.NOT_AHEAD
    with pytest.raises(ExamRefusedError) as unknown:
        await set_exam(database.runner, LEARNER, "nope", TODAY + timedelta(days=3), START,
                       defaults)
    assert unknown.value.problem is ExamProblem.UNKNOWN_DECK
    await set_exam(database.runner, LEARNER, None, TODAY + timedelta(days=3), START, defaults)
    assert [e.deck_id for e in (await exam_overview(database.runner, LEARNER, START,
                                                    defaults)).exams] == ["d"]
    assert await clear_exam(database.runner, LEARNER, None) == 1
    assert (await exam_overview(database.runner, LEARNER, START, defaults)).exams == ()
    # After the exam day the plan is gone: scheduling is back to normal.
    await set_exam(database.runner, LEARNER, "d", TODAY + timedelta(days=3), START, defaults)
    later = START + timedelta(days=3)
    assert (await exam_overview(database.runner, LEARNER, later, defaults)).exams == ()


async def test_a_study_groups_exam_applies_to_its_members_unless_they_set_their_own(
    database: Database,
) -> None:
    service = await _service(database, 2)
    await _day(service, START)
    group_exam = TODAY + timedelta(days=20)
    async with sessions_of(database).begin() as session:
        await session.execute(text(
            "INSERT INTO daily_configs (guild_id, channel_id, deck_id, post_time, timezone, "
            "reveal_after_minutes, language, paused, created_by, created_at, exam_date) "
            "VALUES (1, 10, 'd', '09:00:00', 'Asia/Seoul', 480, 'ko', :f, 1, :now, :exam)"),
            {"now": START, "exam": group_exam, "f": False})
    defaults = LearnerDefaults()
    assert (await exam_overview(database.runner, LEARNER, START, defaults)).exams == ()
    async with sessions_of(database).begin() as session:  # the learner answers its question
        post = (await session.execute(text(
            "INSERT INTO daily_posts (guild_id, channel_id, local_date, face, seed, claimed_at, "
            "reveal_due_at, status) VALUES (1, 10, :day, 1, 0, :now, :now, 'revealed') "
            "RETURNING id"), {"day": TODAY, "now": START})).scalar_one()
        await session.execute(text(
            "INSERT INTO daily_answers (post_id, user_id, response, correct, points, "
            "answered_at) VALUES (:post, :user, 'x', :t, 10, :now)"),
            {"post": post, "user": LEARNER, "now": START, "t": True})
    [group] = (await exam_overview(database.runner, LEARNER, START, defaults)).exams
    assert (group.exam, group.own) == (group_exam, False)
    # A second group on the deck whose exam passed yesterday does not hide the first one.
    async with sessions_of(database).begin() as session:
        await session.execute(text(
            "INSERT INTO daily_configs (guild_id, channel_id, deck_id, post_time, timezone, "
            "reveal_after_minutes, language, paused, created_by, created_at, exam_date) "
            "VALUES (2, 20, 'd', '09:00:00', 'Asia/Seoul', 480, 'ko', :f, 1, :now, :exam)"),
            {"now": START, "exam": TODAY, "f": False})
        post = (await session.execute(text(
            "INSERT INTO daily_posts (guild_id, channel_id, local_date, face, seed, claimed_at, "
            "reveal_due_at, status) VALUES (2, 20, :day, 1, 0, :now, :now, 'revealed') "
            "RETURNING id"), {"day": TODAY, "now": START})).scalar_one()
        await session.execute(text(
            "INSERT INTO daily_answers (post_id, user_id, response, correct, points, "
            "answered_at) VALUES (:post, :user, 'x', :t, 10, :now)"),
            {"post": post, "user": LEARNER, "now": START, "t": True})
    assert len(await _day(service, START + timedelta(days=1))) == 2
    async with sessions_of(database)() as session:
        logged = (await session.execute(select(ReviewLog.exam_date).where(
            ReviewLog.study_date == TODAY + timedelta(days=1)))).scalars().all()
    assert logged == [group_exam, group_exam]  # the answer path applies the group's exam
    own = TODAY + timedelta(days=9)
    await set_exam(database.runner, LEARNER, "d", own, START, defaults)
    [mine] = (await exam_overview(database.runner, LEARNER, START, defaults)).exams
    assert (mine.exam, mine.own) == (own, True)


async def test_a_backlog_is_served_most_overdue_for_its_interval_first_under_the_cap(
    database: Database,
) -> None:
    service = await _service(database, 30, new_per_day=30, reviews_per_day=10)
    await _day(service, START)
    # Back after a break: every face overdue, with intervals from 30 down to 1 day, all due
    # on the same day 40 days ago: the short intervals are the most overdue for theirs.
    back = START + timedelta(days=60)
    long_ago = TODAY + timedelta(days=20)
    async with sessions_of(database).begin() as session:
        pks = (await session.execute(
            select(ReviewState.card_pk).order_by(ReviewState.card_pk))).scalars().all()
        for index, pk in enumerate(pks):
            await session.execute(update(ReviewState).where(ReviewState.card_pk == pk)
                                  .values(interval=30 - index, due=long_ago))
    notices = await service.notices(LEARNER, "d", back)
    assert notices.backlog is not None
    assert (notices.backlog.due, notices.backlog.cap, notices.backlog.days) == (30, 10, 3)
    served = await _day(service, back)
    assert [pk for pk, _ in served] == list(reversed(pks))[:10]  # intervals 1, 2, ... 10
    assert await _day(service, back) == []  # the cap holds for the day
    tomorrow = await _day(service, back + timedelta(days=1))
    assert [pk for pk, _ in tomorrow] == list(reversed(pks))[10:20]
