"""SIGTERM while answers are in flight: a clean stop that keeps every acknowledged answer.

What a deploy (systemd, Kubernetes) does to the bot: SIGTERM in the middle of
traffic.  The process must exit 0 within a few seconds, close its gateway
sessions with a close frame (not a dropped socket), record every answer the
emulator saw acknowledged, and leave the SQLite file whole and checkpointed.
"""

from __future__ import annotations

import asyncio
import contextlib
import signal
import sqlite3
import time
from pathlib import Path

import pytest

from tests.e2e.support_bot import start_bot, write_deck
from tests.e2e.test_crash_support import (
    Crowd,
    acknowledged_answers,
    choice_deck,
    db_verify,
    logged_prompts,
    prompt_of,
    wait_for_count,
)
from tests.emulator import Emulator

pytestmark = pytest.mark.e2e

LEARNERS = 150
CARDS = 6


async def test_sigterm_finishes_answers_and_closes_cleanly(emu: Emulator, tmp_path: Path) -> None:
    body, answers = choice_deck(CARDS)
    write_deck(tmp_path / "decks", body, "load.yaml")
    guild = emu.add_guild("Load Group")
    users = [emu.add_user(f"learner{i}", guild=guild) for i in range(LEARNERS)]
    bot = await start_bot(emu, tmp_path, extra={"STUDYBOT_NEW_PER_DAY": str(CARDS)})
    crowd = Crowd(emu, guild, users, answers)
    studying = asyncio.create_task(crowd.run())
    try:
        await wait_for_count(emu, LEARNERS * CARDS // 3, within=30.0)
        sockets = [s.ws for s in emu.gateway.sessions.values() if s.ws is not None]
        assert sockets
        stopped_at = time.monotonic()
        bot.proc.send_signal(signal.SIGTERM)
        crowd.crash()  # learners stop clicking; what is in flight stays in flight
        code = await bot.wait(15.0)
        took = time.monotonic() - stopped_at
    finally:
        studying.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await studying
        if bot.proc.poll() is None:
            bot.proc.kill()
    assert code == 0, bot.stderr()
    assert took < 8.0
    assert "Traceback" not in bot.stderr()

    # The gateway was closed with a close frame (1000), not cut.
    assert all(ws.closed and ws.close_code == 1000 for ws in sockets), [
        ws.close_code for ws in sockets]
    # Every answer Discord saw acknowledged is recorded, once.
    acked = {prompt_of(r) for r in acknowledged_answers(emu)}
    logged = logged_prompts(bot.db_path)
    assert len(logged) == len(set(logged))
    assert acked <= set(logged)
    assert len(acked) >= LEARNERS * CARDS // 3

    # The database was closed: the WAL was folded back and the file is whole.
    wal = bot.db_path.with_name(bot.db_path.name + "-wal")
    assert not wal.exists() or wal.stat().st_size == 0
    with sqlite3.connect(bot.db_path) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    verified = db_verify(tmp_path)
    assert verified.returncode == 0, verified.stdout + verified.stderr
