"""The review flow behind every button: check the clicker, reload, act, redraw.

Order matters for the guarantees in DESIGN.md: a foreign click is refused
before anything is read; everything else is reloaded from the database by
key (so buttons survive restarts); and the interaction is acknowledged
within `ACK_BUDGET` whatever the database is doing — quick work edits the
message in one call, slow work defers first and edits afterwards.

A learner's clicks are handled one at a time (a lock per learner), so a
double click records one review and both clicks draw the same next card.
"""

from __future__ import annotations

import asyncio
import logging
import weakref
from collections.abc import Coroutine
from datetime import datetime
from typing import TYPE_CHECKING, Any, TypeVar, cast

import discord

from bot.discord.components import render
from bot.discord.components.render import Screen
from bot.discord.translator import message
from bot.i18n import Lang, normalize_language
from bot.study.preferences import stored_language
from bot.study.prompt_context import PromptContext, prompt_context
from bot.study.session import (
    AnswerOutcome,
    AnswerStatus,
    ChoicePick,
    Response,
    SelfGrade,
    TypedText,
)

if TYPE_CHECKING:
    from bot.discord.client import StudyBot

log = logging.getLogger(__name__)

#: Longest we work before acknowledging; Discord's own deadline is 3 s.
ACK_BUDGET = 0.1
#: Longest we wait for a clicker's saved language before a first response that needs it.
LANGUAGE_BUDGET = 0.5
#: Largest id a database row can have (signed 64-bit); a custom_id may say anything.
#: Self-grades SM-2 knows; a forged custom_id may carry any number.
QUALITIES = range(6)

T = TypeVar("T")

Interaction = discord.Interaction[discord.Client]

_locks: weakref.WeakValueDictionary[int, asyncio.Lock] = weakref.WeakValueDictionary()


def learner_lock(user_id: int) -> asyncio.Lock:
    lock = _locks.get(user_id)
    if lock is None:
        lock = asyncio.Lock()
        _locks[user_id] = lock
    return lock


def locale_language(locale: discord.Locale | None) -> Lang | None:
    """Discord's client language: Korean for ko, English for every other locale."""
    if locale is None:
        return None
    return "ko" if locale is discord.Locale.korean else "en"


def language(
    saved: str | None, locale: discord.Locale | None, deck_lang: str | None, default: str
) -> Lang:
    """The learner's saved choice, else their Discord language, else the deck's."""
    return (
        normalize_language(saved)
        or locale_language(locale)
        or normalize_language(deck_lang)
        or normalize_language(default)
        or "ko"
    )


def bot_of(interaction: Interaction) -> StudyBot:
    return cast("StudyBot", interaction.client)


async def clicker_language(interaction: Interaction) -> Lang:
    """The language the clicker chose in /settings, else their Discord client's.

    Read before the first response (a refusal, a modal), so a slow database
    costs the saved choice, never Discord's deadline.
    """
    fallback = locale_language(interaction.locale) or "en"
    try:
        sessions = bot_of(interaction).db.sessions
        saved = await asyncio.wait_for(
            stored_language(sessions, interaction.user.id), LANGUAGE_BUDGET
        )
    except Exception as exc:  # the reply matters more than its language
        log.warning("no saved language for %s: %r", interaction.user.id, exc)
        return fallback
    return normalize_language(saved) or fallback


async def refuse_foreign(interaction: Interaction, owner_id: int) -> bool:
    """True (and an ephemeral refusal) when someone presses another learner's button."""
    if interaction.user.id == owner_id:
        return False
    lang = await clicker_language(interaction)
    await interaction.response.send_message(
        message("discord.study.not_yours", lang), ephemeral=True
    )
    return True


async def reply_error(interaction: Interaction) -> None:
    """Tell the learner something failed, without details (they are in the log)."""
    lang = await clicker_language(interaction)
    await tell_privately(interaction, message("discord.study.error", lang))


async def tell_privately(interaction: Interaction, text: str) -> None:
    """An ephemeral reply, whether or not the interaction was acknowledged already."""
    try:
        if interaction.response.is_done():
            await interaction.followup.send(text, ephemeral=True)
        else:
            await interaction.response.send_message(text, ephemeral=True)
    except discord.HTTPException:
        log.warning("could not tell %s about an error", interaction.user.id)


class ForeignPromptError(Exception):
    """The custom_id names the clicker but a prompt of someone else's session.

    Discord never sends such a click; a forged one must not redraw the
    clicker's card with another learner's session, so it is refused privately.
    """

    def __init__(self, lang: Lang) -> None:
        super().__init__(lang)
        self.lang = lang


