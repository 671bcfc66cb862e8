"""What `studybot deck export-progress` prints beside the export itself."""

from __future__ import annotations

from bot.i18n.messages import Table

MESSAGES: Table = {
    "progress.bad_format": {
        "en": "error: --format must be csv or json, not {fmt!r}",
        "ko": "오류: --format 은 csv 또는 json 이어야 해요 ({fmt!r})",
    },
    "progress.no_database": {
        "en": "error: there is no database at {path}; nothing was exported",
        "ko": "오류: {path}에 데이터베이스가 없어요. 아무것도 내보내지 않았어요",
    },
    "progress.unknown": {
        "en": "learner {user} has never used this bot's database ({url}); the export is empty",
        "ko": "학습자 {user}의 기록이 이 데이터베이스({url})에 없어요. 빈 파일을 내보냈어요",
    },
    "progress.none": {
        "en": "learner {user} has no reviews yet; the export is empty",
        "ko": "학습자 {user}는 아직 복습한 카드가 없어요. 빈 파일을 내보냈어요",
    },
    "progress.written": {
        "en": "{path}: {n} reviews of learner {user}",
        "ko": "{path}: 학습자 {user}의 복습 {n}건",
    },
}
