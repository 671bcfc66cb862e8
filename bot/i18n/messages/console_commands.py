"""Messages of the maintainers' console commands: deck generate, deck export/import,
deck export-progress.

They are printed one per line, errors first word "error:"/"오류:" so they stand out in
a log; paths and options are shown as typed.
"""

from __future__ import annotations

from bot.i18n.messages import Table

MESSAGES: Table = {
    # -- studybot deck generate ---------------------------------------------------------------
    "generate.missing": {
        "ko": "오류: 노트 파일이 없어요: {path}",
        "en": "error: note not found: {path}",
    },
    "generate.not_file": {
        "ko": "오류: 파일이 아니에요: {path}",
        "en": "error: not a file: {path}",
    },
    "generate.encoding": {
        "ko": "오류: {path} 파일이 UTF-8이 아니에요 ({line}번째 줄의 바이트 0x{byte:02x}). "
              "노트를 UTF-8로 저장한 뒤 다시 실행해 주세요",
        "en": "error: {path} is not UTF-8 text (bad byte 0x{byte:02x} at line {line}); "
              "save the note as UTF-8 and try again",
    },
    "generate.empty": {
        "ko": "오류: {path} 파일이 비어 있어요. 아무것도 쓰지 않았어요",
        "en": "error: {path} is empty; nothing was written",
    },
    "generate.nothing": {
        "ko": "오류: {path}에서 카드로 만들 내용(정의, 예시, 표, 목록)을 찾지 못했어요. "
              "아무것도 쓰지 않았어요",
        "en": "error: found nothing to make cards from in {path} "
              "(no definitions, examples, tables or lists); nothing was written",
    },
    "generate.bad_lang": {
        "ko": "오류: --lang에는 ko나 en만 쓸 수 있어요 (받은 값: {lang!r})",
        "en": "error: --lang must be ko or en, not {lang!r}",
    },
    "generate.bad_deck_id": {
        "ko": "오류: --deck {deck!r:은} 덱 ID로 쓸 수 없어요. 영문자, 숫자, -, _만 "
              "쓸 수 있어요 (최대 {limit}자)",
        "en": "error: --deck {deck!r} is not a deck id; use letters, digits, - and _ "
              "(at most {limit})",
    },
    "generate.bad_deck": {
        "ko": "오류: {path} 덱을 갱신할 수 없어요: {reason}. 파일은 그대로 두었어요",
        "en": "error: cannot update {path}: {reason}; the file was left as it was",
    },
    "generate.unreadable_deck": {
        "ko": "오류: {path} 파일을 읽을 수 없어요: {reason}",
        "en": "error: cannot read {path}: {reason}",
    },
    "generate.written": {"ko": "{path}: 카드 {total}장", "en": "{path}: {total} cards"},
    "generate.drafts": {
        "ko": "  새 카드 중 {n}장은 초안이에요 (승인 전에는 출제되지 않아요): "
              "studybot deck review {path}",
        "en": "  {n} new cards are drafts (not served until accepted): "
              "studybot deck review {path}",
    },
    "generate.dropped": {
        "ko": "  전에 버린 카드 {n}장은 다시 만들지 않았어요",
        "en": "  {n} cards you dropped earlier were left out",
    },
    "generate.no_notes": {
        "ko": "오류: {path} 폴더에 마크다운 노트(*.md)가 없어요",
        "en": "error: no Markdown notes (*.md) in {path}",
    },
    "generate.clash": {
        "ko": "오류: {path:와} {other:이} 모두 {deck} 덱을 만들게 돼요. 둘 중 하나의 이름을 "
              "바꿔 주세요",
        "en": "error: {path} and {other} would both write {deck}; rename one of them",
    },
    "generate.out_is_file": {
        "ko": "오류: {path:은} 파일이에요. 폴더에서 생성할 때는 -o로 폴더를 지정해 주세요",
        "en": "error: {path} is a file; give a folder with -o when generating from a folder",
    },
    "generate.unchanged_file": {
        "ko": "{path}: 이미 최신이에요 (카드 {total}장)",
        "en": "{path}: already up to date ({total} cards)",
    },
    "generate.counts": {
        "ko": "  새 카드 {new}, 갱신 {refreshed}, 편집되어 유지 {kept}, 출처 사라짐 {stale}, "
              "변화 없음 {unchanged}, 직접 작성 {hand}",
        "en": "  new {new}, refreshed {refreshed}, kept (edited) {kept}, stale {stale}, "
              "unchanged {unchanged}, hand-written {hand}",
    },
    "generate.by_type": {"ko": "  {label}: {types}", "en": "  {label}: {types}"},
    "generate.label.new": {"ko": "새 카드", "en": "new"},
    "generate.label.refreshed": {"ko": "갱신", "en": "refreshed"},
    "generate.label.kept": {"ko": "편집되어 유지", "en": "kept (edited)"},
    "generate.label.stale": {"ko": "출처 사라짐", "en": "stale"},
    "generate.kept_item": {
        "ko": "  편집되어 유지: {id} ({anchor})",
        "en": "  kept as edited: {id} ({anchor})",
    },
    "generate.stale_item": {
        "ko": "  출처 사라짐: {id} ({anchor})",
        "en": "  stale (source gone): {id} ({anchor})",
    },
    # -- studybot deck export / import --------------------------------------------------------
    "interop.bad_format": {
        "ko": "오류: --format에는 apkg나 csv만 쓸 수 있어요 (받은 값: {fmt!r})",
        "en": "error: --format must be apkg or csv, not {fmt!r}",
    },
    "interop.missing": {
        "ko": "오류: 파일이 없어요: {path}",
        "en": "error: file not found: {path}",
    },
    "interop.unknown_kind": {
        "ko": "오류: {path}: .apkg와 .csv(.tsv, .txt) 파일만 가져올 수 있어요",
        "en": "error: {path}: only .apkg and .csv (or .tsv, .txt) files can be imported",
    },
    "interop.unreadable": {
        "ko": "오류: {path} 파일을 읽을 수 없어요: {reason}",
        "en": "error: cannot read {path}: {reason}",
    },
    "interop.bad_deck": {
        "ko": "오류: {path} 덱을 갱신할 수 없어요: {reason}. 파일은 그대로 두었어요",
        "en": "error: cannot update {path}: {reason}; the file was left as it was",
    },
    "interop.invalid_result": {
        "ko": "오류: 가져온 덱이 올바르지 않아서 {path} 파일은 그대로 두었어요:",
        "en": "error: the imported deck would not be valid; {path} was left as it was:",
    },
    "interop.nothing": {
        "ko": "오류: {path}에 카드로 만들 수 있는 노트가 없어요. 아무것도 쓰지 않았어요",
        "en": "error: {path} has no note that can become a card; nothing was written",
    },
    "interop.exported": {
        "ko": "{path}: 노트 {notes}개, Anki 카드 {cards}장",
        "en": "{path}: {notes} notes, {cards} Anki cards",
    },
    "interop.imported": {
        "ko": "{path}: 가져온 카드 {total}장",
        "en": "{path}: {total} imported cards",
    },
    "interop.counts": {
        "ko": "  새 카드 {new}, 갱신 {updated}, 변화 없음 {unchanged}, 편집되어 유지 {kept}, "
              "건너뜀 {skipped}",
        "en": "  new {new}, updated {updated}, unchanged {unchanged}, kept (edited) {kept}, "
              "skipped {skipped}",
    },
    "interop.kept_item": {
        "ko": "  편집되어 유지: {id} ({anchor})",
        "en": "  kept as edited: {id} ({anchor})",
    },
    "interop.skipped_item": {
        "ko": "  건너뜀 {anchor}: {reason}",
        "en": "  skipped {anchor}: {reason}",
    },
    # -- studybot deck export-progress --------------------------------------------------------
    "progress.bad_format": {
        "ko": "오류: --format에는 csv나 json만 쓸 수 있어요 (받은 값: {fmt!r})",
        "en": "error: --format must be csv or json, not {fmt!r}",
    },
    "progress.no_database": {
        "ko": "오류: {path}에 데이터베이스가 없어요. 아무것도 내보내지 않았어요",
        "en": "error: there is no database at {path}; nothing was exported",
    },
    "progress.unknown": {
        "ko": "학습자 {user}의 기록이 이 데이터베이스({url})에 없어요. 빈 파일을 내보냈어요",
        "en": "learner {user} has never used this bot's database ({url}); the export is empty",
    },
    "progress.none": {
        "ko": "학습자 {user:은} 아직 복습한 카드가 없어요. 빈 파일을 내보냈어요",
        "en": "learner {user} has no reviews yet; the export is empty",
    },
    "progress.written": {
        "ko": "{path}: 학습자 {user}의 복습 {n}건",
        "en": "{path}: {n} reviews of learner {user}",
    },
}
