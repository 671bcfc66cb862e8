"""`studybot db verify` on a live database: it holds up no answer and no scheduled tick.

Every SQLite transaction used to begin IMMEDIATE, reads included, so verify held
the write lock for its whole read of the log: answers and the daily and reminder
ticks waited behind it, then failed after the busy timeout.  Verify now reads in
one read-only transaction (a WAL snapshot on SQLite; READ ONLY REPEATABLE READ on
PostgreSQL, where it must still agree with itself while answers commit).

The bot's side here is the real use cases on the real transaction runner; verify
is the real command in its own process, as an operator runs it next to the bot.
"""

from __future__ import annotations

import asyncio
import os
import random
import re
import sys
import time
from collections.abc import Awaitable, Callable
from datetime import UTC, date, datetime, timedelta
from datetime import time as clock
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.engine import Connection

from bot.jobs.daily import DailyJob
from bot.jobs.reminders import ReminderJob
from bot.srs.sm2 import Sm2State, review
from bot.storage.migrations import current_revision, downgrade, head_revision
from bot.storage.models import Card, ReviewLog, ReviewState, User
from bot.storage.queue_queries import KIND_NEW, KIND_REVIEW
from bot.study import reminders
from bot.study.learners import LearnerDefaults
from bot.study.runtime import Database
from bot.study.session import SelfGrade, StudyService
from tests.e2e.support_bot import REPO
from tests.integration.builders import basic, deck
from tests.integration.daily_support import FakeChannels, FakeDms, load, setup_daily

#: Learners and cards of the history verify reads: 300 x 100 faces x 10 reviews is
#: 150,000 log rows, some seconds of reading (an old study group's database).
LEARNERS, CARDS, REVIEWS = 300, 100, 5
FIRST_DAY = date(2025, 1, 1)
#: Longest a single answer or tick may take while verify reads: under the SQLite busy
#: timeout (10 s), where a lock-out would end in failures.  Whether verify holds anyone up
#: at all is asserted by counting the work done while it runs (a held lock lets none
#: finish), not by a tight time budget, which a loaded machine alone could break.
BUDGET = 8.0
START = datetime(2026, 11, 25, 0, 0, tzinfo=UTC)  # 09:00 in Seoul
ANA = 10**12  # after every seeded learner: verify reads her log last
DEFAULTS = LearnerDefaults(timezone="Asia/Seoul", rollover_hour=4, new_per_day=10_000)


def seed_history(conn: Connection) -> None:
    """LEARNERS learners who each reviewed every card REVIEWS times, states matching the log."""
    pks = list(conn.scalars(select(Card.pk).where(Card.deck_id == "big").order_by(Card.pk)))
    state, rows = Sm2State.new(), []
    for n in range(REVIEWS):
        day = FIRST_DAY + timedelta(days=40 * n)
        state = review(state, 4, day)
        rows.append((n, day, state))
    at = datetime(2025, 1, 1, tzinfo=UTC)
    conn.execute(insert(User), [
        {"id": user, "timezone": "UTC", "locale": None, "new_per_day": 20,
         "reviews_per_day": 200, "rollover_hour": 4, "created_at": at}
        for user in range(1, LEARNERS + 1)])
    for user in range(1, LEARNERS + 1):
        conn.execute(insert(ReviewLog), [
            {"user_id": user, "card_pk": pk, "face": 1, "prompt_id": None, "session_id": None,
             "kind": KIND_NEW if n == 0 else KIND_REVIEW, "quality": 4, "answer": None,
             "reviewed_at": at, "study_date": day, "ease_cents": s.ease_cents,
             "repetitions": s.repetitions, "interval": s.interval, "due": s.due}
            for pk in pks for n, day, s in rows])
        conn.execute(insert(ReviewState), [
            {"user_id": user, "card_pk": pk, "face": 1, "ease_cents": state.ease_cents,
             "repetitions": state.repetitions, "interval": state.interval, "due": state.due,
             "lapses": 0, "last_reviewed_at": at}
            for pk in pks])


