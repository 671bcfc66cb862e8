"""The loaded decks, with their live card and face counts and who studies them."""

from __future__ import annotations

from sqlalchemy import Connection, func, select

from bot.storage.models import Card, CardFace, Deck, Enrollment
from bot.storage.rows import AnyRow


def deck_counts(conn: Connection, user_id: int) -> list[AnyRow]:
    """(deck id, title, lang, live cards, live faces, whether ``user_id`` studies it)
    of every loaded deck, by title."""
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
    return list(conn.execute(query).all())


def deck_titles(conn: Connection) -> list[tuple[str, str, str]]:
    """(id, title, lang) of every loaded deck, by id."""
    rows = conn.execute(select(Deck.id, Deck.title, Deck.lang).order_by(Deck.id))
    return [(str(i), str(t), str(lang)) for i, t, lang in rows]
