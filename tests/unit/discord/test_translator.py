"""Korean command localizations come from the catalogue and are always names Discord accepts."""

from __future__ import annotations

import re

import discord
import pytest
from discord import app_commands
from discord.app_commands import TranslationContext
from discord.app_commands import TranslationContextLocation as Where

from bot.discord.cogs.study import Study
from bot.discord.translator import CatalogueTranslator, _discord_tables, counted, message

NAME = re.compile(r"^[-_\w]{1,32}$")


async def _ko(string: app_commands.locale_str, where: Where, data: object) -> str | None:
    context = TranslationContext(location=where, data=data)  # type: ignore[call-overload]
    return await CatalogueTranslator().translate(string, discord.Locale.korean, context)


async def test_study_command_is_localized_from_the_catalogue() -> None:
    command = Study.study
    assert await _ko(app_commands.locale_str("study"), Where.command_name, command) == "학습"
    description = await _ko(
        app_commands.locale_str("x"), Where.command_description, command)
    assert description is not None
    assert description.startswith("오늘 복습할 카드")
    deck, mode = command.parameters
    assert await _ko(app_commands.locale_str("deck"), Where.parameter_name, deck) == "덱"
    assert await _ko(app_commands.locale_str("mode"), Where.parameter_name, mode) == "모드"
    payloads = [await choice.get_translated_payload(CatalogueTranslator())
                for choice in mode.choices]
    assert [p["name_localizations"]["ko"] for p in payloads] == [
        "오늘 할 카드", "틀린 카드 (최근 7일)"]


async def test_english_clients_get_the_source_strings() -> None:
    context = TranslationContext(location=Where.command_name, data=Study.study)
    got = await CatalogueTranslator().translate(
        app_commands.locale_str("study"), discord.Locale.american_english, context)
    assert got is None


async def test_unknown_keys_are_left_to_discord() -> None:
    choice = app_commands.Choice(name="Never translated", value="no-such-value-xyz")
    assert await _ko(app_commands.locale_str("Never translated"), Where.choice_name,
                     choice) is None


async def test_an_explicit_key_wins() -> None:
    string = app_commands.locale_str("whatever", key="discord.study.button.show")
    assert await _ko(string, Where.other, None) == "정답 보기"


@pytest.mark.parametrize("table", _discord_tables())
def test_every_command_name_in_the_discord_tables_is_valid(
        table: dict[str, dict[str, str]]) -> None:
    names = {k: v for k, v in table.items() if k.startswith("cmd.") and k.endswith(".name")}
    for key, texts in names.items():
        for lang, name in texts.items():
            assert NAME.match(name) and name == name.lower(), (key, lang, name)


def test_message_fills_and_falls_back() -> None:
    assert message("left.today", "ko", n=3) == "오늘 3장 남음"
    assert message("left.today", "fr", n=3) == "3 left today"
    assert counted("left.today", "en", 1) == "1 left today"
    assert message("no.such.key", "en") == "no.such.key"
    assert message("grade.good", "ko") == "좋음"  # from the shared catalogue
