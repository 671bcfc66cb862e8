"""Korean names and descriptions of slash commands, from the one message catalogue.

Key scheme (so a cog needs nothing but its strings in the catalogue):

- a command or group: ``cmd.<qualified name, spaces as dots>.name`` / ``.description``
  (``/decks join`` -> ``cmd.decks.join.name``);
- an option: ``cmd.<command>.opt.<option>.name`` / ``.description``;
- a choice: ``choice.<value>``;
- any ``locale_str(..., key="...")`` uses that key instead.

The source strings are English (Discord's default); only Korean is
localized.  A Korean command name that Discord would refuse is repaired
(lowercase, spaces as dashes) or dropped, because one bad name fails the
whole sync.

`message` is the lookup front ends use: the catalogue first, then the
Discord tables (``bot/i18n/discord_*.py``) that are not merged into it yet.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Mapping
from functools import lru_cache
from typing import Any

import discord
from discord import app_commands
from discord.app_commands import TranslationContextLocation as Where

import bot.i18n
from bot.discord import text
from bot.i18n import has_message, t
from bot.i18n.catalogue import fill, template

Table = Mapping[str, Mapping[str, str]]


@lru_cache(maxsize=1)
def _discord_tables() -> tuple[Table, ...]:
    tables: list[Table] = []
    for info in pkgutil.iter_modules(bot.i18n.__path__):
        if info.name.startswith("discord_"):
            module = importlib.import_module(f"bot.i18n.{info.name}")
            table = getattr(module, "MESSAGES", None)
            if isinstance(table, Mapping):
                tables.append(table)
    return tuple(tables)


def lookup(key: str, lang: str) -> str | None:
    """The raw template of ``key`` in ``lang`` (English as fallback), or None if unknown."""
    raw = template(key, lang)
    if raw is not None:
        return raw  # callers use `message` to fill
    for table in _discord_tables():
        texts = table.get(key)
        if texts is not None:
            return texts.get(lang) or texts.get("en")
    return None


def message(key: str, lang: str, /, **values: object) -> str:
    """``key`` in ``lang``, filled with ``values``; the key itself when it is unknown."""
    if has_message(key):
        return t(key, lang, **values)
    raw = lookup(key, lang)
    return key if raw is None else fill(raw, values, lang)


def counted(key: str, lang: str, n: int, /, **values: object) -> str:
    """Like `message` for a count: ``key.one`` when ``n == 1`` and it exists."""
    one = key + ".one"
    return message(one if n == 1 and lookup(one, lang) is not None else key, lang, n=n, **values)


def key_for(string: app_commands.locale_str, context: app_commands.TranslationContextTypes) -> str:
    explicit = string.extras.get("key")
    if isinstance(explicit, str):
        return explicit
    data: Any = context.data
    where = context.location
    if where in (Where.command_name, Where.group_name):
        return f"cmd.{_dotted(data)}.name"
    if where in (Where.command_description, Where.group_description):
        return f"cmd.{_dotted(data)}.description"
    if where in (Where.parameter_name, Where.parameter_description):
        suffix = "name" if where is Where.parameter_name else "description"
        return f"cmd.{_dotted(data.command)}.opt.{data.name}.{suffix}"
    if where is Where.choice_name:
        return f"choice.{data.value}"
    return string.message


def _dotted(command: Any) -> str:
    return str(command.qualified_name).replace(" ", ".")


class CatalogueTranslator(app_commands.Translator):
    """Feeds ``name_localizations``/``description_localizations`` from the catalogue."""

    async def translate(
        self,
        string: app_commands.locale_str,
        locale: discord.Locale,
        context: app_commands.TranslationContextTypes,
    ) -> str | None:
        if locale is not discord.Locale.korean:
            return None
        template = lookup(key_for(string, context), "ko")
        if template is None:
            return None
        where = context.location
        if where in (Where.command_name, Where.group_name, Where.parameter_name):
            return text.command_name(template)
        if where is Where.choice_name:
            return text.cut(text.one_line(template), text.CHOICE_NAME)
        return text.cut(text.one_line(template), text.COMMAND_DESCRIPTION)


#: Commands our texts mention, by the placeholder they fill.
COMMANDS = ("study", "decks", "settings", "stats", "help")


def command_names(lang: str) -> dict[str, str]:
    """``{"study": "/학습", ...}``: commands as the member's client lists them.

    Also ``new_per_day``: that /settings option's shown name, for the example.
    """
    names = {name: "/" + message(f"cmd.{name}.name", lang) for name in COMMANDS}
    names["new_per_day"] = message("cmd.settings.opt.new_per_day.name", lang)
    return names
