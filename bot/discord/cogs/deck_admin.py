"""/deck: maintainers reload deck files into the running bot and read how decks do.

The reload itself is bot.study.deck_loading.reload_decks; this cog is the one
place that runs it for the bot (a command, the file watcher or SIGHUP via
bot.jobs.deck_watch), one at a time, and tells people what happened: the
maintainer who asked, every guild's maintainers' log channel, and the log.

Only the bot's owners (``settings.owner_ids`` or the application's owner) and
members holding ``settings.maintainer_role_id`` may use these commands; anyone
else gets a clear ephemeral refusal, in a server or in DMs.
"""

from __future__ import annotations

import asyncio
import logging
import os
import time
from collections.abc import Iterable, Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Final

import discord
from discord import app_commands
from discord.app_commands import locale_str
from discord.ext import commands

from bot.decks.errors import Problem
from bot.discord import text
from bot.discord.cogs._learner import NO_MENTIONS, Reply, answer, language_of
from bot.discord.cogs.daily import ChannelId
from bot.discord.translator import message
from bot.jobs.deck_watch import DeckWatcher, LoopLagMonitor
from bot.study import deck_reports
from bot.study.deck_loading import TRIGGER_COMMAND, DeckOutcome, ReloadReport, reload_decks
from bot.study.deck_reports import DeckInfo, LeechReport
from bot.study.prompt_context import loaded_decks

if TYPE_CHECKING:
    from bot.discord.client import StudyBot

log = logging.getLogger(__name__)

Interaction = discord.Interaction[discord.Client]
COLOR_OK = discord.Colour.green()
COLOR_REFUSED = discord.Colour.red()
COLOR_INFO = discord.Colour.blurple()
MAX_AUTOCOMPLETE: Final = 25
#: Discord allows at most 25 fields in an embed.
MAX_FIELDS: Final = 25


def may_maintain(
    user_id: int,
    role_ids: Iterable[int],
    *,
    owner_ids: Iterable[int],
    maintainer_role_id: int | None,
    app_owner: bool,
) -> bool:
    """Who may reload decks: configured owners, the application owner, the maintainer role."""
    if app_owner or user_id in set(owner_ids):
        return True
    return maintainer_role_id is not None and maintainer_role_id in set(role_ids)


def fit_lines(lines: Sequence[str], limit: int, more: str) -> str:
    """``lines`` joined, cut to ``limit`` characters; the rest counted by ``more`` ({n}).

    A maintainer would rather see the first problems whole and how many were
    left out than every problem cut in the middle.
    """
    shown: list[str] = []
    for index, line in enumerate(lines):
        line = text.cut(line, limit)
        rest = len(lines) - index - 1
        tail = "\n" + more.format(n=rest) if rest else ""
        candidate = "\n".join([*shown, line])
        if len(candidate) + len(tail) <= limit:
            shown.append(line)
            continue
        footer = more.format(n=len(lines) - index)
        while shown and len("\n".join([*shown, footer])) > limit:
            shown.pop()
            footer = more.format(n=len(lines) - len(shown))
        return text.cut("\n".join([*shown, footer]), limit)
    return "\n".join(shown)


def shown_path(path: str, decks_dir: Path) -> str:
    """``decks/x.yaml`` rather than the server's absolute path."""
    base = decks_dir.resolve().parent
    try:
        relative = os.path.relpath(os.path.realpath(path), base)
    except ValueError:
        return path
    return path if relative.startswith("..") else relative


def problem_line(problem: Problem, decks_dir: Path) -> str:
    return str(Problem(shown_path(problem.path, decks_dir), problem.line, problem.col,
                       problem.message))


def outcome_lines(outcome: DeckOutcome, lang: str, decks_dir: Path) -> list[str]:
    result = outcome.result
    if result is None:
        head = message("deck_admin.reload.refused", lang, deck=outcome.deck_id)
        return [head, *(problem_line(p, decks_dir) for p in outcome.problems)]
    return [message("deck_admin.reload.ok", lang, deck=outcome.deck_id, added=len(result.added),
                    changed=len(result.changed), retired=len(result.retired),
                    restored=len(result.restored))]


def report_lines(report: ReloadReport, lang: str, decks_dir: Path) -> list[str]:
    if report.unknown is not None:
        return [message("deck_admin.unknown_deck", lang, deck=report.unknown)]
    if not report.outcomes:
        return [message("deck_admin.reload.nothing", lang)]
    # Refused decks first: they are what the maintainer has to act on.
    ordered = sorted(report.outcomes, key=lambda o: o.ok)
    return [line for o in ordered for line in outcome_lines(o, lang, decks_dir)]


