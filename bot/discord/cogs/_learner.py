"""What the /decks, /settings, /stats and /help cogs need to know about who is asking.

The language rule lives here once: the learner's saved choice, else the locale
their Discord client reports (Korean for ko, English for anything else).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

import discord

from bot.discord.translator import message
from bot.i18n import Lang, resolve_language
from bot.study.preferences import stored_language

if TYPE_CHECKING:
    from bot.discord.client import StudyBot

NO_MENTIONS = discord.AllowedMentions.none()


def study_bot(interaction: discord.Interaction[discord.Client]) -> StudyBot:
    """The bot behind an interaction; DynamicItems only get the interaction."""
    return cast("StudyBot", interaction.client)


def client_language(interaction: discord.Interaction[discord.Client]) -> Lang:
    """The language of the learner's Discord client alone (no database: for autocomplete)."""
    return resolve_language(None, str(interaction.locale), None, default="en")


async def language_of(bot: StudyBot, interaction: discord.Interaction[discord.Client]) -> Lang:
    """The learner's saved language, else their client's."""
    saved = await stored_language(bot.db.sessions, interaction.user.id)
    return resolve_language(saved, str(interaction.locale), None, default="en")


def private(interaction: discord.Interaction[discord.Client]) -> bool:
    """Replies about one learner are ephemeral in a server; in DMs they may stay."""
    return interaction.guild_id is not None


async def refuse_foreign_click(
    interaction: discord.Interaction[discord.Client], owner_id: int
) -> bool:
    """True (and an ephemeral "not yours") when someone else pressed ``owner_id``'s button."""
    if interaction.user.id == owner_id:
        return False
    lang = await language_of(study_bot(interaction), interaction)
    await interaction.response.send_message(
        message("cogs.not_yours", lang), ephemeral=True, allowed_mentions=NO_MENTIONS
    )
    return True
