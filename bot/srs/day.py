"""The learner's study day: a local date that rolls over at a chosen hour.

Reviewing at 01:30 still belongs to "yesterday" with the default 04:00
rollover, so a late-night session does not eat tomorrow's cards.  Everything
here is a pure function of an aware UTC instant, an IANA zone and the hour.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

DEFAULT_ROLLOVER_HOUR = 4


def zone(name: str) -> ZoneInfo:
    """An IANA zone, with a ValueError (not a KeyError subclass) for a bad name."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError) as exc:
        # OSError: a region such as "Asia" names a tzdata folder, not a zone.
        raise ValueError(f"unknown time zone: {name!r}") from exc


def _require_aware(instant: datetime) -> None:
    if instant.tzinfo is None or instant.utcoffset() is None:
        raise ValueError("instant must be timezone-aware (store and pass UTC)")


def _check_hour(rollover_hour: int) -> None:
    if not 0 <= rollover_hour <= 23:
        raise ValueError(f"rollover hour must be in 0..23, not {rollover_hour}")


def study_date(instant: datetime, tz: str | ZoneInfo, rollover_hour: int) -> date:
    """The learner's "today" at ``instant``.

    Study day D runs from the first moment the local clock shows the rollover
    hour on D until that moment on D+1.  Defined by instants rather than by
    the wall-clock hour, it never goes backwards, even where a fall-back moves
    the clock back across the rollover hour (as in Pacific/Chatham); on
    ordinary days it is simply "before 04:00 belongs to yesterday".
    """
    _require_aware(instant)
    _check_hour(rollover_hour)
    tzinfo = tz if isinstance(tz, ZoneInfo) else zone(tz)
    local_day = instant.astimezone(tzinfo).date()
    for day in (local_day + timedelta(days=1), local_day):
        if study_day_start(day, tzinfo, rollover_hour) <= instant:
            return day
    return local_day - timedelta(days=1)


def local_instant(day: date, at: time, tz: str | ZoneInfo) -> datetime:
    """The UTC instant of local wall-clock ``at`` on ``day``.

    A time skipped by a DST change (e.g. 02:30 on a spring-forward night) is
    moved forward by the gap, as clocks are; an ambiguous time takes its first
    occurrence.
    """
    tzinfo = tz if isinstance(tz, ZoneInfo) else zone(tz)
    naive = datetime.combine(day, at.replace(tzinfo=None))
    # fold=0 resolves a gap time with the offset in force before the change,
    # which lands after the gap, and an ambiguous time at its first occurrence.
    return naive.replace(tzinfo=tzinfo, fold=0).astimezone(UTC)


def wall_time_exists(day: date, at: time, tz: str | ZoneInfo) -> bool:
    """False for a local time skipped by a DST change (it never shows on a clock)."""
    tzinfo = tz if isinstance(tz, ZoneInfo) else zone(tz)
    naive = datetime.combine(day, at.replace(tzinfo=None))
    aware = naive.replace(tzinfo=tzinfo)
    round_trip = aware.astimezone(UTC).astimezone(tzinfo).replace(tzinfo=None)
    return round_trip == naive


def study_day_start(day: date, tz: str | ZoneInfo, rollover_hour: int) -> datetime:
    """The UTC instant at which study day ``day`` begins."""
    _check_hour(rollover_hour)
    return local_instant(day, time(hour=rollover_hour), tz)
