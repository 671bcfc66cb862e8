"""The learner's study day: a local date that rolls over at a chosen hour.

Reviewing at 01:30 still belongs to "yesterday" with the default 04:00
rollover, so a late-night session does not eat tomorrow's cards.  Everything
here is a pure function of an aware UTC instant, an IANA zone and the hour.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
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


@lru_cache(maxsize=4096)
def study_day_start(day: date, tz: str | ZoneInfo, rollover_hour: int) -> datetime:
    """The UTC instant at which study day ``day`` begins.

    Remembered (a pure function of its arguments): every answer and every card drawn
    asks it twice or more, for the few days and zones in use at a time.
    """
    _check_hour(rollover_hour)
    return local_instant(day, time(hour=rollover_hour), tz)


@dataclass(frozen=True, slots=True)
class KeptDay:
    """A study day kept across a change of zone or rollover hour: ``day`` lasts until ``until``."""

    day: date
    until: datetime


def learner_date(
    instant: datetime, tz: str | ZoneInfo, rollover_hour: int, kept: KeptDay | None
) -> date:
    """The learner's "today", keeping a study day that a settings change would cut short.

    Until ``kept.until`` it is still ``kept.day``; after, the new zone and
    hour decide, but never a day before ``kept.day``: a study day already
    spent (its reviews done, its new cards introduced) stays spent, whichever
    way the clock moved.
    """
    today = study_date(instant, tz, rollover_hour)
    if kept is None:
        return today
    _require_aware(kept.until)
    if instant < kept.until:
        return kept.day
    return max(kept.day, today)


def keep_day(
    instant: datetime, tz: str | ZoneInfo, rollover_hour: int, kept: KeptDay | None
) -> KeptDay:
    """What to keep when the zone or rollover hour changes at ``instant`` (old settings given).

    For a day in progress that the learner has spent (answered in): it goes
    on until it would have ended under the old settings.  Moving east late
    in the evening (Asia/Seoul to Pacific/Kiritimati at 23:30) would
    otherwise start tomorrow at once: the faces just reviewed due again and
    the new-card allowance given twice.  Moving west, `learner_date` holds
    the day until the new zone reaches the next one, so the learner is never
    taken back to a day with a fresh allowance either.
    """
    today = learner_date(instant, tz, rollover_hour, kept)
    ends = study_day_start(today + timedelta(days=1), tz, rollover_hour)
    if kept is not None and kept.until > ends:
        ends = kept.until
    return KeptDay(today, ends)
