"""/stats: a learner's numbers as an embed, with the chart attached as a PNG.

Both streaks are shown, each under its own name: the study streak (days in a
row with a review) and the daily-question streak (days in a row with a right
answer to a study group's daily question, the one /streak counts).

The chart takes longer than Discord's three seconds may allow on a busy
machine, so the command defers first, draws in a worker thread, then fills
in the deferred reply.  If drawing fails the numbers are still sent.
"""

from __future__ import annotations

import io
import logging
from typing import TYPE_CHECKING, Any, Final

import discord
from discord import app_commands
from discord.ext import commands

from bot.discord import text
from bot.discord.charts import ChartData, stats_chart_png
from bot.discord.cogs.exam import add_exam_fields
from bot.discord.embeds import fit
from bot.discord.interactions import NO_MENTIONS, language_of, private
from bot.discord.translator import command_names, counted, message
from bot.i18n import format_date
from bot.i18n.study_text import cards, left_split
from bot.study.catalog import deck_catalog
from bot.study.exams import exam_overview
from bot.study.leaderboard import member_streak
from bot.study.preferences import Preferences, read_preferences
from bot.study.stats import LearnerStats, learner_stats

if TYPE_CHECKING:
    from bot.discord.client import StudyBot

log = logging.getLogger(__name__)

CHART_FILE: Final = "stats.png"
COLOR_STATS = discord.Colour.teal()


def percent(rate: float) -> str:
    return f"{round(rate * 100)}%"


def left_field(stats: LearnerStats, lang: str) -> str:
    """Left today as /study counts it: "5장 (복습 3장 · 새 카드 2장)"."""
    if not stats.left.total:
        return cards(0, lang)
    return f"{cards(stats.left.total, lang)} ({left_split(stats.left, lang)})"


def stats_embed(
    stats: LearnerStats,
    prefs: Preferences,
    lang: str,
    name: str,
    *,
    studying: bool,
    daily_streak: int | None,
) -> discord.Embed:
    """``daily_streak``: days in a row with a right daily answer; None if they never answered."""
    reviews = sum(day.reviews for day in stats.history)
    correct = sum(day.correct for day in stats.history)
    embed = discord.Embed(
        title=text.cut(text.one_line(message("stats.title", lang, name=name)), text.EMBED_TITLE),
        colour=COLOR_STATS,
    )
    if not studying:
        embed.description = message("stats.no_decks", lang, **command_names(lang))
    fields = (
        ("stats.left_today", left_field(stats, lang)),
        ("stats.due_week", str(stats.due_within(7))),
        (
            "stats.reviews_30",
            message(
                "stats.reviews_30.value",
                lang,
                n=reviews,
                rate=percent(correct / reviews) if reviews else "-",
            ),
        ),
        ("stats.streak", counted("stats.streak.value", lang, stats.streak)),
        (
            "stats.daily_streak",
            message("stats.daily_streak.none", lang)
            if daily_streak is None
            else counted("stats.streak.value", lang, daily_streak),
        ),
        ("stats.faces_seen", str(stats.faces_seen)),
    )
    for key, value in fields:
        embed.add_field(name=message(key, lang), value=value, inline=True)
    embed.set_footer(
        text=message(
            "stats.footer",
            lang,
            today=format_date(stats.today, lang),
            zone=prefs.timezone,
            hour=prefs.rollover_hour,
        )
    )
    return embed


class StatsCog(commands.Cog):
    def __init__(self, bot: StudyBot) -> None:
        self.bot = bot

    @app_commands.command(name="stats", description="Your study stats and what falls due next")
    async def stats(self, interaction: discord.Interaction[Any]) -> None:
        await interaction.response.defer(ephemeral=private(interaction), thinking=True)
        bot, user = self.bot, interaction.user
        now = bot.clock()
        lang = await language_of(interaction)
        numbers = await learner_stats(bot.db.runner, user.id, bot.defaults, now)
        prefs = await read_preferences(bot.db.runner, user.id, bot.defaults, now)
        studying = any(e.studying for e in await deck_catalog(bot.db.runner, user.id))
        daily = await member_streak(bot.db.runner, user.id, now, bot.defaults)
        embed = stats_embed(
            numbers, prefs, lang, user.display_name, studying=studying,
            daily_streak=daily.current if daily.answered else None,
        )
        add_exam_fields(embed, await exam_overview(bot.db.runner, user.id, now, bot.defaults),
                        lang)
        try:
            png = await stats_chart_png(ChartData.of(numbers), lang)
        except Exception:  # a broken chart must not cost the learner their numbers
            log.exception("stats chart failed for user %s", user.id)
            embed.add_field(name="\u200b", value=message("stats.chart_failed", lang), inline=False)
            await interaction.edit_original_response(embed=fit([embed])[0],
                                                     allowed_mentions=NO_MENTIONS)
            return
        embed.set_image(url=f"attachment://{CHART_FILE}")
        await interaction.edit_original_response(
            embed=fit([embed])[0],
            attachments=[discord.File(io.BytesIO(png), CHART_FILE)],
            allowed_mentions=NO_MENTIONS,
        )


async def setup(bot: StudyBot) -> None:
    await bot.add_cog(StatsCog(bot))
