"""Messages of `studybot deck review`, the maintainer's walk through generated cards."""

from __future__ import annotations

from bot.i18n.messages import Table

MESSAGES: Table = {
    "deck_review.missing": {
        "ko": "오류: 덱 파일이 없어요: {path}",
        "en": "error: deck file not found: {path}",
    },
    "deck_review.unreadable": {
        "ko": "오류: {path} 파일을 읽을 수 없어요: {reason}",
        "en": "error: cannot read {path}: {reason}",
    },
    "deck_review.nothing": {
        "ko": "{path}: 검토할 초안 카드가 없어요.",
        "en": "{path}: no draft cards to review.",
    },
    "deck_review.nothing_generated": {
        "ko": "{path}: 검토할 생성 카드가 없어요.",
        "en": "{path}: no generated cards to review.",
    },
    "deck_review.state.draft": {"ko": "초안", "en": "draft"},
    "deck_review.state.generated": {"ko": "생성됨", "en": "generated"},
    "deck_review.lines": {"ko": " · 노트 {first}–{last}행", "en": " · note lines {first}–{last}"},
    "deck_review.line": {"ko": " · 노트 {line}행", "en": " · note line {line}"},
    "deck_review.prompt": {
        "ko": "(k) 유지 · (e) 편집 · (d) 버리기 · (s) 건너뛰기 · (q) 끝내기 >",
        "en": "(k)eep · (e)dit · (d)rop · (s)kip · (q)uit >",
    },
    "deck_review.help": {
        "ko": "k: 카드를 승인해 출제해요 · e: 편집기에서 고쳐요 · d: 카드를 버려요(다시 생성하지 "
              "않아요) · s: 다음에 결정해요 · q: 지금까지 결정한 것을 저장하고 끝내요",
        "en": "k: accept the card so it is served · e: fix it in your editor · d: drop it "
              "(regenerating will not bring it back) · s: decide later · q: stop, keeping "
              "what you decided",
    },
    "deck_review.editor_failed": {
        "ko": "편집기가 오류로 끝나서 카드를 그대로 두었어요.",
        "en": "The editor exited with an error; the card was left as it was.",
    },
    "deck_review.edit_refused": {
        "ko": "고친 카드에 문제가 있어 반영하지 않았어요:",
        "en": "The edited card has problems, so it was not saved:",
    },
    "deck_review.edit_again": {
        "ko": "e를 누르면 고친 내용을 다시 열어 마저 고칠 수 있어요. "
              "s를 누르면 이 카드를 건너뛰어요.",
        "en": "Press e to reopen your edit and fix it, or s to skip this card.",
    },
    "deck_review.summary": {
        "ko": "{path}: 유지 {kept}, 편집 {edited}, 버림 {dropped}, 건너뜀 {skipped}",
        "en": "{path}: kept {kept}, edited {edited}, dropped {dropped}, skipped {skipped}",
    },
}
