"""Look up a message in the language a learner reads.

Lookups never fail: a front end showing a half-translated message (or its
key) is better than a crash in front of a learner, so a missing language
falls back to English, a missing key to the key itself, and a missing
placeholder stays visible as ``{name}``.
"""

from __future__ import annotations

import importlib
import pkgutil
import string
from collections.abc import Iterator, Mapping
from datetime import date
from pathlib import Path
from typing import Final, Literal

from bot.i18n.messages import Table

Lang = Literal["ko", "en"]
SUPPORTED: Final[tuple[Lang, ...]] = ("ko", "en")
FALLBACK: Final[Lang] = "en"

#: Suffix of the singular variant of a message that counts something (English needs it).
ONE_SUFFIX: Final = ".one"


#: Modules of bot/i18n that hold the catalogue's machinery, not messages.
_NOT_TABLES = frozenset({"catalogue", "language", "messages"})


def _tables() -> Iterator[tuple[str, Table]]:
    """Every message table: bot/i18n/messages/*.py, then front-end tables in bot/i18n/*.py.

    Found by listing the folders, so a front end adds its messages by adding a
    module with a ``MESSAGES`` table, without editing this file.
    """
    here = Path(__file__).parent
    packages = (
        ("bot.i18n.messages", [str(here / "messages")], frozenset[str]()),
        ("bot.i18n", [str(here)], _NOT_TABLES),
    )
    for prefix, path, skip in packages:
        for info in sorted(pkgutil.iter_modules(path), key=lambda m: m.name):
            if info.ispkg or info.name in skip or info.name.startswith("_"):
                continue
            name = f"{prefix}.{info.name}"
            table = getattr(importlib.import_module(name), "MESSAGES", None)
            if isinstance(table, Mapping):
                yield name, table


def _merge(tables: Iterator[tuple[str, Table]]) -> tuple[dict[str, Mapping[str, str]], list[str]]:
    """One table from all tables, and the keys defined twice (the first definition wins).

    A duplicate is a bug the unit tests report; at run time it must not take
    every front end down, so it is not an import error.
    """
    merged: dict[str, Mapping[str, str]] = {}
    duplicates: list[str] = []
    for module, table in tables:
        for key, texts in table.items():
            if key in merged:
                duplicates.append(f"{key} (again in {module})")
                continue
            merged[key] = texts
    return merged, duplicates


_MERGED, DUPLICATES = _merge(_tables())
MESSAGES: Final[Mapping[str, Mapping[str, str]]] = _MERGED


class _KeepMissing(dict[str, object]):
    """Leaves an unknown placeholder in the text instead of raising KeyError."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def fill(template: str, values: Mapping[str, object]) -> str:
    """``template.format(**values)`` that never raises: a broken template is shown as is."""
    try:
        return template.format_map(_KeepMissing(values))
    except (ValueError, IndexError, KeyError, AttributeError, TypeError):
        return template


def placeholders(template: str) -> set[str]:
    """The names a template fills in (``{n}``, ``{n:d}`` and ``{n!r}`` all give ``n``)."""
    names: set[str] = set()
    for _, name, _, _ in string.Formatter().parse(template):
        if name is not None:
            names.add(name.split(".")[0].split("[")[0])
    return names


def has_message(key: str) -> bool:
    return key in MESSAGES


def t(key: str, lang: str, **kwargs: object) -> str:
    """The message ``key`` in ``lang`` (else English, else the key), filled with ``kwargs``."""
    texts = MESSAGES.get(key)
    if texts is None:
        return key
    template = texts.get(lang) or texts.get(FALLBACK) or key
    return fill(template, kwargs)


def tn(key: str, lang: str, n: int, **kwargs: object) -> str:
    """Like :func:`t` for a count ``n``: uses ``key + ".one"`` when ``n == 1`` and it exists."""
    chosen = key + ONE_SUFFIX if n == 1 and key + ONE_SUFFIX in MESSAGES else key
    return t(chosen, lang, n=n, **kwargs)


def format_date(day: date, lang: str, today: date | None = None) -> str:
    """A study day as a learner reads it: "today", "tomorrow", else a short date with weekday."""
    if today is not None and day == today:
        return t("date.today", lang)
    if today is not None and day.toordinal() == today.toordinal() + 1:
        return t("date.tomorrow", lang)
    return t(
        "date.short",
        lang,
        day=day.day,
        month=t(f"month.{day.month}", lang),
        weekday=t(f"weekday.{day.weekday()}", lang),
    )
