"""The review flow behind every button: check the clicker, reload, act, redraw.

Order matters for the guarantees in DESIGN.md: a foreign click is refused
before anything is read; everything else is reloaded from the database by
key (so buttons survive restarts); and the interaction is acknowledged in
time whatever the database is doing (bot.discord.interactions.respond).

A learner's clicks are handled one at a time (``bot.learner_locks``), so a
double click records one review and both clicks draw the same next card.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Coroutine
from datetime import datetime
from typing import TYPE_CHECKING, Any

import discord

from bot.discord.components import render
from bot.discord.interactions import (
    Interaction,
    Refusal,
    Screen,
    language_of,
    refuse_foreign,
    reply_language,
    respond,
    study_bot,
    tell_privately,
)
from bot.discord.translator import message
from bot.i18n import Lang
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

#: Self-grades SM-2 knows; a forged custom_id may carry any number.
QUALITIES = range(6)
#: What a click that failed says (the log has the details).
APOLOGY = "discord.study.error"


async def _redraw(interaction: Interaction, work: Coroutine[Any, Any, Screen]) -> None:
    """Redraw the clicked message with the work's screen, acknowledged in time."""
    await respond(interaction, work, update=True, apology=APOLOGY)


async def _context(
    bot: StudyBot, interaction: Interaction, user_id: int, prompt_id: int
) -> tuple[PromptContext | None, Lang]:
    """The prompt's context and the reply language; None for a prompt that cannot exist.

    Discord never sends a click naming the clicker but a prompt of someone
    else's session; a forged one must not redraw the clicker's card with
    another learner's session, so it is refused privately (`Refusal`).
    """
    ctx = await prompt_context(bot.db.runner, prompt_id)
    lang = _lang_for(bot, interaction, ctx)
    if ctx is not None and ctx.user_id != user_id:
        raise Refusal("discord.study.not_yours", lang)
    return ctx, lang


def _lang_for(bot: StudyBot, interaction: Interaction, ctx: PromptContext | None) -> Lang:
    return reply_language(
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
    prompt = await bot.study.next_prompt(
        session_id, user_id, now, bot.rng_factory(), previews=reveal is not None
    )
    if prompt is None:
        done = await bot.study.end(session_id, user_id, now)
        return render.summary(done, lang, lead=lead)
    title = await bot.deck_titles.title(prompt.deck_id)
    return render.card(prompt, lang, title=title, lead=lead, revealed=prompt.prompt_id == reveal)


def _closed(ctx: PromptContext | None, lang: Lang) -> Screen:
    """The notice for a prompt that can no longer be worked on: gone, or its session over."""
    key = "discord.study.gone" if ctx is None else "discord.study.session_over"
    return render.notice(message(key, lang))


async def _show(bot: StudyBot, interaction: Interaction, user_id: int, prompt_id: int) -> Screen:
    async with bot.learner_locks(user_id):
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
    recorded = False
    try:
        async with bot.learner_locks(user_id):
            ctx, lang = await _context(bot, interaction, user_id, prompt_id)
            if ctx is None:
                return render.notice(message("discord.study.gone", lang))
            outcome = await bot.study.answer(prompt_id, user_id, response, now)
            # (a double click's second answer: its prompt is answered either way)
            recorded = outcome.status in (AnswerStatus.RECORDED, AnswerStatus.DUPLICATE)
    except asyncio.CancelledError:
        cut_short = True  # a shutdown: the next start replays the click from the journal
        raise
    finally:
        # Written, refused, or failed (the learner is told "something went wrong"):
        # the journal must not record it at the next start.
        if not cut_short:
            bot.journal.settled(entry, recorded=recorded)
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
    async with bot.learner_locks(user_id):
        ctx, lang = await _context(bot, interaction, user_id, prompt_id)
        if ctx is None or ctx.session_over:
            return _closed(ctx, lang)
        lead = None
        if await bot.study.skip(prompt_id, user_id):
            lead = render.note_embed(message("discord.study.result.skipped", lang))
        return await next_screen(bot, ctx.session_id, user_id, lang, lead)


async def _stop(bot: StudyBot, interaction: Interaction, user_id: int, prompt_id: int) -> Screen:
    async with bot.learner_locks(user_id):
        ctx, lang = await _context(bot, interaction, user_id, prompt_id)
        if ctx is None:
            return render.notice(message("discord.study.gone", lang))
        done = await bot.study.end(ctx.session_id, user_id, bot.clock())
        if not done.answered and not done.skipped:
            # Stopped before answering anything: nothing to sum up, the card just closes.
            return render.notice(message("discord.study.closed", lang))
        return render.summary(done, lang)


# -- entry points for the buttons' routes ---------------------------------------------------


async def _respond_answer(
    interaction: Interaction, user_id: int, prompt_id: int, response: Response
) -> None:
    bot = study_bot(interaction)
    now = bot.clock()
    # Journalled before any acknowledgement: a crash right after cannot lose it.
    entry = bot.journal.record(prompt_id, user_id, response, now)
    await _redraw(
        interaction, _answer(bot, interaction, user_id, prompt_id, response, now, entry)
    )


async def show_answer(interaction: Interaction, user_id: int, prompt_id: int) -> None:
    if not await refuse_foreign(interaction, user_id):
        await _redraw(interaction, _show(study_bot(interaction), interaction, user_id, prompt_id))


async def grade(interaction: Interaction, user_id: int, prompt_id: int, quality: int) -> None:
    if await refuse_foreign(interaction, user_id):
        return
    if quality not in QUALITIES:
        await tell_privately(
            interaction, message("discord.study.invalid", await language_of(interaction))
        )
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
        await _redraw(interaction, _skip(study_bot(interaction), interaction, user_id, prompt_id))


async def stop(interaction: Interaction, user_id: int, prompt_id: int) -> None:
    if not await refuse_foreign(interaction, user_id):
        await _redraw(interaction, _stop(study_bot(interaction), interaction, user_id, prompt_id))
