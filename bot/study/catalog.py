"""The decks a learner can study, and joining or leaving one.

Counts are of live cards (retired ones are never shown) and of their faces (a
cloze card with c1..c3 is three things to review), because the second is what
a learner's daily workload is made of.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.storage.engine import reading
from bot.storage.models import Card, CardFace, Deck, Enrollment
from bot.study.learners import LearnerDefaults, enroll, get_or_create_user, leave


@dataclass(frozen=True, slots=True)
class DeckEntry:
    deck_id: str
    title: str
    lang: str
    cards: int
    faces: int
    studying: bool


class Membership(StrEnum):
    JOINED = "joined"
    ALREADY_JOINED = "already_joined"
    LEFT = "left"
    NOT_JOINED = "not_joined"
    UNKNOWN_DECK = "unknown_deck"


async def deck_catalog(sessions: async_sessionmaker[AsyncSession], user_id: int) -> list[DeckEntry]:
    """Every loaded deck, by title, with its live card and face counts."""
    live = Card.retired_at.is_(None)
    cards = (
        select(Card.deck_id, func.count().label("n")).where(live).group_by(Card.deck_id).subquery()
    )
    faces = (
        select(Card.deck_id, func.count().label("n"))
        .join(CardFace, CardFace.card_pk == Card.pk)
        .where(live)
        .group_by(Card.deck_id)
        .subquery()
    )
    mine = select(Enrollment.deck_id).where(Enrollment.user_id == user_id).subquery()
    query = (
        select(
            Deck.id,
            Deck.title,
            Deck.lang,
            func.coalesce(cards.c.n, 0),
            func.coalesce(faces.c.n, 0),
            mine.c.deck_id.is_not(None),
        )
        .outerjoin(cards, cards.c.deck_id == Deck.id)
        .outerjoin(faces, faces.c.deck_id == Deck.id)
        .outerjoin(mine, mine.c.deck_id == Deck.id)
        .order_by(Deck.title, Deck.id)
    )
    async with reading(sessions) as db:
        rows = (await db.execute(query)).all()
    return [
        DeckEntry(deck_id, title, lang, int(n_cards), int(n_faces), bool(studying))
        for deck_id, title, lang, n_cards, n_faces, studying in rows
    ]


async def join_deck(
    sessions: async_sessionmaker[AsyncSession],
    user_id: int,
    deck_id: str,
    defaults: LearnerDefaults,
    now: datetime,
) -> Membership:
    """Start studying a deck; a second join (a double click) changes nothing."""
    try:
        async with sessions.begin() as db:
            if await db.get(Deck, deck_id) is None:
                return Membership.UNKNOWN_DECK
            await get_or_create_user(db, user_id, defaults, now)
            joined = await enroll(db, user_id, deck_id, now)
    except IntegrityError:
        # Two joins raced and the other one won: the learner is in the deck.
        return Membership.ALREADY_JOINED
    return Membership.JOINED if joined else Membership.ALREADY_JOINED


async def leave_deck(
    sessions: async_sessionmaker[AsyncSession], user_id: int, deck_id: str
) -> Membership:
    """Stop studying a deck; the review history stays, so rejoining picks it up again."""
    async with sessions.begin() as db:
        if await db.get(Deck, deck_id) is None:
            return Membership.UNKNOWN_DECK
        left = await leave(db, user_id, deck_id)
    return Membership.LEFT if left else Membership.NOT_JOINED