async def start_verify(db_url: str) -> asyncio.subprocess.Process:
    return await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot.cli", "db", "verify", "--db", db_url,
        cwd=REPO, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
        env={"PYTHONPATH": str(REPO), "PATH": os.environ.get("PATH", "/usr/bin:/bin")},
    )


async def test_verify_holds_up_no_answer_and_no_tick_and_agrees_with_itself(
    database: Database, db_url: str
) -> None:
    await load(database, deck("big", *[basic(f"b{i:03}") for i in range(CARDS)]), START)
    await database.runner.run(seed_history)
    # Definitions with answers of their own: a channel can ask them, as choices.
    await load(database, deck("d", *[basic(f"d{i:04}", f"What is d{i:04}?", f"Meaning {i}")
                                     for i in range(500)]), START)
    await setup_daily(database, START - timedelta(hours=1))
    study = StudyService(database.runner, DEFAULTS)
    session = await study.start(ANA, "d", "terminal", START)
    await reminders.set_reminder(database.runner, ANA, True, clock(19, 0), START, DEFAULTS)
    daily_job = DailyJob(database.runner, FakeChannels(), grace=timedelta(hours=1))
    reminder_job = ReminderJob(database.runner, FakeDms())
    rng = random.Random(5)

    async def answer(now: datetime) -> None:
        prompt = await study.next_prompt(session.id, ANA, now, rng)
        assert prompt is not None
        await study.answer(prompt.prompt_id, ANA, SelfGrade(4), now)

    async def daily_tick(now: datetime) -> None:
        await daily_job.tick(now)

    async def reminder_tick(now: datetime) -> None:
        await reminder_job.tick(now + timedelta(hours=10))  # 19:00 in Seoul

    work: list[tuple[str, Callable[[datetime], Awaitable[None]]]] = [
        ("answer", answer), ("daily tick", daily_tick), ("reminder tick", reminder_tick)]
    slowest: dict[str, float] = dict.fromkeys((name for name, _ in work), 0.0)
    done_while_verifying = 0

    verify = await start_verify(db_url)
    try:
        day = 0
        while verify.returncode is None:
            now = START + timedelta(days=day)  # each day a new post, reveal and reminder
            for name, step in work:
                began = time.perf_counter()
                await asyncio.wait_for(step(now), timeout=30)
                slowest[name] = max(slowest[name], time.perf_counter() - began)
            if verify.returncode is None:
                done_while_verifying += 1
            day += 1
        out, err = await verify.communicate()
    finally:
        if verify.returncode is None:
            verify.kill()
            await verify.wait()
    said: dict[str, Any] = {"stdout": out.decode(), "stderr": err.decode()[-3000:]}
    assert verify.returncode == 0, said
    counted = re.fullmatch(r"(\d+) review states, (\d+) log rows: ok\n", said["stdout"])
    assert counted is not None, said
    # The history, plus the answers that were committed before verify's snapshot.
    assert int(counted[1]) >= LEARNERS * CARDS and int(counted[2]) >= LEARNERS * CARDS * REVIEWS
    assert done_while_verifying >= 5, (done_while_verifying, said)
    assert max(slowest.values()) < BUDGET, slowest


async def test_verify_never_migrates_the_database_it_checks(
    database: Database, db_url: str
) -> None:
    """A newer studybot's verify next to an older running bot must not change its schema."""
    await downgrade(database.engine, "0002_study_groups")
    verify = await start_verify(db_url)
    out, err = await verify.communicate()
    assert verify.returncode == 2 and out == b""
    (line,) = err.decode().splitlines()
    assert line.startswith("studybot: the database has schema 0002_study_groups and this "
                           f"studybot expects {head_revision()}; verify never changes")
    assert await current_revision(database.engine) == "0002_study_groups"
