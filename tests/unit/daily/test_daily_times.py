"""Times of day and delays as admins and learners type them, in Korean and English."""

from __future__ import annotations

from datetime import time

import pytest

from bot.study.daily import parse_duration_minutes, parse_local_time


@pytest.mark.parametrize(("typed", "meant"), [
    # Korean, as people say it: the part of the day settles the hour.
    ("오전 9시", time(9, 0)),
    ("저녁 7시", time(19, 0)),
    ("9시 30분", time(9, 30)),
    ("9시 5분", time(9, 5)),
    ("오후 2시 반", time(14, 30)),
    ("저녁 7시 반", time(19, 30)),
    ("오후 12시", time(12, 0)),
    ("오전 12시", time(0, 0)),
    ("오후 15시", time(15, 0)),
    ("밤 11시", time(23, 0)),
    ("밤 12시", time(0, 0)),
    ("새벽 3시", time(3, 0)),
    ("아침 7시", time(7, 0)),
    ("낮 2시", time(14, 0)),
    ("정오", time(12, 0)),
    ("자정", time(0, 0)),
    ("9시에", time(9, 0)),
    ("오전 9:30", time(9, 30)),
    # English.
    ("7pm", time(19, 0)),
    ("7 PM", time(19, 0)),
    ("7:30 p.m.", time(19, 30)),
    ("9am", time(9, 0)),
    ("12am", time(0, 0)),
    ("12 pm", time(12, 0)),
    ("noon", time(12, 0)),
    ("Midnight", time(0, 0)),
    # The 24-hour clock.
    ("07:30", time(7, 30)),
    ("21:00", time(21, 0)),
    ("9", time(9, 0)),
    ("19h", time(19, 0)),
    ("19h30", time(19, 30)),
    ("0930", time(9, 30)),
    ("２１：００", time(21, 0)),  # typed with a full-width keyboard
])
def test_a_time_of_day_as_people_write_it(typed: str, meant: time) -> None:
    assert parse_local_time(typed) == meant


@pytest.mark.parametrize("typed", [
    "soon", "", "24:00", "7:60", "13pm", "0930pm", "오전 15시", "오후 7pm", "9시 반 10분",
    "25시", "morning",
])
def test_what_is_not_a_time_of_day(typed: str) -> None:
    assert parse_local_time(typed) is None


@pytest.mark.parametrize(("typed", "minutes"), [
    ("90", 90), ("90m", 90), ("8h", 480), ("2h30m", 150), ("1시간 30분", 90),
    ("1시간 반", 90), ("8시간", 480), ("45 min", 45), ("8 hours", 480),
])
def test_delays(typed: str, minutes: int) -> None:
    assert parse_duration_minutes(typed) == minutes


@pytest.mark.parametrize("typed", ["later", "", "1시간 반 10분", "h"])
def test_what_is_not_a_delay(typed: str) -> None:
    assert parse_duration_minutes(typed) is None
