"""Deck listing, joining and leaving on a real SQLite file."""

from __future__ import annotations

import asyncio
import hashlib
from datetime import UTC, datetime

from bot.storage.deck_sync import CardSnapshot, DeckSnapshot
from bot.study.catalog import Membership, deck_catalog, join_deck, leave_deck
from bot.study.learners import LearnerDefaults
from bot.study.runtime import Database
from tests.integration.builders import basic, cloze
from tests.integration.storage_helpers import enrolled_deck_ids, sessions_of, sync_deck

NOW = datetime(2026, 11, 25, 1, 0, tzinfo=UTC)
DEFAULTS = LearnerDefaults()
LEARNER = 77


def deck(deck_id: str, *cards: CardSnapshot, title: str) -> DeckSnapshot:
    text = "|".join(f"{c.card_id}:{sorted(c.content.items())}" for c in cards)
    content_hash = hashlib.sha256(text.encode()).hexdigest()
    return DeckSnapshot(deck_id, title, "en", f"decks/{deck_id}.yaml", content_hash, list(cards))


async def _load(db: Database) -> None:
    async with sessions_of(db).begin() as session:
        await sync_deck(
            session,
            deck(
                "alpha",
                basic("a1"),
                cloze("z1", "{{c1::x}} {{c2::y}} {{c3::z}}", (1, 2, 3)),
                title="Alpha",
            ),
            NOW,
        )
        await sync_deck(session, deck("beta", basic("b1"), basic("b2"), title="Beta"), NOW)


async def test_catalog_counts_cards_and_faces_and_marks_membership(database: Database) -> None:
    await _load(database)
    assert await join_deck(database.runner, LEARNER, "beta", DEFAULTS, NOW) is Membership.JOINED
    entries = {e.deck_id: e for e in await deck_catalog(database.runner, LEARNER)}
    assert (entries["alpha"].cards, entries["alpha"].faces, entries["alpha"].studying) == (
        2,
        4,
        False,
    )
    assert (entries["beta"].cards, entries["beta"].faces, entries["beta"].studying) == (2, 2, True)
    others = {e.deck_id: e.studying for e in await deck_catalog(database.runner, 9)}
    assert others == {"alpha": False, "beta": False}


async def test_retired_cards_are_not_counted(database: Database) -> None:
    await _load(database)
    async with sessions_of(database).begin() as session:
        await sync_deck(session, deck("beta", basic("b1"), title="Beta"), NOW)
    entries = {e.deck_id: e for e in await deck_catalog(database.runner, LEARNER)}
    assert (entries["beta"].cards, entries["beta"].faces) == (1, 1)


async def test_join_twice_then_leave_twice(database: Database) -> None:
    await _load(database)
    runner, sessions = database.runner, sessions_of(database)
    assert await join_deck(runner, LEARNER, "alpha", DEFAULTS, NOW) is Membership.JOINED
    assert await join_deck(runner, LEARNER, "alpha", DEFAULTS, NOW) is Membership.ALREADY_JOINED
    async with sessions() as session:
        assert await enrolled_deck_ids(session, LEARNER) == ["alpha"]
    assert await leave_deck(runner, LEARNER, "alpha") is Membership.LEFT
    assert await leave_deck(runner, LEARNER, "alpha") is Membership.NOT_JOINED
    async with sessions() as session:
        assert await enrolled_deck_ids(session, LEARNER) == []


async def test_concurrent_joins_record_one_membership(database: Database) -> None:
    await _load(database)
    results = await asyncio.gather(
        *(join_deck(database.runner, LEARNER, "beta", DEFAULTS, NOW) for _ in range(5))
    )
    assert results.count(Membership.JOINED) == 1
    assert set(results) <= {Membership.JOINED, Membership.ALREADY_JOINED}


async def test_unknown_deck(database: Database) -> None:
    await _load(database)
    missing = "nope"
    assert await join_deck(database.runner, LEARNER, missing, DEFAULTS, NOW) is (
        Membership.UNKNOWN_DECK
    )
    assert await leave_deck(database.runner, LEARNER, missing) is Membership.UNKNOWN_DECK
