"""/daily: a study group's question of the day, its answer buttons, and the job that posts it.

The cog is thin: set-up is validated by bot.study.daily, posting and
revealing are decided by bot.jobs.daily (`DailyJob.tick`), and this module
only lays the post out and talks to Discord.  The job starts in `cog_load`
and stops in `cog_unload`.

Answer buttons are DynamicItems whose custom_id holds only the post id (and
an option index): a click after a restart reloads the post from the
database, and one member's second click finds their first answer.
"""

from __future__ import annotations

import logging
import re
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any, Final

import discord
from discord import app_commands
from discord.app_commands import locale_str
from discord.ext import commands

from bot.decks.matching import Verdict
from bot.discord import text
from bot.discord.cogs._learner import (
    NO_MENTIONS,
    Reply,
    answer,
    client_language,
    command_names,
    language_of,
    study_bot,
)
from bot.discord.cogs.settings import timezone_choices
from bot.discord.components.modals import text_values
from bot.discord.translator import counted, message
from bot.jobs.clock import Clock, FileClock, clock_file_of
from bot.jobs.daily import DailyJob, PostRefusedError
from bot.jobs.scheduler import Ticker
from bot.srs.day import zone
from bot.study import daily
from bot.study.daily import (
    DEFAULT_REVEAL_MINUTES,
    DailyOutcome,
    DailyResponse,
    DailySetup,
    DailySetupError,
    DailyStatus,
    PickAnswer,
    PostView,
    ProblemKind,
    RevealView,
    TextAnswer,
)
from bot.study.prompt_context import loaded_decks

if TYPE_CHECKING:
    from bot.discord.client import StudyBot

log = logging.getLogger(__name__)

Interaction = discord.Interaction[discord.Client]
Button = discord.ui.Button[discord.ui.View]

PICK: Final = r"sb:daily:pick:(?P<post>\d+):(?P<index>\d{1,2})"
OPEN: Final = r"sb:daily:open:(?P<post>\d+)"
TEXT: Final = r"sb:daily:text:(?P<post>\d+)"
ANSWER_INPUT: Final = "sb:daily:answer"
COLOR_POST = discord.Colour.gold()
COLOR_REVEAL = discord.Colour.dark_gold()
#: Discord shows at most 5 rows of 5 buttons.
MAX_OPTIONS: Final = 25
MAX_AUTOCOMPLETE: Final = 25
#: What the bot needs in the channel to post the question.
NEEDED = discord.Permissions(view_channel=True, send_messages=True, embed_links=True)

_clocks: dict[str, FileClock] = {}


def jobs_clock(bot: StudyBot) -> Clock:
    """The clock the daily question runs on: ``STUDYBOT_CLOCK_FILE`` when set, else the bot's.

    Once client.py builds ``bot.clock`` from the same setting this is simply
    ``bot.clock``; until then the study-group cogs read the file themselves.
    """
    path = clock_file_of(bot.settings)
    if path is None:
        return bot.clock
    clock = _clocks.get(str(path))
    if clock is None:
        clock = _clocks[str(path)] = FileClock(path)
    return clock


def pick_id(post: int, index: int) -> str:
    return f"sb:daily:pick:{post}:{index}"


def open_id(post: int) -> str:
    return f"sb:daily:open:{post}"


def text_id(post: int) -> str:
    return f"sb:daily:text:{post}"


def _stamp(at: datetime, style: str = "f") -> str:
    """A Discord timestamp: every reader sees it in their own time zone."""
    return f"<t:{int(at.timestamp())}:{style}>"


def local_when(at: datetime | None, zone_name: str, lang: str) -> str:
    """``2026-11-26 09:00 (Asia/Seoul) · <t:…:R>``: the group's local time and a relative one."""
    if at is None:
        return "-"
    local = at.astimezone(zone(zone_name)).strftime("%Y-%m-%d %H:%M")
    return f"{local} ({zone_name}) · {_stamp(at, 'R')}"


