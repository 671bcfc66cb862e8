"""What a chat front end needs to know about a prompt before acting on a click.

A Discord button carries only keys (user, prompt); everything else is read
back from the database here, so a button pressed after a restart, or on a
card whose deck changed, still finds its session, its deck's language and
the learner's saved language.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.storage.models import MAX_ROW_ID, Card, Deck, Prompt, StudySession, User


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


async def prompt_context(
    sessions: async_sessionmaker[AsyncSession], prompt_id: int
) -> PromptContext | None:
    """The prompt's session, deck language and owner's saved locale, in one query.

    None for a prompt that does not exist, including a forged id no row can have.
    """
    if not 0 < prompt_id <= MAX_ROW_ID:
        return None
    async with sessions() as db:
        row = (
            await db.execute(
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
                .where(Prompt.id == prompt_id)
            )
        ).first()
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


async def saved_locale(sessions: async_sessionmaker[AsyncSession], user_id: int) -> str | None:
    async with sessions() as db:
        return await db.scalar(select(User.locale).where(User.id == user_id))


async def loaded_decks(sessions: async_sessionmaker[AsyncSession]) -> list[DeckInfo]:
    """Every loaded deck, by id: for autocomplete and to pick a language."""
    async with sessions() as db:
        rows = await db.execute(select(Deck.id, Deck.title, Deck.lang).order_by(Deck.id))
        return [DeckInfo(id, title, lang) for id, title, lang in rows]
