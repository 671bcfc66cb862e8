"""SM-2 invariants over random review histories.

Besides the invariants DESIGN.md names (EF >= 1.3, q < 3 resets n, due > today),
every step is compared with a literal transcription of Wozniak's formula in
exact decimal arithmetic: a second, independent reading of the same rules.
"""

from __future__ import annotations

import math
from datetime import date, timedelta
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.srs import Sm2State, replay, review

qualities = st.integers(min_value=0, max_value=5)


def reference_review(
    ease: Decimal, repetitions: int, interval: int, quality: int, today: date
) -> tuple[Decimal, int, int, date]:
    """Wozniak's SM-2 step written out as in the paper, in exact decimals."""
    q = Decimal(quality)
    new_ease = ease + (Decimal("0.1") - (5 - q) * (Decimal("0.08") + (5 - q) * Decimal("0.02")))
    new_ease = max(new_ease, Decimal("1.3"))
    if quality < 3:
        repetitions, interval = 0, 1
    else:
        if repetitions == 0:
            interval = 1
        elif repetitions == 1:
            interval = 6
        else:
            interval = math.ceil(interval * new_ease)
        repetitions += 1
    return new_ease, repetitions, interval, today + timedelta(days=interval)


#: Reviews stop before this day: real logs end long before ``date.max``.
HORIZON = date(2500, 1, 1)


@st.composite
def review_logs(draw: st.DrawFn, max_size: int = 40) -> list[tuple[int, date]]:
    """A learner's (quality, day) log: each review a few days early, on time or late.

    The days follow the due dates of the reference model, so intervals grow as
    they would for a real learner instead of compounding on one afternoon.
    """
    day = draw(st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 1, 1)))
    ease, repetitions, interval = Decimal("2.5"), 0, 0
    log: list[tuple[int, date]] = []
    steps = draw(st.lists(st.tuples(qualities, st.integers(-5, 60)), max_size=max_size))
    for quality, lateness in steps:
        if day >= HORIZON:
            break
        log.append((quality, day))
        ease, repetitions, interval, due = reference_review(
            ease, repetitions, interval, quality, day
        )
        day = max(day, due + timedelta(days=lateness))
    return log


@settings(max_examples=300, deadline=None)
@given(review_logs())
def test_every_step_matches_the_exact_formula(log: list[tuple[int, date]]) -> None:
    state = Sm2State.new()
    ease, repetitions, interval = Decimal("2.5"), 0, 0
    for quality, day in log:
        state = review(state, quality, day)
        ease, repetitions, interval, due = reference_review(
            ease, repetitions, interval, quality, day
        )
        assert Decimal(repr(state.ease)) == ease
        assert (state.repetitions, state.interval, state.due) == (repetitions, interval, due)


@settings(max_examples=300, deadline=None)
@given(review_logs())
def test_state_invariants_after_every_review(log: list[tuple[int, date]]) -> None:
    state = Sm2State.new()
    for quality, day in log:
        before = state
        state = review(state, quality, day)
        assert state.ease >= 1.3
        # Exact hundredths: the float is the one nearest a two-decimal number.
        assert state.ease == round(state.ease, 2)
        assert state.due is not None
        assert state.due > day
        assert state.due == day + timedelta(days=state.interval)
        if quality < 3:
            assert (state.repetitions, state.interval) == (0, 1)
            assert state.ease <= before.ease  # a lapse never makes a card easier
        else:
            assert state.repetitions == before.repetitions + 1
            # From any reachable state a pass never shortens the interval, and
            # once past the first step it always lengthens it (EF' >= 1.3 > 1).
            assert state.interval >= before.interval
            if before.repetitions >= 1:
                assert state.interval > before.interval
        if quality == 4:
            assert state.ease == before.ease
        elif quality == 5:
            assert state.ease == round(before.ease + 0.1, 2)


@settings(max_examples=200, deadline=None)
@given(review_logs())
def test_replay_of_the_log_reproduces_the_stepwise_state(log: list[tuple[int, date]]) -> None:
    state = Sm2State.new()
    for quality, day in log:
        state = review(state, quality, day)
    rebuilt = replay(log)
    assert rebuilt == state
    assert hash(rebuilt) == hash(state)
    assert {rebuilt: "x"}[state] == "x"


@settings(max_examples=200, deadline=None)
@given(review_logs(), review_logs())
def test_replay_of_a_split_log_continues_where_it_stopped(
    head: list[tuple[int, date]], tail: list[tuple[int, date]]
) -> None:
    assert replay(tail, replay(head)) == replay(head + tail)


@settings(max_examples=100, deadline=None)
@given(review_logs(max_size=10), qualities, st.dates(max_value=date(2999, 1, 1)))
def test_review_returns_a_new_state_and_leaves_its_input_alone(
    log: list[tuple[int, date]], quality: int, today: date
) -> None:
    state = replay(log)
    snapshot = (state.ease, state.repetitions, state.interval, state.due)
    after = review(state, quality, today)
    assert (state.ease, state.repetitions, state.interval, state.due) == snapshot
    assert after is not state
