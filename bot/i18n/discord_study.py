"""Messages of personal study on Discord: /study, the card, its buttons, the result.

Keys starting with ``cmd.`` localize slash commands (see bot/discord/translator.py
for the key scheme); the rest are what a learner reads.  Korean uses 해요체
throughout, like the terminal front end.  ``{/study}`` names a command as the
reader's client lists it and ``{x:으로}`` picks the particle (bot.i18n.catalogue).
"""

from __future__ import annotations

from bot.i18n.messages import Table

MESSAGES: Table = {
    # /study and its option: names must stay valid command names (lowercase, no spaces).
    "cmd.study.name": {"ko": "학습", "en": "study"},
    "cmd.study.description": {
        "ko": "오늘 복습할 카드를 DM으로 공부해요 (이어서 하기도 돼요)",
        "en": "Review today's cards in your DMs (picks up where you left off)",
    },
    "cmd.study.opt.deck.name": {"ko": "덱", "en": "deck"},
    "cmd.study.opt.deck.description": {
        "ko": "이 덱만 공부해요 (비우면 내 모든 덱)",
        "en": "Study only this deck (leave empty for all your decks)",
    },
    "cmd.study.opt.mode.name": {"ko": "모드", "en": "mode"},
    "cmd.study.opt.mode.description": {
        "ko": "오늘 할 카드, 또는 최근 7일 동안 틀린 카드",
        "en": "Today's cards, or the cards you missed in the last 7 days",
    },
    "study.mode.review": {"ko": "오늘 할 카드", "en": "Today's cards"},
    "study.mode.mistakes": {"ko": "틀린 카드 (최근 7일)", "en": "Cards I missed (last 7 days)"},
    # `studybot run` (one line on stderr, in the configured language).
    "discord.run.no_token": {
        "ko": "Discord 봇 토큰이 없어요. 환경 변수나 .env에 STUDYBOT_DISCORD_TOKEN을 설정하세요.",
        "en": "no Discord bot token: set STUDYBOT_DISCORD_TOKEN in the environment or .env.",
    },
    "discord.run.token_rejected": {
        "ko": "Discord가 봇 토큰을 거부했어요. STUDYBOT_DISCORD_TOKEN 값을 확인하세요.",
        "en": "Discord rejected the bot token: check STUDYBOT_DISCORD_TOKEN.",
    },
    "discord.run.intents": {
        "ko": "봇에 필요한 권한(intent)이 Discord 개발자 포털에서 꺼져 있어요.",
        "en": "the bot needs an intent that is disabled in the Discord developer portal.",
    },
    "discord.run.unreachable": {
        "ko": "Discord({where})에 연결할 수 없어요. 네트워크를 확인하세요",
        "en": "cannot reach Discord ({where}); check the network",
    },
    # Starting.
    "discord.study.check_dms": {
        "ko": "DM으로 카드를 보냈어요. DM을 확인해 주세요!",
        "en": "I sent your cards by DM. Check your DMs!",
    },
    "discord.study.dms_closed": {
        "ko": "DM을 보낼 수 없어서 여기서 이어 갈게요. 이 화면은 본인에게만 보여요.",
        "en": "I can't DM you, so let's study here (only you can see this).",
    },
    "discord.study.dm_failed": {
        "ko": "지금은 DM을 보낼 수 없어요. 잠시 뒤에 다시 해 주세요.",
        "en": "I couldn't send you a DM right now. Please try again in a moment.",
    },
    "discord.study.unknown_deck": {
        "ko": "'{deck}' 덱을 찾을 수 없어요. 덱 목록은 {/decks:`으로} 볼 수 있어요.",
        "en": "There is no deck called '{deck}'. `{/decks}` lists them all.",
    },
    "discord.study.no_mistakes": {
        "ko": "최근 7일 동안 틀린 카드가 없어요. 다시 풀어 볼 카드가 없네요!",
        "en": "You haven't missed a card in the last 7 days: nothing to go over.",
    },
    # A first study without a deck: join the only one, or choose.
    "discord.study.joined": {
        "ko": "이제 '{deck}' 덱을 공부해요. 다른 덱은 `{/decks}`에서 더할 수 있어요.",
        "en": "You're now studying '{deck}'. `{/decks}` adds other decks.",
    },
    "discord.study.choose_deck.title": {
        "ko": "어떤 덱을 공부할까요?",
        "en": "Which deck would you like to study?",
    },
    "discord.study.choose_deck.body": {
        "ko": "아직 공부하는 덱이 없어요. 아래에서 덱을 하나 고르면 바로 시작해요.",
        "en": "You aren't studying any deck yet. Choose one below to start right away.",
    },
    "discord.study.choose_deck.more": {
        "ko": "덱 {total}개 중 {shown}개만 보여요. 나머지는 `{/decks}`에서 고를 수 있어요.",
        "en": "Showing {shown} of {total} decks; `{/decks}` lists them all.",
    },
    "discord.study.choose_deck.option": {
        "ko": "{language} · {cards}",
        "en": "{language} · {cards}",
    },
    "discord.study.choose_deck.placeholder": {"ko": "덱을 골라 주세요", "en": "Choose a deck"},
    "discord.study.all_decks": {"ko": "모든 덱", "en": "All your decks"},
    "discord.study.nothing_due": {
        "ko": "오늘 복습할 카드가 없어요. 내일 또 만나요!",
        "en": "Nothing to review today. See you tomorrow!",
    },
    # The card.
    "discord.study.kind.basic": {"ko": "기본", "en": "Basic"},
    "discord.study.kind.choice": {"ko": "객관식", "en": "Multiple choice"},
    "discord.study.kind.cloze": {"ko": "빈칸", "en": "Cloze"},
    "discord.study.kind.typed": {"ko": "주관식", "en": "Type the answer"},
    "discord.study.answer_field": {"ko": "정답", "en": "Answer"},
    "discord.study.extra_field": {"ko": "참고", "en": "Note"},
    "discord.study.your_answer_field": {"ko": "내 답", "en": "Your answer"},
    "discord.study.grade_hint": {
        "ko": "얼마나 잘 기억했는지 골라 주세요.",
        "en": "How well did you remember it?",
    },
    # Buttons and the modal.
    "discord.study.button.show": {"ko": "정답 보기", "en": "Show answer"},
    "discord.study.button.type": {"ko": "답 입력하기", "en": "Type answer"},
    "discord.study.button.skip": {"ko": "건너뛰기", "en": "Skip"},
    "discord.study.button.stop": {"ko": "그만하기", "en": "Stop"},
    "discord.study.modal.title": {"ko": "답 입력", "en": "Your answer"},
    "discord.study.modal.label": {"ko": "정답을 입력하세요", "en": "Type your answer"},
    # After an answer.
    "discord.study.result.right": {"ko": "✅ 정답이에요!", "en": "✅ Right!"},
    "discord.study.result.almost": {"ko": "🟡 거의 맞았어요!", "en": "🟡 Almost!"},
    "discord.study.result.wrong": {"ko": "❌ 아쉽지만 틀렸어요.", "en": "❌ Not quite."},
    "discord.study.result.graded": {"ko": "기록했어요: {grade}", "en": "Recorded: {grade}"},
    "discord.study.result.skipped": {
        "ko": "건너뛰었어요. 다음 학습 때 다시 나와요.",
        "en": "Skipped. It comes back next time.",
    },
    # The end (the summary's lines are shared with the terminal: bot.i18n.study_text).
    "discord.study.summary.continue": {
        "ko": "{/study:`으로} 이어서 공부할 수 있어요.",
        "en": "`{/study}` picks up where you stopped.",
    },
    "discord.study.closed": {
        "ko": "학습을 닫았어요. 언제든 {/study:`으로} 다시 시작할 수 있어요.",
        "en": "Closed. `{/study}` starts again whenever you like.",
    },
    # Refusals: polite, and only to the one who clicked.
    "discord.study.not_yours": {
        "ko": "다른 사람의 카드라서 누를 수 없어요. 내 카드는 {/study:`으로} 공부할 수 있어요.",
        "en": "That card belongs to someone else. Use `{/study}` for your own cards.",
    },
    "discord.unknown_button": {
        "ko": "이 버튼은 더 이상 쓸 수 없어요. {/study:`으로} 다시 시작해 주세요.",
        "en": "This button no longer works. Use `{/study}` to start again.",
    },
    "discord.study.gone": {
        "ko": "이 카드는 덱에서 빠졌어요. 다음 카드로 넘어갈게요.",
        "en": "This card was removed from its deck. Moving on to the next one.",
    },
    "discord.study.session_over": {
        "ko": "이미 끝난 학습이에요. {/study:`으로} 다시 시작할 수 있어요.",
        "en": "This session has already ended. Use `{/study}` to start again.",
    },
    "discord.study.invalid": {
        "ko": "그 답은 받을 수 없어요. 다시 해 주세요.",
        "en": "I couldn't take that answer. Please try again.",
    },
    "discord.study.error": {
        "ko": "문제가 생겼어요. 잠시 뒤에 다시 해 주세요.",
        "en": "Something went wrong. Please try again in a moment.",
    },
}
