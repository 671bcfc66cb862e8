"""The daily question on a real SQLite file: set-up, claim, post, answer, reveal, catch-up."""

from __future__ import annotations

import asyncio
import logging
import random
from datetime import UTC, date, datetime, time, timedelta

import pytest
from sqlalchemy import select, text

from bot.jobs.daily import DailyJob
from bot.storage.daily_models import DailyAnswer, DailyPost
from bot.storage.models import ReviewLog, ReviewState, StudySession
from bot.study import daily
from bot.study.answering import ChoicePick, record_answer
from bot.study.daily import DailySetupError, DailyStatus, PickAnswer, ProblemKind, TextAnswer
from bot.study.learners import LearnerDefaults
from bot.study.runtime import Database, open_database
from bot.study.session import StudyService
from tests.integration.builders import choice, cloze, deck, typed
from tests.integration.daily_support import CHANNEL, GUILD, FakeChannels, load, setup_daily
from tests.integration.storage_helpers import sessions_of

# 08:00 in Seoul on 2026-11-25; the group posts at 09:00 (00:00 UTC) and reveals 8 h later.
SETUP_AT = datetime(2026, 11, 24, 23, 0, tzinfo=UTC)
POST_AT = datetime(2026, 11, 25, 0, 0, tzinfo=UTC)
GRACE = timedelta(hours=1)
ANA, BEN, CHO = 101, 102, 103


def _job(db: Database, channels: FakeChannels) -> DailyJob:
    return DailyJob(db.runner, channels, grace=GRACE)


async def _choice_deck(db: Database) -> None:
    await load(db, deck("d", choice("c1", ["IaaS", "PaaS", "SaaS"], "IaaS")), SETUP_AT)


async def test_setup_refuses_an_unknown_deck_a_bad_zone_and_a_time_skipped_by_dst(
    database: Database,
) -> None:
    await _choice_deck(database)
    with pytest.raises(DailySetupError) as unknown:
        await setup_daily(database, SETUP_AT, deck_id="nope")
    assert unknown.value.kind is ProblemKind.UNKNOWN_DECK
    with pytest.raises(DailySetupError) as zone:
        await setup_daily(database, SETUP_AT, tz="Mars/Olympus")
    assert zone.value.kind is ProblemKind.UNKNOWN_ZONE
    # 02:30 never shows in New York on 2027-03-14 (clocks jump from 02:00 to 03:00).
    with pytest.raises(DailySetupError) as gap:
        await setup_daily(database, SETUP_AT, at=time(2, 30), tz="America/New_York")
    assert (gap.value.kind, gap.value.detail) == (ProblemKind.SKIPPED_TIME, "2027-03-14")
    # Seoul has no DST: 02:30 exists every day.
    view = await setup_daily(database, SETUP_AT, at=time(2, 30), tz="Asia/Seoul")
    assert view.post_time == time(2, 30)
    with pytest.raises(DailySetupError) as reveal:
        await setup_daily(database, SETUP_AT, reveal_minutes=24 * 60)
    assert reveal.value.kind is ProblemKind.BAD_REVEAL


async def test_one_config_per_channel_several_per_guild_and_status_in_utc(
    database: Database,
) -> None:
    await _choice_deck(database)
    await setup_daily(database, SETUP_AT, at=time(9, 0))
    await setup_daily(database, SETUP_AT, at=time(21, 0))  # same channel: replaced
    await setup_daily(database, SETUP_AT, channel=CHANNEL + 1, at=time(7, 0))
    views = await daily.guild_configs(database.runner, GUILD, SETUP_AT)
    assert [(v.channel_id, v.post_time) for v in views] == [
        (CHANNEL, time(21, 0)),
        (CHANNEL + 1, time(7, 0)),
    ]
    first = views[0]
    assert first.next_post_at == datetime(2026, 11, 25, 12, 0, tzinfo=UTC)
    assert first.next_reveal_at == datetime(2026, 11, 25, 20, 0, tzinfo=UTC)
    assert await daily.set_paused(database.runner, GUILD, CHANNEL, True)
    paused = await daily.channel_config(database.runner, CHANNEL, SETUP_AT)
    assert paused is not None and paused.paused and paused.next_post_at is None
    assert not await daily.set_paused(database.runner, GUILD + 1, CHANNEL, False)
    assert await daily.remove(database.runner, GUILD, CHANNEL + 1)
    assert await daily.channel_config(database.runner, CHANNEL + 1, SETUP_AT) is None


