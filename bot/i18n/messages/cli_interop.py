"""What `studybot deck export` and `studybot deck import` print, in Korean and English."""

from __future__ import annotations

from bot.i18n.messages import Table

MESSAGES: Table = {
    "interop.bad_format": {
        "en": "error: --format must be apkg or csv, not {fmt!r}",
        "ko": "오류: --format 은 apkg 또는 csv 여야 해요 ({fmt!r})",
    },
    "interop.missing": {
        "en": "error: file not found: {path}",
        "ko": "오류: 파일이 없어요: {path}",
    },
    "interop.unknown_kind": {
        "en": "error: {path}: only .apkg and .csv (or .tsv, .txt) files can be imported",
        "ko": "오류: {path}: .apkg 와 .csv (.tsv, .txt) 파일만 가져올 수 있어요",
    },
    "interop.unreadable": {
        "en": "error: cannot read {path}: {reason}",
        "ko": "오류: {path} 파일을 읽을 수 없어요: {reason}",
    },
    "interop.bad_deck": {
        "en": "error: cannot update {path}: {reason}; the file was left as it was",
        "ko": "오류: {path} 덱을 갱신할 수 없어요: {reason}. 파일은 그대로 두었어요",
    },
    "interop.invalid_result": {
        "en": "error: the imported deck would not be valid; {path} was left as it was:",
        "ko": "오류: 가져온 덱이 올바르지 않아 {path} 파일은 그대로 두었어요:",
    },
    "interop.nothing": {
        "en": "error: {path} has no note that can become a card; nothing was written",
        "ko": "오류: {path}에 카드로 만들 수 있는 노트가 없어요. 아무것도 쓰지 않았어요",
    },
    "interop.exported": {
        "en": "{path}: {notes} notes, {cards} Anki cards",
        "ko": "{path}: 노트 {notes}개, Anki 카드 {cards}장",
    },
    "interop.imported": {
        "en": "{path}: {total} imported cards",
        "ko": "{path}: 가져온 카드 {total}장",
    },
    "interop.counts": {
        "en": "  new {new}, updated {updated}, unchanged {unchanged}, kept (edited) {kept}, "
        "skipped {skipped}",
        "ko": "  새 카드 {new}, 갱신 {updated}, 변화 없음 {unchanged}, 편집되어 유지 {kept}, "
        "건너뜀 {skipped}",
    },
    "interop.kept_item": {
        "en": "  kept as edited: {id} ({anchor})",
        "ko": "  편집되어 유지: {id} ({anchor})",
    },
    "interop.skipped_item": {
        "en": "  skipped {anchor}: {reason}",
        "ko": "  건너뜀 {anchor}: {reason}",
    },
}

