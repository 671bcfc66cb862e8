"""/study: start or resume a review session, in DMs, or ephemerally when DMs are closed.

The slash command only opens the session and draws its first card
(bot.discord.components.opening, which also asks a first-time learner which
deck to study); every later step is a button handled in
bot.discord.components.flow.  ``mode: mistakes`` drills the cards missed in
the last seven days instead of today's queue, without rescheduling them.
"""

from __future__ import annotations

import logging

import discord
from discord import app_commands
from discord.ext import commands

from bot.discord.client import StudyBot
from bot.discord.components import handle_modal_submit
from bot.discord.components.flow import APOLOGY
from bot.discord.components.opening import DeckChoiceSelect, deliver, open_study
from bot.discord.interactions import apologise, reply_language
from bot.discord.options import DeckId
from bot.study.prompt_context import loaded_decks, saved_locale
from bot.study.session import MODE_MISTAKES, MODE_REVIEW

log = logging.getLogger(__name__)

Interaction = discord.Interaction[discord.Client]


MODE_CHOICES = [
    app_commands.Choice(name=app_commands.locale_str("Today's cards", key="study.mode.review"),
                        value=MODE_REVIEW),
    app_commands.Choice(
        name=app_commands.locale_str("Cards I missed (last 7 days)", key="study.mode.mistakes"),
        value=MODE_MISTAKES),
]


class Study(commands.Cog):
    def __init__(self, bot: StudyBot) -> None:
        self.bot = bot

    async def cog_load(self) -> None:
        self.bot.add_dynamic_items(DeckChoiceSelect)
        self.bot.modal_handlers.append(self.typed_answer)

    async def cog_unload(self) -> None:
        self.bot.modal_handlers.remove(self.typed_answer)
        self.bot.remove_dynamic_items(DeckChoiceSelect)

    @app_commands.command(
        name=app_commands.locale_str("study"),
        description=app_commands.locale_str(
            "Review today's cards in your DMs (picks up where you left off)"
        ),
    )
    @app_commands.describe(
        deck=app_commands.locale_str("Study only this deck (leave empty for all your decks)"),
        mode=app_commands.locale_str("Today's cards, or the cards you missed in the last 7 days"),
    )
    @app_commands.choices(mode=MODE_CHOICES)
    async def study(
        self,
        interaction: Interaction,
        deck: app_commands.Transform[str, DeckId] | None = None,
        mode: app_commands.Choice[str] | None = None,
    ) -> None:
        in_guild = interaction.guild is not None
        await interaction.response.defer(ephemeral=in_guild, thinking=True)
        user_id = interaction.user.id
        decks = {d.id: d for d in await loaded_decks(self.bot.db.runner)}
        deck_id = deck or None
        lang = reply_language(
            await saved_locale(self.bot.db.runner, user_id),
            interaction.locale,
            decks[deck_id].lang if deck_id in decks else None,
            self.bot.settings.language,
        )
        chosen = mode.value if mode is not None else MODE_REVIEW
        opening = await open_study(self.bot, user_id, deck_id, chosen, lang, now=self.bot.clock())
        await deliver(interaction, opening, lang)

    async def typed_answer(self, interaction: Interaction) -> bool:
        """Typed answers arrive as modal submissions, matched by custom_id (see buttons.py)."""
        try:
            return await handle_modal_submit(interaction)
        except Exception:
            log.exception("typed answer failed")
            await apologise(interaction, APOLOGY)
            return True


async def setup(bot: commands.Bot) -> None:
    if not isinstance(bot, StudyBot):
        raise TypeError("the study cog needs a StudyBot")
    await bot.add_cog(Study(bot))