async def test_posts_at_the_local_time_once_and_a_paused_group_not_at_all(
    database: Database,
) -> None:
    await _choice_deck(database)
    await setup_daily(database, SETUP_AT)
    channels = FakeChannels()
    job = _job(database, channels)
    assert (await job.tick(POST_AT - timedelta(seconds=1))).posted == []
    report = await job.tick(POST_AT)
    assert len(report.posted) == 1 and len(channels.posts) == 1
    assert channels.posts[0].text.question.startswith("Pick c1")
    await job.tick(POST_AT + timedelta(minutes=5))
    assert len(channels.posts) == 1
    await daily.set_paused(database.runner, GUILD, CHANNEL, True)
    await job.tick(POST_AT + timedelta(days=1))
    assert len(channels.posts) == 1


async def test_two_processes_on_one_database_post_once(db_url: str) -> None:
    first, second = await open_database(db_url), await open_database(db_url)
    try:
        await _choice_deck(first)
        await setup_daily(first, SETUP_AT)
        a, b = FakeChannels(), FakeChannels()
        await asyncio.gather(_job(first, a).tick(POST_AT), _job(second, b).tick(POST_AT))
        assert len(a.posts) + len(b.posts) == 1
    finally:
        await first.close()
        await second.close()


async def test_catch_up_within_the_grace_period_else_skip_and_log(
    database: Database, caplog: pytest.LogCaptureFixture
) -> None:
    await _choice_deck(database)
    await setup_daily(database, SETUP_AT)
    await setup_daily(database, SETUP_AT, channel=CHANNEL + 1, at=time(8, 30))
    channels = FakeChannels()
    # The bot comes back at 09:40 Seoul: 09:00 is within the hour, 08:30 is not.
    with caplog.at_level(logging.WARNING, logger="bot.jobs.daily"):
        report = await _job(database, channels).tick(POST_AT + timedelta(minutes=40))
    assert [p.channel_id for p in channels.posts] == [CHANNEL]
    assert report.skipped == [(CHANNEL + 1, date(2026, 11, 25))]
    assert "skipped" in caplog.text
    # Skipped stays skipped: a later tick does not post it late.
    await _job(database, channels).tick(POST_AT + timedelta(hours=2))
    assert [p.channel_id for p in channels.posts] == [CHANNEL]


async def test_a_group_set_up_after_todays_time_starts_tomorrow(database: Database) -> None:
    await _choice_deck(database)
    await setup_daily(database, POST_AT + timedelta(minutes=10))
    channels = FakeChannels()
    await _job(database, channels).tick(POST_AT + timedelta(minutes=20))
    assert channels.posts == []
    await _job(database, channels).tick(POST_AT + timedelta(days=1))
    assert len(channels.posts) == 1


