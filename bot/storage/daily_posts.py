"""Daily posts and members' answers to them.

A post is claimed by inserting its (channel, local date) row before anything
is sent: whoever fails that insert (a restart, a retry, a second process)
does nothing.  A member's answer is one (post, member) row: the first counts.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import Connection, func, insert, select, update
from sqlalchemy import Integer as IntegerType
from sqlalchemy.exc import IntegrityError

from bot.srs.grades import ALMOST_ANSWER_QUALITY
from bot.storage.daily_models import (
    POST_FAILED,
    POST_POSTED,
    POST_REVEALED,
    DailyAnswer,
    DailyConfig,
    DailyPost,
)
from bot.storage.models import Card, CardFace, Deck, Enrollment, ReviewLog, ReviewState, User
from bot.storage.rows import AnyRow

# -- what is taken, what is due --------------------------------------------------------------


def channel_days(conn: Connection, channel_id: int, since: date) -> list[AnyRow]:
    """(local_date, status, reveal_due_at) of the channel's posts from ``since`` on."""
    return list(conn.execute(
        select(DailyPost.local_date, DailyPost.status, DailyPost.reveal_due_at).where(
            DailyPost.channel_id == channel_id, DailyPost.local_date >= since
        )
    ).all())


def claimed_days(conn: Connection, since: date) -> set[tuple[int, date]]:
    """(channel, local date) of every post row from ``since`` on: those days are taken."""
    rows = conn.execute(
        select(DailyPost.channel_id, DailyPost.local_date).where(DailyPost.local_date >= since)
    )
    return {(int(channel), day) for channel, day in rows}


def next_reveal(conn: Connection) -> datetime | None:
    """The earliest reveal of a post still open."""
    return conn.execute(
        select(func.min(DailyPost.reveal_due_at)).where(DailyPost.status == POST_POSTED)
    ).scalar()


def due_reveals(conn: Connection, now: datetime) -> list[int]:
    """Posts whose reveal time has come, earliest first."""
    return [int(i) for i in conn.execute(
        select(DailyPost.id)
        .where(DailyPost.status == POST_POSTED, DailyPost.reveal_due_at <= now)
        .order_by(DailyPost.reveal_due_at, DailyPost.id)
    ).scalars()]


# -- choosing a face --------------------------------------------------------------------------


def review_misses(
    conn: Connection, deck_id: str, channel_id: int
) -> dict[tuple[int, int], tuple[int, int]]:
    """(card pk, face) -> (wrong, answered) over the DM reviews of the channel's members
    (everyone who ever answered there) on the deck's faces."""
    members = (
        select(DailyAnswer.user_id)
        .join(DailyPost, DailyPost.id == DailyAnswer.post_id)
        .where(DailyPost.channel_id == channel_id)
        .distinct()
        .scalar_subquery()
    )
    rows = conn.execute(
        select(
            ReviewLog.card_pk,
            ReviewLog.face,
            func.sum((ReviewLog.quality < ALMOST_ANSWER_QUALITY).cast(IntegerType)),
            func.count(),
        )
        .join(Card, Card.pk == ReviewLog.card_pk)
        .where(Card.deck_id == deck_id, ReviewLog.user_id.in_(members))
        .group_by(ReviewLog.card_pk, ReviewLog.face)
    )
    return {(pk, face): (int(wrong or 0), int(n)) for pk, face, wrong, n in rows}


def daily_misses(conn: Connection, channel_id: int) -> dict[tuple[int, int], tuple[int, int]]:
    """(card pk, face) -> (wrong, answered) over the answers to the channel's posts."""
    rows = conn.execute(
        select(
            DailyPost.card_pk,
            DailyPost.face,
            func.sum((DailyAnswer.correct.is_(False)).cast(IntegerType)),
            func.count(),
        )
        .join(DailyAnswer, DailyAnswer.post_id == DailyPost.id)
        .where(DailyPost.channel_id == channel_id)
        .group_by(DailyPost.card_pk, DailyPost.face)
    )
    return {(int(pk or 0), face): (int(wrong or 0), int(n)) for pk, face, wrong, n in rows}


def live_faces(conn: Connection, deck_id: str) -> list[tuple[int, int, int]]:
    """(card pk, face, card position) of every face of the deck's live cards."""
    rows = conn.execute(
        select(CardFace.card_pk, CardFace.face, Card.position)
        .join(Card, Card.pk == CardFace.card_pk)
        .where(Card.deck_id == deck_id, Card.retired_at.is_(None))
    )
    return [(int(pk), int(face), int(position)) for pk, face, position in rows]


def live_cards(conn: Connection, deck_id: str) -> list[tuple[int, str, dict[str, Any]]]:
    """(card pk, type, content) of the deck's live cards: how their faces can be asked."""
    rows = conn.execute(
        select(Card.pk, Card.type, Card.content)
        .where(Card.deck_id == deck_id, Card.retired_at.is_(None))
        .order_by(Card.pk)
    )
    return [(int(pk), str(card_type), content) for pk, card_type, content in rows]


def recent_faces(conn: Connection, channel_id: int, limit: int) -> list[tuple[int, int]]:
    """The faces of the channel's last ``limit`` posts, newest first."""
    rows = conn.execute(
        select(DailyPost.card_pk, DailyPost.face)
        .where(DailyPost.channel_id == channel_id, DailyPost.card_pk.is_not(None))
        .order_by(DailyPost.local_date.desc())
        .limit(limit)
    )
    return [(int(pk), int(face)) for pk, face in rows if pk is not None]


def card_content(conn: Connection, card_pk: int) -> tuple[str, dict[str, Any]]:
    """(type, content) of one card."""
    card_type, content = conn.execute(
        select(Card.type, Card.content).where(Card.pk == card_pk)).one()
    return str(card_type), content


