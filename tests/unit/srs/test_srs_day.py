"""The study day: local wall-clock date with a rollover hour, across DST nights.

Expected instants are worked out by hand from the zones' rules for 2026:
New York EST = UTC-5, EDT = UTC-4, clocks go 02:00 EST -> 03:00 EDT on 03-08
and 02:00 EDT -> 01:00 EST on 11-01; Berlin CET = UTC+1, CEST = UTC+2, clocks go
02:00 CET -> 03:00 CEST on 03-29 and 03:00 CEST -> 02:00 CET on 10-25;
Seoul KST = UTC+9 all year.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.srs import DEFAULT_ROLLOVER_HOUR, local_instant, study_date, study_day_start
from bot.srs.day import wall_time_exists

SECOND = timedelta(seconds=1)


def utc(
    year: int, month: int, day: int, hour: int = 0, minute: int = 0, second: int = 0
) -> datetime:
    return datetime(year, month, day, hour, minute, second, tzinfo=UTC)


def test_default_rollover_is_four_in_the_morning() -> None:
    assert DEFAULT_ROLLOVER_HOUR == 4


@pytest.mark.parametrize(
    ("instant", "expected"),
    [
        (utc(2026, 5, 10, 18, 59, 59), date(2026, 5, 10)),  # 03:59:59 KST on 05-11
        (utc(2026, 5, 10, 19, 0, 0), date(2026, 5, 11)),  # 04:00 KST on 05-11
        (utc(2026, 5, 10, 15, 0, 0), date(2026, 5, 10)),  # 00:00 KST on 05-11: still the 10th
        (utc(2026, 5, 11, 14, 59, 59), date(2026, 5, 11)),  # 23:59:59 KST on 05-11
        (utc(2026, 12, 31, 18, 59, 59), date(2026, 12, 31)),  # 03:59:59 KST on 2027-01-01
        (utc(2026, 12, 31, 19, 0, 0), date(2027, 1, 1)),  # 04:00 KST on 2027-01-01
    ],
)
def test_seoul_with_the_default_rollover(instant: datetime, expected: date) -> None:
    assert study_date(instant, "Asia/Seoul", DEFAULT_ROLLOVER_HOUR) == expected


def test_rollover_zero_is_plain_local_midnight() -> None:
    assert study_date(utc(2026, 5, 10, 14, 59, 59), "Asia/Seoul", 0) == date(2026, 5, 10)
    assert study_date(utc(2026, 5, 10, 15, 0, 0), "Asia/Seoul", 0) == date(2026, 5, 11)


def test_zone_object_and_zone_name_agree() -> None:
    instant = utc(2026, 5, 10, 18, 59, 59)
    assert study_date(instant, ZoneInfo("Asia/Seoul"), 4) == study_date(instant, "Asia/Seoul", 4)


def test_instant_given_in_another_offset_is_the_same_instant() -> None:
    # 03:59:59 KST written as 20:59:59 at UTC+2 on 05-10.
    other = datetime(2026, 5, 10, 20, 59, 59, tzinfo=timezone(timedelta(hours=2)))
    assert study_date(other, "Asia/Seoul", 4) == date(2026, 5, 10)
    assert study_date(other + SECOND, "Asia/Seoul", 4) == date(2026, 5, 11)


# (zone, study day, rollover hour, UTC instant at which that study day starts).
DAY_STARTS = [
    # New York, spring forward 2026-03-08 (07:00 UTC: 02:00 EST -> 03:00 EDT).
    ("America/New_York", date(2026, 3, 8), 0, utc(2026, 3, 8, 5)),  # 00:00 EST
    ("America/New_York", date(2026, 3, 8), 2, utc(2026, 3, 8, 7)),  # 02:00 absent -> 03:00 EDT
    ("America/New_York", date(2026, 3, 8), 3, utc(2026, 3, 8, 7)),  # 03:00 EDT
    ("America/New_York", date(2026, 3, 8), 4, utc(2026, 3, 8, 8)),  # 04:00 EDT
    ("America/New_York", date(2026, 3, 7), 4, utc(2026, 3, 7, 9)),  # 04:00 EST: a 23 h day
    ("America/New_York", date(2026, 3, 9), 4, utc(2026, 3, 9, 8)),  # 04:00 EDT
    # New York, fall back 2026-11-01 (06:00 UTC: 02:00 EDT -> 01:00 EST).
    ("America/New_York", date(2026, 11, 1), 0, utc(2026, 11, 1, 4)),  # 00:00 EDT
    ("America/New_York", date(2026, 11, 1), 1, utc(2026, 11, 1, 5)),  # 01:00 EDT, first one
    ("America/New_York", date(2026, 11, 1), 2, utc(2026, 11, 1, 7)),  # 02:00 EST
    ("America/New_York", date(2026, 11, 1), 3, utc(2026, 11, 1, 8)),  # 03:00 EST
    ("America/New_York", date(2026, 11, 1), 4, utc(2026, 11, 1, 9)),  # 04:00 EST
    ("America/New_York", date(2026, 10, 31), 4, utc(2026, 10, 31, 8)),  # 04:00 EDT: 25 h day
    # Berlin, spring forward 2026-03-29 (01:00 UTC: 02:00 CET -> 03:00 CEST).
    ("Europe/Berlin", date(2026, 3, 29), 0, utc(2026, 3, 28, 23)),  # 00:00 CET
    ("Europe/Berlin", date(2026, 3, 29), 2, utc(2026, 3, 29, 1)),  # 02:00 absent -> 03:00
    ("Europe/Berlin", date(2026, 3, 29), 3, utc(2026, 3, 29, 1)),  # 03:00 CEST
    ("Europe/Berlin", date(2026, 3, 29), 4, utc(2026, 3, 29, 2)),  # 04:00 CEST
    # Berlin, fall back 2026-10-25 (01:00 UTC: 03:00 CEST -> 02:00 CET).
    ("Europe/Berlin", date(2026, 10, 25), 0, utc(2026, 10, 24, 22)),  # 00:00 CEST
    ("Europe/Berlin", date(2026, 10, 25), 2, utc(2026, 10, 25, 0)),  # 02:00 CEST, first one
    ("Europe/Berlin", date(2026, 10, 25), 3, utc(2026, 10, 25, 2)),  # 03:00 CET
    ("Europe/Berlin", date(2026, 10, 25), 4, utc(2026, 10, 25, 3)),  # 04:00 CET
    # Seoul, no DST.
    ("Asia/Seoul", date(2026, 5, 11), 4, utc(2026, 5, 10, 19)),  # 04:00 KST
]


@pytest.mark.parametrize(("tz", "day", "hour", "start"), DAY_STARTS)
def test_study_day_starts_at_the_rollover_instant(
    tz: str, day: date, hour: int, start: datetime
) -> None:
    assert study_day_start(day, tz, hour) == start
    assert study_date(start, tz, hour) == day
    assert study_date(start - SECOND, tz, hour) == day - timedelta(days=1)


@pytest.mark.parametrize(
    ("tz", "instant", "hour", "expected"),
    [
        # 03:59:59 EDT on the short night still belongs to 03-07; 04:00 EDT is 03-08.
        ("America/New_York", utc(2026, 3, 8, 7, 59, 59), 4, date(2026, 3, 7)),
        # 01:59:59 EST, the last second before the gap, is before a 02:00 rollover.
        ("America/New_York", utc(2026, 3, 8, 6, 59, 59), 2, date(2026, 3, 7)),
        # 01:30 EDT and then 01:30 EST: both before a 02:00 rollover.
        ("America/New_York", utc(2026, 11, 1, 5, 30), 2, date(2026, 10, 31)),
        ("America/New_York", utc(2026, 11, 1, 6, 30), 2, date(2026, 10, 31)),
        # Both 01:30s are after a 01:00 rollover, the repeated hour stays on 11-01.
        ("America/New_York", utc(2026, 11, 1, 5, 30), 1, date(2026, 11, 1)),
        ("America/New_York", utc(2026, 11, 1, 6, 30), 1, date(2026, 11, 1)),
        # 03:59:59 EST, five hours after UTC midnight, with the default rollover.
        ("America/New_York", utc(2026, 11, 1, 8, 59, 59), 4, date(2026, 10, 31)),
        # Berlin: 02:30 CEST and 02:30 CET are both after a 02:00 rollover.
        ("Europe/Berlin", utc(2026, 10, 25, 0, 30), 2, date(2026, 10, 25)),
        ("Europe/Berlin", utc(2026, 10, 25, 1, 30), 2, date(2026, 10, 25)),
        # ... and both before a 03:00 one.
        ("Europe/Berlin", utc(2026, 10, 25, 0, 30), 3, date(2026, 10, 24)),
        ("Europe/Berlin", utc(2026, 10, 25, 1, 30), 3, date(2026, 10, 24)),
        # 03:59:59 CEST on the short night.
        ("Europe/Berlin", utc(2026, 3, 29, 1, 59, 59), 4, date(2026, 3, 28)),
    ],
)
def test_study_date_on_dst_nights(tz: str, instant: datetime, hour: int, expected: date) -> None:
    assert study_date(instant, tz, hour) == expected


def test_skipped_wall_time_moves_forward_like_the_clocks() -> None:
    # 02:30 on 2026-03-08 never shows in New York; EST offset gives 07:30 UTC = 03:30 EDT.
    assert not wall_time_exists(date(2026, 3, 8), time(2, 30), "America/New_York")
    assert local_instant(date(2026, 3, 8), time(2, 30), "America/New_York") == utc(
        2026, 3, 8, 7, 30
    )
    # Same in Berlin: 02:30 on 03-29 -> 01:30 UTC = 03:30 CEST.
    assert not wall_time_exists(date(2026, 3, 29), time(2, 30), "Europe/Berlin")
    assert local_instant(date(2026, 3, 29), time(2, 30), "Europe/Berlin") == utc(2026, 3, 29, 1, 30)


def test_ambiguous_wall_time_takes_its_first_occurrence() -> None:
    # 01:30 on 2026-11-01 in New York happens at 05:30 UTC (EDT) and 06:30 UTC (EST).
    assert wall_time_exists(date(2026, 11, 1), time(1, 30), "America/New_York")
    assert local_instant(date(2026, 11, 1), time(1, 30), "America/New_York") == utc(
        2026, 11, 1, 5, 30
    )
    # 02:30 on 2026-10-25 in Berlin: 00:30 UTC (CEST) then 01:30 UTC (CET).
    assert local_instant(date(2026, 10, 25), time(2, 30), "Europe/Berlin") == utc(
        2026, 10, 25, 0, 30
    )


@pytest.mark.parametrize(
    ("day", "at", "tz", "expected"),
    [
        (date(2026, 7, 1), time(12, 0), "America/New_York", utc(2026, 7, 1, 16)),  # EDT
        (date(2026, 1, 15), time(12, 0), "America/New_York", utc(2026, 1, 15, 17)),  # EST
        (date(2026, 1, 1), time(0, 0), "Asia/Seoul", utc(2025, 12, 31, 15)),  # KST
        (date(2026, 3, 8), time(1, 59), "America/New_York", utc(2026, 3, 8, 6, 59)),
        (date(2026, 3, 8), time(3, 0), "America/New_York", utc(2026, 3, 8, 7, 0)),
    ],
)
def test_ordinary_wall_times(day: date, at: time, tz: str, expected: datetime) -> None:
    assert wall_time_exists(day, at, tz)
    assert local_instant(day, at, tz) == expected


def test_local_instant_ignores_a_zone_attached_to_the_wall_time() -> None:
    # The wall time is read in ``tz``; a stray tzinfo on it must not shift the result.
    at = time(12, 0, tzinfo=UTC)
    assert local_instant(date(2026, 7, 1), at, "America/New_York") == utc(2026, 7, 1, 16)


def test_naive_instant_is_refused() -> None:
    with pytest.raises(ValueError, match="aware"):
        study_date(datetime(2026, 5, 10, 12, 0), "Asia/Seoul", 4)


@pytest.mark.parametrize(
    "tz", ["Mars/Olympus", "", "Europe/Berlin ", "../etc/passwd", "UTC/..", "zoneinfo"]
)
def test_unknown_zone_is_a_value_error(tz: str) -> None:
    with pytest.raises(ValueError, match="time zone"):
        study_date(utc(2026, 5, 10, 12), tz, 4)
    with pytest.raises(ValueError, match="time zone"):
        study_day_start(date(2026, 5, 10), tz, 4)


@pytest.mark.parametrize("tz", ["Asia", "America"])
def test_region_name_without_a_city_is_a_value_error(tz: str) -> None:
    # A learner typing just "Asia" in a settings form is an unknown zone, not a crash.
    with pytest.raises(ValueError, match="time zone"):
        study_date(utc(2026, 5, 10, 12), tz, 4)


@pytest.mark.parametrize("hour", [-1, 24, 100])
def test_rollover_hour_outside_the_clock_is_refused(hour: int) -> None:
    with pytest.raises(ValueError, match="rollover hour"):
        study_date(utc(2026, 5, 10, 12), "Asia/Seoul", hour)
    with pytest.raises(ValueError, match="rollover hour"):
        study_day_start(date(2026, 5, 10), "Asia/Seoul", hour)


# Zones with whole-hour DST, no DST, half-hour offsets and a 30-minute DST shift.
ZONES = [
    "Asia/Seoul",
    "America/New_York",
    "Europe/Berlin",
    "UTC",
    "America/Los_Angeles",
    "Australia/Sydney",
    "Australia/Lord_Howe",
    "Asia/Kolkata",
    "Asia/Kathmandu",
    "America/St_Johns",
    "America/Sao_Paulo",
    "Pacific/Auckland",
]

# From 2012: St. John's changed its clocks at 00:01 until 2011 (a date can then run ahead).
instants = st.datetimes(
    min_value=datetime(2012, 1, 1), max_value=datetime(2060, 1, 1), timezones=st.just(UTC)
)
zones = st.sampled_from(ZONES)
hours = st.integers(min_value=0, max_value=23)


@settings(max_examples=300, deadline=None)
@given(instants, zones, hours)
def test_study_date_is_the_local_date_or_the_day_before(
    instant: datetime, tz: str, hour: int
) -> None:
    local = instant.astimezone(ZoneInfo(tz))
    day = study_date(instant, tz, hour)
    assert day in (local.date(), local.date() - timedelta(days=1))
    if hour == 0:
        assert day == local.date()


@settings(max_examples=300, deadline=None)
@given(instants, instants, zones, hours)
def test_study_date_never_goes_backwards(
    first: datetime, second: datetime, tz: str, hour: int
) -> None:
    earlier, later = sorted((first, second))
    assert study_date(earlier, tz, hour) <= study_date(later, tz, hour)


@settings(max_examples=300, deadline=None)
@given(instants, zones, hours)
def test_instant_falls_between_its_day_start_and_the_next(
    instant: datetime, tz: str, hour: int
) -> None:
    day = study_date(instant, tz, hour)
    assert study_day_start(day, tz, hour) <= instant
    assert instant < study_day_start(day + timedelta(days=1), tz, hour)


@settings(max_examples=300, deadline=None)
@given(st.dates(min_value=date(2012, 1, 1), max_value=date(2060, 1, 1)), zones, hours)
def test_study_day_start_round_trips(day: date, tz: str, hour: int) -> None:
    start = study_day_start(day, tz, hour)
    assert start.utcoffset() == timedelta(0)
    assert study_date(start, tz, hour) == day
    assert study_date(start - SECOND, tz, hour) == day - timedelta(days=1)


@pytest.mark.parametrize("tz", ["America/New_York", "Europe/Berlin"])
@pytest.mark.parametrize("hour", [0, 1, 2, 3, 4])
def test_round_trip_on_every_day_of_2026(tz: str, hour: int) -> None:
    # Every DST night of the year, whatever hour the day rolls over.
    day = date(2026, 1, 1)
    while day.year == 2026:
        start = study_day_start(day, tz, hour)
        assert study_date(start, tz, hour) == day
        assert study_date(start - SECOND, tz, hour) == day - timedelta(days=1)
        length = study_day_start(day + timedelta(days=1), tz, hour) - start
        assert length in (timedelta(hours=23), timedelta(hours=24), timedelta(hours=25))
        day += timedelta(days=1)


@pytest.mark.parametrize(
    ("tz", "hour", "first", "second", "expected"),
    [
        # Chatham 2026-04-05: 03:45 +1345 -> 02:45 +1245 at 14:00 UTC on 04-04.  Study day
        # 04-05 began at the first 03:00 (13:15 UTC); 02:50 on the repeated clock is later.
        ("Pacific/Chatham", 3, utc(2026, 4, 4, 13, 30), utc(2026, 4, 4, 14, 5), date(2026, 4, 5)),
        # Troll 2026-10-25: 03:00 +02 -> 01:00 +00 at 01:00 UTC; day began 02:00 +02 = 00:00 UTC.
        (
            "Antarctica/Troll",
            2,
            utc(2026, 10, 25, 0, 30),
            utc(2026, 10, 25, 1, 30),
            date(2026, 10, 25),
        ),
        # St. John's 2010-11-07: 00:01 -0230 -> 23:01 -0330 (on 11-06) at 02:31 UTC; day
        # 11-07 began at 00:00 -0230 = 02:30 UTC, so 23:05 on 11-06's clock is already 11-07.
        (
            "America/St_Johns",
            0,
            utc(2010, 11, 7, 2, 30),
            utc(2010, 11, 7, 2, 35),
            date(2010, 11, 7),
        ),
    ],
)
def test_study_date_holds_when_the_clock_falls_back_across_the_rollover(
    tz: str, hour: int, first: datetime, second: datetime, expected: date
) -> None:
    assert study_date(first, tz, hour) == expected
    assert study_date(second, tz, hour) == expected


def offset_changes(tz: ZoneInfo, year: int) -> list[datetime]:
    """UTC hours in ``year`` just after the zone's offset changed."""
    changes = []
    instant = datetime(year, 1, 1, tzinfo=UTC)
    offset = instant.astimezone(tz).utcoffset()
    while instant.year == year:
        instant += timedelta(hours=1)
        if instant.astimezone(tz).utcoffset() != offset:
            changes.append(instant)
            offset = instant.astimezone(tz).utcoffset()
    return changes


@pytest.mark.parametrize("tz", [*ZONES, "Pacific/Chatham", "Antarctica/Troll"])
def test_every_rollover_hour_across_the_dst_nights_of_2026(tz: str) -> None:
    zone = ZoneInfo(tz)
    for change in offset_changes(zone, 2026):
        for hour in range(24):
            instant, previous = change - timedelta(hours=5), None
            while instant < change + timedelta(hours=4):
                day = study_date(instant, zone, hour)
                assert previous is None or previous <= day
                assert study_day_start(day, zone, hour) <= instant
                assert instant < study_day_start(day + timedelta(days=1), zone, hour)
                instant, previous = instant + timedelta(minutes=15), day