def duration(minutes: int, lang: str) -> str:
    hours, rest = divmod(minutes, 60)
    if lang == "ko":
        return " ".join(p for p in (f"{hours}시간" if hours else "", f"{rest}분" if rest else "")
                        if p)
    return " ".join(p for p in (f"{hours} h" if hours else "", f"{rest} min" if rest else "") if p)


# -- the post ---------------------------------------------------------------------------------


#: Room for the question when the reveal adds the answer and the back (each up to 1024).
REVEAL_QUESTION_BUDGET: Final = 2800


def post_embed(view: PostView, budget: int = text.EMBED_DESCRIPTION - 200) -> discord.Embed:
    """The question; ``budget`` keeps the whole embed under Discord's 6000 characters."""
    lang = view.language
    face = view.text
    body = face.question
    if face.type == "choice":
        body += "\n\n" + "\n".join(f"{i}. {c}" for i, c in enumerate(face.choices, 1))
    embed = discord.Embed(
        title=text.cut(text.one_line(message("daily.post.title", lang, deck=view.deck_title)),
                       text.EMBED_TITLE),
        description=text.cut(body, budget),
        colour=COLOR_POST,
    )
    embed.add_field(
        name=message("daily.post.reveal_at", lang),
        value=f"{_stamp(view.reveal_due_at, 't')} ({_stamp(view.reveal_due_at, 'R')})",
    )
    embed.set_footer(text=message("daily.post.how", lang))
    return embed


def post_buttons(view: PostView) -> discord.ui.View:
    buttons = discord.ui.View(timeout=None)
    if view.text.type == "choice":
        for index, option in enumerate(view.text.choices[:MAX_OPTIONS]):
            buttons.add_item(discord.ui.Button(
                label=text.label(f"{index + 1}. {option}"),
                custom_id=pick_id(view.post_id, index),
                style=discord.ButtonStyle.secondary,
                row=index // 5,
            ))
    else:
        buttons.add_item(discord.ui.Button(
            label=text.label(message("daily.post.answer_button", view.language)),
            custom_id=open_id(view.post_id),
            style=discord.ButtonStyle.primary,
        ))
    buttons.stop()  # clicks go through the DynamicItems; nothing to keep per message
    return buttons


def reveal_embed(reveal: RevealView) -> discord.Embed:
    view = reveal.post
    lang = view.language
    embed = post_embed(view, REVEAL_QUESTION_BUDGET)
    embed.title = text.cut(
        text.one_line(message("daily.reveal.title", lang, deck=view.deck_title)), text.EMBED_TITLE
    )
    embed.colour = COLOR_REVEAL
    embed.clear_fields()
    embed.add_field(name=message("daily.reveal.answer", lang),
                    value=text.cut(view.text.answer or "-", text.EMBED_FIELD_VALUE), inline=False)
    if view.text.extra:
        embed.add_field(name=message("daily.reveal.extra", lang),
                        value=text.cut(view.text.extra, text.EMBED_FIELD_VALUE), inline=False)
    if reveal.answered:
        figures = counted("daily.reveal.figures", lang, reveal.answered,
                          rate=round(100 * reveal.correct_share))
    else:
        figures = message("daily.reveal.nobody", lang)
    embed.add_field(name=message("daily.reveal.results", lang), value=figures, inline=False)
    if reveal.first_correct:
        embed.add_field(name=message("daily.reveal.first", lang),
                        value=", ".join(f"<@{uid}>" for uid in reveal.first_correct),
                        inline=False)
    embed.set_footer(text=message("daily.reveal.closed", lang))
    return embed