async def test_answers_once_each_then_reveal_with_figures_and_late_clicks(
    database: Database,
) -> None:
    await _choice_deck(database)
    await setup_daily(database, SETUP_AT)
    channels = FakeChannels()
    job = _job(database, channels)
    post_id = (await job.tick(POST_AT)).posted[0]
    view = channels.posts[0]
    right = view.text.choices.index("IaaS")
    wrong = (right + 1) % 3

    async def pick(user: int, index: int, at: datetime) -> daily.DailyOutcome:
        return await daily.answer(database.runner, post_id, user, PickAnswer(index), at)

    a = await pick(ANA, right, POST_AT + timedelta(minutes=1))
    b = await pick(BEN, wrong, POST_AT + timedelta(minutes=2))
    c1 = await pick(CHO, right, POST_AT + timedelta(minutes=3))
    c2 = await pick(CHO, wrong, POST_AT + timedelta(minutes=4))
    assert (a.status, a.correct, a.points) == (DailyStatus.RECORDED, True, 13)
    assert (b.status, b.correct, b.points) == (DailyStatus.RECORDED, False, 0)
    assert (c1.correct, c1.points) == (True, 12)
    assert (c2.status, c2.correct) == (DailyStatus.ALREADY, True)
    assert a.answer is None  # not before the reveal
    assert (await job.tick(POST_AT + timedelta(hours=8))).revealed == [post_id]
    shown = channels.reveals[0]
    assert (shown.answered, shown.correct, shown.first_correct) == (3, 2, [ANA, CHO])
    assert shown.correct_share == pytest.approx(2 / 3)
    late = await pick(ANA + 10, right, POST_AT + timedelta(hours=9))
    assert (late.status, late.answer, late.points) == (DailyStatus.LATE, "IaaS", 0)
    again = await pick(BEN, right, POST_AT + timedelta(hours=9))
    assert (again.status, again.correct, again.answer) == (DailyStatus.ALREADY, False, "IaaS")
    async with sessions_of(database)() as session:
        answers = (await session.scalars(select(DailyAnswer))).all()
    assert sorted(a.user_id for a in answers) == [ANA, BEN, CHO]


async def test_twenty_members_at_once_get_one_of_each_first_bonus(database: Database) -> None:
    """On PostgreSQL the answers run side by side: each must see the ones before it."""
    await _choice_deck(database)
    await setup_daily(database, SETUP_AT)
    channels = FakeChannels()
    job = _job(database, channels)
    post_id = (await job.tick(POST_AT)).posted[0]
    right = channels.posts[0].text.choices.index("IaaS")
    members = range(500, 520)
    outcomes = await asyncio.gather(
        *(
            daily.answer(
                database.runner, post_id, user, PickAnswer(right), POST_AT + timedelta(minutes=1)
            )
            for user in members
        )
    )
    assert {o.status for o in outcomes} == {DailyStatus.RECORDED}
    assert sorted((o.points for o in outcomes), reverse=True) == [13, 12, 11] + [10] * 17
    # The reveal names the first three as the bonus did.
    await job.tick(POST_AT + timedelta(hours=8))
    by_points = {o.points: user for o, user in zip(outcomes, members, strict=True)}
    assert channels.reveals[0].first_correct == [by_points[13], by_points[12], by_points[11]]


async def test_a_failed_reveal_is_retried_and_a_missed_one_done_at_start_up(
    database: Database,
) -> None:
    await _choice_deck(database)
    await setup_daily(database, SETUP_AT, reveal_minutes=60)
    channels = FakeChannels(fail_reveals=1)
    await _job(database, channels).tick(POST_AT)
    assert (await _job(database, channels).tick(POST_AT + timedelta(hours=1))).revealed == []
    # The bot was down through the retry; the next start-up tick reveals it.
    restarted = _job(database, channels)
    assert len((await restarted.tick(POST_AT + timedelta(hours=5))).revealed) == 1
    assert len(channels.reveals) == 1


async def test_typed_and_cloze_use_the_dm_matching(database: Database) -> None:
    await load(
        database,
        deck(
            "d",
            typed("t1", "Domain Name System", accept=["DNS"]),
            cloze("z1", "A Dockerfile is {{c1::built}} into an image.", (1,)),
        ),
        SETUP_AT,
    )
    await setup_daily(database, SETUP_AT)
    channels = FakeChannels()
    job = _job(database, channels)
    outcomes: dict[str, list[DailyStatus | bool | None]] = {}
    for day in range(2):
        now = POST_AT + timedelta(days=day)
        post_id = (await job.tick(now)).posted[0]
        text = channels.posts[-1].text
        given = {"typed": "dns", "cloze": "BUILT"}[text.type]
        right = await daily.answer(database.runner, post_id, ANA, TextAnswer(given), now)
        wrong = await daily.answer(database.runner, post_id, BEN, TextAnswer("nope"), now)
        outcomes[text.type] = [right.correct, wrong.correct]
    # Two days, two different cards: none repeated while another was fresh.
    assert outcomes == {"typed": [True, False], "cloze": [True, False]}


