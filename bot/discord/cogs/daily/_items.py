"""A member answering the daily question: option buttons, the answer modal, the private verdict.

The buttons are DynamicItems (state only in the custom_id, see `_ids`).  The
modal is sent and forgotten: its submission is matched by custom_id in
`answer_typed` (one of the bot's ``modal_handlers``), so it works after a
restart too.
"""

from __future__ import annotations

import asyncio
import logging
import re
from typing import Any, Final

import discord

from bot.discord import text
from bot.discord.cogs.daily._ids import (
    ANSWER_INPUT,
    OPEN,
    PICK,
    TEXT,
    open_id,
    pick_id,
    text_id,
)
from bot.discord.cogs.daily._render import feedback_embed
from bot.discord.components.modals import text_values
from bot.discord.interactions import (
    Interaction,
    Screen,
    language_of,
    respond,
    study_bot,
)
from bot.discord.translator import message
from bot.study import daily
from bot.study.daily import DailyResponse, PickAnswer, TextAnswer

Button = discord.ui.Button[discord.ui.View]

log = logging.getLogger(__name__)

#: How long the answer button waits to learn whether the member may still answer; the
#: modal (or the reason there is none) must be the first response, within Discord's 3 s.
ANSWER_BOX_BUDGET: Final = 1.0

_TEXT = re.compile(TEXT)


async def _verdict(interaction: Interaction, post_id: int, response: DailyResponse) -> Screen:
    bot = study_bot(interaction)
    lang = await language_of(interaction)
    outcome = await daily.answer(bot.db.runner, post_id, interaction.user.id, response,
                                 bot.jobs_clock())
    return Screen([feedback_embed(outcome, lang)])


async def _told(interaction: Interaction, outcome: daily.DailyOutcome) -> Screen:
    return Screen([feedback_embed(outcome, await language_of(interaction))])


async def submit(interaction: Interaction, post_id: int, response: DailyResponse) -> None:
    """Reply privately (ephemeral in the channel) with the verdict, within Discord's 3 s."""
    await respond(interaction, _verdict(interaction, post_id, response))


class PickOption(discord.ui.DynamicItem[Button], template=PICK):
    def __init__(self, post: int, index: int) -> None:
        super().__init__(discord.ui.Button(label="-", custom_id=pick_id(post, index)))
        self.post, self.index = post, index

    @classmethod
    async def from_custom_id(
        cls, interaction: Interaction, item: discord.ui.Item[Any], match: re.Match[str]
    ) -> PickOption:
        return cls(int(match["post"]), int(match["index"]))

    async def callback(self, interaction: Interaction) -> None:
        await submit(interaction, self.post, PickAnswer(self.index))


class DailyAnswerModal(discord.ui.Modal):
    """Sent and forgotten: the submission is matched by custom_id (`answer_typed`)."""

    def __init__(self, post: int, lang: str) -> None:
        super().__init__(
            title=text.cut(message("daily.modal.title", lang), text.MODAL_TITLE),
            custom_id=text_id(post),
            timeout=None,
        )
        self.add_item(discord.ui.TextInput(
            label=text.label(message("daily.modal.label", lang), text.MODAL_LABEL),
            custom_id=ANSWER_INPUT,
            style=discord.TextStyle.short,
            max_length=400,
            required=True,
        ))


class OpenAnswer(discord.ui.DynamicItem[Button], template=OPEN):
    def __init__(self, post: int) -> None:
        super().__init__(discord.ui.Button(label="-", custom_id=open_id(post)))
        self.post = post

    @classmethod
    async def from_custom_id(
        cls, interaction: Interaction, item: discord.ui.Item[Any], match: re.Match[str]
    ) -> OpenAnswer:
        return cls(int(match["post"]))

    async def callback(self, interaction: Interaction) -> None:
        """The answer box, or at once why there is none (answered already, revealed)."""
        bot = study_bot(interaction)
        try:
            settled = await asyncio.wait_for(
                daily.answer_box(bot.db.runner, self.post, interaction.user.id,
                                 bot.jobs_clock()),
                ANSWER_BOX_BUDGET,
            )
        except Exception as exc:  # slow or failing: the submission will say it all the same
            log.warning("could not check daily post %s before its answer box: %r",
                        self.post, exc)
            settled = None
        if settled is not None:
            await respond(interaction, _told(interaction, settled))
            return
        modal = DailyAnswerModal(self.post, await language_of(interaction))
        await interaction.response.send_modal(modal)
        modal.stop()


async def answer_typed(interaction: Interaction) -> bool:
    """Answer a daily modal's submission; False for anything else (left to other handlers)."""
    if interaction.type is not discord.InteractionType.modal_submit:
        return False
    data: dict[str, Any] = dict(interaction.data or {})
    match = _TEXT.fullmatch(str(data.get("custom_id", "")))
    if match is None:
        return False
    given = text_values(list(data.get("components") or [])).get(ANSWER_INPUT, "")
    await submit(interaction, int(match["post"]), TextAnswer(given))
    return True


DYNAMIC_ITEMS = (PickOption, OpenAnswer)
