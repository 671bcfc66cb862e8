"""The reminder DMs due at one instant, paced, each claimed before it is sent."""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Protocol

from bot.jobs.pacer import DMS_PER_SECOND, Pacer
from bot.storage.transactions import TransactionRunner
from bot.study import reminders
from bot.study.reminders import DueReminder

log = logging.getLogger(__name__)


class DmResult(StrEnum):
    SENT = "sent"
    CLOSED = "closed"  # Discord's 50007: the learner does not accept DMs from the bot
    FAILED = "failed"


class ReminderActions(Protocol):
    async def remind(self, due: DueReminder) -> DmResult: ...


@dataclass(slots=True)
class ReminderReport:
    sent: list[int] = field(default_factory=list)
    closed: list[int] = field(default_factory=list)
    failed: list[int] = field(default_factory=list)


class ReminderJob:
    def __init__(
        self,
        runner: TransactionRunner,
        actions: ReminderActions,
        *,
        pacer: Pacer | None = None,
    ) -> None:
        self._runner = runner
        self._actions = actions
        self._pacer = pacer or Pacer(DMS_PER_SECOND)
        self._lock = asyncio.Lock()

    async def tick(self, now: datetime) -> ReminderReport:
        async with self._lock:
            report = ReminderReport()
            for due in await reminders.due_reminders(self._runner, now):
                if not await reminders.claim_reminder(self._runner, due.user_id, due.study_date):
                    continue  # another process (or an earlier tick) sent it
                await self._pacer.acquire()
                try:
                    result = await self._actions.remind(due)
                except Exception:
                    log.exception("reminder to %s failed", due.user_id)
                    result = DmResult.FAILED
                if result is DmResult.CLOSED:
                    await reminders.dms_closed(self._runner, due.user_id, now)
                    report.closed.append(due.user_id)
                elif result is DmResult.SENT:
                    report.sent.append(due.user_id)
                else:
                    report.failed.append(due.user_id)
            return report
