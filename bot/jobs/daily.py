"""The daily question's work at one instant: post what is due, skip what is too late, reveal.

`DailyJob.tick(now)` does everything that is due at ``now`` and nothing else,
re-reading the database each time: the scheduler only decides *when* to
call it, so a missed wake-up, a restart or a second process changes nothing
but the moment the work happens.  Discord is behind the `DailyActions`
protocol (the cog implements it), so tests drive this with the real database.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Protocol

from bot.jobs.pacer import CHANNEL_POSTS_BURST, CHANNEL_POSTS_PER_SECOND, Pacer
from bot.storage.transactions import TransactionRunner
from bot.study import daily
from bot.study.daily import DueSlot, PostView, RevealView

log = logging.getLogger(__name__)

#: Posts in flight at once; the pacer, not this, keeps them under the rate limit.
CONCURRENCY = 32


class PostRefusedError(Exception):
    """Discord will not take the post (channel gone, permissions): do not try again."""


class DailyActions(Protocol):
    def handles(self, guild_id: int) -> bool:
        """Whether this process serves the guild (its shard)."""
        ...

    async def post(self, view: PostView) -> int:
        """Send the question; return the message id.  Raise `PostRefusedError` for good."""
        ...

    async def reveal(self, view: RevealView) -> None:
        """Edit the post to show the answer and the figures."""
        ...


@dataclass(slots=True)
class TickReport:
    posted: list[int] = field(default_factory=list)  # post ids
    skipped: list[tuple[int, date]] = field(default_factory=list)  # (channel, local date)
    lost_claims: int = 0  # slots someone else claimed first
    failed: list[int] = field(default_factory=list)
    revealed: list[int] = field(default_factory=list)


class DailyJob:
    def __init__(
        self,
        runner: TransactionRunner,
        actions: DailyActions,
        *,
        grace: timedelta,
        seed_for: Callable[[int, date], int] = daily.post_seed,
        pacer: Pacer | None = None,
    ) -> None:
        self._runner = runner
        self._actions = actions
        self._grace = grace
        self._seed_for = seed_for
        self._pacer = pacer or Pacer(CHANNEL_POSTS_PER_SECOND, CHANNEL_POSTS_BURST)
        self._lock = asyncio.Lock()
        # SQLite has one writer: claims and marks queue here instead of in busy retries.
        self._write = asyncio.Lock()

    async def tick(self, now: datetime) -> TickReport:
        """All work due at ``now``; ticks never overlap in one process."""
        async with self._lock:
            report = TickReport()
            plan = await daily.due_slots(self._runner, now, self._grace)
            for slot in plan.skip:
                if self._actions.handles(slot.guild_id) and await daily.skip_slot(
                    self._runner, slot, now
                ):
                    log.warning(
                        "daily post for channel %s on %s skipped: its time %s passed "
                        "more than %s ago while the bot was down",
                        slot.channel_id, slot.local_date, slot.at.isoformat(), self._grace,
                    )
                    report.skipped.append((slot.channel_id, slot.local_date))
            mine = [s for s in plan.post if self._actions.handles(s.guild_id)]
            gate = asyncio.Semaphore(CONCURRENCY)

            async def one(slot: DueSlot) -> None:
                async with gate:
                    await self._post(slot, now, report)

            await asyncio.gather(*(one(slot) for slot in mine))
            for post_id in await daily.due_reveals(self._runner, now):
                await self._reveal(post_id, now, report)
            return report

    async def post_now(self, slot: DueSlot, now: datetime) -> int | None:
        """``/daily post-now``: claim and post today's slot at once; None if taken."""
        async with self._lock:
            report = TickReport()
            await self._post(slot, now, report)
            return report.posted[0] if report.posted else None

    async def _post(self, slot: DueSlot, now: datetime, report: TickReport) -> None:
        seed = self._seed_for(slot.channel_id, slot.local_date)
        async with self._write:
            claimed = await daily.claim_post(self._runner, slot, seed, now)
        if claimed is None:
            report.lost_claims += 1
            return
        view = await daily.post_view(self._runner, claimed.post_id)
        if view is None:
            return
        await self._pacer.acquire()
        try:
            message_id = await self._actions.post(view)
        except PostRefusedError as refused:
            log.warning("daily post %s refused in channel %s: %s",
                        claimed.post_id, slot.channel_id, refused)
            async with self._write:
                await daily.mark_failed(self._runner, claimed.post_id)
            report.failed.append(claimed.post_id)
            return
        except Exception:
            # Claimed and maybe sent: never retried, so never posted twice.
            log.exception("daily post %s failed in channel %s", claimed.post_id, slot.channel_id)
            async with self._write:
                await daily.mark_failed(self._runner, claimed.post_id)
            report.failed.append(claimed.post_id)
            return
        async with self._write:
            await daily.mark_posted(self._runner, claimed.post_id, message_id, now)
        report.posted.append(claimed.post_id)

    async def _reveal(self, post_id: int, now: datetime, report: TickReport) -> None:
        view = await daily.reveal_view(self._runner, post_id)
        if view is None or not self._actions.handles(view.post.guild_id):
            return
        await self._pacer.acquire()
        try:
            await self._actions.reveal(view)
        except PostRefusedError as refused:
            log.warning("reveal of daily post %s refused: %s", post_id, refused)
        except Exception:
            # Editing twice shows the same thing, so the next tick may simply try again.
            log.exception("reveal of daily post %s failed; will retry", post_id)
            return
        if await daily.mark_revealed(self._runner, post_id, now):
            report.revealed.append(post_id)
