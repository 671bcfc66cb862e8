"""FSRS's interval fuzz, drawn from a random source the caller passes in.

py-fsrs spreads a review interval over a small range so that cards learned
together do not stay due together (its "fuzz"), but it draws from the
process-wide ``random`` module, which the core must never touch.  So the
package schedules with fuzz off and this module applies the same fuzz: the
package's own ranges (``FUZZ_RANGES``) and its way of drawing in them, from
an explicit ``random.Random``.  With the same draw it gives the same day as
the package (tests/unit/srs/test_srs_fuzz.py checks that against it).

``fuzz_source`` makes that source a function of the face and the study day,
so replaying a face's log draws the same numbers and lands on the same days:
`studybot db verify` can rebuild a fuzzed schedule exactly.
"""

from __future__ import annotations

import hashlib
from datetime import date
from random import Random

from fsrs.scheduler import FUZZ_RANGES

#: The package leaves intervals shorter than this alone (a 1- or 2-day interval is not fuzzed).
FUZZ_FROM_DAYS = 2.5
#: No fuzzed interval is shorter than this.
MIN_FUZZED_DAYS = 2


def fuzz_range(interval: int, maximum_interval: int) -> tuple[int, int]:
    """The least and greatest whole days the package draws around ``interval``."""
    delta = 1.0
    for band in FUZZ_RANGES:
        delta += band["factor"] * max(min(float(interval), band["end"]) - band["start"], 0.0)
    low = max(MIN_FUZZED_DAYS, round(interval - delta))
    high = min(round(interval + delta), maximum_interval)
    return min(low, high), high


def fuzzed_interval(interval: int, rng: Random, maximum_interval: int) -> int:
    """``interval`` spread as the package spreads it, with one draw from ``rng``.

    Like the package, the draw covers ``high - low + 1`` days before rounding,
    so the result is one of ``low .. high + 1`` (capped at the maximum).
    """
    if interval < FUZZ_FROM_DAYS:
        return interval
    low, high = fuzz_range(interval, maximum_interval)
    drawn = rng.random() * (high - low + 1) + low
    return min(round(drawn), maximum_interval)


def fuzz_source(face: str, day: date) -> Random:
    """The random source for one face's scheduling review on study day ``day``.

    ``face`` names the learner's face (e.g. ``"user:card:face"``); hashing it
    with the day gives a seed that is the same on every machine and every run
    (unlike ``hash()``), and different for learners who studied together.
    """
    digest = hashlib.sha256(f"{face}|{day.isoformat()}".encode()).digest()
    return Random(int.from_bytes(digest[:8], "big"))
