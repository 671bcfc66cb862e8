"""What a chat front end needs to know about a prompt before acting on a click.

A Discord button carries only keys (user, prompt); everything else is read
back from the database here, so a button pressed after a restart, or on a
card whose deck changed, still finds its session, its deck's language and
the learner's saved language.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection

from bot.storage.catalog import deck_titles
from bot.storage.learners import saved_locale as stored_locale
from bot.storage.models import MAX_ROW_ID
from bot.storage.study_sessions import prompt_with_context
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


def read_prompt_context(conn: Connection, prompt_id: int) -> PromptContext | None:
    """The prompt's session, deck language and owner's saved locale, in one query.

    None for a prompt that does not exist, including a forged id no row can have.
    """
    if not 0 < prompt_id <= MAX_ROW_ID:
        return None
    row = prompt_with_context(conn, prompt_id)
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


async def saved_locale(runner: TransactionRunner, user_id: int) -> str | None:
    return await runner.run(lambda conn: stored_locale(conn, user_id), read_only=True)


async def loaded_decks(runner: TransactionRunner) -> list[DeckInfo]:
    """Every loaded deck, by id: for autocomplete and to pick a language."""
    rows = await runner.run(deck_titles, read_only=True)
    return [DeckInfo(id, title, lang) for id, title, lang in rows]
