"""FSRS golden vectors, taken from the fsrs package itself (py-fsrs 6.3.2).

Every literal below was printed once by a script that imports only the
package (no studybot code): ``fsrs.Scheduler(desired_retention=R,
learning_steps=(), relearning_steps=(), enable_fuzzing=F)`` reviewing
``fsrs.Card(card_id=0)`` at midnight UTC of each study day, with
``random.seed(1000 + i)`` before the i-th review when fuzz is on (the
package draws its fuzz from the global ``random``; the adapter is given
``Random(1000 + i)``, which yields the same draw).  The adapter must agree
with the package to the last bit of every float.
"""

from __future__ import annotations

import math
from datetime import date
from random import Random

import pytest

from bot.srs.fsrs_review import FsrsConfig, FsrsState, retrievability, review

NO_FUZZ = FsrsConfig(fuzz=False)

# (study day, SM-2 quality as logged: 4 Good, 1 Again, 3 Hard, 5 Easy)
SEQUENCE = [
    (date(2026, 1, 10), 4),
    (date(2026, 1, 12), 4),
    (date(2026, 1, 25), 4),
    (date(2026, 3, 20), 1),  # 3 days late on a 51-day interval, forgotten
    (date(2026, 3, 21), 3),
    (date(2026, 3, 30), 5),
]

# Package output, retention 0.90, no fuzz: stability, difficulty, interval, due.
EXPECTED_NO_FUZZ = [
    (2.3065, 2.118103970459016, 2, date(2026, 1, 12)),
    (10.964332335820698, 2.111214235785395, 11, date(2026, 1, 23)),
    (50.66258082615331, 2.1043313908464483, 51, date(2026, 3, 17)),
    (3.0655550613004365, 7.389975788014609, 3, date(2026, 3, 23)),
    (4.282975930570985, 8.252572670252656, 4, date(2026, 3, 25)),
    (19.39723396315589, 7.653892256061498, 19, date(2026, 4, 18)),
]

# Package output with fuzz (seeds 1000 + i): same memory, intervals spread.
# 11 -> 13 and 51 -> 52; 2 is below the package's fuzz floor of 2.5 days;
# 3, 4 and 19 happened to draw themselves.
EXPECTED_FUZZ_INTERVALS = [2, 13, 52, 3, 4, 19]


def replay(config: FsrsConfig) -> list[FsrsState]:
    state, states = FsrsState.new(), []
    for i, (day, quality) in enumerate(SEQUENCE):
        state = review(state, quality, day, config, Random(1000 + i))
        states.append(state)
    return states


def test_memory_and_intervals_equal_the_package_without_fuzz() -> None:
    states = replay(NO_FUZZ)
    got = [(s.stability, s.difficulty, s.interval, s.due) for s in states]
    assert got == EXPECTED_NO_FUZZ
    assert [s.last_review for s in states] == [day for day, _ in SEQUENCE]


def test_fuzz_spreads_intervals_exactly_as_the_package_does_with_the_same_draw() -> None:
    states = replay(FsrsConfig())
    assert [s.interval for s in states] == EXPECTED_FUZZ_INTERVALS
    assert [(s.stability, s.difficulty) for s in states] == [e[:2] for e in EXPECTED_NO_FUZZ]
    assert [s.due for s in states] == [
        date(2026, 1, 12),
        date(2026, 1, 25),
        date(2026, 3, 18),
        date(2026, 3, 23),
        date(2026, 3, 25),
        date(2026, 4, 18),
    ]


@pytest.mark.parametrize(
    ("quality", "stability", "difficulty", "interval"),
    [
        # A new card's first rating (package, retention 0.90): the initial
        # stabilities are the default parameters w0..w3.
        (1, 0.212, 6.4133, 1),
        (3, 1.2931, 5.112170705601056, 1),
        (4, 2.3065, 2.118103970459016, 2),
        (5, 8.2956, 1.0, 8),
    ],
)
def test_first_review_of_a_new_card(
    quality: int, stability: float, difficulty: float, interval: int
) -> None:
    after = review(FsrsState.new(), quality, date(2026, 1, 10), NO_FUZZ, Random(0))
    assert (after.stability, after.difficulty, after.interval) == (stability, difficulty, interval)
    assert after.due == date.fromordinal(date(2026, 1, 10).toordinal() + interval)