class _Load:
    """How many clicks are being worked on right now, across all learners."""

    in_flight = 0


async def _defer(interaction: Interaction) -> None:
    try:
        await interaction.response.defer()
    except discord.HTTPException as exc:
        log.warning("could not acknowledge %s: %s", interaction.id, exc)


async def respond(interaction: Interaction, work: Coroutine[Any, Any, Screen]) -> None:
    """Edit the clicked message with ``work``'s screen, deferring if it may take long.

    When the bot is idle the work gets `ACK_BUDGET` to finish, so the answer is
    one request; when other clicks are in flight the database queue decides
    how long it takes, so the click is acknowledged first, before its own
    work joins the queue.
    """
    busy = _Load.in_flight > 0
    _Load.in_flight += 1
    try:
        if busy:
            await _defer(interaction)
        task = asyncio.ensure_future(work)
        if not busy:
            done, _ = await asyncio.wait({task}, timeout=ACK_BUDGET)
            if not done:
                await _defer(interaction)
        try:
            screen = await task
        except ForeignPromptError as foreign:
            await tell_privately(interaction, message("discord.study.not_yours", foreign.lang))
            return
        except Exception:
            log.exception("interaction %s failed", interaction.data)
            await reply_error(interaction)
            return
    finally:
        _Load.in_flight -= 1
    try:
        if interaction.response.is_done():
            await interaction.edit_original_response(**screen.edit_kwargs())
        else:
            await interaction.response.edit_message(**screen.edit_kwargs())
    except discord.HTTPException as exc:
        # What was recorded stays recorded; the learner's next click redraws.
        log.warning("could not redraw for %s: %s", interaction.user.id, exc)


async def _context(
    bot: StudyBot, interaction: Interaction, user_id: int, prompt_id: int
) -> tuple[PromptContext | None, Lang]:
    """The prompt's context and the reply language; None for a prompt that cannot exist.

    Raises ForeignPromptError when the prompt belongs to another learner.
    """
    ctx = await prompt_context(bot.db.runner, prompt_id)
    lang = _lang_for(bot, interaction, ctx)
    if ctx is not None and ctx.user_id != user_id:
        raise ForeignPromptError(lang)
    return ctx, lang


def _lang_for(bot: StudyBot, interaction: Interaction, ctx: PromptContext | None) -> Lang:
    return language(
        ctx.saved_locale if ctx else None,
        interaction.locale,
        ctx.deck_lang if ctx else None,
        bot.settings.language,
    )


async def next_screen(
    bot: StudyBot,
    session_id: int,
    user_id: int,
    lang: str,
    lead: discord.Embed | None = None,
    *,
    reveal: int | None = None,
) -> Screen:
    """The session's current card (revealed if it is prompt ``reveal``), or its summary."""
    now = bot.clock()
    prompt = await bot.study.next_prompt(session_id, user_id, now, bot.rng_factory())
    if prompt is None:
        done = await bot.study.end(session_id, user_id, now)
        return render.summary(done, lang, lead=lead)
    return render.card(prompt, lang, lead=lead, revealed=prompt.prompt_id == reveal)


def _closed(ctx: PromptContext | None, lang: Lang) -> Screen:
    """The notice for a prompt that can no longer be worked on: gone, or its session over."""
    key = "discord.study.gone" if ctx is None else "discord.study.session_over"
    return render.notice(message(key, lang))


async def _show(bot: StudyBot, interaction: Interaction, user_id: int, prompt_id: int) -> Screen:
    async with learner_lock(user_id):
        ctx, lang = await _context(bot, interaction, user_id, prompt_id)
        if ctx is None or ctx.session_over:
            return _closed(ctx, lang)
        lead = render.note_embed(message("discord.study.gone", lang)) if ctx.retired else None
        return await next_screen(bot, ctx.session_id, user_id, lang, lead, reveal=prompt_id)


async def _answer(
    bot: StudyBot,
    interaction: Interaction,
    user_id: int,
    prompt_id: int,
    response: Response,
    now: datetime,
    entry: int,
) -> Screen:
    cut_short = False
    try:
        async with learner_lock(user_id):
            ctx, lang = await _context(bot, interaction, user_id, prompt_id)
            if ctx is None:
                return render.notice(message("discord.study.gone", lang))
            outcome = await bot.study.answer(prompt_id, user_id, response, now)
    except asyncio.CancelledError:
        cut_short = True  # a shutdown: the next start replays the click from the journal
        raise
    finally:
        # Written, refused, or failed (the learner is told "something went wrong"):
        # the journal must not record it at the next start.
        if not cut_short:
            bot.journal.settled(entry)
    return await _after_answer(bot, ctx, user_id, outcome, response, lang)


