"""The /daily commands (Manage Server) and the ticker that wakes the daily job.

The job starts in `cog_load` and stops in `cog_unload`.  Members without
Manage Server are refused by `Daily.interaction_check` before any command
runs (Discord may still show them the commands).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import timedelta
from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.app_commands import locale_str
from discord.ext import commands

from bot.discord.cogs.daily import _render
from bot.discord.cogs.daily._exam import KEEP_EXAM, group_exam, save_group_exam
from bot.discord.cogs.daily._items import DYNAMIC_ITEMS, answer_typed
from bot.discord.cogs.daily._poster import ChannelPoster
from bot.discord.interactions import (
    Interaction,
    Refusal,
    Screen,
    client_language,
    language_of,
    respond,
)
from bot.discord.options import ChannelId, DeckId, timezone_choices
from bot.discord.timestamps import duration, local_when
from bot.discord.translator import message
from bot.jobs.clock import clock_file_of
from bot.jobs.daily import DailyJob
from bot.jobs.scheduler import Ticker
from bot.study import daily
from bot.study.daily import DEFAULT_REVEAL_MINUTES, DailySetup, DailySetupError

if TYPE_CHECKING:
    from bot.discord.client import StudyBot

#: What the bot needs in the channel to post the question.
NEEDED = discord.Permissions(view_channel=True, send_messages=True, embed_links=True)


def can_manage(interaction: Interaction) -> bool:
    return interaction.guild is not None and interaction.permissions.manage_guild


def guild_language(interaction: Interaction) -> str:
    return "ko" if interaction.guild_locale is discord.Locale.korean else "en"


class Daily(commands.Cog):
    daily = app_commands.Group(
        name=locale_str("daily"),
        description=locale_str("Post one question a day in a channel (Manage Server)"),
        guild_only=True,
        default_permissions=discord.Permissions(manage_guild=True),
    )

    def __init__(self, bot: StudyBot) -> None:
        self.bot = bot
        self.clock = bot.jobs_clock
        self.job = DailyJob(
            bot.db.runner, ChannelPoster(bot),
            grace=timedelta(minutes=bot.settings.daily_grace_minutes),
        )
        self.ticker = Ticker(
            "daily", self.job.tick, clock=self.clock,
            next_wake=lambda now: daily.next_wake(bot.db.runner, now),
            clock_file=clock_file_of(bot.settings),
        )

    async def cog_load(self) -> None:
        self.bot.add_dynamic_items(*DYNAMIC_ITEMS)
        self.bot.modal_handlers.append(answer_typed)
        self.ticker.start()

    async def cog_unload(self) -> None:
        await self.ticker.stop()
        self.bot.modal_handlers.remove(answer_typed)
        self.bot.remove_dynamic_items(*DYNAMIC_ITEMS)

    async def interaction_check(self, interaction: Interaction, /) -> bool:
        """Every /daily command: Manage Server in a server, else a clear private refusal."""
        if can_manage(interaction):
            return True
        raise Refusal("daily.refuse.manage_guild" if interaction.guild
                      else "daily.refuse.guild_only")

    # -- setup --------------------------------------------------------------------------------

    @daily.command(
        name=locale_str("setup"),
        description=locale_str("Pick a channel, a deck and a time for the daily question"),
    )
    @app_commands.describe(
        channel=locale_str("Where to post the question"),
        deck=locale_str("The deck the questions come from"),
        time=locale_str("Local time to post, e.g. 09:00, 9am, 7:30 pm"),
        timezone=locale_str("Time zone of that time (default: the bot's)"),
        reveal_after=locale_str("How long until the answer is revealed, e.g. 8h, 90m (default 8h)"),
        exam_date=locale_str("The group's exam date (e.g. 2026-12-20; type none to clear it)"),
    )
    async def setup_daily(
        self,
        interaction: Interaction,
        channel: app_commands.Transform[int, ChannelId],
        deck: app_commands.Transform[str, DeckId],
        time: str,
        timezone: str | None = None,
        reveal_after: str | None = None,
        exam_date: str | None = None,
    ) -> None:
        await respond(interaction, self._setup(interaction, channel, deck, time, timezone,
                                               reveal_after, exam_date))

    async def _setup(self, interaction: Interaction, channel_id: int, deck: str, at: str,
                     timezone: str | None, reveal_after: str | None,
                     exam_date: str | None = None) -> Screen:
        lang = await language_of(interaction)
        refused = self._cannot_post(interaction, channel_id, lang)
        if refused:
            return Screen([_render.refusal(refused)])
        post_time = daily.parse_local_time(at)
        if post_time is None:
            return Screen([_render.refusal(message("daily.setup.bad_time", lang, value=at))])
        minutes = DEFAULT_REVEAL_MINUTES
        if reveal_after:
            parsed = daily.parse_duration_minutes(reveal_after)
            if parsed is None:
                return Screen([_render.refusal(message("daily.setup.bad_reveal", lang))])
            minutes = parsed
        zone_name = (timezone or self.bot.settings.timezone).strip()
        exam = group_exam(exam_date, zone_name, self.clock(), lang)
        if isinstance(exam, Screen):
            return exam
        assert interaction.guild_id is not None
        setup = DailySetup(
            guild_id=interaction.guild_id, channel_id=channel_id, deck_id=deck,
            post_time=post_time, timezone=zone_name, reveal_after_minutes=minutes,
            language=guild_language(interaction), created_by=interaction.user.id,
        )
        try:
            view = await daily.configure(self.bot.db.runner, setup, self.clock())
        except DailySetupError as problem:
            return Screen([_render.refusal(_render.problem_text(problem, setup, lang))])
        body = message("daily.setup.done", lang, channel=f"<#{channel_id}>",
                       time=post_time.strftime("%H:%M"), zone=zone_name, deck=view.deck_title,
                       reveal=duration(minutes, lang))
        body += "\n" + message("daily.setup.next", lang,
                               when=local_when(view.next_post_at, zone_name))
        if exam is not KEEP_EXAM:
            body += "\n" + await save_group_exam(self.bot.db.runner, channel_id, exam,
                                                  zone_name, self.clock(), lang)
        return Screen([_render.done(body)])

    def _cannot_post(self, interaction: Interaction, channel_id: int, lang: str) -> str | None:
        guild = interaction.guild
        mention = f"<#{channel_id}>"
        if guild is None:
            return message("daily.refuse.guild_only", lang)
        channel = guild.get_channel(channel_id)
        if channel is None or not isinstance(channel, discord.TextChannel):
            return message("daily.setup.not_text", lang, channel=mention)
        me = guild.me
        perms = channel.permissions_for(me) if me is not None else interaction.app_permissions
        if not perms.is_superset(NEEDED):
            return message("daily.setup.cannot_post", lang, channel=mention)
        return None

    @setup_daily.autocomplete("timezone")
    async def zone_autocomplete(self, interaction: Interaction,
                                current: str) -> list[app_commands.Choice[str]]:
        return timezone_choices(current, client_language(interaction), self.clock())

    # -- status, pause, resume, remove, post-now ----------------------------------------------

    @daily.command(name=locale_str("status"),
                   description=locale_str("This server's daily questions and what comes next"))
    async def status(self, interaction: Interaction) -> None:
        await respond(interaction, self._status(interaction))

    async def _status(self, interaction: Interaction) -> Screen:
        lang = await language_of(interaction)
        assert interaction.guild_id is not None
        views = await daily.guild_configs(self.bot.db.runner, interaction.guild_id,
                                          self.clock())

        def channel_name(channel_id: int) -> str:
            guild = interaction.guild
            channel = guild.get_channel(channel_id) if guild else None
            return channel.name if channel is not None else str(channel_id)

        return Screen([_render.status_embed(views, lang, channel_name)])

    async def _toggle(
        self, interaction: Interaction, action: str,
        change: Callable[[int, int], Awaitable[bool]],
    ) -> None:
        async def work() -> Screen:
            lang = await language_of(interaction)
            assert interaction.guild_id is not None and interaction.channel_id is not None
            if not await change(interaction.guild_id, interaction.channel_id):
                return Screen([_render.refusal(message("daily.not_configured", lang))])
            self.ticker.wake()
            body = message(f"daily.{action}", lang, resume=_render.subcommand("resume", lang))
            return Screen([_render.done(body)])

        await respond(interaction, work())

    @daily.command(name=locale_str("pause"),
                   description=locale_str("Pause the daily question in this channel"))
    async def pause(self, interaction: Interaction) -> None:
        runner = self.bot.db.runner
        await self._toggle(interaction, "paused",
                           lambda guild, channel: daily.set_paused(runner, guild, channel, True))

    @daily.command(name=locale_str("resume"),
                   description=locale_str("Resume the daily question in this channel"))
    async def resume(self, interaction: Interaction) -> None:
        runner = self.bot.db.runner
        await self._toggle(interaction, "resumed",
                           lambda guild, channel: daily.set_paused(runner, guild, channel, False))

    @daily.command(
        name=locale_str("remove"),
        description=locale_str("Stop the daily question in this channel (history stays)"),
    )
    async def remove(self, interaction: Interaction) -> None:
        runner = self.bot.db.runner
        await self._toggle(interaction, "removed",
                           lambda guild, channel: daily.remove(runner, guild, channel))

    @daily.command(name=locale_str("post-now"),
                   description=locale_str("Post today's question right now (to try it out)"))
    async def post_now(self, interaction: Interaction) -> None:
        await respond(interaction, self._post_now(interaction))

    async def _post_now(self, interaction: Interaction) -> Screen:
        lang = await language_of(interaction)
        assert interaction.channel_id is not None
        now = self.clock()
        slot = await daily.post_now_slot(self.bot.db.runner, interaction.channel_id, now)
        if slot is None:
            return Screen([_render.refusal(message("daily.not_configured", lang))])
        post_id = await self.job.post_now(slot, now)
        if post_id is None:
            return Screen([_render.refusal(message("daily.post_now.taken", lang))])
        view = await daily.post_view(self.bot.db.runner, post_id)
        if view is None or view.status != "posted":
            return Screen([_render.refusal(message("daily.post_now.failed", lang))])
        return Screen([_render.done(message("daily.post_now.done", lang,
                                            when=_render.reveal_when(view)))])
