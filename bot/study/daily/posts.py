"""A channel's daily post: what is due, claiming it, the post as shown, the reveal.

The database is the source of truth.  A post is claimed by inserting its
(channel, local date) row before anything is sent, so whoever fails that
insert (a restart, a retry, a second process) does nothing.  Every function
takes ``now`` (and a seed where it draws); none reads a clock.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import Connection

from bot.srs.post_times import local_today, next_post_instant, post_instant, reveal_instant
from bot.storage import daily_configs as configs
from bot.storage import daily_posts as posts
from bot.storage.daily_models import POST_CLAIMED, POST_REVEALED, POST_SKIPPED
from bot.storage.transactions import TransactionRunner
from bot.study.cards import FaceText, choice_order, face_text, shown_choice
from bot.study.daily.choice import choose_face, face_scores, recent_faces
from bot.study.daily.fairness import deck_questions, posted_face

#: How many of the first right members the reveal names.
FIRST_NAMED = 3


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


def _due_slots(conn: Connection, now: datetime, grace: timedelta) -> DuePlan:
    active = configs.active_configs(conn)
    if not active:
        return DuePlan([], [])
    earliest = min(local_today(now, c.timezone) for c in active) - timedelta(days=1)
    taken = posts.claimed_days(conn, earliest)
    post: list[DueSlot] = []
    skip: list[DueSlot] = []
    for config in active:
        today = local_today(now, config.timezone)
        for day in (today - timedelta(days=1), today):
            at = post_instant(day, config.post_time, config.timezone)
            if at > now or at < config.created_at or (config.channel_id, day) in taken:
                continue
            slot = DueSlot(config.id, config.guild_id, config.channel_id, day, at)
            (post if now - at <= grace else skip).append(slot)
    post.sort(key=lambda s: (s.at, s.channel_id))
    return DuePlan(post, skip)


async def due_slots(runner: TransactionRunner, now: datetime, grace: timedelta) -> DuePlan:
    """Posts whose time has come and that nobody has claimed: to make, or to skip if too late.

    A slot counts only from the moment its config was made, so setting up at
    10:00 a question for 09:00 does not post it at once.
    """
    return await runner.run(lambda conn: _due_slots(conn, now, grace), read_only=True)


def _next_wake(conn: Connection, now: datetime) -> datetime | None:
    active = configs.active_configs(conn)
    reveal = posts.next_reveal(conn)
    taken: dict[int, set[date]] = {}
    for channel, day in posts.claimed_days(conn, (now - timedelta(days=2)).date()):
        taken.setdefault(channel, set()).add(day)
    instants = [
        next_post_instant(c.post_time, c.timezone, now, taken.get(c.channel_id, set()))
        for c in active
    ]
    if reveal is not None:
        instants.append(reveal)
    return min(instants) if instants else None


async def next_wake(runner: TransactionRunner, now: datetime) -> datetime | None:
    """The next instant a post or a reveal falls due, for the scheduler to wake at."""
    return await runner.run(lambda conn: _next_wake(conn, now), read_only=True)


# -- claiming ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ClaimedPost:
    post_id: int
    card_pk: int
    face: int
    choice_order: list[int] | None


def _claim(conn: Connection, slot: DueSlot, seed: int, now: datetime) -> ClaimedPost | None:
    config = configs.config_by_id(conn, slot.config_id)
    if config is None or config.paused:
        return None
    questions = deck_questions(conn, config.deck_id)
    # Only a face a member can answer fairly without grading themselves is ever posted.
    candidates = [
        c for c in face_scores(conn, config.deck_id, config.channel_id)
        if questions.is_fair(c.card_pk, c.face)
    ]
    recent = recent_faces(conn, config.channel_id)
    if not candidates:
        return None
    rng = random.Random(seed)
    chosen = choose_face(candidates, recent, rng)
    card_type, content = posts.card_content(conn, chosen.card_pk)
    order: list[int] | None
    if card_type == "basic":
        order, shown = None, questions.basic_as_choice(chosen.card_pk, rng)
    else:
        order = choice_order(content, rng)
        # Every member's click is graded by the options as posted, whatever a reload does.
        shown = shown_choice(face_text(card_type, content, chosen.face, order))
    post_id = posts.insert_post(conn, {
        "guild_id": config.guild_id,
        "channel_id": config.channel_id,
        "local_date": slot.local_date,
        "card_pk": chosen.card_pk,
        "face": chosen.face,
        "choice_order": order,
        "shown": shown,
        "seed": seed,
        "claimed_at": now,
        "reveal_due_at": reveal_instant(slot.at, now, config.reveal_after_minutes),
        "status": POST_CLAIMED,
    })
    return None if post_id is None else ClaimedPost(post_id, chosen.card_pk, chosen.face, order)


async def claim_post(
    runner: TransactionRunner, slot: DueSlot, seed: int, now: datetime
) -> ClaimedPost | None:
    """Insert the slot's row with its card; None when claimed already (or the deck is empty)."""
    return await runner.run(lambda conn: _claim(conn, slot, seed, now))


