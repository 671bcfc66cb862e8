"""/decks: the loaded decks, and a button per deck to join or leave it.

The buttons are `DynamicItem`s whose custom_id holds only the action, the
learner and the deck id, so a list opened yesterday still works after a
restart, and a click re-reads the database before answering.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, Final, Self

import discord
from discord import app_commands
from discord.ext import commands

from bot.discord import text
from bot.discord.interactions import (
    Screen,
    language_of,
    refuse_foreign,
    respond,
    study_bot,
)
from bot.discord.translator import command_names, message
from bot.study.catalog import DeckEntry, Membership, deck_catalog, join_deck, leave_deck

if TYPE_CHECKING:
    from bot.discord.client import StudyBot

JOIN: Final = "join"
LEAVE: Final = "leave"
#: Discord allows 25 buttons on a message (5 rows of 5).
MAX_BUTTONS: Final = 25
#: An embed holds at most 25 fields.
MAX_FIELDS: Final = 25
#: A deck title longer than this is cut in the list (the button shows it too).
FIELD_NAME_CHARS: Final = 100
#: Room kept in the embed's 6000 characters for the "showing N of M" note.
FOOTNOTE_ROOM: Final = 100

DECK_BUTTON: Final = r"sb:deck:(?P<action>join|leave):(?P<user>\d+):(?P<deck>[A-Za-z0-9_-]{1,64})"

COLOR_DECKS = discord.Colour.blurple()


def deck_button_id(action: str, user_id: int, deck_id: str) -> str:
    return f"sb:deck:{action}:{user_id}:{deck_id}"


def catalogue_embed(entries: list[DeckEntry], lang: str) -> discord.Embed:
    """The deck list; titles come from deck files, so each is cut and the total is budgeted."""
    embed = discord.Embed(title=message("decks.title", lang), colour=COLOR_DECKS)
    if not entries:
        embed.description = message("decks.none", lang)
        return embed
    fields: list[tuple[str, str]] = []
    used = len(embed.title or "") + len(message("decks.intro", lang)) + FOOTNOTE_ROOM
    for entry in entries[:MAX_FIELDS]:
        status = message("decks.studying" if entry.studying else "decks.not_studying", lang)
        value = message(
            "decks.entry",
            lang,
            deck_id=entry.deck_id,
            cards=entry.cards,
            faces=entry.faces,
            status=status,
        )
        name = text.cut(text.one_line(entry.title) or entry.deck_id, FIELD_NAME_CHARS)
        value = text.cut(value, text.EMBED_FIELD_VALUE)
        if used + len(name) + len(value) > text.EMBED_TOTAL:
            break
        used += len(name) + len(value)
        fields.append((name, value))
    intro = message("decks.intro", lang)
    if len(fields) < len(entries):
        intro += "\n" + message("decks.more", lang, shown=len(fields), total=len(entries))
    embed.description = intro
    for name, value in fields:
        embed.add_field(name=name, value=value, inline=False)
    return embed


def catalogue_view(entries: list[DeckEntry], user_id: int, lang: str) -> discord.ui.View | None:
    """One join or leave button per deck; plain buttons, answered by `DeckButton`."""
    if not entries:
        return None
    view = discord.ui.View(timeout=None)
    for index, entry in enumerate(entries[:MAX_BUTTONS]):
        action = LEAVE if entry.studying else JOIN
        view.add_item(
            discord.ui.Button(
                label=text.label(message(f"decks.button.{action}", lang, title=entry.title)),
                custom_id=deck_button_id(action, user_id, entry.deck_id),
                style=discord.ButtonStyle.secondary if entry.studying
                else discord.ButtonStyle.success,
                row=index // 5,
            )
        )
    view.stop()  # the DynamicItem answers clicks; nothing to keep per message
    return view


class DeckButton(
    discord.ui.DynamicItem[discord.ui.Button[discord.ui.View]],
    template=DECK_BUTTON,
):
    """Join or leave a deck, for the learner named in the custom_id only."""

    def __init__(self, action: str, user_id: int, deck_id: str) -> None:
        super().__init__(
            discord.ui.Button(label="-", custom_id=deck_button_id(action, user_id, deck_id))
        )
        self.action = action
        self.user_id = user_id
        self.deck_id = deck_id

    @classmethod
    async def from_custom_id(
        cls,
        interaction: discord.Interaction[Any],
        item: discord.ui.Item[Any],
        match: re.Match[str],
        /,
    ) -> Self:
        return cls(match["action"], int(match["user"]), match["deck"])

    async def interaction_check(self, interaction: discord.Interaction[Any], /) -> bool:
        return not await refuse_foreign(interaction, self.user_id, "cogs.not_yours")

    async def callback(self, interaction: discord.Interaction[Any]) -> None:
        await respond(interaction, self._apply(interaction), update=True)

    async def _apply(self, interaction: discord.Interaction[Any]) -> Screen:
        bot = study_bot(interaction)
        lang = await language_of(interaction)
        runner = bot.db.runner
        if self.action == JOIN:
            outcome = await join_deck(
                runner, self.user_id, self.deck_id, bot.defaults, bot.clock()
            )
        else:
            outcome = await leave_deck(runner, self.user_id, self.deck_id)
        entries = await deck_catalog(runner, self.user_id)
        title = next((e.title for e in entries if e.deck_id == self.deck_id), self.deck_id)
        key = "decks.unknown" if outcome is Membership.UNKNOWN_DECK else f"decks.{outcome.value}"
        note = message(key, lang, title=text.one_line(title), **command_names(lang))
        return Screen(
            [catalogue_embed(entries, lang)],
            catalogue_view(entries, self.user_id, lang),
            text.cut(note, text.MESSAGE_CONTENT),
        )


class DecksCog(commands.Cog):
    def __init__(self, bot: StudyBot) -> None:
        self.bot = bot

    @app_commands.command(name="decks", description="List the decks and join or leave one")
    async def decks(self, interaction: discord.Interaction[Any]) -> None:
        await respond(interaction, self._listing(interaction))

    async def _listing(self, interaction: discord.Interaction[Any]) -> Screen:
        lang = await language_of(interaction)
        entries = await deck_catalog(self.bot.db.runner, interaction.user.id)
        return Screen(
            [catalogue_embed(entries, lang)], catalogue_view(entries, interaction.user.id, lang)
        )


async def setup(bot: StudyBot) -> None:
    bot.add_dynamic_items(DeckButton)
    await bot.add_cog(DecksCog(bot))
