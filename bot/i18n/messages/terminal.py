"""Messages of the offline terminal front end (`studybot study`)."""

from __future__ import annotations

from bot.i18n.messages import Table

MESSAGES: Table = {
    "terminal.welcome": {
        "ko": "{deck} 학습을 시작해요. 도움말은 언제든 ?를 입력하세요.",
        "en": "Studying {deck}. Type ? at any prompt for help.",
    },
    "terminal.welcome_back": {
        "ko": "{deck} 학습을 이어서 해요. 도움말은 언제든 ?를 입력하세요.",
        "en": "Picking up {deck} where you left off. Type ? at any prompt for help.",
    },
    "terminal.all_decks": {"ko": "모든 덱", "en": "all your decks"},
    "terminal.prompt.reveal": {
        "ko": "Enter 키를 누르면 정답이 보여요",
        "en": "Press Enter to show the answer",
    },
    "terminal.prompt.grade": {
        "ko": "얼마나 잘 기억했나요? 1 다시 · 2 어려움 · 3 좋음 · 4 쉬움",
        "en": "How well did you remember? 1 Again · 2 Hard · 3 Good · 4 Easy",
    },
    "terminal.grade.with_interval": {"ko": "{grade}({interval})", "en": "{grade} ({interval})"},
    "terminal.prompt.grade.intervals": {
        "ko": "얼마나 잘 기억했나요? 1 {again} · 2 {hard} · 3 {good} · 4 {easy}",
        "en": "How well did you remember? 1 {again} · 2 {hard} · 3 {good} · 4 {easy}",
    },
    "terminal.prompt.choice": {
        "ko": "정답 번호를 입력하세요 (1–{n})",
        "en": "Type the number of your answer (1–{n})",
    },
    "terminal.prompt.typed": {"ko": "정답을 입력하세요", "en": "Type your answer"},
    "terminal.hint.grade": {
        "ko": "1, 2, 3, 4 중 하나를 입력하세요. (도움말: ?)",
        "en": "Please type 1, 2, 3 or 4. (? for help)",
    },
    "terminal.hint.choice": {
        "ko": "1부터 {n} 사이의 번호를 입력하세요. (도움말: ?)",
        "en": "Please type a number from 1 to {n}. (? for help)",
    },
    "terminal.hint.typed": {
        "ko": "정답을 입력하거나, s를 입력해 건너뛰세요. (도움말: ?)",
        "en": "Please type an answer, or s to skip. (? for help)",
    },
    "terminal.hint.not_text": {
        "ko": "입력한 줄을 UTF-8 글자로 읽을 수 없어요. 터미널 인코딩을 UTF-8로 맞추고 "
              "다시 입력하세요.",
        "en": "That line is not UTF-8 text; set your terminal to UTF-8 and type it again.",
    },
    "terminal.hint.too_long": {
        "ko": "답이 너무 길어요. {max}자 이내로 입력하세요.",
        "en": "That answer is too long; please keep it under {max} characters.",
    },
    "terminal.help": {
        "ko": (
            "어느 입력 단계에서든 쓸 수 있는 명령:\n"
            "  q  그만하기 (지금까지 답한 내용은 모두 저장돼요)\n"
            "  s  이 카드 건너뛰기 (다음 학습 때 다시 나와요)\n"
            "  ?  이 도움말 보기\n"
            "기본·빈칸 카드는 Enter 키로 정답을 확인한 뒤 1–4로 스스로 평가하세요.\n"
            "객관식 카드는 보기 번호를, 주관식 카드는 정답을 직접 입력하세요."
        ),
        "en": (
            "Commands at any prompt:\n"
            "  q  quit (everything you answered is saved)\n"
            "  s  skip this card (it comes back next time)\n"
            "  ?  show this help\n"
            "Basic and cloze cards: press Enter to see the answer, then grade yourself 1–4.\n"
            "Choice cards: type the number of an option. Typed cards: type the answer."
        ),
    },
    "terminal.skipped": {
        "ko": "건너뛰었어요. 다음 학습 때 다시 나와요.",
        "en": "Skipped. It comes back next time.",
    },
    "terminal.retired": {
        "ko": "덱에서 빠진 카드라서 넘어갈게요.",
        "en": "This card was removed from its deck; moving on.",
    },
    "terminal.session_closed": {
        "ko": "이 학습은 이미 끝났어요.",
        "en": "This session has already ended.",
    },
    "terminal.no_mistakes": {
        "ko": "최근 7일 동안 틀린 카드가 없어요. 다시 풀어 볼 카드가 없네요!",
        "en": "You haven't missed a card in the last 7 days: nothing to go over.",
    },
    "terminal.choose_deck": {
        "ko": "아직 공부하는 덱이 없어요. 어떤 덱을 공부할까요?",
        "en": "You aren't studying any deck yet. Which one would you like to study?",
    },
    "terminal.choose_deck.ask": {"ko": "덱 번호 (1-{n})", "en": "Deck number (1-{n})"},
    "terminal.choose_deck.again": {
        "ko": "1부터 {n}까지의 번호를 입력하세요 (그만두려면 q).",
        "en": "Type a number from 1 to {n} (or q to quit).",
    },
    "terminal.joined": {
        "ko": "이제 '{deck}' 덱을 공부해요.",
        "en": "You're now studying '{deck}'.",
    },
    "terminal.nothing_due": {
        "ko": "지금은 복습할 카드가 없어요. 잘하고 있어요!",
        "en": "Nothing to review right now. Nicely done!",
    },
    "terminal.all_done": {
        "ko": "오늘 공부를 모두 마쳤어요!",
        "en": "All done for today!",
    },
    "terminal.quit": {
        "ko": "여기까지 할게요. 답한 내용은 모두 저장됐어요.",
        "en": "Stopping here. Everything you answered is saved.",
    },
    "terminal.interrupted": {
        "ko": "중단했어요. 답한 내용은 모두 저장됐어요.",
        "en": "Interrupted. Everything you answered is saved.",
    },
    "terminal.summary.nothing_answered": {
        "ko": "이번에는 답한 카드가 없어요.",
        "en": "You didn't answer any cards this time.",
    },
    "terminal.summary.continue": {
        "ko": "studybot study 명령으로 이어서 할 수 있어요.",
        "en": "Run studybot study again to continue.",
    },
    "terminal.goodbye": {"ko": "다음에 또 만나요!", "en": "See you next time!"},
}
