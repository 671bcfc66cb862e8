"""Load a deck into the database: upsert cards by id, retire the ones that left.

Review history is keyed by the card's row, which is found by (deck, card id):
editing text keeps history, a removed card is retired (never deleted) and a
card that comes back is restored with its history.  Nothing here touches
review_states or review_log.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import delete, insert, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.storage.locks import Exclusive, hold_exclusive
from bot.storage.models import Card, CardFace, Deck


@dataclass(frozen=True, slots=True)
class CardSnapshot:
    card_id: str
    type: str
    content: dict[str, Any]
    faces: tuple[int, ...]
    line: int | None = None


@dataclass(frozen=True, slots=True)
class DeckSnapshot:
    """A validated deck file, reduced to what the database stores."""

    deck_id: str
    title: str
    lang: str
    path: str
    content_hash: str
    cards: Sequence[CardSnapshot]


@dataclass(slots=True)
class SyncResult:
    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    retired: list[str] = field(default_factory=list)
    restored: list[str] = field(default_factory=list)
    unchanged: int = 0

    @property
    def touched(self) -> bool:
        return bool(self.added or self.changed or self.retired or self.restored)


async def sync_deck(session: AsyncSession, snapshot: DeckSnapshot, now: datetime) -> SyncResult:
    """Make the database's copy of one deck equal to ``snapshot`` (caller commits)."""
    # Every process loads the decks at start: on PostgreSQL they take turns.
    await session.run_sync(lambda sync: hold_exclusive(sync.connection(), Exclusive.DECK_SYNC))
    result = SyncResult()
    deck = await session.get(Deck, snapshot.deck_id)
    if deck is None:
        deck = Deck(id=snapshot.deck_id)
        session.add(deck)
    deck.title = snapshot.title
    deck.lang = snapshot.lang
    deck.path = snapshot.path
    deck.content_hash = snapshot.content_hash
    deck.loaded_at = now
    await session.flush()

    existing = {
        card.card_id: card
        for card in (
            # In pk order, so `retired` lists cards alike on every database (PostgreSQL
            # returns rows in no set order without ORDER BY).
            await session.scalars(
                select(Card).where(Card.deck_id == snapshot.deck_id).order_by(Card.pk)
            )
        ).all()
    }
    face_rows: list[dict[str, int]] = []
    changed_faces: list[int] = []
    new_cards: list[tuple[Card, CardSnapshot, int]] = []
    seen: set[str] = set()
    for position, snap in enumerate(snapshot.cards):
        seen.add(snap.card_id)
        card = existing.get(snap.card_id)
        faces = list(snap.faces)
        if card is None:
            card = Card(
                deck_id=snapshot.deck_id,
                card_id=snap.card_id,
                type=snap.type,
                position=position,
                line=snap.line,
                content=snap.content,
                faces=faces,
                retired_at=None,
                updated_at=now,
            )
            session.add(card)
            new_cards.append((card, snap, position))
            result.added.append(snap.card_id)
            continue
        if card.retired_at is not None:
            card.retired_at = None
            result.restored.append(snap.card_id)
        elif card.content != snap.content or card.type != snap.type:
            result.changed.append(snap.card_id)
        else:
            result.unchanged += 1
        if card.content != snap.content or card.type != snap.type:
            card.content = snap.content
            card.type = snap.type
            card.updated_at = now
        if card.faces != faces or card.position != position:
            changed_faces.append(card.pk)
            face_rows.extend({"card_pk": card.pk, "face": f, "position": position} for f in faces)
            card.faces = faces
            card.position = position
        card.line = snap.line

    for card_id, card in existing.items():
        if card_id not in seen and card.retired_at is None:
            card.retired_at = now
            result.retired.append(card_id)

    await session.flush()  # assigns pks to new cards
    for card, snap, position in new_cards:
        face_rows.extend({"card_pk": card.pk, "face": f, "position": position} for f in snap.faces)
    if changed_faces:
        await session.execute(delete(CardFace).where(CardFace.card_pk.in_(changed_faces)))
    if face_rows:
        await session.execute(insert(CardFace), face_rows)
    return result