@pytest.mark.parametrize("lapse", [0, 1, 2])
def test_every_sm2_lapse_quality_is_again(lapse: int) -> None:
    # q 0, 1 and 2 all map to Again: the package's Again row above.
    after = review(FsrsState.new(), lapse, date(2026, 1, 10), NO_FUZZ, Random(0))
    assert (after.stability, after.difficulty, after.interval) == (0.212, 6.4133, 1)


@pytest.mark.parametrize(
    ("retention", "intervals"),
    [
        # Same reviews on the same days, so the same memory; the desired
        # retention only changes how long the package waits (its output).
        (0.70, [21, 102, 471]),
        (0.80, [8, 36, 168]),
        (0.90, [2, 11, 51]),
        (0.97, [1, 2, 11]),
    ],
)
def test_desired_retention_sets_the_intervals(retention: float, intervals: list[int]) -> None:
    config = FsrsConfig(desired_retention=retention, fuzz=False)
    state, got = FsrsState.new(), []
    for day, quality in SEQUENCE[:3]:
        state = review(state, quality, day, config, Random(0))
        got.append(state.interval)
        assert state.stability == EXPECTED_NO_FUZZ[len(got) - 1][0]
    assert got == intervals


@pytest.mark.parametrize("bad", [0.69, 0.98, 1.0, 0.0, -0.9, math.nan, math.inf])
def test_desired_retention_outside_0_70_to_0_97_is_refused_with_the_range(bad: float) -> None:
    with pytest.raises(ValueError, match=r"between 0\.70 and 0\.97"):
        FsrsConfig(desired_retention=bad)


@pytest.mark.parametrize("bad", [True, "0.9", None])
def test_desired_retention_must_be_a_number(bad: object) -> None:
    with pytest.raises(TypeError, match="desired retention must be a number"):
        FsrsConfig(desired_retention=bad)  # type: ignore[arg-type]


def test_the_range_ends_are_allowed_and_the_default_is_0_90() -> None:
    assert FsrsConfig().desired_retention == 0.90
    assert FsrsConfig(desired_retention=0.70).desired_retention == 0.70
    assert FsrsConfig(desired_retention=0.97).desired_retention == 0.97


def test_parameters_out_of_the_package_bounds_are_refused_up_front() -> None:
    params = list(FsrsConfig().parameters)
    params[4] = 11.0  # w4 (initial difficulty) is bounded to 1..10 by the package
    with pytest.raises(ValueError, match=r"parameters\[4\]"):
        FsrsConfig(parameters=tuple(params))


def test_an_interval_below_three_days_draws_nothing_from_the_random_source() -> None:
    rng = Random(7)
    before = rng.getstate()
    review(FsrsState.new(), 4, date(2026, 1, 10), FsrsConfig(), rng)  # 2 days: no fuzz
    assert rng.getstate() == before


def test_retrievability_is_the_package_estimate_and_desired_retention_on_the_due_day() -> None:
    # Reviewed Good on 01-12 with stability 10.96 and due 11 days later: on
    # the due day the package's recall estimate is about the 0.90 asked for.
    state = replay(NO_FUZZ)[1]
    assert retrievability(FsrsState.new(), date(2026, 1, 12), NO_FUZZ) == 0
    assert retrievability(state, date(2026, 1, 12), NO_FUZZ) == 1.0
    on_due = retrievability(state, date(2026, 1, 23), NO_FUZZ)
    assert 0.89 < on_due < 0.91


def test_a_half_built_state_is_refused() -> None:
    with pytest.raises(ValueError, match="all of stability, difficulty, due, last review or none"):
        FsrsState(stability=2.0, difficulty=None, interval=2, due=None, last_review=None)
    with pytest.raises(ValueError, match=r"difficulty must be in 1\.\.10"):
        FsrsState(2.0, 11.0, 2, date(2026, 1, 12), date(2026, 1, 10))
