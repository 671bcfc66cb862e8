"""Messages of the maintainers' /deck commands: reload, log-channel, info, leeches (ko, en).

Keys under ``cmd.`` are slash command names, descriptions and options (see
bot.discord.translator's key scheme); ``deck_admin.*`` is what the commands and
the log channel say.  Problem lines (``file:line:col: message``) are shown as
the loader wrote them: maintainers paste them into their editor.
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
    "deck_admin.reload.by": {
        "ko": "{who}님이 실행 · {trigger}",
        "en": "by {who} · {trigger}",
    },
    "deck_admin.trigger.start": {"ko": "시작할 때", "en": "at start"},
    "deck_admin.trigger.watch": {"ko": "파일 변경", "en": "file changed"},
    "deck_admin.trigger.command": {"ko": "명령", "en": "command"},
    "deck_admin.trigger.signal": {"ko": "SIGHUP 신호", "en": "SIGHUP"},
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
    "deck_admin.info.cards": {"ko": "카드", "en": "Cards"},
    "deck_admin.info.retired": {"ko": "보관된 카드 {n}장", "en": "{n} retired"},
    "deck_admin.info.learners": {"ko": "학습자", "en": "Learners"},
    "deck_admin.info.reviews": {"ko": "복습", "en": "Reviews"},
    "deck_admin.info.reviews_value": {
        "ko": "전체 {total}번 · 최근 30일 복습 {recent}번",
        "en": "{total} in all · {recent} reviews in the last 30 days",
    },
    "deck_admin.info.retention": {"ko": "30일 기억률", "en": "Retention (30 days)"},
    "deck_admin.info.retention_none": {
        "ko": "최근 30일 동안 복습이 없어요",
        "en": "no reviews in the last 30 days",
    },
    "deck_admin.info.last_reload": {"ko": "마지막 다시읽기", "en": "Last reload"},
    "deck_admin.info.never": {"ko": "아직 없어요", "en": "none yet"},
    "deck_admin.info.reload_ok": {
        "ko": "{when} · {trigger} · 추가 {added}, 변경 {changed}, 보관 {retired}, 복원 {restored}",
        "en": "{when} · {trigger} · {added} added, {changed} changed, {retired} retired, "
              "{restored} restored",
    },
    "deck_admin.info.reload_failed": {
        "ko": "{when} · {trigger} · 거부됨, 문제 {n}개 (이전 버전 유지)",
        "en": "{when} · {trigger} · refused, {n} problems (previous version kept)",
    },
    # -- leeches -----------------------------------------------------------------------------
    "deck_admin.leeches.title": {"ko": "어려운 카드 · {deck}", "en": "Leeches · {deck}"},
    "deck_admin.leeches.intro": {
        "ko": "쉬움 정도(EF)가 최저치 1.3에 붙은 채 여러 번 틀린 카드예요. 문장을 다시 써 보세요.",
        "en": "Cards whose E-Factor sits at 1.3 after repeated lapses: worth rewriting.",
    },
    "deck_admin.leeches.none": {
        "ko": "아직 어려운 카드가 없어요.",
        "en": "No leeches yet.",
    },
    "deck_admin.leeches.line": {
        "ko": "`{where}` {card} — {question} · 학습자 {learners}명, 틀린 횟수 {lapses}",
        "en": "`{where}` {card} — {question} · {learners} learners, {lapses} lapses",
    },
    "deck_admin.leeches.daily": {
        "ko": "오늘의 문제에서 정답률이 낮은 카드",
        "en": "Daily questions with the lowest correct rate",
    },
    "deck_admin.leeches.daily_line": {
        "ko": "`{where}` {card} — {question} · {correct}/{answers} 정답 ({rate})",
        "en": "`{where}` {card} — {question} · {correct}/{answers} correct ({rate})",
    },
    "deck_admin.leeches.daily_none": {
        "ko": "오늘의 문제 답이 아직 충분하지 않아요.",
        "en": "Not enough daily answers yet.",
    },
    "deck_admin.leeches.retired": {"ko": "(보관됨)", "en": "(retired)"},
}
