"""An interval as a grade button shows it: "6일" / "6d", "2.5개월" / "2.5mo", "1.2년" / "1.2y".

Short enough for a button beside the grade's name ("좋음 · 6일"), as Anki
users expect: whole days up to a month, then months and years with one
decimal (dropped when it is .0).
"""

from __future__ import annotations

from functools import lru_cache

from bot.i18n.catalogue import t

#: Days in the month and year an interval label counts in (Anki's figures).
MONTH_DAYS = 30
YEAR_DAYS = 365


def _short(value: float) -> str:
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text


@lru_cache(maxsize=4096)  # a revealed card labels four grades; the catalogue never changes
def interval_label(days: int, lang: str) -> str:
    """``days`` as a button shows it, in ``lang``."""
    if days < MONTH_DAYS:
        return t("interval.days", lang, n=days)
    if days < YEAR_DAYS:
        return t("interval.months", lang, n=_short(days / MONTH_DAYS))
    return t("interval.years", lang, n=_short(days / YEAR_DAYS))


@lru_cache(maxsize=4096)
def grade_label(grade: str, days: int | None, lang: str) -> str:
    """A grade button's label: the grade, and where it sends the card when known."""
    if days is None:
        return grade
    return t("grade.with_interval", lang, grade=grade, interval=interval_label(days, lang))
