"""Faults in the middle of a busy study session: nothing lost, nothing doubled, the bot stays up.

One bot and a crowd of learners answering in DMs while, one after the
other: the gateway drops (the bot RESUMEs and gets the events it missed),
the session is invalidated (a fresh IDENTIFY), 429 storms (global, and on
the callback route), bursts of 500/502/503 on the callback and message
routes, a second process holds SQLite's write lock for 2 s, and the
database is slow (another process takes the lock in bursts).

Throughout, every interaction is acknowledged within Discord's 3 s
(`missed_deadlines` empty); at the end every acknowledged answer is logged
exactly once, ``studybot db verify`` passes and the bot still answers.
"""

from __future__ import annotations

import asyncio
import contextlib
import subprocess
import sys
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path

import pytest

from tests.e2e.support_bot import BotProcess, query, start_bot, write_deck
from tests.e2e.test_crash_support import (
    Crowd,
    acknowledged_answers,
    choice_deck,
    db_verify,
    logged_prompts,
    prompt_of,
)
from tests.emulator import Emulator

pytestmark = pytest.mark.e2e

LEARNERS = 30
CARDS = 30
#: Answers the crowd must get through while a fault is active.
PROGRESS = 40

CALLBACK = "POST /interactions/*/*/callback"
MESSAGES = "/webhooks/*/*/messages/*"

#: Holds SQLite's write lock: ``hold`` seconds on, ``gap`` off, ``bursts`` times.
LOCK_HOLDER = """
import sqlite3, sys, time
path, hold, gap, bursts = sys.argv[1], float(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4])
conn = sqlite3.connect(path, timeout=30, isolation_level=None)
for n in range(bursts):
    conn.execute("BEGIN IMMEDIATE")
    print("locked", flush=True)
    time.sleep(hold)
    conn.execute("COMMIT")
    time.sleep(gap)
conn.close()
"""


def _lock_holder(db: Path, hold: float, gap: float, bursts: int) -> subprocess.Popen[bytes]:
    return subprocess.Popen([sys.executable, "-c", LOCK_HOLDER, str(db), str(hold), str(gap),
                             str(bursts)], stdout=subprocess.PIPE)


@contextlib.asynccontextmanager
async def second_writer(db: Path, hold: float, gap: float = 0.0, bursts: int = 1
                        ) -> AsyncIterator[subprocess.Popen[bytes]]:
    """Another process that takes the database's write lock (SQLite busy for the bot)."""
    proc = _lock_holder(db, hold, gap, bursts)
    try:
        assert proc.stdout is not None
        line = await asyncio.to_thread(proc.stdout.readline)
        assert line.strip() == b"locked"
        yield proc
        assert await asyncio.to_thread(proc.wait, 30) == 0
    finally:
        if proc.poll() is None:
            proc.kill()


async def progress(emu: Emulator, bot: BotProcess, answers: int = PROGRESS,
                   within: float = 15.0) -> None:
    """Until the crowd got ``answers`` more acknowledged answers (and the bot is alive)."""
    target = len(acknowledged_answers(emu)) + answers

    def moved() -> bool:
        if bot.proc.poll() is not None:
            raise RuntimeError(f"the bot exited:\n{bot.stderr()}")
        return len(acknowledged_answers(emu)) >= target

    await emu.wait_for(moved, within)


async def late_acks(emu: Emulator) -> list[int]:
    """Interactions so far not acknowledged within the deadline, once each is settled.

    An interaction still waiting for its acknowledgement is waited for (at most
    the deadline), so a miss shows up in the phase that caused it.
    """
    pending = list(emu.interactions.values())

    def settled() -> bool:
        now = time.monotonic()
        return all(r.callbacks or now - r.created > emu.interaction_deadline for r in pending)

    await emu.wait_for(settled, emu.interaction_deadline + 1.0)
    return [r.id for r in emu.missed_deadlines()]


async def test_faults_during_a_busy_session(emu: Emulator, tmp_path: Path) -> None:
    body, answers = choice_deck(CARDS)
    write_deck(tmp_path / "decks", body, "load.yaml")
    guild = emu.add_guild("Load Group")
    users = [emu.add_user(f"learner{i}", guild=guild) for i in range(LEARNERS)]
    bot = await start_bot(emu, tmp_path, extra={"STUDYBOT_NEW_PER_DAY": str(CARDS)})
    crowd = Crowd(emu, guild, users, answers, within=10.0)
    studying = asyncio.create_task(crowd.run())
    db = bot.db_path

    async def phase(name: str, start: Callable[[], Awaitable[None]]) -> None:
        await start()
        try:
            await progress(emu, bot)
        except TimeoutError as exc:
            raise AssertionError(f"no progress during {name}") from exc
        late = await late_acks(emu)
        assert late == [], f"{name}: {len(late)} interactions not acknowledged within 3 s"

    try:
        await progress(emu, bot)

        # The socket drops: discord.py RESUMEs and replays what it missed.
        resumes = emu.gateway.resumes
        await phase("a dropped gateway", lambda: emu.drop_gateway(code=4000))
        assert emu.gateway.resumes == resumes + 1

        # The session is invalid: a fresh IDENTIFY.  Discord delivers nothing in between,
        # so the learners wait (as people would see the bot offline) instead of clicking.
        identifies = emu.gateway.identifies
        crowd.crash()
        await emu.invalidate_session(resumable=False)
        await emu.wait_for(lambda: emu.gateway.identifies > identifies
                           and emu.gateway.connected(), 15.0)
        crowd.recovered()
        await progress(emu, bot)

        async def storms() -> None:
            emu.faults.rate_limit("*", count=20, retry_after=0.3, is_global=True)
            emu.faults.rate_limit(CALLBACK, count=20, retry_after=0.3)
            emu.faults.rate_limit(MESSAGES, count=20, retry_after=0.3)

        await phase("429 storms", storms)

        async def server_errors() -> None:
            for status in (500, 502, 503):
                emu.faults.server_error(CALLBACK, status=status, count=3)
                emu.faults.server_error(MESSAGES, status=status, count=3)

        await phase("5xx bursts", server_errors)

        async with second_writer(db, hold=2.0):
            await progress(emu, bot, answers=LEARNERS // 2)
        late = await late_acks(emu)
        assert late == [], f"SQLite busy: {len(late)} interactions not acknowledged in 3 s"

        async with second_writer(db, hold=0.4, gap=0.1, bursts=8):
            await progress(emu, bot)
        late = await late_acks(emu)
        assert late == [], f"slow database: {len(late)} interactions not acknowledged in 3 s"

        await asyncio.wait_for(studying, 60.0)
        assert await late_acks(emu) == []
        # Still up and answering.
        latecomer = emu.add_user("latecomer", guild=guild)
        reply = await (await emu.slash(latecomer, "help", guild=guild)).response()
        assert reply.embeds or reply.content
    finally:
        if not studying.done():
            studying.cancel()
        code = await bot.stop()
    assert code == 0
    assert "Traceback" not in bot.stderr(), bot.stderr()
    assert crowd.finished == LEARNERS

    logged = logged_prompts(db)
    assert len(logged) == len(set(logged))
    assert {prompt_of(r) for r in acknowledged_answers(emu)} <= set(logged)
    # Every learner answered every card exactly once (drills come on top, as many as misses).
    [(firsts,)] = query(db, "SELECT count(*) FROM review_log WHERE kind = 'new'")
    assert firsts == LEARNERS * CARDS
    verified = db_verify(tmp_path)
    assert verified.returncode == 0, verified.stdout + verified.stderr
