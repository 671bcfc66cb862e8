"""The Discord bot: one `StudyBot` per process, cogs loaded as extensions.

Contract with the cogs (bot/discord/cogs/*.py): a cog reads what it needs
from the bot it is given, never from globals, so tests can inject a clock
or a database and every cog sees the same ones.

- ``bot.settings``: the `Settings` the process started with;
- ``bot.db``: the open `Database` (migrated, decks loaded) — available from
  ``setup_hook`` on, i.e. in a cog's ``setup``/``cog_load``;
- ``bot.study``: the `StudyService` over that database;
- ``bot.defaults``: the `LearnerDefaults` a new learner starts with;
- ``bot.clock()``: the current instant, timezone-aware UTC;
- ``bot.rng_factory()``: a fresh ``random.Random`` (choice orders etc.).

Extensions listed in `EXTENSIONS` are loaded in order; one whose module is
not written yet is skipped with a warning, so the bot runs while features
are still being added.  Commands are synced to ``settings.dev_guild_id`` when
set (instant, for development), else globally.
"""

from __future__ import annotations

import importlib.util
import logging
import random
from collections.abc import Callable
from datetime import UTC, datetime

import discord
from discord import app_commands
from discord.ext import commands

from bot.discord.components import DYNAMIC_ITEMS
from bot.discord.components.flow import reply_error
from bot.discord.translator import CatalogueTranslator
from bot.settings import Settings
from bot.study.learners import LearnerDefaults
from bot.study.runtime import Database, load_decks_dir, open_database
from bot.study.session import StudyService

log = logging.getLogger(__name__)

EXTENSIONS = (
    "bot.discord.cogs.study",
    "bot.discord.cogs.decks",
    "bot.discord.cogs.settings",
    "bot.discord.cogs.stats",
    "bot.discord.cogs.help",
    "bot.discord.cogs.daily",
    "bot.discord.cogs.leaderboard",
    "bot.discord.cogs.remind",
    "bot.discord.cogs.deck_admin",
)


def utc_now() -> datetime:
    return datetime.now(UTC)


def defaults_from(settings: Settings) -> LearnerDefaults:
    return LearnerDefaults(
        timezone=settings.timezone,
        new_per_day=settings.new_per_day,
        reviews_per_day=settings.reviews_per_day,
        rollover_hour=settings.rollover_hour,
    )


class StudyBot(commands.Bot):
    """discord.py's Bot plus the study back end every cog shares (see the module docstring)."""

    def __init__(
        self,
        settings: Settings,
        *,
        clock: Callable[[], datetime] = utc_now,
        rng_factory: Callable[[], random.Random] = random.Random,
        shard_id: int | None = None,
        shard_count: int | None = None,
        extensions: tuple[str, ...] = EXTENSIONS,
    ) -> None:
        # Slash commands and components need no privileged intents; guilds
        # alone keeps the gateway quiet even in large servers.
        intents = discord.Intents.none()
        intents.guilds = True
        super().__init__(
            command_prefix=commands.when_mentioned,
            intents=intents,
            help_command=None,
            allowed_mentions=discord.AllowedMentions.none(),
            guild_ready_timeout=settings.guild_ready_timeout,
            shard_id=shard_id,
            shard_count=shard_count,
        )
        self.settings = settings
        self.clock = clock
        self.rng_factory = rng_factory
        self.defaults = defaults_from(settings)
        self.extensions_to_load = extensions
        self._db: Database | None = None
        self._study: StudyService | None = None

    @property
    def db(self) -> Database:
        if self._db is None:
            raise RuntimeError("the database opens in setup_hook; use it from there on")
        return self._db

    @property
    def study(self) -> StudyService:
        if self._study is None:
            raise RuntimeError("the study service starts in setup_hook; use it from there on")
        return self._study

    async def setup_hook(self) -> None:
        self._db = await open_database(self.settings.database_url)
        report = await load_decks_dir(self._db, self.settings.decks_dir, self.clock())
        for problem in report.problems:
            log.warning("deck problem: %s", problem)
        log.info("decks loaded: %s", ", ".join(sorted(report.synced)) or "none")
        self._study = StudyService(self._db.sessions, self.defaults, runner=self._db.runner)
        self.add_dynamic_items(*DYNAMIC_ITEMS)
        await self.tree.set_translator(CatalogueTranslator())
        self.tree.error(self._on_app_command_error)
        for name in self.extensions_to_load:
            if importlib.util.find_spec(name) is None:
                log.warning("extension %s is not written yet: skipped", name)
                continue
            await self.load_extension(name)
        await self.sync_commands()

    async def sync_commands(self) -> list[app_commands.AppCommand]:
        """Register the slash commands: on the dev guild when set (instant), else globally."""
        guild_id = self.settings.dev_guild_id
        if guild_id is not None:
            guild = discord.Object(id=guild_id)
            self.tree.copy_global_to(guild=guild)
            synced = await self.tree.sync(guild=guild)
        else:
            synced = await self.tree.sync()
        log.info("synced %d commands (%s)", len(synced), guild_id or "global")
        return synced

    async def close(self) -> None:
        try:
            await super().close()
        finally:
            if self._db is not None:
                await self._db.close()
                self._db = None

    async def _on_app_command_error(
        self, interaction: discord.Interaction[discord.Client], error: app_commands.AppCommandError
    ) -> None:
        name = interaction.command.qualified_name if interaction.command else "?"
        log.error("/%s failed", name, exc_info=error)
        await reply_error(interaction)
