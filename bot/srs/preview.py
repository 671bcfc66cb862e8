"""What each grade button would schedule: "Good · 6일" before the learner presses it.

The preview runs the very review the button would run, on a copy of the
random source, so under FSRS (fuzz) and with an exam date the day shown is
the day the card will be due.  Under SM-2 without an exam it is the exact
SM-2 interval.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from random import Random

from bot.srs import scheduler
from bot.srs.grades import Grade
from bot.srs.scheduler import ReviewState, Scheduling


@dataclass(frozen=True, slots=True)
class NextReview:
    """Where a grade sends the face: in ``days`` days from today, on ``due``."""

    days: int
    due: date


def _copy(rng: Random) -> Random:
    # Seeded with a constant before its state is replaced: Random() would first read
    # 2.5 KB from the operating system's random source for nothing.
    twin = Random(0)
    twin.setstate(rng.getstate())
    return twin


def next_reviews(
    state: ReviewState,
    today: date,
    scheduling: Scheduling,
    rng: Random,
    exam: date | None = None,
) -> dict[Grade, NextReview]:
    """Each grade's next review, given the random source the answer will be reviewed with.

    ``rng`` is not consumed: pass the same source (e.g. ``fuzz_source(face,
    today)``) to the review that follows and it schedules what was shown.
    """
    outcomes: dict[Grade, NextReview] = {}
    for grade in Grade:
        after = scheduler.review(state, int(grade), today, scheduling, _copy(rng), exam)
        assert after.due is not None
        outcomes[grade] = NextReview((after.due - today).days, after.due)
    return outcomes
