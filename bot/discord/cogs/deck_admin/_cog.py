"""The /deck commands and the file watcher that reloads decks when maintainers save them.

Anyone who is not a maintainer (`_access.is_maintainer`) is refused by
`DeckAdmin.interaction_check` before a command runs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.app_commands import locale_str
from discord.ext import commands

from bot.discord.cogs.deck_admin import _render
from bot.discord.cogs.deck_admin._access import MaintainedDeckId, is_maintainer
from bot.discord.cogs.deck_admin._reloader import Reloader
from bot.discord.interactions import (
    Interaction,
    Refusal,
    Screen,
    acknowledged_if_slow,
    language_of,
    respond,
)
from bot.discord.options import ChannelId
from bot.discord.translator import message
from bot.jobs.deck_watch import DeckWatcher, LoopLagMonitor
from bot.study import deck_reports
from bot.study.deck_loading import TRIGGER_COMMAND
from bot.study.prompt_context import loaded_decks

if TYPE_CHECKING:
    from bot.discord.client import StudyBot


class DeckAdmin(commands.Cog):
    deck = app_commands.Group(
        name=locale_str("deck"),
        description=locale_str("Reload deck files and see how decks do (maintainers)"),
    )

    def __init__(self, bot: StudyBot) -> None:
        self.bot = bot
        self.lag = LoopLagMonitor() if bot.settings.loop_lag_monitor else None
        self.reloader = Reloader(bot, self.lag)
        self.watcher = DeckWatcher(bot.settings.decks_dir, self.reloader.for_job)

    async def cog_load(self) -> None:
        await self.watcher.start()
        if self.lag is not None:
            self.lag.start()

    async def cog_unload(self) -> None:
        await self.watcher.stop()
        if self.lag is not None:
            await self.lag.stop()

    async def interaction_check(self, interaction: Interaction, /) -> bool:
        """Every /deck command: maintainers only, anyone else a clear private refusal.

        Knowing who owns the app may take a request to Discord (the first time):
        if that is slow, the command is acknowledged while it is waited for.
        """
        if await acknowledged_if_slow(interaction, is_maintainer(interaction)):
            return True
        raise Refusal("deck_admin.refuse.not_maintainer")

    @deck.command(name=locale_str("reload"),
                  description=locale_str("Re-read deck files; learners keep their history"))
    @app_commands.describe(deck=locale_str("The deck to reload (empty: every deck)"))
    async def reload_command(
        self, interaction: Interaction,
        deck: app_commands.Transform[str, MaintainedDeckId] | None = None,
    ) -> None:
        async def work() -> Screen:
            lang = await language_of(interaction)
            report = await self.reloader.reload(deck_id=deck or None, trigger=TRIGGER_COMMAND,
                                                by_user=interaction.user.id)
            return Screen([_render.reload_embed(report, lang, self.bot.settings.decks_dir)])

        await respond(interaction, work())

    @deck.command(name=locale_str("log-channel"),
                  description=locale_str("Where every deck reload is reported in this server"))
    @app_commands.describe(channel=locale_str("The channel (empty: stop reporting here)"))
    async def log_channel(
        self, interaction: Interaction,
        channel: app_commands.Transform[int, ChannelId] | None = None,
    ) -> None:
        guild_id = interaction.guild_id
        if guild_id is None:
            raise Refusal("deck_admin.refuse.guild_only")

        async def work() -> Screen:
            lang = await language_of(interaction)
            if channel is not None and not self._can_post(interaction, channel):
                return Screen([_render.refusal(message(
                    "deck_admin.log_channel.cannot_post", lang, channel=f"<#{channel}>"))])
            await deck_reports.set_log_channel(self.bot.db.runner, guild_id, channel,
                                               interaction.user.id, self.bot.clock())
            body = (message("deck_admin.log_channel.cleared", lang) if channel is None else
                    message("deck_admin.log_channel.set", lang, channel=f"<#{channel}>"))
            return Screen([discord.Embed(description=body, colour=_render.COLOR_OK)])

        await respond(interaction, work())

    def _can_post(self, interaction: Interaction, channel_id: int) -> bool:
        guild = interaction.guild
        found = guild.get_channel(channel_id) if guild is not None else None
        if guild is None or found is None or guild.me is None:
            return True  # not cached: let the first report find out (and log it)
        perms = found.permissions_for(guild.me)
        return perms.send_messages and perms.view_channel

    @deck.command(name=locale_str("info"),
                  description=locale_str(
                      "Cards by type, learners, reviews, 30-day retention, last reload"))
    @app_commands.describe(deck=locale_str("The deck (empty: every deck)"))
    async def info(
        self, interaction: Interaction,
        deck: app_commands.Transform[str, MaintainedDeckId] | None = None,
    ) -> None:
        async def work() -> Screen:
            lang = await language_of(interaction)
            ids = await self._decks(deck, lang)
            if isinstance(ids, Screen):
                return ids
            now = self.bot.clock()
            infos = [i for i in [await deck_reports.deck_info(self.bot.db.runner, d, now)
                                 for d in ids] if i is not None]
            return Screen([_render.info_embed(infos, lang)])

        await respond(interaction, work())

    @deck.command(name=locale_str("leeches"),
                  description=locale_str(
                      "Cards learners keep failing, with where they are in the file"))
    @app_commands.describe(deck=locale_str("The deck (empty: every deck)"))
    async def leeches(
        self, interaction: Interaction,
        deck: app_commands.Transform[str, MaintainedDeckId] | None = None,
    ) -> None:
        async def work() -> Screen:
            lang = await language_of(interaction)
            ids = await self._decks(deck, lang)
            if isinstance(ids, Screen):
                return ids
            reports = [r for r in [await deck_reports.deck_leeches(self.bot.db.runner, d)
                                   for d in ids] if r is not None]
            return Screen([_render.leeches_embed(reports, ids, lang,
                                                 self.bot.settings.decks_dir)])

        await respond(interaction, work())

    async def _decks(self, deck: str | None, lang: str) -> list[str] | Screen:
        """The deck ids a report covers (the one asked for, else all), or the refusal."""
        known = [d.id for d in await loaded_decks(self.bot.db.runner)]
        if deck:
            if deck not in known:
                return Screen([_render.refusal(message("deck_admin.unknown_deck", lang,
                                                       deck=deck))])
            return [deck]
        return known or Screen([_render.refusal(message("deck_admin.no_decks", lang))])
