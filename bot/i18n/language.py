"""Which language to talk in, from what we know about the learner.

Explicit choice first (``--lang`` or a saved preference), then the locale the
learner's system or Discord client reports, then the language of the deck
they study; a learner reading a Korean deck most likely reads Korean.
"""

from __future__ import annotations

from collections.abc import Mapping

from bot.i18n.catalogue import SUPPORTED, Lang

#: Locale variables in POSIX precedence: LC_ALL overrides LC_MESSAGES overrides LANG.
LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG")


def normalize_language(value: str | None) -> Lang | None:
    """``"en_US.UTF-8"``, ``"en-GB"``, ``"EN"`` -> ``"en"``; ``"C"``, ``"fr"``, ``""`` -> None."""
    if not value:
        return None
    code = value.strip().split(".")[0].split("@")[0].replace("-", "_").split("_")[0].lower()
    for lang in SUPPORTED:
        if code == lang:
            return lang
    return None


def locale_from_env(environ: Mapping[str, str]) -> str | None:
    """The locale that decides message language, as the C library would pick it."""
    for name in LOCALE_VARIABLES:
        value = environ.get(name)
        if value:
            return value
    return None


def resolve_language(
    explicit: str | None,
    locale: str | None,
    deck_lang: str | None,
    default: str = "ko",
) -> Lang:
    """The first supported of: explicit choice, locale, deck language, ``default`` (else ko)."""
    for candidate in (explicit, locale, deck_lang, default):
        lang = normalize_language(candidate)
        if lang is not None:
            return lang
    return "ko"
