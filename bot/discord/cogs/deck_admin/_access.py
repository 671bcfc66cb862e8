"""Who may maintain decks through the bot, and the deck option only they see filled in."""

from __future__ import annotations

import asyncio
from collections.abc import Iterable
from typing import Final

import discord
from discord.app_commands import Choice

from bot.discord.interactions import Interaction, ack_budget, study_bot
from bot.discord.options import DeckId

#: Longest the maintainer check may take before deck suggestions are given up.
SUGGESTION_CHECK: Final = 1.0


def may_maintain(
    user_id: int,
    role_ids: Iterable[int],
    *,
    owner_ids: Iterable[int],
    maintainer_role_id: int | None,
    app_owner: bool,
) -> bool:
    """Who may reload decks: configured owners, the application owner, the maintainer role."""
    if app_owner or user_id in set(owner_ids):
        return True
    return maintainer_role_id is not None and maintainer_role_id in set(role_ids)


async def is_maintainer(interaction: Interaction) -> bool:
    """`may_maintain` for the member behind ``interaction`` (asks Discord for the app owner)."""
    bot = study_bot(interaction)
    user = interaction.user
    roles = [r.id for r in user.roles] if isinstance(user, discord.Member) else []
    settings = bot.settings
    if may_maintain(user.id, roles, owner_ids=settings.owner_ids,
                    maintainer_role_id=settings.maintainer_role_id, app_owner=False):
        return True
    try:
        return await bot.is_owner(user)
    except discord.HTTPException:
        return False


class MaintainedDeckId(DeckId):
    """A deck option whose suggestions only maintainers get: others learn nothing from it."""

    async def autocomplete(  # type: ignore[override]
        self, interaction: Interaction, value: int | float | str
    ) -> list[Choice[str]]:
        # An autocomplete cannot be deferred: a slow owner lookup costs the suggestions.
        try:
            allowed = await asyncio.wait_for(is_maintainer(interaction),
                                             ack_budget(interaction, SUGGESTION_CHECK))
        except TimeoutError:
            return []
        if not allowed:
            return []
        return await super().autocomplete(interaction, value)
