"""Two bot processes, two shards each, one SQLite database, one emulator.

``studybot run --shard-count 4 --shard-ids 0,1`` and ``… --shard-ids 2,3``
share the database and the (file) clock.  Discord routes each guild's events
to shard ``(guild_id >> 22) % 4`` and every DM to shard 0, so a learner whose
server is on the second process starts /study there and answers in DMs that
the first process receives: the buttons carry only keys, and the database is
the one both read.
"""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import pytest

from bot.jobs.clock import ENV_VAR
from tests.e2e.daily_support import (
    GROUP_DECK,
    RIGHT,
    SEOUL_8AM,
    clock_path,
    daily_posts,
    set_clock,
)
from tests.e2e.support_bot import BotProcess, query, write_deck
from tests.e2e.test_crash_support import launch_run, wait_until_up
from tests.emulator import Emulator, Guild, SimUser, StoredMessage

pytestmark = pytest.mark.e2e

SHARDS = 4
#: Two guilds on every shard: a guild's shard is (id >> 22) % 4.
GUILD_KEYS = [100_000_000 + k for k in range(2 * SHARDS)]
NINE = SEOUL_8AM + timedelta(hours=1)


def shard_of(guild: Guild) -> int:
    return (guild.id >> 22) % SHARDS


def frames_of(emu: Emulator, shard: int) -> str:
    """Every event the emulator sent to ``shard``'s session, as one text."""
    return "\n".join(frame for s in emu.gateway.sessions.values() if s.shard[0] == shard
                     for _, frame in s.sent)


async def study_in_dms(emu: Emulator, user: SimUser, guild: Guild) -> list[int]:
    """/study in the guild, then answer every card in DMs; the ids of the DM clicks."""
    started = await emu.slash(user, "study", guild=guild)
    await started.response()
    assert f'"id": "{started.record.id}"' in frames_of(emu, shard_of(guild))
    message: StoredMessage = await emu.wait_for(
        lambda: next(iter(emu.dm_messages(user)), None))
    clicks: list[int] = []
    while message.buttons():
        front = str(message.embeds[-1].get("description") or "")
        right = next(a for fragment, a in RIGHT.items() if fragment in front)
        pick = next(str(b["custom_id"]) for b in message.buttons() if b.get("label") == right)
        handle = await emu.click(user, message, custom_id=pick)
        clicks.append(handle.record.id)
        message = await handle.response()
    return clicks


async def test_two_processes_two_shards_each(emu: Emulator, tmp_path: Path) -> None:
    guilds = [emu.add_guild(f"Group {k}", guild_id=key << 22) for k, key in
              enumerate(GUILD_KEYS)]
    assert sorted(shard_of(g) for g in guilds) == [0, 0, 1, 1, 2, 2, 3, 3]
    admins = {g.id: emu.add_user(f"admin{i}", guild=g, admin=True) for i, g in enumerate(guilds)}
    write_deck(tmp_path / "decks", GROUP_DECK, "group.yaml")
    set_clock(tmp_path, SEOUL_8AM)
    env = {ENV_VAR: str(clock_path(tmp_path)), "STUDYBOT_DAILY_GRACE_MINUTES": "60"}
    before = emu.gateway.identifies
    bots: list[BotProcess] = [
        launch_run(emu, tmp_path, ["--shard-count", str(SHARDS), "--shard-ids", ids],
                   extra=env, tag=f"bot-{ids.replace(',', '')}")
        for ids in ("0,1", "2,3")
    ]
    try:
        await wait_until_up(emu, bots, set(range(SHARDS)), before)
        identified = [f for f in emu.gateway.received if f.get("op") == 2]
        assert sorted(tuple(f["d"]["shard"]) for f in identified) == [
            (s, SHARDS) for s in range(SHARDS)]

        for guild in guilds:  # each set-up reaches the process that runs the guild's shard
            options = {"channel": str(emu.general(guild).id), "deck": "group",
                       "time": "09:00", "timezone": "Asia/Seoul"}
            done = await (await emu.slash(admins[guild.id], "daily setup", options,
                                          guild=guild)).response()
            assert "Every day at 09:00 (Asia/Seoul)" in json.dumps(done.embeds)

        set_clock(tmp_path, NINE)
        await emu.wait_for(lambda: all(daily_posts(emu, emu.general(g)) for g in guilds), 15.0)

        # DMs work whichever process runs the learner's server.
        for guild in (guilds[1], guilds[-1]):  # shards 1 and 3: one on each process
            learner = emu.add_user(f"learner-{shard_of(guild)}", guild=guild)
            clicks = await study_in_dms(emu, learner, guild)
            assert len(clicks) == 2
            assert all(f'"id": "{c}"' in frames_of(emu, 0) for c in clicks)
            rows = query(tmp_path / "studybot.db",
                         "SELECT count(*), sum(quality) FROM review_log WHERE user_id = ?",
                         learner.id)
            assert rows == [(2, 8)]  # two right answers, quality 4 each

        # Later ticks of both processes post nothing again.
        set_clock(tmp_path, NINE + timedelta(minutes=5))
        await emu.wait_for(lambda: query(
            tmp_path / "studybot.db",
            "SELECT count(*) FROM daily_posts WHERE message_id IS NOT NULL") == [(len(guilds),)])
        set_clock(tmp_path, NINE + timedelta(minutes=10))
        for guild in guilds:
            assert len(daily_posts(emu, emu.general(guild))) == 1, guild.name
    finally:
        codes = [await bot.stop() for bot in bots]
    for bot in bots:
        assert "Traceback" not in bot.stderr(), bot.stderr()
    assert codes == [0, 0]


@pytest.mark.parametrize("args", [
    ["--shard-ids", "0,1"],  # ids without a count
    ["--shard-count", "2", "--shard-ids", "1,2"],  # 2 is not a shard of 2
])
async def test_a_shard_layout_that_cannot_work_is_one_line_and_exit_2(
        emu: Emulator, tmp_path: Path, args: list[str]) -> None:
    bot = launch_run(emu, tmp_path, args)
    assert await bot.wait(20.0) == 2
    lines = bot.stderr().strip().splitlines()
    assert len(lines) == 1 and "--shard-count" in lines[0], lines
    assert emu.gateway.identifies == 0
