"""The language `deck export` and `deck import` print in; the texts are bot.i18n's
``interop.*`` messages (bot/i18n/messages/cli.py)."""

from __future__ import annotations

import os

from bot.i18n import t


def ui_lang(requested: str | None) -> str:
    """The language to print in: the one asked for, else the locale's (ko or en)."""
    if requested in ("ko", "en"):
        return requested
    env = os.environ.get("LC_ALL") or os.environ.get("LC_MESSAGES") or os.environ.get("LANG", "")
    return "ko" if env.lower().startswith("ko") else "en"


def say(key: str, lang: str, /, **values: object) -> str:
    return t(key, lang, **values)
