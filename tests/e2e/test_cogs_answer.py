"""`respond` (how the cogs reply) against the emulator with the real discord.py client:
quick work is one reply, slow work is deferred in time, broken work gets an apology;
a click's quick work redraws its message in one request, slow work is deferred in time
and then drawn; the bot never asks for a callback's resource it does not read."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from typing import Any

import discord
import pytest
from discord.ext import commands

from bot.discord.interactions import CLICK_BUDGET, COMMAND_BUDGET, Screen, respond
from tests.e2e.conftest import discord_pointed_at, running
from tests.emulator import Emulator
from tests.emulator.interactions import InteractionHandle

pytestmark = pytest.mark.e2e

CHANNEL_MESSAGE, DEFERRED_MESSAGE, DEFERRED_UPDATE, UPDATE_MESSAGE = 4, 5, 6, 7
CALLBACK, ORIGINAL = "POST /interactions/*/*/callback", "PATCH /webhooks/*/*/messages/@original"
#: The clicks' work: custom_id -> seconds it takes.
CLICKS = {"quick": 0.0, "slow": CLICK_BUDGET + 0.4}


def _bot() -> commands.Bot:
    bot = commands.Bot(command_prefix="!", intents=discord.Intents.none(),
                       guild_ready_timeout=0.05)

    async def work(delay: float, fail: bool = False,
                   view: discord.ui.View | None = None) -> Screen:
        await asyncio.sleep(delay)
        if fail:
            raise RuntimeError("the database went away")
        return Screen([discord.Embed(title=f"done after {delay}")], content="hello", view=view)

    @bot.tree.command(description="Quick")
    async def quick(interaction: discord.Interaction[Any]) -> None:
        await respond(interaction, work(0))

    @bot.tree.command(description="Slow")
    async def slow(interaction: discord.Interaction[Any]) -> None:
        await respond(interaction, work(COMMAND_BUDGET + 0.5))

    @bot.tree.command(description="Broken")
    async def broken(interaction: discord.Interaction[Any]) -> None:
        await respond(interaction, work(0, fail=True))

    @bot.tree.command(description="Buttons")
    async def panel(interaction: discord.Interaction[Any]) -> None:
        view = discord.ui.View(timeout=None)
        for custom_id in CLICKS:
            view.add_item(discord.ui.Button(label=custom_id, custom_id=custom_id))
        view.stop()  # answered by custom_id below, as the study buttons are
        await respond(interaction, work(0, view=view))

    @bot.listen()
    async def on_interaction(interaction: discord.Interaction[Any]) -> None:
        custom_id = (interaction.data or {}).get("custom_id")
        if interaction.type is discord.InteractionType.component and custom_id in CLICKS:
            await respond(interaction, work(CLICKS[str(custom_id)]), update=True)

    return bot


@pytest.fixture
async def emu() -> AsyncIterator[Emulator]:
    async with Emulator() as emulator, discord_pointed_at(emulator):
        emulator.add_guild("Study Group")
        yield emulator


async def _synced(emu: Emulator, bot: commands.Bot) -> None:
    await bot.tree.sync()
    await emu.wait_for(lambda: len(emu.commands()) == 4)


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


def _answering(emu: Emulator, handle: InteractionHandle) -> list[tuple[str, int, str | None]]:
    """(route, status, with_response) of every request answering one interaction."""
    return [(f"{r.method} {r.path.rsplit('/', 1)[-1]}", r.status, r.query.get("with_response"))
            for r in emu.requests(CALLBACK) + emu.requests(ORIGINAL)
            if f"/{handle.record.token}/" in r.path]


async def test_a_quick_click_redraws_its_message_in_one_request(emu: Emulator) -> None:
    guild = next(iter(emu.world.guilds.values()))
    user = emu.add_user("pia", guild=guild)
    async with running(_bot(), emu) as bot:
        await _synced(emu, bot)
        panel = await (await emu.slash(user, "panel", guild=guild)).response()
        handle = await emu.click(user, panel, custom_id="quick")
        redrawn = await handle.response()
    assert (await handle.ack()).type == UPDATE_MESSAGE
    assert redrawn.id == panel.id and redrawn.embeds[0]["title"] == "done after 0.0"
    assert redrawn.buttons() == []  # the work's screen had no view: the buttons are gone
    assert _answering(emu, handle) == [("POST callback", 204, None)]


async def test_a_slow_click_is_acknowledged_in_time_then_redrawn(emu: Emulator) -> None:
    guild = next(iter(emu.world.guilds.values()))
    user = emu.add_user("quinn", guild=guild)
    async with running(_bot(), emu) as bot:
        await _synced(emu, bot)
        panel = await (await emu.slash(user, "panel", guild=guild)).response()
        handle = await emu.click(user, panel, custom_id="slow")
        first = await handle.ack()
        await emu.wait_for(lambda: emu.requests(ORIGINAL), 5.0)
        redrawn = await handle.response()
    assert first.type == DEFERRED_UPDATE
    assert handle.ack_delay is not None and handle.ack_delay < CLICK_BUDGET + 0.4
    assert redrawn.id == panel.id
    assert redrawn.embeds[0]["title"] == f"done after {CLICKS['slow']}"
    assert [(route, status) for route, status, _ in _answering(emu, handle)] == [
        ("POST callback", 204), ("PATCH @original", 200)]
    assert _answering(emu, handle)[0][2] is None  # its resource not asked for
    assert emu.missed_deadlines() == []
