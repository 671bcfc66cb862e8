"""Coming back after a break: relative-overdueness order, a daily cap, days to catch up."""

from __future__ import annotations

import math
from collections import Counter
from datetime import date, timedelta
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.i18n import SUPPORTED, t
from bot.srs.backlog import (
    HORIZON_DAYS,
    NOTICE_DAYS,
    NOTICE_NEVER,
    Backlog,
    DueFace,
    backlog_order,
    days_to_clear,
    find_backlog,
    relative_overdueness,
    todays_reviews,
)

TODAY = date(2026, 2, 1)


def ago(n: int) -> date:
    return TODAY - timedelta(days=n)


def test_relative_overdueness_is_days_late_per_interval_day() -> None:
    assert relative_overdueness(ago(10), 2, TODAY) == 5
    assert relative_overdueness(ago(10), 100, TODAY) == Fraction(1, 10)
    assert relative_overdueness(TODAY, 6, TODAY) == 0
    assert relative_overdueness(TODAY + timedelta(days=3), 6, TODAY) == Fraction(-1, 2)
    assert relative_overdueness(ago(3), 0, TODAY) == 3  # an interval under a day counts as one


def test_the_most_overdue_for_its_interval_comes_first_not_the_oldest_due_date() -> None:
    faces = [
        DueFace("long", due=ago(30), interval=200, position=0),  # 0.15 intervals late
        DueFace("short", due=ago(10), interval=2, position=1),  # 5 intervals late
        DueFace("middle", due=ago(14), interval=14, position=2),  # 1 interval late
        DueFace("later", due=TODAY + timedelta(days=1), interval=1, position=3),  # not due
    ]
    assert backlog_order(faces, TODAY) == ["short", "middle", "long"]


def test_ties_go_to_the_shorter_interval_then_deck_order() -> None:
    faces = [
        DueFace("b", due=TODAY, interval=30, position=0),
        DueFace("a", due=TODAY, interval=3, position=5),
        DueFace("c", due=ago(6), interval=6, position=2),
        DueFace("d", due=ago(6), interval=6, position=1),
    ]
    assert backlog_order(faces, TODAY) == ["d", "c", "a", "b"]


def test_the_daily_cap_keeps_the_most_overdue() -> None:
    faces = [DueFace(i, due=ago(i), interval=10, position=i) for i in range(1, 11)]
    assert todays_reviews(faces, TODAY, 3) == [10, 9, 8]
    assert todays_reviews(faces, TODAY, 0) == []
    with pytest.raises(ValueError, match="cannot be negative"):
        todays_reviews(faces, TODAY, -1)


def test_days_to_clear_a_backlog_with_nothing_more_falling_due() -> None:
    # 320 overdue at 100 a day: 100, 100, 100, 20 -> four days.
    assert days_to_clear({ago(14): 200, ago(3): 120}, TODAY, 100) == 4
    assert days_to_clear({ago(1): 100}, TODAY, 100) == 1
    assert days_to_clear({TODAY + timedelta(days=2): 50}, TODAY, 100) == 0


def test_days_to_clear_counts_cards_falling_due_meanwhile() -> None:
    # 250 overdue, cap 100, 60 more due each of the next days:
    # day 1: 250 -> 150; day 2: 210 -> 110; day 3: 170 -> 70; day 4: 130 -> 30; day 5: 90 -> 0.
    counts = {ago(5): 250} | {TODAY + timedelta(days=d): 60 for d in range(1, 30)}
    assert days_to_clear(counts, TODAY, 100) == 5


def test_a_cap_below_what_keeps_falling_due_never_clears() -> None:
    counts = {ago(5): 250} | {TODAY + timedelta(days=d): 120 for d in range(1, 4000)}
    assert days_to_clear(counts, TODAY, 100) is None
    assert days_to_clear({ago(1): 5}, TODAY, 0) is None


def test_arrivals_after_the_catch_up_do_not_delay_it() -> None:
    # 250 overdue at 100 a day: 3 days; the weekly arrivals of the next ten years come later.
    counts = {ago(400): 250} | {TODAY + timedelta(weeks=w): 5 for w in range(1, 520)}
    assert days_to_clear(counts, TODAY, 100) == 3


@given(overdue=st.integers(1, 5000), cap=st.integers(1, 500))
def test_with_nothing_else_due_it_takes_the_backlog_over_the_cap_rounded_up(
    overdue: int, cap: int
) -> None:
    days = math.ceil(overdue / cap)
    expected = days if days <= HORIZON_DAYS else None  # over a year: "raise your limit"
    assert days_to_clear({ago(3): overdue}, TODAY, cap) == expected


@given(
    dues=st.lists(st.integers(-30, 30), max_size=300),
    cap=st.integers(1, 60),
    more=st.integers(0, 60),
)
def test_a_higher_cap_never_takes_longer(dues: list[int], cap: int, more: int) -> None:
    counts = Counter(TODAY + timedelta(days=d) for d in dues)
    slow, fast = days_to_clear(counts, TODAY, cap), days_to_clear(counts, TODAY, cap + more)
    if slow is not None:
        assert fast is not None and fast <= slow


def test_a_backlog_is_more_due_than_the_cap_and_the_notice_reads_in_both_languages() -> None:
    assert find_backlog({ago(3): 100}, TODAY, 100) is None
    found = find_backlog({ago(14): 200, ago(3): 120}, TODAY, 100)
    assert found == Backlog(due=320, cap=100, days=4)
    assert found.reason == NOTICE_DAYS
    assert t(found.reason, "ko", **found.message_args()) == (
        "밀린 복습 카드가 320장 있어요. 가장 오래 밀린 카드부터 하루에 100장씩 보여 드릴게요. "
        "이 속도라면 4일 뒤에 모두 따라잡아요."
    )
    never = find_backlog(
        {ago(3): 300} | {TODAY + timedelta(days=d): 200 for d in range(1, 4000)}, TODAY, 100
    )
    assert never is not None and never.reason == NOTICE_NEVER
    for notice in (found, never):
        for lang in SUPPORTED:
            text = t(notice.reason, lang, **notice.message_args())
            assert "{" not in text and str(notice.due) in text
