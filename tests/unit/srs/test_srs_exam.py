"""An exam date: new cards a day so every card is reviewed twice, and the last-week cap.

Dates: the exam on Tue 31 March 2026; its last week is 24-30 March; the last
day a new card still gets its second review is 29 March.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from datetime import date, timedelta
from random import Random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.i18n import SUPPORTED, t
from bot.srs import scheduler
from bot.srs.exam import (
    REASON_ALL_MET,
    REASON_ON_PACE,
    REASON_PASSED,
    REASON_RAISED,
    REASON_TOO_LATE,
    ExamPlan,
    cap_due,
    last_new_day,
    last_week,
    plan_new_cards,
)
from bot.srs.fuzz import fuzz_source
from bot.srs.scheduler import ReviewState, SchedulerKind, Scheduling

EXAM = date(2026, 3, 31)
TODAY = date(2026, 3, 1)


def test_the_last_week_and_the_last_day_for_a_new_card() -> None:
    assert last_week(EXAM) == (date(2026, 3, 24), date(2026, 3, 30))
    assert last_new_day(EXAM) == date(2026, 3, 29)


def test_a_limit_too_low_for_the_exam_is_raised_and_says_why() -> None:
    # 300 cards to meet by 29 March: 1..29 March is 29 days, ceil(300 / 29) = 11 > 10.
    plan = plan_new_cards(300, TODAY, EXAM, new_per_day=10)
    assert plan == ExamPlan(11, REASON_RAISED, 10, 30, 300, date(2026, 3, 29))
    assert t(plan.reason, "ko", **plan.message_args()) == (
        "시험까지 30일 남았어요. 아직 안 본 카드 300장을 시험 전에 두 번씩 보려면 하루에 새 "
        "카드가 11장 필요해요. 그래서 시험 때까지는 하루 10장 대신 11장씩 보여 드려요. "
        "설정은 그대로예요."
    )
    # Raised for the plan only: nothing says the learner's own limit was changed.
    assert t(plan.reason, "en", **plan.message_args()) == (
        "30 days to the exam. To see all 300 unseen cards twice before then, you need more "
        "new cards a day, so until the exam you get 11 a day instead of 10 (your setting is "
        "unchanged)."
    )


def test_a_limit_that_is_enough_stays() -> None:
    assert plan_new_cards(300, TODAY, EXAM, 20) == ExamPlan(
        20, REASON_ON_PACE, 20, 30, 300, date(2026, 3, 29)
    )
    # 290 cards in 29 days is exactly 10 a day: on pace, not raised.
    assert plan_new_cards(290, TODAY, EXAM, 10).reason == REASON_ON_PACE


def test_the_plan_does_not_shrink_while_the_learner_meets_cards_today() -> None:
    morning = plan_new_cards(300, TODAY, EXAM, 10)
    after_five = plan_new_cards(295, TODAY, EXAM, 10, introduced_today=5)
    assert morning.new_per_day == after_five.new_per_day == 11


def test_two_days_before_every_card_left_is_introduced() -> None:
    # 29 March is the last day a new card can still be reviewed the next day.
    plan = plan_new_cards(40, date(2026, 3, 29), EXAM, 10)
    assert (plan.new_per_day, plan.reason, plan.days_left) == (40, REASON_RAISED, 2)


def test_the_day_before_the_exam_shows_every_card_left_once() -> None:
    plan = plan_new_cards(40, date(2026, 3, 30), EXAM, 10)
    assert (plan.new_per_day, plan.reason, plan.days_left) == (40, REASON_TOO_LATE, 1)


def test_on_and_after_the_exam_day_the_learners_limit_is_back() -> None:
    for day in (EXAM, EXAM + timedelta(days=3)):
        plan = plan_new_cards(40, day, EXAM, 10)
        assert (plan.new_per_day, plan.reason, plan.days_left) == (10, REASON_PASSED, 0)


def test_no_card_left_to_meet_keeps_the_limit() -> None:
    assert plan_new_cards(0, TODAY, EXAM, 10).reason == REASON_ALL_MET


@pytest.mark.parametrize(
    ("args", "error"),
    [((-1, 10, 0), ValueError), ((10, -1, 0), ValueError), ((10, 10, -2), ValueError)],
)
def test_negative_counts_are_refused(args: tuple[int, int, int], error: type[Exception]) -> None:
    not_introduced, limit, today_count = args
    with pytest.raises(error, match="cannot be negative"):
        plan_new_cards(not_introduced, TODAY, EXAM, limit, introduced_today=today_count)


@pytest.mark.parametrize(
    "day", [TODAY, date(2026, 3, 29), date(2026, 3, 30), EXAM, date(2026, 5, 1)]
)
@pytest.mark.parametrize("cards", [0, 1, 300])
def test_every_plan_reads_complete_in_both_languages(day: date, cards: int) -> None:
    plan = plan_new_cards(cards, day, EXAM, 10)
    for lang in SUPPORTED:
        text = t(plan.reason, lang, **plan.message_args())
        assert text != plan.reason and "{" not in text, (lang, text)


def test_without_an_exam_nothing_moves() -> None:
    assert cap_due(date(2026, 6, 1), TODAY, None, Random(0)) == date(2026, 6, 1)


def test_a_card_coming_back_before_the_exam_is_left_alone() -> None:
    assert cap_due(date(2026, 3, 12), TODAY, EXAM, Random(0)) == date(2026, 3, 12)
    assert cap_due(date(2026, 3, 30), TODAY, EXAM, Random(0)) == date(2026, 3, 30)


def test_a_jump_past_the_exam_comes_back_in_the_last_week_spread_over_it() -> None:
    days = {cap_due(date(2026, 4, 20), TODAY, EXAM, Random(seed)) for seed in range(200)}
    assert days == {date(2026, 3, d) for d in range(24, 31)}


def test_within_the_last_week_a_review_is_the_cards_last_week_review_and_stays() -> None:
    # Reviewed on 26 March, due 2 April: it has had its last-week review.
    assert cap_due(date(2026, 4, 2), date(2026, 3, 26), EXAM, Random(0)) == date(2026, 4, 2)


def test_a_card_introduced_within_the_last_week_gets_its_second_review_before_the_exam() -> None:
    # Introduced on 26 March with an 8-day first interval (FSRS, Easy): back on 30 March.
    introduced = cap_due(date(2026, 4, 3), date(2026, 3, 26), EXAM, Random(0), introduction=True)
    assert introduced == date(2026, 3, 30)
    # Due on the exam day itself is past the last study day before it.
    assert cap_due(EXAM, date(2026, 3, 24), EXAM, Random(0), introduction=True) == date(2026, 3, 30)


def test_reviewed_the_day_before_or_after_the_exam_scheduling_is_normal() -> None:
    rng = Random(0)
    assert cap_due(date(2026, 4, 5), date(2026, 3, 30), EXAM, rng) == date(2026, 4, 5)
    assert cap_due(date(2026, 5, 5), date(2026, 4, 2), EXAM, rng) == date(2026, 5, 5)


@given(
    today=st.dates(date(2026, 1, 1), date(2026, 12, 31)),
    ahead=st.integers(1, 60),
    exam_in=st.integers(-10, 40),
    introduction=st.booleans(),
    seed=st.integers(0, 2**32),
)
def test_the_cap_only_brings_a_review_forward_and_only_into_the_last_week(
    today: date, ahead: int, exam_in: int, introduction: bool, seed: int
) -> None:
    due = today + timedelta(days=ahead)
    exam = today + timedelta(days=exam_in)
    capped = cap_due(due, today, exam, Random(seed), introduction)
    first, last = last_week(exam)
    assert today < capped <= due
    if today < first and due > last:
        assert first <= capped <= last
    elif introduction and today < last < due:
        assert capped == last
    else:
        assert capped == due


@st.composite
def exam_courses(draw: st.DrawFn) -> tuple[SchedulerKind, int, int, int, int]:
    kind = draw(st.sampled_from(SchedulerKind))
    cards = draw(st.integers(1, 40))
    days_to_exam = draw(st.integers(1, 60))
    limit = draw(st.integers(0, 20))
    seed = draw(st.integers(0, 2**32))
    return kind, cards, days_to_exam, limit, seed


@settings(max_examples=60, deadline=None)
@given(course=exam_courses())
def test_a_plan_meets_every_card_twice_and_sees_it_in_the_last_week_losing_no_review(
    course: tuple[SchedulerKind, int, int, int, int],
) -> None:
    """A learner who does each day's reviews and the plan's new cards, up to the exam and past it.

    Grades are random (lapses included).  Every scheduling review is also
    computed without the exam, from the same random source, to check that the
    cap only ever brings a review forward and changes nothing else.
    """
    kind, cards, days_to_exam, limit, seed = course
    scheduling = Scheduling(kind)
    grades = Random(seed)
    start = date(2026, 3, 1)
    exam = start + timedelta(days=days_to_exam)
    first, last = last_week(exam)
    states: dict[int, ReviewState] = {}
    reviewed: dict[int, list[date]] = {card: [] for card in range(cards)}
    for offset in range(days_to_exam + 30):
        day = start + timedelta(days=offset)
        due = [c for c, s in states.items() if s.due is not None and s.due <= day]
        not_met = [c for c in range(cards) if c not in states]
        plan = plan_new_cards(len(not_met), day, exam, limit)
        for card in due + not_met[: plan.new_per_day]:
            state = states.get(card) or scheduler.new_state(scheduling)
            quality = grades.randint(0, 5)
            source = fuzz_source(str(card), day)
            with_exam = scheduler.review(state, quality, day, scheduling, source, exam)
            plain = scheduler.review(state, quality, day, scheduling, fuzz_source(str(card), day))
            assert with_exam.due is not None and plain.due is not None
            assert day < with_exam.due <= plain.due  # brought forward at most: nothing lost
            assert dataclasses.replace(with_exam, due=plain.due) == plain  # memory untouched
            if day >= last:
                assert with_exam == plain  # from the day before the exam on, scheduling is normal
            if day < exam and with_exam.due >= exam:
                assert day >= first  # never past the exam without a review in its last week
            states[card] = with_exam
            reviewed[card].append(day)
    assert set(states) == set(range(cards))  # every card met
    for card, days in reviewed.items():
        before = [d for d in days if d < exam]
        if days_to_exam >= 2:
            assert len(before) >= 2, (card, days)
        assert any(first <= d <= last for d in before), (card, days)


@pytest.mark.parametrize("kind", list(SchedulerKind))
def test_cards_capped_together_are_spread_over_the_last_week_by_their_own_source(
    kind: SchedulerKind,
) -> None:
    # 140 well-known faces reviewed Good on 1 March, each due long after the
    # exam: they all come back in the last week, not all on one of its days.
    scheduling = Scheduling(kind)
    state = scheduler.new_state(scheduling)
    for day in (date(2026, 1, 1), date(2026, 1, 2), date(2026, 1, 8), date(2026, 2, 1)):
        state = scheduler.review(state, 5, day, scheduling, fuzz_source("seed", day))
    dues = [
        scheduler.review(state, 4, TODAY, scheduling, fuzz_source(f"7:{face}:0", TODAY), EXAM).due
        for face in range(140)
    ]
    first, _ = last_week(EXAM)
    per_day = Counter(dues)
    assert set(per_day) == {first + timedelta(days=d) for d in range(7)}
    assert max(per_day.values()) <= 35  # 20 a day on average
