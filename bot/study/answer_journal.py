"""A journal of answers acknowledged before they were written, so a crash loses none.

Under load a chat front end acknowledges a click first and records the answer
a moment later.  A process killed in between would drop an answer the learner
saw accepted; so the click is appended here (and handed to the OS) before it
is acknowledged, and replayed at the next start.  Replaying is safe because an
answer claims its prompt at most once: a line already recorded does nothing.
"""

from __future__ import annotations

import json
import logging
from datetime import datetime
from pathlib import Path
from typing import Any

from bot.study.answering import AnswerStatus, ChoicePick, Response, SelfGrade, TypedText
from bot.study.session import StudyService

log = logging.getLogger(__name__)

#: Once nothing is in flight, a journal larger than this is emptied.
COMPACT_ABOVE_BYTES = 1 << 20


def _encode(prompt_id: int, user_id: int, response: Response, now: datetime) -> str:
    kind, value = (
        ("grade", response.quality)
        if isinstance(response, SelfGrade)
        else ("pick", response.index)
        if isinstance(response, ChoicePick)
        else ("text", response.text)
    )
    line = {"prompt": prompt_id, "user": user_id, kind: value, "at": now.isoformat()}
    return json.dumps(line, ensure_ascii=False) + "\n"


def _decode(line: str) -> tuple[int, int, Response, datetime] | None:
    try:
        data: dict[str, Any] = json.loads(line)
        response: Response
        if "grade" in data:
            response = SelfGrade(int(data["grade"]))
        elif "pick" in data:
            response = ChoicePick(int(data["pick"]))
        else:
            response = TypedText(str(data["text"]))
        return int(data["prompt"]), int(data["user"]), response, datetime.fromisoformat(data["at"])
    except (ValueError, KeyError, TypeError):
        return None  # a line cut short by the crash: it was never acknowledged


class AnswerJournal:
    def __init__(self, path: Path) -> None:
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        self._file = path.open("a", encoding="utf-8")
        self._in_flight = 0

    def record(self, prompt_id: int, user_id: int, response: Response, now: datetime) -> None:
        """Append one click; call before acknowledging it."""
        self._file.write(_encode(prompt_id, user_id, response, now))
        self._file.flush()  # in the OS's hands: survives the process being killed
        self._in_flight += 1

    def settled(self) -> None:
        """One recorded click has been written to the database (or refused)."""
        self._in_flight = max(0, self._in_flight - 1)
        if self._in_flight == 0 and self._file.tell() > COMPACT_ABOVE_BYTES:
            self._file.truncate(0)
            self._file.seek(0)

    async def replay(self, service: StudyService) -> int:
        """Record every journalled answer the database lacks; returns how many there were."""
        recovered = 0
        text = self.path.read_text(encoding="utf-8") if self.path.exists() else ""
        for line in text.splitlines():
            entry = _decode(line)
            if entry is None:
                continue
            prompt_id, user_id, response, at = entry
            outcome = await service.answer(prompt_id, user_id, response, at)
            if outcome.status is AnswerStatus.RECORDED:
                recovered += 1
        self._file.truncate(0)
        self._file.seek(0)
        if recovered:
            log.warning("recovered %d acknowledged answers from %s", recovered, self.path)
        return recovered

    def close(self) -> None:
        self._file.close()


def journal_path(database_url: str, shard_ids: list[int] | None, state_dir: Path) -> Path:
    """Beside a SQLite file, else in ``state_dir``; one file per process (shard group)."""
    suffix = "-".join(str(i) for i in shard_ids) if shard_ids else "all"
    prefix = "sqlite+aiosqlite:///"
    if database_url.startswith(prefix) and ":memory:" not in database_url:
        return Path(database_url[len(prefix):] + f".answers-{suffix}.jsonl")
    return state_dir / f"studybot-answers-{suffix}.jsonl"

