"""/help: a short guide in the learner's language, with their own rollover hour."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import discord
from discord import app_commands
from discord.ext import commands

from bot.discord.interactions import Screen, language_of, respond
from bot.discord.translator import command_names, message
from bot.study.preferences import read_preferences

if TYPE_CHECKING:
    from bot.discord.client import StudyBot

COLOR_HELP = discord.Colour.blurple()

SECTIONS = ("how", "grades", "review", "commands", "schedulers", "exam", "backlog", "daily")


def help_embed(lang: str, rollover_hour: int) -> discord.Embed:
    grades = {
        name: message(f"grade.{name}", lang) for name in ("again", "hard", "good", "easy")
    }
    names = command_names(lang)
    buttons = {
        "show": message("discord.study.button.show", lang),
        "type": message("discord.study.button.type", lang),
        "stop": message("discord.study.button.stop", lang),
        "mistakes": message("study.mode.mistakes", lang),
    }
    embed = discord.Embed(
        title=message("help.title", lang),
        description=message("help.intro", lang),
        colour=COLOR_HELP,
    )
    for section in SECTIONS:
        embed.add_field(
            name=message(f"help.{section}.name", lang),
            value=message(f"help.{section}.value", lang, **grades, **names, **buttons),
            inline=False,
        )
    embed.set_footer(text=message("help.footer", lang, hour=rollover_hour, **names))
    return embed


class HelpCog(commands.Cog):
    def __init__(self, bot: StudyBot) -> None:
        self.bot = bot

    @app_commands.command(name="help", description="How to study with this bot")
    async def help(self, interaction: discord.Interaction[Any]) -> None:
        await respond(interaction, self._guide(interaction))

    async def _guide(self, interaction: discord.Interaction[Any]) -> Screen:
        lang = await language_of(interaction)
        prefs = await read_preferences(
            self.bot.db.runner, interaction.user.id, self.bot.defaults, self.bot.clock()
        )
        return Screen([help_embed(lang, prefs.rollover_hour)])


async def setup(bot: StudyBot) -> None:
    await bot.add_cog(HelpCog(bot))
