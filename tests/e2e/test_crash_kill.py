"""SIGKILL while many learners answer: after a restart nothing acknowledged is lost or doubled.

The bot is killed with ``kill -9`` half-way through a crowd of learners
answering at once, then started again on the same database.  Learners
carry on with the buttons they already have (a click that got no answer is
clicked again on the same message, as a person would).  At the end:

- every answer click the emulator saw acknowledged is in review_log exactly
  once, by its prompt id; clicks made again after the crash add nothing;
- ``studybot db verify`` (run as a user runs it) finds every review state
  equal to the one rebuilt from its log.
"""

from __future__ import annotations

import asyncio
import os
import signal
from collections import Counter
from pathlib import Path

import pytest

from tests.e2e.support_bot import query, start_bot, write_deck
from tests.e2e.test_crash_support import (
    UPDATE_MESSAGE,
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

LEARNERS = 200
CARDS = 6


async def test_sigkill_mid_load_loses_and_doubles_nothing(emu: Emulator, tmp_path: Path) -> None:
    body, answers = choice_deck(CARDS)
    write_deck(tmp_path / "decks", body, "load.yaml")
    guild = emu.add_guild("Load Group")
    users = [emu.add_user(f"learner{i}", guild=guild) for i in range(LEARNERS)]
    env = {"STUDYBOT_NEW_PER_DAY": str(CARDS), "STUDYBOT_LOG_LEVEL": "WARNING"}
    bot = await start_bot(emu, tmp_path, extra=env)
    crowd = Crowd(emu, guild, users, answers)
    studying = asyncio.create_task(crowd.run())
    try:
        # One answer per learner per card plus the missed question's drill.
        total = LEARNERS * (CARDS + 1)
        await wait_for_count(emu, total * 2 // 5, within=30.0)
        crowd.crash()
        os.kill(bot.proc.pid, signal.SIGKILL)
        assert await bot.wait(5.0) == -signal.SIGKILL
        at_kill = acknowledged_answers(emu)
        assert len(at_kill) < total, "the crowd finished before the kill"
        # Acknowledged by a defer and killed before the write: the answer journal has it.
        pending = {prompt_of(r) for r in at_kill} - set(logged_prompts(bot.db_path))
        print(f"killed after {len(at_kill)} acknowledged answers; "
              f"{len(pending)} acknowledged but not yet written")

        bot = await start_bot(emu, tmp_path, extra=env, tag="bot2")
        # Before any learner clicks again, the restart alone has recorded them all.
        assert {prompt_of(r) for r in at_kill} <= set(logged_prompts(bot.db_path))
        crowd.recovered()
        await asyncio.wait_for(studying, 60.0)
    finally:
        if not studying.done():
            studying.cancel()
        code = await bot.stop()
    assert code == 0, bot.stderr()
    assert crowd.finished == LEARNERS
    print(f"clicks made again after the crash: {crowd.retries}")

    logged = Counter(logged_prompts(bot.db_path))
    doubled = [p for p, n in logged.items() if n > 1]
    assert doubled == []
    # Every acknowledged answer, before and after the crash, is in the log.
    acked = {prompt_of(r) for r in acknowledged_answers(emu)}
    assert acked - set(logged) == set()
    # A click whose result the learner saw (the message updated) was recorded before the kill.
    shown = {prompt_of(r) for r in at_kill
             if any(c.type == UPDATE_MESSAGE for c in r.callbacks)}
    assert shown <= set(logged)
    # Each learner answered each card exactly once (drills come on top, one per miss:
    # a learner who did not see their miss go through may miss the drill again).
    [(firsts,)] = query(bot.db_path, "SELECT count(*) FROM review_log WHERE kind = 'new'")
    assert firsts == LEARNERS * CARDS
    assert len(logged) >= total

    verified = db_verify(tmp_path)
    assert verified.returncode == 0, verified.stdout + verified.stderr
    # Drills are logged but do not schedule, so the replay reads one row per card.
    assert f"{LEARNERS * CARDS} review states, {LEARNERS * CARDS} log rows: ok" in verified.stdout
