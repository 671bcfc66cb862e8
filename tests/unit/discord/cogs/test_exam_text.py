"""An exam's days left and unseen cards, as /exam, /stats, /study and /daily setup say them.

An exam tomorrow is an ordinary case (the earliest date /exam accepts), and so is a deck
with one card left to see: English must read "1 day left" and "1 unseen card" there.
"""

from __future__ import annotations

from datetime import date, timedelta

import discord

from bot.discord.cogs.daily._exam import exam_line
from bot.discord.cogs.exam import add_exam_fields, exam_lines
from bot.discord.components.notices import plan_text
from bot.srs.exam import REASON_ON_PACE, REASON_RAISED, REASON_TOO_LATE, plan_new_cards
from bot.study.exams import ExamOverview
from bot.study.plans import DeckExam

TODAY = date(2026, 3, 2)


def _exam(days: int, unseen: int, *, own: bool = True, limit: int = 10) -> DeckExam:
    day = TODAY + timedelta(days=days)
    return DeckExam("mini", "Mini deck", day, own, plan_new_cards(unseen, TODAY, day, limit))


def _stats_value(exam: DeckExam, lang: str) -> str:
    embed = discord.Embed()
    add_exam_fields(embed, ExamOverview(TODAY, (exam,)), lang)
    (field,) = embed.fields
    return field.value or ""


def test_an_exam_tomorrow_has_one_day_left() -> None:
    tomorrow = _exam(1, 5)
    assert exam_lines(tomorrow, TODAY, "en").splitlines()[0] == "tomorrow · 1 day left"
    assert exam_lines(_exam(1, 5, own=False), TODAY, "en").splitlines()[0] == (
        "tomorrow · 1 day left · set by your study group")
    assert _stats_value(tomorrow, "en") == "1 day left · 5 unseen · 10 new today"
    assert exam_line(TODAY + timedelta(days=1), TODAY, "en").startswith(
        "Exam date: tomorrow (1 day left). Members studying this deck get new cards paced")
    # Korean counts down the way Koreans do, whatever the number.
    assert exam_lines(tomorrow, TODAY, "ko").splitlines()[0] == "내일 · D-1"
    assert _stats_value(tomorrow, "ko") == "D-1 · 아직 안 본 카드 5장 · 오늘 새 카드 10장"


def test_more_days_are_counted_in_the_plural() -> None:
    later = _exam(20, 5, limit=20)
    assert exam_lines(later, TODAY, "en").splitlines()[0].endswith(" · 20 days left")
    assert _stats_value(later, "en") == "20 days left · 5 unseen · 20 new today"
    assert "(20 days left)" in exam_line(TODAY + timedelta(days=20), TODAY, "en")


def test_one_unseen_card_is_one_card_in_every_plan() -> None:
    too_late = _exam(1, 1).plan
    assert too_late.reason == REASON_TOO_LATE
    assert plan_text(too_late, "en") == (
        "The exam is tomorrow, so your 1 unseen card is shown today. There is no time left "
        "to review it twice.")
    assert plan_text(_exam(1, 7).plan, "en").startswith(
        "The exam is tomorrow, so all 7 unseen cards are shown today.")
    on_pace = _exam(10, 1).plan
    assert on_pace.reason == REASON_ON_PACE
    assert plan_text(on_pace, "en") == (
        "10 days to the exam. Your daily limit of new cards (10) is enough to see your 1 "
        "unseen card twice before the exam.")
    raised = _exam(10, 1, limit=0).plan
    assert raised.reason == REASON_RAISED
    assert plan_text(raised, "en") == (
        "10 days to the exam. To see your 1 unseen card twice before then, you need more new "
        "cards a day, so until the exam you get 1 a day instead of 0 (your setting is "
        "unchanged).")
    assert plan_text(too_late, "ko") == (
        "시험이 내일이에요. 아직 안 본 카드 1장을 오늘 보여 드릴게요. 두 번 복습할 시간은 "
        "남지 않았어요.")
