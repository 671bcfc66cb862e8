"""Restarts and a second process never post twice; catch-up at start-up within the grace period.

Each bot is the real ``studybot run``; between runs the test moves the file
clock, as if the machine had been off for that long.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest

from tests.e2e.daily_support import (
    SEOUL_8AM,
    daily_posts,
    embed_text,
    set_clock,
    start_group_bot,
)
from tests.e2e.support_bot import BotProcess, query
from tests.emulator import SEND_MESSAGES, Channel, Emulator, Guild, SimUser

# bot_database (tests/conftest.py): every test here on SQLite, then on PostgreSQL.
pytestmark = [pytest.mark.e2e, pytest.mark.usefixtures("bot_database")]

NINE = SEOUL_8AM + timedelta(hours=1)


def ticked_at(bot: BotProcess, at: datetime) -> bool:
    """The bot's daily job has run at ``at`` (it logs each tick when time comes from a file)."""
    return f"daily ticked at {at.isoformat()}" in bot.stderr()


async def _setup(emu: Emulator, admin: SimUser, guild: Guild, channel: Channel) -> None:
    options = {"channel": str(channel.id), "deck": "group", "time": "09:00",
               "timezone": "Asia/Seoul", "reveal_after": "8h"}
    done = await (await emu.slash(admin, "daily setup", options, guild=guild)).response()
    assert "Every day at 09:00" in embed_text(done)


async def _stop(bot: BotProcess) -> str:
    assert await bot.stop() == 0
    err = bot.stderr()
    assert "Traceback" not in err
    return err


def _statuses(bot: BotProcess) -> list[tuple[str, str]]:
    return [(str(d), str(s)) for d, s in
            query(bot.db_path, "SELECT local_date, status FROM daily_posts ORDER BY local_date")]


async def test_restarts_before_across_and_long_after_the_post_time(
    emu: Emulator, tmp_path: Path
) -> None:
    guild = emu.add_guild("Study Group")
    channel = emu.general(guild)
    admin = emu.add_user("admin", guild=guild, admin=True)
    bot = await start_group_bot(emu, tmp_path, SEOUL_8AM, tag="first")
    # A DST-skipped time is refused in words, naming the day it does not exist.
    skipped = await (await emu.slash(admin, "daily setup", {
        "channel": str(channel.id), "deck": "group", "time": "02:30",
        "timezone": "America/New_York"}, guild=guild)).response()
    assert "02:30 does not exist in America/New_York on 2027-03-14" in embed_text(skipped)
    # A channel where the bot may not write is refused before anything is saved.
    closed = emu.add_text_channel(guild, "read-only", bot_denied=SEND_MESSAGES)
    await emu.announce_guild(guild)
    denied = await (await emu.slash(admin, "daily setup", {
        "channel": str(closed.id), "deck": "group", "time": "09:00"}, guild=guild)).response()
    assert f"I cannot post in <#{closed.id}>" in embed_text(denied)
    assert query(bot.db_path, "SELECT COUNT(*) FROM daily_configs") == [(0,)]
    await _setup(emu, admin, guild, channel)
    await _stop(bot)

    # Down across 09:00, back at 09:20: within the hour's grace, posted at start-up.
    set_clock(tmp_path, NINE + timedelta(minutes=20))
    bot = await start_group_bot(emu, tmp_path, SEOUL_8AM, tag="second")
    await emu.wait_for(lambda: len(daily_posts(emu, channel)) == 1)
    await _stop(bot)

    # Restarted at 09:30 the same day: nothing new.
    set_clock(tmp_path, NINE + timedelta(minutes=30))
    bot = await start_group_bot(emu, tmp_path, SEOUL_8AM, tag="third")
    await emu.wait_for(lambda: ticked_at(bot, NINE + timedelta(minutes=30)))  # start-up tick
    assert len(daily_posts(emu, channel)) == 1
    await _stop(bot)

    # Down through the reveal (17:20): done at the next start-up.
    set_clock(tmp_path, NINE + timedelta(hours=10))
    bot = await start_group_bot(emu, tmp_path, SEOUL_8AM, tag="fourth")
    await emu.wait_for(
        lambda: "answer" in str(daily_posts(emu, channel)[0].embeds[0].get("title")))
    await _stop(bot)

    # Down until 11:00 the next day: two hours late is past the grace, skipped and logged.
    set_clock(tmp_path, NINE + timedelta(days=1, hours=2))
    bot = await start_group_bot(emu, tmp_path, SEOUL_8AM, tag="fifth")
    await emu.wait_for(lambda: len(_statuses(bot)) == 2)
    err = await _stop(bot)
    assert "skipped" in err and "2026-11-26" in err
    assert len(daily_posts(emu, channel)) == 1
    assert _statuses(bot) == [("2026-11-25", "revealed"), ("2026-11-26", "skipped")]


async def test_two_bot_processes_on_one_database_post_once(
    emu: Emulator, tmp_path: Path
) -> None:
    guild = emu.add_guild("Study Group")
    channel = emu.general(guild)
    admin = emu.add_user("admin", guild=guild, admin=True)
    first = await start_group_bot(emu, tmp_path, SEOUL_8AM, tag="a")
    await _setup(emu, admin, guild, channel)
    second = await start_group_bot(emu, tmp_path, SEOUL_8AM, tag="b")
    try:
        for day in range(3):
            at = NINE + timedelta(days=day)
            set_clock(tmp_path, at)
            await emu.wait_for(lambda n=day: len(daily_posts(emu, channel)) == n + 1)
            # Both processes have ticked on this change before the clock moves on.
            await emu.wait_for(lambda at=at: ticked_at(first, at) and ticked_at(second, at))
        assert len(daily_posts(emu, channel)) == 3
        assert len(emu.requests("POST /channels/*/messages")) == 3
    finally:
        await _stop(first)
        await _stop(second)


async def test_a_502_on_the_post_is_retried_and_posts_once(emu: Emulator, tmp_path: Path) -> None:
    guild = emu.add_guild("Study Group")
    channel = emu.general(guild)
    admin = emu.add_user("admin", guild=guild, admin=True)
    bot = await start_group_bot(emu, tmp_path, SEOUL_8AM)
    try:
        await _setup(emu, admin, guild, channel)
        emu.faults.server_error("POST /channels/*/messages", status=502, count=1)
        set_clock(tmp_path, NINE)
        await emu.wait_for(lambda: _statuses(bot) == [("2026-11-25", "posted")])
        assert len(daily_posts(emu, channel)) == 1
        statuses = [r.status for r in emu.requests("POST /channels/*/messages")]
        assert statuses == [502, 200]
    finally:
        await _stop(bot)
