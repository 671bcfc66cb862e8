"""The one deck reload of the bot: one at a time, logged, and told to every log channel.

A /deck reload, the file watcher and SIGHUP all end here, so two reloads never
run at once and every reload is reported the same way: each deck's outcome and
problems in the log, and one message in each maintainers' log channel of the
guilds this process serves.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import discord

from bot.discord.cogs.deck_admin._render import log_channel_text
from bot.discord.interactions import NO_MENTIONS
from bot.jobs.deck_watch import LoopLagMonitor
from bot.study import deck_reports
from bot.study.deck_loading import TRIGGER_COMMAND, ReloadReport, reload_decks

if TYPE_CHECKING:
    from bot.discord.client import StudyBot

log = logging.getLogger(__name__)


class Reloader:
    """Runs `reload_decks` for the bot, one at a time, and reports each run."""

    def __init__(self, bot: StudyBot, lag: LoopLagMonitor | None = None) -> None:
        self.bot = bot
        self.lag = lag
        self._lock = asyncio.Lock()

    async def reload(
        self,
        *,
        deck_id: str | None = None,
        paths: Sequence[Path] | None = None,
        trigger: str = TRIGGER_COMMAND,
        by_user: int | None = None,
    ) -> ReloadReport:
        """Reload, log it, and tell every maintainers' log channel; one reload at a time."""
        async with self._lock:
            if self.lag is not None:
                self.lag.new_window()
            started = time.perf_counter()
            report = await reload_decks(
                self.bot.db.runner, self.bot.settings.decks_dir, self.bot.clock(),
                deck_id=deck_id, paths=paths, trigger=trigger, by_user=by_user)
            await self.bot.deck_titles.refresh()
            if self.lag is not None:
                log.warning(
                    "deck reload (%s) took %.0f ms; event loop's longest stall during it "
                    "%.0f ms (since start %.0f ms)", trigger,
                    (time.perf_counter() - started) * 1000, self.lag.window_max * 1000,
                    self.lag.overall_max * 1000)
        for outcome in report.outcomes:
            log.info("deck reload (%s): %s", trigger, outcome.summary_line())
            for problem in outcome.problems:
                log.warning("deck problem: %s", problem)
        if report.unknown is not None:
            log.warning("deck reload (%s): no file for deck %r", trigger, report.unknown)
        if report.outcomes:
            await self._tell_log_channels(report, trigger, by_user)
        return report

    async def for_job(self, paths: Sequence[Path] | None, trigger: str) -> None:
        """The watcher's and SIGHUP's way in (bot.jobs.deck_watch.Reload)."""
        await self.reload(paths=paths, trigger=trigger)

    def _guild_language(self, guild_id: int, default: str) -> str:
        """The guild's own language (as /daily posts use), else the bot's."""
        guild = self.bot.get_guild(guild_id)
        if guild is None:
            return default
        return "ko" if guild.preferred_locale is discord.Locale.korean else "en"

    async def _tell_log_channels(
        self, report: ReloadReport, trigger: str, by_user: int | None
    ) -> None:
        channels = await deck_reports.log_channels(self.bot.db.runner)
        lang = self.bot.settings.language
        decks_dir = self.bot.settings.decks_dir
        for guild_id, channel_id in channels.items():
            # With several shard processes, each reports to the guilds of its own shards.
            if not self.bot.owns_guild(guild_id):
                continue
            said = log_channel_text(report, self._guild_language(guild_id, lang), decks_dir,
                                    trigger, by_user)
            try:
                await self.bot.get_partial_messageable(channel_id).send(
                    said, allowed_mentions=NO_MENTIONS)
            except discord.HTTPException as error:
                log.warning("could not report a deck reload in channel %s: %s", channel_id,
                            error)
