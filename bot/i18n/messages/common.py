"""Words every front end shares: dates, grades, verdicts, counts."""

from __future__ import annotations

from bot.i18n.messages import Table

_WEEKDAYS_EN = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_WEEKDAYS_KO = ("월", "화", "수", "목", "금", "토", "일")
_MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")

MESSAGES: Table = {
    "lang.name": {"ko": "한국어", "en": "English"},
    # Dates. Monday is weekday 0, as in datetime.date.weekday().
    **{
        f"weekday.{i}": {"ko": ko, "en": en}
        for i, (ko, en) in enumerate(zip(_WEEKDAYS_KO, _WEEKDAYS_EN, strict=True))
    },
    **{f"month.{i}": {"ko": f"{i}월", "en": en} for i, en in enumerate(_MONTHS_EN, start=1)},
    "date.short": {"ko": "{month} {day}일 ({weekday})", "en": "{weekday} {day} {month}"},
    "date.today": {"ko": "오늘", "en": "today"},
    "date.tomorrow": {"ko": "내일", "en": "tomorrow"},
    # Counts of cards (a cloze card's faces count as cards to a learner).
    "count.cards": {"ko": "{n}장", "en": "{n} cards"},
    "count.cards.one": {"ko": "{n}장", "en": "{n} card"},
    # Self-grading buttons of basic and cloze cards (Again=1, Hard=3, Good=4, Easy=5).
    "grade.again": {"ko": "다시", "en": "Again"},
    "grade.hard": {"ko": "어려움", "en": "Hard"},
    "grade.good": {"ko": "좋음", "en": "Good"},
    "grade.easy": {"ko": "쉬움", "en": "Easy"},
    # How a choice or typed answer was judged.
    "verdict.right": {"ko": "정답이에요!", "en": "Right!"},
    "verdict.almost": {"ko": "거의 맞았어요!", "en": "Almost!"},
    "verdict.wrong": {"ko": "아쉽지만 틀렸어요.", "en": "Not quite."},
    # Markers on a card.
    "card.new": {"ko": "새 카드", "en": "new"},
    "card.drill": {"ko": "다시 보기", "en": "repeat"},
    "card.answer": {"ko": "정답: {answer}", "en": "Answer: {answer}"},
    "card.extra": {"ko": "참고: {extra}", "en": "Note: {extra}"},
    # What happens to a card after an answer.
    "schedule.comes_back": {
        "ko": "이 카드는 이번 학습에서 한 번 더 나와요.",
        "en": "This card comes back later in this session.",
    },
    "schedule.next_in_days": {
        "ko": "{n}일 뒤에 다시 복습해요.",
        "en": "Next review in {n} days.",
    },
    "schedule.next_in_days.one": {
        "ko": "내일 다시 복습해요.",
        "en": "Next review tomorrow.",
    },
    # Loading decks.
    "deck.problem": {
        "ko": "경고: {problem} (이 파일은 건너뛰었어요. 전에 불러온 덱이 있으면 그대로 사용해요)",
        "en": "Warning: {problem} (file skipped; an earlier version of the deck stays in use)",
    },
    "deck.unknown": {
        "ko": "'{deck}' 덱을 찾을 수 없어요.",
        "en": "There is no deck called '{deck}'.",
    },
    "deck.known": {"ko": "사용할 수 있는 덱: {decks}", "en": "Available decks: {decks}"},
    "deck.none_loaded": {
        "ko": "불러온 덱이 없어요. {path} 폴더에 덱 파일(*.yaml)을 넣어 주세요.",
        "en": "No decks are loaded. Put deck files (*.yaml) in {path}.",
    },
}
