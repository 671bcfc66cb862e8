"""A learner's review history as CSV or JSON: their data is theirs to take elsewhere.

Read from the append-only review_log (every answer ever given, drills included),
with the deck and card ids that identify a card in its deck file, so the export
stays meaningful after a deck is edited or a card retired.  Instants are UTC in
ISO 8601; `study_date` is the learner's local study day the answer counted for.
"""

from __future__ import annotations

import asyncio
import csv
import io
import json
import sys
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from bot.storage.learners import learner_exists
from bot.storage.review_log import learner_log
from bot.storage.transactions import TransactionRunner

if TYPE_CHECKING:
    from bot.settings import Settings

FORMATS = ("csv", "json")
COLUMNS = (
    "reviewed_at", "study_date", "deck", "card_id", "face", "kind", "quality", "answer",
    "ease", "interval", "due",
)
EXIT_OK = 0
EXIT_BAD_INPUT = 2
EXIT_UNKNOWN_USER = 3

_MESSAGES = {
    "en": {
        "bad_format": "error: --format must be csv or json, not {fmt!r}",
        "no_database": "error: there is no database at {path}; nothing was exported",
        "unknown": "learner {user} has never used this bot's database ({url}); "
        "the export is empty",
        "none": "learner {user} has no reviews yet; the export is empty",
        "written": "{path}: {n} reviews of learner {user}",
    },
    "ko": {
        "bad_format": "오류: --format 은 csv 또는 json 이어야 합니다 ({fmt!r})",
        "no_database": "오류: {path}에 데이터베이스가 없습니다. 아무것도 내보내지 않았습니다",
        "unknown": "학습자 {user}의 기록이 이 데이터베이스({url})에 없습니다. "
        "빈 파일을 내보냈습니다",
        "none": "학습자 {user}는 아직 복습한 카드가 없습니다. 빈 파일을 내보냈습니다",
        "written": "{path}: 학습자 {user}의 복습 {n}건",
    },
}


@dataclass(frozen=True, slots=True)
class ReviewRow:
    reviewed_at: datetime
    study_date: date
    deck: str
    card_id: str
    face: int
    kind: str
    quality: int
    answer: str | None
    ease_cents: int
    interval: int
    due: date | None

    def as_json(self) -> dict[str, Any]:
        return {
            "reviewed_at": self.reviewed_at.isoformat(),
            "study_date": self.study_date.isoformat(),
            "deck": self.deck,
            "card_id": self.card_id,
            "face": self.face,
            "kind": self.kind,
            "quality": self.quality,
            "answer": self.answer,
            "ease": self.ease_cents / 100,
            "interval": self.interval,
            "due": self.due.isoformat() if self.due else None,
        }

    def as_csv(self) -> list[str]:
        values = self.as_json()
        values["ease"] = f"{self.ease_cents / 100:.2f}"
        return ["" if values[c] is None else str(values[c]) for c in COLUMNS]


async def learner_known(runner: TransactionRunner, user_id: int) -> bool:
    return await runner.run(lambda conn: learner_exists(conn, user_id), read_only=True)


async def review_rows(runner: TransactionRunner, user_id: int) -> list[ReviewRow]:
    """Every answer the learner gave, oldest first."""
    rows = await runner.run(lambda conn: learner_log(conn, user_id), read_only=True)
    return [ReviewRow(*row) for row in rows]


def render(rows: list[ReviewRow], user_id: int, fmt: str) -> str:
    """`rows` as a CSV table with a header line, or a JSON document naming the learner."""
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(COLUMNS)
        writer.writerows(row.as_csv() for row in rows)
        return out.getvalue()
    if fmt == "json":
        document = {"user": user_id, "reviews": [row.as_json() for row in rows]}
        return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    raise ValueError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")


async def export_progress(runner: TransactionRunner, user_id: int, fmt: str) -> str:
    """The learner's review log in `fmt` ("csv" or "json"); empty (headers only) if none."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
    return render(await review_rows(runner, user_id), user_id, fmt)


def progress_command(
    settings: Settings,
    user_id: int,
    fmt: str,
    output: Path | None,
    *,
    stdout: TextIO | None = None,
    stderr: TextIO | None = None,
) -> int:
    """`studybot deck export-progress --user ID --format csv|json [-o FILE]`.

    Without `-o` the export goes to stdout and messages to stderr, so it can be piped.
    """
    stdout, stderr = stdout or sys.stdout, stderr or sys.stderr
    messages = _MESSAGES[settings.language]
    if fmt not in FORMATS:
        print(messages["bad_format"].format(fmt=fmt), file=stderr)
        return EXIT_BAD_INPUT
    missing = _missing_sqlite_file(settings.database_url)
    if missing is not None:
        print(messages["no_database"].format(path=missing), file=stderr)
        return EXIT_BAD_INPUT

    async def read() -> tuple[bool, list[ReviewRow]]:
        from bot.study.runtime import open_database

        db = await open_database(settings.database_url)
        try:
            return await learner_known(db.sessions, user_id), await review_rows(
                db.sessions, user_id
            )
        finally:
            await db.close()

    known, rows = asyncio.run(read())
    text = render(rows, user_id, fmt)
    if output is None:
        stdout.write(text)
    else:
        output.parent.mkdir(parents=True, exist_ok=True)
        # A BOM lets spreadsheet programs read Korean in a CSV as UTF-8.
        output.write_text(text, encoding="utf-8-sig" if fmt == "csv" else "utf-8")
        print(messages["written"].format(path=output, n=len(rows), user=user_id), file=stderr)
    if not known:
        print(messages["unknown"].format(user=user_id, url=_safe_url(settings)), file=stderr)
        return EXIT_UNKNOWN_USER
    if not rows:
        print(messages["none"].format(user=user_id), file=stderr)
    return EXIT_OK


def _missing_sqlite_file(url: str) -> str | None:
    """The path of an SQLite database file that does not exist: opening it would create
    an empty one, and a mistyped path would then export nothing without a word."""
    from sqlalchemy.engine import make_url

    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return None
    return None if Path(parsed.database).exists() else parsed.database


def _safe_url(settings: Settings) -> str:
    """The database URL without a password, fit for a message."""
    from sqlalchemy.engine import make_url

    return make_url(settings.database_url).render_as_string(hide_password=True)
