"""A grade button's interval, short enough to sit beside the grade's name."""

from __future__ import annotations

import pytest

from bot.i18n.intervals import grade_label, interval_label


@pytest.mark.parametrize(
    ("days", "ko", "en"),
    [
        (1, "1일", "1d"),
        (6, "6일", "6d"),
        (29, "29일", "29d"),
        (30, "1개월", "1mo"),
        (45, "1.5개월", "1.5mo"),
        (364, "12.1개월", "12.1mo"),
        (365, "1년", "1y"),
        (800, "2.2년", "2.2y"),
    ],
)
def test_intervals_read_as_days_then_months_then_years(days: int, ko: str, en: str) -> None:
    assert interval_label(days, "ko") == ko
    assert interval_label(days, "en") == en


def test_a_grade_label_carries_its_interval_when_known() -> None:
    assert grade_label("좋음", 6, "ko") == "좋음 · 6일"
    assert grade_label("Good", 6, "en") == "Good · 6d"
    assert grade_label("Good", None, "en") == "Good"
