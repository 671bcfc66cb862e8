"""What every study front end says about a day's work: what is left, a session's summary.

The terminal and Discord read these through bot.i18n.study_text, so "left
today" and a summary say the same things in the same words everywhere.
"""

from __future__ import annotations

from bot.i18n.messages import Table

MESSAGES: Table = {
    # What is left (bot.srs.queue.LeftToday), beside the card being shown.
    "left.today": {"ko": "오늘 {n}장 남음", "en": "{n} left today"},
    "left.today.skipped": {
        "ko": "오늘 {n}장 남음 (건너뛴 {skipped}장 포함)",
        "en": "{n} left today ({skipped} skipped)",
    },
    "left.repeats": {"ko": "다시 볼 카드 {n}장", "en": "{n} to repeat"},
    "left.mistakes": {"ko": "틀린 카드 {n}장 남음", "en": "{n} missed cards left"},
    "left.mistakes.one": {"ko": "틀린 카드 {n}장 남음", "en": "{n} missed card left"},
    "left.split": {
        "ko": "복습 {reviews}장 · 새 카드 {new}장",
        "en": "{reviews} reviews · {new} new",
    },
    "left.split.reviews": {"ko": "복습 {reviews}장", "en": "{reviews} reviews"},
    "left.split.reviews.one": {"ko": "복습 {reviews}장", "en": "{reviews} review"},
    "left.split.new": {"ko": "새 카드 {new}장", "en": "{new} new"},
    # A session's summary, line by line.
    "summary.title": {"ko": "이번 학습 결과", "en": "This session"},
    "summary.title.done": {"ko": "오늘 학습 끝!", "en": "Done for now!"},
    "summary.answered": {
        "ko": "{cards}에 답했고 {correct}장을 맞혔어요 ({rate}%).",
        "en": "You answered {cards} and got {correct} right ({rate}%).",
    },
    "summary.drilled": {
        "ko": "틀렸던 카드 {cards:을} 다시 풀었고 {correct}장을 맞혔어요 ({rate}%).",
        "en": "You went over {cards} you had missed and got {correct} right ({rate}%).",
    },
    "summary.drill_keeps_schedule": {
        "ko": "틀린 카드 복습은 다음 복습 일정을 바꾸지 않아요.",
        "en": "A mistakes review never changes when cards come back.",
    },
    "summary.new_and_repeats": {
        "ko": "새 카드 {new}장 · 다시 보기 {repeats}번",
        "en": "{new} new · {repeats} repeated",
    },
    "summary.skipped": {
        "ko": "건너뛴 카드 {cards:은} 다음 학습 때 다시 나와요.",
        "en": "Skipped: {cards}. They come back next session.",
    },
    "summary.repeats_left": {
        "ko": "다시 볼 카드 {cards:은} 이번에 마치지 못했어요. 다음 복습 일정은 이미 정해졌어요.",
        "en": "{cards} left unrepeated; their next review is set all the same.",
    },
    "summary.left_today": {
        "ko": "오늘 남은 카드: {cards} ({split})",
        "en": "Left today: {cards} ({split})",
    },
    "summary.nothing_left": {
        "ko": "오늘 할 카드는 다 했어요.",
        "en": "Nothing left for today.",
    },
    "summary.next_review": {
        "ko": "다음 복습: {date}, {cards}",
        "en": "Next review: {date}, {cards}",
    },
    "summary.no_review_scheduled": {
        "ko": "앞으로 {days}일 동안 예정된 복습이 없어요.",
        "en": "No reviews scheduled in the next {days} days.",
    },
    "summary.week": {
        "ko": "7일 안에 복습할 카드: {cards}",
        "en": "Due within 7 days: {cards}",
    },
    "summary.streak": {"ko": "연속 학습 {n}일째예요.", "en": "Study streak: {n} days."},
    "summary.streak.one": {"ko": "연속 학습 {n}일째예요.", "en": "Study streak: {n} day."},
}
