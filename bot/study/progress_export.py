"""A learner's review history as CSV or JSON: their data is theirs to take elsewhere.

Read from the append-only review_log (every answer ever given, drills included),
with the deck and card ids that identify a card in its deck file, so the export
stays meaningful after a deck is edited or a card retired.  Instants are UTC in
ISO 8601; `study_date` is the learner's local study day the answer counted for.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from bot.storage.learners import learner_exists
from bot.storage.review_log import learner_log
from bot.storage.transactions import TransactionRunner

FORMATS = ("csv", "json")
COLUMNS = (
    "reviewed_at", "study_date", "deck", "card_id", "face", "kind", "quality", "answer",
    "ease", "interval", "due",
)


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
    ease_cents: int | None  # None under FSRS, which has no ease
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
            "ease": None if self.ease_cents is None else self.ease_cents / 100,
            "interval": self.interval,
            "due": self.due.isoformat() if self.due else None,
        }

    def as_csv(self) -> list[str]:
        values = self.as_json()
        if self.ease_cents is not None:
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