class ChannelPoster:
    """`DailyActions` over discord.py: only REST calls, so no cache is needed."""

    def __init__(self, bot: StudyBot) -> None:
        self.bot = bot

    def handles(self, guild_id: int) -> bool:
        """Only the process that runs the guild's shard posts for it."""
        return self.bot.owns_guild(guild_id)

    async def post(self, view: PostView) -> int:
        channel = self.bot.get_partial_messageable(view.channel_id, guild_id=view.guild_id)
        try:
            sent = await channel.send(embed=post_embed(view), view=post_buttons(view),
                                      allowed_mentions=NO_MENTIONS)
        except (discord.Forbidden, discord.NotFound) as refused:
            raise PostRefusedError(str(refused)) from refused
        return sent.id

    async def reveal(self, view: RevealView) -> None:
        post = view.post
        if post.message_id is None:
            return
        channel = self.bot.get_partial_messageable(post.channel_id, guild_id=post.guild_id)
        try:
            await channel.get_partial_message(post.message_id).edit(
                embed=reveal_embed(view), view=post_buttons(post), allowed_mentions=NO_MENTIONS
            )
        except (discord.Forbidden, discord.NotFound) as refused:
            raise PostRefusedError(str(refused)) from refused


# -- answering --------------------------------------------------------------------------------


def feedback(outcome: DailyOutcome, lang: str) -> str:
    status = outcome.status
    if status is DailyStatus.LATE:
        return message("daily.feedback.late", lang, answer=outcome.answer or "-")
    if status is DailyStatus.ALREADY:
        key = "daily.feedback.already_right" if outcome.correct else "daily.feedback.already_wrong"
        lines = [message(key, lang)]
        if outcome.answer:
            lines.append(message("daily.feedback.answer_is", lang, answer=outcome.answer))
        return "\n".join(lines)
    if status is not DailyStatus.RECORDED:
        return message("daily.feedback.gone", lang)
    if outcome.correct:
        lines = [message("daily.feedback.right", lang, points=outcome.points)]
    elif outcome.verdict is Verdict.ALMOST:
        lines = [message("daily.feedback.almost", lang)]
    else:
        lines = [message("daily.feedback.wrong", lang)]
    if outcome.reviewed:
        lines.append(message("daily.feedback.reviewed", lang))
    return "\n".join(lines)


async def _answer_work(interaction: Interaction, post_id: int, response: DailyResponse) -> Reply:
    bot = study_bot(interaction)
    lang = await language_of(bot, interaction)
    now = jobs_clock(bot)()
    outcome = await daily.answer(bot.db.runner, post_id, interaction.user.id, response, now)
    colour = discord.Colour.green() if outcome.correct and outcome.status is DailyStatus.RECORDED \
        else discord.Colour.light_grey()
    return Reply(discord.Embed(description=text.cut(feedback(outcome, lang), 4000),
                               colour=colour))


async def submit(interaction: Interaction, post_id: int, response: DailyResponse) -> None:
    """Reply privately (ephemeral in the channel) with the verdict, within Discord's 3 s."""
    await answer(interaction, _answer_work(interaction, post_id, response))


class PickOption(discord.ui.DynamicItem[Button], template=PICK):
    def __init__(self, post: int, index: int) -> None:
        super().__init__(discord.ui.Button(label="-", custom_id=pick_id(post, index)))
        self.post, self.index = post, index

    @classmethod
    async def from_custom_id(
        cls, interaction: Interaction, item: discord.ui.Item[Any], match: re.Match[str]
    ) -> PickOption:
        return cls(int(match["post"]), int(match["index"]))

    async def callback(self, interaction: Interaction) -> None:
        await submit(interaction, self.post, PickAnswer(self.index))


class DailyAnswerModal(discord.ui.Modal):
    """Sent and forgotten: the submission is matched by custom_id in `Daily.on_interaction`."""

    def __init__(self, post: int, lang: str) -> None:
        super().__init__(
            title=text.cut(message("daily.modal.title", lang), text.MODAL_TITLE),
            custom_id=text_id(post),
            timeout=None,
        )
        self.add_item(discord.ui.TextInput(
            label=text.label(message("daily.modal.label", lang), text.MODAL_LABEL),
            custom_id=ANSWER_INPUT,
            style=discord.TextStyle.short,
            max_length=400,
            required=True,
        ))


