"""SM-2 golden vectors, each worked out by hand from Wozniak's formula.

The expected values are written as literals with the arithmetic beside them, so
a wrong implementation cannot make its own expectations agree with itself.
Delta of EF per quality, 0.1 - (5-q)*(0.08 + (5-q)*0.02):
  q=5: 0.1 - 0*(...)            = +0.10
  q=4: 0.1 - 1*(0.08 + 0.02)    =  0.00
  q=3: 0.1 - 2*(0.08 + 0.04)    = -0.14
  q=2: 0.1 - 3*(0.08 + 0.06)    = -0.32
  q=1: 0.1 - 4*(0.08 + 0.08)    = -0.54
  q=0: 0.1 - 5*(0.08 + 0.10)    = -0.80
"""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from bot.srs import Grade, Sm2State, replay, review

TODAY = date(2026, 1, 10)


def test_new_card_is_unscheduled_with_ease_2_5() -> None:
    card = Sm2State.new()
    assert (card.ease, card.repetitions, card.interval, card.due) == (2.5, 0, 0, None)


@pytest.mark.parametrize(
    ("quality", "ease", "repetitions"),
    [
        (5, 2.6, 1),  # 2.5 + 0.10 = 2.60; pass, n 0 -> 1
        (4, 2.5, 1),  # 2.5 + 0.00 = 2.50; pass
        (3, 2.36, 1),  # 2.5 - 0.14 = 2.36; pass (hard)
        (2, 2.18, 0),  # 2.5 - 0.32 = 2.18; lapse, n stays 0
        (1, 1.96, 0),  # 2.5 - 0.54 = 1.96; lapse
        (0, 1.7, 0),  # 2.5 - 0.80 = 1.70; lapse
    ],
)
def test_first_review_of_a_new_card(quality: int, ease: float, repetitions: int) -> None:
    # Every first review, passed or not, gives I = 1: due 2026-01-10 + 1 = 2026-01-11.
    after = review(Sm2State.new(), quality, TODAY)
    assert after == Sm2State(ease, repetitions, 1, date(2026, 1, 11))
    assert after.ease == ease


def test_second_pass_gives_six_days() -> None:
    # n=1, I=1, EF 2.5, q=4: EF' = 2.5; n=1 -> I = 6; due 01-10 + 6 = 01-16.
    state = Sm2State(2.5, 1, 1, TODAY)
    assert review(state, 4, TODAY) == Sm2State(2.5, 2, 6, date(2026, 1, 16))


def test_second_pass_is_six_days_whatever_the_ease() -> None:
    # n=1, EF 1.3, q=5: EF' = 1.4; I is still the fixed 6, not 1 * 1.4.
    state = Sm2State(1.3, 1, 1, TODAY)
    assert review(state, 5, TODAY) == Sm2State(1.4, 2, 6, date(2026, 1, 16))


def test_third_pass_multiplies_by_the_new_ease() -> None:
    # n=2, I=6, EF 2.5, q=5: EF' = 2.6; I = ceil(6 * 2.6) = ceil(15.6) = 16.
    # (The old EF would give ceil(6 * 2.5) = 15.)  Due 01-10 + 16 = 01-26.
    state = Sm2State(2.5, 2, 6, TODAY)
    assert review(state, 5, TODAY) == Sm2State(2.6, 3, 16, date(2026, 1, 26))


def test_ceil_rounds_a_fraction_up_with_the_new_ease() -> None:
    # n=2, I=6, EF 2.6, q=3: EF' = 2.46; I = ceil(6 * 2.46) = ceil(14.76) = 15.
    # (The old EF would give ceil(15.6) = 16.)  Due 01-10 + 15 = 01-25.
    state = Sm2State(2.6, 2, 6, TODAY)
    assert review(state, 3, TODAY) == Sm2State(2.46, 3, 15, date(2026, 1, 25))


def test_ceil_does_not_add_a_day_to_an_exact_product() -> None:
    # n=2, I=10, EF 2.5, q=4: EF' = 2.5; I = 10 * 2.5 = 25 exactly -> 25, not 26.
    state = Sm2State(2.5, 2, 10, TODAY)
    assert review(state, 4, TODAY) == Sm2State(2.5, 3, 25, date(2026, 2, 4))


@pytest.mark.parametrize(
    ("interval", "ease", "expected"),
    [
        # In binary floating point 25 * 2.2 is 55.00000000000001, 50 * 2.2 is
        # 110.00000000000001 and 75 * 1.36 is 102.00000000000001: a float ceil
        # would add a day.  The exact products are integers:
        (25, 2.2, 55),  # 25 * 2.2 = 55
        (50, 2.2, 110),  # 50 * 2.2 = 110
        (75, 1.36, 102),  # 75 * 1.36 = 102
    ],
)
def test_ceil_is_exact_where_float_products_are_not(
    interval: int, ease: float, expected: int
) -> None:
    # q=4 keeps EF' = EF, so I' = ceil(I * EF).
    after = review(Sm2State(ease, 5, interval, TODAY), 4, TODAY)
    assert (after.ease, after.repetitions, after.interval) == (ease, 6, expected)


