"""One cog per feature, each loaded as an extension by `bot.discord.client.StudyBot`."""
