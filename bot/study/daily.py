"""Study groups' daily question: configure, claim, choose, answer, reveal (no Discord types).

The database is the source of truth.  A post is claimed by inserting its
(channel, local date) row before anything is sent, so whoever fails that
insert (a restart, a retry, a second process) does nothing.  Every function
takes ``now`` (and a seed where it draws); none reads a clock.

A daily question is also a review: when the member studies the deck and the
face is new or due, their answer goes through the study layer's own
`record_answer` as a one-prompt session (front end ``daily``), so SM-2 and the
log are written by exactly the code that writes them for DMs.
"""

from __future__ import annotations

import hashlib
import random
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from typing import Any

from sqlalchemy import Integer as IntegerType
from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.engine import Connection
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.decks.matching import Verdict, match_answer
from bot.srs.day import local_instant, wall_time_exists, zone
from bot.srs.grades import (
    ALMOST_ANSWER_QUALITY,
    RIGHT_ANSWER_QUALITY,
    WRONG_ANSWER_QUALITY,
    is_correct,
)
from bot.storage.daily_models import (
    POST_CLAIMED,
    POST_FAILED,
    POST_POSTED,
    POST_REVEALED,
    POST_SKIPPED,
    DailyAnswer,
    DailyConfig,
    DailyPost,
)
from bot.storage.locks import Exclusive, hold_exclusive
from bot.storage.models import (
    MAX_ROW_ID,
    Card,
    CardFace,
    Deck,
    Enrollment,
    ReviewLog,
    ReviewState,
    StudySession,
    User,
)
from bot.storage.transactions import TransactionRunner
from bot.study.answering import (
    MAX_TYPED_ANSWER,
    AnswerRejectedError,
    AnswerStatus,
    ChoicePick,
    Response,
    SelfGrade,
    TypedText,
    record_answer,
)
from bot.study.cards import FaceText, choice_order, face_text, shown_choice
from bot.study.learners import learner_today
from bot.study.prompting import new_prompt, new_session

FRONT_END = "daily"
DEFAULT_REVEAL_MINUTES = 8 * 60
#: A reveal must come before the next day's post.
MAX_REVEAL_MINUTES = 23 * 60
MIN_REVEAL_MINUTES = 1
#: How many recent posts of a channel a card must not repeat (fewer for small decks).
RECENT_POSTS = 30
#: Points: a right answer, plus a bonus for the first right answers of a post.
POINTS_RIGHT = 10
FIRST_BONUS = (3, 2, 1)
#: How many of the first right members the reveal names.
FIRST_NAMED = 3
#: Days ahead checked for a DST gap at the chosen time.
DST_LOOKAHEAD_DAYS = 366


class ProblemKind(StrEnum):
    UNKNOWN_DECK = "unknown_deck"
    EMPTY_DECK = "empty_deck"
    UNKNOWN_ZONE = "unknown_zone"
    BAD_TIME = "bad_time"
    SKIPPED_TIME = "skipped_time"  # the wall time does not exist on some day (DST)
    BAD_REVEAL = "bad_reveal"


class DailySetupError(ValueError):
    """Why a configuration was refused; ``detail`` names the value (or the DST date)."""

    def __init__(self, kind: ProblemKind, detail: str) -> None:
        super().__init__(f"{kind}: {detail}")
        self.kind = kind
        self.detail = detail


@dataclass(frozen=True, slots=True)
class DailySetup:
    guild_id: int
    channel_id: int
    deck_id: str
    post_time: time
    timezone: str
    reveal_after_minutes: int
    language: str
    created_by: int


@dataclass(frozen=True, slots=True)
class ConfigView:
    id: int
    guild_id: int
    channel_id: int
    deck_id: str
    deck_title: str
    post_time: time
    timezone: str
    reveal_after_minutes: int
    language: str
    paused: bool
    next_post_at: datetime | None
    next_reveal_at: datetime | None


# -- parsing what an admin types ------------------------------------------------------------

_TIME = re.compile(r"\s*(\d{1,2})\s*[:시h.]\s*(\d{2})?\s*(?:분)?\s*")
_DURATION = re.compile(r"\s*(?:(\d+)\s*(?:h|시간))?\s*(?:(\d+)\s*(?:m|min|분)?)?\s*", re.IGNORECASE)


