"""How the file-writing commands talk: in the language asked for, else the terminal's."""

from __future__ import annotations

import os
from typing import TextIO

from bot.i18n import Lang, locale_from_env, resolve_language, t


def ui_language(requested: str | None = None) -> Lang:
    """``--lang`` (or a caller's choice), else the locale's (LC_ALL, LC_MESSAGES, LANG), else en."""
    return resolve_language(requested, locale_from_env(os.environ), None, "en")


def say(out: TextIO, key: str, lang: str, /, **values: object) -> None:
    """Print the catalogue's ``key`` in ``lang`` as one line of ``out``."""
    print(t(key, lang, **values), file=out)
