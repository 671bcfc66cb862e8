"""The runner, the one way to the database: shared commits for waiting answers, savepoints
that keep a refusal to itself, and the answer's compiled statements reading back what
SQLAlchemy would."""

from __future__ import annotations

import asyncio
import random
import signal
import sqlite3
import threading
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.engine import Connection
from sqlalchemy.exc import IntegrityError

from bot.storage import answers
from bot.storage.models import Prompt, ReviewLog
from bot.storage.transactions import SqliteThreadRunner
from bot.study.learners import LearnerDefaults
from bot.study.runtime import Database
from bot.study.session import AnswerStatus, SelfGrade, StudyService
from tests.integration.builders import basic, cloze, deck
from tests.integration.storage_helpers import sessions_of, sync_deck

NOW = datetime(2026, 11, 25, 1, 0, tzinfo=UTC)
LEARNERS = list(range(5001, 5007))


async def _one_prompt_each(database: Database, service: StudyService) -> dict[int, int]:
    async with sessions_of(database).begin() as session:
        await sync_deck(session, deck("d", basic("a"), basic("b")), NOW)
    prompts = {}
    for learner in LEARNERS:
        ref = await service.start(learner, "d", "discord", NOW)
        view = await service.next_prompt(ref.id, learner, NOW, random.Random(learner))
        assert view is not None
        prompts[learner] = view.prompt_id
    return prompts


async def _traced_writer(
    database: Database,
) -> tuple[SqliteThreadRunner, StudyService, dict[int, int], list[int]]:
    """A prompt for each learner, and the thread of every COMMIT on the writer's own
    sqlite3 connection from now on."""
    runner = database.runner
    assert isinstance(runner, SqliteThreadRunner)
    service = StudyService(runner, LearnerDefaults())
    prompts = await _one_prompt_each(database, service)
    commits: list[int] = []

    def trace(conn: Connection) -> None:
        driver = conn.connection.driver_connection
        assert driver is not None
        driver.set_trace_callback(
            lambda sql: commits.append(threading.get_ident())
            if sql.upper().startswith("COMMIT") else None)

    await runner.run(trace)
    commits.clear()
    return runner, service, prompts, commits


@pytest.mark.sqlite_only
async def test_answers_waiting_together_share_one_commit_and_a_refusal_stays_its_own(
    database: Database,
) -> None:
    runner, service, prompts, commits = await _traced_writer(database)
    started, gate = threading.Event(), threading.Event()

    def hold(_conn: Connection) -> None:
        started.set()
        gate.wait(10)

    busy = asyncio.ensure_future(runner.run(hold))
    for _ in range(1000):  # until the writer is busy with it
        if started.is_set():
            break
        await asyncio.sleep(0.001)
    refused = LEARNERS[2]  # quality 9 fits no face: refused after its prompt was claimed
    answering = [
        asyncio.ensure_future(service.answer(
            prompts[learner], learner, SelfGrade(9 if learner == refused else 4), NOW))
        for learner in LEARNERS
    ]
    for _ in range(1000):  # until every answer waits in the writer's queue
        if len(runner._writer._urgent) == len(LEARNERS):
            break
        await asyncio.sleep(0.001)
    assert len(runner._writer._urgent) == len(LEARNERS)
    gate.set()
    await busy
    outcomes = dict(zip(LEARNERS, await asyncio.gather(*answering), strict=True))
    assert len(commits) == 2  # the busy work, then every waiting answer in one commit
    assert outcomes.pop(refused).status is AnswerStatus.INVALID
    assert {o.status for o in outcomes.values()} == {AnswerStatus.RECORDED}
    async with sessions_of(database)() as session:
        logged = set((await session.scalars(select(ReviewLog.user_id))).all())
        claimed = await session.scalar(
            select(Prompt.answered_at).where(Prompt.id == prompts[refused]))
    assert logged == set(LEARNERS) - {refused}
    assert claimed is None  # its claim rolled back with it, and only it
    again = await service.answer(prompts[refused], refused, SelfGrade(4), NOW)
    assert again.status is AnswerStatus.RECORDED


async def test_the_answer_statements_read_back_what_sqlalchemy_reads(database: Database) -> None:
    service = StudyService(database.runner, LearnerDefaults())
    async with sessions_of(database).begin() as session:
        await sync_deck(session, deck("d", cloze("z", "{{c1::x}} {{c2::y}}", (1, 2))), NOW)
    learner = LEARNERS[0]
    ref = await service.start(learner, "d", "discord", NOW)
    view = await service.next_prompt(ref.id, learner, NOW, random.Random(1))
    assert view is not None
    assert (await service.answer(view.prompt_id, learner, SelfGrade(4), NOW)).status is (
        AnswerStatus.RECORDED)
    params = {"card_pk": view.card_pk, "face": view.face, "session_id": ref.id,
              "user_id": learner, "shown_at": NOW}

    def both(conn: Connection) -> tuple[object, object]:
        fast = answers.answer_context(conn, **params)
        slow = conn.execute(
            answers.CONTEXT, {**params, "exam_floor": answers.exam_floor(NOW)}).first()
        return fast, slow

    fast, slow = await database.runner.run(both, read_only=True)
    assert fast is not None and slow is not None
    assert tuple(fast) == tuple(slow)
    assert [type(v) for v in fast] == [type(v) for v in slow]
    assert fast.content == {"text": "{{c1::x}} {{c2::y}}"} and fast.faces == [1, 2]
    assert fast.due == date(2026, 11, 26) and fast.drilled is True
    assert fast.kept_until is None and slow.retired_at is None


