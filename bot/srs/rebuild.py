"""Rebuild a face's state from its review log, under either scheduler.

The log is the source of truth: a learner who switches scheduler gets every
state rebuilt by replaying the log through the new one, and `db verify`
compares stored states with the same replay.  The log holds SM-2 qualities
whatever scheduler wrote it (bot/srs/ratings.py), so switching SM-2 -> FSRS
-> SM-2 gives back exactly the SM-2 states the learner had.

Drill answers (a lapsed face repeated in the same session) are logged but
never reschedule, under either scheduler.  FSRS's fuzz and the exam's
last-week day come from ``fuzz_for(day)``, the same source the live review
used (bot/srs/fuzz.py: ``fuzz_source``), so the replay lands on the same days.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime
from random import Random
from zoneinfo import ZoneInfo

from bot.srs import scheduler
from bot.srs.day import study_date
from bot.srs.scheduler import ReviewState, Scheduling
from bot.srs.sm2 import check_quality


@dataclass(frozen=True, slots=True)
class LoggedAnswer:
    """One review_log row as replay needs it.

    ``study_date`` is the learner's "today" when they answered (stored in the
    row, so a study day kept across a change of zone replays as it was
    lived); ``exam`` is the exam date that was in force for the face's deck,
    if any, since it may have moved the due date.
    """

    study_date: date
    quality: int
    scheduling: bool
    exam: date | None = None

    def __post_init__(self) -> None:
        check_quality(self.quality)

    @classmethod
    def at(
        cls,
        answered_at: datetime,
        quality: int,
        scheduling: bool,
        tz: str | ZoneInfo,
        rollover_hour: int,
        exam: date | None = None,
    ) -> LoggedAnswer:
        """An answer whose study day is worked out from its UTC instant and the learner's day."""
        return cls(study_date(answered_at, tz, rollover_hour), quality, scheduling, exam)


def rebuild_state(
    log: Iterable[LoggedAnswer],
    scheduling: Scheduling,
    fuzz_for: Callable[[date], Random],
) -> ReviewState:
    """The state the face's log gives under ``scheduling`` (the log in the order it was written)."""
    state = scheduler.new_state(scheduling)
    for answer in log:
        if answer.scheduling:
            day = answer.study_date
            state = scheduler.review(
                state, answer.quality, day, scheduling, fuzz_for(day), answer.exam
            )
    return state
