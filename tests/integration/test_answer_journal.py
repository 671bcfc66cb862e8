"""Answers acknowledged but not yet written survive a crash through the journal."""

from __future__ import annotations

import random
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import func, select

from bot.storage.models import ReviewLog
from bot.study.answer_journal import AnswerJournal, journal_path
from bot.study.learners import LearnerDefaults
from bot.study.runtime import Database
from bot.study.session import ChoicePick, SelfGrade, StudyService, TypedText
from bot.study.verify import verify_states
from tests.integration.builders import basic, choice, deck, typed
from tests.integration.storage_helpers import sessions_of, sync_deck

NOW = datetime(2026, 11, 25, 1, 0, tzinfo=UTC)
LEARNER = 7


async def _logged(db: Database) -> int:
    async with sessions_of(db)() as session:
        return int(await session.scalar(select(func.count()).select_from(ReviewLog)) or 0)


async def test_a_crash_between_acknowledgement_and_write_loses_nothing(
    database: Database, tmp_path: Path
) -> None:
    async with sessions_of(database).begin() as session:
        await sync_deck(
            session, deck("d", basic("a"), choice("c", ["x", "y"], "y"), typed("t", "DNS")), NOW
        )
    service = StudyService(database.runner, LearnerDefaults())
    ref = await service.start(LEARNER, "d", "discord", NOW)
    view = await service.next_prompt(ref.id, LEARNER, NOW, random.Random(0))
    assert view is not None
    path = tmp_path / "answers.jsonl"
    journal = AnswerJournal(path)
    # The click is journalled and acknowledged; the process dies before the write.
    journal.record(view.prompt_id, LEARNER, SelfGrade(4), NOW)
    journal.close()
    with path.open("a", encoding="utf-8") as torn:
        torn.write('{"prompt": 99, "us')  # a line the crash cut short: never acknowledged
    assert await _logged(database) == 0

    restarted = AnswerJournal(path)
    assert await restarted.replay(service) == 1
    assert await _logged(database) == 1
    # Replaying again (another restart) records nothing twice.
    restarted.record(view.prompt_id, LEARNER, SelfGrade(4), NOW)
    assert await restarted.replay(service) == 0
    assert await _logged(database) == 1
    assert path.read_text(encoding="utf-8") == ""
    assert (await verify_states(database.runner)).ok
    restarted.close()


async def test_every_kind_of_answer_round_trips_through_the_journal(
    database: Database, tmp_path: Path
) -> None:
    async with sessions_of(database).begin() as session:
        await sync_deck(session, deck("d", choice("c", ["x", "y"], "y"), typed("t", "DNS")), NOW)
    service = StudyService(database.runner, LearnerDefaults())
    ref = await service.start(LEARNER, "d", "discord", NOW)
    journal = AnswerJournal(tmp_path / "j.jsonl")
    first = await service.next_prompt(ref.id, LEARNER, NOW, random.Random(0))
    assert first is not None
    journal.record(first.prompt_id, LEARNER, ChoicePick(first.text.choices.index("y")), NOW)
    assert await journal.replay(service) == 1
    second = await service.next_prompt(ref.id, LEARNER, NOW, random.Random(0))
    assert second is not None
    journal.record(second.prompt_id, LEARNER, TypedText(" 도메인 네임 시스템 "), NOW)
    assert await journal.replay(service) == 1
    async with sessions_of(database)() as session:
        answers = list(await session.scalars(select(ReviewLog.answer).order_by(ReviewLog.id)))
    assert answers == ["y", " 도메인 네임 시스템 "]
    journal.close()


async def test_only_clicks_never_dealt_with_are_replayed(
    database: Database, tmp_path: Path
) -> None:
    async with sessions_of(database).begin() as session:
        await sync_deck(session, deck("d", basic("a"), basic("b"), basic("c")), NOW)
    service = StudyService(database.runner, LearnerDefaults())
    ref = await service.start(LEARNER, "d", "discord", NOW)
    path = tmp_path / "answers.jsonl"
    journal = AnswerJournal(path)
    # Dealt with while the learner watched: recorded, or refused, or failed; settled.
    first = await service.next_prompt(ref.id, LEARNER, NOW, random.Random(0))
    assert first is not None
    entry = journal.record(first.prompt_id, LEARNER, SelfGrade(9), NOW)  # refused: invalid
    await service.answer(first.prompt_id, LEARNER, SelfGrade(9), NOW)
    journal.settled(entry)
    failed = journal.record(first.prompt_id, LEARNER, SelfGrade(4), NOW)  # "went wrong"
    journal.settled(failed)
    await service.skip(first.prompt_id, LEARNER)
    # Acknowledged, then the process died: replayed, unless its prompt was put aside since.
    second = await service.next_prompt(ref.id, LEARNER, NOW, random.Random(0))
    assert second is not None
    journal.record(second.prompt_id, LEARNER, SelfGrade(3), NOW)
    journal.record(first.prompt_id, LEARNER, SelfGrade(5), NOW)  # skipped by then
    journal.close()

    restarted = AnswerJournal(path)
    assert await restarted.replay(service) == 1
    async with sessions_of(database)() as session:
        logged = list(await session.execute(select(ReviewLog.prompt_id, ReviewLog.quality)))
    assert [tuple(row) for row in logged] == [(second.prompt_id, 3)]
    restarted.close()


def test_one_journal_per_process_beside_a_sqlite_file(tmp_path: Path) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path / 'bot.db'}"
    assert journal_path(url, None, tmp_path) == tmp_path / "bot.db.answers-all.jsonl"
    assert journal_path(url, [2, 3], tmp_path).name == "bot.db.answers-2-3.jsonl"
    pg = "postgresql+asyncpg://u:p@localhost/studybot"
    assert journal_path(pg, [0], tmp_path) == tmp_path / "studybot-answers-0.jsonl"


async def test_a_recorded_clicks_settled_line_may_die_in_the_buffer(
    database: Database, tmp_path: Path
) -> None:
    """Only the refused or failed click's settled line must reach the OS at once: a
    recorded click replayed after a crash finds its answer written and adds nothing."""
    async with sessions_of(database).begin() as session:
        await sync_deck(session, deck("d", basic("a"), basic("b")), NOW)
    service = StudyService(database.runner, LearnerDefaults())
    ref = await service.start(LEARNER, "d", "discord", NOW)
    path = tmp_path / "answers.jsonl"
    journal = AnswerJournal(path)
    view = await service.next_prompt(ref.id, LEARNER, NOW, random.Random(0))
    assert view is not None
    refused = journal.record(view.prompt_id, LEARNER, SelfGrade(9), NOW)
    await service.answer(view.prompt_id, LEARNER, SelfGrade(9), NOW)
    journal.settled(refused)
    entry = journal.record(view.prompt_id, LEARNER, SelfGrade(4), NOW)
    await service.answer(view.prompt_id, LEARNER, SelfGrade(4), NOW)
    journal.settled(entry, recorded=True)
    # What a SIGKILL leaves: only what was handed to the OS.
    on_disk = path.read_text(encoding="utf-8")
    assert f'{{"settled": {refused}}}' in on_disk
    assert f'{{"settled": {entry}}}' not in on_disk
    crashed = tmp_path / "crashed.jsonl"
    crashed.write_text(on_disk, encoding="utf-8")
    restarted = AnswerJournal(crashed)
    assert await restarted.replay(service) == 0
    assert await _logged(database) == 1
    restarted.close()
    journal.close()
