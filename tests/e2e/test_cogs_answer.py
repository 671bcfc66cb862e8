"""`respond` (how the cogs reply) against the emulator with the real discord.py client:
quick work is one reply, slow work is deferred in time, broken work gets an apology."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from typing import Any

import discord
import pytest
from discord.ext import commands

from bot.discord.interactions import COMMAND_BUDGET, Screen, respond
from tests.e2e.conftest import discord_pointed_at, running
from tests.emulator import Emulator

pytestmark = pytest.mark.e2e

CHANNEL_MESSAGE, DEFERRED_MESSAGE = 4, 5


def _bot() -> commands.Bot:
    bot = commands.Bot(command_prefix="!", intents=discord.Intents.none(),
                       guild_ready_timeout=0.05)

    async def work(delay: float, fail: bool = False) -> Screen:
        await asyncio.sleep(delay)
        if fail:
            raise RuntimeError("the database went away")
        return Screen([discord.Embed(title=f"done after {delay}")], content="hello")

    @bot.tree.command(description="Quick")
    async def quick(interaction: discord.Interaction[Any]) -> None:
        await respond(interaction, work(0))

    @bot.tree.command(description="Slow")
    async def slow(interaction: discord.Interaction[Any]) -> None:
        await respond(interaction, work(COMMAND_BUDGET + 0.5))

    @bot.tree.command(description="Broken")
    async def broken(interaction: discord.Interaction[Any]) -> None:
        await respond(interaction, work(0, fail=True))

    return bot


@pytest.fixture
async def emu() -> AsyncIterator[Emulator]:
    async with Emulator() as emulator, discord_pointed_at(emulator):
        emulator.add_guild("Study Group")
        yield emulator


async def _synced(emu: Emulator, bot: commands.Bot) -> None:
    await bot.tree.sync()
    await emu.wait_for(lambda: len(emu.commands()) == 3)


async def test_quick_work_is_one_private_reply(emu: Emulator) -> None:
    guild = next(iter(emu.world.guilds.values()))
    user = emu.add_user("mo", guild=guild)
    async with running(_bot(), emu) as bot:
        await _synced(emu, bot)
        handle = await emu.slash(user, "quick", guild=guild)
        reply = await handle.response()
    assert (await handle.ack()).type == CHANNEL_MESSAGE
    assert reply.ephemeral and reply.content == "hello"
    assert reply.embeds[0]["title"] == "done after 0"


async def test_slow_work_is_deferred_well_before_discords_deadline(emu: Emulator) -> None:
    user = emu.add_user("no")
    async with running(_bot(), emu) as bot:
        await _synced(emu, bot)
        handle = await emu.slash(user, "slow")
        first = await handle.ack()
        reply = await handle.response()
    assert first.type == DEFERRED_MESSAGE
    assert handle.ack_delay is not None and handle.ack_delay < 1.5
    assert reply.embeds[0]["title"] == f"done after {COMMAND_BUDGET + 0.5}"
    assert emu.missed_deadlines() == []


async def test_broken_work_gets_an_apology_not_silence(emu: Emulator) -> None:
    user = emu.add_user("ola", locale="ko")
    async with running(_bot(), emu) as bot:
        await _synced(emu, bot)
        handle = await emu.slash(user, "broken")
        reply = await handle.response()
    assert reply.ephemeral
    assert reply.content.startswith("앗, 문제가 생겼어요")
