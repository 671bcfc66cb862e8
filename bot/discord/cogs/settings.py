"""/settings: show a learner's settings, or change some of them in one go.

Validation is the use case's (bot.study.preferences); this cog only words
its verdict.  Time zones autocomplete from the IANA list with forgiving
matching, Korean clients seeing Asia/Seoul first (bot.discord.options).
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any, Final

import discord
from discord import app_commands
from discord.app_commands import Choice, locale_str
from discord.ext import commands

from bot.discord import text
from bot.discord.interactions import (
    Screen,
    client_language,
    language_of,
    reply_language,
    respond,
)
from bot.discord.options import local_time, timezone_choices
from bot.discord.translator import command_names, message
from bot.i18n import Lang
from bot.study.preferences import (
    AUTO,
    DECK_DEFAULT,
    InvalidPreferencesError,
    PreferenceChange,
    PreferenceProblem,
    Preferences,
    ProblemKind,
    read_preferences,
    update_preferences,
)

if TYPE_CHECKING:
    from bot.discord.client import StudyBot

COLOR_SETTINGS = discord.Colour.blurple()
COLOR_SAVED = discord.Colour.green()
COLOR_REFUSED = discord.Colour.red()

LANGUAGE_CHOICES: Final = [
    Choice(name=locale_str("Korean (한국어)", key="settings.choice.ko"), value="ko"),
    Choice(name=locale_str("English", key="settings.choice.en"), value="en"),
    Choice(name=locale_str("Follow my Discord language", key="settings.choice.auto"), value=AUTO),
]
SCHEDULER_CHOICES: Final = [
    Choice(name=locale_str("SM-2 (classic)", key="settings.choice.sm2"), value="sm2"),
    Choice(name=locale_str("FSRS (memory model)", key="settings.choice.fsrs"), value="fsrs"),
    Choice(name=locale_str("Follow each deck's default", key="settings.choice.deck"),
           value=DECK_DEFAULT),
]


def _language_value(prefs: Preferences, lang: str, client: Lang) -> str:
    """The saved language, or "follow Discord" with the client's language it follows now."""
    if prefs.language in ("ko", "en"):
        return message(f"settings.value.language.{prefs.language}", lang)
    return message(
        "settings.value.language.auto",
        lang,
        current=message(f"settings.value.language.{client}", lang),
    )


def retention_ratio(value: float) -> str:
    """``0.9`` -> ``"0.90"``: the scale the option is typed on, so what /settings shows can be
    typed back; a third decimal only when the learner set one."""
    shown = f"{value:.3f}"
    return shown[:-1] if shown.endswith("0") else shown


def settings_embed(
    prefs: Preferences, lang: str, now: datetime, client: Lang, *, saved: bool = False
) -> discord.Embed:
    """A learner's settings; ``client`` is the language their Discord client speaks."""
    embed = discord.Embed(
        title=message("settings.saved_title" if saved else "settings.title", lang),
        colour=COLOR_SAVED if saved else COLOR_SETTINGS,
    )
    rows = (
        ("timezone", message("settings.value.timezone", lang, zone=prefs.timezone,
                             time=local_time(prefs.timezone, now))),
        ("language", _language_value(prefs, lang, client)),
        ("new_per_day", message("settings.value.cards", lang, n=prefs.new_per_day)),
        ("reviews_per_day", message("settings.value.cards", lang, n=prefs.reviews_per_day)),
        ("rollover_hour", message("settings.value.hour", lang, hour=prefs.rollover_hour)),
        ("scheduler", message(f"settings.value.scheduler.{prefs.scheduler or DECK_DEFAULT}",
                              lang)),
        ("desired_retention", message("settings.value.retention", lang,
                                      ratio=retention_ratio(prefs.desired_retention),
                                      percent=round(prefs.desired_retention * 100))),
    )
    for field, value in rows:
        embed.add_field(name=message(f"settings.field.{field}", lang), value=value, inline=True)
    if not saved:
        embed.set_footer(text=message("settings.hint", lang, **command_names(lang)))
    return embed


