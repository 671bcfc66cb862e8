"""Either scheduler behind one call: SM-2 (the default, exact) or FSRS.

A learner's ``Scheduling`` names the scheduler and its FSRS settings; the
functions here take it and dispatch, so a use case never branches on the
scheduler itself.  The exam cap (bot/srs/exam.py) applies the same way to
both: it only moves the due date.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from random import Random

from bot.srs import fsrs_review, sm2
from bot.srs.exam import cap_due
from bot.srs.fsrs_review import FsrsConfig, FsrsState
from bot.srs.sm2 import Sm2State

ReviewState = Sm2State | FsrsState


class SchedulerKind(StrEnum):
    """What a learner (or a deck's default) chose in /settings or --scheduler."""

    SM2 = "sm2"
    FSRS = "fsrs"


@dataclass(frozen=True, slots=True)
class Scheduling:
    """A learner's scheduler and, for FSRS, its settings (used only under FSRS)."""

    kind: SchedulerKind = SchedulerKind.SM2
    fsrs: FsrsConfig = field(default_factory=FsrsConfig)

    def __post_init__(self) -> None:
        object.__setattr__(self, "kind", SchedulerKind(self.kind))


def new_state(scheduling: Scheduling) -> ReviewState:
    """The state of a face never reviewed under ``scheduling``."""
    return FsrsState.new() if scheduling.kind is SchedulerKind.FSRS else Sm2State.new()


def _check_state(state: ReviewState, scheduling: Scheduling) -> None:
    expected = FsrsState if scheduling.kind is SchedulerKind.FSRS else Sm2State
    if not isinstance(state, expected):
        raise TypeError(
            f"a {type(state).__name__} cannot be reviewed under {scheduling.kind.value}: "
            "rebuild the learner's states from the review log after a change of scheduler"
        )


def review(
    state: ReviewState,
    quality: int,
    today: date,
    scheduling: Scheduling,
    rng: Random,
    exam: date | None = None,
) -> ReviewState:
    """One scheduling review (an SM-2 quality 0..5) on the learner's ``today``.

    SM-2 itself never draws from ``rng``; FSRS draws once for its fuzz, then
    an exam cap once for its day (in that order, so a replay with the same
    source agrees).  Without an exam, SM-2 leaves ``rng`` untouched.
    """
    _check_state(state, scheduling)
    after: ReviewState
    if isinstance(state, FsrsState):
        after = fsrs_review.review(state, quality, today, scheduling.fsrs, rng)
    else:
        after = sm2.review(state, quality, today)
    assert after.due is not None
    capped = cap_due(after.due, today, exam, rng, introduction=state.is_new)
    return after if capped == after.due else dataclasses.replace(after, due=capped)
