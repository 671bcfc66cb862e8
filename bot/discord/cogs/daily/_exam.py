"""/daily setup's ``exam_date`` option: a study group's exam, kept apart from the set-up.

The date is read (and a bad one refused) before the set-up saves anything;
once the set-up is saved, the date is stored with the group's daily question
(bot.study.exams).  Members who study the deck then get the exam plan
unless they set their own date with /exam.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Final
from zoneinfo import ZoneInfo

from bot.discord import text
from bot.discord.cogs.daily import _render
from bot.discord.interactions import Screen
from bot.discord.translator import counted, message
from bot.i18n import format_date
from bot.storage.transactions import TransactionRunner
from bot.study.exams import group_exam_value, set_group_exam
from bot.study.timezones import canonical_zone

#: The option left empty: the group's exam date stays as it was.
KEEP_EXAM: Final = "keep"

GroupExam = date | None | str


def _local_today(zone_name: str, now: datetime) -> date:
    zone = canonical_zone(zone_name) or "UTC"
    return now.astimezone(ZoneInfo(zone)).date()


def group_exam(value: str | None, zone_name: str, now: datetime, lang: str) -> GroupExam | Screen:
    """The exam date to store (None clears it), KEEP_EXAM, or the refusal to show."""
    if value is None or not value.strip():
        return KEEP_EXAM
    parsed = group_exam_value(value, _local_today(zone_name, now))
    if parsed is False:
        shown = text.cut(text.one_line(value), 100).replace("`", "'")
        return Screen([_render.refusal(message("daily.setup.bad_exam", lang, value=shown))])
    assert parsed is None or isinstance(parsed, date)
    return parsed


async def save_group_exam(runner: TransactionRunner, channel_id: int, exam: GroupExam,
                          zone_name: str, now: datetime, lang: str) -> str:
    """Store the group's exam date; the line that tells the admin what it means."""
    day = exam if isinstance(exam, date) else None
    await set_group_exam(runner, channel_id, day)
    if day is None:
        return message("daily.setup.exam_cleared", lang)
    return exam_line(day, _local_today(zone_name, now), lang)


def exam_line(day: date, today: date, lang: str) -> str:
    """The group's exam date, its days left ("1 day left" the day before) and what it does."""
    days = (day - today).days
    return counted("daily.setup.exam", lang, days, date=format_date(day, lang, today),
                   days=days)
