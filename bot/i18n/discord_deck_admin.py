"""Messages of the maintainers' /deck commands: reload, log-channel, info, leeches (ko, en).

Keys under ``cmd.`` are slash command names, descriptions and options (see
bot.discord.translator's key scheme); ``deck_admin.*`` is what the commands and
the log channel say.  Problem lines keep the loader's ``file:line:col:`` prefix,
which editors jump to; their message is in the maintainer's language
(bot/i18n/messages/deck_file.py).
"""

from __future__ import annotations

from bot.i18n.messages import Table

MESSAGES: Table = {
    # -- slash commands ----------------------------------------------------------------------
    "cmd.deck.name": {"ko": "덱관리", "en": "deck"},
    "cmd.deck.description": {
        "ko": "덱 파일을 다시 읽고 덱 상태를 봐요 (관리자용)",
        "en": "Reload deck files and see how decks do (maintainers)",
    },
    "cmd.deck.reload.name": {"ko": "다시읽기", "en": "reload"},
    "cmd.deck.reload.description": {
        "ko": "덱 파일을 다시 읽어 학습 기록은 그대로 두고 바뀐 내용을 반영해요",
        "en": "Re-read deck files; learners keep their history",
    },
    "cmd.deck.reload.opt.deck.name": {"ko": "덱", "en": "deck"},
    "cmd.deck.reload.opt.deck.description": {
        "ko": "다시 읽을 덱 (비우면 모든 덱)",
        "en": "The deck to reload (empty: every deck)",
    },
    "cmd.deck.log-channel.name": {"ko": "기록채널", "en": "log-channel"},
    "cmd.deck.log-channel.description": {
        "ko": "덱을 다시 읽을 때마다 결과를 올릴 채널을 정해요",
        "en": "Where every deck reload is reported in this server",
    },
    "cmd.deck.log-channel.opt.channel.name": {"ko": "채널", "en": "channel"},
    "cmd.deck.log-channel.opt.channel.description": {
        "ko": "결과를 올릴 채널 (비우면 더 이상 올리지 않아요)",
        "en": "The channel (empty: stop reporting here)",
    },
    "cmd.deck.info.name": {"ko": "정보", "en": "info"},
    "cmd.deck.info.description": {
        "ko": "카드 종류, 학습자, 복습, 30일 기억률, 마지막 다시읽기 결과를 봐요",
        "en": "Cards by type, learners, reviews, 30-day retention, last reload",
    },
    "cmd.deck.info.opt.deck.name": {"ko": "덱", "en": "deck"},
    "cmd.deck.info.opt.deck.description": {
        "ko": "볼 덱 (비우면 모든 덱)",
        "en": "The deck (empty: every deck)",
    },
    "cmd.deck.leeches.name": {"ko": "어려운카드", "en": "leeches"},
    "cmd.deck.leeches.description": {
        "ko": "학습자들이 자꾸 틀리는 카드와 그 파일 위치를 봐요",
        "en": "Cards learners keep failing, with where they are in the file",
    },
    "cmd.deck.leeches.opt.deck.name": {"ko": "덱", "en": "deck"},
    "cmd.deck.leeches.opt.deck.description": {
        "ko": "볼 덱 (비우면 모든 덱)",
        "en": "The deck (empty: every deck)",
    },
    # -- refusals ----------------------------------------------------------------------------
    "deck_admin.refuse.not_maintainer": {
        "ko": "덱 관리는 봇 관리자나 덱 관리자 역할이 있는 분만 할 수 있어요.",
        "en": "Only the bot's owners and members with the deck maintainer role can manage decks.",
    },
    "deck_admin.refuse.guild_only": {
        "ko": "기록 채널은 서버 안에서만 정할 수 있어요.",
        "en": "A log channel can only be set inside a server.",
    },
    "deck_admin.unknown_deck": {
        "ko": "'{deck}' 덱을 찾지 못했어요. 덱 폴더에 그 덱의 파일이 있는지 확인해 주세요.",
        "en": "There is no deck '{deck}': no file for it in the decks folder.",
    },
    "deck_admin.no_decks": {
        "ko": "불러온 덱이 없어요.",
        "en": "No deck is loaded.",
    },
    # -- reload ------------------------------------------------------------------------------
    "deck_admin.reload.title": {"ko": "덱 다시읽기", "en": "Deck reload"},
    "deck_admin.reload.ok": {
        "ko": "{deck}: 추가 {added}, 변경 {changed} (기록 유지), 보관 {retired}, 복원 {restored}",
        "en": "{deck}: {added} added, {changed} changed (history kept), {retired} retired, "
              "{restored} restored",
    },
    "deck_admin.reload.refused": {
        "ko": "{deck}: 문제가 있어 반영하지 않았어요. 이전 버전이 그대로 쓰이고 있어요.",
        "en": "{deck}: not loaded because of the problems below; the previous version "
              "keeps serving.",
    },
    "deck_admin.reload.nothing": {
        "ko": "덱 폴더에 덱 파일이 없어요.",
        "en": "The decks folder holds no deck file.",
    },
    "deck_admin.reload.more": {"ko": "…외 {n}개 더", "en": "…and {n} more"},
    "deck_admin.reload.by.command": {"ko": "{who}님이 실행", "en": "run by {who}"},
    "deck_admin.reload.by.anonymous": {"ko": "명령으로 실행", "en": "run by command"},
    "deck_admin.reload.by.watch": {
        "ko": "덱 파일이 바뀌어 자동으로 실행",
        "en": "automatic: a deck file changed",
    },
    "deck_admin.reload.by.signal": {"ko": "SIGHUP 신호를 받아 실행", "en": "on SIGHUP"},
    "deck_admin.reload.by.start": {"ko": "봇을 시작할 때 실행", "en": "when the bot started"},
    # -- log channel -------------------------------------------------------------------------
    "deck_admin.log_channel.set": {
        "ko": "이제 덱을 다시 읽을 때마다 {channel}에 결과를 올려요.",
        "en": "Every deck reload will now be reported in {channel}.",
    },
    "deck_admin.log_channel.cleared": {
        "ko": "이 서버에는 더 이상 다시읽기 결과를 올리지 않아요.",
        "en": "Deck reloads are no longer reported in this server.",
    },
    "deck_admin.log_channel.cannot_post": {
        "ko": "{channel}에 메시지를 올릴 권한이 없어요. 채널 권한을 확인해 주세요.",
        "en": "I cannot post in {channel}; please check the channel's permissions.",
    },
    # -- info --------------------------------------------------------------------------------
    "deck_admin.info.title": {"ko": "{title} ({deck})", "en": "{title} ({deck})"},
    "deck_admin.info.all_title": {"ko": "모든 덱", "en": "Every deck"},
    "deck_admin.info.cards": {"ko": "카드", "en": "Cards"},
    "deck_admin.info.kind.basic": {"ko": "기본 {n}장", "en": "{n} basic"},
    "deck_admin.info.kind.choice": {"ko": "객관식 {n}장", "en": "{n} multiple choice"},
    "deck_admin.info.kind.cloze": {"ko": "빈칸 {n}장", "en": "{n} cloze"},
    "deck_admin.info.kind.typed": {"ko": "주관식 {n}장", "en": "{n} typed"},
    "deck_admin.info.no_cards": {"ko": "보여 줄 카드가 없어요", "en": "no cards to show"},
    "deck_admin.info.retired": {"ko": "보관된 카드 {n}장", "en": "{n} retired"},
    "deck_admin.info.learners": {"ko": "학습자", "en": "Learners"},
    "deck_admin.info.learners_value": {"ko": "{n}명", "en": "{n} learners"},
    "deck_admin.info.learners_value.one": {"ko": "{n}명", "en": "{n} learner"},
    "deck_admin.info.reviews": {"ko": "답한 횟수", "en": "Answers"},
    "deck_admin.info.reviews_value": {
        "ko": "모두 {n}번 (새 카드, 복습, 같은 학습 중 다시 푼 답까지)",
        "en": "{n} in all (new cards, reviews and repeats within a session)",
    },
    "deck_admin.info.reviews_value.one": {
        "ko": "모두 {n}번 (새 카드, 복습, 같은 학습 중 다시 푼 답까지)",
        "en": "{n} in all (new cards, reviews and repeats within a session)",
    },
    "deck_admin.info.retention": {"ko": "30일 기억률", "en": "Retention (30 days)"},
    "deck_admin.info.retention_value": {
        "ko": "{rate} · 이미 배운 카드를 복습한 {n}번 기준이에요 "
              "(새 카드와 같은 학습 중 다시 푼 답은 세지 않아요)",
        "en": "{rate} of {n} reviews of cards already learned "
              "(new cards and repeats within a session are not counted)",
    },
    "deck_admin.info.retention_value.one": {
        "ko": "{rate} · 이미 배운 카드를 복습한 {n}번 기준이에요 "
              "(새 카드와 같은 학습 중 다시 푼 답은 세지 않아요)",
        "en": "{rate} of {n} review of a card already learned "
              "(new cards and repeats within a session are not counted)",
    },
    "deck_admin.info.retention_none": {
        "ko": "최근 30일 동안 이미 배운 카드를 복습한 적이 없어요",
        "en": "no reviews of cards already learned in the last 30 days",
    },
    "deck_admin.info.last_reload": {"ko": "마지막 다시읽기", "en": "Last reload"},
    "deck_admin.info.never": {"ko": "아직 없어요", "en": "none yet"},
    "deck_admin.info.reload_ok": {
        "ko": "{when} · {by} · 추가 {added}, 변경 {changed}, 보관 {retired}, 복원 {restored}",
        "en": "{when} · {by} · {added} added, {changed} changed, {retired} retired, "
              "{restored} restored",
    },
    "deck_admin.info.reload_failed": {
        "ko": "{when} · {by} · 문제 {n}개 때문에 반영하지 않았어요 (이전 버전을 계속 써요)",
        "en": "{when} · {by} · refused because of {n} problems (the previous version stays)",
    },
    "deck_admin.info.reload_failed.one": {
        "ko": "{when} · {by} · 문제 {n}개 때문에 반영하지 않았어요 (이전 버전을 계속 써요)",
        "en": "{when} · {by} · refused because of {n} problem (the previous version stays)",
    },
    "deck_admin.info.summary": {
        "ko": "카드 {cards}장 · 학습자 {learners}명 · 30일 기억률 {retention} · "
              "마지막 다시읽기 {reload}",
        "en": "{cards} cards · {learners} learners · 30-day retention {retention} · "
              "last reload {reload}",
    },
    "deck_admin.info.summary_ok": {"ko": "{when} 반영됨", "en": "{when}, loaded"},
    "deck_admin.info.summary_refused": {"ko": "{when} 거부됨", "en": "{when}, refused"},
    "deck_admin.info.more": {
        "ko": "…외에 덱 {n}개가 더 있어요. "
              "`{/deck info}`에서 덱을 고르면 하나씩 자세히 볼 수 있어요.",
        "en": "…and {n} more decks: pick one in `{/deck info}` to see it in full.",
    },
    "deck_admin.info.more.one": {
        "ko": "…외에 덱 {n}개가 더 있어요. "
              "`{/deck info}`에서 덱을 고르면 하나씩 자세히 볼 수 있어요.",
        "en": "…and {n} more deck: pick it in `{/deck info}` to see it in full.",
    },
    # -- leeches -----------------------------------------------------------------------------
    "deck_admin.leeches.title": {"ko": "어려운 카드 · {deck}", "en": "Leeches · {deck}"},
    "deck_admin.leeches.intro": {
        "ko": "학습자들이 여러 번 잊어버리고, 다시 배운 뒤에도 계속 어렵다고 답하는 카드예요. "
              "더 자주 보여 줘도 잘 나아지지 않아요. 질문을 짧고 분명하게 고치거나, "
              "두 카드로 나누거나, 예를 하나 넣어 보세요.",
        "en": "Cards learners keep forgetting and still find hard after relearning them; "
              "showing them more often rarely helps. Make the question shorter and clearer, "
              "split it into two cards, or add an example.",
    },
    "deck_admin.leeches.none": {
        "ko": "아직 어려운 카드가 없어요.",
        "en": "No leeches yet.",
    },
    "deck_admin.leeches.line": {
        "ko": "`{where}` {card} — {question} · 학습자 {n}명이 합쳐서 {lapses}번 잊었어요",
        "en": "`{where}` {card} — {question} · forgotten {lapses} times by {n} learners",
    },
    "deck_admin.leeches.line.one": {
        "ko": "`{where}` {card} — {question} · 학습자 {n}명이 합쳐서 {lapses}번 잊었어요",
        "en": "`{where}` {card} — {question} · forgotten {lapses} times by {n} learner",
    },
    "deck_admin.leeches.daily": {
        "ko": "오늘의 문제에서 정답률이 낮은 카드",
        "en": "Daily questions with the lowest correct rate",
    },
    "deck_admin.leeches.daily_intro": {
        "ko": "정답률이 낮다면 질문이 모호하거나, 답이 여러 가지로 읽히거나, "
              "맞는 보기가 둘일 수 있어요.",
        "en": "A low rate often means the question is ambiguous, has more than one fair "
              "answer, or offers two right choices.",
    },
    "deck_admin.leeches.daily_line": {
        "ko": "`{where}` {card} — {question} · 답 {answers}개 중 {correct}개 정답 ({rate})",
        "en": "`{where}` {card} — {question} · {correct}/{answers} correct ({rate})",
    },
    "deck_admin.leeches.daily_none": {
        "ko": "오늘의 문제 답이 아직 충분하지 않아요.",
        "en": "Not enough daily answers yet.",
    },
    "deck_admin.leeches.retired": {"ko": "(보관됨)", "en": "(retired)"},
}