def test_lapse_restarts_repetitions_and_still_lowers_the_ease() -> None:
    # n=4, I=37, EF 2.46, q=2: EF' = 2.46 - 0.32 = 2.14; n = 0, I = 1.
    state = Sm2State(2.46, 4, 37, TODAY)
    assert review(state, 2, TODAY) == Sm2State(2.14, 0, 1, date(2026, 1, 11))


def test_pass_after_a_lapse_starts_over_at_one_then_six() -> None:
    # After a lapse n=0, so the next pass is I=1 and the one after I=6.
    # EF 2.14, q=3: 2.14 - 0.14 = 2.00, I = 1; then q=4: 2.00, I = 6.
    lapsed = Sm2State(2.14, 0, 1, date(2026, 1, 11))
    first = review(lapsed, 3, date(2026, 1, 11))
    assert first == Sm2State(2.0, 1, 1, date(2026, 1, 12))
    assert review(first, 4, date(2026, 1, 12)) == Sm2State(2.0, 2, 6, date(2026, 1, 18))


def test_repeated_blackouts_reach_the_floor_exactly_and_stay() -> None:
    # q=0 each time: 2.5 - 0.8 = 1.7; 1.7 - 0.8 = 0.9 -> floored to 1.3; 1.3 - 0.8 -> 1.3.
    state = Sm2State.new()
    eases = []
    for _ in range(4):
        state = review(state, 0, TODAY)
        eases.append(state.ease)
    assert eases == [1.7, 1.3, 1.3, 1.3]


def test_repeated_q2_walks_down_in_exact_hundredths_to_the_floor() -> None:
    # q=2 each time: 2.5 -> 2.18 -> 1.86 -> 1.54 -> 1.22 floored to 1.3 -> 1.3.
    state = Sm2State.new()
    eases = []
    for _ in range(5):
        state = review(state, 2, TODAY)
        eases.append(state.ease)
    assert eases == [2.18, 1.86, 1.54, 1.3, 1.3]


@pytest.mark.parametrize(
    ("quality", "ease", "interval"),
    [
        (5, 1.4, 9),  # 1.3 + 0.10 = 1.40 (the floor does not trap a card); 6*1.4 = 8.4 -> 9
        (4, 1.3, 8),  # 1.3 + 0.00; 6*1.3 = 7.8 -> 8
        (3, 1.3, 8),  # 1.3 - 0.14 = 1.16 -> floor 1.3; 7.8 -> 8
    ],
)
def test_ease_at_the_floor(quality: int, ease: float, interval: int) -> None:
    # n=2, I=6, EF 1.3, reviewed 01-10: due 01-10 + I.
    after = review(Sm2State(1.3, 2, 6, TODAY), quality, TODAY)
    assert after == Sm2State(ease, 3, interval, date(2026, 1, 10 + interval))
    assert after.ease == ease


def test_ease_is_exact_hundredths_after_many_hard_answers() -> None:
    # 2.5 - 0.14 = 2.36; 2.36 - 0.14 = 2.22; 2.22 - 0.14 = 2.08 (in floats 2.36 - 0.14
    # is 2.2199999999999998, so an unrounded EF would fail these equalities).
    state = review(Sm2State.new(), 3, TODAY)
    assert state.ease == 2.36
    state = review(state, 3, TODAY)
    assert state.ease == 2.22
    state = review(state, 3, TODAY)
    assert state.ease == 2.08


def test_due_counts_from_the_review_day_not_the_old_due_date() -> None:
    # Due 01-08 but reviewed late on 01-20: n=2, I=6, EF 2.5, q=4 -> I = 15;
    # due = 01-20 + 15 = 02-04 (and SM-2 ignores the lateness in the interval).
    state = Sm2State(2.5, 2, 6, date(2026, 1, 8))
    assert review(state, 4, date(2026, 1, 20)) == Sm2State(2.5, 3, 15, date(2026, 2, 4))


