"""The buttons and the typed-answer modal as DynamicItems: state lives in the custom_id.

Each class only parses its custom_id (bot.discord.components.ids) and hands
over to bot.discord.components.flow, which does the checking and reloading.
"""

from __future__ import annotations

import re
from typing import Any

import discord

from bot.discord import text
from bot.discord.components import flow, ids
from bot.discord.components.modals import text_values
from bot.discord.interactions import language_of, refuse_foreign
from bot.discord.translator import message

Button = discord.ui.Button[discord.ui.View]
Interaction = discord.Interaction[discord.Client]


def _placeholder(custom_id: str) -> Button:
    """The item discord.py dispatches to; its look is whatever the message shows."""
    return discord.ui.Button(label="-", custom_id=custom_id)


class ShowAnswerButton(discord.ui.DynamicItem[Button], template=ids.SHOW):
    def __init__(self, user: int, prompt: int) -> None:
        super().__init__(_placeholder(ids.show(user, prompt)))
        self.user, self.prompt = user, prompt

    @classmethod
    async def from_custom_id(
        cls, interaction: Interaction, item: discord.ui.Item[Any], match: re.Match[str]
    ) -> ShowAnswerButton:
        return cls(int(match["user"]), int(match["prompt"]))

    async def callback(self, interaction: Interaction) -> None:
        await flow.show_answer(interaction, self.user, self.prompt)


class GradeButton(discord.ui.DynamicItem[Button], template=ids.GRADE):
    def __init__(self, user: int, prompt: int, quality: int) -> None:
        super().__init__(_placeholder(ids.grade(user, prompt, quality)))
        self.user, self.prompt, self.quality = user, prompt, quality

    @classmethod
    async def from_custom_id(
        cls, interaction: Interaction, item: discord.ui.Item[Any], match: re.Match[str]
    ) -> GradeButton:
        return cls(int(match["user"]), int(match["prompt"]), int(match["q"]))

    async def callback(self, interaction: Interaction) -> None:
        await flow.grade(interaction, self.user, self.prompt, self.quality)


class PickButton(discord.ui.DynamicItem[Button], template=ids.PICK):
    def __init__(self, user: int, prompt: int, index: int) -> None:
        super().__init__(_placeholder(ids.pick(user, prompt, index)))
        self.user, self.prompt, self.index = user, prompt, index

    @classmethod
    async def from_custom_id(
        cls, interaction: Interaction, item: discord.ui.Item[Any], match: re.Match[str]
    ) -> PickButton:
        return cls(int(match["user"]), int(match["prompt"]), int(match["index"]))

    async def callback(self, interaction: Interaction) -> None:
        await flow.pick(interaction, self.user, self.prompt, self.index)


class SkipButton(discord.ui.DynamicItem[Button], template=ids.SKIP):
    def __init__(self, user: int, prompt: int) -> None:
        super().__init__(_placeholder(ids.skip(user, prompt)))
        self.user, self.prompt = user, prompt

    @classmethod
    async def from_custom_id(
        cls, interaction: Interaction, item: discord.ui.Item[Any], match: re.Match[str]
    ) -> SkipButton:
        return cls(int(match["user"]), int(match["prompt"]))

    async def callback(self, interaction: Interaction) -> None:
        await flow.skip(interaction, self.user, self.prompt)


class StopButton(discord.ui.DynamicItem[Button], template=ids.STOP):
    def __init__(self, user: int, prompt: int) -> None:
        super().__init__(_placeholder(ids.stop(user, prompt)))
        self.user, self.prompt = user, prompt

    @classmethod
    async def from_custom_id(
        cls, interaction: Interaction, item: discord.ui.Item[Any], match: re.Match[str]
    ) -> StopButton:
        return cls(int(match["user"]), int(match["prompt"]))

    async def callback(self, interaction: Interaction) -> None:
        await flow.stop(interaction, self.user, self.prompt)


class TypedAnswerModal(discord.ui.Modal):
    """Asks for the answer; its submission is handled by `handle_modal_submit`, not here.

    A stored modal would be lost on restart, so the modal is dropped from
    discord.py's store right after it is sent and every submission goes
    through the same custom_id-based path.
    """

    def __init__(self, user: int, prompt: int, lang: str) -> None:
        super().__init__(
            title=text.cut(message("discord.study.modal.title", lang), text.MODAL_TITLE),
            custom_id=ids.typed(user, prompt),
            timeout=None,
        )
        self.answer: discord.ui.TextInput[TypedAnswerModal] = discord.ui.TextInput(
            label=text.label(message("discord.study.modal.label", lang), text.MODAL_LABEL),
            custom_id=ids.ANSWER_INPUT,
            style=discord.TextStyle.short,
            max_length=400,
            required=True,
        )
        self.add_item(self.answer)


class TypeAnswerButton(discord.ui.DynamicItem[Button], template=ids.TYPE):
    def __init__(self, user: int, prompt: int) -> None:
        super().__init__(_placeholder(ids.type_answer(user, prompt)))
        self.user, self.prompt = user, prompt

    @classmethod
    async def from_custom_id(
        cls, interaction: Interaction, item: discord.ui.Item[Any], match: re.Match[str]
    ) -> TypeAnswerButton:
        return cls(int(match["user"]), int(match["prompt"]))

    async def callback(self, interaction: Interaction) -> None:
        if await refuse_foreign(interaction, self.user):
            return
        modal = TypedAnswerModal(self.user, self.prompt, await language_of(interaction))
        await interaction.response.send_modal(modal)
        modal.stop()


_TYPED = re.compile(ids.TYPED)


async def handle_modal_submit(interaction: Interaction) -> bool:
    """Answer a typed-answer modal; False when the submission is not one of ours."""
    if interaction.type is not discord.InteractionType.modal_submit:
        return False
    data: dict[str, Any] = dict(interaction.data or {})
    match = _TYPED.fullmatch(str(data.get("custom_id", "")))
    if match is None:
        return False
    answer = text_values(list(data.get("components") or [])).get(ids.ANSWER_INPUT, "")
    await flow.typed(interaction, int(match["user"]), int(match["prompt"]), answer)
    return True


DYNAMIC_ITEMS: tuple[type[discord.ui.DynamicItem[Button]], ...] = (
    ShowAnswerButton,
    GradeButton,
    PickButton,
    TypeAnswerButton,
    SkipButton,
    StopButton,
)
