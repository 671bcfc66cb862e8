"""Times of day and lengths of time as people type them, in Korean and in English.

An admin (or a learner setting a reminder) writes a time the way they say it:
``09:00``, ``21:30``, ``9시 30분``, ``오전 9시``, ``저녁 7시 반``, ``정오``,
``7pm``, ``7:30 p.m.``, ``noon``.  A word for the part of the day settles the
hour the way Korean speakers mean it (저녁 7시 is 19:00, 밤 12시 midnight,
새벽 3시 03:00); a bare hour is read on the 24-hour clock.  Anything else is
None, and the caller names the accepted forms (the catalogue's ``bad_time``).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from datetime import time

#: How a part-of-day word turns the hour someone said into the hour on a 24-hour clock
#: (None: that hour does not go with the word, e.g. "오전 15시", "13pm").
_Shift = Callable[[int], int | None]


def _am(hour: int) -> int | None:
    return 0 if hour == 12 else hour if hour <= 11 else None


def _pm(hour: int) -> int | None:
    return 12 if hour == 12 else hour + 12 if 1 <= hour <= 11 else None


def _korean_pm(hour: int) -> int | None:
    """오후/저녁: also takes a 24-hour hour ("오후 15시" says 15:00 twice)."""
    return hour if 13 <= hour <= 23 else _pm(hour)


def _daytime(hour: int) -> int | None:
    """낮/점심: 낮 2시 is 14:00, 낮 11시 11:00, 낮 12시 noon."""
    return hour + 12 if 1 <= hour <= 6 else hour if 7 <= hour <= 12 else None


def _night(hour: int) -> int | None:
    """밤: 밤 9시 is 21:00, 밤 12시 midnight, 밤 1시 01:00 (late at night)."""
    if hour == 12:
        return 0
    return hour + 12 if 6 <= hour <= 11 else hour if 0 <= hour <= 5 else None


def _early(hour: int) -> int | None:
    """새벽/아침: as said (새벽 3시, 아침 7시); 새벽 12시 is midnight."""
    return 0 if hour == 12 else hour if hour <= 11 else None


_PARTS: dict[str, _Shift] = {
    "오전": _am, "am": _am,
    "오후": _korean_pm, "저녁": _korean_pm, "pm": _pm,
    "낮": _daytime, "점심": _daytime,
    "밤": _night,
    "새벽": _early, "아침": _early,
}
_NAMED = {"정오": time(12, 0), "noon": time(12, 0), "자정": time(0, 0), "midnight": time(0, 0)}

_CLOCK = re.compile(
    r"(?P<before>오전|오후|아침|낮|점심|저녁|밤|새벽|am|pm)?\s*"
    r"(?:(?P<hhmm>\d{4})"  # 0930, 1900
    r"|(?P<hour>\d{1,2})"
    r"(?:\s*시\s*(?:(?P<k_min>\d{1,2})\s*분|(?P<half>반))?"  # 9시, 9시 30분, 9시 반
    r"|\s*[:.h]\s*(?P<min>\d{2})"  # 9:30, 9.30, 19h30
    r"|h)?)"  # 19h
    r"\s*(?P<after>am|pm)?"
)
#: What may follow a time without changing it: "9시에", "9시쯤", "7 o'clock".
_TAIL = re.compile(r"\s*(?:에|쯤|경|o'?clock)$")


def _normal(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).casefold().strip()
    text = re.sub(r"(?<![a-z])([ap])\.\s*m\.?", r"\1m", text)  # "p.m." -> "pm"
    text = _TAIL.sub("", text)
    return " ".join(text.split())


def parse_local_time(text: str) -> time | None:
    """A time of day as people write it (see the module); None when it is not one."""
    said = _normal(text)
    if said in _NAMED:
        return _NAMED[said]
    match = _CLOCK.fullmatch(said)
    if match is None:
        return None
    if match["hhmm"]:
        hour, minute = int(match["hhmm"][:2]), int(match["hhmm"][2:])
    else:
        hour = int(match["hour"])
        minute = 30 if match["half"] else int(match["k_min"] or match["min"] or 0)
    part = match["before"] or match["after"]
    if match["before"] and match["after"]:
        return None  # "오후 7pm": said twice, maybe two different things
    if part is not None:
        if match["hhmm"]:
            return None  # "pm 1900"
        shifted = _PARTS[part](hour)
        if shifted is None:
            return None
        hour = shifted
    if not (0 <= hour <= 23 and 0 <= minute <= 59):
        return None
    return time(hour, minute)


_DURATION = re.compile(
    r"(?:(?P<hours>\d+)\s*(?:h|hrs?|hours?|시간)\s*(?P<half>반)?)?\s*"
    r"(?:(?P<minutes>\d+)\s*(?:m|mins?|minutes?|분)?)?"
)


def parse_duration_minutes(text: str) -> int | None:
    """``"90"``, ``"90m"``, ``"8h"``, ``"2h30m"``, ``"1시간 30분"``, ``"1시간 반"`` -> minutes."""
    match = _DURATION.fullmatch(_normal(text))
    if match is None or not (match["hours"] or match["minutes"]):
        return None
    if match["half"] and match["minutes"]:
        return None  # "1시간 반 10분"
    return int(match["hours"] or 0) * 60 + (30 if match["half"] else int(match["minutes"] or 0))