# A sixteen-review history with every branch, checked at each step:
# (review day, quality, EF', n', I', due) with the arithmetic beside it.
HISTORY = [
    (date(2026, 1, 1), 4, 2.5, 1, 1, date(2026, 1, 2)),  # 2.5+0; n0 -> I1
    (date(2026, 1, 2), 5, 2.6, 2, 6, date(2026, 1, 8)),  # 2.5+.1; n1 -> I6
    (date(2026, 1, 8), 3, 2.46, 3, 15, date(2026, 1, 23)),  # 2.6-.14; ceil(6*2.46=14.76)
    (date(2026, 1, 23), 4, 2.46, 4, 37, date(2026, 3, 1)),  # ceil(15*2.46=36.9); 1-23+37
    (date(2026, 3, 1), 2, 2.14, 0, 1, date(2026, 3, 2)),  # 2.46-.32; lapse
    (date(2026, 3, 2), 3, 2.0, 1, 1, date(2026, 3, 3)),  # 2.14-.14; n0 -> I1
    (date(2026, 3, 3), 4, 2.0, 2, 6, date(2026, 3, 9)),  # 2.0+0; n1 -> I6
    (date(2026, 3, 9), 5, 2.1, 3, 13, date(2026, 3, 22)),  # 2.0+.1; ceil(6*2.1=12.6)
    (date(2026, 3, 22), 5, 2.2, 4, 29, date(2026, 4, 20)),  # 2.1+.1; ceil(13*2.2=28.6)
    (date(2026, 4, 20), 0, 1.4, 0, 1, date(2026, 4, 21)),  # 2.2-.8; lapse
    (date(2026, 4, 21), 1, 1.3, 0, 1, date(2026, 4, 22)),  # 1.4-.54=.86 -> floor 1.3
    (date(2026, 4, 22), 5, 1.4, 1, 1, date(2026, 4, 23)),  # 1.3+.1; n0 -> I1
    (date(2026, 4, 23), 5, 1.5, 2, 6, date(2026, 4, 29)),  # 1.4+.1; n1 -> I6
    (date(2026, 4, 29), 4, 1.5, 3, 9, date(2026, 5, 8)),  # 6*1.5 = 9 exactly
    (date(2026, 5, 8), 3, 1.36, 4, 13, date(2026, 5, 21)),  # 1.5-.14; ceil(9*1.36=12.24)
    (date(2026, 5, 21), 4, 1.36, 5, 18, date(2026, 6, 8)),  # ceil(13*1.36=17.68); 5-21+18
]


def test_long_mixed_history_step_by_step() -> None:
    state = Sm2State.new()
    for step, (day, quality, ease, repetitions, interval, due) in enumerate(HISTORY, 1):
        state = review(state, quality, day)
        assert state == Sm2State(ease, repetitions, interval, due), f"step {step}"
        assert state.ease == ease, f"step {step}"


def test_replaying_the_long_history_gives_its_last_state() -> None:
    log = [(quality, day) for day, quality, *_ in HISTORY]
    assert replay(log) == Sm2State(1.36, 5, 18, date(2026, 6, 8))


def test_replay_continues_from_a_given_state() -> None:
    # From n=2, I=6, EF 2.6: q=3 -> EF 2.46, I 15 (01-10 + 15 = 01-25);
    # then q=4 on 01-25 -> I = ceil(15*2.46 = 36.9) = 37, due 01-25 + 37 = 03-03.
    start = Sm2State(2.6, 2, 6, TODAY)
    log = [(3, TODAY), (4, date(2026, 1, 25))]
    assert replay(log, start) == Sm2State(2.46, 4, 37, date(2026, 3, 3))


def test_replay_of_an_empty_log_is_a_new_card() -> None:
    assert replay([]) == Sm2State.new()


def test_button_grades_are_accepted_as_qualities() -> None:
    # Good = 4 on a new card: EF 2.5, I 1; Again = 1: EF 2.5 - 0.54 = 1.96.
    assert review(Sm2State.new(), Grade.GOOD, TODAY) == Sm2State(2.5, 1, 1, date(2026, 1, 11))
    assert review(Sm2State.new(), Grade.AGAIN, TODAY).ease == 1.96


@pytest.mark.parametrize("quality", [6, -1, 100])
def test_out_of_range_quality_is_refused(quality: int) -> None:
    with pytest.raises(ValueError, match="quality"):
        review(Sm2State.new(), quality, TODAY)


@pytest.mark.parametrize("quality", [3.5, 4.0, True, False, "4", None])
def test_non_integer_quality_is_refused(quality: object) -> None:
    with pytest.raises((TypeError, ValueError), match="quality"):
        review(Sm2State.new(), quality, TODAY)  # type: ignore[arg-type]


def test_state_is_frozen_and_hashable() -> None:
    state = Sm2State(2.5, 2, 6, TODAY)
    with pytest.raises(dataclasses.FrozenInstanceError):
        state.interval = 7  # type: ignore[misc]
    assert hash(state) == hash(Sm2State(2.5, 2, 6, TODAY))
    assert len({state, Sm2State(2.5, 2, 6, TODAY), Sm2State.new()}) == 2


def test_ease_read_back_with_float_noise_compares_equal() -> None:
    # A database or JSON may give back 2.2199999999999998 for 2.22.
    assert Sm2State(2.36 - 0.14, 2, 6, TODAY) == Sm2State(2.22, 2, 6, TODAY)


@pytest.mark.parametrize(
    ("ease", "repetitions", "interval"), [(1.29, 0, 0), (2.5, -1, 0), (2.5, 0, -1)]
)
def test_impossible_states_are_refused(ease: float, repetitions: int, interval: int) -> None:
    with pytest.raises(ValueError, match=r"ease|negative"):
        Sm2State(ease, repetitions, interval, None)
