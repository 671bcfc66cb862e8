"""/leaderboard and /streak: the channel's daily-question standings and one's own streak.

Asked in a channel without a daily question, /leaderboard names the guild's
daily channels instead of saying nobody answered.

Figures come from bot.study.leaderboard; streaks are counted in each
member's own study days, so the cog only lays them out.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.app_commands import Choice, locale_str
from discord.ext import commands

from bot.discord import text
from bot.discord.interactions import Screen, language_of, respond
from bot.discord.translator import message
from bot.study.leaderboard import Period, daily_places, leaderboard, member_streak

if TYPE_CHECKING:
    from bot.discord.client import StudyBot

Interaction = discord.Interaction[discord.Client]

PERIOD_CHOICES = [
    Choice(name=locale_str("Last 7 days", key="daily.choice.week"), value=Period.WEEK.value),
    Choice(name=locale_str("Last 30 days", key="daily.choice.month"), value=Period.MONTH.value),
    Choice(name=locale_str("All time", key="daily.choice.all"), value=Period.ALL.value),
]


def board_embed(rows: list[tuple[int, int, int, int, int, int]], period: Period,
                lang: str) -> discord.Embed:
    """``rows``: (rank, user, points, correct, answered, streak)."""
    embed = discord.Embed(
        title=message("leaderboard.title", lang,
                      period=message(f"daily.choice.{period.value}", lang)),
        colour=discord.Colour.gold(),
    )
    if not rows:
        embed.description = message("leaderboard.empty", lang)
        return embed
    lines = [
        message("leaderboard.row", lang, rank=rank, user=user, points=points,
                rate=round(100 * correct / answered) if answered else 0, correct=correct,
                answered=answered, streak=streak)
        for rank, user, points, correct, answered, streak in rows
    ]
    embed.description = text.cut("\n".join(lines), text.EMBED_DESCRIPTION)
    return embed


#: How many daily channels a leaderboard asked for elsewhere names.
MAX_NAMED_CHANNELS = 10


def elsewhere_embed(channels: list[int], period: Period, lang: str) -> discord.Embed:
    """Asked in a channel without a daily question: where the standings are instead."""
    embed = discord.Embed(
        title=message("leaderboard.title", lang,
                      period=message(f"daily.choice.{period.value}", lang)),
        colour=discord.Colour.gold(),
    )
    if channels:
        named = ", ".join(f"<#{c}>" for c in channels[:MAX_NAMED_CHANNELS])
        embed.description = message("leaderboard.elsewhere", lang, channels=named)
    else:
        embed.description = message("leaderboard.no_daily", lang)
    return embed


class Leaderboard(commands.Cog):
    def __init__(self, bot: StudyBot) -> None:
        self.bot = bot

    @app_commands.command(
        name=locale_str("leaderboard"),
        description=locale_str(
            "Points, correct rate and streaks of this channel's daily question"
        ),
    )
    @app_commands.describe(period=locale_str("Which period to count"))
    @app_commands.choices(period=PERIOD_CHOICES)
    @app_commands.guild_only()
    async def leaderboard(self, interaction: Interaction, period: str = Period.WEEK.value) -> None:
        async def work() -> Screen:
            lang = await language_of(interaction)
            chosen = Period(period)
            assert interaction.channel_id is not None
            board = await leaderboard(self.bot.db.runner, interaction.channel_id, chosen,
                                      self.bot.jobs_clock(), self.bot.defaults)
            rows = [(i, r.user_id, r.points, r.correct, r.answered, r.streak)
                    for i, r in enumerate(board, 1)]
            if not rows and interaction.guild_id is not None:
                places = await daily_places(self.bot.db.runner, interaction.guild_id,
                                            interaction.channel_id)
                if not places.here:
                    return Screen([elsewhere_embed(places.channels, chosen, lang)])
            return Screen([board_embed(rows, chosen, lang)])

        await respond(interaction, work())

    @app_commands.command(
        name=locale_str("streak"),
        description=locale_str("How many days in a row you got the daily question right"),
    )
    async def streak(self, interaction: Interaction) -> None:
        async def work() -> Screen:
            lang = await language_of(interaction)
            view = await member_streak(self.bot.db.runner, interaction.user.id,
                                       self.bot.jobs_clock(), self.bot.defaults,
                                       interaction.guild_id)
            embed = discord.Embed(title=message("streak.title", lang),
                                  colour=discord.Colour.orange())
            if view.answered == 0:
                embed.description = message("streak.none", lang)
            else:
                embed.description = message(
                    "streak.body", lang, current=view.current, best=view.best,
                    days=view.correct_days, answered=view.answered, points=view.points,
                )
            # Not the study streak of /stats: say so, and where that one is.
            embed.set_footer(text=message("streak.study_streak_hint", lang))
            return Screen([embed])

        await respond(interaction, work())


async def setup(bot: commands.Bot) -> None:
    from bot.discord.client import StudyBot

    if not isinstance(bot, StudyBot):
        raise TypeError("the leaderboard cog needs a StudyBot")
    await bot.add_cog(Leaderboard(bot))
