"""/remind: one DM a day at the learner's local time when cards are due, with "Study now".

Who is due a reminder, and the once-a-day claim, are bot.study.reminders';
pacing is bot.jobs'.  A closed DM (Discord's 50007) switches reminders off,
and the learner is told the next time a command of theirs completes.
"""

from __future__ import annotations

import logging
import re
from typing import TYPE_CHECKING, Any, Final

import discord
from discord import app_commands
from discord.app_commands import locale_str
from discord.ext import commands

from bot.discord import text
from bot.discord.components.opening import MODE_REVIEW, deliver, open_study
from bot.discord.interactions import (
    NO_MENTIONS,
    Screen,
    language_of,
    refuse_foreign,
    respond,
    study_bot,
)
from bot.discord.timestamps import local_when
from bot.discord.translator import counted, message
from bot.i18n import normalize_language
from bot.i18n.study_text import cards, left_split
from bot.jobs.clock import clock_file_of
from bot.jobs.reminders import DmResult, ReminderJob
from bot.jobs.scheduler import Ticker
from bot.study import reminders
from bot.study.daily import parse_local_time
from bot.study.reminders import DueReminder

if TYPE_CHECKING:
    from bot.discord.client import StudyBot

log = logging.getLogger(__name__)

Interaction = discord.Interaction[discord.Client]
Button = discord.ui.Button[discord.ui.View]

STUDY_NOW: Final = r"sb:remind:study:(?P<user>\d+)"
#: Discord's "Cannot send messages to this user".
CANNOT_DM: Final = 50007


def study_now_id(user: int) -> str:
    return f"sb:remind:study:{user}"


def remind_command(lang: str) -> str:
    return "/" + " ".join((message("cmd.remind.name", lang), message("cmd.remind.on.name", lang)))


class DmSender:
    """`ReminderActions` over discord.py: open the DM and send, reporting a closed one."""

    def __init__(self, bot: StudyBot) -> None:
        self.bot = bot

    async def remind(self, due: DueReminder) -> DmResult:
        lang = normalize_language(due.locale) or normalize_language(self.bot.settings.language)
        lang = lang or "ko"
        body = counted("remind.dm.body", lang, due.left.total, cards=cards(due.left.total, lang),
                       split=left_split(due.left, lang))
        if due.backlog is not None:
            body += "\n" + message(due.backlog.reason, lang, **due.backlog.message_args())
        embed = discord.Embed(
            title=message("remind.dm.title", lang),
            description=body,
            colour=discord.Colour.blurple(),
        )
        view = discord.ui.View(timeout=None)
        view.add_item(discord.ui.Button(label=text.label(message("remind.dm.study_now", lang)),
                                        custom_id=study_now_id(due.user_id),
                                        style=discord.ButtonStyle.primary))
        view.stop()
        try:
            channel = await self.bot.create_dm(discord.Object(id=due.user_id))
            await channel.send(**Screen([embed], view).send_kwargs())
        except discord.Forbidden as refused:
            if refused.code == CANNOT_DM:
                return DmResult.CLOSED
            log.warning("reminder DM to %s refused: %s", due.user_id, refused)
            return DmResult.FAILED
        except discord.HTTPException as failed:
            log.warning("reminder DM to %s failed: %s", due.user_id, failed)
            return DmResult.FAILED
        return DmResult.SENT


class StudyNowButton(discord.ui.DynamicItem[Button], template=STUDY_NOW):
    """Starts (or resumes) the learner's session right under the reminder."""

    def __init__(self, user: int) -> None:
        super().__init__(discord.ui.Button(label="-", custom_id=study_now_id(user)))
        self.user = user

    @classmethod
    async def from_custom_id(
        cls, interaction: Interaction, item: discord.ui.Item[Any], match: re.Match[str]
    ) -> StudyNowButton:
        return cls(int(match["user"]))

    async def callback(self, interaction: Interaction) -> None:
        if await refuse_foreign(interaction, self.user):
            return
        bot = study_bot(interaction)
        await interaction.response.defer(thinking=True)
        lang = await language_of(interaction)
        opening = await open_study(bot, self.user, None, MODE_REVIEW, lang,
                                   now=bot.jobs_clock(), from_reminder=True)
        await deliver(interaction, opening, lang)


class Remind(commands.Cog):
    remind = app_commands.Group(
        name=locale_str("remind"),
        description=locale_str("A daily DM when cards are due"),
    )

    def __init__(self, bot: StudyBot) -> None:
        self.bot = bot
        self.clock = bot.jobs_clock
        self.job = ReminderJob(bot.db.runner, DmSender(bot))
        self.ticker = Ticker("remind", self.job.tick, clock=self.clock,
                             clock_file=clock_file_of(bot.settings))

    async def cog_load(self) -> None:
        self.bot.add_dynamic_items(StudyNowButton)
        self.ticker.start()

    async def cog_unload(self) -> None:
        await self.ticker.stop()
        self.bot.remove_dynamic_items(StudyNowButton)

    @remind.command(name=locale_str("on"), description=locale_str("Turn the daily reminder on"))
    @app_commands.describe(time=locale_str("Your local time for it, e.g. 19:00, 7pm"))
    async def remind_on(self, interaction: Interaction, time: str | None = None) -> None:
        async def work() -> Screen:
            lang = await language_of(interaction)
            at = None
            if time is not None:
                at = parse_local_time(time)
                if at is None:
                    return Screen([discord.Embed(
                        description=message("remind.bad_time", lang, value=time),
                        colour=discord.Colour.red(),
                    )])
            view = await reminders.set_reminder(self.bot.db.runner, interaction.user.id, True,
                                                at, self.clock(), self.bot.defaults)
            self.ticker.wake()
            body = message("remind.on", lang, time=view.local_time.strftime("%H:%M"),
                           zone=view.timezone, next=local_when(view.next_at, view.timezone))
            return Screen([discord.Embed(description=body, colour=discord.Colour.green())])

        await respond(interaction, work())

    @remind.command(name=locale_str("off"), description=locale_str("Turn the daily reminder off"))
    async def remind_off(self, interaction: Interaction) -> None:
        async def work() -> Screen:
            lang = await language_of(interaction)
            await reminders.set_reminder(self.bot.db.runner, interaction.user.id, False, None,
                                         self.clock(), self.bot.defaults)
            return Screen([discord.Embed(description=message("remind.off", lang),
                                         colour=discord.Colour.green())])

        await respond(interaction, work())

    @commands.Cog.listener()
    async def on_app_command_completion(
        self, interaction: Interaction, command: app_commands.Command[Any, ..., Any]
    ) -> None:
        """Tell a learner once, after their next command, that reminders were switched off."""
        reason = await reminders.take_notice(self.bot.db.runner, interaction.user.id)
        if reason is None:
            return
        lang = await language_of(interaction)
        try:
            await interaction.followup.send(
                message("remind.notice.dms_closed", lang, remind=remind_command(lang)),
                ephemeral=True, allowed_mentions=NO_MENTIONS,
            )
        except discord.HTTPException as failed:
            log.warning("could not tell %s that reminders are off: %s",
                        interaction.user.id, failed)


async def setup(bot: commands.Bot) -> None:
    from bot.discord.client import StudyBot

    if not isinstance(bot, StudyBot):
        raise TypeError("the remind cog needs a StudyBot")
    await bot.add_cog(Remind(bot))
