"""Look up a message in the language a learner reads.

Templates are ``str.format`` templates with two additions, so that no caller
has to get Korean grammar or command names right:

- ``{deck:으로}``: the value followed by the particle that fits its final
  sound (``/덱으로``, ``파일로``, ``DNS로``), for any pair in
  bot.i18n.particles (은/는, 이/가, 을/를, 와/과, 으로/로, 이라/라, 이란/란, ...).
  Mark-up that closes before the particle goes in front of it: ``{deck:'은}``
  quotes the value (``'aws'는``), ``{x:`으로}`` sets it as code and
  ``{x:**을}`` in bold; each also works alone (``{x:`}``);
- ``{/study}``, ``{/daily setup}``: a slash command as the reader's client
  lists it (``/학습``, ``/오늘의문제 설정`` in Korean), from the ``cmd.*`` names
  of this catalogue, so no caller passes command names.

Lookups never fail: a front end showing a half-translated message (or its
key) is better than a crash in front of a learner, so a missing language
falls back to English, a missing key to the key itself, and a missing
placeholder stays visible as ``{name}``.
"""

from __future__ import annotations

import importlib
import pkgutil
import string
from collections.abc import Iterator, Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import Final, Literal

from bot.i18n.messages import Table
from bot.i18n.particles import PARTICLES, attach

Lang = Literal["ko", "en"]
SUPPORTED: Final[tuple[Lang, ...]] = ("ko", "en")
FALLBACK: Final[Lang] = "en"

#: Suffix of the singular variant of a message that counts something (English needs it).
ONE_SUFFIX: Final = ".one"


#: Modules of bot/i18n that hold the catalogue's machinery, not messages.
_NOT_TABLES = frozenset(
    {"catalogue", "intervals", "language", "messages", "particles", "study_text"}
)


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


class _Missing(str):
    """A placeholder nobody filled: shown as ``{name}`` (with its particle spec, if any)."""

    __slots__ = ()


#: Mark-up a spec may put around a value before its particle: bold, code, quotes.
WRAPS: Final[tuple[str, ...]] = ("**", "`", "'", '"')


def particle_spec(spec: str) -> tuple[str, str] | None:
    """``"`으로"`` -> ``("`", "으로")``; None when ``spec`` is an ordinary format spec."""
    wrap = next((w for w in WRAPS if spec.startswith(w)), "")
    kind = spec[len(wrap):]
    if (kind and kind not in PARTICLES) or not (wrap or kind):
        return None
    return wrap, kind


def command(path: str, lang: str) -> str | None:
    """``"/daily setup"`` -> ``"/오늘의문제 설정"`` in Korean; None for an unknown command."""
    parts = path.removeprefix("/").split()
    names: list[str] = []
    for depth in range(1, len(parts) + 1):
        texts = MESSAGES.get("cmd." + ".".join(parts[:depth]) + ".name")
        if not parts or texts is None:
            return None
        names.append(texts.get(lang) or texts[FALLBACK])
    return "/" + " ".join(names) if names else None


class _Formatter(string.Formatter):
    """``str.format`` plus particle specs and command placeholders (see the module docstring)."""

    def __init__(self, lang: str) -> None:
        self.lang = lang

    def get_value(self, key: int | str, args: Sequence[object], kwargs: Mapping[str, object]
                  ) -> object:
        if isinstance(key, int):
            return args[key]  # IndexError: the template is shown as is
        if key in kwargs:
            return kwargs[key]
        if key.startswith("/"):
            name = command(key, self.lang)
            if name is not None:
                return name
        return _Missing("{" + key + "}")

    def format_field(self, value: object, format_spec: str) -> str:
        spec = particle_spec(format_spec) if format_spec else None
        if spec is None:
            return str(super().format_field(value, format_spec))
        if isinstance(value, _Missing):
            return value[:-1] + ":" + format_spec + "}"
        wrap, kind = spec
        text = wrap + format(value, "") + wrap
        return attach(text, kind) if kind else text


def fill(template: str, values: Mapping[str, object], lang: str = FALLBACK) -> str:
    """``template.format(**values)`` that never raises: a broken template is shown as is.

    ``lang`` names the commands a template mentions; the values are inserted as given.
    A template without braces is its own text (most labels; every card draws several).
    """
    if "{" not in template and "}" not in template:
        return template
    try:
        return _Formatter(lang).vformat(template, (), values)
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


def template(key: str, lang: str) -> str | None:
    """The unfilled template of ``key`` in ``lang`` (else English); None for an unknown key."""
    texts = MESSAGES.get(key)
    if texts is None:
        return None
    return texts.get(lang) or texts.get(FALLBACK) or key


def t(key: str, lang: str, /, **kwargs: object) -> str:
    """The message ``key`` in ``lang`` (else English, else the key), filled with ``kwargs``.

    ``key`` and ``lang`` are positional only, so a message may call a placeholder ``{lang}``.
    """
    raw = template(key, lang)
    if raw is None:
        return key
    return fill(raw, kwargs, lang if lang in SUPPORTED else FALLBACK)


def tn(key: str, lang: str, n: int, /, **kwargs: object) -> str:
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
