"""A journal of answers acknowledged before they were written, so a crash loses none.

Under load a chat front end acknowledges a click first and records the answer
a moment later.  A process killed in between would drop an answer the learner
saw accepted; so the click is appended here (and handed to the OS) before it
is acknowledged, and replayed at the next start.

Why not write first and acknowledge second, with no journal?  Every
interaction must be acknowledged well within Discord's limit, and the answer
path's target is an acknowledgement p99 of 150 ms under 200 learners
(benchmarks/discord_load.py).  Written first, a click's acknowledgement waits
for its transaction, queued on the one SQLite writer behind everyone else's
work; measured in three interleaved pairs of runs (issue 13) that moved ack
p50 from 28-42 ms to 40-78 ms and p99 from 176-246 ms to 191-357 ms.  The
acknowledgement then costs the learner the database's queue; the journal
costs one buffered line per click, which is cheaper.

Only that gap is replayed.  Once a click has been dealt with (written, or
refused: the card was retired, the session was over; or failed, and the
learner was told so), a ``settled`` line follows it, and the next start
leaves it alone: replaying it later would record an answer the learner saw
refused, on a card that may since have come back.  A refused or failed
click's line reaches the OS at once; a written click's may still be in the
buffer when the process dies, and then its replay finds the prompt answered
and records nothing, which is why it need not be flushed on its own.  A
replayed answer also never claims a prompt that was put aside since
(skipped, or set aside with its retired card), and an answer claims its
prompt at most once, so a line already recorded does nothing.
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


def _encode(entry: int, prompt_id: int, user_id: int, response: Response, now: datetime) -> str:
    kind, value = (
        ("grade", response.quality)
        if isinstance(response, SelfGrade)
        else ("pick", response.index)
        if isinstance(response, ChoicePick)
        else ("text", response.text)
    )
    line = {"n": entry, "prompt": prompt_id, "user": user_id, kind: value, "at": now.isoformat()}
    return json.dumps(line, ensure_ascii=False) + "\n"


_Click = tuple[int | None, int, int, Response, datetime]  # (entry, prompt, user, response, at)


def _decode(line: str) -> _Click | int | None:
    """A click, or the number of a click settled since, or None for a torn line."""
    try:
        data: dict[str, Any] = json.loads(line)
        if "settled" in data:
            return int(data["settled"])
        entry = int(data["n"]) if "n" in data else None  # no number: an older journal
        response: Response
        if "grade" in data:
            response = SelfGrade(int(data["grade"]))
        elif "pick" in data:
            response = ChoicePick(int(data["pick"]))
        else:
            response = TypedText(str(data["text"]))
        at = datetime.fromisoformat(data["at"])
        return entry, int(data["prompt"]), int(data["user"]), response, at
    except (ValueError, KeyError, TypeError, AttributeError):
        return None  # a line cut short by the crash: it was never acknowledged


class AnswerJournal:
    def __init__(self, path: Path) -> None:
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        self._file = path.open("a", encoding="utf-8")
        self._in_flight = 0
        self._entries = 0
        self._size = path.stat().st_size  # bytes, counted as written: tell() would flush

    def record(self, prompt_id: int, user_id: int, response: Response, now: datetime) -> int:
        """Append one click; call before acknowledging it.  Returns its entry for `settled`."""
        self._entries += 1
        line = _encode(self._entries, prompt_id, user_id, response, now)
        self._file.write(line)
        self._file.flush()  # in the OS's hands: survives the process being killed
        self._size += len(line.encode("utf-8"))
        self._in_flight += 1
        return self._entries

    def settled(self, entry: int, *, recorded: bool = False) -> None:
        """The click ``entry`` was dealt with: written, refused or failed; never replay it.

        Not for a click cut short by a shutdown: left unsettled, the next start replays it.
        A ``recorded`` click's line may wait in the buffer (until the next click's
        flush, a refused click's, compaction, a full buffer or closing): lost to a
        crash, its replay finds the prompt already answered and records nothing (a
        duplicate), so the OS need not have it now.  A refused or failed click's line is
        handed over at once, since replaying that one would record it.
        """
        line = json.dumps({"settled": entry}) + "\n"
        self._file.write(line)
        self._size += len(line)  # (ASCII: its bytes)
        if not recorded:
            self._file.flush()
        self._in_flight = max(0, self._in_flight - 1)
        if self._in_flight == 0 and self._size > COMPACT_ABOVE_BYTES:
            self._empty()

    async def replay(self, service: StudyService) -> int:
        """Record every click acknowledged and never dealt with; returns how many there were."""
        recovered = 0
        text = self.path.read_text(encoding="utf-8") if self.path.exists() else ""
        clicks: list[_Click] = []
        settled: set[int] = set()
        for line in text.splitlines():
            decoded = _decode(line)
            if isinstance(decoded, int):
                settled.add(decoded)
            elif decoded is not None:
                clicks.append(decoded)
        for entry, prompt_id, user_id, response, at in clicks:
            if entry is not None and entry in settled:
                continue
            outcome = await service.answer(prompt_id, user_id, response, at, recovering=True)
            if outcome.status is AnswerStatus.RECORDED:
                recovered += 1
        self._empty()
        if recovered:
            log.warning("recovered %d acknowledged answers from %s", recovered, self.path)
        return recovered

    def _empty(self) -> None:
        """Start the file over (truncate() hands any buffered line to the OS first)."""
        self._file.truncate(0)
        self._file.seek(0)
        self._size = 0

    def close(self) -> None:
        self._file.close()


def journal_path(database_url: str, shard_ids: list[int] | None, state_dir: Path) -> Path:
    """Beside a SQLite file, else in ``state_dir``; one file per process (shard group)."""
    suffix = "-".join(str(i) for i in shard_ids) if shard_ids else "all"
    prefix = "sqlite+aiosqlite:///"
    if database_url.startswith(prefix) and ":memory:" not in database_url:
        return Path(database_url[len(prefix):] + f".answers-{suffix}.jsonl")
    return state_dir / f"studybot-answers-{suffix}.jsonl"

