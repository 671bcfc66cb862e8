"""A Discord stand-in for the daily jobs (Discord is not our code) and deck set-up helpers."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, time

from bot.jobs.daily import PostRefusedError
from bot.jobs.reminders import DmResult
from bot.storage.deck_sync import DeckSnapshot
from bot.study import daily
from bot.study.daily import ConfigView, DailySetup, PostView, RevealView
from bot.study.reminders import DueReminder
from bot.study.runtime import Database
from tests.integration.storage_helpers import sessions_of, sync_deck

GUILD = 7000
CHANNEL = 7001
ADMIN = 9000


@dataclass
class FakeChannels:
    """Records what the jobs would have sent; ``refuse`` names channels that say 403."""

    posts: list[PostView] = field(default_factory=list)
    reveals: list[RevealView] = field(default_factory=list)
    refuse: set[int] = field(default_factory=set)
    fail_reveals: int = 0

    def handles(self, guild_id: int) -> bool:
        return True

    async def post(self, view: PostView) -> int:
        if view.channel_id in self.refuse:
            raise PostRefusedError("Missing Permissions")
        self.posts.append(view)
        return 10_000 + len(self.posts)

    async def reveal(self, view: RevealView) -> None:
        if self.fail_reveals:
            self.fail_reveals -= 1
            raise RuntimeError("502 Bad Gateway")
        self.reveals.append(view)


@dataclass
class FakeDms:
    closed: set[int] = field(default_factory=set)
    sent: list[DueReminder] = field(default_factory=list)

    async def remind(self, due: DueReminder) -> DmResult:
        if due.user_id in self.closed:
            return DmResult.CLOSED
        self.sent.append(due)
        return DmResult.SENT


async def load(db: Database, snapshot: DeckSnapshot, now: datetime) -> None:
    async with sessions_of(db).begin() as session:
        await sync_deck(session, snapshot, now)


async def setup_daily(
    db: Database,
    now: datetime,
    *,
    deck_id: str = "d",
    at: time = time(9, 0),
    tz: str = "Asia/Seoul",
    reveal_minutes: int = 480,
    channel: int = CHANNEL,
    guild: int = GUILD,
) -> ConfigView:
    return await daily.configure(
        db.runner,
        DailySetup(guild, channel, deck_id, at, tz, reveal_minutes, "en", ADMIN),
        now,
    )
