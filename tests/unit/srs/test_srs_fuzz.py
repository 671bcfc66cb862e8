"""FSRS fuzz from a passed-in random source: the package's spread, replayable."""

from __future__ import annotations

import random
from datetime import date, timedelta

from fsrs import Scheduler
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.srs.fsrs_review import MAX_INTERVAL_DAYS
from bot.srs.fuzz import fuzz_range, fuzz_source, fuzzed_interval


@settings(max_examples=300)
@given(interval=st.integers(1, MAX_INTERVAL_DAYS), seed=st.integers(0, 2**32))
def test_the_same_draw_gives_the_same_day_as_the_package(interval: int, seed: int) -> None:
    # The package fuzzes with the global random module; seed it and ask it,
    # then give the adapter its own Random with the same seed.
    package = Scheduler()
    state = random.getstate()
    try:
        random.seed(seed)
        theirs = package._get_fuzzed_interval(interval=timedelta(days=interval)).days
    finally:
        random.setstate(state)
    assert fuzzed_interval(interval, random.Random(seed), MAX_INTERVAL_DAYS) == theirs


def test_short_intervals_are_not_fuzzed_and_long_ones_stay_near() -> None:
    rng = random.Random(1)
    assert [fuzzed_interval(i, rng, MAX_INTERVAL_DAYS) for i in (1, 2)] == [1, 2]
    # 100 days: 1 + 0.15*4.5 + 0.1*13 + 0.05*80 = 6.975 either side -> 93..107 (+1 by rounding).
    assert fuzz_range(100, MAX_INTERVAL_DAYS) == (93, 107)
    drawn = {fuzzed_interval(100, random.Random(s), MAX_INTERVAL_DAYS) for s in range(2000)}
    assert drawn == set(range(93, 109))


def test_cards_learned_together_are_spread_over_several_days() -> None:
    # 200 faces of one learner, all given a 30-day interval on the same day:
    # without fuzz they would all be due on one day.
    day = date(2026, 1, 10)
    dues = [
        fuzzed_interval(30, fuzz_source(f"7:{card}:0", day), MAX_INTERVAL_DAYS)
        for card in range(200)
    ]
    low, high = fuzz_range(30, MAX_INTERVAL_DAYS)
    assert set(dues) <= set(range(low, high + 2))
    assert len(set(dues)) >= 5
    assert max(dues.count(d) for d in set(dues)) < 60


def test_the_source_is_a_stable_function_of_face_and_day() -> None:
    # The same on every run and machine (no salted hash()): a replay in
    # `db verify` next year must draw what the review drew today.
    day = date(2026, 1, 10)
    assert fuzz_source("1:2:0", day).random() == fuzz_source("1:2:0", day).random()
    assert fuzz_source("1:2:0", day).random() == 0.9521078577115558
    assert fuzz_source("1:2:0", day).random() != fuzz_source("1:2:1", day).random()
    assert fuzz_source("1:2:0", day).random() != fuzz_source("1:2:0", day + timedelta(1)).random()
