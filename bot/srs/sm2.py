"""SuperMemo SM-2 (Wozniak, 1990) as a pure function of (state, quality, day).

Every SM-2 update moves the easiness factor by a multiple of 0.02, so it is
computed in whole hundredths and stored rounded to them: float noise can never
move a due date.  ``interval`` is in days; ``due`` is a local study date.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

MIN_QUALITY = 0
MAX_QUALITY = 5
PASSING_QUALITY = 3

_new_object = object.__new__
_set_field = object.__setattr__

_LAST_ORDINAL = date.max.toordinal()

INITIAL_EASE_CENTS = 250
MIN_EASE_CENTS = 130
FIRST_INTERVAL = 1
SECOND_INTERVAL = 6


def ease_delta_cents(quality: int) -> int:
    """EF' - EF in hundredths: 100 * (0.1 - (5-q) * (0.08 + (5-q) * 0.02)), exactly."""
    miss = MAX_QUALITY - quality
    return 10 - miss * (8 + miss * 2)


def check_quality(quality: int) -> None:
    if isinstance(quality, bool) or not isinstance(quality, int):
        raise TypeError(f"quality must be an int in 0..5, not {quality!r}")
    if not MIN_QUALITY <= quality <= MAX_QUALITY:
        raise ValueError(f"quality must be in 0..5, not {quality}")


@dataclass(frozen=True, slots=True)
class Sm2State:
    """The SM-2 schedule of one card face for one learner.

    ``ease`` is normalised to hundredths on construction, so a state read back
    from a database column or JSON compares equal to the one computed here.
    """

    ease: float
    repetitions: int
    interval: int
    due: date | None

    def __post_init__(self) -> None:
        object.__setattr__(self, "ease", round(self.ease, 2))
        if self.ease < MIN_EASE_CENTS / 100:
            raise ValueError(f"ease must be at least 1.3, not {self.ease}")
        if self.repetitions < 0 or self.interval < 0:
            raise ValueError("repetitions and interval cannot be negative")

    @classmethod
    def new(cls) -> Sm2State:
        """A card never reviewed: EF 2.5, no repetitions, not scheduled yet."""
        return cls(ease=INITIAL_EASE_CENTS / 100, repetitions=0, interval=0, due=None)

    @classmethod
    def from_cents(
        cls, ease_cents: int, repetitions: int, interval: int, due: date | None
    ) -> Sm2State:
        return cls(ease_cents / 100, repetitions, interval, due)

    @classmethod
    def _computed(cls, ease_cents: int, repetitions: int, interval: int, due: date) -> Sm2State:
        """Build a state from values ``review`` has just computed and checked.

        Skips ``__post_init__``: ``cents / 100`` is already the float nearest to
        those hundredths, and this constructor is the scheduler's hot path.
        """
        state = _new_object(cls)
        _set_field(state, "ease", ease_cents / 100)
        _set_field(state, "repetitions", repetitions)
        _set_field(state, "interval", interval)
        _set_field(state, "due", due)
        return state

    @property
    def ease_cents(self) -> int:
        """EF in exact hundredths, the unit the update rule works in."""
        return round(self.ease * 100)

    @property
    def is_new(self) -> bool:
        return self.due is None

    def is_due(self, today: date) -> bool:
        """New faces are not "due": they are introduced under the new-card limit."""
        return self.due is not None and self.due <= today


def review(state: Sm2State, quality: int, today: date) -> Sm2State:
    """Apply one graded review on the learner's local ``today``.

    EF is updated after every graded review (step 5 applies to every repetition)
    and floored at 1.3; a lapse (q < 3) restarts the repetitions with I = 1
    (step 6); otherwise I is 1, 6, then ceil(I * EF') with the new EF.
    """
    check_quality(quality)
    ease_cents = max(MIN_EASE_CENTS, state.ease_cents + ease_delta_cents(quality))
    if quality < PASSING_QUALITY:
        repetitions = 0
        interval = FIRST_INTERVAL
    else:
        if state.repetitions == 0:
            interval = FIRST_INTERVAL
        elif state.repetitions == 1:
            interval = SECOND_INTERVAL
        else:
            # ceil(I * EF'/100) in integers: no float rounding can creep in.
            interval = -(-state.interval * ease_cents // 100)
        repetitions = state.repetitions + 1
    # The interval stays exact however long it grows; only the calendar ends
    # (year 9999), so a due date past it is pinned to its last day.
    due_ordinal = min(today.toordinal() + interval, _LAST_ORDINAL)
    return Sm2State._computed(ease_cents, repetitions, interval, date.fromordinal(due_ordinal))


def replay(grades: list[tuple[int, date]], start: Sm2State | None = None) -> Sm2State:
    """Rebuild a state from its review log: the log is the source of truth."""
    state = start or Sm2State.new()
    for quality, day in grades:
        state = review(state, quality, day)
    return state