async def test_a_learner_of_the_deck_gets_a_review_when_the_face_is_new_or_due(
    database: Database,
) -> None:
    await _choice_deck(database)
    study = StudyService(database.runner, LearnerDefaults())
    await study.start(ANA, "d", "discord", SETUP_AT)  # Ana studies the deck; Ben does not
    await setup_daily(database, SETUP_AT)
    channels = FakeChannels()
    job = _job(database, channels)
    post_id = (await job.tick(POST_AT)).posted[0]
    right = channels.posts[0].text.choices.index("IaaS")
    ana = await daily.answer(database.runner, post_id, ANA, PickAnswer(right), POST_AT)
    ben = await daily.answer(database.runner, post_id, BEN, PickAnswer(right), POST_AT)
    assert (ana.reviewed, ben.reviewed) == (True, False)
    async with sessions_of(database)() as session:
        states = (await session.scalars(select(ReviewState))).all()
        logs = (await session.scalars(select(ReviewLog))).all()
        daily_sessions = (
            await session.scalars(select(StudySession).where(StudySession.front_end == "daily"))
        ).all()
    assert [(s.user_id, s.repetitions, s.interval) for s in states] == [(ANA, 1, 1)]
    assert [(log.user_id, log.kind, log.quality) for log in logs] == [(ANA, "new", 4)]
    assert all(s.ended_at is not None for s in daily_sessions)
    # Tomorrow the same card (the only one) is due again for Ana: it counts once more.
    post2 = (await job.tick(POST_AT + timedelta(days=1))).posted[0]
    right2 = channels.posts[1].text.choices.index("IaaS")
    later = POST_AT + timedelta(days=1)
    again = await daily.answer(database.runner, post2, ANA, PickAnswer(right2), later)
    assert again.reviewed
    # The day after it is not due (interval 6): the answer scores but is no review.
    post3 = (await job.tick(POST_AT + timedelta(days=2))).posted[0]
    right3 = channels.posts[2].text.choices.index("IaaS")
    third = await daily.answer(
        database.runner, post3, ANA, PickAnswer(right3), POST_AT + timedelta(days=2)
    )
    assert third.correct and not third.reviewed


async def test_new_york_posts_follow_the_wall_clock_across_both_dst_changes(
    database: Database,
) -> None:
    await _choice_deck(database)
    start = datetime(2026, 3, 7, 12, 0, tzinfo=UTC)
    await setup_daily(database, start, tz="America/New_York", at=time(9, 0), reveal_minutes=60)
    channels = FakeChannels()
    job = _job(database, channels)
    posted_at: list[datetime] = []
    # Tick every 15 minutes across the spring-forward night (2026-03-08).
    now = start
    while now < datetime(2026, 3, 10, 0, 0, tzinfo=UTC):
        if (await job.tick(now)).posted:
            posted_at.append(now)
        now += timedelta(minutes=15)
    assert posted_at == [
        datetime(2026, 3, 7, 14, 0, tzinfo=UTC),  # 09:00 EST
        datetime(2026, 3, 8, 13, 0, tzinfo=UTC),  # 09:00 EDT
        datetime(2026, 3, 9, 13, 0, tzinfo=UTC),
    ]
    fall = datetime(2026, 10, 31, 12, 0, tzinfo=UTC)
    now, posted_at = fall, []
    while now < datetime(2026, 11, 2, 0, 0, tzinfo=UTC):
        if (await job.tick(now)).posted:
            posted_at.append(now)
        now += timedelta(minutes=15)
    assert posted_at == [
        datetime(2026, 10, 31, 13, 0, tzinfo=UTC),  # 09:00 EDT
        datetime(2026, 11, 1, 14, 0, tzinfo=UTC),  # 09:00 EST
    ]


async def test_seoul_at_midnight_posts_on_the_right_local_date(database: Database) -> None:
    await _choice_deck(database)
    await setup_daily(database, SETUP_AT, at=time(0, 0))
    channels = FakeChannels()
    job = _job(database, channels)
    # 00:00 in Seoul on 2026-11-26 is 15:00 UTC on the 25th.
    await job.tick(datetime(2026, 11, 25, 14, 59, tzinfo=UTC))
    assert channels.posts == []
    await job.tick(datetime(2026, 11, 25, 15, 0, tzinfo=UTC))
    assert [p.local_date for p in channels.posts] == [date(2026, 11, 26)]


