"""Leaderboard and streaks after several simulated days of daily questions."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from bot.jobs.daily import DailyJob
from bot.study import daily
from bot.study.daily import PickAnswer
from bot.study.leaderboard import DailyPlaces, Period, daily_places, leaderboard, member_streak
from bot.study.learners import LearnerDefaults
from bot.study.preferences import PreferenceChange, update_preferences
from bot.study.runtime import Database
from tests.integration.builders import choice, deck
from tests.integration.daily_support import CHANNEL, GUILD, FakeChannels, load, setup_daily

SETUP_AT = datetime(2026, 11, 1, 23, 0, tzinfo=UTC)
FIRST_POST = datetime(2026, 11, 2, 0, 0, tzinfo=UTC)  # 09:00 in Seoul
DEFAULTS = LearnerDefaults(timezone="Asia/Seoul", rollover_hour=4)
ANA, BEN, CHO = 101, 102, 103


async def _run_days(db: Database, plan: dict[int, str]) -> datetime:
    """One post a day; ``plan[user]`` is a string of r (right), w (wrong), - (no answer)."""
    await load(db, deck("d", *(choice(f"c{i}", ["A", "B", "C"], "A") for i in range(5))),
               SETUP_AT)
    await setup_daily(db, SETUP_AT)
    channels = FakeChannels()
    job = DailyJob(db.runner, channels, grace=timedelta(hours=1))
    days = len(next(iter(plan.values())))
    now = FIRST_POST
    for day in range(days):
        now = FIRST_POST + timedelta(days=day)
        post_id = (await job.tick(now)).posted[0]
        right = channels.posts[-1].text.choices.index("A")
        for offset, (user, marks) in enumerate(plan.items()):
            mark = marks[day]
            if mark == "-":
                continue
            index = right if mark == "r" else (right + 1) % 3
            at = now + timedelta(minutes=offset + 1)
            await daily.answer(db.runner, post_id, user, PickAnswer(index), at)
    return now


async def test_points_rate_and_current_streaks(database: Database) -> None:
    last = await _run_days(database, {ANA: "rrrrr", BEN: "rrwrr", CHO: "rr---"})
    board = await leaderboard(database.runner, CHANNEL, Period.ALL, last + timedelta(hours=1),
                              DEFAULTS)
    rows = {r.user_id: r for r in board}
    assert [r.user_id for r in board] == [ANA, BEN, CHO]
    assert (rows[ANA].points, rows[ANA].correct, rows[ANA].answered) == (65, 5, 5)
    assert (rows[BEN].points, rows[BEN].streak) == (4 * 12, 2)
    assert rows[BEN].correct_rate == 0.8
    assert rows[CHO].streak == 0  # nothing for three days
    assert rows[ANA].streak == 5


async def test_week_window_drops_old_answers(database: Database) -> None:
    last = await _run_days(database, {ANA: "r" * 10, BEN: "----rrrrrr"})
    week = await leaderboard(database.runner, CHANNEL, Period.WEEK, last + timedelta(hours=1),
                             DEFAULTS)
    rows = {r.user_id: r for r in week}
    assert rows[ANA].answered == 7 and rows[BEN].answered == 6
    everything = await leaderboard(database.runner, CHANNEL, Period.ALL,
                                   last + timedelta(hours=1), DEFAULTS)
    assert {r.user_id: r.answered for r in everything} == {ANA: 10, BEN: 6}


async def test_streak_is_counted_in_the_members_own_zone(database: Database) -> None:
    last = await _run_days(database, {ANA: "rrr", BEN: "rrr"})
    # Ana lives in Honolulu (UTC-10): 09:01 in Seoul is 14:01 of the day before there,
    # so her three study days end a day earlier than Ben's in Seoul.
    await update_preferences(database.runner, ANA,
                             PreferenceChange(timezone="Pacific/Honolulu"), DEFAULTS, SETUP_AT)
    both_alive = last + timedelta(hours=20)
    ana = await member_streak(database.runner, ANA, both_alive, DEFAULTS, GUILD)
    assert (ana.current, ana.best, ana.correct_days) == (3, 3, 3)
    # 23:30 in Seoul (Ben answered yesterday), 04:30 in Honolulu (Ana last answered two days ago).
    split = last + timedelta(days=1, hours=14, minutes=30)
    ana = await member_streak(database.runner, ANA, split, DEFAULTS, GUILD)
    ben = await member_streak(database.runner, BEN, split, DEFAULTS, GUILD)
    assert (ana.current, ana.best, ben.current) == (0, 3, 3)
    board = await leaderboard(database.runner, CHANNEL, Period.ALL, split, DEFAULTS)
    assert {r.user_id: r.streak for r in board} == {ANA: 0, BEN: 3}
    assert (await member_streak(database.runner, ANA, last, DEFAULTS, GUILD + 1)).answered == 0


async def test_a_guilds_daily_channels_include_one_removed_with_history(
    database: Database,
) -> None:
    await _run_days(database, {ANA: "r"})  # CHANNEL: configured, with a post and an answer
    await setup_daily(database, SETUP_AT, channel=CHANNEL + 1)  # configured, nothing yet
    await setup_daily(database, SETUP_AT, channel=CHANNEL + 5, guild=GUILD + 1)  # elsewhere
    await daily.remove(database.runner, GUILD, CHANNEL)  # its standings stay
    places = await daily_places(database.runner, GUILD, CHANNEL + 2)
    assert places == DailyPlaces(here=False, channels=[CHANNEL, CHANNEL + 1])
    assert (await daily_places(database.runner, GUILD, CHANNEL)).here
    assert await daily_places(database.runner, GUILD + 2, 1) == DailyPlaces(False, [])
