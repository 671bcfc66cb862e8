"""Autocomplete in the emulator, driven against a tiny discord.py bot written here.

The bot is not studybot, so a failure points at the emulator: what the bot
receives while a user types (type 4, the focused option's partial text) and
how Discord judges its answer (type 8: at most 25 choices, names of 1-100
characters, values of the option's type, within the 3-second deadline).
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from typing import Any

import aiohttp
import discord
import pytest
from discord import app_commands
from discord.app_commands import Choice
from discord.ext import commands
from hypothesis import given
from hypothesis import strategies as st

from tests.e2e.conftest import running
from tests.emulator import Emulator, Guild, InteractionRecord, SimUser
from tests.emulator.validation import autocomplete_problems

FRUITS = ["apple", "apricot", "banana", "blueberry", "cherry", "grape", "mango"]
KOREAN_FRUITS = {"apple": "사과", "banana": "바나나", "grape": "포도"}


class CompletingBot(commands.Bot):
    """Records every autocomplete it sees: (option, typed text, namespace, locale)."""

    def __init__(self) -> None:
        super().__init__(command_prefix="!", intents=discord.Intents.default(),
                         guild_ready_timeout=0.05)
        self.asked: list[tuple[str, Any, dict[str, Any], str]] = []


def make_bot() -> CompletingBot:
    bot = CompletingBot()

    def remember(interaction: discord.Interaction[Any], option: str, current: Any) -> None:
        seen = {k: v for k, v in vars(interaction.namespace).items()}
        bot.asked.append((option, current, seen, interaction.locale.value))

    @bot.tree.command(description="Order fruit")
    async def order(interaction: discord.Interaction[Any], fruit: str, count: int = 1) -> None:
        if fruit == "durian":  # takes its time, within the deadline
            await asyncio.sleep(0.5)
        await interaction.response.send_message(f"{count} x {fruit}", ephemeral=True)

    @order.autocomplete("fruit")
    async def fruit_choices(interaction: discord.Interaction[Any], current: str
                            ) -> list[Choice[str]]:
        remember(interaction, "fruit", current)
        korean = interaction.locale is discord.Locale.korean
        found = [f for f in FRUITS if current.casefold() in f
                 or current in KOREAN_FRUITS.get(f, "")]
        return [Choice(name=KOREAN_FRUITS.get(f, f) if korean else f, value=f) for f in found]

    @order.autocomplete("count")
    async def count_choices(interaction: discord.Interaction[Any], current: str
                            ) -> list[Choice[int]]:
        remember(interaction, "count", current)
        return [Choice(name=f"{n} pieces", value=n) for n in (1, 6, 12) if str(n).startswith(
            current or str(n))]

    shelf = app_commands.Group(name="shelf", description="Shelves")

    @shelf.command(description="Find a shelf")
    async def find(interaction: discord.Interaction[Any], label: str, weight: float = 0.0,
                   unchecked: str = "") -> None:
        await interaction.response.send_message(label, ephemeral=True)

    @find.autocomplete("label")
    async def label_choices(interaction: discord.Interaction[Any], current: str
                            ) -> list[Choice[str]]:
        remember(interaction, "label", current)
        if current == "many":
            return [Choice(name=f"shelf {i}", value=f"s{i}") for i in range(30)]
        if current == "long":
            return [Choice(name="x" * 101, value="long")]
        if current == "slow":
            await asyncio.sleep(0.8)
        return [Choice(name=f"shelf {current}", value=current)] if current else []

    @find.autocomplete("weight")
    async def weight_choices(interaction: discord.Interaction[Any], current: str
                             ) -> list[Choice[Any]]:
        remember(interaction, "weight", current)
        if current == "text":  # a string for a number option: Discord refuses it
            return [Choice(name="heavy", value="heavy")]
        return [Choice(name="half a kilo", value=0.5), Choice(name="one kilo", value=1)]

    bot.tree.add_command(shelf)

    @bot.tree.command(description="Admins only")
    @app_commands.default_permissions(manage_guild=True)
    async def purge(interaction: discord.Interaction[Any], what: str) -> None:
        await interaction.response.send_message(what, ephemeral=True)

    @purge.autocomplete("what")
    async def purge_choices(interaction: discord.Interaction[Any], current: str
                            ) -> list[Choice[str]]:
        return [Choice(name="everything", value="all")]

    return bot


@pytest.fixture
async def shop(emu: Emulator) -> AsyncIterator[tuple[CompletingBot, Guild, SimUser]]:
    guild = emu.add_guild("Market", locale="ko")
    ana = emu.add_user("ana", locale="ko", guild=guild)
    async with running(make_bot(), emu) as bot:
        await bot.tree.sync()
        yield bot, guild, ana


async def test_partial_text_reaches_the_bot_and_its_choices_come_back(
        emu: Emulator, shop: tuple[CompletingBot, Guild, SimUser]) -> None:
    bot, guild, ana = shop
    choices = await emu.autocomplete(ana, "order", {"fruit": "ap"}, "fruit", guild=guild)
    assert choices == [{"name": "사과", "value": "apple"}, {"name": "apricot", "value": "apricot"},
                       {"name": "포도", "value": "grape"}]
    assert bot.asked[-1] == ("fruit", "ap", {"fruit": "ap"}, "ko")
    # Korean text typed in a Korean client.
    assert await emu.autocomplete(ana, "order", {"fruit": "바나"}, "fruit", guild=guild) == [
        {"name": "바나나", "value": "banana"}]
    # An English client in DMs, nothing typed yet: the option is sent with "".
    ben = emu.add_user("ben")
    everything = await emu.autocomplete(ben, "order", focused="fruit")
    assert [c["name"] for c in everything] == FRUITS
    assert bot.asked[-1][1:] == ("", {"fruit": ""}, "en-US")
    assert emu.missed_deadlines() == []
    payload = emu.interactions[max(emu.interactions)].payload
    assert payload["type"] == 4
    assert payload["data"]["options"] == [
        {"name": "fruit", "type": 3, "value": "", "focused": True}]


async def test_other_filled_options_arrive_typed_and_the_focused_one_as_text(
        emu: Emulator, shop: tuple[CompletingBot, Guild, SimUser]) -> None:
    bot, guild, ana = shop
    choices = await emu.autocomplete(ana, "order", {"fruit": "mango", "count": "1"}, "count",
                                     guild=guild)
    assert choices == [{"name": "1 pieces", "value": 1}, {"name": "12 pieces", "value": 12}]
    option, current, seen, _ = bot.asked[-1]
    assert (option, current) == ("count", "1")  # integer option, but still the typed text
    assert seen == {"fruit": "mango", "count": "1"}
    sent = emu.interactions[max(emu.interactions)].payload["data"]["options"]
    assert sent == [{"name": "fruit", "type": 3, "value": "mango"},
                    {"name": "count", "type": 4, "value": "1", "focused": True}]


async def test_subcommand_options_are_nested_and_number_values_accepted(
        emu: Emulator, shop: tuple[CompletingBot, Guild, SimUser]) -> None:
    bot, guild, ana = shop
    found = await emu.autocomplete(ana, "shelf find", {"label": "b2"}, guild=guild)
    assert found == [{"name": "shelf b2", "value": "b2"}]
    data = emu.interactions[max(emu.interactions)].payload["data"]
    assert data["options"] == [{"name": "find", "type": 1, "options": [
        {"name": "label", "type": 3, "value": "b2", "focused": True}]}]
    weights = await emu.autocomplete(ana, "shelf find", {"label": "b2", "weight": "0"},
                                     "weight", guild=guild)
    assert [c["value"] for c in weights] == [0.5, 1]
    assert bot.asked[-1][2] == {"label": "b2", "weight": "0"}


@pytest.mark.parametrize(("typed", "option", "path"), [
    ("many", "label", ["choices"]),            # 30 choices, Discord takes 25
    ("long", "label", ["choices", "0", "name"]),  # a 101-character name
    ("text", "weight", ["choices", "0", "value"]),  # a string for a number option
])
async def test_answers_discord_would_refuse_fail_loudly(
        emu: Emulator, shop: tuple[CompletingBot, Guild, SimUser],
        typed: str, option: str, path: list[str]) -> None:
    _, guild, ana = shop
    with pytest.raises(AssertionError, match="refused the autocomplete answer"):
        await emu.autocomplete(ana, "shelf find", {option: typed}, option, guild=guild)
    record = emu.interactions[max(emu.interactions)]
    assert record.callbacks == []
    assert [code for code, _ in record.rejected] == [50035]
    node = record.errors[0]["data"]
    for key in path:
        node = node[key]
    assert node["_errors"]
    callback = emu.requests("POST /interactions/*/*/callback")[-1]
    assert callback.status == 400


async def test_a_slow_autocomplete_is_a_missed_deadline(
        emu: Emulator, shop: tuple[CompletingBot, Guild, SimUser]) -> None:
    _, guild, ana = shop
    emu.interaction_deadline = 0.3
    with pytest.raises(TimeoutError, match=r"no autocomplete answer within 0\.3 s"):
        await emu.autocomplete(ana, "shelf find", {"label": "slow"}, guild=guild)
    record = emu.interactions[max(emu.interactions)]
    assert emu.missed_deadlines() == [record]
    # The late answer still arrives, and Discord no longer knows the interaction.
    await emu.wait_for(lambda: record.rejected, 2.0)
    assert record.rejected[0][0] == 10062
    assert record.callbacks == []


async def _callback(emu: Emulator, record: InteractionRecord, body: dict[str, Any]
                    ) -> tuple[int, dict[str, Any]]:
    """Answers an interaction directly, as a bot with its own HTTP code would."""
    url = f"{emu.api_base}/interactions/{record.id}/{record.token}/callback"
    async with aiohttp.ClientSession() as session, session.post(url, json=body) as answer:
        return answer.status, await answer.json()


async def test_type_8_answers_autocomplete_only_and_a_message_cannot(
        emu: Emulator, shop: tuple[CompletingBot, Guild, SimUser]) -> None:
    _, guild, ana = shop
    typing = await emu.autocomplete_handle(ana, "shelf find", {"label": "slow"}, guild=guild)
    status, body = await _callback(emu, typing.record, {"type": 4, "data": {"content": "hi"}})
    assert (status, body["code"]) == (400, 50035)
    status, _ = await _callback(emu, typing.record, {"type": 8, "data": {"choices": [
        {"name": "shelf A", "value": "a", "name_localizations": {"ko": "선반 A"}}]}})
    assert status == 200
    await emu.wait_for(lambda: len(typing.record.rejected) == 2, 3.0)
    assert [code for code, _ in typing.record.rejected] == [50035, 40060]  # the bot came late

    # A choice list is no answer to a slash command; the bot's own answer still counts.
    ordering = await emu.slash(ana, "order", {"fruit": "durian"}, guild=guild)
    status, body = await _callback(emu, ordering.record, {"type": 8, "data": {"choices": []}})
    assert (status, body["code"]) == (400, 50035)
    assert (await ordering.response()).content == "1 x durian"

    fresh = await emu.autocomplete_handle(ana, "shelf find", {"label": "slow"}, guild=guild)
    status, body = await _callback(emu, fresh.record, {"type": 8, "data": {"choices": [
        {"name": "x", "value": "x", "name_localizations": {"xx": "y"}}]}})
    assert status == 400
    assert "xx" in body["errors"]["data"]["choices"]["0"]["name_localizations"]


async def test_client_side_refusals(
        emu: Emulator, shop: tuple[CompletingBot, Guild, SimUser]) -> None:
    _, guild, ana = shop
    with pytest.raises(ValueError, match="does not autocomplete"):
        await emu.autocomplete(ana, "shelf find", {"unchecked": "a"}, guild=guild)
    with pytest.raises(TypeError, match="text typed so far"):
        await emu.autocomplete(ana, "order", {"fruit": 3}, guild=guild)
    with pytest.raises(TypeError):  # a filled integer option still has its type
        await emu.autocomplete(ana, "order", {"fruit": "a", "count": "six"}, "fruit",
                               guild=guild)
    with pytest.raises(KeyError):
        await emu.autocomplete(ana, "order", {"colour": "red"}, "colour", guild=guild)
    with pytest.raises(PermissionError):  # Discord hides /purge from non-managers
        await emu.autocomplete(ana, "purge", {"what": "e"}, guild=guild)
    admin = emu.add_user("root", guild=guild, admin=True)
    assert await emu.autocomplete(admin, "purge", {"what": "e"}, guild=guild) == [
        {"name": "everything", "value": "all"}]


# -- Discord's rules on the answer, for any list ---------------------------------------------

names = st.text(min_size=0, max_size=110)
string_choices = st.lists(st.fixed_dictionaries({"name": names, "value": st.text(max_size=100)}),
                          max_size=30)


@given(string_choices)
def test_a_string_answer_is_accepted_exactly_when_within_discords_limits(
        choices: list[dict[str, Any]]) -> None:
    fits = len(choices) <= 25 and all(1 <= len(c["name"]) <= 100 for c in choices)
    problems = autocomplete_problems({"choices": choices}, {"type": 3})
    assert (problems == {}) is fits


@given(st.one_of(st.integers(), st.floats(allow_nan=False), st.text(max_size=5), st.booleans()))
def test_an_integer_option_takes_only_safe_integers(value: Any) -> None:
    problems = autocomplete_problems({"choices": [{"name": "n", "value": value}]}, {"type": 4})
    fits = type(value) is int and abs(value) <= 2**53
    assert (problems == {}) is fits


@pytest.mark.parametrize("option", [
    {"type": 3, "choices": [{"name": "a", "value": "a"}]},  # fixed choices or autocomplete
    {"type": 5},                                            # a boolean has nothing to complete
])
async def test_registering_an_impossible_autocomplete_option_is_refused(
        emu: Emulator, option: dict[str, Any]) -> None:
    body = [{"name": "pick", "description": "Pick", "options": [
        {"name": "it", "description": "It", "autocomplete": True, **option}]}]
    url = f"{emu.api_base}/applications/{emu.application_id}/commands"
    headers = {"Authorization": f"Bot {emu.token}"}
    async with aiohttp.ClientSession() as session, session.put(
            url, json=body, headers=headers) as answer:
        assert answer.status == 400
        errors = (await answer.json())["errors"]
    assert errors["0"]["options"]["0"]["autocomplete"]["_errors"]
    assert emu.commands() == []