async def test_post_now_claims_today_and_refuses_a_second(database: Database) -> None:
    await _choice_deck(database)
    await setup_daily(database, SETUP_AT)
    channels = FakeChannels()
    job = _job(database, channels)
    slot = await daily.post_now_slot(database.runner, CHANNEL, SETUP_AT)
    assert slot is not None
    assert await job.post_now(slot, SETUP_AT) is not None
    assert await job.post_now(slot, SETUP_AT) is None
    await job.tick(POST_AT)  # today's question was already made
    assert len(channels.posts) == 1


async def test_a_refused_channel_is_marked_failed_and_not_retried(database: Database) -> None:
    await _choice_deck(database)
    await setup_daily(database, SETUP_AT)
    channels = FakeChannels(refuse={CHANNEL})
    job = _job(database, channels)
    report = await job.tick(POST_AT)
    assert len(report.failed) == 1
    channels.refuse.clear()
    await job.tick(POST_AT + timedelta(minutes=1))
    assert channels.posts == []
    async with sessions_of(database)() as session:
        assert (await session.scalars(select(DailyPost.status))).all() == ["failed"]


async def test_next_wake_is_the_next_post_then_its_reveal(database: Database) -> None:
    await _choice_deck(database)
    assert await daily.next_wake(database.runner, SETUP_AT) is None
    await setup_daily(database, SETUP_AT, reveal_minutes=60)
    assert await daily.next_wake(database.runner, SETUP_AT) == POST_AT
    await _job(database, FakeChannels()).tick(POST_AT)
    assert await daily.next_wake(database.runner, POST_AT) == POST_AT + timedelta(hours=1)
    await _job(database, FakeChannels()).tick(POST_AT + timedelta(hours=1))
    assert await daily.next_wake(database.runner, POST_AT + timedelta(hours=1)) == (
        POST_AT + timedelta(days=1))


async def test_a_dm_answer_that_gets_in_first_leaves_the_daily_answer_a_drill(
    database: Database,
) -> None:
    """PostgreSQL: the DM answer holds the learner's row while the daily answer checks the face.

    The daily answer found the face new, then waited for the learner; by then
    the DM answer had reviewed it: logged as a drill, and not "counted as your review".
    """
    if database.engine.dialect.name != "postgresql":
        pytest.skip("SQLite runs one writer: the two answers cannot overlap")
    await _choice_deck(database)
    study = StudyService(database.runner, LearnerDefaults())
    ref = await study.start(ANA, "d", "discord", SETUP_AT)
    await setup_daily(database, SETUP_AT)
    channels = FakeChannels()
    post_id = (await _job(database, channels).tick(POST_AT)).posted[0]
    screen = await study.next_prompt(ref.id, ANA, POST_AT, random.Random(0))
    assert screen is not None
    at = POST_AT + timedelta(minutes=1)
    async with database.engine.connect() as dm:
        # The DM answer, written and not yet committed: it holds Ana's row.
        await dm.run_sync(
            lambda conn: record_answer(
                conn, screen.prompt_id, ANA, ChoicePick(screen.text.choices.index("IaaS")), at
            )
        )
        right = channels.posts[0].text.choices.index("IaaS")
        group = asyncio.ensure_future(
            daily.answer(database.runner, post_id, ANA, PickAnswer(right), at)
        )
        await _until_waiting_for_a_lock(database)
        await dm.commit()
    outcome = await group
    assert (outcome.status, outcome.correct, outcome.reviewed) == (
        DailyStatus.RECORDED, True, False)
    async with sessions_of(database)() as session:
        kinds = list(await session.scalars(select(ReviewLog.kind).order_by(ReviewLog.id)))
    assert kinds == ["new", "drill"]


async def _until_waiting_for_a_lock(database: Database) -> None:
    for _ in range(500):
        async with database.engine.connect() as probe:
            waiting = await probe.scalar(
                text("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'")
            )
        if waiting:
            return
        await asyncio.sleep(0.01)
    raise AssertionError("the daily answer never waited for the learner's row")
