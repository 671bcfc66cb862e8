"""Messages of the Discord /exam command (ko, en)."""

from __future__ import annotations

from bot.i18n.messages import Table

MESSAGES: Table = {
    "cmd.exam.name": {"ko": "시험", "en": "exam"},
    "cmd.exam.description": {
        "ko": "시험 날짜에 맞춰 복습 계획을 세워요",
        "en": "Plan your reviews around an exam date",
    },
    "cmd.exam.set.name": {"ko": "설정", "en": "set"},
    "cmd.exam.set.description": {
        "ko": "시험 날짜를 정해요 (덱을 고르지 않으면 공부하는 모든 덱)",
        "en": "Set an exam date (for every deck you study unless you name one)",
    },
    "cmd.exam.set.opt.date.name": {"ko": "날짜", "en": "date"},
    "cmd.exam.set.opt.date.description": {
        "ko": "시험 날짜 (예: 2026-12-20, 12월 20일)",
        "en": "The exam date (e.g. 2026-12-20 or 12/20)",
    },
    "cmd.exam.set.opt.deck.name": {"ko": "덱", "en": "deck"},
    "cmd.exam.set.opt.deck.description": {
        "ko": "시험 범위인 덱 (비우면 공부하는 모든 덱)",
        "en": "The deck the exam covers (empty: every deck you study)",
    },
    "cmd.exam.clear.name": {"ko": "삭제", "en": "clear"},
    "cmd.exam.clear.description": {
        "ko": "시험 날짜를 지우고 평소 일정으로 돌아가요",
        "en": "Forget an exam date and go back to your usual schedule",
    },
    "cmd.exam.clear.opt.deck.name": {"ko": "덱", "en": "deck"},
    "cmd.exam.clear.opt.deck.description": {
        "ko": "이 덱의 시험 날짜만 지워요 (비우면 모두)",
        "en": "Only this deck's exam date (empty: all of them)",
    },
    "cmd.exam.show.name": {"ko": "보기", "en": "show"},
    "cmd.exam.show.description": {
        "ko": "시험까지 남은 날과 계획을 봐요",
        "en": "The days left and your plan for each exam",
    },
    "exam.title.set": {"ko": "시험 날짜를 정했어요", "en": "Exam date set"},
    "exam.title.show": {"ko": "시험 계획", "en": "Your exam plan"},
    # Counted by the days left: an exam tomorrow is common ("tomorrow · 1 day left").
    "exam.deck.own": {"ko": "{date} · D-{days}", "en": "{date} · {days} days left"},
    "exam.deck.own.one": {"ko": "{date} · D-{days}", "en": "{date} · {days} day left"},
    "exam.deck.group": {
        "ko": "{date} · D-{days} · 스터디 그룹이 정한 날짜",
        "en": "{date} · {days} days left · set by your study group",
    },
    "exam.deck.group.one": {
        "ko": "{date} · D-{days} · 스터디 그룹이 정한 날짜",
        "en": "{date} · {days} day left · set by your study group",
    },
    "exam.none": {
        "ko": "정해 둔 시험 날짜가 없어요. {/exam set:`으로} 정할 수 있어요.",
        "en": "You have no exam date. Set one with `{/exam set}`.",
    },
    "exam.cleared": {
        "ko": "시험 날짜를 지웠어요. 이제 평소 일정대로 복습해요.",
        "en": "Exam date cleared: your reviews are back on their usual schedule.",
    },
    "exam.nothing_to_clear": {
        "ko": "지울 시험 날짜가 없어요.",
        "en": "There was no exam date to clear.",
    },
    "exam.error.bad_date": {
        "ko": "날짜를 읽지 못했어요: `{value}`. 2026-12-20이나 12월 20일처럼 입력해 주세요.",
        "en": "I could not read `{value}` as a date. Write it like 2026-12-20 or 12/20.",
    },
    "exam.error.not_ahead": {
        "ko": "시험 날짜는 내일이나 그 뒤여야 해요. 아무것도 바꾸지 않았어요.",
        "en": "The exam date must be tomorrow or later; nothing was changed.",
    },
    "exam.error.unknown_deck": {
        "ko": "'{deck}' 덱을 찾을 수 없어요. 덱 목록은 {/decks:`으로} 볼 수 있어요.",
        "en": "There is no deck called '{deck}'. `{/decks}` lists them all.",
    },
    "exam.error.no_decks": {
        "ko": "아직 공부하는 덱이 없어요. `{/decks}`에서 덱에 참여하거나 덱을 골라 주세요.",
        "en": "You do not study any deck yet: join one with `{/decks}` or name a deck.",
    },
    # /daily setup's exam_date option: a study group's exam.
    "cmd.daily.setup.opt.exam_date.name": {"ko": "시험-날짜", "en": "exam_date"},
    "cmd.daily.setup.opt.exam_date.description": {
        "ko": "스터디 그룹의 시험 날짜 (예: 2026-12-20, 지우려면 '없음')",
        "en": "The group's exam date (e.g. 2026-12-20; type none to clear it)",
    },
    # What the date does: it paces new cards; members still have to study.
    "daily.setup.exam": {
        "ko": "시험 날짜: {date} (D-{days}). 이 덱을 공부하는 멤버는 시험 전에 모든 카드를 "
        "두 번 이상, 마지막 일주일에 한 번 더 볼 수 있도록 새 카드 수가 조절돼요.",
        "en": "Exam date: {date} ({days} days left). Members studying this deck get new cards "
        "paced so they can see every card at least twice before the exam, and once more in "
        "its last week.",
    },
    "daily.setup.exam.one": {
        "ko": "시험 날짜: {date} (D-{days}). 이 덱을 공부하는 멤버는 시험 전에 모든 카드를 "
        "두 번 이상, 마지막 일주일에 한 번 더 볼 수 있도록 새 카드 수가 조절돼요.",
        "en": "Exam date: {date} ({days} day left). Members studying this deck get new cards "
        "paced so they can see every card at least twice before the exam, and once more in "
        "its last week.",
    },
    "daily.setup.exam_cleared": {
        "ko": "스터디 그룹의 시험 날짜를 지웠어요.",
        "en": "The group's exam date is cleared.",
    },
    # Unreadable or not ahead: the same refusal, since both are values the group cannot use.
    "daily.setup.bad_exam": {
        "ko": "{value:`은} 쓸 수 없는 시험 날짜예요. 내일이나 그 뒤의 날짜를 2026-12-20처럼 "
        "입력하거나, 날짜를 지우려면 '없음'을 입력해 주세요. 아무것도 바꾸지 않았어요.",
        "en": "`{value}` is not an exam date I can use: write a day after today like "
        "2026-12-20 (or none to clear it). Nothing was changed.",
    },
    # /stats: each exam's days left and unseen cards, counted by the days (the other two
    # counts are written so any number reads).
    "stats.exam.name": {"ko": "📅 시험: {title}", "en": "📅 Exam: {title}"},
    "stats.exam.value": {
        "ko": "D-{days} · 아직 안 본 카드 {cards}장 · 오늘 새 카드 {per_day}장",
        "en": "{days} days left · {cards} unseen · {per_day} new today",
    },
    "stats.exam.value.one": {
        "ko": "D-{days} · 아직 안 본 카드 {cards}장 · 오늘 새 카드 {per_day}장",
        "en": "{days} day left · {cards} unseen · {per_day} new today",
    },
}
