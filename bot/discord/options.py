"""Slash-command options several cogs share: a channel, a deck, a time zone.

Each is a discord.py `Transformer` or choice list, so a command declares
``deck: app_commands.Transform[str, DeckId]`` and gets the same suggestions
and the same cleaning wherever a deck is asked for.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, Final

import discord
from discord import app_commands
from discord.app_commands import Choice

from bot.discord import text
from bot.discord.interactions import Interaction, study_bot
from bot.srs.day import zone
from bot.study.prompt_context import loaded_decks
from bot.study.timezones import search_zones

#: Discord shows at most 25 autocomplete choices.
MAX_CHOICES: Final = 25
#: Where a Korean-speaking learner most likely lives.
KOREAN_ZONES: Final = ("Asia/Seoul",)


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


class DeckId(app_commands.Transformer):
    """A deck id typed by the member, suggested from the loaded decks by id or title.

    Whether the deck exists is the command's to say (each words it its own way),
    so `transform` only trims what was typed; "" means no deck was named.
    """

    async def transform(self, interaction: Interaction, value: Any) -> str:
        return str(value).strip()

    async def autocomplete(  # type: ignore[override]
        self, interaction: Interaction, value: int | float | str
    ) -> list[Choice[str]]:
        wanted = str(value).casefold().strip()
        choices: list[Choice[str]] = []
        for deck in await loaded_decks(study_bot(interaction).db.runner):
            if wanted and wanted not in deck.id.casefold() and wanted not in deck.title.casefold():
                continue
            name = text.cut(text.one_line(f"{deck.title} ({deck.id})"), text.CHOICE_NAME)
            choices.append(Choice(name=name, value=deck.id))
            if len(choices) == MAX_CHOICES:
                break
        return choices


def local_time(zone_name: str, now: datetime) -> str:
    return now.astimezone(zone(zone_name)).strftime("%H:%M")


def timezone_choices(
    current: str, lang: str, now: datetime, limit: int = MAX_CHOICES
) -> list[Choice[str]]:
    """Autocomplete entries: the zone name with its local time, so the right one is obvious."""
    preferred = KOREAN_ZONES if lang == "ko" else ()
    zones = search_zones(current, preferred=preferred, limit=min(limit, MAX_CHOICES))
    return [
        Choice(name=text.cut(f"{name} ({local_time(name, now)})", text.CHOICE_NAME), value=name)
        for name in zones
    ]
