"""What maintainers read about a deck: its shape, use, reloads, leeches; the log channels."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Connection, Integer, case, delete, func, insert, select, update

from bot.srs.sm2 import PASSING_QUALITY
from bot.storage.daily_models import DailyAnswer, DailyPost
from bot.storage.deck_admin_models import DeckLogChannel, DeckReload
from bot.storage.locks import Exclusive, hold_exclusive
from bot.storage.models import Card, Deck, Enrollment, ReviewLog, ReviewState
from bot.storage.queue_queries import KIND_REVIEW
from bot.storage.rows import AnyRow


def deck_row(conn: Connection, deck_id: str) -> AnyRow | None:
    """(id, title, path) of a loaded deck."""
    return conn.execute(select(Deck.id, Deck.title, Deck.path).where(Deck.id == deck_id)).first()


def last_reload(conn: Connection, deck_id: str) -> AnyRow | None:
    """(at, ok, trigger, by_user, summary, problems) of the deck's latest reload."""
    return conn.execute(
        select(DeckReload.at, DeckReload.ok, DeckReload.trigger, DeckReload.by_user,
               DeckReload.summary, DeckReload.problems)
        .where(DeckReload.deck_id == deck_id)
        .order_by(DeckReload.at.desc(), DeckReload.id.desc()).limit(1)
    ).first()


def cards_by_type(conn: Connection, deck_id: str) -> list[tuple[str, bool, int]]:
    """(type, retired, how many cards) of the deck."""
    rows = conn.execute(
        select(Card.type, Card.retired_at.is_not(None), func.count())
        .where(Card.deck_id == deck_id).group_by(Card.type, Card.retired_at.is_not(None))
    )
    return [(str(t), bool(r), int(n)) for t, r, n in rows]


def learner_count(conn: Connection, deck_id: str) -> int:
    query = select(func.count()).select_from(Enrollment).where(Enrollment.deck_id == deck_id)
    return int(conn.execute(query).scalar() or 0)


def review_counts(conn: Connection, deck_id: str, since: datetime) -> tuple[int, int, int]:
    """(answers ever logged on the deck, graded reviews since ``since``, of them recalled)."""
    deck_log = select(ReviewLog).join(Card, Card.pk == ReviewLog.card_pk).where(
        Card.deck_id == deck_id).subquery()
    reviews = conn.execute(select(func.count()).select_from(deck_log)).scalar()
    recent, recalled = conn.execute(
        select(func.count(),
               func.sum(case((deck_log.c.quality >= PASSING_QUALITY, 1), else_=0)))
        .where(deck_log.c.kind == KIND_REVIEW, deck_log.c.reviewed_at >= since)
    ).one()
    return int(reviews or 0), int(recent or 0), int(recalled or 0)


def leech_faces(
    conn: Connection, deck_id: str, floor_cents: int, min_lapses: int, limit: int
) -> list[AnyRow]:
    """(card_id, face, line, content, retired, learners, lapses) of the faces learners keep
    failing: at the E-Factor floor after ``min_lapses`` lapses, most learners first."""
    return list(conn.execute(
        select(Card.card_id, ReviewState.face, Card.line, Card.content,
               Card.retired_at.is_not(None), func.count(), func.sum(ReviewState.lapses))
        .join(Card, Card.pk == ReviewState.card_pk)
        .where(Card.deck_id == deck_id, ReviewState.ease_cents <= floor_cents,
               ReviewState.lapses >= min_lapses)
        .group_by(Card.pk, ReviewState.face)
        .order_by(func.count().desc(), func.sum(ReviewState.lapses).desc(), Card.position)
        .limit(limit)
    ).all())


def weak_daily_cards(
    conn: Connection, deck_id: str, min_answers: int, limit: int
) -> list[AnyRow]:
    """(card_id, line, content, answers, right answers) of the deck's daily questions
    groups missed most (with at least ``min_answers`` answers), worst first."""
    answers = func.count(DailyAnswer.id)
    correct = func.sum(case((DailyAnswer.correct, 1), else_=0)).cast(Integer)
    return list(conn.execute(
        select(Card.card_id, Card.line, Card.content, answers, correct)
        .join(DailyPost, DailyPost.card_pk == Card.pk)
        .join(DailyAnswer, DailyAnswer.post_id == DailyPost.id)
        .where(Card.deck_id == deck_id, Card.retired_at.is_(None))
        .group_by(Card.pk)
        .having(answers >= min_answers)
        .order_by((correct * 1.0 / answers).asc(), answers.desc(), Card.position)
        .limit(limit)
    ).all())


def set_log_channel(
    conn: Connection, guild_id: int, channel_id: int | None, by_user: int, now: datetime
) -> None:
    """Point the guild's reload reports at ``channel_id`` (None: stop reporting there)."""
    if channel_id is None:
        conn.execute(delete(DeckLogChannel).where(DeckLogChannel.guild_id == guild_id))
        return
    # Create-or-replace: on PostgreSQL two at once would both create.
    hold_exclusive(conn, Exclusive.GROUP_SETUP)
    values = {"channel_id": channel_id, "set_by": by_user, "set_at": now}
    if log_channel(conn, guild_id) is None:
        conn.execute(insert(DeckLogChannel).values(guild_id=guild_id, **values))
    else:
        conn.execute(
            update(DeckLogChannel).where(DeckLogChannel.guild_id == guild_id).values(**values))


def log_channel(conn: Connection, guild_id: int) -> int | None:
    channel = conn.execute(
        select(DeckLogChannel.channel_id).where(DeckLogChannel.guild_id == guild_id)).scalar()
    return None if channel is None else int(channel)


def log_channels(conn: Connection) -> dict[int, int]:
    """guild id -> channel id, for every guild that asked for reload reports."""
    rows = conn.execute(select(DeckLogChannel.guild_id, DeckLogChannel.channel_id))
    return {int(g): int(c) for g, c in rows}