def _skip(conn: Connection, slot: DueSlot, now: datetime) -> bool:
    return posts.insert_post(conn, {
        "guild_id": slot.guild_id,
        "channel_id": slot.channel_id,
        "local_date": slot.local_date,
        "card_pk": None,
        "face": 0,
        "choice_order": None,
        "seed": 0,
        "claimed_at": now,
        "reveal_due_at": slot.at,
        "status": POST_SKIPPED,
    }) is not None


async def skip_slot(runner: TransactionRunner, slot: DueSlot, now: datetime) -> bool:
    """Record a post the bot was down for, so it is logged once and never made late."""
    return await runner.run(lambda conn: _skip(conn, slot, now))


def _post_now(conn: Connection, channel_id: int, now: datetime) -> DueSlot | None:
    config = configs.channel_config(conn, channel_id)
    if config is None:
        return None
    return DueSlot(
        config.id, config.guild_id, channel_id, local_today(now, config.timezone), now)


async def post_now_slot(
    runner: TransactionRunner, channel_id: int, now: datetime
) -> DueSlot | None:
    """A slot for ``/daily post-now``: today's, posted at once (None if today's exists)."""
    return await runner.run(lambda conn: _post_now(conn, channel_id, now), read_only=True)


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
    #: The group's zone, so the post names its reveal as /daily status does (None: removed).
    timezone: str | None = None


def _post_view(conn: Connection, post_id: int) -> PostView | None:
    row = posts.post_with_card(conn, post_id)
    if row is None:
        return None
    return PostView(
        post_id=row.id,
        guild_id=row.guild_id,
        channel_id=row.channel_id,
        local_date=row.local_date,
        message_id=row.message_id,
        status=row.status,
        deck_title=row.title,
        language=row.language or "en",
        text=posted_face(row.type, row.content, row.face, row.choice_order, row.shown),
        reveal_due_at=row.reveal_due_at,
        revealed=row.status == POST_REVEALED,
        timezone=row.timezone,
    )


async def post_view(runner: TransactionRunner, post_id: int) -> PostView | None:
    return await runner.run(lambda conn: _post_view(conn, post_id), read_only=True)


async def mark_posted(
    runner: TransactionRunner, post_id: int, message_id: int, now: datetime
) -> None:
    await runner.run(lambda conn: posts.mark_posted(conn, post_id, message_id, now))


async def mark_failed(runner: TransactionRunner, post_id: int) -> None:
    await runner.run(lambda conn: posts.mark_failed(conn, post_id))


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


async def due_reveals(runner: TransactionRunner, now: datetime) -> list[int]:
    return await runner.run(lambda conn: posts.due_reveals(conn, now), read_only=True)


def _reveal_view(conn: Connection, post_id: int) -> RevealView | None:
    view = _post_view(conn, post_id)
    if view is None:
        return None
    answered, correct = posts.answer_counts(conn, post_id)
    # First as the bonus counted them: in the order the answers were recorded.
    return RevealView(view, answered, correct, posts.first_right(conn, post_id, FIRST_NAMED))


async def reveal_view(runner: TransactionRunner, post_id: int) -> RevealView | None:
    """The figures the reveal shows; read-only, so editing twice shows the same thing."""
    return await runner.run(lambda conn: _reveal_view(conn, post_id), read_only=True)


async def mark_revealed(runner: TransactionRunner, post_id: int, now: datetime) -> bool:
    return await runner.run(lambda conn: posts.mark_revealed(conn, post_id, now))
