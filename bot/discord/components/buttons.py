"""The study buttons and the typed-answer modal: state lives in the custom_id.

Each handler only parses its custom_id (bot.discord.components.ids) and hands
over to bot.discord.components.flow, which does the checking and reloading.

The buttons are routed by the bot itself (`handle_click`, from
``StudyBot.on_interaction``) rather than registered as discord.py
`DynamicItem`s: for every click discord.py would rebuild a `View` of the
clicked message (parsing it, and a random id for the view) only to find the
button in it, which under 200 learners at once cost more than the handler.
"""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable
from typing import Any

import discord

from bot.discord import text
from bot.discord.components import flow, ids
from bot.discord.components.modals import text_values
from bot.discord.interactions import language_of, refuse_foreign
from bot.discord.translator import message

Interaction = discord.Interaction[discord.Client]


async def _show(interaction: Interaction, match: re.Match[str]) -> None:
    await flow.show_answer(interaction, int(match["user"]), int(match["prompt"]))


async def _grade(interaction: Interaction, match: re.Match[str]) -> None:
    await flow.grade(interaction, int(match["user"]), int(match["prompt"]), int(match["q"]))


async def _pick(interaction: Interaction, match: re.Match[str]) -> None:
    await flow.pick(interaction, int(match["user"]), int(match["prompt"]), int(match["index"]))


async def _skip(interaction: Interaction, match: re.Match[str]) -> None:
    await flow.skip(interaction, int(match["user"]), int(match["prompt"]))


async def _stop(interaction: Interaction, match: re.Match[str]) -> None:
    await flow.stop(interaction, int(match["user"]), int(match["prompt"]))


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


async def _type_answer(interaction: Interaction, match: re.Match[str]) -> None:
    user, prompt = int(match["user"]), int(match["prompt"])
    if await refuse_foreign(interaction, user):
        return
    modal = TypedAnswerModal(user, prompt, await language_of(interaction))
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


#: A button's handler: the click and its custom_id matched against the button's template.
Handler = Callable[[Interaction, re.Match[str]], Awaitable[None]]

#: Every study button, by the template of its custom_id (bot.discord.components.ids).
ROUTES: tuple[tuple[re.Pattern[str], Handler], ...] = tuple(
    (re.compile(template), handler)
    for template, handler in (
        (ids.SHOW, _show),
        (ids.GRADE, _grade),
        (ids.PICK, _pick),
        (ids.TYPE, _type_answer),
        (ids.SKIP, _skip),
        (ids.STOP, _stop),
    )
)


async def handle_click(interaction: Interaction, custom_id: str) -> bool:
    """Run the study button ``custom_id`` names; False when it names none."""
    for template, handler in ROUTES:
        match = template.fullmatch(custom_id)
        if match is not None:
            await handler(interaction, match)
            return True
    return False
