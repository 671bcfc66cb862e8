"""The Discord bot: one `StudyBot` per process, cogs loaded as extensions.

A process runs every shard Discord recommends (the default, one shard for a
small bot), or the shards ``--shard-ids`` names out of ``--shard-count``, so
several processes can share one database; ``bot.owns_guild(id)`` says whether
a guild's scheduled work belongs to this process.

Contract with the cogs (bot/discord/cogs/*.py): a cog reads what it needs
from the bot it is given, never from globals, so tests can inject a clock
or a database and every cog sees the same ones.

- ``bot.settings``: the `Settings` the process started with;
- ``bot.db``: the open `Database` (migrated, decks loaded) — available from
  ``setup_hook`` on, i.e. in a cog's ``setup``/``cog_load``;
- ``bot.study``: the `StudyService` over that database;
- ``bot.defaults``: the `LearnerDefaults` a new learner starts with;
- ``bot.clock()``: the current instant, timezone-aware UTC;
- ``bot.jobs_clock()``: the instant scheduled work runs at: the clock file's
  (``STUDYBOT_CLOCK_FILE``) when set, else ``bot.clock()``;
- ``bot.learner_locks(user_id)`` / ``bot.in_flight``: one lock per learner and
  the count of interactions being worked on (bot.discord.interactions);
- ``bot.modal_handlers``: where a cog adds (in ``cog_load``) and removes (in
  ``cog_unload``) its handler of modal submissions, called from the bot's
  one ``on_interaction`` rather than from a listener of its own (each
  listener is a task discord.py starts for every interaction, clicks included);
- ``bot.deck_titles``: deck id -> title, for the heading of each card;
- ``bot.rng_factory()``: a fresh ``random.Random`` (choice orders etc.);
- ``bot.shard_layout`` / ``bot.owns_guild(guild_id)``: the shards this process runs.

Extensions listed in `EXTENSIONS` are loaded in order; one whose module is
not written yet is skipped with a warning, so the bot runs while features
are still being added.  Commands are synced to ``settings.dev_guild_id`` when
set (instant, for development), else globally.
"""

from __future__ import annotations

import asyncio
import contextlib
import importlib.util
import logging
import random
import re
from collections.abc import Awaitable, Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import discord
from discord import app_commands
from discord.ext import commands

from bot.discord import events
from bot.discord.acks import watch_receipts
from bot.discord.components import handle_click
from bot.discord.deck_titles import DeckTitles
from bot.discord.interactions import (
    InFlight,
    LearnerLocks,
    Refusal,
    apologise,
    language_of,
    refuse,
)
from bot.discord.translator import CatalogueTranslator, message
from bot.jobs.clock import Clock, FileClock, clock_file_of
from bot.jobs.shards import ShardLayout
from bot.settings import Settings
from bot.study.answer_journal import AnswerJournal, journal_path
from bot.study.learners import LearnerDefaults
from bot.study.prompt_context import loaded_decks
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
    "bot.discord.cogs.exam",
    "bot.discord.cogs.deck_admin",
)


#: How long stopping waits for interactions that are already running.
DRAIN_SECONDS = 5.0
#: Names discord.py gives the tasks that run an interaction's handler.
INTERACTION_TASKS = (
    "CommandTree-invoker",
    "discord-ui-",
    "discord.py: on_interaction",
)


#: A cog's handler of modal submissions: True when the submission was its own (answered).
ModalHandler = Callable[[discord.Interaction[discord.Client]], Awaitable[bool]]


def _interaction_tasks() -> set[asyncio.Task[object]]:
    current = asyncio.current_task()
    return {
        task for task in asyncio.all_tasks()
        if task is not current and not task.done()
        and task.get_name().startswith(INTERACTION_TASKS)
    }


async def drain(grace: float) -> int:
    """Wait until no interaction handler runs (or ``grace`` passes); how many are left."""
    deadline = asyncio.get_running_loop().time() + grace
    while running := _interaction_tasks():
        left = deadline - asyncio.get_running_loop().time()
        if left <= 0:
            return len(running)
        await asyncio.wait(running, timeout=left)
    return 0


def utc_now() -> datetime:
    return datetime.now(UTC)


#: Where `fresh_random` takes its seeds: seeded once from the operating system.
_SEEDS = random.Random()


def fresh_random() -> random.Random:
    """A new random source for one screen (choice orders), seeded from `_SEEDS`.

    ``random.Random()`` reads 2.5 KB from the operating system's random source each
    time, once or twice per click; 64 bits from a seeded generator serve as well for
    shuffling a card's choices.
    """
    return random.Random(_SEEDS.getrandbits(64))


def defaults_from(settings: Settings) -> LearnerDefaults:
    return LearnerDefaults(
        timezone=settings.timezone,
        new_per_day=settings.new_per_day,
        reviews_per_day=settings.reviews_per_day,
        rollover_hour=settings.rollover_hour,
    )