# -- the post's life ----------------------------------------------------------------------------


def insert_post(conn: Connection, values: dict[str, Any]) -> int | None:
    """Claim a (channel, local date): the new post's id, or None when it is taken."""
    try:
        with conn.begin_nested():
            post_id: int = conn.execute(
                insert(DailyPost).values(**values).returning(DailyPost.id)).scalar_one()
    except IntegrityError:
        return None
    return post_id


def post_with_card(conn: Connection, post_id: int) -> AnyRow | None:
    """(id, guild_id, channel_id, local_date, message_id, status, face, choice_order, shown,
    reveal_due_at, card type, card content, deck title, the channel's language and zone)."""
    return conn.execute(
        select(
            DailyPost.id, DailyPost.guild_id, DailyPost.channel_id, DailyPost.local_date,
            DailyPost.message_id, DailyPost.status, DailyPost.face, DailyPost.choice_order,
            DailyPost.shown, DailyPost.reveal_due_at,
            Card.type, Card.content, Deck.title, DailyConfig.language, DailyConfig.timezone,
        )
        .join(Card, Card.pk == DailyPost.card_pk)
        .join(Deck, Deck.id == Card.deck_id)
        .outerjoin(DailyConfig, DailyConfig.channel_id == DailyPost.channel_id)
        .where(DailyPost.id == post_id)
    ).first()


def mark_posted(conn: Connection, post_id: int, message_id: int, now: datetime) -> None:
    conn.execute(
        update(DailyPost)
        .where(DailyPost.id == post_id)
        .values(message_id=message_id, posted_at=now, status=POST_POSTED)
    )


def mark_failed(conn: Connection, post_id: int) -> None:
    conn.execute(update(DailyPost).where(DailyPost.id == post_id).values(status=POST_FAILED))


def mark_revealed(conn: Connection, post_id: int, now: datetime) -> bool:
    """Close an open post; False when it was not open (revealed already, or never posted)."""
    result = conn.execute(
        update(DailyPost)
        .where(DailyPost.id == post_id, DailyPost.status == POST_POSTED)
        .values(status=POST_REVEALED, revealed_at=now)
    )
    return bool(result.rowcount)


def answer_counts(conn: Connection, post_id: int) -> tuple[int, int]:
    """(answers, right answers) of one post."""
    answered, correct = conn.execute(
        select(
            func.count(),
            func.coalesce(func.sum(DailyAnswer.correct.cast(IntegerType)), 0),
        ).where(DailyAnswer.post_id == post_id)
    ).one()
    return int(answered), int(correct)


def first_right(conn: Connection, post_id: int, limit: int) -> list[int]:
    """The first members to answer right, in the order their answers were recorded."""
    return [int(u) for u in conn.execute(
        select(DailyAnswer.user_id)
        .where(DailyAnswer.post_id == post_id, DailyAnswer.correct.is_(True))
        .order_by(DailyAnswer.id)
        .limit(limit)
    ).scalars()]


# -- members' answers ---------------------------------------------------------------------------


def post_to_answer(conn: Connection, post_id: int, *, lock: bool = True) -> AnyRow | None:
    """(status, reveal_due_at, card_pk, face, choice_order, shown, posted_at, type, content,
    deck_id) of a post, locked until commit on PostgreSQL: the post's answers go one at a
    time, so each counts the right answers committed before it and the first-correct bonus
    goes to three members, not to everyone who answered at once (SQLite has one writer).
    ``lock=False`` only reads (a read-only transaction may not lock)."""
    query = (
        select(
            DailyPost.status,
            DailyPost.reveal_due_at,
            DailyPost.card_pk,
            DailyPost.face,
            DailyPost.choice_order,
            DailyPost.shown,
            DailyPost.posted_at,
            Card.type,
            Card.content,
            Card.deck_id,
        )
        .join(Card, Card.pk == DailyPost.card_pk)
        .where(DailyPost.id == post_id)
    )
    return conn.execute(query.with_for_update(of=DailyPost) if lock else query).first()


def member_answer(conn: Connection, post_id: int, user_id: int) -> AnyRow | None:
    """(correct, points) of the member's answer to the post, if they answered."""
    return conn.execute(
        select(DailyAnswer.correct, DailyAnswer.points).where(
            DailyAnswer.post_id == post_id, DailyAnswer.user_id == user_id
        )
    ).first()


def right_answers(conn: Connection, post_id: int) -> int:
    return int(conn.execute(
        select(func.count()).where(DailyAnswer.post_id == post_id, DailyAnswer.correct.is_(True))
    ).scalar_one())


def insert_answer(conn: Connection, values: dict[str, Any]) -> bool:
    """Record a member's answer; False when they answered already (two processes at once)."""
    try:
        with conn.begin_nested():
            conn.execute(insert(DailyAnswer).values(**values))
    except IntegrityError:
        return False
    return True


def studying_member(conn: Connection, user_id: int, deck_id: str) -> AnyRow | None:
    """(timezone, rollover_hour, kept_day, kept_until) of a member who studies the deck."""
    return conn.execute(
        select(User.timezone, User.rollover_hour, User.kept_day, User.kept_until)
        .join(Enrollment, Enrollment.user_id == User.id)
        .where(User.id == user_id, Enrollment.deck_id == deck_id)
    ).first()


def face_due(conn: Connection, user_id: int, card_pk: int, face: int) -> AnyRow | None:
    """(due,) of the member's schedule of one face; None when they never reviewed it."""
    return conn.execute(
        select(ReviewState.due).where(
            ReviewState.user_id == user_id,
            ReviewState.card_pk == card_pk,
            ReviewState.face == face,
        )
    ).first()
