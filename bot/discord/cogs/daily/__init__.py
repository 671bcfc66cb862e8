"""/daily: a study group's question of the day, its answer buttons, and the job that posts it.

The cog is thin: set-up is validated by bot.study.daily, posting and
revealing are decided by bot.jobs.daily (`DailyJob.tick`), and this package
only lays the post out and talks to Discord:

- `_cog`: the /daily commands (Manage Server) and the job's ticker;
- `_render`: the post, its reveal, the verdict on an answer, the status list;
- `_items`: the answer buttons and the typed-answer modal (custom ids in `_ids`);
- `_poster`: posting and revealing in a channel for the job.

Answer buttons are DynamicItems whose custom_id holds only the post id (and
an option index): a click after a restart reloads the post from the
database, and one member's second click finds their first answer.
"""

from __future__ import annotations

from discord.ext import commands


async def setup(bot: commands.Bot) -> None:
    from bot.discord.client import StudyBot
    from bot.discord.cogs.daily._cog import Daily

    if not isinstance(bot, StudyBot):
        raise TypeError("the daily cog needs a StudyBot")
    await bot.add_cog(Daily(bot))
