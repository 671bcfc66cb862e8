"""Korean command localizations come from the catalogue and are always names Discord accepts."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import re
from collections.abc import Iterator
from typing import Any

import discord
import pytest
from discord import app_commands
from discord.app_commands import TranslationContext
from discord.app_commands import TranslationContextLocation as Where
from discord.ext import commands

import bot.discord.cogs
from bot.discord.cogs.study import Study
from bot.discord.translator import (
    CatalogueTranslator,
    _discord_tables,
    counted,
    lookup,
    message,
)

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


def _cog_classes() -> list[type[commands.Cog]]:
    found: list[type[commands.Cog]] = []
    for info in pkgutil.walk_packages(bot.discord.cogs.__path__, "bot.discord.cogs."):
        module = importlib.import_module(info.name)
        found += [cls for _, cls in inspect.getmembers(module, inspect.isclass)
                  if issubclass(cls, commands.Cog) and cls.__module__ == module.__name__]
    return found


def _source_strings() -> list[tuple[str, str]]:
    """(catalogue key, English source string) of every description and choice in the cogs."""
    def key(string: object, default: str) -> str:
        explicit = string.extras.get("key") if isinstance(string, app_commands.locale_str) else None
        return explicit if isinstance(explicit, str) else default

    def walk(command: Any) -> Iterator[Any]:
        yield command
        if isinstance(command, app_commands.Group):
            for child in command.commands:
                yield from walk(child)

    strings = []
    for cog in _cog_classes():
        for top in cog.__cog_app_commands__:
            for command in walk(top):
                dotted = command.qualified_name.replace(" ", ".")
                described = getattr(command, "_locale_description", None) or command.description
                strings.append((key(described, f"cmd.{dotted}.description"), str(described)))
                for param in getattr(command, "_params", {}).values():
                    strings.append((key(param.description, f"cmd.{dotted}.opt.{param.name}"
                                        ".description"), str(param.description)))
                    for choice in param.choices or []:
                        name = choice._locale_name or choice.name
                        strings.append((key(name, f"choice.{choice.value}"), str(name)))
    return strings


def test_the_english_a_client_shows_is_the_catalogues_english() -> None:
    # English clients get the cogs' source strings; the catalogue's English must say the same,
    # or a fix made in one place never reaches the other.
    strings = _source_strings()
    assert len(strings) > 50  # every cog was found
    assert [(k, s, lookup(k, "en")) for k, s in strings if lookup(k, "en") != s] == []