def parse_local_time(text: str) -> time | None:
    """``"07:30"``, ``"7:30"``, ``"7시 30분"``, ``"19h"``; None when it is not a time of day."""
    match = _TIME.fullmatch(text)
    if match is None:
        stripped = text.strip()
        if not stripped.isdigit():
            return None
        hour, minute = int(stripped), 0
    else:
        hour, minute = int(match[1]), int(match[2] or 0)
    if not (0 <= hour <= 23 and 0 <= minute <= 59):
        return None
    return time(hour, minute)


def parse_duration_minutes(text: str) -> int | None:
    """``"90"``, ``"90m"``, ``"8h"``, ``"2h30m"``, ``"1시간 30분"`` -> minutes, else None."""
    match = _DURATION.fullmatch(text)
    if match is None or not (match[1] or match[2]):
        return None
    return int(match[1] or 0) * 60 + int(match[2] or 0)


def skipped_day(at: time, tz: str, start: date, days: int = DST_LOOKAHEAD_DAYS) -> date | None:
    """The first day from ``start`` on which wall time ``at`` never shows (a DST gap)."""
    for offset in range(days):
        day = start + timedelta(days=offset)
        if not wall_time_exists(day, at, tz):
            return day
    return None


def check_setup(setup: DailySetup, now: datetime) -> None:
    """Raise `DailySetupError` for a zone, time or reveal delay that cannot work."""
    try:
        zone(setup.timezone)
    except ValueError as exc:
        raise DailySetupError(ProblemKind.UNKNOWN_ZONE, setup.timezone) from exc
    if not MIN_REVEAL_MINUTES <= setup.reveal_after_minutes <= MAX_REVEAL_MINUTES:
        raise DailySetupError(ProblemKind.BAD_REVEAL, str(setup.reveal_after_minutes))
    today = now.astimezone(zone(setup.timezone)).date()
    gap = skipped_day(setup.post_time, setup.timezone, today)
    if gap is not None:
        raise DailySetupError(ProblemKind.SKIPPED_TIME, gap.isoformat())


# -- when things happen ---------------------------------------------------------------------


def post_instant(config: DailyConfig, day: date) -> datetime:
    """The UTC instant of the post for the channel's local ``day``."""
    return local_instant(day, config.post_time, config.timezone)


def local_today(config: DailyConfig, now: datetime) -> date:
    return now.astimezone(zone(config.timezone)).date()


def next_post_instant(config: DailyConfig, now: datetime, taken: set[date]) -> datetime:
    """The first post instant after ``now`` (or still unclaimed today) for an active config."""
    today = local_today(config, now)
    for offset in range(-1, 3):
        day = today + timedelta(days=offset)
        at = post_instant(config, day)
        if day not in taken and at >= now:
            return at
    return post_instant(config, today + timedelta(days=3))


