"""What `studybot deck generate` prints: its summary, and why a note or deck was refused."""

from __future__ import annotations

from bot.i18n.messages import Table

MESSAGES: Table = {
    "generate.missing": {
        "en": "error: note not found: {path}",
        "ko": "오류: 노트 파일이 없어요: {path}",
    },
    "generate.not_file": {
        "en": "error: not a file: {path}",
        "ko": "오류: 파일이 아니에요: {path}",
    },
    "generate.encoding": {
        "en": "error: {path} is not UTF-8 text (bad byte 0x{byte:02x} at line {line}); "
              "save the note as UTF-8 and try again",
        "ko": "오류: {path} 파일이 UTF-8이 아니에요 ({line}번째 줄의 바이트 0x{byte:02x}). "
              "UTF-8로 저장한 뒤 다시 실행해 주세요",
    },
    "generate.empty": {
        "en": "error: {path} is empty; nothing was written",
        "ko": "오류: {path} 파일이 비어 있어요. 아무것도 쓰지 않았어요",
    },
    "generate.nothing": {
        "en": "error: found nothing to make cards from in {path} "
              "(no definitions, examples, tables or lists); nothing was written",
        "ko": "오류: {path}에서 카드로 만들 내용(정의, 예시, 표, 목록)을 찾지 못했어요. "
              "아무것도 쓰지 않았어요",
    },
    "generate.bad_lang": {
        "en": "error: --lang must be ko or en, not {value!r}",
        "ko": "오류: --lang 은 ko 또는 en 이어야 해요 ({value!r})",
    },
    "generate.bad_deck_id": {
        "en": "error: --deck {deck!r} is not a deck id; use letters, digits, - and _ "
              "(at most {limit})",
        "ko": "오류: --deck {deck!r}는 덱 id로 쓸 수 없어요. 영문자, 숫자, -, _만 "
              "써 주세요 (최대 {limit}자)",
    },
    "generate.bad_deck": {
        "en": "error: cannot update {path}: {reason}; the file was left as it was",
        "ko": "오류: {path} 덱을 갱신할 수 없어요: {reason}. 파일은 그대로 두었어요",
    },
    "generate.unreadable_deck": {
        "en": "error: cannot read {path}: {reason}",
        "ko": "오류: {path} 파일을 읽을 수 없어요: {reason}",
    },
    "generate.written": {
        "en": "{path}: {total} cards",
        "ko": "{path}: 카드 {total}장",
    },
    "generate.drafts": {
        "en": "  {n} new cards are drafts (not served until accepted): "
              "studybot deck review {path}",
        "ko": "  새 카드 중 {n}장은 초안이에요 (승인 전에는 출제되지 않아요): "
              "studybot deck review {path}",
    },
    "generate.dropped": {
        "en": "  {n} cards you dropped earlier were left out",
        "ko": "  전에 버린 카드 {n}장은 다시 만들지 않았어요",
    },
    "generate.no_notes": {
        "en": "error: no Markdown notes (*.md) in {path}",
        "ko": "오류: {path} 폴더에 마크다운 노트(*.md)가 없어요",
    },
    "generate.clash": {
        "en": "error: {path} and {other} would both write {deck}; rename one of them",
        "ko": "오류: {path}와(과) {other}가 모두 {deck} 덱을 만들게 돼요. "
              "하나의 이름을 바꿔 주세요",
    },
    "generate.out_is_file": {
        "en": "error: {path} is a file; give a folder with -o when generating from a folder",
        "ko": "오류: {path}는 파일이에요. 폴더에서 생성할 때는 -o로 폴더를 지정해 주세요",
    },
    "generate.unchanged_file": {
        "en": "{path}: already up to date ({total} cards)",
        "ko": "{path}: 이미 최신이에요 (카드 {total}장)",
    },
    "generate.counts": {
        "en": "  new {new}, refreshed {refreshed}, kept (edited) {kept}, stale {stale}, "
              "unchanged {unchanged}, hand-written {hand}",
        "ko": "  새 카드 {new}, 갱신 {refreshed}, 편집되어 유지 {kept}, "
              "출처 사라짐(stale) {stale}, 변화 없음 {unchanged}, 직접 작성 {hand}",
    },
    "generate.by_type": {
        "en": "  {label}: {types}",
        "ko": "  {label}: {types}",
    },
    "generate.kept_item": {
        "en": "  kept as edited: {id} ({anchor})",
        "ko": "  편집되어 유지: {id} ({anchor})",
    },
    "generate.stale_item": {
        "en": "  stale (source gone): {id} ({anchor})",
        "ko": "  출처 사라짐: {id} ({anchor})",
    },
    "generate.label.new": {"en": "new", "ko": "새 카드"},
    "generate.label.refreshed": {"en": "refreshed", "ko": "갱신"},
    "generate.label.kept": {"en": "kept (edited)", "ko": "편집되어 유지"},
    "generate.label.stale": {"en": "stale", "ko": "출처 사라짐"},
}
