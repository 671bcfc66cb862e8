"""Streak arithmetic, reminder instants at the rollover hour, and the pacer's rate."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

from hypothesis import given
from hypothesis import strategies as st

from bot.jobs.pacer import Pacer
from bot.study.leaderboard import best_streak, correct_days
from bot.study.reminders import reminder_instant


@given(st.sets(st.integers(min_value=0, max_value=60), max_size=40))
def test_best_streak_is_the_longest_run(offsets: set[int]) -> None:
    days = {date(2026, 1, 1) + timedelta(days=o) for o in offsets}
    longest = run = 0
    for o in range(62):
        run = run + 1 if o in offsets else 0
        longest = max(longest, run)
    assert best_streak(days) == longest


def test_correct_days_follow_the_members_zone_and_rollover() -> None:
    # 16:30 UTC is 01:30 the next morning in Seoul: before a 04:00 rollover, still "yesterday".
    late = datetime(2026, 11, 25, 16, 30, tzinfo=UTC)
    assert correct_days([late], "Asia/Seoul", 4) == {date(2026, 11, 25)}
    assert correct_days([late], "Asia/Seoul", 0) == {date(2026, 11, 26)}
    assert correct_days([late], "America/New_York", 4) == {date(2026, 11, 25)}


def test_a_reminder_before_the_rollover_hour_ends_the_study_day() -> None:
    day = date(2026, 11, 25)
    evening = reminder_instant(day, time(19, 0), "Asia/Seoul", 4)
    night = reminder_instant(day, time(1, 0), "Asia/Seoul", 4)
    assert evening == datetime(2026, 11, 25, 10, 0, tzinfo=UTC)
    assert night == datetime(2026, 11, 25, 16, 0, tzinfo=UTC)  # 01:00 on the 26th


class FakeTime:
    def __init__(self) -> None:
        self.now = 0.0

    def monotonic(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.now += seconds


async def test_the_pacer_never_exceeds_its_rate() -> None:
    clock = FakeTime()
    pacer = Pacer(50.0, burst=5, monotonic=clock.monotonic, sleep=clock.sleep)
    stamps = []
    for _ in range(500):
        await pacer.acquire()
        stamps.append(clock.now)
    # Any one-second window holds at most rate + burst acquisitions.
    for i, start in enumerate(stamps):
        inside = sum(1 for s in stamps[i:] if s < start + 1.0)
        assert inside <= 55
    assert stamps[-1] >= (500 - 5) / 50 - 1e-9
