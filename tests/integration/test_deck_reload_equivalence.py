"""The reload's bulk sync (`sync_rows`) does what `sync_deck` does, version after version."""

from __future__ import annotations

import functools
import itertools
from datetime import UTC, datetime, timedelta
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from bot.storage.deck_sync import CardSnapshot, DeckSnapshot, sync_deck
from bot.storage.models import Card, CardFace
from bot.study.deck_loading import sync_rows
from bot.study.runtime import Database
from tests.integration.builders import basic, cloze

NOW = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)
_names = itertools.count()

CARD_IDS = [f"c{i}" for i in range(6)]


@st.composite
def versions(draw: st.DrawFn) -> list[list[CardSnapshot]]:
    """Successive versions of one deck: cards come, go, come back, change text and faces."""
    result = []
    for _ in range(draw(st.integers(1, 4))):
        ids = draw(st.lists(st.sampled_from(CARD_IDS), unique=True, max_size=6))
        cards = []
        for card_id in draw(st.permutations(ids)):
            if draw(st.booleans()):
                cards.append(basic(card_id, front=draw(st.sampled_from(["x?", "y?"]))))
            else:
                faces = draw(st.sampled_from([(1,), (1, 2)]))
                text = " ".join(f"{{{{c{f}::w{f}}}}}" for f in faces)
                cards.append(cloze(card_id, text, faces))
        result.append(cards)
    return result


def _snapshot(deck_id: str, cards: list[CardSnapshot]) -> DeckSnapshot:
    lined = [CardSnapshot(c.card_id, c.type, c.content, c.faces, line=3 + 4 * i)
             for i, c in enumerate(cards)]
    return DeckSnapshot(deck_id, "T", "en", f"{deck_id}.yaml", "h", lined)


async def _state(db: Database, deck_id: str) -> tuple[list[Any], list[Any]]:
    async with db.sessions() as session:
        cards = [
            (c.card_id, c.type, c.position, c.line, c.content, c.faces, c.retired_at, c.updated_at)
            for c in await session.scalars(
                select(Card).where(Card.deck_id == deck_id).order_by(Card.card_id))
        ]
        faces = sorted(
            (card_id, face, position) for card_id, face, position in (await session.execute(
                select(Card.card_id, CardFace.face, CardFace.position)
                .join(Card, Card.pk == CardFace.card_pk).where(Card.deck_id == deck_id))).all()
        )
    return cards, faces


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture], max_examples=25)
@given(history=versions())
async def test_bulk_sync_matches_the_orm_sync(database: Database,
                                              history: list[list[CardSnapshot]]) -> None:
    n = next(_names)
    orm_deck, bulk_deck = f"orm{n}", f"bulk{n}"
    for step, cards in enumerate(history):
        now = NOW + timedelta(minutes=step)
        async with database.sessions.begin() as session:
            expected = await sync_deck(session, _snapshot(orm_deck, cards), now)
        got = await database.runner.run(
            functools.partial(sync_rows, snapshot=_snapshot(bulk_deck, cards), now=now))
        assert got == expected
        assert await _state(database, bulk_deck) == await _state(database, orm_deck)