async def _after_answer(
    bot: StudyBot,
    ctx: PromptContext,
    user_id: int,
    outcome: AnswerOutcome,
    response: Response,
    lang: Lang,
) -> Screen:
    status = outcome.status
    if status in (AnswerStatus.SESSION_OVER, AnswerStatus.UNKNOWN, AnswerStatus.NOT_YOURS):
        key = {
            AnswerStatus.SESSION_OVER: "discord.study.session_over",
            AnswerStatus.UNKNOWN: "discord.study.gone",
            AnswerStatus.NOT_YOURS: "discord.study.not_yours",
        }[status]
        return render.notice(message(key, lang))
    lead = _lead(outcome, response, lang)
    return await next_screen(bot, ctx.session_id, user_id, lang, lead)


def _lead(outcome: AnswerOutcome, response: Response, lang: str) -> discord.Embed | None:
    """What to show above the next card: the result, or why there is none."""
    if outcome.status is AnswerStatus.RETIRED:
        return render.note_embed(message("discord.study.gone", lang))
    if outcome.status is AnswerStatus.INVALID:
        return render.note_embed(message("discord.study.invalid", lang))
    if outcome.quality is None:
        return None  # a duplicate we know nothing about: just show where the session is
    given = response.text if isinstance(response, TypedText) else None
    return render.result_embed(
        outcome, lang, self_graded=isinstance(response, SelfGrade), given=given
    )


async def _skip(bot: StudyBot, interaction: Interaction, user_id: int, prompt_id: int) -> Screen:
    async with learner_lock(user_id):
        ctx, lang = await _context(bot, interaction, user_id, prompt_id)
        if ctx is None or ctx.session_over:
            return _closed(ctx, lang)
        lead = None
        if await bot.study.skip(prompt_id, user_id):
            lead = render.note_embed(message("discord.study.result.skipped", lang))
        return await next_screen(bot, ctx.session_id, user_id, lang, lead)


async def _stop(bot: StudyBot, interaction: Interaction, user_id: int, prompt_id: int) -> Screen:
    async with learner_lock(user_id):
        ctx, lang = await _context(bot, interaction, user_id, prompt_id)
        if ctx is None:
            return render.notice(message("discord.study.gone", lang))
        now = bot.clock()
        # Counted while the session is open: an ended session has nothing "left".
        return render.summary(await bot.study.end(ctx.session_id, user_id, now), lang)


# -- entry points for the DynamicItems ------------------------------------------------------


async def _respond_answer(
    interaction: Interaction, user_id: int, prompt_id: int, response: Response
) -> None:
    bot = bot_of(interaction)
    now = bot.clock()
    # Journalled before any acknowledgement: a crash right after cannot lose it.
    entry = bot.journal.record(prompt_id, user_id, response, now)
    await respond(
        interaction, _answer(bot, interaction, user_id, prompt_id, response, now, entry)
    )


async def show_answer(interaction: Interaction, user_id: int, prompt_id: int) -> None:
    if not await refuse_foreign(interaction, user_id):
        await respond(interaction, _show(bot_of(interaction), interaction, user_id, prompt_id))


async def grade(interaction: Interaction, user_id: int, prompt_id: int, quality: int) -> None:
    if await refuse_foreign(interaction, user_id):
        return
    if quality not in QUALITIES:
        lang = await clicker_language(interaction)
        await tell_privately(interaction, message("discord.study.invalid", lang))
    else:
        await _respond_answer(interaction, user_id, prompt_id, SelfGrade(quality))


async def pick(interaction: Interaction, user_id: int, prompt_id: int, index: int) -> None:
    if not await refuse_foreign(interaction, user_id):
        await _respond_answer(interaction, user_id, prompt_id, ChoicePick(index))


async def typed(interaction: Interaction, user_id: int, prompt_id: int, answer: str) -> None:
    if not await refuse_foreign(interaction, user_id):
        await _respond_answer(interaction, user_id, prompt_id, TypedText(answer))


async def skip(interaction: Interaction, user_id: int, prompt_id: int) -> None:
    if not await refuse_foreign(interaction, user_id):
        await respond(interaction, _skip(bot_of(interaction), interaction, user_id, prompt_id))


async def stop(interaction: Interaction, user_id: int, prompt_id: int) -> None:
    if not await refuse_foreign(interaction, user_id):
        await respond(interaction, _stop(bot_of(interaction), interaction, user_id, prompt_id))
