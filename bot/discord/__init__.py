"""The Discord front end: a thin adapter from slash commands and buttons to bot.study.

`bot.discord.runner.run_bot` is the entry point (``studybot run``);
`bot.discord.client.StudyBot` holds what the cogs share.
"""