class StudyBot(commands.AutoShardedBot):
    """discord.py's sharded Bot plus the study back end every cog shares (module docstring).

    Always the sharded client, even for one shard: the same code path then
    serves a laptop and a fleet, and without shard options it behaves like
    the plain client (one connection, the shard count Discord recommends).
    """

    def __init__(
        self,
        settings: Settings,
        *,
        clock: Callable[[], datetime] = utc_now,
        rng_factory: Callable[[], random.Random] = fresh_random,
        shard_ids: Sequence[int] | None = None,
        shard_count: int | None = None,
        extensions: tuple[str, ...] = EXTENSIONS,
    ) -> None:
        # Slash commands and components need no privileged intents; guilds
        # alone keeps the gateway quiet even in large servers.
        intents = discord.Intents.none()
        intents.guilds = True
        layout = ShardLayout.of(shard_count, shard_ids)
        super().__init__(
            command_prefix=commands.when_mentioned,
            intents=intents,
            help_command=None,
            allowed_mentions=discord.AllowedMentions.none(),
            guild_ready_timeout=settings.guild_ready_timeout,
            shard_count=layout.count,
            # None means "every shard" at run time; discord.py's stubs only admit a list.
            shard_ids=list(layout.ids) if layout.ids is not None else None,  # type: ignore[arg-type]
        )
        self.shard_layout = layout
        self.settings = settings
        self.clock = clock
        self.rng_factory = rng_factory
        self.defaults = defaults_from(settings)
        self.extensions_to_load = extensions
        self.learner_locks = LearnerLocks()
        self.in_flight = InFlight()
        # A DM click's message parsed only if read (bot.discord.events); Discord's 3 s
        # run from each interaction's arrival (bot.discord.acks).
        events.install(self)
        watch_receipts(self)
        self._jobs_clock: Clock | None = None
        self._db: Database | None = None
        self._study: StudyService | None = None
        self._journal: AnswerJournal | None = None
        self._deck_titles: DeckTitles | None = None
        #: The custom_id templates of every DynamicItem registered by the cogs.
        self.component_templates: list[re.Pattern[str]] = []
        #: The cogs' handlers of modal submissions, tried in turn (module docstring).
        self.modal_handlers: list[ModalHandler] = []

    def add_dynamic_items(self, *items: type[discord.ui.DynamicItem[Any]]) -> None:
        super().add_dynamic_items(*items)
        self.component_templates += [item.__discord_ui_compiled_template__ for item in items]

    async def on_interaction(self, interaction: discord.Interaction[discord.Client]) -> None:
        """Run a study button or a cog's modal; answer a click on one of our ids that nothing
        understands.

        The study buttons are routed here (bot.discord.components.buttons), the
        cogs' `DynamicItem`s by discord.py, modal submissions to the first of
        ``modal_handlers`` that knows them.  discord.py drops a component whose
        custom_id matches no DynamicItem, and the user would see "This
        interaction failed"; a truncated or stale ``sb:`` id gets a private,
        polite answer instead, and nothing is written.
        """
        if interaction.type is discord.InteractionType.modal_submit:
            for handler in list(self.modal_handlers):
                if await handler(interaction):
                    return
            return
        if interaction.type is not discord.InteractionType.component:
            return
        data: dict[str, Any] = dict(interaction.data or {})
        custom_id = str(data.get("custom_id", ""))
        if not custom_id.startswith("sb:"):
            return
        if data.get("component_type") == discord.ComponentType.button.value and (
            await handle_click(interaction, custom_id)
        ):
            return
        if any(template.fullmatch(custom_id) for template in self.component_templates):
            return
        lang = await language_of(interaction)
        with contextlib.suppress(discord.HTTPException):
            await interaction.response.send_message(
                message("discord.unknown_button", lang), ephemeral=True
            )

    def owns_guild(self, guild_id: int) -> bool:
        """Whether this process runs the shard of ``guild_id`` (and so its scheduled work)."""
        return self.shard_layout.owns(guild_id)

    def jobs_clock(self) -> datetime:
        """Now, for scheduled work: the clock file's instant when one is set, else `clock`'s."""
        if self._jobs_clock is None:
            path = clock_file_of(self.settings)
            self._jobs_clock = FileClock(path) if path is not None else self.clock
        return self._jobs_clock()

    @property
    def db(self) -> Database:
        if self._db is None:
            raise RuntimeError("the database opens in setup_hook; use it from there on")
        return self._db

    @property
    def journal(self) -> AnswerJournal:
        if self._journal is None:
            raise RuntimeError("the answer journal opens in setup_hook; use it from there on")
        return self._journal

    @property
    def deck_titles(self) -> DeckTitles:
        """The titles cards are headed by (read again after every reload this process runs)."""
        if self._deck_titles is None:
            raise RuntimeError("the deck titles are read in setup_hook; use them from there on")
        return self._deck_titles

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
        db = self._db
        self._deck_titles = DeckTitles(lambda: loaded_decks(db.runner))
        await self._deck_titles.refresh()
        self._study = StudyService(self._db.runner, self.defaults)
        self._journal = AnswerJournal(
            journal_path(self.settings.database_url, self.settings.shard_ids, Path.cwd())
        )
        await self._journal.replay(self._study)
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

    async def shutdown(self, grace: float = DRAIN_SECONDS) -> int:
        """Stop as a deploy wants it: no new work, finish what started, then close.

        The shards disconnect first (close code 1000), so Discord stops
        sending interactions; the interactions already running keep the REST
        client and the database until they are done (at most ``grace``
        seconds), so an answer a learner saw acknowledged is also recorded.
        Returns how many were still running when the grace ran out.
        """
        for shard in self.shards.values():
            if not shard.is_closed():
                await shard.disconnect()
        left = await drain(grace)
        if left:
            log.warning("%d interactions still running after %.0f s: closing anyway", left, grace)
        await self.close()
        return left

    async def close(self) -> None:
        try:
            await super().close()
        finally:
            if self._db is not None:
                await self._db.close()
                self._db = None
            if self._journal is not None:
                self._journal.close()
                self._journal = None

    async def _on_app_command_error(
        self, interaction: discord.Interaction[discord.Client], error: app_commands.AppCommandError
    ) -> None:
        if isinstance(error, Refusal):  # raised by a cog's interaction_check: not a failure
            await refuse(interaction, error)
            return
        name = interaction.command.qualified_name if interaction.command else "?"
        log.error("/%s failed", name, exc_info=error)
        await apologise(interaction, "discord.study.error")
