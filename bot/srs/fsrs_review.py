"""FSRS (py-fsrs) as a pure function of (state, quality, study day, random source).

The memory model is the package's: stability, difficulty and the interval
come from ``fsrs.Scheduler``; nothing of FSRS is written here.  What this
adapter decides is how the bot's day-based study meets it:

- The package works on instants; the bot on study days (the learner's zone
  and rollover hour, bot/srs/day.py).  Every review is handed to the package
  at midnight UTC of its study day, so "days since the last review" is
  exactly the number of study days between them, as for SM-2.
- No learning or relearning steps: a face is scheduled at most once a study
  day, and a lapse is drilled in the same session by the queue (Wozniak's
  step 7), as under SM-2.  Every review therefore ends with a whole-day
  interval of at least one day.
- Fuzz comes from bot/srs/fuzz.py with the caller's random source, never
  from the process-wide ``random`` module the package would use.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from functools import lru_cache
from random import Random

from fsrs import Card, Scheduler, State
from fsrs.scheduler import DEFAULT_PARAMETERS

from bot.srs.fuzz import fuzzed_interval
from bot.srs.ratings import rating_for_quality

MIN_RETENTION = 0.70
MAX_RETENTION = 0.97
DEFAULT_RETENTION = 0.90
#: The package's default longest interval (100 years).
MAX_INTERVAL_DAYS = 36500

_LAST_ORDINAL = date.max.toordinal()


def check_retention(retention: float) -> float:
    """``retention`` as a float, or a ValueError that says what is allowed."""
    if isinstance(retention, bool) or not isinstance(retention, int | float):
        raise TypeError(f"desired retention must be a number, not {retention!r}")
    value = float(retention)
    if not (math.isfinite(value) and MIN_RETENTION <= value <= MAX_RETENTION):
        raise ValueError(
            f"desired retention must be between {MIN_RETENTION:.2f} and {MAX_RETENTION:.2f} "
            f"(the share of reviews you want to recall; 0.90 is the default), not {retention!r}"
        )
    return value


@dataclass(frozen=True, slots=True)
class FsrsConfig:
    """One learner's FSRS settings: desired retention, parameters, fuzz on or off."""

    desired_retention: float = DEFAULT_RETENTION
    parameters: tuple[float, ...] = tuple(DEFAULT_PARAMETERS)
    fuzz: bool = True
    maximum_interval: int = MAX_INTERVAL_DAYS

    def __post_init__(self) -> None:
        object.__setattr__(self, "desired_retention", check_retention(self.desired_retention))
        object.__setattr__(self, "parameters", tuple(float(p) for p in self.parameters))
        if self.maximum_interval < 1:
            raise ValueError("the maximum interval must be at least one day")
        _scheduler(self)  # the package checks the parameters: fail here, not mid-review


@lru_cache(maxsize=256)
def _scheduler(config: FsrsConfig) -> Scheduler:
    """The package's scheduler for ``config``, without steps and without its own fuzz."""
    return Scheduler(
        parameters=config.parameters,
        desired_retention=config.desired_retention,
        learning_steps=(),
        relearning_steps=(),
        maximum_interval=config.maximum_interval,
        enable_fuzzing=False,
    )


def _instant(day: date) -> datetime:
    """The instant the package is told a review of study day ``day`` happened."""
    return datetime.combine(day, time(), tzinfo=UTC)


@dataclass(frozen=True, slots=True)
class FsrsState:
    """The FSRS schedule of one card face for one learner.

    ``interval`` is the days from ``last_review`` to ``due`` as scheduled
    (after fuzz); ``last_review`` is the study day of the last scheduling
    review, which FSRS needs to know how long the face went unreviewed.
    """

    stability: float | None
    difficulty: float | None
    interval: int
    due: date | None
    last_review: date | None

    def __post_init__(self) -> None:
        known = (self.stability, self.difficulty, self.due, self.last_review)
        if any(v is None for v in known) and any(v is not None for v in known):
            raise ValueError(
                "an FSRS state has all of stability, difficulty, due, last review or none"
            )
        if self.interval < 0:
            raise ValueError("interval cannot be negative")
        if self.stability is not None and not (
            math.isfinite(self.stability) and self.stability > 0
        ):
            raise ValueError(f"stability must be a positive number of days, not {self.stability}")
        if self.difficulty is not None and not 1.0 <= self.difficulty <= 10.0:
            raise ValueError(f"difficulty must be in 1..10, not {self.difficulty}")

    @classmethod
    def new(cls) -> FsrsState:
        """A card never reviewed: no memory yet, not scheduled."""
        return cls(stability=None, difficulty=None, interval=0, due=None, last_review=None)

    @property
    def is_new(self) -> bool:
        return self.due is None

    def is_due(self, today: date) -> bool:
        """New faces are not "due": they are introduced under the new-card limit."""
        return self.due is not None and self.due <= today

    def _card(self) -> Card:
        if self.last_review is None:
            return Card(card_id=0, state=State.Learning, step=0, due=_instant(date.min))
        return Card(
            card_id=0,
            state=State.Review,
            step=None,
            stability=self.stability,
            difficulty=self.difficulty,
            due=_instant(self.due or self.last_review),
            last_review=_instant(self.last_review),
        )


def review(
    state: FsrsState, quality: int, today: date, config: FsrsConfig, rng: Random
) -> FsrsState:
    """Apply one graded review (an SM-2 quality, as logged) on the learner's ``today``.

    ``rng`` is drawn from once when the interval is fuzzed (3 days or more and
    ``config.fuzz``), never otherwise.
    """
    rating = rating_for_quality(quality)
    now = _instant(today)
    card, _ = _scheduler(config).review_card(state._card(), rating, review_datetime=now)
    interval = (card.due - now).days
    if config.fuzz:
        interval = fuzzed_interval(interval, rng, config.maximum_interval)
    due = date.fromordinal(min(today.toordinal() + interval, _LAST_ORDINAL))
    return FsrsState(
        stability=card.stability,
        difficulty=card.difficulty,
        interval=interval,
        due=due,
        last_review=today,
    )


def retrievability(state: FsrsState, today: date, config: FsrsConfig) -> float:
    """The package's estimate that the learner recalls the face on ``today`` (0 for a new one)."""
    return _scheduler(config).get_card_retrievability(state._card(), _instant(today))
