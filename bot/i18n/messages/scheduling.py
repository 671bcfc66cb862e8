"""What the learner is told about an exam plan and a backlog (bot/srs/exam.py, backlog.py).

The keys are the ``reason`` of ``ExamPlan`` and ``Backlog``; each message is
filled with that object's ``message_args()``.
"""

from __future__ import annotations

from bot.i18n.messages import Table

MESSAGES: Table = {
    # /settings: the scheduler and FSRS's desired retention.
    "cmd.settings.opt.scheduler.name": {"ko": "스케줄러", "en": "scheduler"},
    "cmd.settings.opt.scheduler.description": {
        "ko": "복습 일정을 정하는 방식 (바꾸면 복습 기록으로 일정을 다시 계산해요)",
        "en": "How your reviews are scheduled (switching rebuilds them from your history)",
    },
    "cmd.settings.opt.desired_retention.name": {"ko": "목표-기억률", "en": "desired_retention"},
    "cmd.settings.opt.desired_retention.description": {
        "ko": "FSRS에서 복습할 때 기억해 낼 목표 비율 (0.70–0.97, 기본 0.90 = 90%)",
        "en": "Under FSRS, the share of reviews you aim to recall (0.70–0.97; default 0.90 = 90%)",
    },
    "settings.choice.sm2": {"ko": "SM-2 (전통적인 방식)", "en": "SM-2 (classic)"},
    "settings.choice.fsrs": {"ko": "FSRS (기억 모델로 간격 조절)", "en": "FSRS (memory model)"},
    "settings.choice.deck": {"ko": "덱 기본값 따르기", "en": "Follow each deck's default"},
    "settings.field.scheduler": {"ko": "스케줄러", "en": "Scheduler"},
    "settings.field.desired_retention": {
        "ko": "목표 기억률 (FSRS)",
        "en": "Desired retention (FSRS)",
    },
    "settings.value.scheduler.sm2": {"ko": "SM-2", "en": "SM-2"},
    "settings.value.scheduler.fsrs": {"ko": "FSRS (기억 모델)", "en": "FSRS (memory model)"},
    "settings.value.scheduler.deck": {
        "ko": "덱 기본값 (정하지 않은 덱은 SM-2)",
        "en": "Each deck's default (SM-2 where none)",
    },
    # Shown on the scale the option is typed on (0.90), with the percentage beside it.
    "settings.value.retention": {"ko": "{ratio} ({percent}%)", "en": "{ratio} ({percent}%)"},
    "settings.error.scheduler": {
        "ko": "알 수 없는 스케줄러예요: `{value}`. `sm2`나 `fsrs` 중에서 골라 주세요.",
        "en": "`{value}` is not a scheduler I know. Pick sm2 or fsrs.",
    },
    "settings.rebuilt": {
        "ko": "복습 기록으로 모든 카드의 일정을 다시 계산했어요. 언제든 다시 바꿔도 잃는 기록은 "
        "없어요.",
        "en": "Every card's schedule was worked out again from your review history. You can "
        "change it again at any time without losing anything.",
    },
    # A grade button with the interval it schedules (bot/i18n/intervals.py).
    "grade.with_interval": {"ko": "{grade} · {interval}", "en": "{grade} · {interval}"},
    "terminal.scheduler.switched": {
        "ko": "이제 {scheduler:으로} 복습해요. 지금까지의 복습 기록으로 모든 카드의 일정을 "
        "다시 계산했어요.",
        "en": "You now review with {scheduler}. Every card's schedule was worked out again "
        "from your review history.",
    },
    "interval.days": {"ko": "{n}일", "en": "{n}d"},
    "interval.months": {"ko": "{n}개월", "en": "{n}mo"},
    "interval.years": {"ko": "{n}년", "en": "{n}y"},
    # An exam date: the new cards a day it needs, and why (ExamPlan.reason).  Counted by
    # the unseen cards (``.one`` for a single one); ``days`` is at least 2 in the first two
    # (the day before the exam is too_late), and the limits are written so any number reads.
    "exam.plan.on_pace": {
        "ko": "시험까지 {days}일 남았어요. 지금처럼 하루에 새 카드 {limit}장이면 아직 안 본 "
        "카드 {cards}장을 시험 전에 모두 두 번씩 볼 수 있어요.",
        "en": "{days} days to the exam. Your daily limit of new cards ({limit}) is enough to "
        "see all {cards} unseen cards twice before the exam.",
    },
    "exam.plan.on_pace.one": {
        "ko": "시험까지 {days}일 남았어요. 지금처럼 하루에 새 카드 {limit}장이면 아직 안 본 "
        "카드 {cards}장을 시험 전에 두 번 볼 수 있어요.",
        "en": "{days} days to the exam. Your daily limit of new cards ({limit}) is enough to "
        "see your {cards} unseen card twice before the exam.",
    },
    # The plan serves more new cards than the learner's limit, day by day: /settings is
    # not changed, and the text must not read as if it were.
    "exam.plan.raised": {
        "ko": "시험까지 {days}일 남았어요. 아직 안 본 카드 {cards}장을 시험 전에 두 번씩 "
        "보려면 하루에 새 카드가 {per_day}장 필요해요. 그래서 시험 때까지는 하루 {limit}장 "
        "대신 {per_day}장씩 보여 드려요. 설정은 그대로예요.",
        "en": "{days} days to the exam. To see all {cards} unseen cards twice before then, "
        "you need more new cards a day, so until the exam you get {per_day} a day instead "
        "of {limit} (your setting is unchanged).",
    },
    "exam.plan.raised.one": {
        "ko": "시험까지 {days}일 남았어요. 아직 안 본 카드 {cards}장을 시험 전에 두 번 "
        "보려면 하루에 새 카드가 {per_day}장 필요해요. 그래서 시험 때까지는 하루 {limit}장 "
        "대신 {per_day}장씩 보여 드려요. 설정은 그대로예요.",
        "en": "{days} days to the exam. To see your {cards} unseen card twice before then, "
        "you need more new cards a day, so until the exam you get {per_day} a day instead "
        "of {limit} (your setting is unchanged).",
    },
    "exam.plan.too_late": {
        "ko": "시험이 내일이에요. 아직 안 본 카드 {cards}장을 오늘 모두 보여 드릴게요. "
        "두 번씩 복습할 시간은 남지 않았어요.",
        "en": "The exam is tomorrow, so all {cards} unseen cards are shown today. There is "
        "no time left to review them twice.",
    },
    "exam.plan.too_late.one": {
        "ko": "시험이 내일이에요. 아직 안 본 카드 {cards}장을 오늘 보여 드릴게요. "
        "두 번 복습할 시간은 남지 않았어요.",
        "en": "The exam is tomorrow, so your {cards} unseen card is shown today. There is "
        "no time left to review it twice.",
    },
    "exam.plan.all_met": {
        "ko": "모든 카드를 한 번 이상 봤어요. 시험 전 마지막 일주일 안에 모든 카드가 다시 나와요.",
        "en": "You have seen every card at least once. Each one comes back in the last week "
        "before the exam.",
    },
    "exam.plan.passed": {
        "ko": "시험일이 지났어요. 이제 평소 일정대로 복습해요.",
        "en": "The exam date has passed: your reviews are back on their usual schedule.",
    },
    # Coming back after a break (Backlog.reason).
    # Shown by the terminal too: the setting is named as /settings labels it, not by command.
    "backlog.notice": {
        "ko": "밀린 복습 카드가 {due}장 있어요. 가장 오래 밀린 카드부터 하루에 {cap}장씩 "
        "보여 드릴게요. 이 속도라면 {days}일 뒤에 모두 따라잡아요.",
        "en": "You have {due} reviews waiting. You get the most overdue first, {cap} a day, "
        "and catch up in {days} days.",
    },
    "backlog.notice.never": {
        "ko": "밀린 복습 카드가 {due}장 있어요. 하루 {cap}장으로는 새로 돌아오는 카드 때문에 "
        "따라잡을 수 없어요. 하루 복습 수를 늘려 보세요.",
        "en": "You have {due} reviews waiting. At {cap} a day you cannot catch up with the "
        "cards falling due: raise your reviews per day.",
    },
}