def report_text(report: ReloadReport, lang: str, decks_dir: Path, limit: int) -> str:
    return fit_lines(report_lines(report, lang, decks_dir), limit,
                     message("deck_admin.reload.more", lang, n="{n}"))


def _percent(value: float) -> str:
    return f"{value * 100:.0f}%"


def _stamp(at: datetime) -> str:
    return f"<t:{int(at.timestamp())}:f>"


def info_lines(info: DeckInfo, lang: str) -> list[tuple[str, str]]:
    """(field name, value) pairs of one deck's /deck info."""
    cards = ", ".join(f"{kind} {n}" for kind, n in sorted(info.cards_by_type.items())) or "0"
    if info.retired:
        cards += " · " + message("deck_admin.info.retired", lang, n=info.retired)
    retention = (message("deck_admin.info.retention_none", lang) if info.retention is None
                 else f"{_percent(info.retention)} ({info.reviews_recent})")
    last = info.last_reload
    if last is None:
        reload_value = message("deck_admin.info.never", lang)
    elif last.ok:
        reload_value = message(
            "deck_admin.info.reload_ok", lang, when=_stamp(last.at),
            trigger=message(f"deck_admin.trigger.{last.trigger}", lang), **last.counts)
    else:
        reload_value = message(
            "deck_admin.info.reload_failed", lang, when=_stamp(last.at),
            trigger=message(f"deck_admin.trigger.{last.trigger}", lang), n=len(last.problems))
    return [
        (message("deck_admin.info.cards", lang), cards),
        (message("deck_admin.info.learners", lang), str(info.learners)),
        (message("deck_admin.info.reviews", lang),
         message("deck_admin.info.reviews_value", lang, total=info.reviews,
                 recent=info.reviews_recent)),
        (message("deck_admin.info.retention", lang), retention),
        (message("deck_admin.info.last_reload", lang), reload_value),
    ]


def leech_lines(report: LeechReport, lang: str, decks_dir: Path) -> list[str]:
    where = shown_path(report.path, decks_dir)
    lines = [message("deck_admin.leeches.intro", lang), ""]
    if not report.leeches:
        lines.append(message("deck_admin.leeches.none", lang))
    for leech in report.leeches:
        card = leech.card_id if leech.face == 1 else f"{leech.card_id} c{leech.face}"
        if leech.retired:
            card += " " + message("deck_admin.leeches.retired", lang)
        lines.append(message(
            "deck_admin.leeches.line", lang, where=f"{where}:{leech.line or 1}", card=card,
            question=text.cut(text.one_line(leech.question), 80), learners=leech.learners,
            lapses=leech.lapses))
    lines += ["", "**" + message("deck_admin.leeches.daily", lang) + "**"]
    if not report.weak_daily:
        lines.append(message("deck_admin.leeches.daily_none", lang))
    for weak in report.weak_daily:
        lines.append(message(
            "deck_admin.leeches.daily_line", lang, where=f"{where}:{weak.line or 1}",
            card=weak.card_id, question=text.cut(text.one_line(weak.question), 80),
            correct=weak.correct, answers=weak.answers, rate=_percent(weak.rate)))
    return lines


