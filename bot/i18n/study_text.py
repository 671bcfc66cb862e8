"""A day's work in words, the same in every front end: what is left, a session's summary.

Front ends hand over their own values (any object with the attributes the
protocols below name, such as bot.study's `SessionSummary`), so the
catalogue stays below the layers that compute them.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Protocol

from bot.i18n.catalogue import format_date, t, tn

MISTAKES = "mistakes"


class LeftLike(Protocol):
    @property
    def reviews(self) -> int: ...
    @property
    def new(self) -> int: ...
    @property
    def total(self) -> int: ...


class SummaryLike(Protocol):
    @property
    def answered(self) -> int: ...
    @property
    def correct(self) -> int: ...
    @property
    def correct_rate(self) -> float: ...
    @property
    def new(self) -> int: ...
    @property
    def repeats(self) -> int: ...
    @property
    def skipped(self) -> int: ...
    @property
    def repeats_left(self) -> int: ...
    @property
    def left(self) -> LeftLike: ...
    @property
    def today(self) -> date: ...
    @property
    def next_review(self) -> tuple[date, int] | None: ...
    @property
    def due_this_week(self) -> int: ...
    @property
    def streak(self) -> int: ...
    @property
    def mode(self) -> str: ...


def cards(n: int, lang: str) -> str:
    """"3장", "3 cards", "1 card"."""
    return tn("count.cards", lang, n)


def left_today(
    lang: str, left: int, *, repeats: int = 0, skipped: int = 0, mode: str = ""
) -> str:
    """Beside a card: "오늘 3장 남음 (건너뛴 1장 포함) · 다시 볼 카드 2장".

    ``left`` is `LeftToday.total` (in a mistakes drill, its faces not answered yet).
    """
    if mode == MISTAKES:
        parts = [tn("left.mistakes", lang, left)]
    elif skipped:
        parts = [t("left.today.skipped", lang, n=left, skipped=skipped)]
    elif left or not repeats:
        parts = [tn("left.today", lang, left)]
    else:
        parts = []  # only repeats are left: "0 left today" would read as done
    if repeats:
        parts.append(tn("left.repeats", lang, repeats))
    return " · ".join(parts)


def left_split(left: LeftLike, lang: str) -> str:
    """"복습 3장 · 새 카드 2장", or only the kind there is."""
    if left.reviews and left.new:
        return t("left.split", lang, reviews=left.reviews, new=left.new)
    if left.new:
        return t("left.split.new", lang, new=left.new)
    return tn("left.split.reviews", lang, left.reviews, reviews=left.reviews)


def summary_is_done(done: SummaryLike) -> bool:
    """Nothing left for today and nothing owed a repeat: the day's work is done."""
    return done.left.total == 0 and done.repeats_left == 0 and done.mode != MISTAKES


def summary_title(done: SummaryLike, lang: str) -> str:
    return t("summary.title.done" if summary_is_done(done) else "summary.title", lang)


#: How a front end names a day: "tomorrow", "Wed 2 Dec" by default (`format_date`).
DayText = Callable[[date], str]


def summary_lines(
    done: SummaryLike, lang: str, *, outlook_days: int = 30, day_text: DayText | None = None
) -> list[str]:
    """Every line of a session's summary, in the order a learner reads them."""
    lines: list[str] = []
    rate = round(done.correct_rate * 100)
    drill = done.mode == MISTAKES
    if done.answered:
        key = "summary.drilled" if drill else "summary.answered"
        lines.append(t(key, lang, cards=cards(done.answered, lang), correct=done.correct,
                       rate=rate))
        if drill:
            lines.append(t("summary.drill_keeps_schedule", lang))
        else:
            lines.append(t("summary.new_and_repeats", lang, new=done.new, repeats=done.repeats))
    if done.skipped:
        lines.append(t("summary.skipped", lang, cards=cards(done.skipped, lang)))
    if done.repeats_left:
        lines.append(t("summary.repeats_left", lang, cards=cards(done.repeats_left, lang)))
    if done.left.total:
        lines.append(t("summary.left_today", lang, cards=cards(done.left.total, lang),
                       split=left_split(done.left, lang)))
    else:
        lines.append(t("summary.nothing_left", lang))
    return lines + outlook_lines(done, lang, outlook_days=outlook_days, day_text=day_text)


def outlook_lines(
    done: SummaryLike, lang: str, *, outlook_days: int = 30, day_text: DayText | None = None
) -> list[str]:
    """When the learner is next needed, and their streak."""
    lines: list[str] = []
    if done.next_review is None:
        lines.append(t("summary.no_review_scheduled", lang, days=outlook_days))
    else:
        day, count = done.next_review
        named = day_text(day) if day_text is not None else format_date(day, lang, done.today)
        lines.append(t("summary.next_review", lang, date=named, cards=cards(count, lang)))
        if done.due_this_week != count:
            lines.append(t("summary.week", lang, cards=cards(done.due_this_week, lang)))
    if done.streak:
        lines.append(tn("summary.streak", lang, done.streak))
    return lines
