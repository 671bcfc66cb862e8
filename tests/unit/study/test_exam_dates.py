"""Exam dates as learners type them, and what clears a group's date."""

from __future__ import annotations

from datetime import date

import pytest

from bot.study.exams import group_exam_value, parse_exam_date
from bot.study.scheduling import exam_in_force

TODAY = date(2026, 12, 7)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("2026-12-20", date(2026, 12, 20)),
        ("2026.12.20", date(2026, 12, 20)),
        ("2026. 12. 20.", date(2026, 12, 20)),
        ("2026/1/5", date(2026, 1, 5)),
        ("12/20", date(2026, 12, 20)),
        ("12-20", date(2026, 12, 20)),
        ("12월 20일", date(2026, 12, 20)),
        ("2027년 1월 3일", date(2027, 1, 3)),
        ("1월 3일", date(2027, 1, 3)),  # no year: the next 3 January
        ("12/7", date(2027, 12, 7)),  # today's date without a year is next year's
        (" 2026-12-20 ", date(2026, 12, 20)),
    ],
)
def test_exam_dates_are_read_as_written(typed: str, expected: date) -> None:
    assert parse_exam_date(typed, TODAY) == expected


@pytest.mark.parametrize("typed", ["", "tomorrow", "2026-13-01", "2/30", "20일", "12/20/2026"])
def test_what_is_not_a_date_is_none(typed: str) -> None:
    assert parse_exam_date(typed, TODAY) is None


def test_a_group_date_must_be_ahead_and_none_clears_it() -> None:
    assert group_exam_value("2026-12-20", TODAY) == date(2026, 12, 20)
    assert group_exam_value("2026-12-07", TODAY) is False  # today: no time to plan
    assert group_exam_value("없음", TODAY) is None
    assert group_exam_value("none", TODAY) is None
    assert group_exam_value("soon", TODAY) is False


def test_the_exam_in_force_is_the_learners_own_else_the_earliest_groups_still_ahead() -> None:
    groups = [date(2026, 12, 30), date(2026, 12, 20), date(2026, 12, 1)]
    assert exam_in_force(None, groups, TODAY) == date(2026, 12, 20)
    assert exam_in_force(date(2027, 1, 9), groups, TODAY) == date(2027, 1, 9)
    # The learner's own exam has passed: normal scheduling, not their group's.
    assert exam_in_force(date(2026, 12, 1), groups, TODAY) is None
    assert exam_in_force(None, [], TODAY) is None
