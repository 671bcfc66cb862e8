"""Every deck value `deck check` lets through fits the database, and a deck the database
refuses anyway never takes the other decks down, at start-up or on a reload.

Both run on SQLite and PostgreSQL: PostgreSQL enforces VARCHAR lengths and SMALLINT
ranges that SQLite does not, so a bound that is right on one may be wrong on the other.
"""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import select, text

from bot.decks.limits import MAX_CLOZE_NUMBER, MAX_TITLE_CHARS
from bot.srs.grades import Grade
from bot.storage.deck_admin_models import DeckReload
from bot.storage.models import Card, CardFace, Deck, ReviewState
from bot.study.answering import AnswerStatus, SelfGrade
from bot.study.deck_loading import TRIGGER_COMMAND, load_deck_files, reload_decks
from bot.study.learners import LearnerDefaults
from bot.study.runtime import Database
from bot.study.session import StudyService
from tests.integration.storage_helpers import enroll, get_or_create_user, sessions_of
from tests.integration.test_deck_reload import deck_yaml, write

NOW = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)
LEARNER = 77


async def test_a_deck_at_every_bound_loads_and_its_last_face_is_reviewed(
    database: Database, tmp_path: Path
) -> None:
    title = "제" * MAX_TITLE_CHARS
    body = (
        "deck: edge\n"
        f"title: {title}\n"
        "lang: en\n"
        "cards:\n"
        "  - id: z1\n"
        "    type: cloze\n"
        f'    text: "First {{{{c1::one}}}}, last {{{{c{MAX_CLOZE_NUMBER}::two}}}}"\n'
    )
    path = write(tmp_path / "decks", "edge.yaml", body)
    report = await load_deck_files(database.runner, [path], NOW)
    assert report.problems == [] and list(report.synced) == ["edge"]
    async with sessions_of(database)() as session:
        assert await session.scalar(select(Deck.title)) == title
        faces = list(await session.scalars(select(CardFace.face).order_by(CardFace.face)))
    assert faces == [1, MAX_CLOZE_NUMBER]

    service = StudyService(database.runner, LearnerDefaults())
    async with sessions_of(database).begin() as session:
        await get_or_create_user(session, LEARNER, LearnerDefaults(), NOW)
        await enroll(session, LEARNER, "edge", NOW)
    rng = random.Random(3)
    # The two faces are siblings, one a day: the first is new, then due, then the last one.
    for day in range(3):
        now = NOW + timedelta(days=day)
        ref = await service.start(LEARNER, "edge", "test", now)
        while (prompt := await service.next_prompt(ref.id, LEARNER, now, rng)) is not None:
            outcome = await service.answer(prompt.prompt_id, LEARNER, SelfGrade(Grade.GOOD), now)
            assert outcome.status is AnswerStatus.RECORDED
    async with sessions_of(database)() as session:
        reviewed = list(await session.scalars(select(ReviewState.face).order_by(ReviewState.face)))
    assert reviewed == [1, MAX_CLOZE_NUMBER]


async def refuse_deck_in_the_database(database: Database, deck_id: str) -> None:
    """The database itself refuses one deck id: a storage failure `deck check` cannot see."""
    async with database.engine.begin() as conn:
        if database.engine.dialect.name == "sqlite":
            await conn.execute(text(
                f"CREATE TRIGGER refuse_{deck_id} BEFORE INSERT ON decks "
                f"WHEN NEW.id = '{deck_id}' BEGIN SELECT RAISE(ABORT, 'no {deck_id}'); END"))
        else:
            await conn.execute(text(
                f"ALTER TABLE decks ADD CONSTRAINT refuse_{deck_id} CHECK (id <> '{deck_id}')"))


async def fronts(database: Database) -> dict[str, str]:
    async with sessions_of(database)() as session:
        rows = await session.execute(select(Card.deck_id, Card.content))
        return {deck: content["front"] for deck, content in rows}


async def reload_results(database: Database) -> list[tuple[str, bool, str]]:
    async with sessions_of(database)() as session:
        rows = await session.execute(
            select(DeckReload.deck_id, DeckReload.ok, DeckReload.trigger).order_by(DeckReload.id))
        return [(deck, ok, trigger) for deck, ok, trigger in rows]


async def test_a_deck_the_database_refuses_leaves_the_others_loading(
    database: Database, tmp_path: Path
) -> None:
    await refuse_deck_in_the_database(database, "middle")
    decks = tmp_path / "decks"
    paths = [write(decks, f"{deck}.yaml", deck_yaml(deck, {"a1": f"{deck}?"}))
             for deck in ("alpha", "middle", "omega")]

    report = await load_deck_files(database.runner, paths, NOW)
    assert sorted(report.synced) == ["alpha", "omega"]
    (problem,) = report.problems
    assert (problem.path, problem.line, problem.col) == (str(paths[1]), 1, 1)
    assert "the database refused this deck" in problem.message
    assert await fronts(database) == {"alpha": "alpha?", "omega": "omega?"}
    assert await reload_results(database) == [
        ("alpha", True, "start"), ("middle", False, "start"), ("omega", True, "start")]

    for deck in ("alpha", "middle", "omega"):
        write(decks, f"{deck}.yaml", deck_yaml(deck, {"a1": f"{deck}, edited?"}))
    reloaded = await reload_decks(database.runner, decks, NOW + timedelta(minutes=1))
    assert [(o.deck_id, o.ok) for o in reloaded.outcomes] == [
        ("alpha", True), ("middle", False), ("omega", True)]
    assert "the database refused this deck" in reloaded.problems[0].message
    assert await fronts(database) == {"alpha": "alpha, edited?", "omega": "omega, edited?"}
    assert (await reload_results(database))[3:] == [
        ("alpha", True, TRIGGER_COMMAND), ("middle", False, TRIGGER_COMMAND),
        ("omega", True, TRIGGER_COMMAND)]
