"""The scheduler only wakes the work: at start, on a clock-file change, never two ticks at once."""

from __future__ import annotations

import asyncio
import logging
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.jobs.clock import FileClock, clock_from_settings, system_clock, write_instant
from bot.jobs.scheduler import Ticker

T0 = datetime(2026, 11, 25, 0, 0, tzinfo=UTC)


async def _until(predicate: object, within: float = 3.0) -> None:
    deadline = asyncio.get_running_loop().time() + within
    while not predicate():  # type: ignore[operator]
        assert asyncio.get_running_loop().time() < deadline, "timed out"
        await asyncio.sleep(0.01)


async def test_ticks_at_start_and_whenever_the_clock_file_changes(tmp_path: Path) -> None:
    path = tmp_path / "clock"
    write_instant(path, T0)
    seen: list[datetime] = []

    async def tick(now: datetime) -> None:
        seen.append(now)

    ticker = Ticker("t", tick, clock=FileClock(path), clock_file=path, poll_seconds=3600)
    ticker.start()
    try:
        await _until(lambda: seen == [T0])
        write_instant(path, T0 + timedelta(hours=1))
        await _until(lambda: seen[-1] == T0 + timedelta(hours=1))
        write_instant(path, T0 + timedelta(days=1))
        await _until(lambda: seen[-1] == T0 + timedelta(days=1))
    finally:
        await ticker.stop()
    assert seen == sorted(seen)


async def test_wake_ups_during_a_tick_make_one_more_tick_not_overlapping_ones() -> None:
    running = 0
    overlaps = 0
    calls = 0
    gate = asyncio.Event()

    async def tick(now: datetime) -> None:
        nonlocal running, overlaps, calls
        running += 1
        overlaps += running > 1
        calls += 1
        await gate.wait()
        running -= 1

    ticker = Ticker("t", tick, clock=lambda: T0, poll_seconds=3600)
    ticker.start()
    try:
        await _until(lambda: calls == 1)
        for _ in range(5):
            ticker.wake()
        gate.set()
        await _until(lambda: calls == 2 and running == 0)
        await ticker.idle()
        assert (calls, overlaps) == (2, 0)
    finally:
        await ticker.stop()


async def test_stop_lets_a_running_tick_finish() -> None:
    began, finished = asyncio.Event(), asyncio.Event()

    async def tick(now: datetime) -> None:
        began.set()
        await asyncio.sleep(0.1)  # a tick that takes a while (the work itself, not a wait)
        finished.set()

    ticker = Ticker("t", tick, clock=lambda: T0, poll_seconds=3600)
    ticker.start()
    await began.wait()
    await ticker.stop()
    assert finished.is_set()


def test_the_clock_setting(tmp_path: Path) -> None:
    class Settings:
        clock_file: str | None = None

    assert clock_from_settings(Settings()) is system_clock
    path = tmp_path / "clock"
    path.write_text("2026-11-25T09:00:00+09:00", encoding="utf-8")
    settings = Settings()
    settings.clock_file = str(path)
    clock = clock_from_settings(settings)
    assert clock() == T0
    path.write_text("garbage", encoding="utf-8")  # a half-written file keeps the last instant
    assert clock() == T0


async def test_the_periodic_wake_up_ticks_on_the_event_loop(
    caplog: pytest.LogCaptureFixture,
) -> None:
    # APScheduler runs a plain function in a worker thread, where there is no
    # event loop to create the tick on; the job must be a coroutine.
    ticks: list[datetime] = []

    async def tick(now: datetime) -> None:
        ticks.append(now)

    ticker = Ticker("t", tick, clock=lambda: T0, poll_seconds=0.05)
    ticker.start()
    await _until(lambda: len(ticks) >= 3)
    await ticker.stop()
    assert len(ticks) >= 3  # the one at start-up, then the periodic ones
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]
