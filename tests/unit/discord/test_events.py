"""A DM click's message is the same `discord.Message` discord.py builds, made only when read."""

from __future__ import annotations

import asyncio
from typing import Any

import discord

from bot.discord.events import _MESSAGE_SLOT, LazyMessageInteraction, install

USER = {"id": "42", "username": "ana", "discriminator": "0", "global_name": "Ana", "avatar": None}
BOT = {"id": "7", "username": "studybot", "discriminator": "0", "avatar": None, "bot": True}


def click() -> dict[str, Any]:
    message = {
        "id": "900", "channel_id": "300", "author": BOT, "content": "", "timestamp":
        "2026-12-07T10:00:00+00:00", "edited_timestamp": None, "tts": False,
        "mention_everyone": False, "mentions": [], "mention_roles": [], "attachments": [],
        "embeds": [{"title": "Deck", "description": "What is DNS?", "type": "rich"}],
        "pinned": False, "type": 0, "flags": 0,
        "components": [{"type": 1, "components": [
            {"type": 2, "style": 1, "label": "Show answer", "custom_id": "sb:show:42:5"}]}],
    }
    data: dict[str, Any] = {
        "id": "1000", "application_id": "7", "type": 3, "token": "t", "version": 1,
        "channel": {"id": "300", "type": 1, "recipients": [USER]}, "channel_id": "300",
        "data": {"custom_id": "sb:show:42:5", "component_type": 2},
        "locale": "ko", "attachment_size_limit": 8_000_000, "message": message,
    }
    data["user"] = USER
    return data


def state() -> Any:
    return discord.Client(intents=discord.Intents.none())._connection


def test_a_dm_clicks_message_is_built_when_read_and_equals_discord_pys() -> None:
    async def run() -> None:
        st = state()
        lazy = LazyMessageInteraction(data=click(), state=st)
        eager = discord.Interaction(data=click(), state=st)
        assert _MESSAGE_SLOT.__get__(lazy) is None  # not parsed yet
        assert lazy.user.id == eager.user.id == 42
        assert lazy.data == eager.data and lazy.locale is eager.locale
        got, want = lazy.message, eager.message
        assert got is not None and want is not None
        assert (got.id, got.channel.id, got.embeds[0].to_dict(), got.components[0].to_dict()) \
            == (want.id, want.channel.id, want.embeds[0].to_dict(), want.components[0].to_dict())
        assert lazy.message is got  # built once

    asyncio.run(run())


def test_a_message_set_later_replaces_the_pending_one() -> None:
    async def run() -> None:
        lazy = LazyMessageInteraction(data=click(), state=state())
        lazy.message = None
        assert lazy.message is None

    asyncio.run(run())


def test_a_dm_click_is_read_without_its_message_unless_a_view_is_stored() -> None:
    async def run() -> None:
        client = discord.Client(intents=discord.Intents.none())
        install(client)
        st = client._connection
        seen: list[Any] = []
        st.dispatch = lambda event, *args: seen.append(args[0])  # type: ignore[method-assign]
        st.parsers["INTERACTION_CREATE"](click())
        assert _MESSAGE_SLOT.__get__(seen[-1]) is None
        # A view discord.py keeps (not stopped) is looked up by the click's message.
        view = discord.ui.View(timeout=None)
        view.add_item(discord.ui.Button(label="x", custom_id="other"))
        st.store_view(view, 900)
        st.parsers["INTERACTION_CREATE"](click())
        assert _MESSAGE_SLOT.__get__(seen[-1]) is not None

    asyncio.run(run())
