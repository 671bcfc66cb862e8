"""The daily job's hands in Discord: post the question in its channel, edit in the reveal."""

from __future__ import annotations

from typing import TYPE_CHECKING

import discord

from bot.discord.cogs.daily._render import post_buttons, post_embed, reveal_embed
from bot.discord.interactions import Screen
from bot.jobs.daily import PostRefusedError
from bot.study.daily import PostView, RevealView

if TYPE_CHECKING:
    from bot.discord.client import StudyBot


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
            sent = await channel.send(
                **Screen([post_embed(view)], post_buttons(view)).send_kwargs())
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
                **Screen([reveal_embed(view)], post_buttons(post)).edit_kwargs())
        except (discord.Forbidden, discord.NotFound) as refused:
            raise PostRefusedError(str(refused)) from refused
