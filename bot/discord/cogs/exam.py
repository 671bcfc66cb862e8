"""/exam: set, clear and show a learner's exam dates, each with its plan.

The rules are the core's (bot/srs/exam.py) through bot.study.exams; this cog
reads the date as typed, and shows each deck's days left, the cards not seen
yet and why the new cards per day are what they are.
"""

from __future__ import annotations

from datetime import date as Date
from typing import TYPE_CHECKING, Any

import discord
from discord import app_commands
from discord.app_commands import locale_str
from discord.ext import commands

from bot.discord import text
from bot.discord.components.notices import plan_text
from bot.discord.interactions import Screen, language_of, respond
from bot.discord.options import DeckId
from bot.discord.translator import counted, message
from bot.i18n import format_date
from bot.study.exams import (
    ExamOverview,
    ExamProblem,
    ExamRefusedError,
    clear_exam,
    exam_overview,
    learner_day,
    parse_exam_date,
    set_exam,
)
from bot.study.plans import DeckExam

if TYPE_CHECKING:
    from bot.discord.client import StudyBot

Interaction = discord.Interaction[Any]

COLOR_EXAM = discord.Colour.blurple()
COLOR_REFUSED = discord.Colour.red()
#: Discord's most fields in one embed.
MAX_FIELDS = 25


def exam_lines(exam: DeckExam, today: Date, lang: str) -> str:
    """A deck's exam: the date and days left, then the plan's reason in words."""
    key = "exam.deck.own" if exam.own else "exam.deck.group"
    days = (exam.exam - today).days
    head = counted(key, lang, days, date=format_date(exam.exam, lang, today), days=days)
    return f"{head}\n{plan_text(exam.plan, lang)}"


def overview_embed(overview: ExamOverview, lang: str, title_key: str) -> discord.Embed:
    embed = discord.Embed(title=message(title_key, lang), colour=COLOR_EXAM)
    if not overview.exams:
        embed.description = message("exam.none", lang)
        return embed
    for exam in overview.exams[:MAX_FIELDS]:
        embed.add_field(
            name=text.cut(text.one_line(exam.title), text.EMBED_FIELD_NAME),
            value=text.cut(exam_lines(exam, overview.today, lang), text.EMBED_FIELD_VALUE),
            inline=False,
        )
    return embed


def add_exam_fields(embed: discord.Embed, overview: ExamOverview, lang: str) -> None:
    """/stats: each exam in force, its days left and the cards not seen yet."""
    for exam in overview.exams[: MAX_FIELDS - len(embed.fields)]:
        days = (exam.exam - overview.today).days
        embed.add_field(
            name=text.cut(text.one_line(message("stats.exam.name", lang, title=exam.title)),
                          text.EMBED_FIELD_NAME),
            value=counted("stats.exam.value", lang, days, days=days,
                          cards=exam.plan.cards_left, per_day=exam.plan.new_per_day),
            inline=False,
        )


def _refused(body: str) -> Screen:
    return Screen([discord.Embed(description=text.cut(body, text.EMBED_DESCRIPTION),
                                 colour=COLOR_REFUSED)])


class Exam(commands.Cog):
    exam = app_commands.Group(
        name=locale_str("exam"), description=locale_str("Plan your reviews around an exam date")
    )

    def __init__(self, bot: StudyBot) -> None:
        self.bot = bot

    @exam.command(
        name=locale_str("set"),
        description=locale_str("Set an exam date (for every deck you study unless you name one)"),
    )
    @app_commands.describe(
        date=locale_str("The exam date (e.g. 2026-12-20 or 12/20)"),
        deck=locale_str("The deck the exam covers (empty: every deck you study)"),
    )
    async def exam_set(
        self, interaction: Interaction, date: str,
        deck: app_commands.Transform[str, DeckId] | None = None,
    ) -> None:
        async def work() -> Screen:
            lang = await language_of(interaction)
            runner, now, user = self.bot.db.runner, self.bot.clock(), interaction.user.id
            today = await learner_day(runner, user, now, self.bot.defaults)
            day = parse_exam_date(date, today)
            if day is None:
                value = text.cut(text.one_line(date), 100).replace("`", "'")
                return _refused(message("exam.error.bad_date", lang, value=value))
            try:
                overview = await set_exam(runner, user, deck or None, day, now,
                                          self.bot.defaults)
            except ExamRefusedError as refused:
                if refused.problem is ExamProblem.UNKNOWN_DECK:
                    return _refused(message("exam.error.unknown_deck", lang,
                                            deck=text.cut(refused.deck or "", 100)))
                return _refused(message(f"exam.error.{refused.problem.value}", lang))
            return Screen([overview_embed(overview, lang, "exam.title.set")])

        await respond(interaction, work())

    @exam.command(
        name=locale_str("clear"),
        description=locale_str("Forget an exam date and go back to your usual schedule"),
    )
    @app_commands.describe(deck=locale_str("Only this deck's exam date (empty: all of them)"))
    async def exam_clear(
        self, interaction: Interaction, deck: app_commands.Transform[str, DeckId] | None = None
    ) -> None:
        async def work() -> Screen:
            lang = await language_of(interaction)
            cleared = await clear_exam(self.bot.db.runner, interaction.user.id, deck or None)
            key = "exam.cleared" if cleared else "exam.nothing_to_clear"
            return Screen([discord.Embed(description=message(key, lang), colour=COLOR_EXAM)])

        await respond(interaction, work())

    @exam.command(
        name=locale_str("show"), description=locale_str("The days left and your plan for each exam")
    )
    async def exam_show(self, interaction: Interaction) -> None:
        async def work() -> Screen:
            lang = await language_of(interaction)
            overview = await exam_overview(self.bot.db.runner, interaction.user.id,
                                           self.bot.clock(), self.bot.defaults)
            return Screen([overview_embed(overview, lang, "exam.title.show")])

        await respond(interaction, work())


async def setup(bot: commands.Bot) -> None:
    from bot.discord.client import StudyBot

    if not isinstance(bot, StudyBot):
        raise TypeError("the exam cog needs a StudyBot")
    await bot.add_cog(Exam(bot))
