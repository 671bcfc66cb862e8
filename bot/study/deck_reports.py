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

from sqlalchemy import Connection

from bot.storage import deck_reports as rows
from bot.storage.rows import AnyRow
from bot.storage.transactions import TransactionRunner

#: SM-2's E-Factor floor, in hundredths (how review_states stores it).
EF_FLOOR_CENTS = 130
#: A face is a leech for a learner at the floor after at least this many lapses.
LEECH_LAPSES = 2
RETENTION_DAYS = 30


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


def _last_reload(row: AnyRow | None) -> LastReload | None:
    if row is None:
        return None
    counts = {k: len(row.summary.get(k) or []) for k in ("added", "changed", "retired", "restored")}
    return LastReload(row.at, row.ok, row.trigger, row.by_user, counts, list(row.problems))


async def last_reload(runner: TransactionRunner, deck_id: str) -> LastReload | None:
    return _last_reload(
        await runner.run(lambda conn: rows.last_reload(conn, deck_id), read_only=True))


def _deck_info(conn: Connection, deck_id: str, now: datetime) -> DeckInfo | None:
    deck = rows.deck_row(conn, deck_id)
    if deck is None:
        return None
    by_type: dict[str, int] = {}
    retired = 0
    for card_type, is_retired, n in rows.cards_by_type(conn, deck_id):
        if is_retired:
            retired += n
        else:
            by_type[card_type] = by_type.get(card_type, 0) + n
    reviews, recent, recalled = rows.review_counts(
        conn, deck_id, now - timedelta(days=RETENTION_DAYS))
    return DeckInfo(
        deck_id=deck.id, title=deck.title, path=deck.path, cards_by_type=by_type,
        retired=retired, learners=rows.learner_count(conn, deck_id), reviews=reviews,
        reviews_recent=recent,
        retention=(recalled / recent) if recent else None,
        last_reload=_last_reload(rows.last_reload(conn, deck_id)),
    )


async def deck_info(runner: TransactionRunner, deck_id: str, now: datetime) -> DeckInfo | None:
    """None when no deck has this id (a file that never loaded has only `last_reload`)."""
    return await runner.run(lambda conn: _deck_info(conn, deck_id, now), read_only=True)


def _leeches(
    conn: Connection, deck_id: str, min_lapses: int, min_answers: int, limit: int
) -> LeechReport | None:
    deck = rows.deck_row(conn, deck_id)
    if deck is None:
        return None
    leeches = [
        Leech(card_id, face, line, question_of(content), int(n), int(lapses or 0),
              bool(retired))
        for card_id, face, line, content, retired, n, lapses
        in rows.leech_faces(conn, deck_id, EF_FLOOR_CENTS, min_lapses, limit)
    ]
    weak = [WeakDaily(card_id, line, question_of(content), int(n), int(right or 0))
            for card_id, line, content, n, right
            in rows.weak_daily_cards(conn, deck_id, min_answers, limit)]
    return LeechReport(deck.id, deck.path, leeches, weak)


async def deck_leeches(
    runner: TransactionRunner,
    deck_id: str,
    *,
    min_lapses: int = LEECH_LAPSES,
    min_answers: int = 3,
    limit: int = 10,
) -> LeechReport | None:
    """The faces learners keep failing and the daily questions groups miss most."""
    return await runner.run(
        lambda conn: _leeches(conn, deck_id, min_lapses, min_answers, limit), read_only=True)


# -- the maintainers' log channel -------------------------------------------------------------


async def set_log_channel(
    runner: TransactionRunner, guild_id: int, channel_id: int | None, by_user: int,
    now: datetime,
) -> None:
    """Point the guild's reload reports at ``channel_id`` (None: stop reporting there)."""
    await runner.run(lambda conn: rows.set_log_channel(conn, guild_id, channel_id, by_user, now))


async def log_channel(runner: TransactionRunner, guild_id: int) -> int | None:
    return await runner.run(lambda conn: rows.log_channel(conn, guild_id), read_only=True)


async def log_channels(runner: TransactionRunner) -> dict[int, int]:
    """guild id -> channel id, for every guild that asked for reload reports."""
    return await runner.run(rows.log_channels, read_only=True)