class DeckAdmin(commands.Cog):
    deck = app_commands.Group(
        name=locale_str("deck"),
        description=locale_str("Reload deck files and see how decks do (maintainers)"),
    )

    def __init__(self, bot: StudyBot) -> None:
        self.bot = bot
        self._lock = asyncio.Lock()
        self.watcher = DeckWatcher(bot.settings.decks_dir, self._reload_for_job)
        self.lag = LoopLagMonitor() if bot.settings.loop_lag_monitor else None

    async def cog_load(self) -> None:
        await self.watcher.start()
        if self.lag is not None:
            self.lag.start()

    async def cog_unload(self) -> None:
        await self.watcher.stop()
        if self.lag is not None:
            await self.lag.stop()

    # -- the one reload ---------------------------------------------------------------------

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

    async def _reload_for_job(self, paths: Sequence[Path] | None, trigger: str) -> None:
        await self.reload(paths=paths, trigger=trigger)

    def _handles(self, guild_id: int) -> bool:
        """With several shard processes, each reports to the guilds of its own shards."""
        owns = getattr(self.bot, "owns_guild", None)
        if callable(owns):
            return bool(owns(guild_id))
        count = self.bot.shard_count
        if not count or count == 1 or self.bot.shard_id is None:
            return True
        return (guild_id >> 22) % count == self.bot.shard_id

    def _guild_language(self, guild_id: int, default: str) -> str:
        """The guild's own language (as /daily posts use), else the bot's."""
        guild = self.bot.get_guild(guild_id)
        if guild is None:
            return default
        return "ko" if guild.preferred_locale is discord.Locale.korean else "en"

    async def _tell_log_channels(
        self, report: ReloadReport, trigger: str, by_user: int | None
    ) -> None:
        channels = await deck_reports.log_channels(self.bot.db.sessions)
        lang = self.bot.settings.language
        decks_dir = self.bot.settings.decks_dir
        for guild_id, channel_id in channels.items():
            if not self._handles(guild_id):
                continue
            guild_lang = self._guild_language(guild_id, lang)
            head = "**" + message("deck_admin.reload.title", guild_lang) + "** · " + message(
                "deck_admin.reload.by", guild_lang,
                who=f"<@{by_user}>" if by_user is not None else "studybot",
                trigger=message(f"deck_admin.trigger.{trigger}", guild_lang))
            body = report_text(report, guild_lang, decks_dir,
                               text.MESSAGE_CONTENT - len(head) - 1)
            try:
                await self.bot.get_partial_messageable(channel_id).send(
                    head + "\n" + body, allowed_mentions=NO_MENTIONS)
            except discord.HTTPException as error:
                log.warning("could not report a deck reload in channel %s: %s", channel_id,
                            error)

    # -- permission -------------------------------------------------------------------------

    async def _allowed(self, interaction: Interaction) -> bool:
        user = interaction.user
        roles = [r.id for r in user.roles] if isinstance(user, discord.Member) else []
        settings = self.bot.settings
        if may_maintain(user.id, roles, owner_ids=settings.owner_ids,
                        maintainer_role_id=settings.maintainer_role_id, app_owner=False):
            return True
        try:
            return await self.bot.is_owner(user)
        except discord.HTTPException:
            return False

    async def _refuse(self, interaction: Interaction) -> bool:
        if await self._allowed(interaction):
            return False
        lang = await language_of(self.bot, interaction)
        await interaction.response.send_message(
            message("deck_admin.refuse.not_maintainer", lang), ephemeral=True,
            allowed_mentions=NO_MENTIONS)
        return True

    # -- commands ---------------------------------------------------------------------------

    @deck.command(name=locale_str("reload"),
                  description=locale_str("Re-read deck files; learners keep their history"))
    @app_commands.describe(deck=locale_str("The deck to reload (empty: every deck)"))
    async def reload_command(self, interaction: Interaction, deck: str | None = None) -> None:
        if await self._refuse(interaction):
            return

        async def work() -> Reply:
            lang = await language_of(self.bot, interaction)
            report = await self.reload(deck_id=(deck or "").strip() or None,
                                       trigger=TRIGGER_COMMAND, by_user=interaction.user.id)
            body = report_text(report, lang, self.bot.settings.decks_dir,
                               text.EMBED_DESCRIPTION)
            return Reply(discord.Embed(
                title=message("deck_admin.reload.title", lang), description=body,
                colour=COLOR_OK if report.ok else COLOR_REFUSED))

        await answer(interaction, work())

    @deck.command(name=locale_str("log-channel"),
                  description=locale_str("Where every deck reload is reported in this server"))
    @app_commands.describe(channel=locale_str("The channel (empty: stop reporting here)"))
    async def log_channel(
        self, interaction: Interaction,
        channel: app_commands.Transform[int, ChannelId] | None = None,
    ) -> None:
        if await self._refuse(interaction):
            return
        lang = await language_of(self.bot, interaction)
        guild_id = interaction.guild_id
        if guild_id is None:
            await interaction.response.send_message(
                message("deck_admin.refuse.guild_only", lang), ephemeral=True)
            return

        async def work() -> Reply:
            if channel is not None and not self._can_post(interaction, channel):
                return Reply(discord.Embed(
                    description=message("deck_admin.log_channel.cannot_post", lang,
                                        channel=f"<#{channel}>"),
                    colour=COLOR_REFUSED))
            await deck_reports.set_log_channel(self.bot.db.sessions, guild_id, channel,
                                               interaction.user.id, self.bot.clock())
            body = (message("deck_admin.log_channel.cleared", lang) if channel is None else
                    message("deck_admin.log_channel.set", lang, channel=f"<#{channel}>"))
            return Reply(discord.Embed(description=body, colour=COLOR_OK))

        await answer(interaction, work())

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
    async def info(self, interaction: Interaction, deck: str | None = None) -> None:
        if await self._refuse(interaction):
            return

        async def work() -> Reply:
            lang = await language_of(self.bot, interaction)
            ids = await self._decks(deck, lang)
            if isinstance(ids, Reply):
                return ids
            now = self.bot.clock()
            infos = [i for i in [await deck_reports.deck_info(self.bot.db.sessions, d, now)
                                 for d in ids] if i is not None]
            if len(infos) == 1:
                (one,) = infos
                embed = discord.Embed(
                    title=text.cut(message("deck_admin.info.title", lang, title=one.title,
                                           deck=one.deck_id), text.EMBED_TITLE),
                    colour=COLOR_INFO)
                for name, value in info_lines(one, lang):
                    embed.add_field(name=name, value=text.cut(value, text.EMBED_FIELD_VALUE),
                                    inline=False)
                return Reply(embed)
            embed = discord.Embed(title=message("cmd.deck.info.name", lang), colour=COLOR_INFO)
            for item in infos[:MAX_FIELDS]:
                value = "\n".join(f"{name}: {val}" for name, val in info_lines(item, lang))
                embed.add_field(
                    name=text.cut(message("deck_admin.info.title", lang, title=item.title,
                                          deck=item.deck_id), text.EMBED_FIELD_NAME),
                    value=text.cut(value, text.EMBED_FIELD_VALUE), inline=False)
            return Reply(embed)

        await answer(interaction, work())

    @deck.command(name=locale_str("leeches"),
                  description=locale_str(
                      "Cards learners keep failing, with where they are in the file"))
    @app_commands.describe(deck=locale_str("The deck (empty: every deck)"))
    async def leeches(self, interaction: Interaction, deck: str | None = None) -> None:
        if await self._refuse(interaction):
            return

        async def work() -> Reply:
            lang = await language_of(self.bot, interaction)
            ids = await self._decks(deck, lang)
            if isinstance(ids, Reply):
                return ids
            lines: list[str] = []
            for deck_id in ids:
                report = await deck_reports.deck_leeches(self.bot.db.sessions, deck_id)
                if report is None:
                    continue
                if len(ids) > 1:
                    lines += ["", f"__**{deck_id}**__"]
                lines += leech_lines(report, lang, self.bot.settings.decks_dir)
            title = (message("deck_admin.leeches.title", lang, deck=ids[0]) if len(ids) == 1
                     else message("cmd.deck.leeches.name", lang))
            body = fit_lines(lines, text.EMBED_DESCRIPTION,
                             message("deck_admin.reload.more", lang, n="{n}"))
            return Reply(discord.Embed(title=text.cut(title, text.EMBED_TITLE),
                                       description=body.strip() or "-", colour=COLOR_INFO))

        await answer(interaction, work())

    async def _decks(self, deck: str | None, lang: str) -> list[str] | Reply:
        """The deck ids a report covers (the one asked for, else all), or the refusal."""
        known = [d.id for d in await loaded_decks(self.bot.db.sessions)]
        if deck is not None and deck.strip():
            if deck.strip() not in known:
                return _refusal(message("deck_admin.unknown_deck", lang, deck=deck))
            return [deck.strip()]
        return known or _refusal(message("deck_admin.no_decks", lang))

    @reload_command.autocomplete("deck")
    @info.autocomplete("deck")
    @leeches.autocomplete("deck")
    async def deck_autocomplete(
        self, interaction: Interaction, current: str
    ) -> list[app_commands.Choice[str]]:
        if not await self._allowed(interaction):
            return []
        needle = current.strip().casefold()
        choices = []
        for deck in await loaded_decks(self.bot.db.sessions):
            name = text.cut(text.one_line(f"{deck.title} ({deck.id})"), text.CHOICE_NAME)
            if needle in name.casefold():
                choices.append(app_commands.Choice(name=name, value=deck.id))
        return choices[:MAX_AUTOCOMPLETE]


def _refusal(body: str) -> Reply:
    return Reply(discord.Embed(description=body, colour=COLOR_REFUSED))


async def setup(bot: commands.Bot) -> None:
    from bot.discord.client import StudyBot

    if not isinstance(bot, StudyBot):
        raise TypeError("the deck admin cog needs a StudyBot")
    await bot.add_cog(DeckAdmin(bot))
