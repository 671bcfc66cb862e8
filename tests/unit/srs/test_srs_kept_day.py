"""A study day kept across a change of zone or rollover hour (bot.srs.day.keep_day).

Seoul is UTC+9, Kiritimati UTC+14 and Honolulu UTC-10 all year; the
rollover is 04:00 unless a test says otherwise.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from bot.srs.day import KeptDay, keep_day, learner_date, study_date

SEOUL, KIRITIMATI, HONOLULU = "Asia/Seoul", "Pacific/Kiritimati", "Pacific/Honolulu"
D = date(2026, 11, 25)
#: 23:30 in Seoul on D, which is 04:30 on D+1 in Kiritimati.
SEOUL_2330 = datetime(2026, 11, 25, 14, 30, tzinfo=UTC)


def test_moving_east_at_night_keeps_the_day_until_it_would_have_ended() -> None:
    assert study_date(SEOUL_2330, KIRITIMATI, 4) == D + timedelta(days=1)  # the old bug
    kept = keep_day(SEOUL_2330, SEOUL, 4, None)
    # 04:00 in Seoul on D+1 is 19:00 UTC on D.
    assert kept == KeptDay(D, datetime(2026, 11, 25, 19, 0, tzinfo=UTC))
    assert learner_date(SEOUL_2330 + timedelta(minutes=5), KIRITIMATI, 4, kept) == D
    assert learner_date(kept.until - timedelta(seconds=1), KIRITIMATI, 4, kept) == D
    assert learner_date(kept.until, KIRITIMATI, 4, kept) == D + timedelta(days=1)
    # From then on Kiritimati's own rollover: D+2 at 04:00 there (14:00 UTC on D+1).
    d2 = datetime(2026, 11, 26, 14, 0, tzinfo=UTC)
    assert learner_date(d2 - timedelta(seconds=1), KIRITIMATI, 4, kept) == D + timedelta(days=1)
    assert learner_date(d2, KIRITIMATI, 4, kept) == D + timedelta(days=2)


def test_moving_west_never_goes_back_to_a_day_already_spent() -> None:
    # 06:00 on D+1 in Kiritimati is 01:00 on D+1 in Seoul: still D there.
    at = datetime(2026, 11, 25, 16, 0, tzinfo=UTC)
    assert study_date(at, SEOUL, 4) == D
    kept = keep_day(at, KIRITIMATI, 4, None)
    assert kept.day == D + timedelta(days=1)
    for hours in (0, 1, 10, 20):
        assert learner_date(at + timedelta(hours=hours), SEOUL, 4, kept) == D + timedelta(days=1)
    # Seoul reaches D+2 at its own 04:00 on D+2 (19:00 UTC on D+1).
    d2 = datetime(2026, 11, 26, 19, 0, tzinfo=UTC)
    assert learner_date(d2, SEOUL, 4, kept) == D + timedelta(days=2)


def test_a_later_rollover_hour_keeps_today_and_an_earlier_one_does_not_end_it_early() -> None:
    # 08:00 in Seoul on D: with a 10:00 rollover it would still be D-1.
    eight = datetime(2026, 11, 24, 23, 0, tzinfo=UTC)
    kept = keep_day(eight, SEOUL, 4, None)
    assert learner_date(eight, SEOUL, 10, kept) == D
    assert learner_date(eight + timedelta(hours=20), SEOUL, 10, kept) == D  # 04:00 on D+1
    assert learner_date(eight + timedelta(hours=26), SEOUL, 10, kept) == D + timedelta(days=1)
    # 08:00 on D with a 10:00 rollover is D-1; moving the rollover to 04:00 keeps D-1 till 10:00.
    kept = keep_day(eight, SEOUL, 10, None)
    assert learner_date(eight + timedelta(hours=1), SEOUL, 4, kept) == D - timedelta(days=1)
    assert learner_date(eight + timedelta(hours=2), SEOUL, 4, kept) == D


ZONES = st.sampled_from(
    [SEOUL, KIRITIMATI, HONOLULU, "America/New_York", "Europe/Berlin", "Pacific/Chatham", "UTC"]
)


@given(
    start=st.datetimes(
        min_value=datetime(2026, 1, 1), max_value=datetime(2027, 1, 1), timezones=st.just(UTC)
    ),
    moves=st.lists(
        st.tuples(st.integers(0, 60 * 60 * 30), ZONES, st.integers(0, 23)), max_size=5
    ),
    first_zone=ZONES,
    first_hour=st.integers(0, 23),
)
def test_the_study_date_never_goes_back_and_a_change_never_moves_it(
    start: datetime, moves: list[tuple[int, str, int]], first_zone: str, first_hour: int
) -> None:
    zone, hour, kept, now = first_zone, first_hour, None, start
    last = learner_date(now, zone, hour, kept)
    for seconds, new_zone, new_hour in moves:
        for step in range(0, seconds + 1, max(1, seconds // 7)):
            today = learner_date(now + timedelta(seconds=step), zone, hour, kept)
            assert today >= last
            last = today
        now += timedelta(seconds=seconds)
        before = learner_date(now, zone, hour, kept)
        kept = keep_day(now, zone, hour, kept)
        zone, hour = new_zone, new_hour
        assert learner_date(now, zone, hour, kept) == before  # the change itself moves nothing
