"""The decks a learner can study, and joining or leaving one.

Counts are of live cards (retired ones are never shown) and of their faces (a
cloze card with c1..c3 is three things to review), because the second is what
a learner's daily workload is made of.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from sqlalchemy import Connection

from bot.storage import learners
from bot.storage.catalog import deck_counts
from bot.storage.transactions import TransactionRunner
from bot.study.learners import LearnerDefaults


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


def first_study_order(entries: list[DeckEntry], lang: str) -> list[DeckEntry]:
    """The decks offered to a learner who studies none yet: those with something to study,
    in the learner's language first, then by title."""
    studyable = [e for e in entries if e.faces > 0]
    return sorted(studyable, key=lambda e: (e.lang != lang, e.title.casefold(), e.deck_id))


async def deck_catalog(runner: TransactionRunner, user_id: int) -> list[DeckEntry]:
    """Every loaded deck, by title, with its live card and face counts."""
    rows = await runner.run(lambda conn: deck_counts(conn, user_id), read_only=True)
    return [
        DeckEntry(deck_id, title, lang, int(n_cards), int(n_faces), bool(studying))
        for deck_id, title, lang, n_cards, n_faces, studying in rows
    ]


def _join(
    conn: Connection, user_id: int, deck_id: str, defaults: LearnerDefaults, now: datetime
) -> Membership:
    if not learners.deck_exists(conn, deck_id):
        return Membership.UNKNOWN_DECK
    learners.insert_user_if_missing(conn, user_id, defaults, now)
    # Two joins at once (a double click): one joins, the other finds it done.
    joined = learners.enroll(conn, user_id, deck_id, now)
    return Membership.JOINED if joined else Membership.ALREADY_JOINED


async def join_deck(
    runner: TransactionRunner,
    user_id: int,
    deck_id: str,
    defaults: LearnerDefaults,
    now: datetime,
) -> Membership:
    """Start studying a deck; a second join (a double click) changes nothing."""
    return await runner.run(lambda conn: _join(conn, user_id, deck_id, defaults, now))


def _leave(conn: Connection, user_id: int, deck_id: str) -> Membership:
    if not learners.deck_exists(conn, deck_id):
        return Membership.UNKNOWN_DECK
    return Membership.LEFT if learners.leave(conn, user_id, deck_id) else Membership.NOT_JOINED


async def leave_deck(runner: TransactionRunner, user_id: int, deck_id: str) -> Membership:
    """Stop studying a deck; the review history stays, so rejoining picks it up again."""
    return await runner.run(lambda conn: _leave(conn, user_id, deck_id))