def problem_line(problem: PreferenceProblem, lang: str) -> str:
    """One refused value, said so the learner knows what to send instead."""
    value = text.cut(text.one_line(str(problem.value)), 100).replace("`", "'")
    if problem.kind is ProblemKind.UNKNOWN_ZONE:
        if problem.suggestions:
            listed = ", ".join(f"`{s}`" for s in problem.suggestions)
            return message("settings.error.zone", lang, value=value, suggestions=listed)
        return message("settings.error.zone_no_match", lang, value=value)
    if problem.kind is ProblemKind.UNKNOWN_LANGUAGE:
        return message("settings.error.language", lang, value=value)
    if problem.kind is ProblemKind.UNKNOWN_SCHEDULER:
        return message("settings.error.scheduler", lang, value=value)
    return message(
        "settings.error.range",
        lang,
        field=message(f"settings.field.{problem.field}", lang),
        low=problem.low,
        high=problem.high,
        value=value,
    )


def refusal_embed(problems: tuple[PreferenceProblem, ...], lang: str) -> discord.Embed:
    embed = discord.Embed(
        title=message("settings.error.title", lang),
        description=text.cut(
            "\n".join(f"• {problem_line(p, lang)}" for p in problems), text.EMBED_DESCRIPTION
        ),
        colour=COLOR_REFUSED,
    )
    embed.set_footer(text=message("settings.error.footer", lang))
    return embed


class SettingsCog(commands.Cog):
    def __init__(self, bot: StudyBot) -> None:
        self.bot = bot

    @app_commands.command(
        name="settings",
        description="Show or change your time zone, language, daily limits and scheduler",
    )
    @app_commands.describe(
        timezone="Your time zone (e.g. Asia/Seoul)",
        language="The language the bot talks to you in",
        new_per_day="New cards per day (0–1000)",
        reviews_per_day="Reviews per day (0–10000)",
        rollover_hour="Hour your study day starts (0–23)",
        scheduler="How your reviews are scheduled (switching rebuilds them from your history)",
        desired_retention="Under FSRS, the share of reviews you aim to recall "
        "(0.70–0.97; default 0.90 = 90%)",
    )
    @app_commands.choices(language=LANGUAGE_CHOICES, scheduler=SCHEDULER_CHOICES)
    async def settings(
        self,
        interaction: discord.Interaction[Any],
        timezone: str | None = None,
        language: str | None = None,
        new_per_day: app_commands.Range[int, 0, 1000] | None = None,
        reviews_per_day: app_commands.Range[int, 0, 10000] | None = None,
        rollover_hour: app_commands.Range[int, 0, 23] | None = None,
        scheduler: str | None = None,
        desired_retention: app_commands.Range[float, 0.7, 0.97] | None = None,
    ) -> None:
        change = PreferenceChange(
            timezone=timezone,
            language=language,
            new_per_day=new_per_day,
            reviews_per_day=reviews_per_day,
            rollover_hour=rollover_hour,
            scheduler=scheduler,
            desired_retention=desired_retention,
        )
        await respond(interaction, self._apply(interaction, change))

    async def _apply(self, interaction: discord.Interaction[Any], change: PreferenceChange
                     ) -> Screen:
        runner, now = self.bot.db.runner, self.bot.clock()
        client = client_language(interaction)
        if change.is_empty():
            lang = await language_of(interaction)
            prefs = await read_preferences(runner, interaction.user.id, self.bot.defaults, now)
            return Screen([settings_embed(prefs, lang, now, client)])
        before = await read_preferences(runner, interaction.user.id, self.bot.defaults, now)
        try:
            prefs = await update_preferences(
                runner, interaction.user.id, change, self.bot.defaults, now
            )
        except InvalidPreferencesError as refused:
            lang = await language_of(interaction)
            return Screen([refusal_embed(refused.problems, lang)])
        # Answer in the language just chosen, so the choice shows at once.
        lang = reply_language(prefs.language, interaction.locale)
        embed = settings_embed(prefs, lang, now, client, saved=True)
        if (prefs.scheduler, prefs.desired_retention) != (
            before.scheduler, before.desired_retention
        ):
            embed.description = message("settings.rebuilt", lang)
        return Screen([embed])

    @settings.autocomplete("timezone")
    async def timezone_autocomplete(
        self, interaction: discord.Interaction[Any], current: str
    ) -> list[Choice[str]]:
        return timezone_choices(current, client_language(interaction), self.bot.clock())


async def setup(bot: StudyBot) -> None:
    await bot.add_cog(SettingsCog(bot))
