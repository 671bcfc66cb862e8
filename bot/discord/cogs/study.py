"""/study: start or resume a review session, in DMs, or ephemerally when DMs are closed.

The slash command only opens the session and draws its first card; every
later step is a button handled in bot.discord.components.flow.
"""

from __future__ import annotations

import logging

import discord
from discord import app_commands
from discord.ext import commands

from bot.discord.client import StudyBot
from bot.discord.components import handle_modal_submit, render
from bot.discord.components.flow import APOLOGY
from bot.discord.components.notices import notices_embed
from bot.discord.interactions import NO_MENTIONS, Screen, apologise, reply_language
from bot.discord.options import DeckId
from bot.discord.translator import message
from bot.study.prompt_context import loaded_decks, saved_locale
from bot.study.session import UnknownDeckError

log = logging.getLogger(__name__)

Interaction = discord.Interaction[discord.Client]

#: Discord's "Cannot send messages to this user" (DMs closed or no shared server).
CANNOT_DM = 50007
FRONT_END = "discord"


class Study(commands.Cog):
    def __init__(self, bot: StudyBot) -> None:
        self.bot = bot

    @app_commands.command(
        name=app_commands.locale_str("study"),
        description=app_commands.locale_str(
            "Review today's cards in your DMs (picks up where you left off)"
        ),
    )
    @app_commands.describe(
        deck=app_commands.locale_str("Study only this deck (leave empty for all your decks)")
    )
    async def study(
        self, interaction: Interaction, deck: app_commands.Transform[str, DeckId] | None = None
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
        async with self.bot.learner_locks(user_id):
            now = self.bot.clock()
            try:
                ref = await self.bot.study.start(user_id, deck_id, FRONT_END, now)
            except UnknownDeckError as unknown:
                await interaction.edit_original_response(
                    content=message("discord.study.unknown_deck", lang, deck=unknown.deck_id),
                    allowed_mentions=NO_MENTIONS,
                )
                return
            prompt = await self.bot.study.next_prompt(
                ref.id, user_id, now, self.bot.rng_factory()
            )
            if prompt is None:
                await self.bot.study.end(ref.id, user_id, now)
                await interaction.edit_original_response(
                    content=message("discord.study.nothing_due", lang)
                )
                return
            told = notices_embed(await self.bot.study.notices(user_id, deck_id, now), lang)
            title = await self.bot.deck_titles.title(prompt.deck_id)
            screen = render.card(prompt, lang, title=title, lead=told)
        if not in_guild:
            await interaction.edit_original_response(**screen.edit_kwargs())
            return
        await self._deliver_by_dm(interaction, screen, lang)

    async def _deliver_by_dm(self, interaction: Interaction, screen: Screen, lang: str) -> None:
        try:
            channel = await interaction.user.create_dm()
            await channel.send(**screen.send_kwargs())
        except discord.Forbidden as refused:
            if refused.code != CANNOT_DM:
                raise
            # DMs closed: study right here, visible to this learner only.
            screen.content = message("discord.study.dms_closed", lang)
            await interaction.edit_original_response(**screen.edit_kwargs())
            return
        except discord.HTTPException as failed:
            log.warning("DM to %s failed: %s", interaction.user.id, failed)
            await interaction.edit_original_response(
                content=message("discord.study.dm_failed", lang)
            )
            return
        await interaction.edit_original_response(content=message("discord.study.check_dms", lang))

    @commands.Cog.listener()
    async def on_interaction(self, interaction: Interaction) -> None:
        """Typed answers arrive as modal submissions, matched by custom_id (see buttons.py)."""
        try:
            await handle_modal_submit(interaction)
        except Exception:
            log.exception("typed answer failed")
            await apologise(interaction, APOLOGY)


async def setup(bot: commands.Bot) -> None:
    if not isinstance(bot, StudyBot):
        raise TypeError("the study cog needs a StudyBot")
    await bot.add_cog(Study(bot))
