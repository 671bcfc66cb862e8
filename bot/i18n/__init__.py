"""The one message catalogue (ko, en) shared by the terminal, CLI and Discord front ends."""

from bot.i18n.catalogue import SUPPORTED, Lang, format_date, has_message, t
from bot.i18n.language import locale_from_env, normalize_language, resolve_language

__all__ = [
    "SUPPORTED",
    "Lang",
    "format_date",
    "has_message",
    "locale_from_env",
    "normalize_language",
    "resolve_language",
    "t",
]
