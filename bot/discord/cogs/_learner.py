"""What the /decks, /settings, /stats and /help cogs share: who is asking, and how to answer.

The language rule lives here once: the learner's saved choice, else the locale
their Discord client reports (Korean for ko, English for anything else).

`answer` keeps Discord's three-second promise without paying a "thinking..."
round trip on every command: the work runs at once, and only if it is not
done within `ACK_BUDGET` is the interaction deferred and the reply edited in.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Coroutine
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Final, cast

import discord

from bot.discord.components.flow import tell_privately
from bot.discord.translator import message
from bot.i18n import Lang, resolve_language
from bot.study.preferences import stored_language

if TYPE_CHECKING:
    from bot.discord.client import StudyBot

log = logging.getLogger(__name__)

NO_MENTIONS = discord.AllowedMentions.none()
#: Longest the work may take before the interaction is deferred (Discord allows 3 s).
ACK_BUDGET: Final = 0.5


@dataclass(slots=True)
class Reply:
    """One screen: an embed, optionally buttons and a line of text above it."""

    embed: discord.Embed
    view: discord.ui.View | None = None
    content: str | None = None


#: Commands our texts mention, by the placeholder they fill.
COMMANDS: Final = ("study", "decks", "settings", "stats", "help")


def command_names(lang: str) -> dict[str, str]:
    """``{"study": "/학습", ...}``: commands as the learner's client lists them.

    Also ``new_per_day``: that /settings option's shown name, for the example.
    """
    names = {name: "/" + message(f"cmd.{name}.name", lang) for name in COMMANDS}
    names["new_per_day"] = message("cmd.settings.opt.new_per_day.name", lang)
    return names


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


async def answer(
    interaction: discord.Interaction[discord.Client],
    work: Coroutine[Any, Any, Reply],
    *,
    update: bool = False,
) -> None:
    """Send ``work``'s reply (``update``: replace the clicked message), deferring if it is slow."""
    task = asyncio.ensure_future(work)
    done, _ = await asyncio.wait({task}, timeout=ACK_BUDGET)
    if not done:
        if update:
            await interaction.response.defer()
        else:
            await interaction.response.defer(ephemeral=private(interaction), thinking=True)
    try:
        reply = await task
    except Exception:
        log.exception("%s failed for %s", interaction.data, interaction.user.id)
        await _apologise(interaction)
        return
    if interaction.response.is_done():
        await interaction.edit_original_response(
            content=reply.content, embed=reply.embed, view=reply.view,
            allowed_mentions=NO_MENTIONS,
        )
    elif update:
        await interaction.response.edit_message(
            content=reply.content, embed=reply.embed, view=reply.view,
            allowed_mentions=NO_MENTIONS,
        )
    else:
        kwargs: dict[str, Any] = {"view": reply.view} if reply.view is not None else {}
        await interaction.response.send_message(
            content=reply.content, embed=reply.embed, ephemeral=private(interaction),
            allowed_mentions=NO_MENTIONS, **kwargs,
        )


async def _apologise(interaction: discord.Interaction[discord.Client]) -> None:
    """Something broke (the log has it): tell the learner rather than leave them waiting."""
    await tell_privately(interaction, message("cogs.error", client_language(interaction)))
