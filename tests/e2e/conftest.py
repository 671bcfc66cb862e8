"""Fixtures for end-to-end tests against the local Discord emulator (tests/emulator)."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from typing import TypeVar

import discord
import pytest
import yarl

from tests.emulator import Emulator

ClientT = TypeVar("ClientT", bound=discord.Client)


@pytest.fixture
async def emu() -> AsyncIterator[Emulator]:
    """A running emulator with discord.py pointed at it (restored afterwards)."""
    async with Emulator() as emulator, discord_pointed_at(emulator):
        yield emulator


def studybot_env(emulator: Emulator, *, dev_guild_id: int | None = None) -> dict[str, str]:
    """Environment that makes ``studybot run`` talk to the emulator (bot/settings.py names)."""
    env = {
        "STUDYBOT_DISCORD_TOKEN": emulator.token,
        "STUDYBOT_DISCORD_API_BASE": emulator.api_base,
        "STUDYBOT_DISCORD_GATEWAY": emulator.gateway_url,
        "STUDYBOT_GUILD_READY_TIMEOUT": "0.05",
    }
    if dev_guild_id is not None:
        env["STUDYBOT_DEV_GUILD_ID"] = str(dev_guild_id)
    return env


@contextlib.asynccontextmanager
async def discord_pointed_at(emulator: Emulator) -> AsyncIterator[None]:
    """discord.py has no option for its API and gateway URLs: two class attributes it is."""
    old_base = discord.http.Route.BASE
    old_gateway = discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY
    discord.http.Route.BASE = emulator.api_base
    discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(emulator.gateway_url)
    try:
        yield
    finally:
        discord.http.Route.BASE = old_base
        discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = old_gateway


@contextlib.asynccontextmanager
async def running(client: ClientT, emulator: Emulator,
                  ready_within: float = 5.0) -> AsyncIterator[ClientT]:
    """Runs ``client.start`` in the background until the block ends, then closes it."""
    task = asyncio.create_task(client.start(emulator.token))
    try:
        async with asyncio.timeout(ready_within):
            while not client.is_ready():
                if task.done():
                    task.result()  # surfaces login/connect errors
                await asyncio.sleep(0.01)
        yield client
    finally:
        await client.close()
        if not task.done():
            with contextlib.suppress(asyncio.CancelledError):
                await asyncio.wait_for(task, 5.0)
