"""A study group's post and reveal instants: pure functions of the zone and ``now``."""

from __future__ import annotations

from datetime import UTC, date, datetime, time

from bot.srs.post_times import next_post_instant, post_instant, reveal_instant, skipped_day

NOW = datetime(2026, 11, 25, 1, 0, tzinfo=UTC)  # 10:00 in Seoul


def test_dst_gaps_found_in_new_york_and_never_in_seoul() -> None:
    assert skipped_day(time(2, 30), "America/New_York", date(2026, 11, 25)) == date(2027, 3, 14)
    assert skipped_day(time(3, 0), "America/New_York", date(2026, 11, 25)) is None
    assert skipped_day(time(2, 30), "Asia/Seoul", date(2026, 11, 25)) is None


def test_the_post_is_at_the_local_wall_time() -> None:
    assert post_instant(date(2026, 11, 25), time(9, 0), "Asia/Seoul") == datetime(
        2026, 11, 25, 0, 0, tzinfo=UTC)


def test_the_next_post_is_today_unless_it_passed_or_was_made() -> None:
    seoul = "Asia/Seoul"
    later_today = datetime(2026, 11, 25, 3, 0, tzinfo=UTC)  # 12:00 Seoul
    assert next_post_instant(time(12, 0), seoul, NOW, set()) == later_today
    tomorrow = datetime(2026, 11, 26, 0, 0, tzinfo=UTC)
    assert next_post_instant(time(9, 0), seoul, NOW, set()) == tomorrow  # 09:00 has passed
    taken = {date(2026, 11, 25)}
    assert next_post_instant(time(12, 0), seoul, NOW, taken) == datetime(
        2026, 11, 26, 3, 0, tzinfo=UTC)


def test_a_late_post_still_gives_members_the_whole_delay() -> None:
    due = datetime(2026, 11, 25, 0, 0, tzinfo=UTC)
    assert reveal_instant(due, NOW, 60) == datetime(2026, 11, 25, 2, 0, tzinfo=UTC)
    assert reveal_instant(NOW, due, 60) == datetime(2026, 11, 25, 2, 0, tzinfo=UTC)