class OpenAnswer(discord.ui.DynamicItem[Button], template=OPEN):
    def __init__(self, post: int) -> None:
        super().__init__(discord.ui.Button(label="-", custom_id=open_id(post)))
        self.post = post

    @classmethod
    async def from_custom_id(
        cls, interaction: Interaction, item: discord.ui.Item[Any], match: re.Match[str]
    ) -> OpenAnswer:
        return cls(int(match["post"]))

    async def callback(self, interaction: Interaction) -> None:
        modal = DailyAnswerModal(self.post, client_language(interaction))
        await interaction.response.send_modal(modal)
        modal.stop()


_TEXT = re.compile(TEXT)


DYNAMIC_ITEMS = (PickOption, OpenAnswer)


# -- the cog ----------------------------------------------------------------------------------


class ChannelId(app_commands.Transformer):
    """A text channel option, kept as its id (resolved or not, the id is all we store)."""

    @property
    def type(self) -> discord.AppCommandOptionType:
        return discord.AppCommandOptionType.channel

    @property
    def channel_types(self) -> list[discord.ChannelType]:
        return [discord.ChannelType.text, discord.ChannelType.news]

    async def transform(self, interaction: Interaction, value: Any) -> int:
        return int(value.id)


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
        self.clock = jobs_clock(bot)
        self.job = DailyJob(
            bot.db.sessions, ChannelPoster(bot),
            grace=timedelta(minutes=bot.settings.daily_grace_minutes),
        )
        self.ticker = Ticker(
            "daily", self.job.tick, clock=self.clock,
            next_wake=lambda now: daily.next_wake(bot.db.sessions, now),
            clock_file=clock_file_of(bot.settings),
        )

    async def cog_load(self) -> None:
        self.bot.add_dynamic_items(*DYNAMIC_ITEMS)
        self.ticker.start()

    async def cog_unload(self) -> None:
        await self.ticker.stop()
        self.bot.remove_dynamic_items(*DYNAMIC_ITEMS)

    async def _refuse(self, interaction: Interaction) -> bool:
        """A clear refusal for members without Manage Server (Discord may still show them)."""
        if can_manage(interaction):
            return False
        lang = await language_of(self.bot, interaction)
        key = "daily.refuse.manage_guild" if interaction.guild else "daily.refuse.guild_only"
        await interaction.response.send_message(message(key, lang), ephemeral=True)
        return True

    @daily.command(
        name=locale_str("setup"),
        description=locale_str("Pick a channel, a deck and a time for the daily question"),
    )
    @app_commands.describe(
        channel=locale_str("Where to post the question"),
        deck=locale_str("The deck the questions come from"),
        time=locale_str("Local time to post, e.g. 09:00"),
        timezone=locale_str("Time zone of that time (default: the bot's)"),
        reveal_after=locale_str("How long until the answer is revealed, e.g. 8h, 90m (default 8h)"),
    )
    async def setup_daily(
        self,
        interaction: Interaction,
        channel: app_commands.Transform[int, ChannelId],
        deck: str,
        time: str,
        timezone: str | None = None,
        reveal_after: str | None = None,
    ) -> None:
        if await self._refuse(interaction):
            return
        await answer(interaction, self._setup(interaction, channel, deck, time, timezone,
                                              reveal_after))

    async def _setup(self, interaction: Interaction, channel_id: int, deck: str, at: str,
                     timezone: str | None, reveal_after: str | None) -> Reply:
        lang = await language_of(self.bot, interaction)
        refused = self._cannot_post(interaction, channel_id, lang)
        if refused:
            return _refusal(refused)
        post_time = daily.parse_local_time(at)
        if post_time is None:
            return _refusal(message("daily.setup.bad_time", lang, value=at))
        minutes = DEFAULT_REVEAL_MINUTES
        if reveal_after:
            parsed = daily.parse_duration_minutes(reveal_after)
            if parsed is None:
                return _refusal(message("daily.setup.bad_reveal", lang))
            minutes = parsed
        zone_name = (timezone or self.bot.settings.timezone).strip()
        assert interaction.guild_id is not None
        setup = DailySetup(
            guild_id=interaction.guild_id, channel_id=channel_id, deck_id=deck.strip(),
            post_time=post_time, timezone=zone_name, reveal_after_minutes=minutes,
            language=guild_language(interaction), created_by=interaction.user.id,
        )
        try:
            view = await daily.configure(self.bot.db.sessions, setup, self.clock())
        except DailySetupError as problem:
            return _refusal(self._problem(problem, setup, lang))
        body = message("daily.setup.done", lang, channel=f"<#{channel_id}>",
                       time=post_time.strftime("%H:%M"), zone=zone_name, deck=view.deck_title,
                       reveal=duration(minutes, lang))
        body += "\n" + message("daily.setup.next", lang,
                               when=local_when(view.next_post_at, zone_name, lang))
        return Reply(discord.Embed(description=body, colour=discord.Colour.green()))

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

    def _problem(self, problem: DailySetupError, setup: DailySetup, lang: str) -> str:
        key = {
            ProblemKind.UNKNOWN_DECK: "daily.setup.unknown_deck",
            ProblemKind.EMPTY_DECK: "daily.setup.empty_deck",
            ProblemKind.UNKNOWN_ZONE: "daily.setup.unknown_zone",
            ProblemKind.BAD_TIME: "daily.setup.bad_time",
            ProblemKind.SKIPPED_TIME: "daily.setup.skipped_time",
            ProblemKind.BAD_REVEAL: "daily.setup.bad_reveal",
        }[problem.kind]
        return message(key, lang, value=problem.detail, time=setup.post_time.strftime("%H:%M"),
                       zone=setup.timezone, **command_names(lang))

    @setup_daily.autocomplete("deck")
    async def deck_autocomplete(self, interaction: Interaction,
                                current: str) -> list[app_commands.Choice[str]]:
        wanted = current.casefold().strip()
        choices = []
        for deck in await loaded_decks(self.bot.db.sessions):
            if wanted and wanted not in deck.id.casefold() and wanted not in deck.title.casefold():
                continue
            name = text.cut(text.one_line(f"{deck.title} ({deck.id})"), text.CHOICE_NAME)
            choices.append(app_commands.Choice(name=name, value=deck.id))
        return choices[:MAX_AUTOCOMPLETE]

    @setup_daily.autocomplete("timezone")
    async def zone_autocomplete(self, interaction: Interaction,
                                current: str) -> list[app_commands.Choice[str]]:
        return timezone_choices(current, client_language(interaction), self.clock())

    @daily.command(name=locale_str("status"),
                   description=locale_str("This server's daily questions and what comes next"))
    async def status(self, interaction: Interaction) -> None:
        if await self._refuse(interaction):
            return
        await answer(interaction, self._status(interaction))

    async def _status(self, interaction: Interaction) -> Reply:
        lang = await language_of(self.bot, interaction)
        assert interaction.guild_id is not None
        views = await daily.guild_configs(self.bot.db.sessions, interaction.guild_id,
                                          self.clock())
        embed = discord.Embed(title=message("daily.status.title", lang),
                              colour=discord.Colour.blurple())
        if not views:
            names = command_names(lang)
            setup = "/" + " ".join((message("cmd.daily.name", lang),
                                    message("cmd.daily.setup.name", lang)))
            embed.description = message("daily.status.none", lang, setup=setup, **names)
        for view in views[:25]:
            lines = [message("daily.status.line", lang, deck=view.deck_title,
                             time=view.post_time.strftime("%H:%M"), zone=view.timezone,
                             reveal=duration(view.reveal_after_minutes, lang))]
            if view.paused:
                lines.append(message("daily.status.paused", lang))
            else:
                lines.append(message("daily.status.next_post", lang,
                                     when=local_when(view.next_post_at, view.timezone, lang)))
            if view.next_reveal_at is not None:
                lines.append(message("daily.status.next_reveal", lang,
                                     when=local_when(view.next_reveal_at, view.timezone, lang)))
            embed.add_field(name=f"#{self._channel_name(interaction, view.channel_id)}",
                            value=text.cut("\n".join(lines), text.EMBED_FIELD_VALUE),
                            inline=False)
        return Reply(embed)

    def _channel_name(self, interaction: Interaction, channel_id: int) -> str:
        channel = interaction.guild.get_channel(channel_id) if interaction.guild else None
        return channel.name if channel is not None else str(channel_id)

    async def _toggle(self, interaction: Interaction, action: str) -> None:
        if await self._refuse(interaction):
            return

        async def work() -> Reply:
            lang = await language_of(self.bot, interaction)
            assert interaction.guild_id is not None and interaction.channel_id is not None
            guild, channel = interaction.guild_id, interaction.channel_id
            sessions = self.bot.db.sessions
            if action == "remove":
                done = await daily.remove(sessions, guild, channel)
            else:
                done = await daily.set_paused(sessions, guild, channel, action == "pause")
            if not done:
                return _refusal(message("daily.not_configured", lang))
            resume = "/" + " ".join((message("cmd.daily.name", lang),
                                     message("cmd.daily.resume.name", lang)))
            key = {"pause": "daily.paused", "resume": "daily.resumed",
                   "remove": "daily.removed"}[action]
            self.ticker.wake()
            return Reply(discord.Embed(description=message(key, lang, resume=resume),
                                       colour=discord.Colour.green()))

        await answer(interaction, work())

    @daily.command(name=locale_str("pause"),
                   description=locale_str("Pause the daily question in this channel"))
    async def pause(self, interaction: Interaction) -> None:
        await self._toggle(interaction, "pause")

    @daily.command(name=locale_str("resume"),
                   description=locale_str("Resume the daily question in this channel"))
    async def resume(self, interaction: Interaction) -> None:
        await self._toggle(interaction, "resume")

    @daily.command(
        name=locale_str("remove"),
        description=locale_str("Stop the daily question in this channel (history stays)"),
    )
    async def remove(self, interaction: Interaction) -> None:
        await self._toggle(interaction, "remove")

    @daily.command(name=locale_str("post-now"),
                   description=locale_str("Post today's question right now (to try it out)"))
    async def post_now(self, interaction: Interaction) -> None:
        if await self._refuse(interaction):
            return

        async def work() -> Reply:
            lang = await language_of(self.bot, interaction)
            assert interaction.channel_id is not None
            now = self.clock()
            slot = await daily.post_now_slot(self.bot.db.sessions, interaction.channel_id, now)
            if slot is None:
                return _refusal(message("daily.not_configured", lang))
            post_id = await self.job.post_now(slot, now)
            if post_id is None:
                return _refusal(message("daily.post_now.taken", lang))
            view = await daily.post_view(self.bot.db.sessions, post_id)
            if view is None or view.status != "posted":
                return _refusal(message("daily.post_now.failed", lang))
            return Reply(discord.Embed(description=message("daily.post_now.done", lang),
                                       colour=discord.Colour.green()))

        await answer(interaction, work())

    @commands.Cog.listener()
    async def on_interaction(self, interaction: Interaction) -> None:
        """Daily answers typed in the modal arrive here, matched by the modal's custom_id."""
        if interaction.type is not discord.InteractionType.modal_submit:
            return
        data: dict[str, Any] = dict(interaction.data or {})
        match = _TEXT.fullmatch(str(data.get("custom_id", "")))
        if match is None:
            return
        given = text_values(list(data.get("components") or [])).get(ANSWER_INPUT, "")
        await submit(interaction, int(match["post"]), TextAnswer(given))


def _refusal(body: str) -> Reply:
    return Reply(discord.Embed(description=body, colour=discord.Colour.red()))


async def setup(bot: commands.Bot) -> None:
    from bot.discord.client import StudyBot

    if not isinstance(bot, StudyBot):
        raise TypeError("the daily cog needs a StudyBot")
    await bot.add_cog(Daily(bot))
