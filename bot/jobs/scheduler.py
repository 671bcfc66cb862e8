"""Wake the bot: APScheduler decides *when* a tick runs; the tick decides *what* to do.

The job store is in memory and nothing about a post is kept in it: after a
restart the first tick (run at start-up) reads the database and catches up.
Ticks of one `Ticker` never overlap; a wake-up during a tick runs one more
tick after it, so no change is missed and none is handled twice at once.

Three kinds of wake-up:
- ``poll``: every `POLL_SECONDS`, a safety net for anything else;
- ``next``: a one-off at the next instant the work says something falls due
  (only with the system clock; an injected clock has its own idea of time);
- ``clock-file``: with ``STUDYBOT_CLOCK_FILE``, whenever the file changes.

With a clock file (end-to-end tests, tools that move time) each tick is logged
with the instant it ran at, so whoever moved the clock can see the tick happen.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from apscheduler.jobstores.memory import MemoryJobStore
from apscheduler.schedulers.asyncio import AsyncIOScheduler

from bot.jobs.clock import Clock, system_clock

log = logging.getLogger(__name__)

POLL_SECONDS = 30.0
CLOCK_FILE_POLL_SECONDS = 0.05
#: APScheduler runs a late job if it is at most this late (seconds), and only once.
MISFIRE_GRACE_SECONDS = 3600
#: How long stopping waits for a running tick before cancelling it.
STOP_WAIT_SECONDS = 10.0

Tick = Callable[[datetime], Awaitable[object]]
NextWake = Callable[[datetime], Awaitable[datetime | None]]


def quiet_apscheduler() -> None:
    """APScheduler logs every run of every job at INFO; a wake-up every few seconds is noise.

    Only loggers nobody configured are quietened, so an operator's own setting wins.
    """
    for name in ("apscheduler.scheduler", "apscheduler.executors.default"):
        logger = logging.getLogger(name)
        if logger.level == logging.NOTSET:
            logger.setLevel(logging.WARNING)


def make_scheduler() -> AsyncIOScheduler:
    quiet_apscheduler()
    return AsyncIOScheduler(
        jobstores={"default": MemoryJobStore()},
        job_defaults={
            "misfire_grace_time": MISFIRE_GRACE_SECONDS,
            "coalesce": True,
            "max_instances": 1,
        },
        timezone=UTC,
    )


class Ticker:
    """Runs ``tick(clock())`` at start, on every wake-up, and when the clock file changes."""

    def __init__(
        self,
        name: str,
        tick: Tick,
        *,
        clock: Clock = system_clock,
        next_wake: NextWake | None = None,
        clock_file: Path | None = None,
        poll_seconds: float = POLL_SECONDS,
    ) -> None:
        self.name = name
        self._tick = tick
        self._clock = clock
        self._next_wake = next_wake
        self._clock_file = clock_file
        self._poll_seconds = poll_seconds
        self._scheduler: AsyncIOScheduler | None = None
        self._running: asyncio.Task[None] | None = None
        self._again = False
        self._file_stamp: bytes | None = None
        self.ticks = 0

    def start(self) -> None:
        scheduler = make_scheduler()
        scheduler.add_job(
            self._wake_job, "interval", seconds=self._poll_seconds, id=f"{self.name}-poll"
        )
        if self._clock_file is not None:
            self._file_stamp = self._stamp()
            scheduler.add_job(
                self._watch_clock_file, "interval", seconds=CLOCK_FILE_POLL_SECONDS,
                id=f"{self.name}-clock-file",
            )
        scheduler.start()
        self._scheduler = scheduler
        self.wake()  # catch up at start-up: posts within the grace period, missed reveals

    async def stop(self) -> None:
        if self._scheduler is not None:
            # A job already handed to the loop never awaits: one turn of the loop
            # finishes it, so shutting down cancels nothing (which APScheduler
            # would log as a failed job).
            self._scheduler.pause()
            await asyncio.sleep(0)
            self._scheduler.shutdown(wait=False)
            self._scheduler = None
        running = self._running
        if running is not None and not running.done():
            # A tick may be between claiming a post and sending it: let it finish.
            self._again = False
            try:
                await asyncio.wait_for(asyncio.shield(running), STOP_WAIT_SECONDS)
            except TimeoutError:
                running.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await running

    async def idle(self) -> None:
        """Return once no tick runs and none is asked for (the wake-ups so far are done)."""
        while (running := self._running) is not None and not running.done():
            await asyncio.wait({running})

    async def _wake_job(self) -> None:
        """The scheduler's entry: a coroutine, so APScheduler runs it on the event loop
        (a plain function would run in a worker thread, where there is no loop)."""
        self.wake()

    def wake(self) -> None:
        """Ask for a tick now (or right after the one running)."""
        if self._running is not None and not self._running.done():
            self._again = True
            return
        self._running = asyncio.get_running_loop().create_task(self._loop())

    async def _loop(self) -> None:
        while True:
            self._again = False
            now = self._clock()
            try:
                await self._tick(now)
            except Exception:
                log.exception("%s tick at %s failed", self.name, now.isoformat())
            self.ticks += 1
            if self._clock_file is not None:
                log.info("%s ticked at %s", self.name, now.isoformat())
            await self._plan_next(now)
            if not self._again:
                return

    async def _plan_next(self, now: datetime) -> None:
        if self._next_wake is None or self._clock_file is not None or self._scheduler is None:
            return
        try:
            at = await self._next_wake(now)
        except Exception:
            log.exception("%s: could not plan the next wake-up", self.name)
            return
        if at is None:
            return
        kwargs: dict[str, Any] = {"run_date": max(at, now), "id": f"{self.name}-next"}
        self._scheduler.add_job(self._wake_job, "date", replace_existing=True, **kwargs)

    def _stamp(self) -> bytes | None:
        assert self._clock_file is not None
        try:
            return self._clock_file.read_bytes()
        except OSError:
            return None

    async def _watch_clock_file(self) -> None:
        stamp = self._stamp()
        if stamp != self._file_stamp:
            self._file_stamp = stamp
            self.wake()
