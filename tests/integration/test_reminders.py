"""Reminder DMs: local time, once a study day, only with cards waiting, off on closed DMs."""

from __future__ import annotations

import asyncio
import random
from datetime import UTC, datetime, time, timedelta

from bot.jobs.reminders import ReminderJob
from bot.study import reminders
from bot.study.learners import LearnerDefaults
from bot.study.runtime import Database, open_database
from bot.study.session import SelfGrade, StudyService
from tests.integration.builders import basic, deck
from tests.integration.daily_support import FakeDms, load

NOW = datetime(2026, 11, 25, 1, 0, tzinfo=UTC)  # 10:00 in Seoul
DEFAULTS = LearnerDefaults(timezone="Asia/Seoul", rollover_hour=4, new_per_day=1)
ANA, BEN = 101, 102


async def _learner(db: Database, user: int) -> StudyService:
    await load(db, deck("d", basic("b1"), basic("b2")), NOW)
    study = StudyService(db.runner, DEFAULTS)
    await study.start(user, "d", "discord", NOW)
    return study


async def test_one_reminder_at_the_local_time_while_cards_wait(database: Database) -> None:
    await _learner(database, ANA)
    view = await reminders.set_reminder(database.runner, ANA, True, time(19, 0), NOW, DEFAULTS)
    assert view.next_at == datetime(2026, 11, 25, 10, 0, tzinfo=UTC)
    dms = FakeDms()
    job = ReminderJob(database.runner, dms)
    assert (await job.tick(NOW + timedelta(hours=8, minutes=59))).sent == []
    assert (await job.tick(NOW + timedelta(hours=9))).sent == [ANA]
    assert dms.sent[0].waiting == 1  # one new card allowed per day
    assert (await job.tick(NOW + timedelta(hours=12))).sent == []  # once per study day
    # 02:00 the next night is still the same study day (rollover 04:00).
    assert (await job.tick(NOW + timedelta(hours=16))).sent == []
    assert (await job.tick(NOW + timedelta(days=1, hours=9))).sent == [ANA]


async def test_no_reminder_when_nothing_is_due(database: Database) -> None:
    study = await _learner(database, ANA)
    ref = await study.start(ANA, "d", "discord", NOW)
    prompt = await study.next_prompt(ref.id, ANA, NOW, random.Random(0))
    assert prompt is not None
    await study.answer(prompt.prompt_id, ANA, SelfGrade(5), NOW)  # today's one new card done
    await reminders.set_reminder(database.runner, ANA, True, time(19, 0), NOW, DEFAULTS)
    report = await ReminderJob(database.runner, FakeDms()).tick(NOW + timedelta(hours=9))
    assert report.sent == []


async def test_a_closed_dm_turns_reminders_off_and_leaves_one_notice(database: Database) -> None:
    await _learner(database, ANA)
    await reminders.set_reminder(database.runner, ANA, True, None, NOW, DEFAULTS)
    job = ReminderJob(database.runner, FakeDms(closed={ANA}))
    assert (await job.tick(NOW + timedelta(hours=9))).closed == [ANA]
    status = await reminders.reminder_status(database.runner, ANA, NOW)
    assert status is not None and not status.enabled
    assert await reminders.take_notice(database.runner, ANA) == reminders.REASON_DMS_CLOSED
    assert await reminders.take_notice(database.runner, ANA) is None
    assert (await job.tick(NOW + timedelta(days=1, hours=9))).closed == []
    # Turning them on again clears the reason.
    await reminders.set_reminder(database.runner, ANA, True, None, NOW, DEFAULTS)
    again = await reminders.reminder_status(database.runner, ANA, NOW)
    assert again is not None and again.enabled


async def test_two_processes_send_one_reminder(db_url: str) -> None:
    first, second = await open_database(db_url), await open_database(db_url)
    try:
        await _learner(first, BEN)
        await reminders.set_reminder(first.runner, BEN, True, time(19, 0), NOW, DEFAULTS)
        a, b = FakeDms(), FakeDms()
        at = NOW + timedelta(hours=9)
        await asyncio.gather(
            ReminderJob(first.runner, a).tick(at), ReminderJob(second.runner, b).tick(at)
        )
        assert len(a.sent) + len(b.sent) == 1
    finally:
        await first.close()
        await second.close()


async def test_a_reminder_with_a_backlog_says_how_long_catching_up_takes(
    database: Database,
) -> None:
    """Back from a break: more due than the daily review limit, and the reminder says so."""
    from sqlalchemy import update

    from bot.storage.models import ReviewState, User
    from tests.integration.storage_helpers import sessions_of

    await load(database, deck("d", *(basic(f"b{i}") for i in range(12))), NOW)
    study = StudyService(database.runner, LearnerDefaults(new_per_day=12))
    ref = await study.start(ANA, "d", "discord", NOW)
    while (prompt := await study.next_prompt(ref.id, ANA, NOW, random.Random(0))) is not None:
        await study.answer(prompt.prompt_id, ANA, SelfGrade(4), NOW)
    await study.end(ref.id, ANA, NOW)
    later = NOW + timedelta(days=30)
    async with sessions_of(database).begin() as session:
        await session.execute(update(User).values(reviews_per_day=5))
    await reminders.set_reminder(database.runner, ANA, True, time(19, 0), later, DEFAULTS)
    dms = FakeDms()
    await ReminderJob(database.runner, dms).tick(later + timedelta(hours=9))
    [sent] = dms.sent
    assert sent.backlog is not None
    assert (sent.backlog.due, sent.backlog.cap, sent.backlog.days) == (12, 5, 3)
    assert sent.waiting == 5
    async with sessions_of(database).begin() as session:  # nothing overdue beyond the cap
        await session.execute(update(User).values(reviews_per_day=50))
        await session.execute(update(ReviewState).values(due=(later + timedelta(hours=9)).date()))
    dms = FakeDms()
    await ReminderJob(database.runner, dms).tick(later + timedelta(days=1, hours=9))
    assert [d.backlog for d in dms.sent] == [None]
