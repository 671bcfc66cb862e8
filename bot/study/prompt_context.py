"""What a chat front end needs to know about a prompt before acting on a click.

A Discord button carries only keys (user, prompt); everything else is read
back from the database here, so a button pressed after a restart, or on a
card whose deck changed, still finds its session, its deck's language and
the learner's saved language.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection, bindparam, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.storage.engine import reading
from bot.storage.models import MAX_ROW_ID, Card, Deck, Prompt, StudySession, User
from bot.storage.transactions import TransactionRunner


@dataclass(frozen=True, slots=True)
class PromptContext:
    prompt_id: int
    session_id: int
    user_id: int
    deck_id: str
    deck_lang: str | None
    saved_locale: str | None  # the learner's own language choice, if any
    answered: bool
    session_over: bool
    retired: bool  # the card left its deck since the prompt was shown


@dataclass(frozen=True, slots=True)
class DeckInfo:
    id: str
    title: str
    lang: str


_CONTEXT = (
    select(
        Prompt.session_id,
        Prompt.user_id,
        Prompt.answered_at,
        Card.deck_id,
        Deck.lang,
        User.locale,
        StudySession.ended_at,
        Card.retired_at,
    )
    .join(Card, Card.pk == Prompt.card_pk)
    .join(Deck, Deck.id == Card.deck_id, isouter=True)
    .join(User, User.id == Prompt.user_id, isouter=True)
    .join(StudySession, StudySession.id == Prompt.session_id)
    .where(Prompt.id == bindparam("prompt"))
)


def read_prompt_context(conn: Connection, prompt_id: int) -> PromptContext | None:
    """The prompt's session, deck language and owner's saved locale, in one query.

    None for a prompt that does not exist, including a forged id no row can have.
    """
    if not 0 < prompt_id <= MAX_ROW_ID:
        return None
    row = conn.execute(_CONTEXT, {"prompt": prompt_id}).first()
    if row is None:
        return None
    session_id, user_id, answered_at, deck_id, lang, locale, ended_at, retired_at = row
    return PromptContext(
        prompt_id=prompt_id,
        session_id=session_id,
        user_id=user_id,
        deck_id=deck_id,
        deck_lang=lang,
        saved_locale=locale,
        answered=answered_at is not None,
        session_over=ended_at is not None,
        retired=retired_at is not None,
    )


async def prompt_context(runner: TransactionRunner, prompt_id: int) -> PromptContext | None:
    """`read_prompt_context` on the database's transaction runner.

    Every click reads this: on the runner it queues behind the answers instead
    of competing with them for SQLite's lock, and it takes no write lock itself.
    """
    return await runner.run(
        lambda conn: read_prompt_context(conn, prompt_id), urgent=True, read_only=True)


async def saved_locale(sessions: async_sessionmaker[AsyncSession], user_id: int) -> str | None:
    async with reading(sessions) as db:
        return await db.scalar(select(User.locale).where(User.id == user_id))


async def loaded_decks(sessions: async_sessionmaker[AsyncSession]) -> list[DeckInfo]:
    """Every loaded deck, by id: for autocomplete and to pick a language."""
    async with reading(sessions) as db:
        rows = await db.execute(select(Deck.id, Deck.title, Deck.lang).order_by(Deck.id))
        return [DeckInfo(id, title, lang) for id, title, lang in rows]
