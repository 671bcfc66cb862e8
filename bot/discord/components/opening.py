"""The first screen of a study session: its first card, a choice of deck, or why there is none.

A learner's very first `/study` (or "Study now") without a deck used to join
every deck there is, mixing languages and subjects; now, with one deck it is
joined and the learner is told so, and with several the learner picks one from
a select menu, decks in their language first.  The menu is a `DynamicItem`
whose custom_id carries only the learner and the session mode, so it still
works after a restart.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any, Final

import discord

from bot.discord import text
from bot.discord.components import render
from bot.discord.components.notices import notices_embed
from bot.discord.interactions import (
    Interaction,
    Screen,
    language_of,
    refuse_foreign,
    study_bot,
)
from bot.discord.translator import message
from bot.i18n.study_text import cards
from bot.storage.study_sessions import MODE_MISTAKES, MODE_REVIEW
from bot.study.catalog import (
    DeckEntry,
    Membership,
    deck_catalog,
    first_study_order,
    join_deck,
)
from bot.study.session import DeckChoiceNeededError, UnknownDeckError

if TYPE_CHECKING:
    from bot.discord.client import StudyBot

log = logging.getLogger(__name__)

FRONT_END: Final = "discord"
#: Discord's limits on a select menu.
MAX_OPTIONS: Final = 25
OPTION_TEXT: Final = 100
PLACEHOLDER: Final = 150

PICK_DECK: Final = r"sb:pickdeck:(?P<user>\d+):(?P<mode>review|mistakes)(?P<remind>:r)?"

Select = discord.ui.Select[discord.ui.View]


def pick_deck_id(user_id: int, mode: str, from_reminder: bool = False) -> str:
    """Only keys: the learner, the session mode, and whether a reminder's "Study now" asked
    (its clock is the scheduled work's)."""
    return f"sb:pickdeck:{user_id}:{mode}" + (":r" if from_reminder else "")


@dataclass(frozen=True, slots=True)
class Opening:
    """What `/study` shows first; ``card`` when it is a card (sent by DM from a server)."""

    screen: Screen
    card: bool = False
    note: str | None = None  # said beside the card: the deck a first study joined


def deck_choice(
    entries: list[DeckEntry], lang: str, user_id: int, mode: str, from_reminder: bool = False
) -> Screen:
    """"Which deck?" with a select menu of up to `MAX_OPTIONS` decks."""
    ordered = first_study_order(entries, lang)
    if not ordered:
        return render.notice(message("discord.study.nothing_due", lang))
    shown = ordered[:MAX_OPTIONS]
    body = message("discord.study.choose_deck.body", lang)
    if len(ordered) > len(shown):
        body += "\n" + message("discord.study.choose_deck.more", lang, shown=len(shown),
                               total=len(ordered))
    embed = discord.Embed(
        title=message("discord.study.choose_deck.title", lang),
        description=text.cut(body, text.EMBED_DESCRIPTION),
        colour=render.COLOR_CARD,
    )
    options = [
        discord.SelectOption(
            label=text.label(entry.title or entry.deck_id, OPTION_TEXT),
            value=entry.deck_id,
            description=text.label(
                message("discord.study.choose_deck.option", lang,
                        cards=cards(entry.faces, lang),
                        language=message("lang.name", entry.lang)),
                OPTION_TEXT,
            ),
        )
        for entry in shown
    ]
    view = discord.ui.View(timeout=None)
    view.add_item(discord.ui.Select(
        custom_id=pick_deck_id(user_id, mode, from_reminder),
        placeholder=text.label(message("discord.study.choose_deck.placeholder", lang),
                               PLACEHOLDER),
        options=options,
    ))
    view.stop()  # dispatch goes through the DynamicItem
    return Screen(embeds=[embed], view=view)


async def open_study(
    bot: StudyBot,
    user_id: int,
    deck_id: str | None,
    mode: str,
    lang: str,
    *,
    now: datetime,
    from_reminder: bool = False,
) -> Opening:
    """Start or resume the learner's session and draw its first card (or say why not).

    The first card is headed by its deck's title, under what the learner is
    told as a review session starts (a backlog, an exam's pace); a mistakes
    drill is not today's work, so it tells neither.
    """
    async with bot.learner_locks(user_id):
        try:
            ref = await bot.study.start(user_id, deck_id, FRONT_END, now, mode=mode)
        except UnknownDeckError as unknown:
            return Opening(render.notice(
                message("discord.study.unknown_deck", lang, deck=unknown.deck_id)))
        except DeckChoiceNeededError:
            entries = await deck_catalog(bot.db.runner, user_id)
            return Opening(deck_choice(entries, lang, user_id, mode, from_reminder))
        prompt = await bot.study.next_prompt(ref.id, user_id, now, bot.rng_factory())
        if prompt is None:
            await bot.study.end(ref.id, user_id, now)
            opening = Opening(render.notice(message(_nothing_key(mode, from_reminder), lang)))
        else:
            told = None
            if mode == MODE_REVIEW:
                told = notices_embed(await bot.study.notices(user_id, deck_id, now), lang)
            title = await bot.deck_titles.title(prompt.deck_id)
            opening = Opening(render.card(prompt, lang, title=title, lead=told), card=True)
    if ref.joined is None:
        return opening
    title = await bot.deck_titles.title(ref.joined)
    return with_note(opening, message("discord.study.joined", lang, deck=title))


def _nothing_key(mode: str, from_reminder: bool) -> str:
    if mode == MODE_MISTAKES:
        return "discord.study.no_mistakes"
    return "remind.nothing_due" if from_reminder else "discord.study.nothing_due"


class DeckChoiceSelect(discord.ui.DynamicItem[Select], template=PICK_DECK):
    """The learner picked the deck of their first study: join it and show its first card."""

    def __init__(self, user: int, mode: str, from_reminder: bool = False) -> None:
        super().__init__(discord.ui.Select(
            custom_id=pick_deck_id(user, mode, from_reminder),
            options=[discord.SelectOption(label="-", value="-")],
        ))
        self.user, self.mode, self.from_reminder = user, mode, from_reminder

    @classmethod
    async def from_custom_id(
        cls, interaction: Interaction, item: discord.ui.Item[Any], match: re.Match[str]
    ) -> DeckChoiceSelect:
        return cls(int(match["user"]), match["mode"], match["remind"] is not None)

    async def callback(self, interaction: Interaction) -> None:
        if await refuse_foreign(interaction, self.user):
            return
        data: dict[str, Any] = dict(interaction.data or {})
        values = data.get("values")
        deck_id = str(values[0]) if isinstance(values, list) and values else ""
        bot = study_bot(interaction)
        await interaction.response.defer()
        lang = await language_of(interaction)
        now = bot.jobs_clock() if self.from_reminder else bot.clock()
        joined = await join_deck(bot.db.runner, self.user, deck_id, bot.defaults, now)
        if joined is Membership.UNKNOWN_DECK:
            opening = Opening(render.notice(
                message("discord.study.unknown_deck", lang, deck=deck_id)))
        else:
            note = message("discord.study.joined", lang,
                           deck=await bot.deck_titles.title(deck_id))
            opening = with_note(await open_study(
                bot, self.user, None, self.mode, lang, now=now,
                from_reminder=self.from_reminder), note)
        await deliver(interaction, opening, lang)


def with_note(opening: Opening, note: str) -> Opening:
    """The opening with ``note`` said first (above a card, or before a notice)."""
    screen = opening.screen
    screen.content = note if opening.card else f"{note}\n{screen.content or ''}".strip()
    return Opening(screen, opening.card, note)


#: Discord's "Cannot send messages to this user" (DMs closed or no shared server).
CANNOT_DM: Final = 50007


async def deliver(interaction: Interaction, opening: Opening, lang: str) -> None:
    """Show the opening where it belongs; the interaction is acknowledged already.

    A card asked for in a server goes by DM (studying in a channel would show
    everyone the learner's cards); the reply there says so, or, with DMs
    closed, the card stays right here, visible to the learner only.
    """
    screen = opening.screen
    if not opening.card or interaction.guild is None:
        await interaction.edit_original_response(**screen.edit_kwargs())
        return
    try:
        channel = await interaction.user.create_dm()
        await channel.send(**screen.send_kwargs())
    except discord.Forbidden as refused:
        if refused.code != CANNOT_DM:
            raise
        said = message("discord.study.dms_closed", lang)
        screen.content = f"{opening.note}\n{said}" if opening.note else said
        await interaction.edit_original_response(**screen.edit_kwargs())
        return
    except discord.HTTPException as failed:
        log.warning("DM to %s failed: %s", interaction.user.id, failed)
        await interaction.edit_original_response(
            content=message("discord.study.dm_failed", lang), embeds=[], view=None)
        return
    said = message("discord.study.check_dms", lang)
    await interaction.edit_original_response(
        content=f"{opening.note}\n{said}" if opening.note else said, embeds=[], view=None)


__all__ = ["MODE_MISTAKES", "MODE_REVIEW", "DeckChoiceSelect", "Opening", "deliver",
           "open_study"]
