"""Loading a deck into the database keeps every learner's history."""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import func, select

from bot.storage.deck_sync import CardSnapshot
from bot.storage.models import Card, CardFace, ReviewLog, ReviewState, User
from bot.study.runtime import Database
from tests.integration.builders import basic, cloze, deck
from tests.integration.storage_helpers import sessions_of, sync_deck

NOW = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)


async def _cards(db: Database) -> dict[str, Card]:
    async with sessions_of(db)() as session:
        return {c.card_id: c for c in (await session.scalars(select(Card))).all()}


async def _give_history(db: Database, card_pk: int) -> None:
    async with sessions_of(db).begin() as session:
        session.add(
            User(
                id=42,
                timezone="Asia/Seoul",
                locale=None,
                new_per_day=20,
                reviews_per_day=200,
                rollover_hour=4,
                created_at=NOW,
            )
        )
        await session.flush()
        session.add(
            ReviewState(
                user_id=42, card_pk=card_pk, face=1, ease_cents=260, repetitions=1,
                interval=1, due=date(2026, 11, 26), lapses=0, last_reviewed_at=NOW,
            )
        )
        session.add(
            ReviewLog(
                user_id=42, card_pk=card_pk, face=1, prompt_id=None, session_id=None,
                kind="new", quality=5, answer=None, reviewed_at=NOW,
                study_date=date(2026, 11, 25), ease_cents=260, repetitions=1, interval=1,
                due=date(2026, 11, 26),
            )
        )


async def test_first_load_adds_every_card_with_its_faces(database: Database) -> None:
    snapshot = deck("d", basic("a"), basic("b"), cloze("c", "{{c1::x}} {{c2::y}}", (1, 2)))
    async with sessions_of(database).begin() as session:
        result = await sync_deck(session, snapshot, NOW)
    assert result.added == ["a", "b", "c"]
    async with sessions_of(database)() as session:
        faces = (await session.execute(select(func.count()).select_from(CardFace))).scalar()
    assert faces == 4


async def test_edit_keeps_history_and_removal_retires_then_restores(database: Database) -> None:
    async with sessions_of(database).begin() as session:
        await sync_deck(session, deck("d", basic("a", back="old"), basic("b")), NOW)
    card_a = (await _cards(database))["a"]
    await _give_history(database, card_a.pk)

    async with sessions_of(database).begin() as session:
        result = await sync_deck(session, deck("d", basic("a", back="new text")), NOW)
    assert (result.changed, result.retired, result.added) == (["a"], ["b"], [])
    cards = await _cards(database)
    assert cards["a"].pk == card_a.pk and cards["a"].content["back"] == "new text"
    assert cards["b"].retired_at is not None

    async with sessions_of(database).begin() as session:
        result = await sync_deck(session, deck("d", basic("a", back="new text"), basic("b")), NOW)
    assert result.restored == ["b"] and not result.changed and result.unchanged == 1
    assert (await _cards(database))["b"].retired_at is None

    async with sessions_of(database)() as session:
        states = (await session.scalars(select(ReviewState))).all()
        logs = (await session.scalars(select(ReviewLog))).all()
    assert [(s.card_pk, s.ease_cents, s.due) for s in states] == [
        (card_a.pk, 260, date(2026, 11, 26))
    ]
    assert len(logs) == 1


async def test_a_second_identical_load_changes_nothing(database: Database) -> None:
    snapshot = deck("d", basic("a"), basic("b"))
    async with sessions_of(database).begin() as session:
        await sync_deck(session, snapshot, NOW)
    async with sessions_of(database).begin() as session:
        result = await sync_deck(session, snapshot, NOW)
    assert not result.touched and result.unchanged == 2


async def test_reordering_and_cloze_faces_follow_the_file(database: Database) -> None:
    async with sessions_of(database).begin() as session:
        await sync_deck(session, deck("d", basic("a"), cloze("c", "{{c1::x}}", (1,))), NOW)
    async with sessions_of(database).begin() as session:
        await sync_deck(
            session, deck("d", cloze("c", "{{c1::x}} {{c3::z}}", (1, 3)), basic("a")), NOW
        )
    cards = await _cards(database)
    assert (cards["c"].position, cards["a"].position) == (0, 1)
    async with sessions_of(database)() as session:
        query = select(CardFace.face).where(CardFace.card_pk == cards["c"].pk)
        faces = (await session.scalars(query.order_by(CardFace.face))).all()
    assert list(faces) == [1, 3]


async def test_sync_keys_siblings_and_rekeys_them_when_the_file_says_otherwise(
    database: Database,
) -> None:
    def generated(card_id: str, anchor: str) -> CardSnapshot:
        content = {"front": f"Q {card_id}", "back": "a", "src": {"anchor": anchor}}
        return CardSnapshot(card_id, "basic", content, (1,))

    first = deck("d", generated("a", "S#command:ls"), generated("b", "S#command:ls|reverse"),
                 basic("c"))
    async with sessions_of(database).begin() as session:
        await sync_deck(session, first, NOW)
    cards = await _cards(database)
    assert cards["a"].sibling == cards["b"].sibling != cards["c"].sibling
    assert cards["c"].sibling is not None
    # The maintainer points b at another unit: its key follows, a's history stays put.
    second = deck("d", generated("a", "S#command:ls"), generated("b", "S#command:cd|reverse"),
                  basic("c"))
    async with sessions_of(database).begin() as session:
        await sync_deck(session, second, NOW)
    again = await _cards(database)
    assert again["a"].sibling != again["b"].sibling
    assert again["a"].pk == cards["a"].pk and again["a"].sibling == cards["a"].sibling
