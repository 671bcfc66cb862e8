"""Instants and lengths of time as a message shows them.

An instant goes out as a Discord timestamp (`discord.utils.format_dt`), which
every reader's client shows in their own time zone; a study group's schedule
also names the group's own local time and zone, which is what its admin set.
"""

from __future__ import annotations

from datetime import datetime

from discord.utils import format_dt

from bot.srs.day import zone


def local_when(at: datetime | None, zone_name: str) -> str:
    """``2026-11-26 09:00 (Asia/Seoul) · <t:…:R>``: the group's local time and a relative one."""
    if at is None:
        return "-"
    local = at.astimezone(zone(zone_name)).strftime("%Y-%m-%d %H:%M")
    return f"{local} ({zone_name}) · {format_dt(at, 'R')}"


def duration(minutes: int, lang: str) -> str:
    """``8시간 30분`` / ``8 h 30 min``: how long until a reveal."""
    hours, rest = divmod(minutes, 60)
    if lang == "ko":
        parts = (f"{hours}시간" if hours else "", f"{rest}분" if rest else "")
    else:
        parts = (f"{hours} h" if hours else "", f"{rest} min" if rest else "")
    return " ".join(p for p in parts if p)