def post_seed(channel_id: int, day: date) -> int:
    """The default seed: the same channel and day choose the same card in every process."""
    digest = hashlib.blake2b(f"{channel_id}:{day.isoformat()}".encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big") >> 1


# -- configuration --------------------------------------------------------------------------


async def configure(
    sessions: async_sessionmaker[AsyncSession], setup: DailySetup, now: datetime
) -> ConfigView:
    """Create or replace the channel's daily question (one config per channel)."""
    check_setup(setup, now)
    async with sessions.begin() as db:
        deck = await db.get(Deck, setup.deck_id)
        if deck is None:
            raise DailySetupError(ProblemKind.UNKNOWN_DECK, setup.deck_id)
        live = await db.scalar(
            select(func.count())
            .select_from(CardFace)
            .join(Card, Card.pk == CardFace.card_pk)
            .where(Card.deck_id == setup.deck_id, Card.retired_at.is_(None))
        )
        if not live:
            raise DailySetupError(ProblemKind.EMPTY_DECK, setup.deck_id)
        # Create-or-replace: on PostgreSQL two at once would both create.
        await db.run_sync(lambda sync: hold_exclusive(sync.connection(), Exclusive.GROUP_SETUP))
        config = await db.scalar(
            select(DailyConfig).where(DailyConfig.channel_id == setup.channel_id)
        )
        if config is None:
            config = DailyConfig(channel_id=setup.channel_id, created_at=now)
            db.add(config)
        config.guild_id = setup.guild_id
        config.deck_id = setup.deck_id
        config.post_time = setup.post_time
        config.timezone = setup.timezone
        config.reveal_after_minutes = setup.reveal_after_minutes
        config.language = setup.language
        config.paused = False
        config.created_by = setup.created_by
        # A config changed today must not post for a time that passed before the change.
        config.created_at = now
        await db.flush()
        return await _view(db, config, now)


async def guild_configs(
    sessions: async_sessionmaker[AsyncSession], guild_id: int, now: datetime
) -> list[ConfigView]:
    async with sessions() as db:
        configs = await db.scalars(
            select(DailyConfig).where(DailyConfig.guild_id == guild_id).order_by(DailyConfig.id)
        )
        return [await _view(db, c, now) for c in configs]


async def channel_config(
    sessions: async_sessionmaker[AsyncSession], channel_id: int, now: datetime
) -> ConfigView | None:
    async with sessions() as db:
        config = await db.scalar(select(DailyConfig).where(DailyConfig.channel_id == channel_id))
        return None if config is None else await _view(db, config, now)


async def set_paused(
    sessions: async_sessionmaker[AsyncSession], guild_id: int, channel_id: int, paused: bool
) -> bool:
    """Pause or resume; False when the channel has no daily question in this guild."""
    async with sessions.begin() as db:
        result = await db.execute(
            update(DailyConfig)
            .where(DailyConfig.guild_id == guild_id, DailyConfig.channel_id == channel_id)
            .values(paused=paused)
        )
        return bool(getattr(result, "rowcount", 0))


async def remove(
    sessions: async_sessionmaker[AsyncSession], guild_id: int, channel_id: int
) -> bool:
    """Stop the channel's daily question; its posts and answers stay for the leaderboard."""
    async with sessions.begin() as db:
        result = await db.execute(
            delete(DailyConfig).where(
                DailyConfig.guild_id == guild_id, DailyConfig.channel_id == channel_id
            )
        )
        return bool(getattr(result, "rowcount", 0))


async def _view(db: AsyncSession, config: DailyConfig, now: datetime) -> ConfigView:
    title = await db.scalar(select(Deck.title).where(Deck.id == config.deck_id)) or config.deck_id
    today = local_today(config, now)
    rows = (
        await db.execute(
            select(DailyPost.local_date, DailyPost.status, DailyPost.reveal_due_at).where(
                DailyPost.channel_id == config.channel_id,
                DailyPost.local_date >= today - timedelta(days=1),
            )
        )
    ).all()
    taken = {row.local_date for row in rows}
    open_reveals = [row.reveal_due_at for row in rows if row.status == POST_POSTED]
    next_post = None if config.paused else next_post_instant(config, now, taken)
    reveal_after = timedelta(minutes=config.reveal_after_minutes)
    candidates = [*open_reveals, *([next_post + reveal_after] if next_post else [])]
    return ConfigView(
        id=config.id,
        guild_id=config.guild_id,
        channel_id=config.channel_id,
        deck_id=config.deck_id,
        deck_title=title,
        post_time=config.post_time,
        timezone=config.timezone,
        reveal_after_minutes=config.reveal_after_minutes,
        language=config.language,
        paused=config.paused,
        next_post_at=next_post,
        next_reveal_at=min(candidates) if candidates else None,
    )


# -- what is due ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class DueSlot:
    """A post that should be made now: the config, its local date and its instant."""

    config_id: int
    guild_id: int
    channel_id: int
    local_date: date
    at: datetime


@dataclass(frozen=True, slots=True)
class DuePlan:
    post: list[DueSlot]
    skip: list[DueSlot]  # passed beyond the grace period while the bot was down


async def due_slots(
    sessions: async_sessionmaker[AsyncSession], now: datetime, grace: timedelta
) -> DuePlan:
    """Posts whose time has come and that nobody has claimed: to make, or to skip if too late.

    A slot counts only from the moment its config was made, so setting up at
    10:00 a question for 09:00 does not post it at once.
    """
    async with sessions() as db:
        configs = list(await db.scalars(select(DailyConfig).where(DailyConfig.paused.is_(False))))
        if not configs:
            return DuePlan([], [])
        earliest = min(local_today(c, now) for c in configs) - timedelta(days=1)
        taken = {
            (channel, day)
            for channel, day in (
                await db.execute(
                    select(DailyPost.channel_id, DailyPost.local_date).where(
                        DailyPost.local_date >= earliest
                    )
                )
            ).all()
        }
    post: list[DueSlot] = []
    skip: list[DueSlot] = []
    for config in configs:
        today = local_today(config, now)
        for day in (today - timedelta(days=1), today):
            at = post_instant(config, day)
            if at > now or at < config.created_at or (config.channel_id, day) in taken:
                continue
            slot = DueSlot(config.id, config.guild_id, config.channel_id, day, at)
            (post if now - at <= grace else skip).append(slot)
    post.sort(key=lambda s: (s.at, s.channel_id))
    return DuePlan(post, skip)


async def next_wake(sessions: async_sessionmaker[AsyncSession], now: datetime) -> datetime | None:
    """The next instant a post or a reveal falls due, for the scheduler to wake at."""
    async with sessions() as db:
        configs = list(await db.scalars(select(DailyConfig).where(DailyConfig.paused.is_(False))))
        reveal = await db.scalar(
            select(func.min(DailyPost.reveal_due_at)).where(DailyPost.status == POST_POSTED)
        )
        taken: dict[int, set[date]] = {}
        for channel, day in (
            await db.execute(
                select(DailyPost.channel_id, DailyPost.local_date).where(
                    DailyPost.local_date >= (now - timedelta(days=2)).date()
                )
            )
        ).all():
            taken.setdefault(channel, set()).add(day)
    instants = [next_post_instant(c, now, taken.get(c.channel_id, set())) for c in configs]
    if reveal is not None:
        instants.append(reveal)
    return min(instants) if instants else None


# -- claiming and choosing ------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class FaceScore:
    card_pk: int
    face: int
    position: int
    wrong: int
    answered: int

    @property
    def difficulty(self) -> float:
        """Share of wrong answers, smoothed so an unseen face sits at one half."""
        return (self.wrong + 1) / (self.answered + 2)


def choose_face(
    candidates: Sequence[FaceScore], recent: Sequence[tuple[int, int]], rng: random.Random
) -> FaceScore:
    """The hardest face not posted recently; ties (and equal difficulty) drawn by ``rng``.

    ``recent`` is the channel's last posts, newest first; a small deck only
    avoids as many as it can while keeping a choice.
    """
    if not candidates:
        raise ValueError("no face to choose from")
    keep = max(0, min(len(recent), len(candidates) - 1))
    avoided = set(recent[:keep])
    fresh = [c for c in candidates if (c.card_pk, c.face) not in avoided] or list(candidates)
    ordered = sorted(fresh, key=lambda c: (c.position, c.face))
    hardest = max(c.difficulty for c in ordered)
    top = [c for c in ordered if c.difficulty >= hardest - 1e-9]
    return rng.choice(top)


@dataclass(frozen=True, slots=True)
class ClaimedPost:
    post_id: int
    card_pk: int
    face: int
    choice_order: list[int] | None


async def claim_post(
    sessions: async_sessionmaker[AsyncSession],
    slot: DueSlot,
    seed: int,
    now: datetime,
) -> ClaimedPost | None:
    """Insert the slot's row with its card; None when claimed already (or the deck is empty)."""
    async with sessions() as db:
        config = await db.get(DailyConfig, slot.config_id)
        if config is None or config.paused:
            return None
        candidates = await _face_scores(db, config)
        recent = await _recent_faces(db, config.channel_id)
        if not candidates:
            return None
        rng = random.Random(seed)
        chosen = choose_face(candidates, recent, rng)
        card = (
            await db.execute(
                select(Card.type, Card.content).where(Card.pk == chosen.card_pk)
            )
        ).one()
        order = choice_order(card.content, rng)
        # Every member's click is graded by the options as posted, whatever a reload does.
        shown = shown_choice(face_text(card.type, card.content, chosen.face, order))
        post = DailyPost(
            guild_id=config.guild_id,
            channel_id=config.channel_id,
            local_date=slot.local_date,
            card_pk=chosen.card_pk,
            face=chosen.face,
            choice_order=order,
            shown=shown,
            seed=seed,
            claimed_at=now,
            reveal_due_at=max(slot.at, now) + timedelta(minutes=config.reveal_after_minutes),
            status=POST_CLAIMED,
        )
        db.add(post)
        try:
            await db.commit()
        except IntegrityError:
            await db.rollback()
            return None
        return ClaimedPost(post.id, chosen.card_pk, chosen.face, order)


async def skip_slot(
    sessions: async_sessionmaker[AsyncSession], slot: DueSlot, now: datetime
) -> bool:
    """Record a post the bot was down for, so it is logged once and never made late."""
    async with sessions() as db:
        db.add(
            DailyPost(
                guild_id=slot.guild_id,
                channel_id=slot.channel_id,
                local_date=slot.local_date,
                card_pk=None,
                face=0,
                choice_order=None,
                seed=0,
                claimed_at=now,
                reveal_due_at=slot.at,
                status=POST_SKIPPED,
            )
        )
        try:
            await db.commit()
        except IntegrityError:
            await db.rollback()
            return False
        return True


async def post_now_slot(
    sessions: async_sessionmaker[AsyncSession], channel_id: int, now: datetime
) -> DueSlot | None:
    """A slot for ``/daily post-now``: today's, posted at once (None if today's exists)."""
    async with sessions() as db:
        config = await db.scalar(select(DailyConfig).where(DailyConfig.channel_id == channel_id))
        if config is None:
            return None
        return DueSlot(config.id, config.guild_id, channel_id, local_today(config, now), now)


async def _face_scores(db: AsyncSession, config: DailyConfig) -> list[FaceScore]:
    """Every live face of the deck with how members of this channel have answered it.

    Members are those who ever answered here; their DM reviews of the face
    count as well as their answers to it in this channel.
    """
    members = (
        select(DailyAnswer.user_id)
        .join(DailyPost, DailyPost.id == DailyAnswer.post_id)
        .where(DailyPost.channel_id == config.channel_id)
        .distinct()
        .scalar_subquery()
    )
    reviews = dict(
        (
            (row.card_pk, row.face),
            (int(row.wrong or 0), int(row.n)),
        )
        for row in (
            await db.execute(
                select(
                    ReviewLog.card_pk,
                    ReviewLog.face,
                    func.sum((ReviewLog.quality < ALMOST_ANSWER_QUALITY).cast(IntegerType)).label(
                        "wrong"
                    ),
                    func.count().label("n"),
                )
                .join(Card, Card.pk == ReviewLog.card_pk)
                .where(Card.deck_id == config.deck_id, ReviewLog.user_id.in_(members))
                .group_by(ReviewLog.card_pk, ReviewLog.face)
            )
        ).all()
    )
    daily = {
        (row.card_pk, row.face): (int(row.wrong or 0), int(row.n))
        for row in (
            await db.execute(
                select(
                    DailyPost.card_pk,
                    DailyPost.face,
                    func.sum((DailyAnswer.correct.is_(False)).cast(IntegerType)).label("wrong"),
                    func.count().label("n"),
                )
                .join(DailyAnswer, DailyAnswer.post_id == DailyPost.id)
                .where(DailyPost.channel_id == config.channel_id)
                .group_by(DailyPost.card_pk, DailyPost.face)
            )
        ).all()
    }
    faces = (
        await db.execute(
            select(CardFace.card_pk, CardFace.face, Card.position)
            .join(Card, Card.pk == CardFace.card_pk)
            .where(Card.deck_id == config.deck_id, Card.retired_at.is_(None))
        )
    ).all()
    scores = []
    for pk, face, position in faces:
        r_wrong, r_n = reviews.get((pk, face), (0, 0))
        d_wrong, d_n = daily.get((pk, face), (0, 0))
        scores.append(FaceScore(pk, face, position, r_wrong + d_wrong, r_n + d_n))
    return scores


async def _recent_faces(db: AsyncSession, channel_id: int) -> list[tuple[int, int]]:
    rows = await db.execute(
        select(DailyPost.card_pk, DailyPost.face)
        .where(DailyPost.channel_id == channel_id, DailyPost.card_pk.is_not(None))
        .order_by(DailyPost.local_date.desc())
        .limit(RECENT_POSTS)
    )
    return [(int(pk), int(face)) for pk, face in rows.all() if pk is not None]


# -- the post a front end renders -----------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PostView:
    post_id: int
    guild_id: int
    channel_id: int
    local_date: date
    message_id: int | None
    status: str
    deck_title: str
    language: str
    text: FaceText
    reveal_due_at: datetime
    revealed: bool


async def post_view(sessions: async_sessionmaker[AsyncSession], post_id: int) -> PostView | None:
    async with sessions() as db:
        row = (
            await db.execute(
                select(DailyPost, Card.type, Card.content, Deck.title, DailyConfig.language)
                .join(Card, Card.pk == DailyPost.card_pk)
                .join(Deck, Deck.id == Card.deck_id)
                .outerjoin(DailyConfig, DailyConfig.channel_id == DailyPost.channel_id)
                .where(DailyPost.id == post_id)
            )
        ).first()
    if row is None:
        return None
    post, card_type, content, title, language = row
    return PostView(
        post_id=post.id,
        guild_id=post.guild_id,
        channel_id=post.channel_id,
        local_date=post.local_date,
        message_id=post.message_id,
        status=post.status,
        deck_title=title,
        language=language or "en",
        text=face_text(card_type, content, post.face, post.choice_order, post.shown),
        reveal_due_at=post.reveal_due_at,
        revealed=post.status == POST_REVEALED,
    )


async def mark_posted(
    sessions: async_sessionmaker[AsyncSession], post_id: int, message_id: int, now: datetime
) -> None:
    async with sessions.begin() as db:
        await db.execute(
            update(DailyPost)
            .where(DailyPost.id == post_id)
            .values(message_id=message_id, posted_at=now, status=POST_POSTED)
        )


async def mark_failed(sessions: async_sessionmaker[AsyncSession], post_id: int) -> None:
    async with sessions.begin() as db:
        await db.execute(
            update(DailyPost).where(DailyPost.id == post_id).values(status=POST_FAILED)
        )


# -- answering ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PickAnswer:
    """A choice post: the index of the option button, in the post's display order."""

    index: int


@dataclass(frozen=True, slots=True)
class TextAnswer:
    """Basic, typed and cloze posts: what the member typed in the modal."""

    text: str


DailyResponse = PickAnswer | TextAnswer


class DailyStatus(StrEnum):
    RECORDED = "recorded"
    ALREADY = "already"  # a second attempt: nothing changes
    LATE = "late"  # after the reveal: the answer, no points
    UNKNOWN = "unknown"  # no such post (or its card is gone)
    INVALID = "invalid"  # the response does not fit the card


@dataclass(frozen=True, slots=True)
class DailyOutcome:
    status: DailyStatus
    correct: bool | None = None
    verdict: Verdict | None = None
    points: int = 0
    answer: str | None = None  # shown only once the post is revealed (or late)
    extra: str | None = None
    reviewed: bool = False  # also counted as the member's review of the face


def answer_daily(
    conn: Connection, post_id: int, user_id: int, response: DailyResponse, now: datetime
) -> DailyOutcome:
    """Record a member's answer once; run it through ``TransactionRunner.run``."""
    if not 0 < post_id <= MAX_ROW_ID:
        return DailyOutcome(DailyStatus.UNKNOWN)  # a forged id: no such post can exist
    if isinstance(response, TextAnswer) and len(response.text) > MAX_TYPED_ANSWER:
        return DailyOutcome(DailyStatus.INVALID)
    row = conn.execute(
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
        # The post's answers go one at a time, so each one counts the right answers
        # committed before it and the first-correct bonus goes to three members, not to
        # everyone who answered at once (PostgreSQL; SQLite has one writer anyway).
        .with_for_update(of=DailyPost)
    ).first()
    # A click can arrive between the message going out and the post being marked posted.
    if row is None or row.status not in (POST_CLAIMED, POST_POSTED, POST_REVEALED):
        return DailyOutcome(DailyStatus.UNKNOWN)
    text = face_text(row.type, row.content, row.face, row.choice_order, row.shown)
    closed = row.status == POST_REVEALED or now >= row.reveal_due_at
    previous = conn.execute(
        select(DailyAnswer.correct, DailyAnswer.points).where(
            DailyAnswer.post_id == post_id, DailyAnswer.user_id == user_id
        )
    ).first()
    if previous is not None:
        return DailyOutcome(
            DailyStatus.ALREADY,
            correct=previous.correct,
            points=previous.points,
            answer=text.answer if closed else None,
            extra=text.extra if closed else None,
        )
    if closed:
        return DailyOutcome(DailyStatus.LATE, answer=text.answer, extra=text.extra)
    graded = grade_daily(conn, text, row.deck_id, row.card_pk, response)
    if graded is None:
        return DailyOutcome(DailyStatus.INVALID)
    quality, verdict, given = graded
    correct = is_correct(quality) and verdict is not Verdict.ALMOST
    points = 0
    if correct:
        earlier = conn.execute(
            select(func.count()).where(
                DailyAnswer.post_id == post_id, DailyAnswer.correct.is_(True)
            )
        ).scalar_one()
        points = POINTS_RIGHT + (FIRST_BONUS[earlier] if earlier < len(FIRST_BONUS) else 0)
    try:
        with conn.begin_nested():
            conn.execute(
                insert(DailyAnswer).values(
                    post_id=post_id,
                    user_id=user_id,
                    response=given,
                    correct=correct,
                    points=points,
                    answered_at=now,
                )
            )
    except IntegrityError:
        # Another transaction got there first (a double click in two processes).
        return DailyOutcome(DailyStatus.ALREADY)
    reviewed = _count_as_review(conn, row, user_id, response, quality, now)
    return DailyOutcome(
        DailyStatus.RECORDED, correct=correct, verdict=verdict, points=points, reviewed=reviewed
    )


def grade_daily(
    conn: Connection, text: FaceText, deck_id: str, card_pk: int, response: DailyResponse
) -> tuple[int, Verdict | None, str] | None:
    """(quality, verdict, the member's words): the DMs' matching, for every card type."""
    if isinstance(response, PickAnswer):
        if text.type != "choice" or not 0 <= response.index < len(text.choices):
            return None
        picked = text.choices[response.index]
        quality = RIGHT_ANSWER_QUALITY if picked == text.answer else WRONG_ANSWER_QUALITY
        return quality, None, picked
    if text.type == "choice":
        return None
    distractors = _typed_answers(conn, deck_id, card_pk) if text.type == "typed" else []
    verdict = match_answer(response.text, text.answer, text.accept, distractors)
    if verdict is Verdict.WRONG and text.type == "cloze" and " / " in text.answer:
        verdict = match_answer(response.text, text.answer.replace(" / ", " "))
    quality = {
        Verdict.RIGHT: RIGHT_ANSWER_QUALITY,
        Verdict.ALMOST: ALMOST_ANSWER_QUALITY,
        Verdict.WRONG: WRONG_ANSWER_QUALITY,
    }[verdict]
    return quality, verdict, response.text[:1000]


def _typed_answers(conn: Connection, deck_id: str, card_pk: int) -> list[str]:
    rows = conn.execute(
        select(Card.content).where(
            Card.deck_id == deck_id,
            Card.type == "typed",
            Card.pk != card_pk,
            Card.retired_at.is_(None),
        )
    ).scalars()
    return [str(content.get("back", "")) for content in rows]


def _count_as_review(
    conn: Connection,
    row: object,
    user_id: int,
    response: DailyResponse,
    quality: int,
    now: datetime,
) -> bool:
    """Review the face through the study layer when the member studies the deck and it is due.

    A one-prompt session of front end ``daily`` is opened, answered with
    `record_answer` and closed, all inside this transaction.
    """
    deck_id: str = getattr(row, "deck_id")  # noqa: B009
    card_pk: int = getattr(row, "card_pk")  # noqa: B009
    face: int = getattr(row, "face")  # noqa: B009
    card_type: str = getattr(row, "type")  # noqa: B009
    learner = conn.execute(
        select(User.timezone, User.rollover_hour, User.kept_day, User.kept_until)
        .join(Enrollment, Enrollment.user_id == User.id)
        .where(User.id == user_id, Enrollment.deck_id == deck_id)
    ).first()
    if learner is None:
        return False
    today = learner_today(
        now, learner.timezone, learner.rollover_hour, learner.kept_day, learner.kept_until
    )
    due = conn.execute(
        select(ReviewState.due).where(
            ReviewState.user_id == user_id,
            ReviewState.card_pk == card_pk,
            ReviewState.face == face,
        )
    ).first()
    if due is not None and (due.due is None or due.due > today):
        return False
    review_response: Response
    if isinstance(response, PickAnswer):
        review_response = ChoicePick(response.index)
    elif card_type == "typed":
        review_response = TypedText(response.text)
    else:
        review_response = SelfGrade(quality)
    session_id = new_session(conn, user_id, deck_id, FRONT_END, today, now)
    order: list[int] | None = getattr(row, "choice_order")  # noqa: B009
    shown: dict[str, Any] | None = getattr(row, "shown")  # noqa: B009
    shown_at: datetime = getattr(row, "posted_at") or now  # noqa: B009
    prompt_id = new_prompt(
        conn, session_id, user_id, card_pk, face, order, shown_at, shown=shown
    )
    try:
        with conn.begin_nested():
            outcome = record_answer(conn, prompt_id, user_id, review_response, now)
    except AnswerRejectedError:
        outcome = None
    conn.execute(
        update(StudySession).where(StudySession.id == session_id).values(ended_at=now)
    )
    # Reviewed elsewhere meanwhile (a DM answer that got in first): logged as a drill only.
    return outcome is not None and outcome.status is AnswerStatus.RECORDED and not outcome.drill


# -- the reveal -----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class RevealView:
    post: PostView
    answered: int
    correct: int
    first_correct: list[int]  # user ids, in answer order

    @property
    def correct_share(self) -> float:
        return self.correct / self.answered if self.answered else 0.0


async def due_reveals(sessions: async_sessionmaker[AsyncSession], now: datetime) -> list[int]:
    async with sessions() as db:
        rows = await db.scalars(
            select(DailyPost.id)
            .where(DailyPost.status == POST_POSTED, DailyPost.reveal_due_at <= now)
            .order_by(DailyPost.reveal_due_at, DailyPost.id)
        )
        return list(rows)


async def reveal_view(
    sessions: async_sessionmaker[AsyncSession], post_id: int
) -> RevealView | None:
    """The figures the reveal shows; read-only, so editing twice shows the same thing."""
    view = await post_view(sessions, post_id)
    if view is None:
        return None
    async with sessions() as db:
        answered, correct = (
            await db.execute(
                select(
                    func.count(),
                    func.coalesce(func.sum(DailyAnswer.correct.cast(IntegerType)), 0),
                ).where(DailyAnswer.post_id == post_id)
            )
        ).one()
        # First as the bonus counted them: in the order the answers were recorded.
        first = await db.scalars(
            select(DailyAnswer.user_id)
            .where(DailyAnswer.post_id == post_id, DailyAnswer.correct.is_(True))
            .order_by(DailyAnswer.id)
            .limit(FIRST_NAMED)
        )
        return RevealView(view, int(answered), int(correct), list(first))


async def mark_revealed(
    sessions: async_sessionmaker[AsyncSession], post_id: int, now: datetime
) -> bool:
    async with sessions.begin() as db:
        result = await db.execute(
            update(DailyPost)
            .where(DailyPost.id == post_id, DailyPost.status == POST_POSTED)
            .values(status=POST_REVEALED, revealed_at=now)
        )
        return bool(getattr(result, "rowcount", 0))


async def answer(
    runner: TransactionRunner, post_id: int, user_id: int, response: DailyResponse, now: datetime
) -> DailyOutcome:
    """`answer_daily` in one transaction on the database's writer."""
    return await runner.run(lambda conn: answer_daily(conn, post_id, user_id, response, now))

