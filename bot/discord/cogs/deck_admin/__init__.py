"""/deck: maintainers reload deck files into the running bot and read how decks do.

The reload itself is bot.study.deck_loading.reload_decks; this package is the
one place that runs it for the bot (a command, the file watcher or SIGHUP via
bot.jobs.deck_watch), one at a time, and tells people what happened: the
maintainer who asked, every guild's maintainers' log channel, and the log.

- `_cog`: the /deck commands and the file watcher;
- `_reloader`: the one reload at a time, its log lines and log-channel reports;
- `_access`: who may maintain (owners, the maintainer role) and the deck option they get;
- `_render`: reload reports, deck info and leeches as text within Discord's limits.

Only the bot's owners (``settings.owner_ids`` or the application's owner) and
members holding ``settings.maintainer_role_id`` may use these commands; anyone
else gets a clear ephemeral refusal, in a server or in DMs.
"""

from __future__ import annotations

from discord.ext import commands


async def setup(bot: commands.Bot) -> None:
    from bot.discord.client import StudyBot
    from bot.discord.cogs.deck_admin._cog import DeckAdmin

    if not isinstance(bot, StudyBot):
        raise TypeError("the deck admin cog needs a StudyBot")
    await bot.add_cog(DeckAdmin(bot))
