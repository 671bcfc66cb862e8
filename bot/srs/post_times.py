"""When a study group's daily question is posted and revealed: pure functions of the zone.

A channel posts at a local wall time every local day; these turn that into
UTC instants (a time a DST change skips moves forward, as clocks do) and
find the days such a gap would swallow the post.  No clock is read here:
``now`` is always an argument.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import date, datetime, time, timedelta

from bot.srs.day import local_instant, wall_time_exists, zone

#: Days ahead checked for a DST gap at the chosen time.
DST_LOOKAHEAD_DAYS = 366


def local_today(now: datetime, tz: str) -> date:
    """The channel's local calendar date at ``now``."""
    return now.astimezone(zone(tz)).date()


def post_instant(day: date, at: time, tz: str) -> datetime:
    """The UTC instant of the post for the channel's local ``day``."""
    return local_instant(day, at, tz)


def next_post_instant(at: time, tz: str, now: datetime, taken: Collection[date]) -> datetime:
    """The first post instant after ``now`` (or still unclaimed today) for an active channel.

    ``taken`` are the local days already claimed (posted, or skipped).
    """
    today = local_today(now, tz)
    for offset in range(-1, 3):
        day = today + timedelta(days=offset)
        instant = post_instant(day, at, tz)
        if day not in taken and instant >= now:
            return instant
    return post_instant(today + timedelta(days=3), at, tz)


def reveal_instant(post_at: datetime, now: datetime, reveal_after_minutes: int) -> datetime:
    """When a post claimed at ``now`` for ``post_at`` is revealed: the delay counts from
    the post going out, so a late post still gives members the whole delay."""
    return max(post_at, now) + timedelta(minutes=reveal_after_minutes)


def skipped_day(at: time, tz: str, start: date, days: int = DST_LOOKAHEAD_DAYS) -> date | None:
    """The first day from ``start`` on which wall time ``at`` never shows (a DST gap)."""
    for offset in range(days):
        day = start + timedelta(days=offset)
        if not wall_time_exists(day, at, tz):
            return day
    return None
