"""Each grade button's next review ("Good · 6일"), under either scheduler."""

from __future__ import annotations

from datetime import date, timedelta
from random import Random

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.srs import scheduler
from bot.srs.fsrs_review import FsrsConfig, FsrsState
from bot.srs.fuzz import fuzz_source
from bot.srs.grades import Grade
from bot.srs.preview import NextReview, next_reviews
from bot.srs.scheduler import SchedulerKind, Scheduling
from bot.srs.sm2 import Sm2State

DAY = date(2026, 1, 10)
SM2 = Scheduling(SchedulerKind.SM2)


def days(outcomes: dict[Grade, NextReview]) -> dict[Grade, int]:
    return {grade: outcome.days for grade, outcome in outcomes.items()}


def test_a_new_card_under_sm2_comes_back_tomorrow_whatever_the_grade() -> None:
    shown = next_reviews(Sm2State.new(), DAY, SM2, Random(0))
    assert shown == {grade: NextReview(1, date(2026, 1, 11)) for grade in Grade}


def test_sm2_intervals_are_exact() -> None:
    # n=2, I=6, EF 2.5: Again -> 1; Hard EF 2.36 -> ceil(14.16) = 15;
    # Good EF 2.5 -> 15; Easy EF 2.6 -> ceil(15.6) = 16.
    shown = next_reviews(Sm2State(2.5, 2, 6, DAY), DAY, SM2, Random(0))
    assert days(shown) == {Grade.AGAIN: 1, Grade.HARD: 15, Grade.GOOD: 15, Grade.EASY: 16}
    assert shown[Grade.EASY].due == date(2026, 1, 26)


def test_fsrs_intervals_of_a_new_card_are_the_packages() -> None:
    # The package's first intervals at retention 0.90 (tests/unit/srs/test_srs_fsrs_golden.py).
    plain = Scheduling(SchedulerKind.FSRS, FsrsConfig(fuzz=False))
    shown = next_reviews(FsrsState.new(), DAY, plain, Random(0))
    assert days(shown) == {Grade.AGAIN: 1, Grade.HARD: 1, Grade.GOOD: 2, Grade.EASY: 8}


def test_an_exam_shows_the_capped_day() -> None:
    # A new card on 15 January, exam on the 20th (last week 13..19): Easy's
    # 8 days (the package's, no fuzz) would jump past it, so the button shows
    # the 19th; Good's 2 days stay.
    plain = Scheduling(SchedulerKind.FSRS, FsrsConfig(fuzz=False))
    exam = date(2026, 1, 20)
    shown = next_reviews(FsrsState.new(), date(2026, 1, 15), plain, Random(0), exam)
    assert shown[Grade.EASY] == NextReview(4, date(2026, 1, 19))
    assert shown[Grade.GOOD] == NextReview(2, date(2026, 1, 17))


@settings(max_examples=100, deadline=None)
@given(
    history=st.lists(st.tuples(st.integers(1, 60), st.integers(0, 5)), max_size=12),
    kind=st.sampled_from(SchedulerKind),
    grade=st.sampled_from(Grade),
    exam_in=st.one_of(st.none(), st.integers(1, 200)),
)
def test_the_day_shown_is_the_day_the_answer_schedules(
    history: list[tuple[int, int]], kind: SchedulerKind, grade: Grade, exam_in: int | None
) -> None:
    # Under FSRS with fuzz and an exam too: the preview uses the same source as the answer.
    scheduling = Scheduling(kind)
    state = scheduler.new_state(scheduling)
    day = DAY
    for gap, quality in history:
        day += timedelta(days=gap)
        state = scheduler.review(state, quality, day, scheduling, fuzz_source("f", day))
    day += timedelta(days=3)
    exam = None if exam_in is None else day + timedelta(days=exam_in)
    source = fuzz_source("f", day)
    shown = next_reviews(state, day, scheduling, source, exam)[grade]
    after = scheduler.review(state, int(grade), day, scheduling, source, exam)
    assert after.due == shown.due == day + timedelta(days=shown.days)