async def test_a_refused_compiled_statement_raises_sqlalchemys_error(database: Database) -> None:
    service = StudyService(database.runner, LearnerDefaults())
    prompts = await _one_prompt_each(database, service)
    learner = LEARNERS[0]
    await service.answer(prompts[learner], learner, SelfGrade(4), NOW)

    def log_again(conn: Connection) -> None:
        row = conn.execute(select(ReviewLog.__table__).where(ReviewLog.user_id == learner)).one()
        values = {c: getattr(row, c) for c in (
            "user_id", "card_pk", "face", "prompt_id", "session_id", "kind", "quality",
            "answer", "reviewed_at", "study_date", "ease_cents", "repetitions", "interval",
            "due", "exam_date")}
        answers.append_review(conn, values)  # the same prompt twice: its log row is unique

    with pytest.raises(IntegrityError):
        await database.runner.run(log_again)


@pytest.mark.sqlite_only
@pytest.mark.skipif(not hasattr(signal, "pthread_sigmask"), reason="POSIX signal masks")
async def test_the_database_threads_leave_ctrl_c_to_the_main_thread(database: Database) -> None:
    # A Ctrl-C taken by a database thread never interrupts the terminal's blocking read.
    masked = await database.runner.run(
        lambda conn: signal.pthread_sigmask(signal.SIG_BLOCK, []))
    assert {signal.SIGINT, signal.SIGTERM} <= set(masked)
    assert signal.SIGINT not in signal.pthread_sigmask(signal.SIG_BLOCK, [])




@pytest.mark.sqlite_only
async def test_answers_clicked_together_at_an_idle_writer_share_one_commit_on_the_loop(
    database: Database,
) -> None:
    # No hop to the writer thread and back when it has nothing to do: the answers of one
    # turn of the event loop run there, in one transaction, a refusal still its own.
    _, service, prompts, commits = await _traced_writer(database)
    refused = LEARNERS[3]
    outcomes = dict(zip(LEARNERS, await asyncio.gather(*(
        service.answer(prompts[learner], learner, SelfGrade(9 if learner == refused else 4),
                       NOW)
        for learner in LEARNERS)), strict=True))
    assert commits == [threading.get_ident()]  # one commit, on the loop's own thread
    assert outcomes.pop(refused).status is AnswerStatus.INVALID
    assert {o.status for o in outcomes.values()} == {AnswerStatus.RECORDED}
    async with sessions_of(database)() as session:
        logged = set((await session.scalars(select(ReviewLog.user_id))).all())
    assert logged == set(LEARNERS) - {refused}


@pytest.mark.sqlite_only
async def test_an_answer_waits_for_another_process_off_the_event_loop(
    database: Database, tmp_path: Path,
) -> None:
    # Another process (the terminal's `studybot study`) holds the file's write lock: the
    # answer waits in the writer thread, and the loop goes on serving everyone else.
    runner = database.runner
    assert isinstance(runner, SqliteThreadRunner)
    service = StudyService(runner, LearnerDefaults())
    prompts = await _one_prompt_each(database, service)
    other = sqlite3.connect(tmp_path / "studybot.db", isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    learner = LEARNERS[0]
    answering = asyncio.ensure_future(service.answer(prompts[learner], learner,
                                                     SelfGrade(4), NOW))
    turns = 0
    while not runner._writer._busy.locked():  # until the writer thread waits on the lock
        await asyncio.sleep(0.001)
        turns += 1
    assert turns > 0 and not answering.done()
    other.execute("COMMIT")
    other.close()
    assert (await asyncio.wait_for(answering, 15)).status is AnswerStatus.RECORDED


@pytest.mark.sqlite_only
async def test_the_first_of_a_turns_writes_cancelled_leaves_the_others_to_run(
    database: Database,
) -> None:
    runner = database.runner
    await runner.run(lambda conn: None)  # the writer's connection exists: it is idle
    ran: list[str] = []
    first = asyncio.ensure_future(runner.run(lambda conn: ran.append("first"), urgent=True))
    second = asyncio.ensure_future(runner.run(lambda conn: ran.append("second") or 2,
                                              urgent=True))
    await asyncio.sleep(0)  # both have started: the first waits for the turn to end
    first.cancel()
    assert await asyncio.wait_for(second, 15) == 2
    with pytest.raises(asyncio.CancelledError):
        await first
    assert "second" in ran
