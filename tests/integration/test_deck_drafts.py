"""Draft cards in a real database: never served until a maintainer accepts them.

The deck files are written to disk and loaded the way the bot loads them
(`reload_decks`), then studied through the real `StudyService`, so what is
checked is what a learner would see.
"""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import select

from bot.srs.grades import Grade
from bot.storage.deck_sync import CardSnapshot, DeckSnapshot
from bot.storage.models import Card, Deck, ReviewLog, ReviewState
from bot.study.answering import AnswerStatus, SelfGrade
from bot.study.deck_loading import reload_decks
from bot.study.learners import LearnerDefaults
from bot.study.runtime import Database
from bot.study.session import StudyService
from tests.integration.storage_helpers import enroll, get_or_create_user, sessions_of, sync_deck

NOW = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)
LEARNER = 4343

DECK = """\
deck: net
lang: en
cards:
  - id: a1
    type: basic
    front: What is a port?
    back: A number that identifies a program
  - id: d1
    type: basic
    draft: true
    front: Why is UDP fast?
    back: It does not set up a connection
    src: {anchor: "net#cause:UDP", lines: [4, 4], gen: 1a2b3c4d}
  - id: c1
    type: cloze
    text: "{{c1::DNS}} turns names into addresses"
"""


def write(directory: Path, body: str) -> None:
    directory.mkdir(parents=True, exist_ok=True)
    (directory / "net.yaml").write_text(body, encoding="utf-8")


async def stored(db: Database) -> dict[str, Card]:
    async with sessions_of(db)() as session:
        return {c.card_id: c for c in await session.scalars(select(Card))}


async def history(db: Database) -> tuple[list[tuple[object, ...]], list[tuple[object, ...]]]:
    async with sessions_of(db)() as session:
        log = [tuple(r) for r in (await session.execute(
            select(ReviewLog.id, ReviewLog.card_pk, ReviewLog.face, ReviewLog.quality)
            .order_by(ReviewLog.id))).all()]
        states = [tuple(r) for r in (await session.execute(
            select(ReviewState.card_pk, ReviewState.face, ReviewState.repetitions,
                   ReviewState.interval, ReviewState.due)
            .order_by(ReviewState.card_pk, ReviewState.face))).all()]
    return log, states


async def study(db: Database, now: datetime) -> list[str]:
    """The learner answers every face offered today Good; the questions, in order."""
    service = StudyService(db.runner, LearnerDefaults())
    async with sessions_of(db).begin() as session:
        await get_or_create_user(session, LEARNER, LearnerDefaults(), now)
        await enroll(session, LEARNER, "net", now)
    ref = await service.start(LEARNER, "net", "test", now)
    asked: list[str] = []
    rng = random.Random(3)
    while (prompt := await service.next_prompt(ref.id, LEARNER, now, rng)) is not None:
        asked.append(prompt.text.question)
        outcome = await service.answer(prompt.prompt_id, LEARNER, SelfGrade(Grade.GOOD), now)
        assert outcome.status is AnswerStatus.RECORDED
    await service.end(ref.id, LEARNER, now)
    return asked


async def test_a_draft_is_never_served_and_is_served_once_accepted(
    database: Database, tmp_path: Path
) -> None:
    decks = tmp_path / "decks"
    write(decks, DECK)
    first = await reload_decks(database.runner, decks, NOW)
    assert [o.summary_line() for o in first.outcomes] == [
        "net: 2 added, 0 changed (history kept), 0 retired, 0 restored"
    ]
    assert set(await stored(database)) == {"a1", "c1"}
    asked = await study(database, NOW)
    assert sorted(asked) == ["What is a port?", "[...] turns names into addresses"]

    # The maintainer accepts the draft (deck review's "keep" drops the flag) and reloads.
    write(decks, DECK.replace("    draft: true\n", ""))
    later = NOW + timedelta(hours=1)
    accepted = await reload_decks(database.runner, decks, later)
    assert accepted.outcomes[0].summary_line() == (
        "net: 1 added, 0 changed (history kept), 0 retired, 0 restored"
    )
    assert (await stored(database))["d1"].content["front"] == "Why is UDP fast?"
    assert await study(database, later) == ["Why is UDP fast?"]


async def test_a_card_turned_back_into_a_draft_is_retired_with_its_history_kept(
    database: Database, tmp_path: Path
) -> None:
    decks = tmp_path / "decks"
    accepted = DECK.replace("    draft: true\n", "")
    write(decks, accepted)
    await reload_decks(database.runner, decks, NOW)
    assert len(await study(database, NOW)) == 3
    before = await history(database)
    pk = (await stored(database))["a1"].pk

    write(decks, accepted.replace("  - id: a1\n    type: basic\n",
                                  "  - id: a1\n    type: basic\n    draft: true\n"))
    later = NOW + timedelta(days=5)  # every card is due again by now
    report = await reload_decks(database.runner, decks, later)
    (outcome,) = report.outcomes
    assert outcome.result is not None and outcome.result.retired == ["a1"]
    assert (await stored(database))["a1"].retired_at == later
    assert await history(database) == before
    assert "What is a port?" not in await study(database, later)

    # Accepted again: the same row comes back with its schedule, not as a new card.
    write(decks, accepted)
    again = await reload_decks(database.runner, decks, later + timedelta(hours=1))
    assert again.outcomes[0].result is not None
    assert again.outcomes[0].result.restored == ["a1"]
    card = (await stored(database))["a1"]
    assert (card.pk, card.retired_at) == (pk, None)
    log, states = await history(database)
    assert [row for row in log if row[1] == pk] == [row for row in before[0] if row[1] == pk]
    assert [row for row in states if row[0] == pk] == [row for row in before[1] if row[0] == pk]


async def test_decks_stored_before_drafts_existed_reload_unchanged(
    database: Database, tmp_path: Path
) -> None:
    """A running bot's rows hold each card's content as earlier versions stored it
    (no `draft` key); loading the same file again must not call every card edited."""
    earlier = DeckSnapshot(
        deck_id="net", title="net", lang="en", path="decks/net.yaml", content_hash="earlier",
        cards=[
            CardSnapshot("a1", "basic", {
                "id": "a1", "type": "basic", "front": "What is a port?",
                "back": "A number that identifies a program", "tags": [], "stale": False,
            }, (1,)),
            CardSnapshot("c1", "cloze", {
                "id": "c1", "type": "cloze", "text": "{{c1::DNS}} turns names into addresses",
                "tags": [], "stale": False,
            }, (1,)),
        ],
    )
    async with sessions_of(database).begin() as session:
        await sync_deck(session, earlier, NOW)
    decks = tmp_path / "decks"
    write(decks, DECK)
    report = await reload_decks(database.runner, decks, NOW + timedelta(days=1))
    (outcome,) = report.outcomes
    assert outcome.summary_line() == (
        "net: 0 added, 0 changed (history kept), 0 retired, 0 restored"
    )
    async with sessions_of(database)() as session:
        deck = await session.get(Deck, "net")
    assert deck is not None and deck.title == "net"  # no title in the file: the deck id
