"""Reloading deck files into a running bot's database: history kept, broken files refused."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import select

from bot.srs.grades import Grade
from bot.storage.deck_admin_models import DeckReload
from bot.storage.models import Card, Deck, ReviewLog, ReviewState
from bot.study.answering import AnswerStatus, SelfGrade
from bot.study.deck_loading import TRIGGER_COMMAND, load_deck_files, reload_decks
from bot.study.learners import LearnerDefaults
from bot.study.runtime import Database
from bot.study.session import StudyService
from tests.integration.storage_helpers import enroll, get_or_create_user, sessions_of

NOW = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)
LEARNER = 4242


def deck_yaml(deck_id: str | None, cards: dict[str, str], *, title: str = "Test") -> str:
    """A deck of basic cards, {card id: front}; ``deck_id`` None leaves the key out."""
    head = [f"deck: {deck_id}"] if deck_id is not None else []
    lines = [*head, f"title: {title}", "lang: en", "cards:"]
    for card_id, front in cards.items():
        lines += [f"  - id: {card_id}", "    type: basic", f"    front: {front}",
                  f"    back: answer {card_id}"]
    return "\n".join(lines) + "\n"


def write(directory: Path, name: str, body: str) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / name
    path.write_text(body, encoding="utf-8")
    return path


async def cards(db: Database, deck_id: str) -> dict[str, Card]:
    async with sessions_of(db)() as session:
        rows = await session.scalars(select(Card).where(Card.deck_id == deck_id))
        return {c.card_id: c for c in rows}


async def history(db: Database) -> tuple[list[tuple[object, ...]], list[tuple[object, ...]]]:
    async with sessions_of(db)() as session:
        log = [tuple(r) for r in (await session.execute(
            select(ReviewLog.id, ReviewLog.card_pk, ReviewLog.quality, ReviewLog.ease_cents)
            .order_by(ReviewLog.id))).all()]
        states = [tuple(r) for r in (await session.execute(
            select(ReviewState.card_pk, ReviewState.face, ReviewState.ease_cents,
                   ReviewState.repetitions, ReviewState.interval, ReviewState.due)
            .order_by(ReviewState.card_pk))).all()]
    return log, states


async def study_all(db: Database, deck_id: str) -> int:
    """The learner answers every card Good once; returns how many were answered."""
    service = StudyService(db.runner, LearnerDefaults())
    async with sessions_of(db).begin() as session:
        await get_or_create_user(session, LEARNER, LearnerDefaults(), NOW)
        await enroll(session, LEARNER, deck_id, NOW)
    ref = await service.start(LEARNER, deck_id, "test", NOW)
    answered = 0
    rng = random.Random(1)
    while (prompt := await service.next_prompt(ref.id, LEARNER, NOW, rng)) is not None:
        outcome = await service.answer(prompt.prompt_id, LEARNER, SelfGrade(Grade.GOOD), NOW)
        assert outcome.status is AnswerStatus.RECORDED
        answered += 1
    return answered


async def test_edit_delete_restore_keep_every_learners_history(
    database: Database, tmp_path: Path
) -> None:
    decks = tmp_path / "decks"
    write(decks, "d.yaml", deck_yaml("d", {"a1": "Alpha?", "b2": "Beta?", "c3": "Gamma?"}))
    first = await reload_decks(database.runner, decks, NOW)
    assert [o.summary_line() for o in first.outcomes] == [
        "d: 3 added, 0 changed (history kept), 0 retired, 0 restored"
    ]
    assert await study_all(database, "d") == 3
    before = await history(database)
    pks = {k: c.pk for k, c in (await cards(database, "d")).items()}

    write(decks, "d.yaml", deck_yaml("d", {"a1": "Alpha, edited?", "b2": "Beta?"}))
    later = NOW + timedelta(minutes=5)
    edited = await reload_decks(database.runner, decks, later)
    (outcome,) = edited.outcomes
    assert outcome.result is not None
    assert (outcome.result.changed, outcome.result.retired) == (["a1"], ["c3"])
    now_cards = await cards(database, "d")
    assert now_cards["a1"].content["front"] == "Alpha, edited?"
    assert now_cards["c3"].retired_at == later
    assert {k: c.pk for k, c in now_cards.items()} == pks
    assert await history(database) == before

    write(decks, "d.yaml", deck_yaml("d", {"a1": "Alpha, edited?", "b2": "Beta?", "c3": "Gamma?"}))
    restored = await reload_decks(database.runner, decks, later)
    assert restored.outcomes[0].summary_line() == (
        "d: 0 added, 0 changed (history kept), 0 retired, 1 restored"
    )
    assert (await cards(database, "d"))["c3"].retired_at is None
    assert (await cards(database, "d"))["c3"].pk == pks["c3"]
    assert await history(database) == before


async def test_a_broken_file_is_refused_with_positions_and_the_old_version_keeps_serving(
    database: Database, tmp_path: Path
) -> None:
    decks = tmp_path / "decks"
    write(decks, "d.yaml", deck_yaml("d", {"a1": "Alpha?", "b2": "Beta?"}))
    await reload_decks(database.runner, decks, NOW)
    before = await cards(database, "d")
    broken = deck_yaml("d", {"a1": "Alpha?", "b2": "Beta?"}).replace(
        "    type: basic\n    front: Beta?", "    type: quiz\n    front: Beta?")
    write(decks, "d.yaml", broken)
    report = await reload_decks(database.runner, decks, NOW + timedelta(hours=1),
                                trigger=TRIGGER_COMMAND, by_user=7)
    assert not report.ok
    (problem,) = report.problems
    assert str(problem).startswith(f"{decks / 'd.yaml'}:10:")
    after = await cards(database, "d")
    assert {k: (c.type, c.content, c.retired_at) for k, c in after.items()} == {
        k: (c.type, c.content, c.retired_at) for k, c in before.items()
    }
    async with sessions_of(database)() as session:
        last = (await session.scalars(
            select(DeckReload).order_by(DeckReload.id.desc()).limit(1))).one()
    assert (last.deck_id, last.ok, last.by_user) == ("d", False, 7)
    assert last.problems == [str(problem)]

    write(decks, "d.yaml", deck_yaml("d", {"a1": "Alpha?", "b2": "Beta, fixed?"}))
    fixed = await reload_decks(database.runner, decks, NOW + timedelta(hours=2))
    assert fixed.ok and fixed.outcomes[0].result is not None
    assert fixed.outcomes[0].result.changed == ["b2"]


async def test_a_deck_id_changed_inside_its_file_is_refused_at_the_deck_key(
    database: Database, tmp_path: Path
) -> None:
    decks = tmp_path / "decks"
    write(decks, "d.yaml", "# maintained by hand\n" + deck_yaml("d", {"a1": "Alpha?"}))
    await reload_decks(database.runner, decks, NOW)
    write(decks, "d.yaml", "# maintained by hand\n" + deck_yaml("d2", {"a1": "Alpha?"}))
    report = await reload_decks(database.runner, decks, NOW)
    (problem,) = report.problems
    assert (problem.line, problem.col) == (2, 1)
    assert "'d' to 'd2'" in problem.message
    assert report.outcomes[0].deck_id == "d"
    async with sessions_of(database)() as session:
        assert list(await session.scalars(select(Deck.id))) == ["d"]


async def test_two_files_with_one_deck_id_the_second_is_refused(
    database: Database, tmp_path: Path
) -> None:
    decks = tmp_path / "decks"
    write(decks, "a.yaml", deck_yaml("shared", {"a1": "From a?"}))
    write(decks, "b.yaml", "\n" + deck_yaml("shared", {"b1": "From b?"}))
    report = await reload_decks(database.runner, decks, NOW)
    assert [(o.deck_id, o.ok) for o in report.outcomes] == [("shared", True), ("b", False)]
    (problem,) = report.problems
    assert (problem.path, problem.line) == (str(decks / "b.yaml"), 2)
    assert str(decks / "a.yaml") in problem.message
    assert set(await cards(database, "shared")) == {"a1"}
    # The watcher reloads only the file that changed: the clash is still seen.
    single = await reload_decks(database.runner, decks, NOW, paths=[decks / "b.yaml"])
    assert not single.ok
    assert set(await cards(database, "shared")) == {"a1"}


async def test_reload_one_deck_by_id_leaves_the_others_alone(
    database: Database, tmp_path: Path
) -> None:
    decks = tmp_path / "decks"
    write(decks, "one.yaml", deck_yaml(None, {"a1": "One?"}))
    write(decks, "two.yaml", deck_yaml("two", {"b1": "Two?"}))
    await reload_decks(database.runner, decks, NOW)
    write(decks, "one.yaml", deck_yaml(None, {"a1": "One, edited?"}))
    write(decks, "two.yaml", deck_yaml("two", {"b1": "Two, edited?"}))
    report = await reload_decks(database.runner, decks, NOW, deck_id="two")
    assert [o.deck_id for o in report.outcomes] == ["two"]
    assert (await cards(database, "one"))["a1"].content["front"] == "One?"
    assert (await cards(database, "two"))["b1"].content["front"] == "Two, edited?"
    missing = await reload_decks(database.runner, decks, NOW, deck_id="nope")
    assert missing.unknown == "nope" and not missing.ok


async def test_start_up_load_refuses_a_changed_deck_id_too(
    database: Database, tmp_path: Path
) -> None:
    decks = tmp_path / "decks"
    path = write(decks, "d.yaml", deck_yaml("d", {"a1": "Alpha?"}))
    await load_deck_files(database.runner, [path], NOW)
    write(decks, "d.yaml", deck_yaml("renamed", {"a1": "Alpha?"}))
    report = await load_deck_files(database.runner, [path], NOW)
    assert report.synced == {}
    assert [p.line for p in report.problems] == [1]
    async with sessions_of(database)() as session:
        assert list(await session.scalars(select(Deck.id))) == ["d"]
        results = list(await session.scalars(select(DeckReload.ok).order_by(DeckReload.id)))
    assert results == [True, False]


async def test_a_reload_of_unchanged_bytes_changes_nothing_and_says_so(
    database: Database, tmp_path: Path
) -> None:
    decks = tmp_path / "decks"
    write(decks, "d.yaml", deck_yaml("d", {"a1": "Alpha?", "b2": "Beta?"}))
    await reload_decks(database.runner, decks, NOW)
    write(decks, "d.yaml", deck_yaml("d", {"a1": "Alpha?"}))
    await reload_decks(database.runner, decks, NOW)
    # Back to the first bytes: a real diff (b2 restored), then the same bytes again: nothing.
    write(decks, "d.yaml", deck_yaml("d", {"a1": "Alpha?", "b2": "Beta?"}))
    back = await reload_decks(database.runner, decks, NOW)
    assert back.outcomes[0].summary_line() == (
        "d: 0 added, 0 changed (history kept), 0 retired, 1 restored")
    again = await reload_decks(database.runner, decks, NOW + timedelta(days=1))
    (outcome,) = again.outcomes
    assert outcome.result is not None and outcome.result.unchanged == 2
    assert not outcome.result.touched
    assert {c.card_id: c.updated_at for c in (await cards(database, "d")).values()} == {
        "a1": NOW, "b2": NOW}
