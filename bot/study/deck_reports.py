"""What maintainers read about a deck: its shape, its use, its last reload, its leeches.

Leeches follow Wozniak's advice that an item whose E-Factor sits at the 1.3
floor after repeated lapses should be reformulated, not drilled again; a
daily question that most of a study group misses is the same signal from the
group side.  Each card comes with the file line it sits on, so the report
says where to rewrite, not only what.

Also the maintainers' log channel per guild, which hears every reload.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Integer, case, delete, func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.srs.sm2 import PASSING_QUALITY
from bot.storage.daily_models import DailyAnswer, DailyPost
from bot.storage.deck_admin_models import DeckLogChannel, DeckReload
from bot.storage.engine import reading
from bot.storage.locks import Exclusive, hold_exclusive
from bot.storage.models import Card, Deck, Enrollment, ReviewLog, ReviewState
from bot.study.queue_queries import KIND_REVIEW

#: SM-2's E-Factor floor, in hundredths (how review_states stores it).
EF_FLOOR_CENTS = 130
#: A face is a leech for a learner at the floor after at least this many lapses.
LEECH_LAPSES = 2
RETENTION_DAYS = 30


Sessions = async_sessionmaker[AsyncSession]


@dataclass(frozen=True, slots=True)
class LastReload:
    at: datetime
    ok: bool
    trigger: str
    by_user: int | None
    counts: dict[str, int]  # added / changed / retired / restored
    problems: list[str]


@dataclass(frozen=True, slots=True)
class DeckInfo:
    deck_id: str
    title: str
    path: str
    cards_by_type: dict[str, int]  # cards learners can see, by type
    retired: int
    learners: int
    reviews: int  # every answer ever logged on this deck
    reviews_recent: int  # graded reviews of learned cards in the last RETENTION_DAYS
    retention: float | None  # share of those recalled (q >= 3); None without reviews
    last_reload: LastReload | None


@dataclass(frozen=True, slots=True)
class Leech:
    card_id: str
    face: int
    line: int | None
    question: str
    learners: int  # learners for whom this face is a leech
    lapses: int  # their lapses on it, summed
    retired: bool


@dataclass(frozen=True, slots=True)
class WeakDaily:
    card_id: str
    line: int | None
    question: str
    answers: int
    correct: int

    @property
    def rate(self) -> float:
        return self.correct / self.answers


@dataclass(frozen=True, slots=True)
class LeechReport:
    deck_id: str
    path: str
    leeches: list[Leech] = field(default_factory=list)
    weak_daily: list[WeakDaily] = field(default_factory=list)


def question_of(content: dict[str, Any]) -> str:
    """The text a maintainer recognises a card by (front, or the cloze text)."""
    return str(content.get("front") or content.get("text") or "")


def _last_reload(row: DeckReload | None) -> LastReload | None:
    if row is None:
        return None
    counts = {k: len(row.summary.get(k) or []) for k in ("added", "changed", "retired", "restored")}
    return LastReload(row.at, row.ok, row.trigger, row.by_user, counts, list(row.problems))


async def last_reload(sessions: Sessions, deck_id: str) -> LastReload | None:
    async with reading(sessions) as db:
        row = (await db.scalars(
            select(DeckReload).where(DeckReload.deck_id == deck_id)
            .order_by(DeckReload.at.desc(), DeckReload.id.desc()).limit(1)
        )).first()
        return _last_reload(row)


async def deck_info(sessions: Sessions, deck_id: str, now: datetime) -> DeckInfo | None:
    """None when no deck has this id (a file that never loaded has only `last_reload`)."""
    async with reading(sessions) as db:
        deck = await db.get(Deck, deck_id)
        if deck is None:
            return None
        by_type: dict[str, int] = {}
        retired = 0
        for card_type, is_retired, n in await db.execute(
            select(Card.type, Card.retired_at.is_not(None), func.count())
            .where(Card.deck_id == deck_id).group_by(Card.type, Card.retired_at.is_not(None))
        ):
            if is_retired:
                retired += n
            else:
                by_type[card_type] = by_type.get(card_type, 0) + n
        learners = await db.scalar(
            select(func.count()).select_from(Enrollment).where(Enrollment.deck_id == deck_id))
        deck_log = select(ReviewLog).join(Card, Card.pk == ReviewLog.card_pk).where(
            Card.deck_id == deck_id).subquery()
        reviews = await db.scalar(select(func.count()).select_from(deck_log))
        since = now - timedelta(days=RETENTION_DAYS)
        recent, recalled = (await db.execute(
            select(func.count(),
                   func.sum(case((deck_log.c.quality >= PASSING_QUALITY, 1), else_=0)))
            .where(deck_log.c.kind == KIND_REVIEW, deck_log.c.reviewed_at >= since)
        )).one()
    recent = int(recent or 0)
    return DeckInfo(
        deck_id=deck.id, title=deck.title, path=deck.path, cards_by_type=by_type,
        retired=retired, learners=int(learners or 0), reviews=int(reviews or 0),
        reviews_recent=recent,
        retention=(int(recalled or 0) / recent) if recent else None,
        last_reload=await last_reload(sessions, deck_id),
    )


async def deck_leeches(
    sessions: Sessions,
    deck_id: str,
    *,
    min_lapses: int = LEECH_LAPSES,
    min_answers: int = 3,
    limit: int = 10,
) -> LeechReport | None:
    """The faces learners keep failing and the daily questions groups miss most."""
    async with reading(sessions) as db:
        deck = await db.get(Deck, deck_id)
        if deck is None:
            return None
        leech_rows = await db.execute(
            select(Card.card_id, ReviewState.face, Card.line, Card.content,
                   Card.retired_at.is_not(None), func.count(), func.sum(ReviewState.lapses))
            .join(Card, Card.pk == ReviewState.card_pk)
            .where(Card.deck_id == deck_id, ReviewState.ease_cents <= EF_FLOOR_CENTS,
                   ReviewState.lapses >= min_lapses)
            .group_by(Card.pk, ReviewState.face)
            .order_by(func.count().desc(), func.sum(ReviewState.lapses).desc(), Card.position)
            .limit(limit)
        )
        leeches = [
            Leech(card_id, face, line, question_of(content), int(n), int(lapses or 0),
                  bool(retired))
            for card_id, face, line, content, retired, n, lapses in leech_rows
        ]
        answers = func.count(DailyAnswer.id)
        correct = func.sum(case((DailyAnswer.correct, 1), else_=0)).cast(Integer)
        daily_rows = await db.execute(
            select(Card.card_id, Card.line, Card.content, answers, correct)
            .join(DailyPost, DailyPost.card_pk == Card.pk)
            .join(DailyAnswer, DailyAnswer.post_id == DailyPost.id)
            .where(Card.deck_id == deck_id, Card.retired_at.is_(None))
            .group_by(Card.pk)
            .having(answers >= min_answers)
            .order_by((correct * 1.0 / answers).asc(), answers.desc(), Card.position)
            .limit(limit)
        )
        weak = [WeakDaily(card_id, line, question_of(content), int(n), int(right or 0))
                for card_id, line, content, n, right in daily_rows]
    return LeechReport(deck.id, deck.path, leeches, weak)


# -- the maintainers' log channel -------------------------------------------------------------


async def set_log_channel(
    sessions: Sessions, guild_id: int, channel_id: int | None, by_user: int, now: datetime
) -> None:
    """Point the guild's reload reports at ``channel_id`` (None: stop reporting there)."""
    async with sessions.begin() as db:
        if channel_id is None:
            await db.execute(delete(DeckLogChannel).where(DeckLogChannel.guild_id == guild_id))
            return
        # Create-or-replace: on PostgreSQL two at once would both create.
        await db.run_sync(lambda sync: hold_exclusive(sync.connection(), Exclusive.GROUP_SETUP))
        row = await db.get(DeckLogChannel, guild_id)
        if row is None:
            db.add(DeckLogChannel(guild_id=guild_id, channel_id=channel_id, set_by=by_user,
                                  set_at=now))
        else:
            row.channel_id, row.set_by, row.set_at = channel_id, by_user, now


async def log_channel(sessions: Sessions, guild_id: int) -> int | None:
    async with reading(sessions) as db:
        row = await db.get(DeckLogChannel, guild_id)
        return None if row is None else row.channel_id


async def log_channels(sessions: Sessions) -> dict[int, int]:
    """guild id -> channel id, for every guild that asked for reload reports."""
    async with reading(sessions) as db:
        rows = await db.execute(select(DeckLogChannel.guild_id, DeckLogChannel.channel_id))
        return {int(g): int(c) for g, c in rows}
