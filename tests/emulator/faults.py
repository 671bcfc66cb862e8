"""Failures on demand and Discord's rate limits, answered the way Discord answers them.

discord.py decides what to do from headers and body fields (``Via``,
``retry_after``, ``global``, ``X-RateLimit-*``), so each answer here carries all
of them; a 429 without ``Via`` is treated as a Cloudflare ban, not a limit.
"""

from __future__ import annotations

import fnmatch
import hashlib
import math
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from .state import JSON


def route_matches(pattern: str, method: str, path: str) -> bool:
    """``"POST /channels/*/messages"`` or just ``"/channels/*"`` (any method)."""
    if not pattern.startswith("/") and " " not in pattern and pattern != "*":
        raise ValueError(f"route pattern must look like 'METHOD /path' or '/path': {pattern!r}")
    if pattern.startswith("/") or pattern == "*":
        pattern = "* " + pattern
    return fnmatch.fnmatchcase(f"{method} {path}", pattern)


@dataclass
class Reply:
    """A ready-made HTTP answer that short-circuits the normal handler."""

    status: int
    body: JSON
    headers: dict[str, str] = field(default_factory=dict)


def too_many_requests(retry_after: float, *, is_global: bool, scope: str = "user",
                      bucket: str = "", limit: int = 5) -> Reply:
    """A 429 as Discord sends it: bucket headers for a route, ``X-RateLimit-Global`` if global."""
    headers = {"Retry-After": str(math.ceil(retry_after)), "Via": "1.1 google",
               "X-RateLimit-Scope": "global" if is_global else scope}
    if is_global:
        headers["X-RateLimit-Global"] = "true"
    else:
        headers.update(limit_headers(bucket=bucket, limit=limit, remaining=0,
                                     reset_after=retry_after, now=time.time()))
    body = {"message": "You are being rate limited.", "retry_after": retry_after,
            "global": is_global, "code": 0}
    return Reply(429, body, headers)


@dataclass
class Fault:
    pattern: str
    remaining: int
    answer: Callable[[str], Reply]  # given the route's bucket name


class FaultPlan:
    """Queued faults: each matches the next ``count`` requests whose route fits."""

    def __init__(self) -> None:
        self._faults: list[Fault] = []

    def rate_limit(self, route: str = "*", *, count: int = 1, retry_after: float = 0.2,
                   is_global: bool = False, scope: str = "user") -> None:
        """429 for the next ``count`` matching requests; ``scope`` may be "user" or "shared"."""
        self._faults.append(Fault(route, count, lambda bucket: too_many_requests(
            retry_after, is_global=is_global, scope=scope, bucket=bucket)))

    def server_error(self, route: str = "*", *, status: int = 502, count: int = 1) -> None:
        self.error(route, status=status, code=0, message=f"{status}: Server error", count=count)

    def error(self, route: str, *, status: int, code: int, message: str, count: int = 1) -> None:
        """Any Discord JSON error, e.g. 403/50013 Missing Permissions."""
        reply = Reply(status, {"message": message, "code": code})
        self._faults.append(Fault(route, count, lambda _bucket: reply))

    def dm_too_fast(self, *, count: int = 1, retry_after: float = 1.0) -> None:
        """Opening a DM answers 429/40003; Discord sends it without ``Via``, so it raises."""
        reply = Reply(429, {"message": "You are opening direct messages too fast.",
                            "code": 40003, "retry_after": retry_after, "global": False})
        self._faults.append(Fault("POST /users/@me/channels", count, lambda _bucket: reply))

    def take(self, method: str, path: str, bucket: str) -> Reply | None:
        for fault in self._faults:
            if fault.remaining > 0 and route_matches(fault.pattern, method, path):
                fault.remaining -= 1
                return fault.answer(bucket)
        return None

    def clear(self) -> None:
        self._faults.clear()


def limit_headers(*, bucket: str, limit: int, remaining: int, reset_after: float,
                  now: float) -> dict[str, str]:
    return {
        "X-RateLimit-Limit": str(limit),
        "X-RateLimit-Remaining": str(remaining),
        "X-RateLimit-Reset": f"{now + reset_after:.3f}",
        "X-RateLimit-Reset-After": f"{reset_after:.3f}",
        "X-RateLimit-Bucket": hashlib.sha1(bucket.encode()).hexdigest()[:16],
    }


@dataclass
class _Window:
    limit: int
    period: float
    used: int = 0
    resets_at: float = 0.0

    def roll(self, now: float) -> None:
        if now >= self.resets_at:
            self.used = 0
            self.resets_at = now + self.period


class RateLimits:
    """Discord's limits: 50 requests/s per bot, 5 messages per 5 s per channel.

    When ``enforce`` is off the headers still come, with a generous limit, so
    the client never throttles itself and tests stay fast.
    """

    GLOBAL = (50, 1.0)
    MESSAGES = (5, 5.0)
    OTHER = (50, 1.0)

    def __init__(self, enforce: bool = False) -> None:
        self.enforce = enforce
        self._global = _Window(*self.GLOBAL)
        self._buckets: dict[str, _Window] = {}

    def _window(self, bucket: str, is_message_post: bool) -> _Window:
        if bucket not in self._buckets:
            limit, period = self.MESSAGES if is_message_post else self.OTHER
            self._buckets[bucket] = _Window(limit, period)
        return self._buckets[bucket]

    def admit(self, method: str, template: str, major: str, counts_global: bool) -> Reply | None:
        """Counts the request; answers 429 when enforcing and a limit is exceeded."""
        now = time.monotonic()
        bucket = f"{method} {template} {major}"
        window = self._window(bucket, method == "POST" and template.endswith("/messages"))
        window.roll(now)
        if self.enforce and counts_global:
            self._global.roll(now)
            if self._global.used >= self._global.limit:
                return too_many_requests(self._global.resets_at - now, is_global=True)
            self._global.used += 1
        if self.enforce and window.used >= window.limit:
            return too_many_requests(window.resets_at - now, is_global=False,
                                     bucket=f"{method} {template}", limit=window.limit)
        window.used += 1
        return None

    def headers(self, method: str, template: str, major: str) -> dict[str, str]:
        """Headers for a successful answer: the real counts when enforcing."""
        now = time.monotonic()
        window = self._window(f"{method} {template} {major}", False)
        if self.enforce:
            remaining = max(window.limit - window.used, 0)
            reset_after = max(window.resets_at - now, 0.0)
            limit = window.limit
        else:
            limit, remaining, reset_after = 1000, 999, 1.0
        return limit_headers(bucket=f"{method} {template}", limit=limit, remaining=remaining,
                             reset_after=reset_after, now=time.time())
